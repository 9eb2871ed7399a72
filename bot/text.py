"""Normalisation of what people type on a phone, before any matching.

NFKC folds full-width forms, OpenCC folds traditional characters, a table folds colloquial and
Northeastern phrasing onto standard words, and fillers are dropped, so the matcher sees one
spelling of each question. The tables are language data, knowledge/language/text.yaml.

Every text is cut to MAX_CHARS (Telegram's 4,096) before and after folding, so the cost of
every pattern that reads it is bounded however long or expansive the input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from pydantic import Field

from bot.knowledge import Collector
from bot.language import Strict, load_model

# Telegram's limit on a message. A longer text is cut here, before NFKC (which can triple it:
# ⒛ → "20.") and again after folding, so no pattern downstream ever reads more than this.
MAX_CHARS = 4096
MAX_FOLDED = MAX_CHARS  # the name the guard reads it by


class TextData(Strict):
    """knowledge/language/text.yaml: how people's phrasing is folded before matching."""

    phrases: dict[str, str]
    fillers: list[str]
    particles: list[str]
    # Words a particle is part of, kept whole: 酒吧 is a bar, not 酒 and a 吧.
    particle_words: list[str] = Field(default_factory=list)
    # Short Latin or digit forms that stand for a word only when they stand alone: 88 → 拜拜
    # (not inside 024-88881877), dh → 电话 (巡视组dh多少, not inside "adhere").
    tokens: dict[str, str] = Field(default_factory=dict)
    # Words that mean something only as the whole message: 早 alone greets (早就结束了 does not).
    alone: dict[str, str] = Field(default_factory=dict)
    # How a clause that says who the asker is begins (我是护士, 我白天在幼儿园带班): a route's
    # word in it tells of the asker, not of a matter, when something of ours is asked too.
    self_descriptions: list[str] = Field(default_factory=list)
    # Words that ask to choose between ways (打电话行还是必须写信, 哪个稳妥): two ways named with
    # one of them ask how to report, and get every way.
    choices: list[str] = Field(default_factory=list)
    # …unless the lines or the box are asked for themselves (电话多少 信箱多少).
    fact_asks: list[str] = Field(default_factory=list)
    # The group set beside another channel (巡视组跟12388有啥区别, 巡视组、信访局、纪委 我到底该
    # 找谁): answered with whom the group takes and how to reach it.
    other_channels: list[str] = Field(default_factory=list)
    comparisons: list[str] = Field(default_factory=list)
    we: list[str] = Field(default_factory=list)  # 打12388跟打你们: the bot stands for the group
    # How an answer's sentence pointing to the other way begins (也可以写信寄…): it is left out
    # when another topic of the same reply states its facts (电话和信箱: the box said once).
    cross_references: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Language:
    phrases: tuple[tuple[str, str], ...]  # longest first, so that 啥时候 goes before 啥
    fillers: re.Pattern[str]
    particles: re.Pattern[str]
    tokens: dict[str, str]
    token: re.Pattern[str]
    alone: dict[str, str]
    self_descriptions: tuple[str, ...]
    choices: tuple[str, ...]
    fact_asks: tuple[str, ...]
    other_channels: tuple[str, ...]
    comparisons: tuple[str, ...]
    we: tuple[str, ...]
    cross_references: tuple[str, ...]


# Lists of words matched against the normalised message: each must survive normalising.
_WORD_LISTS = ("self_descriptions", "choices", "fact_asks", "other_channels", "comparisons", "we")


def _check(data: TextData, out: Collector) -> None:
    """A word that folding changes first (traditional, upper case, width) can never match."""
    for key in data.phrases:
        if _fold_script(key) != key or not key.strip():
            out.add(
                ("phrases", key), f"{key!r} is folded to {_fold_script(key)!r} first; write that"
            )
    for i, word in enumerate(data.fillers):
        if _fold_script(word) != word or not word.strip():
            out.add(
                ("fillers", i), f"{word!r} is folded to {_fold_script(word)!r} first; write that"
            )
    for i, char in enumerate(data.particles):
        if len(char) != 1:
            out.add(("particles", i), f"{char!r}: a particle is one character")
    for field in _WORD_LISTS:
        for i, word in enumerate(getattr(data, field)):
            rewritten = next((key for key in data.phrases if key in word), None)
            if _fold_script(word) != word or rewritten or not word.strip():
                out.add(
                    (field, i),
                    f"{word!r} is rewritten before matching ({rewritten or _fold_script(word)!r});"
                    " write it as normalising leaves it",
                )
    for key in data.alone:
        if _fold_script(key) != key or not key.strip():
            out.add(("alone", key), f"{key!r} is folded to {_fold_script(key)!r} first; write that")
    for key in data.tokens:
        if not re.fullmatch(r"[a-z0-9]{1,8}", key):
            out.add(("tokens", key), f"{key!r}: a token is 1–8 lower-case Latin letters or digits")


