"""Provenance: whatever the bot can state must come from the notice.

The worst bug this project can have is a wrong phone number sent to a whistleblower.
So every fact value an answer can state must occur in the notice, every number in
every rendered text must come from the notice, from a declared channel, or be a year
of the campaign, and, the other way round, every phone number, PO box and postcode
the notice gives must be stated by some fact (a FAQ giving one phone of two is wrong).

Texts are compared in `notice_forms.canonical` form, so `8时30分` in the notice is
the `8:30` of a fact, and full-width digits are digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

from bot.knowledge.collect import Collector
from bot.knowledge.notice_forms import canonical
from bot.knowledge.problems import language
from bot.knowledge.render import clock_text, zh_date
from bot.knowledge.schema import LIST_FACTS, Facts

Loc = tuple[str | int, ...]

_NUMBER = re.compile(r"[0-9]+(?:-[0-9]+)*")
# What the notice gives a caller or writer. Example: "电话:024-88881877;88881977,
# 第6008号信箱,邮编:110034" gives two phones, box 6008 and postcode 110034.
_PHONE = re.compile(
    r"(?<![0-9-])(?:0[0-9]{2,3}-)?[0-9]{7,8}(?![0-9])|(?<![0-9])1[3-9][0-9]{9}(?![0-9])"
)
_PO_BOX = re.compile(r"(?<![0-9A-Z])([A-Z]?[0-9]+)号(?:邮政)?信箱")  # a run is tried once
_POSTCODE = re.compile(r"(?:邮编|邮政编码)[::]?([0-9]{6})(?![0-9])")
NOTICE_KINDS = {  # kind: (pattern, the fact that states it, its name in Chinese, English)
    "phone": (_PHONE, "phones", "电话", "phone"),
    "po_box": (_PO_BOX, "po_box", "信箱", "PO box"),
    "postcode": (_POSTCODE, "postcode", "邮编", "postcode"),
}


def occurs(needle: str, haystack: str) -> bool:
    """`needle`, canonicalised, in `haystack` (already canonical: the notice is made so once
    when read), but never as part of a longer number: 2月27日 is not in 12月27日."""
    needle = canonical(needle)
    if not needle:
        return False
    pattern = re.escape(needle)
    if needle[0].isdigit():
        pattern = r"(?<![0-9])" + pattern
    if needle[-1].isdigit():
        pattern += r"(?![0-9])"
    return re.search(pattern, haystack) is not None


def numbers(text: str) -> list[str]:
    """Numbers a reader would dial or copy: digit runs joined by '-', with a run of ≥3 digits."""
    found = _NUMBER.findall(unicodedata.normalize("NFKC", text))
    return [n for n in found if any(len(run) >= 3 for run in n.split("-"))]


def stated_facts(facts: Facts) -> Iterator[tuple[Loc, str]]:
    """(loc, text as the notice would write it) of every fact checked against the notice."""
    hours, period = facts.hours, facts.period
    for name in ("group", "province", "leader", "mission", "po_box", "postcode", "outside_remit"):
        yield ("facts", name), getattr(facts, name)
    for name in LIST_FACTS:
        for i, value in enumerate(getattr(facts, name)):
            yield ("facts", name, i), value
    yield ("facts", "hours", "open"), clock_text(hours.open)
    yield ("facts", "hours", "close"), clock_text(hours.close)
    yield ("facts", "hours", "days"), hours.days
    yield ("facts", "period", "start"), zh_date(period.start, with_year=False)
    yield ("facts", "period", "end"), zh_date(period.end, with_year=False)
    yield ("facts", "period", "duration"), period.duration


def check_dates(out: Collector, facts: Facts, notice: str | None) -> None:
    """The period runs forwards from `year` and crosses at most one New Year; the hours too."""
    period, hours = facts.period, facts.hours
    if period.start > period.end:
        out.report(
            ("facts", "period", "end"), "period_reversed", start=period.start, end=period.end
        )
    if period.start.year != period.year:
        out.report(
            ("facts", "period", "start"), "start_not_in_year", day=period.start, year=period.year
        )
    if period.end.year not in (period.year, period.year + 1):
        out.report(
            ("facts", "period", "end"),
            "end_not_in_year",
            day=period.end,
            year=period.year,
            next=period.year + 1,
        )
    elif (
        notice is not None
        and _says_next_year(notice, period.end)
        and (period.end.year != period.year + 1)
    ):
        out.report(
            ("facts", "period", "end"),
            "end_not_next_year",
            day=zh_date(period.end, with_year=False),
            next=period.year + 1,
        )
    if hours.opens >= hours.closes:
        out.report(
            ("facts", "hours", "close"), "close_before_open", open=hours.open, close=hours.close
        )


def _says_next_year(notice: str, end: date) -> bool:
    """Does the notice write the end day as 次年M月D日?"""
    return occurs("次年" + zh_date(end, with_year=False), notice)


def check_facts(out: Collector, facts: Facts, notice: str, notice_name: str) -> set[str]:
    """Every stated fact value occurs in the notice, and no list fact repeats an item.

    Returns the values that do not occur, so the answers stating them are not reported again.
    """
    missing = set()
    for loc, value in stated_facts(facts):
        if not occurs(value, notice):
            out.report(loc, "fact_not_in_notice", value=value, notice=notice_name)
            missing.add(canonical(value))
    for name in LIST_FACTS:
        seen: dict[str, int] = {}
        for i, value in enumerate(getattr(facts, name)):
            key = canonical(value)
            if key in seen:
                out.report(
                    ("facts", name, i),
                    "duplicate_value",
                    value=value,
                    other=f"facts.{name}[{seen[key]}]",
                )
            seen.setdefault(key, i)
    return missing


def check_notice_is_stated(
    out: Collector, facts: Facts, notice: str, notice_name: str, missing: set[str]
) -> None:
    """Every phone, PO box and postcode in the notice is stated by some fact.

    A kind whose fact was already found wrong (`missing`, from check_facts) is skipped:
    "024-8888197 does not occur" already points at the line to correct.
    """
    stated = [value for _, value in stated_facts(facts)]
    for pattern, name, zh, en in NOTICE_KINDS.values():
        value = getattr(facts, name)
        if any(canonical(v) in missing for v in (value if isinstance(value, list) else [value])):
            continue
        for match in pattern.finditer(notice):
            found = match.group(match.lastindex or 0)
            if not any(occurs(found, fact) for fact in map(canonical, stated)):
                out.report(
                    ("facts", name),
                    "notice_not_stated",
                    value=found,
                    notice=notice_name,
                    kind=zh if language() == "zh" else en,
                )


def check_numbers(
    out: Collector, loc: Loc, text: str, notice: str, allowed: frozenset[str], notice_name: str
) -> None:
    """Every number a reader could dial in `text` is allowed or occurs in the notice."""
    for number in numbers(text):
        if number not in allowed and not occurs(number, notice):
            out.report(loc, "number_not_in_notice", number=number, notice=notice_name)
