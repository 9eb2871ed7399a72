"""Numbers of the notice quoted back in a message, and near misses of them.

`88881977记下了,还有一个是啥` quotes one phone line and asks for the other: it is a question
about the phones, whatever else it says. `是88881877还是88881787来着` quotes the right line and
a wrong one: the wrong one must be corrected, never confirmed (a whistleblower would dial it).

Known numbers come from the facts: each phone (with and without its area code), the area code
itself, the PO box number and the postcode; the last four digits of a line too (尾号1877),
unless a unit follows (1977年 is a year). Another city's area code (前面加0411对吗) is a wrong
one of ours, corrected to 024. A near miss is a number of four or more digits that is one typed
digit away from a known one (changed, missing, extra, or two neighbours swapped; two such
edits of a phone line's eight); a year or an amount (2008年, 110000元) is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from bot.knowledge import Facts

_RUN_RE = re.compile(r"\d+(?:[- ]\d+)*")
_NEAR_MIN = 4  # 024 vs 025 is another city, not a typo of ours
_YEAR = range(1949, 2100)  # 2008 is a year, not a typo of 6008
_UNITS = frozenset("年元块万千百亿个人次天岁")  # 110000元 is an amount, not a postcode
_TAIL = 4  # 尾号1877: the last digits people quote of a line
_AREA_CODE_RE = re.compile(r"0[1-9]\d{1,2}")  # 010, 0411: an area code of China


@dataclass(frozen=True, slots=True)
class Quotes:
    """What a message quotes: the topics of the numbers it names (right or nearly right), and
    whether one of them was wrong."""

    topics: tuple[str, ...] = ()
    wrong: bool = False
    # The digits quoted (right or nearly right): 朋友说是024-88818877 他是不是记岔了 quotes our
    # line, wrongly, and tells of nobody's number, so the guard takes it for no trace.
    numbers: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.topics)


def _near(a: str, b: str) -> bool:
    """One typed digit away (changed, missing, extra, or two neighbours swapped); two for a
    phone line of eight digits or more (88818177 for 88881877: a digit moved)."""
    most = 2 if min(len(a), len(b)) >= 8 else 1
    # Lengths further apart need more edits: a run of 400 digits costs nothing.
    # Optimal string alignment: a swap of neighbours is one edit, as a typo is.
    return abs(len(a) - len(b)) <= most and 0 < OSA.distance(a, b) <= most


class QuotedNumbers:
    """Recognises the facts' numbers in a message; built once per FAQ."""

    def __init__(
        self, facts: Facts, external: frozenset[str], phone: str = "phone", mail: str = "mail"
    ) -> None:
        """`phone` and `mail`: the ids of the topics that state those facts."""
        known: dict[str, str] = {}
        self._tails: dict[str, str] = {}
        self._area_codes: set[str] = set()
        for number in facts.phones:
            parts = number.split("-")
            known["".join(parts)] = phone
            self._tails[parts[-1][-_TAIL:]] = phone
            if len(parts) > 1:
                known[parts[-1]] = phone
                known[parts[0]] = phone  # the area code: 024是哪里
                self._area_codes.add(parts[0])
        self._phone = phone
        for digits in re.findall(r"\d+", facts.po_box):
            known[digits] = mail
        known[facts.postcode] = mail
        self._known = known
        # Channel numbers (12388) and the campaign's year are right numbers of their own.
        self._other = external | {str(facts.period.year)}

    def find(self, folded: str) -> Quotes:
        topics: list[str] = []
        numbers: set[str] = set()
        wrong = False
        for m in _RUN_RE.finditer(folded):
            digits = m.group().replace("-", "").replace(" ", "")
            after = folded[m.end() : m.end() + 1]
            topic = self._known.get(digits)
            if topic is None and after not in _UNITS:
                topic = self._tails.get(digits)
            if topic is None and self._other_code(m.group()):
                topic, wrong = self._phone, True
            if topic is None:
                topic = self._missed(digits, after)
                wrong = wrong or topic is not None
            if topic is not None:
                numbers.add(digits)
                topics += [] if topic in topics else [topic]
        return Quotes(tuple(topics), wrong, frozenset(numbers))

    def _other_code(self, run: str) -> bool:
        """0411-88881877: our line behind another city's area code (dialled, it reaches
        someone else), to be corrected to 024."""
        code, _, line = run.partition("-")
        return (
            self._known.get(line) == self._phone
            and _AREA_CODE_RE.fullmatch(code) is not None
            and code not in self._area_codes
        )

    def _missed(self, digits: str, after: str) -> str | None:
        """The topic of the known number this one nearly is (6006 → the PO box's), if any."""
        if self._area_codes and _AREA_CODE_RE.fullmatch(digits) and after not in _UNITS:
            return self._phone  # another city's code: ours is 024
        if len(digits) < _NEAR_MIN or digits in self._other or after in _UNITS:
            return None
        if len(digits) == 4 and int(digits) in _YEAR:
            return None
        near = [t for k, t in self._known.items() if len(k) >= _NEAR_MIN and _near(digits, k)]
        return near[0] if near else None
