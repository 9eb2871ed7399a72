"""Ranking of intents for a normalised question. Knows nothing of replies or Telegram.

Two kinds of evidence are combined:
- keywords, found in the question longest first, so that 接电话 (hours) wins over the 电话
  (phone) inside it; keywords are also found by pinyin, which catches homophone typos
  (电化, 心箱) and questions typed in pinyin (dianhua);
- similarity to the example questions, the better of two views: rapidfuzz WRatio (edit
  distance with partial alignment, good for typos and extra words) and a TF-IDF cosine over
  character uni- and bigrams (good for reordered words). Chinese has no spaces, so characters
  and their pairs stand in for words.
"""

from __future__ import annotations

import heapq
import importlib.util
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.text import has_cjk, normalise

_PINYIN_DISCOUNT = 0.9
_PINYIN_SHORT_DISCOUNT = 0.75
_HINT_WEIGHT = 0.3
_KEYWORD_WEIGHT = 0.6
_EXAMPLE_WEIGHT = 0.7
_UNIGRAM_WEIGHT = 0.5
_PARTIAL_MIN_LEN = 4
# Examples scored exactly per question, and index entries read to choose them.
_SHORTLIST = 20
_LATIN_MIN_LEN = 6  # shorter pinyin spellings ("shi") hide inside English words
_POSTINGS_BUDGET = 4000
_MAX_SCAN = 400  # long messages are reports or rambling; the head carries the question

_LETTERS_RE = re.compile(r"[a-z]+(?: [a-z]+)*")
# Question words are too common to guess from their sound: 什么时 is not a typo of 什么事.
_FUNCTION_CHARS = frozenset("什么怎哪几多少谁能可吗是有的了在要想找去个这那时候")
# Particles, too common to vouch for a two-character word heard by its sound.
_PARTICLES = frozenset("了的着过吗呢吧啊呀")


@dataclass(frozen=True, slots=True)
class Entry:
    """What the matcher needs of one intent."""

    id: str
    examples: Sequence[str]
    keywords: Sequence[str] = ()
    hints: Sequence[str] = ()


@dataclass(slots=True)
class Candidate:
    id: str
    keyword: float = 0.0  # summed keyword weights
    hint: float = 0.0  # summed hint weights; counted once at most
    example: float = 0.0  # best example similarity, 0..1
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.keyword + min(self.hint, _HINT_WEIGHT) + _EXAMPLE_WEIGHT * self.example


@dataclass(frozen=True, slots=True)
class _Keyword:
    """A word and what it says about each intent that lists it: (id, is_hint)."""

    intents: tuple[tuple[str, bool], ...]
    # 在吗 is a word; the 在 that normalising leaves of it is not.
    weak: bool = False


def _grams(text: str) -> Counter[str]:
    """Character unigrams and bigrams of each space-separated chunk."""
    grams: Counter[str] = Counter()
    for chunk in text.split():
        if chunk.isascii():
            grams[chunk] += 1
            continue
        grams.update(chunk)
        grams.update(chunk[i : i + 2] for i in range(len(chunk) - 1))
    return grams


@cache
def _readings() -> dict[str, str]:
    """Character → its first reading, without tones (电 → dian)."""
    # Read the data file without importing pypinyin, whose __init__ loads a phrase
    # dictionary of tens of megabytes that this bot never uses.
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pypinyin")
    folder = Path(next(iter(spec.submodule_search_locations)))
    raw = json.loads((folder / "pinyin_dict.json").read_text("utf-8"))
    table: dict[str, str] = {}
    for code, readings in raw.items():
        first = readings.split(",", 1)[0]
        plain = "".join(c for c in unicodedata.normalize("NFKD", first) if c.isascii())
        table[chr(int(code))] = plain.lower()
    return table