@cache
def language_data() -> _Language:
    """text.yaml, read, checked and compiled once (KnowledgeError with file:line if bad)."""
    data = load_model("text.yaml", TextData, _check)
    phrases = tuple(sorted(data.phrases.items(), key=lambda kv: -len(kv[0])))
    fillers = sorted(data.fillers, key=len, reverse=True)  # 请问一下 before 请问
    return _Language(
        phrases,
        re.compile("|".join(map(re.escape, fillers)) or "(?!)"),
        _particle_pattern(data.particles, data.particle_words),
        data.tokens,
        _token_pattern(data.tokens),
        data.alone,
        tuple(data.self_descriptions),
        tuple(data.choices),
        tuple(data.fact_asks),
        tuple(data.other_channels),
        tuple(data.comparisons),
        tuple(data.we),
        tuple(data.cross_references),
    )


def _particle_pattern(particles: list[str], kept: list[str]) -> re.Pattern[str]:
    """A particle, or a word it is part of (group 1, kept): 酒吧 matches whole, before 吧."""
    if not particles:
        return re.compile("(?!)")
    # Group 1 is there even with no words (it then never matches), for `strip_fillers`.
    words = "|".join(map(re.escape, sorted(kept, key=len, reverse=True))) or "(?!)"
    chars = "[" + "".join(map(re.escape, particles)) + "]"
    return re.compile(f"({words})|{chars}")


def _token_pattern(tokens: dict[str, str]) -> re.Pattern[str]:
    """Latin tokens apart from other Latin letters and digits (巡视组dh多少); digit tokens
    apart from any word character too, so 88 is no part of 88万 or 024-88881877."""
    latin = sorted((t for t in tokens if not t.isdigit()), key=len, reverse=True)
    digits = sorted((t for t in tokens if t.isdigit()), key=len, reverse=True)
    branches = []
    if latin:
        branches.append(rf"(?<![a-z0-9])(?:{'|'.join(latin)})(?![a-z0-9])")
    if digits:
        branches.append(rf"(?<![\w.:-])(?:{'|'.join(digits)})(?![\w.:-])")
    return re.compile("|".join(branches) or "(?!)")


# NFKC leaves these as they are; the patterns downstream expect ASCII punctuation.
_CJK_PUNCT = str.maketrans(
    {"。": ".", "、": ",", "～": "~", "「": '"', "」": '"', "『": '"', "』": '"'}
)
_ZERO_WIDTH_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_IN_CJK_RE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_PUNCT_RUN_RE = re.compile(r"[^\w\u3400-\u9fff\uf900-\ufaff]+")
_CJK_RE = re.compile(rf"[{_CJK}]")
_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE_RE = re.compile(rf"{_NUMBER}月{_NUMBER}[号日]")
_WU_QUESTION_RE = re.compile(r"伐(?=$|[\s,.!?])")
# A number read out digit by digit, as voice input writes it: 零二四 八八八八一八七七 is
# 024 88881877, 幺幺零 is 110. Three or more in a row: 十 and 百 (三十万) are no digits, and two
# (三四回, 七八个) are a rough count.
_SPOKEN_DIGITS_RE = re.compile("[零〇幺一二三四五六七八九]{3,}")
_SPOKEN_DIGITS = str.maketrans("零〇幺一二三四五六七八九", "001123456789")
# Digits spelt in pinyin, five or more (ling er si ba ba ba ba yi ba qi qi → 02488881877);
# fewer are as likely words (yi qi ba: 一起吧). Each syllable is one branch, tried once.
_PINYIN_DIGIT = {
    "ling": "0", "yao": "1", "yi": "1", "er": "2", "san": "3", "si": "4", "wu": "5",
    "liu": "6", "qi": "7", "ba": "8", "jiu": "9",
}  # fmt: skip
_PINYIN_DIGITS_RE = re.compile(
    r"(?<![a-z])(?:(?:ling|yao|yi|er|san|si|wu|liu|qi|ba|jiu) ?){5,16}(?![a-z])"
)
_PINYIN_SYLLABLE_RE = re.compile(r"ling|yao|yi|er|san|si|wu|liu|qi|ba|jiu")
# 一点 before 不, 也, 儿, 都, 没, 用, 些, 关, 意, 小, 事 or 好 is "a little", no clock (一点不沾边,
# 一点关系没有), and so is 有一点, 差一点; 十一点不能打吗 is still eleven o'clock.
_CLOCK_RE = re.compile(
    r"(?<![几\d有差])(?:\d{1,2}|(?!一点[不也儿都没用些关意小事好])[一二三四五六七八九十两]{1,3})"
    r"[点:]钟?(?:半|\d\d|[一二三四五]刻)?"
)
# An item's number: a digit on its own (1能匿名, not the 1 of 110034), or a Chinese numeral
# at a clause's start, before a space (一 巡视组电话多少 二 他在外地能不能写信) or counted out
# (一是…二是…, 第一 …第二 …, 一来…二来…; 第三巡视组 is no item).
_ITEM_RE = re.compile(r"(?<!\d)[1-9](?!\d)|(?:^|(?<= ))第?([一二三四五六七八九])(?= |是|来)")
_ITEM_VALUES = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
_LIST_JOIN_RE = re.compile("还有")
_LIST_JOINS = 2  # 还有 twice: three questions
# A pictograph or symbol typed several times over (a backreference to one character: linear).
_REPEATED_SYMBOL_RE = re.compile("([\u2600-\u27bf\U0001f300-\U0001faff])\\1+")
# Clause boundaries in normalised text, where punctuation has become a space.
_CLAUSE_BREAK_RE = re.compile(r" |还有|另外|以及|顺便|再问|再就是|然后")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _t2s() -> _Converter:
    import opencc  # imported lazily: it loads its dictionaries on first use

    return opencc.OpenCC("t2s")


