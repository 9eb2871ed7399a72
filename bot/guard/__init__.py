"""Does a message try to report something (or send material) rather than ask a question?

The bot is not a reporting channel. A report is recognised by what it carries: a person
(a name, 某某, a post, initials), an amount, an accusation, a plate, a trace, or the wish to
send evidence. A question about *how* to report has none of these details and is answered.

    explain(fold("我们处长真有本事,工资不高,房子一套接一套"))
    → Verdict(report=True, rule='sarcastic_praise', features=('title', 'known', …))

The words are data (`knowledge/language/guard.yaml`, see `lexicon`), the features are
computed once per message (`features.py`), and the decision is a table of named rules
(`rules.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.guard.features import Features, Patterns, prepare
from bot.guard.rules import RULES, Rule
from bot.guard.words import Lexicon, lexicon
from bot.learned import is_sure

__all__ = [
    "RULES",
    "Features",
    "Lexicon",
    "Rule",
    "Verdict",
    "explain",
    "lexicon",
    "looks_like_report",
    "mentions_deed",
    "mentions_wrongdoing",
    "patterns",
]


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the guard decided, which rule decided it, and the features it saw."""

    report: bool
    rule: str | None  # None when no rule held (an ordinary question)
    features: tuple[str, ...]


@cache
def patterns() -> Patterns:
    """The lexicon in use, compiled once per process."""
    return Patterns(lexicon())


def features(
    folded: str, known_numbers: frozenset[str] = frozenset(), *, sure: bool | None = None
) -> Features:
    """`sure` is the learned model's verdict (None: ask it). The training script gives its
    own held-out one, or False for the rules alone."""
    return Features.of(folded, known_numbers, patterns(), is_sure(folded) if sure is None else sure)


def explain(
    folded: str, known_numbers: frozenset[str] = frozenset(), *, sure: bool | None = None
) -> Verdict:
    """`folded` is the message after `text.fold`; `known_numbers` are ours (not a trace)."""
    f = features(folded, known_numbers, sure=sure)
    for rule in RULES:
        if rule.holds(f):
            return Verdict(rule.report, rule.name, f.fired())
    return Verdict(False, None, f.fired())


def looks_like_report(
    folded: str, known_numbers: frozenset[str] = frozenset(), *, sure: bool | None = None
) -> bool:
    """`folded` is the message after `text.fold` (particles and punctuation kept)."""
    return explain(folded, known_numbers, sure=sure).report


def mentions_wrongdoing(folded: str) -> bool:
    """Wrongdoing by an office, a body or a person, whether told or asked about.

    A question like 村支书贪污找谁 is answered, but with a reminder not to send details here,
    in case it was the start of a report the guard did not recognise.
    """
    p = patterns()
    text = prepare(folded, p)
    if not p.deed.search(text):  # four searches, not all of them: most messages stop here
        return False
    return bool(p.title.search(text) or p.body.search(text) or p.third.search(text))


def mentions_deed(folded: str) -> bool:
    """A deed or a kind of misconduct is named (贪污, 收了钱, 公款吃喝), by whomever."""
    p = patterns()
    return p.deed.search(prepare(folded, p)) is not None


def post_spans(text: str) -> list[tuple[int, int]]:
    """Where posts are named in a normalised text: 省交通厅厅长 → [(4, 6)] (厅长)."""
    return [m.span() for m in patterns().title.finditer(text)]


def lower_post(text: str) -> bool:
    """A post placed below the group's remit, in a normalised text: 乡镇的局长, 一个局长…是区里
    那种局 (but 省里一个局长, 市里的厅长 no: a higher level named wins)."""
    p = patterns()
    return bool(
        p.title.search(text) and p.lower_level.search(text) and not p.upper_level.search(text)
    )


def __getattr__(name: str) -> frozenset[str]:
    """`SURNAMES`, read from the lexicon when first asked for (bot.privacy masks a surname
    standing alone); reading it lazily lets `check` report a broken guard.yaml instead of
    every import failing. New code: `lexicon().surnames`."""
    if name == "SURNAMES":
        return frozenset(lexicon().surnames)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
