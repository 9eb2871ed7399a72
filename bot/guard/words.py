"""The guard's words, as data: `knowledge/language/guard.yaml`, validated, loaded once.

A maintainer extends the guard by adding a word to a list; nothing here needs to change.
The same lexicon serves the masking of the unanswered log (surnames, titles, bodies), so
the two can no longer drift apart:

    from bot.guard import lexicon
    lex = lexicon()
    lex.surnames            # '张王李…' every single-character surname, for masking
    lex.compound_surnames   # ('欧阳', '司马', …)
    lex.titles              # ('局长', '书记', …)
    lex.bodies              # ('局', '委', '医院', …)

Every word is written as `bot.text.fold` leaves it (simplified, lower case, half width):
the guard only ever sees folded text, so a word that folding rewrites (邮箱 → 信箱) could
never match. The tests fold every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.knowledge import KnowledgeError, Problem, YamlDocument, read_yaml
from bot.language import language_file

FILE = Path("language") / "guard.yaml"
_BUNDLED = Path(__file__).resolve().parents[2] / "knowledge" / FILE
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")

Words = tuple[str, ...]
NonEmptyWords = Field(min_length=1)


class Lexicon(BaseModel):
    """Every list the guard's rules are written over (see guard.yaml for what each is)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    surnames: str = Field(min_length=1)
    compound_surnames: Words = NonEmptyWords
    surnames_latin: Words = NonEmptyWords
    common_surnames: str = Field(min_length=1)
    titles: Words = NonEmptyWords
    officials: Words = NonEmptyWords
    # 乡镇的局长, 区里那种局: a post placed below the remit (12388), unless a higher level is
    # named too (省里的局长, 厅里).
    lower_levels: Words = Field(default_factory=list)
    upper_levels: Words = Field(default_factory=list)
    titles_latin: Words = NonEmptyWords
    bodies: Words = NonEmptyWords
    possessives: Words = NonEmptyWords
    relations: Words = NonEmptyWords
    kin: Words = NonEmptyWords
    deeds: Words = NonEmptyWords
    deeds_latin: Words = NonEmptyWords
    lone_deeds: Words = Field(default_factory=list)  # 贪: a deed only as a word of its own
    kinds_of_problem: Words = NonEmptyWords
    not_titles: dict[str, str] = Field(default_factory=dict)  # 班主任 → 老师
    not_deeds: dict[str, str] = Field(default_factory=dict)  # 签收了 → 签到了: a parcel's
    service_deeds: Words = NonEmptyWords
    professionals: Words = Field(default_factory=list)  # 大夫收红包: a service's complaint
    service_bodies: Words = Field(default_factory=list)  # 医院, 学校: where a bill is a complaint
    bills: Words = Field(default_factory=list)  # 收了: beside 乱收费, the bill itself
    counterparts: Words = Field(default_factory=list)  # 对方开豪车: a private party's riches
    pay_deeds: Words = Field(default_factory=list)  # 扣了: docking, which one's own pay suffers
    pay: Words = Field(default_factory=list)  # 工资, 工钱: what an employer docks
    acts: Words = NonEmptyWords
    investigation_requests: Words = NonEmptyWords
    go_and_check: Words = NonEmptyWords
    directed: Words = NonEmptyWords
    report_verbs: Words = NonEmptyWords
    forward_requests: Words = NonEmptyWords
    read_back: Words = Field(default_factory=list)  # 念一遍你听听: checking a number of ours
    filing_requests: Words = NonEmptyWords
    requests_to_bot: Words = NonEmptyWords
    private: Words = NonEmptyWords
    materials: Words = NonEmptyWords
    praise: Words = NonEmptyWords
    insinuations: Words = NonEmptyWords
    disclaimers: Words = Field(default_factory=list)  # 俺不是告哪个干部: nobody reported
    income: Words = NonEmptyWords
    wealth: Words = NonEmptyWords
    smalltalk: Words = NonEmptyWords
    asides: Words = NonEmptyWords
    question_words: Words = NonEmptyWords
    what_to_do: Words = NonEmptyWords
    impostors: Words = NonEmptyWords
    harms: Words = Field(default_factory=list)
    hypotheticals: Words = NonEmptyWords
    suppositions: Words = Field(default_factory=list)  # 要是, 如果: the hypotheticals that suppose
    remit_of_posts: Words = Field(default_factory=list)
    remit_questions: Words = NonEmptyWords
    not_names: Words = NonEmptyWords
    not_initials: Words = NonEmptyWords

    @field_validator("surnames", "common_surnames", mode="before")
    @classmethod
    def _joined(cls, value: Any) -> Any:
        # Written over several lines in the YAML file: 张王李… 沈姚卢…
        return "".join(value.split()) if isinstance(value, str) else value

    @field_validator("surnames", "common_surnames")
    @classmethod
    def _single_characters(cls, value: str) -> str:
        bad = sorted({c for c in value if not _CJK_CHAR.fullmatch(c)})
        if bad:
            raise ValueError(f"只能写汉字,每个字一个姓;这些不是:{''.join(bad)}")
        twice = sorted({c for c in value if value.count(c) > 1})
        if twice:
            raise ValueError(f"重复的姓:{''.join(twice)}")
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _clean_words(cls, value: Any) -> Any:
        if not isinstance(value, tuple):
            return value
        for word in value:
            if not word.strip():
                raise ValueError("有一个空词")
            if word != word.strip():
                raise ValueError(f"“{word}”前后有空格")
        twice = sorted({w for w in value if value.count(w) > 1})
        if twice:
            raise ValueError(f"重复的词:{'、'.join(twice)}")
        return value

    @model_validator(mode="after")
    def _subsets(self) -> Lexicon:
        problems = {
            "kinds_of_problem": [w for w in self.kinds_of_problem if w not in self.deeds],
            "service_deeds": [w for w in self.service_deeds if w not in self.deeds],
            "pay_deeds": [w for w in self.pay_deeds if w not in self.deeds],
            "bills": [w for w in self.bills if w not in self.deeds],
            "common_surnames": [c for c in self.common_surnames if c not in self.surnames],
        }
        for field, missing in problems.items():
            if missing:
                where = "surnames" if field == "common_surnames" else "deeds"
                raise ValueError(f"{field}: 这些也要写进 {where}:{'、'.join(missing)}")
        return self

    def words(self) -> Iterable[tuple[str, str]]:
        """(list name, word) for every word of every list, surnames one character each."""
        for name in type(self).model_fields:
            value = getattr(self, name)
            yield from ((name, w) for w in value)


