"""What loading produces: the knowledge the answer engine uses, valid and rendered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from bot.knowledge.problems import Problem
from bot.knowledge.schema import Channel, Facts, FactsEn, Kind


@dataclass(frozen=True, slots=True)
class Intent:
    """A topic, route or smalltalk entry with its answers already rendered."""

    id: str
    kind: Kind
    title: str
    title_en: str | None
    answer: str
    answer_en: str | None
    examples: tuple[str, ...]
    keywords: tuple[str, ...]
    source: str | None
    line: int
    path: str = ""  # where it is written, e.g. "topics[3]"
    hints: tuple[str, ...] = ()
    message: str | None = None  # smalltalk answered by a message, e.g. "greeting"
    example_lines: tuple[int, ...] = ()  # the line of each example, for reports
    part_of: tuple[str, ...] = ()  # the broader topics this one details: deputies → group
    covers_routes: bool = False  # every route is a part of it: outside
    answered_by: tuple[str, ...] = ()  # topics that together answer it: contact → phone, mail


@dataclass(frozen=True, slots=True)
class TestCase:
    """An extra question from `tests:` that must be answered with exactly `topics`."""

    __test__ = False  # not a pytest class, despite the name

    q: str
    topics: tuple[str, ...]
    line: int
    path: str = ""  # e.g. "tests[2]"


@dataclass(frozen=True)
class Knowledge:
    """Everything the answer engine needs, valid and rendered."""

    path: Path
    notice_path: Path
    facts: Facts
    facts_en: FactsEn
    channels: Mapping[str, Channel]
    intents: tuple[Intent, ...]
    messages: Mapping[str, str]
    messages_en: Mapping[str, str]  # only the keys translated in the file
    tests: tuple[TestCase, ...]
    external_numbers: frozenset[str]
    values: Mapping[str, str]  # each template name rendered in Chinese, e.g. values["phones"]
    values_en: Mapping[str, str]
    # Not errors, but worth a look (leftovers of a previous campaign, Chinese quotes …).
    warnings: tuple[Problem, ...] = ()
    _by_id: Mapping[str, Intent] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({i.id: i for i in self.intents}))

    def intent(self, id: str) -> Intent:
        """The intent with this id; KeyError if there is none."""
        return self._by_id[id]

    def has_intent(self, id: str) -> bool:
        return id in self._by_id

    def answered(self, expected: str, given: Iterable[str]) -> bool:
        """Whether a reply on the topics `given` answers a question on `expected`: one of them
        covers it, or together they are what it is answered by (phone and mail: contact)."""
        given = tuple(given)
        whole = self._by_id.get(expected)
        together = whole is not None and bool(whole.answered_by)
        return any(self.covers(expected, g) for g in given) or (
            together and set(whole.answered_by) <= set(given)
        )

    def covers(self, expected: str, given: str) -> bool:
        """Whether a reply on topic `given` answers a question on `expected`: the same
        topic, or a part of it (deputies covers group, not group deputies; any route covers
        outside, whose `covers_routes` says so)."""
        if given == expected:
            return True
        intent, whole = self._by_id.get(given), self._by_id.get(expected)
        if intent is None:
            return False
        return expected in intent.part_of or (
            intent.kind == "route" and whole is not None and whole.covers_routes
        )


def default_path() -> Path:
    """FAQ_PATH (its first FAQ, when it lists several campaigns), else the bundled
    knowledge/faq.yaml, else ./knowledge/faq.yaml."""
    from bot.language import first_faq

    first = first_faq()
    if first is not None:
        return first
    bundled = Path(__file__).resolve().parent.parent.parent / "knowledge" / "faq.yaml"
    return bundled if bundled.is_file() else Path("knowledge") / "faq.yaml"