def _join_spaced_characters(text: str) -> str:
    """电 话 多 少 is one word typed with spaces; 寄哪 他们几号走 is two clauses."""
    chunks = text.split()
    cjk = [c for c in chunks if has_cjk(c)]
    if len(cjk) >= 2 and sum(len(c) for c in cjk) <= 1.5 * len(cjk):
        return _SPACE_IN_CJK_RE.sub("", text)
    return text


def _fold_script(text: str) -> str:
    """Width, case, script and invisible characters folded: the spelling, not the words."""
    # Cut before NFKC and right after it: ﷺ alone becomes 18 letters, ⒛ becomes "20.".
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])[:MAX_CHARS].translate(_CJK_PUNCT)
    text = _ZERO_WIDTH_RE.sub("", text)
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    return _t2s().convert(text.lower()[:MAX_CHARS])


def _pinyin_digits(m: re.Match[str]) -> str:
    digits = "".join(_PINYIN_DIGIT[s] for s in _PINYIN_SYLLABLE_RE.findall(m.group()))
    return digits + (" " if m.group().endswith(" ") else "")


def fold(text: str) -> str:
    """Spelling folded, then colloquial phrasing; punctuation kept (for splitting).

    At most MAX_CHARS characters come out, whatever goes in.
    """
    text = _join_spaced_characters(_fold_script(text))
    text = _REPEATED_SYMBOL_RE.sub(r"\1", text)  # 👍👍👍 says what 👍 says
    for old, new in language_data().phrases:
        if old in text:
            text = text.replace(old, new)
    text = _SPOKEN_DIGITS_RE.sub(lambda m: m.group().translate(_SPOKEN_DIGITS), text)
    text = _PINYIN_DIGITS_RE.sub(_pinyin_digits, text)
    # Wu's final 伐 is 吗.
    return _WU_QUESTION_RE.sub("吗", text)


def strip_fillers(text: str) -> str:
    """Drop fillers and particles, unless nothing would be left (a bare 你好 is a greeting)."""
    data = language_data()
    stripped = data.particles.sub(lambda m: m.group(1) or "", data.fillers.sub(" ", text))
    return stripped if stripped.strip(" ,.?!") else text


def normalise(text: str) -> str:
    """One spelling of a question: folded, fillers dropped, punctuation runs as single spaces."""
    return normalise_folded(fold(text))


def normalise_folded(folded: str) -> str:
    """`normalise` for text that has already been through `fold`.

    For matching only, a time of day reads as 几点 (下午五点还能打吗 asks about the hours) and a
    date as 几月几号 (4月20号还来得及 asks about the period); the report guard sees them as
    written.
    """
    text = _DATE_RE.sub("几月几号", _CLOCK_RE.sub("几点", folded))
    data = language_data()
    text = data.token.sub(lambda m: data.tokens[m.group()], text)
    return _PUNCT_RUN_RE.sub(" ", strip_fillers(text)).strip()


def as_whole_message(norm: str) -> str:
    """A normalised message that is only a word meaning something alone, read as that (早 →
    早上好); for messages, never for the keywords they are matched against."""
    return language_data().alone.get(norm, norm)


def list_items(norm: str) -> list[int]:
    """Where each question of a numbered list in a normalised message begins, [] if it is
    none: 1 电话多少 2 几点能打 3 信寄哪 → [0, 7, 14] (①能匿名吗②信箱号 folds to 1能匿名2信箱).
    The numbers must run 1, 2, 3 in order, so a number in a sentence (3个人去过 2回) is none."""
    starts: list[int] = []
    for m in _ITEM_RE.finditer(norm):
        item = m.group(1) or m.group()
        if (int(item) if item.isdigit() else _ITEM_VALUES[item]) == len(starts) + 1:
            starts.append(m.start())
    if len(starts) > 1:
        return starts
    # 电话多少还有几点能打还有信箱地址还有…: questions chained by 还有 are a list too, when it
    # joins three or more (还有人接吗 alone is "still").
    joins = [m.start() for m in _LIST_JOIN_RE.finditer(norm)]
    return [0, *joins] if len(joins) >= _LIST_JOINS else []


def clause_starts(norm: str) -> list[int]:
    """Where each clause after the first begins in a normalised message (寄哪 他们几号走)."""
    return [m.end() for m in _CLAUSE_BREAK_RE.finditer(norm)]


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None
