"""The FAQ's shape: pydantic models of each section, and the rules of each field.

A validator that refuses a value raises `PydanticCustomError(code, …)` with a code of
`messages.CATALOG`, so the collector can word it for the maintainer in their language.
"""

from __future__ import annotations

import re
from datetime import date, time
from functools import cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter
from pydantic_core import PydanticCustomError

MIN_EXAMPLES = 8  # per topic and route: the matcher needs several ways people ask

REQUIRED_MESSAGES = (
    "greeting",
    "help",
    "report_guard",
    "non_text",
    "fallback",
    "did_you_mean",
    "status_open",
    "status_closed",
    "status_before",
    "status_after",
    "period_over",
    "privacy_note",
)

Kind = Literal["faq", "route", "smalltalk"]


def _refuse(code: str, value: object) -> PydanticCustomError:
    # The English text is pydantic's fallback; the collector words it from the catalog.
    return PydanticCustomError(code, "{value!r} is not valid here", {"value": value})


def _not_blank(value: str) -> str:
    if not value.strip():
        raise _refuse("not_blank", value)
    return value


def _id(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise _refuse("bad_id", value)
    return value


def _clock(value: str) -> str:
    if not re.fullmatch(r"([01]?[0-9]|2[0-3]):[0-5][0-9]", value):
        raise _refuse("bad_clock", value)
    return value


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise _refuse("bad_zone", value) from None
    return value


def _number(value: str) -> str:
    if not re.fullmatch(r"\+?[0-9]+(?:[- ][0-9]+)*", value):
        raise _refuse("bad_number", value)
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
Id = Annotated[str, AfterValidator(_id)]
Clock = Annotated[str, AfterValidator(_clock)]
Zone = Annotated[str, AfterValidator(_zone)]
Number = Annotated[str, AfterValidator(_number)]


def hhmm(value: str) -> str:
    """'8:00' -> '08:00'."""
    hour, minute = value.split(":")
    return f"{int(hour):02d}:{minute}"


class _Model(BaseModel):
    # extra="forbid": a misspelt field name is an error, not a silently ignored line
    model_config = ConfigDict(extra="forbid", frozen=True)


class Hours(_Model):
    open: Clock
    close: Clock
    days: Text
    tz: Zone

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)  # ZoneInfo caches instances itself

    @property
    def opens(self) -> time:
        return time.fromisoformat(hhmm(self.open))

    @property
    def closes(self) -> time:
        return time.fromisoformat(hhmm(self.close))


class Period(_Model):
    """`year` is the year the campaign starts, the one the notice's month-days are read in.

    A period may cross New Year: 2026-11-08 to 2027-01-08 has year 2026.
    """

    year: int
    start: date
    end: date
    duration: Text

    @property
    def years(self) -> frozenset[int]:
        """Every calendar year the period touches, e.g. {2026, 2027}."""
        return frozenset(range(self.start.year, self.end.year + 1))


class Facts(_Model):
    group: Text
    province: Text
    leader: Text
    mission: Text
    phones: Annotated[list[Number], Field(min_length=1)]
    po_box: Text
    postcode: Text
    hours: Hours
    period: Period
    contact_forms: Annotated[list[Text], Field(min_length=1)]
    targets: Annotated[list[Text], Field(min_length=1)]
    disciplines: Annotated[list[Text], Field(min_length=1)]
    outside_remit: Text
    deputies: list[Text] = []  # the deputy leaders, as the notice names them


# The facts a value of which is a list: each item must be said once.
LIST_FACTS = ("phones", "contact_forms", "targets", "disciplines", "deputies")


class FactsEn(_Model):
    """English renderings of the textual facts; numbers and dates need none."""

    group: Text | None = None
    province: Text | None = None
    leader: Text | None = None
    mission: Text | None = None
    po_box: Text | None = None
    days: Text | None = None
    duration: Text | None = None
    contact_forms: list[Text] | None = None
    targets: list[Text] | None = None
    disciplines: list[Text] | None = None
    outside_remit: Text | None = None


class Channel(_Model):
    """A standing channel that is not in the notice (an external number)."""

    name: Text
    number: Number
    name_en: Text | None = None
    website: Text | None = None  # e.g. www.12388.gov.cn; {channel.<id>.website}


class _IntentModel(_Model):
    id: Id
    answer: Text
    answer_en: Text | None = None
    examples: list[Text]
    keywords: list[Text] = []
    # Weak signals: words that point here only when nothing more specific matches.
    hints: list[Text] = []


class TopicModel(_IntentModel):
    title: Text
    title_en: Text | None = None
    source: Text
    # The broader topic this one details (deputies is part of group), or topics (web: both
    # how to reach the group and what the notice leaves unsaid): a question about the
    # broader topic is answered by the part too, e.g. in the evaluation's judge.
    part_of: Id | list[Id] | None = None
    # Every route is a part of this topic (outside: each route is one matter the group does
    # not take), so a question on it is answered by a route's reply (欠薪找谁 → 12333).
    covers_routes: bool = False
    # Topics whose replies together answer this one (contact: the phone lines and the box, asked
    # as 电话和信箱, answer how to reach the group), e.g. in the evaluation's judge.
    answered_by: list[Id] = []

    @property
    def parents(self) -> tuple[str, ...]:
        """part_of as a tuple, whether written as one id or a list: () for none."""
        if self.part_of is None:
            return ()
        return (self.part_of,) if isinstance(self.part_of, str) else tuple(self.part_of)


class RouteModel(_IntentModel):
    title: Text
    title_en: Text | None = None


class SmalltalkModel(_Model):
    id: Id
    title: Text | None = None
    title_en: Text | None = None
    answer: Text | None = None
    answer_en: Text | None = None
    message: Text | None = None
    examples: list[Text]
    keywords: list[Text] = []
    hints: list[Text] = []


class TestModel(_Model):
    __test__ = False  # not a pytest class, despite the name

    q: Text
    topics: Annotated[list[Id], Field(min_length=1)]


SECTIONS: dict[str, tuple[bool, Any]] = {
    # name: (required, type of the section, or of each entry for lists)
    "facts": (True, Facts),
    "facts_en": (False, FactsEn),
    "channels": (False, dict[Id, Channel]),
    "topics": (True, TopicModel),
    "routes": (False, RouteModel),
    "smalltalk": (False, SmalltalkModel),
    "messages": (True, dict[Id, Text]),
    "messages_en": (False, dict[Id, Text]),
    "tests": (False, TestModel),
}

LISTS = frozenset({"topics", "routes", "smalltalk", "tests"})
INTENT_SECTIONS: tuple[tuple[str, Kind], ...] = (
    ("topics", "faq"),
    ("routes", "route"),
    ("smalltalk", "smalltalk"),
)


@cache
def adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)
