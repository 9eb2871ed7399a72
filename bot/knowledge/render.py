"""Answer templates filled with the facts: `{phones}` -> "024-88881877、024-88881977".

Only `{now}` and `{status}` are left for the answer engine, which fills them per question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.knowledge.schema import Channel, Facts, FactsEn

# Names an answer template may use: the facts, plus renderings derived from them.
FACT_NAMES = frozenset(
    {
        "group", "province", "leader", "mission", "phones", "po_box", "postcode",
        "hours", "open", "close", "days",
        "period", "period_zh", "start", "end", "year", "duration",
        "contact_forms", "targets", "disciplines", "outside_remit", "deputies",
    }
)
# Filled per question by the answer engine, so rendering leaves them in place.
# {body} names the body a boundary reply is about, {channels} a report's matter's own lines.
DYNAMIC = frozenset({"now", "status", "body", "channels"})

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
_BEIJING = frozenset({"Asia/Shanghai", "PRC", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin"})


def clock_text(value: str) -> str:
    """'08:00' -> '8:00', the way the notice writes it."""
    hour, minute = value.split(":")
    return f"{int(hour)}:{minute}"


def zh_date(d: date, with_year: bool = True) -> str:
    return (f"{d.year}年" if with_year else "") + f"{d.month}月{d.day}日"


def en_date(d: date, with_year: bool = True) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}" + (f" {d.year}" if with_year else "")


def _period(facts: Facts, english: bool) -> str:
    """2016年2月27日至4月28日; across New Year the end names its year: …至2027年1月8日."""
    start, end = facts.period.start, facts.period.end
    crosses = end.year != start.year
    if english:
        return f"{en_date(start, crosses)} to {en_date(end)}"
    return zh_date(start) + "至" + zh_date(end, with_year=crosses)


def fact_values(
    facts: Facts, channels: Mapping[str, Channel], en: FactsEn | None
) -> dict[str, str]:
    """Every template name -> its text, in Chinese (en=None) or English."""
    hours, period = facts.hours, facts.period
    opens, closes = clock_text(hours.open), clock_text(hours.close)
    beijing = hours.tz in _BEIJING

    zh: dict[str, Any] = dict(facts) | {"days": hours.days, "duration": period.duration}

    def pick(name: str) -> Any:
        value = getattr(en, name, None) if en is not None else None
        return value if value is not None else zh[name]

    if en is None:
        join = "、".join
        zone = "北京时间" if beijing else hours.tz
        values = {
            "phones": join(facts.phones),
            "hours": f"{hours.days} {opens}—{closes}({zone})",
            "start": zh_date(period.start),
            "end": zh_date(period.end),
        }
        values |= {f"channel.{k}": f"{c.name}({c.number})" for k, c in channels.items()}
    else:
        join = ", ".join
        zone = "Beijing time" if beijing else hours.tz
        values = {
            "phones": " or ".join(facts.phones),
            "hours": f"{opens}–{closes} {pick('days')} ({zone})",
            "start": en_date(period.start),
            "end": en_date(period.end),
        }
        values |= {
            f"channel.{k}": f"{c.name_en or c.name} ({c.number})" for k, c in channels.items()
        }
    values |= {f"channel.{k}.website": c.website for k, c in channels.items() if c.website}
    values |= {
        "period": _period(facts, english=en is not None),
        # The notice's own dates beside an English answer (27 February to 28 April 2016
        # (2月27日至4月28日)), for a reader who checks them against the Chinese notice.
        "period_zh": _period(facts, english=False),
        "open": opens,
        "close": closes,
        "days": pick("days"),
        "year": str(period.year),
        "duration": pick("duration"),
        "postcode": facts.postcode,
    }
    for name in ("group", "province", "leader", "mission", "po_box", "outside_remit"):
        values[name] = pick(name)
    for name in ("contact_forms", "targets", "disciplines"):
        values[name] = join(pick(name))
    values["deputies"] = join(facts.deputies)
    return values


def placeholders(template: str) -> list[str]:
    return PLACEHOLDER.findall(template)


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill `{name}` from values; dynamic names and unknown ones stay as written."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
