"""Leftovers of a previous campaign in keywords and examples: warnings, not errors.

After a new notice is entered, the facts are new but keywords and examples may still
name the old campaign (叶青纯, 第三巡视组, 6008, 110034, 回头看). The bot never says
them, but they make it hear the old campaign's words as this one's. A keyword or
example *names* something when it contains:

- a number of 3 or more digits (6008, 110034), unless it is a channel number or a
  year of the campaign;
- a group ordinal: 第三巡视组, 第3组;
- a province or city of the project's table (`knowledge/language/regions.yaml`: 辽宁,
  沈阳), or a campaign kind from `leftovers.yaml` (回头看);
- a person: a 3-character keyword that starts with a common surname (叶青纯), or a
  3–4-character one with a compound surname (欧阳…); an example naming such a keyword.

It is a leftover when what it names does not occur in the notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from bot.knowledge.collect import Collector
from bot.knowledge.problems import KnowledgeError, language
from bot.knowledge.provenance import numbers, occurs
from bot.knowledge.schema import Text, _Model
from bot.knowledge.yaml_safe import read_yaml

RULES_PATH = Path(__file__).with_name("leftovers.yaml")
_ORDINAL = re.compile(r"第[一二三四五六七八九十0-9]+(?:巡视)?组")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
KINDS = {  # kind -> (Chinese, English)
    "number": ("数字", "a number"),
    "ordinal": ("巡视组序号", "a group ordinal"),
    "place": ("地名", "a place"),
    "mission": ("巡视名称", "a campaign kind"),
    "person": ("人名", "a person"),
}


class Rules(_Model):
    not_places: list[Text]
    missions: list[Text]
    surnames: Text
    compound_surnames: list[Text]
    not_names: list[Text]

    def is_person(self, word: str) -> bool:
        """叶青纯 yes; 周末, 范围外 (listed in not_names) no."""
        if not _HAN.fullmatch(word) or word in self.not_names:
            return False
        if len(word) in (3, 4) and word[:2] in self.compound_surnames:
            return True
        return len(word) == 3 and word[0] in self.surnames


@cache
def rules(path: Path = RULES_PATH) -> Rules:
    doc = read_yaml(path)
    out = Collector(doc)
    found = out.validate(Rules, doc.data, ())
    if found is None:
        raise KnowledgeError(out.problems)
    return found


@cache
def places(folder: Path | None = None) -> tuple[str, ...]:
    """Every province and city name of the regions table, but the rules' not_places.

    The table is `language/regions.yaml` beside the FAQ, else the repository's; an
    installed bot may have neither, and then no place is a leftover (this is a warning,
    and the numbers, ordinals and names are still checked).
    """
    from bot.language import language_file
    from bot.regions import load_regions  # the project's one table of places

    table = language_file("regions.yaml", folder / "faq.yaml" if folder else None)
    if not table.is_file():
        return ()
    skip = set(rules().not_places)
    return tuple(name for r in load_regions(table) for name in r.names if name not in skip)


def named(
    text: str, persons: Iterable[str], rules: Rules, places: tuple[str, ...] = ()
) -> Iterator[tuple[str, str]]:
    """(kind, name) of everything campaign-specific that `text` names."""
    for number in numbers(text):
        yield "number", number
    for match in _ORDINAL.finditer(text):
        yield "ordinal", match.group()
    for kind, words in (("place", places), ("mission", tuple(rules.missions))):
        for word in words:
            if word in text:
                yield kind, word
    for person in persons:
        if person in text:
            yield "person", person


def check_leftovers(
    out: Collector,
    entries: Iterable[tuple[str, Any, int, Any]],
    notice: str,
    allowed_numbers: frozenset[str],
    notice_name: str,
    folder: Path | None = None,
) -> None:
    """A warning for each keyword or example naming what the notice does not."""
    table = rules()
    known_places = places(folder)
    entries = list(entries)
    persons = {
        word
        for _, _, _, model in entries
        for word in (*model.keywords, *model.hints)
        if table.is_person(word)
    }
    zh = language() == "zh"
    for section, _kind, i, model in entries:
        for name in ("keywords", "hints", "examples"):
            for j, value in enumerate(getattr(model, name)):
                for kind, word in named(value, persons, table, known_places):
                    if (kind == "number" and word in allowed_numbers) or occurs(word, notice):
                        continue
                    zh_kind, en_kind = KINDS[kind]
                    out.warn(
                        (section, i, name, j),
                        "leftover",
                        value=value,
                        name=word,
                        kind=zh_kind if zh else en_kind,
                        kind_en=en_kind,
                        notice=notice_name,
                    )