@cache
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable a character reads as (dian, hua, zhang…)."""
    return frozenset(_readings().values())


@cache
def _pinyin_table() -> dict[str, str]:
    """Readings folded for the confusions of typing and accent (zh/z, ing/in…)."""
    return {c: _fold_syllable(r) for c, r in _readings().items()}


def sound(word: str) -> tuple[str, ...] | None:
    """How a word sounds, as typing confuses it: 新乡 and 信箱 both → ("xin", "xian"); None if
    a character has no reading."""
    table = _pinyin_table()
    syllables = tuple(table.get(c, "") for c in word)
    return syllables if all(syllables) else None


_FOLDS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ing", "in"), ("eng", "en"), ("ang", "an"))


def _fold_syllable(s: str) -> str:
    for a, b in _FOLDS:
        s = s.replace(a, b)
    return s


# Records a keyword found in the question: the keyword, a discount for how it was found
# (spelt right, or heard by its sound), and where in the question it stands.
_Hit = Callable[[_Keyword, float, tuple[int, int]], None]


class Matcher:
    """An index over intents' keywords and examples, built once; `rank` is read-only."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._keywords: dict[str, _Keyword] = {}
        # sound → (spelling it stands for, keyword, the keyword's normalised text)
        self._pinyin: dict[tuple[str, ...], tuple[str, _Keyword, str]] = {}
        # Typed pinyin spellings by their first six letters, each with its place in the FAQ's
        # order (which keeps ties between intents broken as the FAQ lists them).
        self._latin_pinyin: dict[str, list[tuple[int, str, _Keyword]]] = defaultdict(list)
        self._examples: list[str] = []
        self._example_ids: list[str] = []
        pinyin, readings = _pinyin_table(), _readings()
        words: dict[str, dict[str, bool]] = defaultdict(dict)
        weak: set[str] = set()
        # Spellings that normalising rewrites (号码 → 电话) can be misspelt too (号马).
        spellings: dict[str, str] = {}
        for entry in entries:
            for kws, hint in ((entry.keywords, False), (entry.hints, True)):
                for raw in kws:
                    kw = normalise(raw)
                    if not kw:
                        continue
                    # A keyword beats a hint when an intent lists the word as both.
                    words[kw][entry.id] = words[kw].get(entry.id, True) and hint
                    if len(kw) == 1 and len(raw) > 1:
                        weak.add(kw)
                    plain = unicodedata.normalize("NFKC", raw).lower()
                    if plain != kw:
                        spellings.setdefault(plain, kw)
            for example in entry.examples:
                norm = normalise(example)
                if norm:
                    self._examples.append(norm)
                    self._example_ids.append(entry.id)
        for kw, intents in words.items():
            self._keywords[kw] = _Keyword(tuple(sorted(intents.items())), kw in weak)
        latin = 0  # spellings kept for typed pinyin so far
        for spelling, kw in [(k, k) for k in self._keywords] + list(spellings.items()):
            keyword = self._keywords[kw]
            if has_cjk(spelling) and len(spelling) >= 2 and all(c in pinyin for c in spelling):
                syllables = tuple(pinyin[c] for c in spelling)
                self._pinyin.setdefault(syllables, (spelling, keyword, kw))
                # Typed pinyin is matched as typed, unfolded; only the longer spellings.
                typed = "".join(readings[c] for c in spelling)
                if len(typed) >= _LATIN_MIN_LEN:
                    self._latin_pinyin[typed[:_LATIN_MIN_LEN]].append((latin, typed, keyword))
                    latin += 1
        self._max_len = max((len(k) for k in self._keywords), default=1)
        self._build_tfidf()

    def _build_tfidf(self) -> None:
        docs = [_grams(e) for e in self._examples]
        df: Counter[str] = Counter(g for d in docs for g in d)
        n = len(docs)
        self._idf = {g: math.log((n + 1) / (c + 1)) + 1 for g, c in df.items()}
        self._unseen_idf = math.log(n + 1) + 1
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._vectors: list[dict[str, float]] = []
        for index, doc in enumerate(docs):
            vec = {g: self._gram_weight(g, tf) for g, tf in doc.items()}
            length = math.sqrt(sum(w * w for w in vec.values())) or 1.0
            unit = {g: w / length for g, w in vec.items()}
            self._vectors.append(unit)
            for g, w in unit.items():
                self._postings[g].append((index, w))

    def _gram_weight(self, gram: str, tf: int) -> float:
        unit = _UNIGRAM_WEIGHT if len(gram) == 1 and not gram.isascii() else 1.0
        return unit * tf * self._idf.get(gram, self._unseen_idf)

    def rank(self, norm: str, *, holdout: bool = False) -> list[Candidate]:
        """Candidates best first. `holdout` ignores examples identical to the question."""
        norm = norm[:_MAX_SCAN]
        found: dict[str, Candidate] = {}

        def hit(keyword: _Keyword, discount: float, span: tuple[int, int]) -> None:
            for i, hint in keyword.intents:
                c = found.setdefault(i, Candidate(i))
                if hint or keyword.weak:
                    c.hint += _HINT_WEIGHT * discount
                else:
                    # Every keyword counts the same: longest-first matching already
                    # prefers the more specific of two overlapping words.
                    c.keyword += _KEYWORD_WEIGHT * discount
                    c.spans.append(span)

        covered = self._exact_hits(norm, hit)
        # Examples are compared with the typos corrected (心箱 → 信箱).
        corrected = self._pinyin_hits(norm, covered, hit)
        self._latin_hits(norm, hit)
        self._example_scores(corrected, found, holdout)
        return sorted(found.values(), key=lambda c: c.score, reverse=True)

    def named(self, norm: str) -> list[Candidate]:
        """Intents named outright, by keywords spelt as written: no sounds, no examples.

        A tenth of `rank`'s cost, for a message that is not going to be answered (a report)
        but whose matter may have a channel of its own (派出所民警 → 12389).
        """
        norm = norm[:_MAX_SCAN]
        found: dict[str, Candidate] = {}

        def hit(keyword: _Keyword, discount: float, span: tuple[int, int]) -> None:
            for i, hint in keyword.intents:
                if not (hint or keyword.weak):
                    c = found.setdefault(i, Candidate(i))
                    c.keyword += _KEYWORD_WEIGHT * discount
                    c.spans.append(span)

        self._exact_hits(norm, hit)
        return sorted(found.values(), key=lambda c: c.score, reverse=True)

    def _exact_hits(self, norm: str, hit: _Hit) -> list[bool]:
        spans: list[tuple[int, int, str]] = []
        n = len(norm)
        for i in range(n):
            for length in range(min(self._max_len, n - i), 0, -1):
                piece = norm[i : i + length]
                if piece in self._keywords:
                    spans.append((i, i + length, piece))
        # Longest first; a match inside an accepted longer one is the same words, not new evidence.
        spans.sort(key=lambda s: s[0] - s[1])
        covered = [False] * n
        words = [False] * n  # covered by words of two or more characters
        for start, end, piece in spans:
            if any(covered[start:end]):
                continue
            if not piece.isascii() or _is_word(norm, start, end):
                covered[start:end] = [True] * (end - start)
                if end - start > 1:
                    words[start:end] = [True] * (end - start)
                hit(self._keywords[piece], 1.0, (start, end))
        # A lone character (信) does not stop its neighbour from being heard as a word (信相 →
        # 信箱); only whole words do.
        return words

    def _pinyin_hits(self, norm: str, covered: list[bool], hit: _Hit) -> str:
        """Record keywords heard in the question's sound; return it with them spelled right."""
        if not self._pinyin:
            return norm
        fixes: dict[int, tuple[int, str]] = {}  # start → (end, replacement)
        table = _pinyin_table()
        syllables = [table.get(c) for c in norm]
        n = len(norm)
        for length in range(min(self._max_len, n), 1, -1):
            for i in range(n - length + 1):
                if any(covered[i : i + length]):
                    continue
                window = syllables[i : i + length]
                if None in window:
                    continue
                found = self._pinyin.get(tuple(window))  # type: ignore[arg-type]
                if found is None:
                    continue
                spelling, keyword, kw = found
                typed = norm[i : i + length]
                wrong = [t for k, t in zip(spelling, typed, strict=True) if k != t]
                # Two-character words need one character right, or anything would match, and
                # one that is more than a particle (死了 is not 私了); a question word is never
                # a typo (什么时 is not 什么事).
                right = [t for k, t in zip(spelling, typed, strict=True) if k == t]
                if length == 2 and (len(wrong) == 2 or _PARTICLES.issuperset(right)):
                    continue
                if _FUNCTION_CHARS.intersection(wrong):
                    continue
                covered[i : i + length] = [True] * length
                fixes[i] = (i + length, kw)
                # Half of a two-character word wrong may be another real word (老伴 for 老板):
                # enough to help, not enough to decide alone.
                discount = _PINYIN_DISCOUNT if length > 2 else _PINYIN_SHORT_DISCOUNT
                hit(keyword, discount, (i, i + length))
        out, i = [], 0
        while i < n:
            end, fix = fixes.get(i, (i + 1, norm[i]))
            out.append(fix)
            i = end
        return "".join(out)

    def _latin_hits(self, norm: str, hit: _Hit) -> None:
        """Keywords typed in pinyin, alone or amid Chinese (kuaidi丢了, dianhua duoshao)."""
        for run in _LETTERS_RE.finditer(norm):
            # Where each letter stands in the text, spaces left out.
            where = [run.start() + i for i, c in enumerate(run.group()) if c != " "]
            letters = run.group().replace(" ", "")
            # Each spelling counts where it first occurs: dianhuadianhua is one 电话.
            first: dict[int, tuple[int, str, _Keyword]] = {}
            for at in range(len(letters) - _LATIN_MIN_LEN + 1):
                head = letters[at : at + _LATIN_MIN_LEN]
                for order, typed, keyword in self._latin_pinyin.get(head, ()):
                    if order not in first and letters.startswith(typed, at):
                        first[order] = (at, typed, keyword)
            for order in sorted(first):
                at, typed, keyword = first[order]
                hit(keyword, _PINYIN_DISCOUNT, (where[at], where[at + len(typed) - 1] + 1))

    def _example_scores(self, norm: str, found: dict[str, Candidate], holdout: bool) -> None:
        """Best similarity of the question to each intent's examples.

        Two stages keep this fast on a large FAQ: the question's rarest character grams
        propose a shortlist through the inverted index, then only the shortlist is scored
        exactly (cosine, and rapidfuzz's edit similarity).
        """
        query = {g: self._gram_weight(g, tf) for g, tf in _grams(norm).items()}
        if not query or not self._examples:
            return
        partial: dict[int, float] = defaultdict(float)
        visited, complete = 0, True
        for g in sorted(query, key=lambda g: self._idf.get(g, self._unseen_idf), reverse=True):
            postings = self._postings.get(g, ())
            if visited and visited + len(postings) > _POSTINGS_BUDGET:
                complete = False  # the rest are common grams, which say little
                break
            visited += len(postings)
            w = query[g]
            for index, dw in postings:
                partial[index] += w * dw
        length = math.sqrt(sum(w * w for w in query.values()))
        # Partial alignment of a two-character question matches half the examples.
        scorer = fuzz.WRatio if len(norm) >= _PARTIAL_MIN_LEN else fuzz.ratio
        shortlist = heapq.nlargest(_SHORTLIST, partial, key=partial.__getitem__)
        if holdout:
            shortlist = [i for i in shortlist if self._examples[i] != norm]
        # One call scores the whole shortlist in C++, rather than one Python call each.
        similar = {
            shortlist[k]: score / 100
            for _, score, k in process.extract(
                norm,
                [self._examples[i] for i in shortlist],
                scorer=scorer,
                limit=None,
                score_cutoff=40,
            )
        }
        for index in similar:
            # Partial alignment against a one- or two-character example (在吗 → 在) says
            # nothing: every question containing that character would match it.
            if len(self._examples[index]) < _PARTIAL_MIN_LEN:
                similar[index] = fuzz.ratio(norm, self._examples[index]) / 100
        best: dict[str, float] = {}
        for index in shortlist:
            if complete:
                cosine = partial[index] / length
            else:
                vector = self._vectors[index]
                cosine = sum(w * vector.get(g, 0.0) for g, w in query.items()) / length
            score = max(cosine, similar.get(index, 0.0))
            intent = self._example_ids[index]
            best[intent] = max(best.get(intent, 0.0), score)
        for intent, score in best.items():
            found.setdefault(intent, Candidate(intent)).example = score


def _is_word(text: str, start: int, end: int) -> bool:
    """Latin keywords must stand as whole words (no 'call' inside 'recall')."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())