_MESSAGES = {
    "missing": "缺少这一项",
    "too_short": "不能为空",
    "string_too_short": "不能为空",
    "string_type": "应该是文字",
    "tuple_type": "应该是一个列表(- 词)",
    "list_type": "应该是一个列表(- 词)",
}


def _problem(doc: YamlDocument, err: Mapping[str, Any]) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        message = f"不认识的项“{loc[-1]}”(拼错了吗?)"
    elif kind in _MESSAGES:
        message = _MESSAGES[kind]
    else:
        message = str(err["msg"]).removeprefix("Value error, ")
        if not loc and ": " in message:  # a check across lists names its own field
            field, message = message.split(": ", 1)
            loc = (field,)
    field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
    return Problem(doc.file, doc.line(loc), field, message)


def parse(doc: YamlDocument) -> Lexicon:
    """The lexicon of a parsed document; KnowledgeError with a located Chinese problem each."""
    if not isinstance(doc.data, dict):
        raise KnowledgeError([Problem(doc.file, doc.line(()), "", "应该是“名字: 词表”的形式")])
    try:
        return Lexicon.model_validate(doc.data)
    except ValidationError as exc:
        raise KnowledgeError([_problem(doc, e) for e in exc.errors(include_url=False)]) from None


def path(faq: str | Path | None = None) -> Path:
    """guard.yaml beside the FAQ (a campaign may bring its own), else the bundled one.

    The FAQ is `faq`, else FAQ_PATH (the Docker image's /app/knowledge/faq.yaml); a folder
    holding only faq.yaml and notice.txt falls back to the copy shipped with the source,
    then to ./knowledge/language/guard.yaml (the image's working directory is /app).
    """
    return language_file(FILE.name, faq)


def load(file: str | Path | None = None) -> Lexicon:
    """Read and validate a guard.yaml (default: `path()`); KnowledgeError, file:line in Chinese."""
    return parse(read_yaml(file if file is not None else path()))


@cache
def lexicon() -> Lexicon:
    """The lexicon in use, read once per process (for the guard and the masking)."""
    return load()
