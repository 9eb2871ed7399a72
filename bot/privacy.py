"""What may be kept of a message: only the words the bot knows; everything else is masked.

Masking by allow-list, not by guessing what looks personal. A question is cut into known
words (the FAQ's keywords, hints and titles, the language data, common function words from
`knowledge/language/privacy.yaml`), longest first, and every run of anything else becomes ＊＊.
A name nobody wrote down cannot survive, however it is written:

    王建国局长怎么联系      → ＊＊局长怎么联系
    诸葛亮的电话多少        → ＊＊的电话多少
    W局长 / 老王 / 王总     → ＊＊局长 / ＊＊ / ＊＊
    幸福路18号3单元502室    → ＊＊
    zhang wei / wxid_abc    → ＊＊

Numbers are kept only when the notice or a declared channel states them (6008, 12388), or
when they are too short to identify anyone (a day, an hour: 2 digits at most) or a year;
long digit runs become 〔电话〕, 〔身份证号〕 or 〔银行卡号〕 so the maintainer still sees
what kind of thing was there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from bot.language import language_file
from bot.text import normalise

if TYPE_CHECKING:
    from bot.knowledge import Knowledge

MASK = "＊＊"

_TOKENS = {
    "idcard": "〔身份证号〕",
    "card": "〔银行卡号〕",
    "phone": "〔电话〕",
    "number": "〔号码〕",
}
# A run of digits, possibly broken by spaces, dashes or brackets ("138 0013 8000",
# "6222 0202 0000 1234 567"), ending optionally in the ID-card check letter X. Linear: a
# match can only start where no digit precedes it, and it always succeeds once started.
_DIGITS = re.compile(r"(?<!\d)\+?\d(?:[\d \-‐‑–—－()（）]*\d)?[Xx]?(?!\d)")
# Numbers spelt in characters, a common way round filters: 一三八零零一三八零零零.
_CJK_DIGITS = re.compile(r"[零〇一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖]{5,}")
_NON_DIGIT = re.compile(r"[^\dXx]")
# Sentinels survive normalisation (latin letters), and become the tokens above after it.
_SENTINEL = re.compile(r"zqx([a-z]+)xqz")
# After normalisation: latin words, digit runs, sentinels, single other characters.
# A token of letters and digits together (a plate, a handle, a code: 辽a12345, zjl_8888) is
# masked whole, never read as a word and a number.
_PIECE = re.compile(r"zqx[a-z]+xqz|[a-z0-9_]+|\s+|.", re.DOTALL)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SHORT_NUMBER = 2  # digits; 8点, 27日, 3个: nobody is found by these


class _WordList(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    words: tuple[str, ...] = ()
    singles: tuple[str, ...] = ()
    english: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """The words that may be stored as typed; everything else is masked."""

    words: frozenset[str]  # normalised, any length
    latin: frozenset[str]  # lower-case English words
    numbers: frozenset[str]  # digit strings stated by the notice or a declared channel
    longest: int

    @classmethod
    def build(
        cls,
        words: Iterable[str],
        latin: Iterable[str] = (),
        numbers: Iterable[str] = (),
        *,
        not_alone: Iterable[str] = (),
    ) -> Vocabulary:
        """`not_alone`: characters never kept on their own (surnames: 王 of 王总), only
        inside a longer known word (王府井 if someone listed it)."""
        banned = frozenset(not_alone)
        kept: set[str] = set()
        english: set[str] = {w.lower() for w in latin}
        for raw in words:
            for word in normalise(raw).split():
                if word.isascii():
                    english.update(re.findall(r"[a-z]+", word))
                elif not (len(word) == 1 and word in banned):
                    kept.add(word)
        digits = {re.sub(r"\D", "", n) for n in numbers}
        return cls(
            frozenset(kept),
            frozenset(english),
            frozenset(d for d in digits if d),
            max((len(w) for w in kept), default=1),
        )

    @classmethod
    def of(cls, knowledge: Knowledge, extra: Iterable[str] = ()) -> Vocabulary:
        """The FAQ's vocabulary, the language data's and the common words; cached per FAQ."""
        return _vocabulary(knowledge, tuple(extra))


def common_words(path: Path | None = None) -> _WordList:
    from bot.knowledge import Collector, KnowledgeError, read_yaml

    doc = read_yaml(path or language_file("privacy.yaml"))
    out = Collector(doc)
    words = out.validate(_WordList, doc.data, ())
    if out.problems:
        raise KnowledgeError(out.problems)
    assert isinstance(words, _WordList)
    return words


@cache
def _common() -> _WordList:
    return common_words()


_cached: dict[int, tuple[object, Vocabulary]] = {}


def _vocabulary(knowledge: Knowledge, extra: tuple[str, ...]) -> Vocabulary:
    key = hash((id(knowledge), extra))
    hit = _cached.get(key)
    if hit is not None and hit[0] is knowledge:
        return hit[1]
    from bot.guard import lexicon
    from bot.knowledge import numbers

    common, guard = _common(), lexicon()
    # The guard's titles and bodies are vocabulary too (局长, 教育局): one lexicon for both.
    words: list[str] = [*common.words, *common.singles, *guard.titles, *guard.bodies, *extra]
    for intent in knowledge.intents:
        words += [intent.title, *(intent.keywords), *(intent.hints)]
        if intent.title_en:
            words.append(intent.title_en)
    words += [c.name for c in knowledge.channels.values()]
    words += [knowledge.facts.group, knowledge.facts.province]
    stated = set(knowledge.external_numbers)
    for text in (Path(knowledge.notice_path).read_text("utf-8"), *knowledge.values.values()):
        stated.update(numbers(text))
        stated.update(p for n in numbers(text) for p in n.split("-"))
    vocab = Vocabulary.build(words, common.english, stated, not_alone=guard.surnames)
    if len(_cached) > 8:  # a few FAQs at most (live reloads); drop the oldest
        _cached.pop(next(iter(_cached)))
    _cached[key] = (knowledge, vocab)
    return vocab


# --- masking -----------------------------------------------------------------------------


def _sentinel(kind: str) -> str:
    return f" zqx{kind}xqz "


def _digits_kind(found: str) -> str | None:
    digits = _NON_DIGIT.sub("", found)
    n = len(digits)
    if n < 7:
        return None  # left for the allow-list, which keeps only stated or short numbers
    if n == 18:
        return "idcard"
    if digits[-1] in "Xx" or n > 19:
        return "number"
    return "card" if n >= 16 else "phone"


def _hide_long_numbers(text: str, vocab: Vocabulary) -> str:
    """Long numbers → sentinels, before normalisation drops their separators; numbers the
    notice or a channel states (024-88881877) are kept."""
    # An e-mail address is one whitespace-free token holding "@": masked whole.
    text = " ".join(_sentinel("number") if "@" in t or "＠" in t else t for t in text.split())
    text = _CJK_DIGITS.sub(_sentinel("number"), text)

    def digits(match: re.Match[str]) -> str:
        found = match.group()
        kind = _digits_kind(found)
        if kind is None or _NON_DIGIT.sub("", found) in vocab.numbers:
            return found
        return _sentinel(kind)

    return _DIGITS.sub(digits, text)


def _keep_cjk(run: str, vocab: Vocabulary) -> list[str | None]:
    """Known words of a CJK run, longest first from the left; None for each unknown char."""
    out: list[str | None] = []
    i, n = 0, len(run)
    while i < n:
        for length in range(min(vocab.longest, n - i), 0, -1):
            if run[i : i + length] in vocab.words:
                out.append(run[i : i + length])
                i += length
                break
        else:
            out.append(None)
            i += 1
    return out


def _number(digits: str, vocab: Vocabulary) -> str | None:
    if digits in vocab.numbers or len(digits) <= _SHORT_NUMBER or _YEAR.fullmatch(digits):
        return digits
    return None


def mask_known(norm: str, vocab: Vocabulary) -> str:
    """`norm` (normalised) with every piece that is not a known word replaced by ＊＊."""
    out: list[str] = []
    cjk: list[str] = []

    def emit(piece: str | None) -> None:
        if piece is None:
            if not out or out[-1] != MASK:
                out.append(MASK)
        else:
            out.append(piece)

    def flush() -> None:
        for piece in _keep_cjk("".join(cjk), vocab):
            emit(piece)
        cjk.clear()

    for m in _PIECE.finditer(norm):
        piece = m.group()
        if _CJK.match(piece):
            cjk.append(piece)
            continue
        flush()
        if piece.isspace():
            out.append(" ")
        elif sentinel := _SENTINEL.fullmatch(piece):
            out.append(_TOKENS.get(sentinel.group(1), "〔号码〕"))
        elif piece.isdigit():
            emit(_number(piece, vocab))
        elif piece.isalpha():
            emit(piece if piece in vocab.latin else None)
        else:
            emit(None)
    flush()
    # ＊＊ ＊＊ is one unknown stretch, not two.
    return re.sub(rf"{MASK}(?: {MASK})+", MASK, "".join(out))


def scrub(text: str, vocab: Vocabulary, limit: int) -> str:
    """What may be stored of one message: long numbers hidden before normalisation (which
    drops their separators), then only known words kept, then the cut, last, so that
    nothing split by it escapes the masking."""
    hidden = _hide_long_numbers(unicodedata.normalize("NFKC", text), vocab)
    return " ".join(mask_known(normalise(hidden), vocab).split())[:limit]
