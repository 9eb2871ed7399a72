"""The FAQ file as validated, rendered knowledge.

`load()` reads `knowledge/faq.yaml` and its `notice.txt`, and either returns a
`Knowledge` whose every answer is final text (facts filled in, only the dynamic
`{now}` and `{status}` left for the answer engine), or raises `KnowledgeError`
listing every problem as `file:line field: message`. Nothing here ever lets a
traceback reach a maintainer.

The worst bug this project can have is a wrong phone number sent to a
whistleblower, so besides the schema every fact value an answer can state must
occur in the notice, and every number in every rendered text must come from the
notice, from a declared external channel, or be the campaign year.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from functools import cache
from pathlib import Path
from types import MappingProxyType, UnionType
from typing import Annotated, Any, ClassVar, Literal, Union, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
)

MAX_BYTES = 1_000_000
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

# Names an answer template may use: the facts, plus renderings derived from them.
FACT_NAMES = frozenset(
    {
        "group", "province", "leader", "mission", "phones", "po_box", "postcode",
        "hours", "open", "close", "days",
        "period", "start", "end", "year", "duration",
        "contact_forms", "targets", "disciplines", "outside_remit", "deputies",
    }
)  # fmt: skip
# Filled per question by the answer engine, so rendering leaves them in place.
# Filled per reply: {body} names the body a boundary reply is about, {channels} a matter's own.
DYNAMIC = frozenset({"now", "status", "body", "channels"})

Kind = Literal["faq", "route", "smalltalk"]


# ---------------------------------------------------------------------------
# Problems


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the knowledge, located for a maintainer."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where} {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class KnowledgeError(Exception):
    """The FAQ cannot be used; `problems` says every reason found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


def display_path(path: Path) -> str:
    """Relative to the working directory when below it (as typed), else absolute."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(resolved)


# ---------------------------------------------------------------------------
# Safe YAML


class _AliasRefused(yaml.MarkedYAMLError):
    pass


_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1 resolution without base-60 and octal numbers.

    So an unquoted 20:00 stays "20:00" (not 1200) and a postcode 010010 keeps its
    leading zero (not 4104).
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, list[Any]]] = {
        first: [r for r in resolvers if r[0] not in (_INT_TAG, _FLOAT_TAG)]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }


_Resolver.add_implicit_resolver(_INT_TAG, _INT, list("-+0123456789"))
_Resolver.add_implicit_resolver(_FLOAT_TAG, _FLOAT, list("-+0123456789."))


def _refuse(event: Any) -> None:
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
        raise _AliasRefused(None, None, "anchors and aliases are not allowed", event.start_mark)


class SafeLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _Resolver,
):
    """Pure-Python safe loader that refuses anchors and aliases (no billion laughs)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)

    def compose_node(self, parent: Any, index: Any) -> Any:
        _refuse(self.peek_event())
        return super().compose_node(parent, index)


try:  # libyaml parses about ten times faster; the FAQ may grow to thousands of examples
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None


if CParser is not None:

    class _CLoader(CParser, yaml.constructor.SafeConstructor, _Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)


# What the YAML spec forbids in a stream (PyYAML's Reader.NON_PRINTABLE): checked up
# front so both parsers report it the same way, with its line.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """(data, node tree) of one YAML document; raises yaml.YAMLError, never expands aliases."""
    bad = _NON_PRINTABLE.search(text)
    if bad:
        mark = yaml.Mark("<text>", bad.start(), text.count("\n", 0, bad.start()), 0, None, None)
        raise _AliasRefused(None, None, f"character {bad.group()!r} is not allowed in YAML", mark)
    if CParser is None:
        loader: Any = SafeLoader(text)
    else:
        # The C composer cannot be hooked, so a first pass over the events refuses
        # anchors before anything is composed.
        events = CParser(text)
        try:
            while events.check_event():
                _refuse(events.get_event())
        finally:
            events.dispose()
        loader = _CLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return data, root


@dataclass(frozen=True)
class YamlDocument:
    """Plain data plus the node tree it came from (for line numbers)."""

    data: Any
    root: yaml.Node | None
    file: str

    def line(self, loc: Iterable[str | int]) -> int | None:
        """The line of the deepest node on `loc` (a key's own line for mapping entries)."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                        line, node = key.start_mark.line + 1, value
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def node(self, loc: Iterable[str | int]) -> yaml.Node | None:
        """The node at `loc`, or None if there is none."""
        node = self.root
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == str(part)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                node = node.value[part] if 0 <= part < len(node.value) else None
            else:
                return None
        return node

    def scalar(self, loc: Iterable[str | int]) -> str | None:
        """The text exactly as written for the scalar at `loc` (e.g. yes, not True)."""
        node = self.node(loc)
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def item_lines(self, loc: Iterable[str | int]) -> tuple[int, ...]:
        """The line of each item of the sequence at `loc` (one walk, not one per item)."""
        node = self.node(loc)
        if not isinstance(node, yaml.SequenceNode):
            return ()
        return tuple(item.start_mark.line + 1 for item in node.value)

    def problem(self, loc: tuple[str | int, ...], message: str) -> Problem:
        return Problem(self.file, self.line(loc), dotted(loc), message)


def dotted(loc: Iterable[str | int]) -> str:
    """('topics', 3, 'answer') -> 'topics[3].answer'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_yaml(path: str | Path) -> YamlDocument:
    """Parse one YAML file safely; raises KnowledgeError with file:line problems."""
    path = Path(path)
    file = display_path(path)

    def fail(message: str, line: int | None = None) -> KnowledgeError:
        return KnowledgeError([Problem(file, line, "", message)])

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(f"file is {size:,} bytes; the limit is {MAX_BYTES:,} (1 MB)")
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # bounded even if the file grows meanwhile
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise fail(f"file is over {MAX_BYTES:,} bytes (1 MB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", line
        ) from None

    try:
        data, root = parse_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = "; ".join(str(x) for x in (exc.context, exc.problem) if x)
        if isinstance(exc, _AliasRefused):
            prefix = ""
        elif isinstance(exc, yaml.constructor.ConstructorError):
            prefix = "YAML: "
        else:
            prefix = "YAML syntax error: "
        raise fail(prefix + what, line) from None
    except yaml.YAMLError as exc:
        raise fail(f"YAML error: {exc}") from None
    except RecursionError:
        raise fail("YAML nesting is too deep") from None
    return YamlDocument(data, root, file)


def _duplicate_keys(node: yaml.Node | None, loc: tuple[str | int, ...] = ()) -> Iterator[tuple]:
    """(loc, line, key) for every key repeated in a mapping: YAML would keep only the last."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name is not None and name in seen:
                yield (*loc, name), key.start_mark.line + 1, name
            if name is not None:
                seen.add(name)
            yield from _duplicate_keys(value, (*loc, name) if name is not None else loc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _duplicate_keys(item, (*loc, i))


# ---------------------------------------------------------------------------
# Schema


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _id(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise ValueError(
            f"id {value!r} must be lower-case letters, digits and _, starting with a letter"
        )
    return value


def _clock(value: str) -> str:
    if not re.fullmatch(r"([01]?[0-9]|2[0-3]):[0-5][0-9]", value):
        raise ValueError(f'{value!r} is not a time like "08:00" (HH:MM, 24-hour)')
    return value


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {value!r} (use an IANA name like Asia/Shanghai)"
        ) from None
    return value


def _number(value: str) -> str:
    if not re.fullmatch(r"\+?[0-9]+(?:[- ][0-9]+)*", value):
        raise ValueError(f"{value!r} is not a phone number (digits, optionally joined by -)")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
Id = Annotated[str, AfterValidator(_id)]
Clock = Annotated[str, AfterValidator(_clock)]
Zone = Annotated[str, AfterValidator(_zone)]
Number = Annotated[str, AfterValidator(_number)]


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
        return time.fromisoformat(_hhmm(self.open))

    @property
    def closes(self) -> time:
        return time.fromisoformat(_hhmm(self.close))


class Period(_Model):
    year: int
    start: date
    end: date
    duration: Text


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


@cache
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


LISTS = frozenset({"topics", "routes", "smalltalk", "tests"})


def _hhmm(value: str) -> str:
    hour, minute = value.split(":")
    return f"{int(hour):02d}:{minute}"


def _clock_text(value: str) -> str:
    """'08:00' -> '8:00', the way the notice writes it."""
    hour, minute = value.split(":")
    return f"{int(hour)}:{minute}"


# ---------------------------------------------------------------------------
# Public result


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
    _by_id: Mapping[str, Intent] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({i.id: i for i in self.intents}))

    def intent(self, id: str) -> Intent:
        """The intent with this id; KeyError if there is none."""
        return self._by_id[id]

    def has_intent(self, id: str) -> bool:
        return id in self._by_id


def default_path() -> Path:
    """FAQ_PATH, else the bundled knowledge/faq.yaml, else ./knowledge/faq.yaml."""
    env = os.environ.get("FAQ_PATH")
    if env:
        return Path(env)
    bundled = Path(__file__).resolve().parent.parent / "knowledge" / "faq.yaml"
    return bundled if bundled.is_file() else Path("knowledge") / "faq.yaml"


# ---------------------------------------------------------------------------
# Rendering

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
_BEIJING = frozenset({"Asia/Shanghai", "PRC", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin"})


def _zh_date(d: date, with_year: bool = True) -> str:
    return (f"{d.year}年" if with_year else "") + f"{d.month}月{d.day}日"


def _en_date(d: date, with_year: bool = True) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}" + (f" {d.year}" if with_year else "")


def fact_values(
    facts: Facts, channels: Mapping[str, Channel], en: FactsEn | None
) -> dict[str, str]:
    """Every template name -> its text, in Chinese (en=None) or English."""
    hours, period = facts.hours, facts.period
    opens, closes = _clock_text(hours.open), _clock_text(hours.close)
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
            "period": _zh_date(period.start) + "至" + _zh_date(period.end, with_year=False),
            "start": _zh_date(period.start),
            "end": _zh_date(period.end),
        }
        values |= {f"channel.{k}": f"{c.name}({c.number})" for k, c in channels.items()}
    else:
        join = ", ".join
        zone = "Beijing time" if beijing else hours.tz
        values = {
            "phones": " or ".join(facts.phones),
            "hours": f"{opens}–{closes} {pick('days')} ({zone})",
            "period": f"{_en_date(period.start, False)} to {_en_date(period.end)}",
            "start": _en_date(period.start),
            "end": _en_date(period.end),
        }
        values |= {
            f"channel.{k}": f"{c.name_en or c.name} ({c.number})" for k, c in channels.items()
        }
    values |= {f"channel.{k}.website": c.website for k, c in channels.items() if c.website}
    values |= {
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
    return _PLACEHOLDER.findall(template)


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill `{name}` from values; dynamic names and unknown ones stay as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


# ---------------------------------------------------------------------------
# Provenance

_NUMBER = re.compile(r"[0-9]+(?:-[0-9]+)*")


def _squash(text: str) -> str:
    """NFKC (full-width -> ASCII) and no whitespace: how texts are compared to the notice."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def occurs(needle: str, haystack: str) -> bool:
    """`needle` in `haystack` (both squashed), but never as part of a longer number."""
    needle = _squash(needle)
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


# ---------------------------------------------------------------------------
# Loading


class Collector:
    """Gathers problems so a maintainer sees all of them in one run."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, loc: tuple[str | int, ...], message: str, line: int | None = None) -> None:
        problem = self.doc.problem(loc, message)
        if line is not None:  # when the path alone would find an earlier node
            problem = Problem(problem.file, line, problem.field, message)
        self.problems.append(problem)

    def validate(self, tp: Any, raw: Any, loc: tuple[str | int, ...]) -> Any:
        """`raw` validated as type `tp`, or None after recording each error at its own line."""
        try:
            return _adapter(tp).validate_python(raw)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                inner = tuple(p for p in err["loc"] if not str(p).startswith("["))
                where = loc + inner
                message = _message(err, where, self.doc.scalar(where))
                if err["type"] == "extra_forbidden":
                    message += _close(str(inner[-1]), _fields_at(tp, inner[:-1]))
                self.add(where, message)
            return None


def _fields_at(tp: Any, path: tuple[str | int, ...]) -> list[str]:
    """Field names of the model found by following `path` from type `tp` (for hints)."""
    for part in (*path, None):
        while get_origin(tp) in (Annotated, Union, UnionType):
            tp = next(a for a in get_args(tp) if a is not type(None))
        if part is None:
            break
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(str(part))
            if field is None:
                return []
            tp = field.annotation
        elif get_origin(tp) in (list, dict):
            tp = get_args(tp)[-1]
        else:
            return []
    return list(tp.model_fields) if isinstance(tp, type) and issubclass(tp, BaseModel) else []


def _message(err: Mapping[str, Any], loc: tuple[str | int, ...], written: str | None) -> str:
    """Pydantic's wording, made specific for someone editing YAML."""
    kind, value = err["type"], err.get("input")
    if kind == "missing":
        return "missing fact" if loc[:1] == ("facts",) and len(loc) == 2 else "required but missing"
    if kind == "extra_forbidden":
        return f"unknown field {loc[-1]!r}"
    if kind == "string_type" and isinstance(value, bool | int | float):
        return f"expected text, got {written or value!r}; put it in quotes"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        want = {"string_type": "text", "list_type": "a list"}.get(kind, "a mapping (name: value)")
        return f"expected {want}, got {_short(value)}"
    msg = str(err["msg"])
    return msg.removeprefix("Value error, ")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def load(path: str | Path | None = None, notice: str | Path | None = None) -> Knowledge:
    """Read, validate and render the FAQ; raises KnowledgeError listing every problem."""
    path = Path(path) if path is not None else default_path()
    notice_path = Path(notice) if notice is not None else path.parent / "notice.txt"
    doc = read_yaml(path)
    out = Collector(doc)

    notice_text: str | None = None
    try:
        notice_text = _squash(notice_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not valid UTF-8"
        out.problems.append(
            Problem(display_path(notice_path), None, "", f"cannot read the notice: {reason}")
        )

    data = doc.data
    if not isinstance(data, dict):
        out.add((), "the FAQ must be a mapping with facts, topics, messages, …")
        raise KnowledgeError(out.problems)
    for loc, line, key in _duplicate_keys(doc.root):
        out.add(loc, f"{key!r} appears twice here; YAML would silently keep only the last", line)

    sections: dict[str, Any] = {}
    for name in data:
        if name not in SECTIONS:
            out.add((name,), f"unknown section {name!r}" + _close(str(name), SECTIONS))
    for name, (required, tp) in SECTIONS.items():
        if name not in data or data[name] is None:
            if required:
                out.add((), f"missing section {name!r}")
            continue
        raw = data[name]
        if name in LISTS:
            if not isinstance(raw, list):
                out.add((name,), f"expected a list of entries (- id: …), got {_short(raw)}")
                continue
            entries = [out.validate(tp, item, (name, i)) for i, item in enumerate(raw)]
            sections[name] = entries
        else:
            sections[name] = out.validate(tp, raw, (name,))

    knowledge = _build(doc, out, sections, notice_text, path, notice_path)
    if out.problems or knowledge is None:
        raise KnowledgeError(out.problems)
    return knowledge


def _close(name: str, options: Iterable[str]) -> str:
    match = difflib.get_close_matches(name, list(options), n=1)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _build(
    doc: YamlDocument,
    out: Collector,
    sections: Mapping[str, Any],
    notice: str | None,
    path: Path,
    notice_path: Path,
) -> Knowledge | None:
    """Cross-field checks, rendering and provenance, on whatever validated."""
    facts: Facts | None = sections.get("facts")
    facts_en: FactsEn = sections.get("facts_en") or FactsEn()
    channels: dict[str, Channel] = sections.get("channels") or {}
    if "channels" in sections and sections["channels"] is None:
        channels = {}
    messages: dict[str, str] | None = sections.get("messages")
    messages_en: dict[str, str] = sections.get("messages_en") or {}
    notice_name = display_path(notice_path)

    reported: set[str] = set()  # fact values already found missing from the notice
    if facts is not None:
        reported = _check_facts(out, facts, notice, notice_name)

    # --- intents: ids, examples, message references
    entries: list[tuple[str, Kind, int, Any]] = []  # (section, kind, index, model)
    for section, kind in (("topics", "faq"), ("routes", "route"), ("smalltalk", "smalltalk")):
        for i, model in enumerate(sections.get(section) or []):
            if model is not None:
                entries.append((section, kind, i, model))
    seen_ids: dict[str, tuple] = {}
    seen_examples: dict[str, tuple] = {}
    for section, kind, i, model in entries:
        loc = (section, i)
        if model.id in seen_ids:
            other = seen_ids[model.id]
            out.add(
                (*loc, "id"),
                f"duplicate id {model.id!r} (also {dotted(other)}, line {doc.line(other)})",
            )
        seen_ids.setdefault(model.id, loc)
        if kind != "smalltalk" and len(model.examples) < MIN_EXAMPLES:
            out.add(
                (*loc, "examples"),
                f"has {len(model.examples)} examples; at least {MIN_EXAMPLES} different ways "
                "of asking are needed",
            )
        for j, example in enumerate(model.examples):
            key = _squash(example).casefold()
            if key in seen_examples:
                other = seen_examples[key]
                out.add(
                    (*loc, "examples", j),
                    f"example {example!r} is also {dotted(other)} (line {doc.line(other)})",
                )
            seen_examples.setdefault(key, (*loc, "examples", j))
        if kind == "smalltalk":
            if (model.answer is None) == (model.message is None):
                out.add(loc, "give either answer: (text) or message: (a messages key), not both")
            elif (
                model.message is not None and messages is not None and model.message not in messages
            ):
                out.add(
                    (*loc, "message"),
                    f"unknown message {model.message!r}" + _close(model.message, messages),
                )

    # --- messages
    if messages is not None:
        for key in REQUIRED_MESSAGES:
            if key not in messages:
                out.add(("messages",), f"missing message {key!r}")
        for key in messages_en:
            if key not in messages:
                out.add(
                    ("messages_en", key),
                    f"unknown message {key!r} (not in messages)" + _close(key, messages),
                )

    # --- tests
    # Ids of entries that failed validation still count as known, so one typo in a
    # topic is reported once, not again by every test that names the topic.
    written_ids = {
        item.get("id")
        for section in ("topics", "routes", "smalltalk")
        for item in (doc.data.get(section) or [] if isinstance(doc.data.get(section), list) else [])
        if isinstance(item, dict)
    }
    all_lists = all(
        sections.get(s) is not None or s not in doc.data for s in ("topics", "routes", "smalltalk")
    )
    tests: list[TestCase] = []
    for i, case in enumerate(sections.get("tests") or []):
        if case is None:
            continue
        for j, topic in enumerate(case.topics):
            if all_lists and topic not in seen_ids and topic not in written_ids:
                out.add(
                    ("tests", i, "topics", j), f"unknown topic {topic!r}" + _close(topic, seen_ids)
                )
        tests.append(
            TestCase(case.q, tuple(case.topics), doc.line(("tests", i)) or 0, f"tests[{i}]")
        )

    # --- templates: every placeholder must be known, everywhere
    allowed = FACT_NAMES | DYNAMIC | {f"channel.{k}" for k in channels}
    allowed |= {f"channel.{k}.website" for k, c in channels.items() if c.website}
    channels_ok = "channels" not in sections or sections["channels"] is not None
    templates: list[tuple[tuple[str | int, ...], str, bool]] = []  # (loc, text, english)
    for section, _kind, i, model in entries:
        for name in ("title", "title_en", "answer", "answer_en"):
            text = getattr(model, name, None)
            if text is not None:
                templates.append(((section, i, name), text, name.endswith("_en")))
    for key, text in (messages or {}).items():
        templates.append((("messages", key), text, False))
    for key, text in messages_en.items():
        templates.append((("messages_en", key), text, True))
    for loc, text, _en in templates:
        for name in placeholders(text):
            if name not in allowed and (channels_ok or not name.startswith("channel.")):
                hint = _close(name, allowed)
                out.add(loc, f"unknown fact {{{name}}}" + hint)
        if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
            out.add(loc, "unmatched { or } (placeholders look like {phones})")

    # --- sources must quote the notice
    if notice is not None:
        for section, _kind, i, model in entries:
            source = getattr(model, "source", None)
            if source is not None and not occurs(source, notice):
                out.add((section, i, "source"), f"this sentence does not occur in {notice_name}")

    if facts is None or messages is None or notice is None:
        return None

    # --- render, then check every number a user could read (even when other parts of
    # the file have problems, so one run shows them all)
    values = fact_values(facts, channels, None)
    values_en = fact_values(facts, channels, facts_en)
    external = frozenset(c.number for c in channels.values())
    rendered: dict[tuple[str | int, ...], str] = {
        loc: render(text, values_en if en else values) for loc, text, en in templates
    }
    allowed_numbers = external | {str(facts.period.year)} | reported
    for loc, text in rendered.items():
        _check_numbers(out, loc, text, notice, allowed_numbers, notice_name)
    for name, value in facts_en:
        for item in value if isinstance(value, list) else [value] if value else []:
            _check_numbers(out, ("facts_en", name), item, notice, allowed_numbers, notice_name)
    if out.problems:
        return None

    msgs = {key: rendered[("messages", key)] for key in messages}
    msgs_en = {key: rendered[("messages_en", key)] for key in messages_en}
    intents: list[Intent] = []
    for section, kind, i, model in entries:
        loc = (section, i)

        def text(name: str, loc: tuple[str | int, ...] = loc, model: Any = model) -> str | None:
            return rendered.get((*loc, name)) if getattr(model, name, None) is not None else None

        if kind == "smalltalk" and model.message is not None:
            answer, answer_en = msgs[model.message], text("answer_en") or msgs_en.get(model.message)
        else:
            answer, answer_en = text("answer") or "", text("answer_en")
        intents.append(
            Intent(
                id=model.id,
                kind=kind,
                title=text("title") or model.id,
                title_en=text("title_en"),
                answer=answer,
                answer_en=answer_en,
                examples=tuple(model.examples),
                keywords=tuple(model.keywords),
                hints=tuple(model.hints),
                message=getattr(model, "message", None),
                source=getattr(model, "source", None),
                line=doc.line(loc) or 0,
                path=dotted(loc),
                example_lines=doc.item_lines((*loc, "examples")),
            )
        )
    return Knowledge(
        path=path,
        notice_path=notice_path,
        facts=facts,
        facts_en=facts_en,
        channels=MappingProxyType(dict(channels)),
        intents=tuple(intents),
        messages=MappingProxyType(msgs),
        messages_en=MappingProxyType(msgs_en),
        tests=tuple(tests),
        external_numbers=external,
        values=MappingProxyType(values),
        values_en=MappingProxyType(values_en),
    )


def _check_facts(out: Collector, facts: Facts, notice: str | None, notice_name: str) -> set[str]:
    """Consistency of the dates, then: every stated fact value occurs in the notice.

    Returns the values that do not, so the answers stating them are not reported again.
    """
    period, hours = facts.period, facts.hours
    if period.start > period.end:
        out.add(("facts", "period", "end"), f"end {period.end} is before start {period.start}")
    for name in ("start", "end"):
        day: date = getattr(period, name)
        if day.year != period.year:
            out.add(("facts", "period", name), f"{day} is not in year {period.year}")
    if hours.opens >= hours.closes:
        out.add(
            ("facts", "hours", "close"),
            f"closing time {hours.close} is not after opening time {hours.open}",
        )
    if notice is None:
        return set()
    stated: list[tuple[tuple[str | int, ...], str]] = []
    for name in ("group", "province", "leader", "mission", "po_box", "postcode", "outside_remit"):
        stated.append((("facts", name), getattr(facts, name)))
    for name in ("phones", "contact_forms", "targets", "disciplines", "deputies"):
        stated += [(("facts", name, i), v) for i, v in enumerate(getattr(facts, name))]
    stated += [
        (("facts", "hours", "open"), _clock_text(hours.open)),
        (("facts", "hours", "close"), _clock_text(hours.close)),
        (("facts", "hours", "days"), hours.days),
        (("facts", "period", "start"), _zh_date(period.start, with_year=False)),
        (("facts", "period", "end"), _zh_date(period.end, with_year=False)),
        (("facts", "period", "duration"), period.duration),
    ]
    missing = set()
    for loc, value in stated:
        if not occurs(value, notice):
            out.add(loc, f"{value} does not occur in {notice_name}")
            missing.add(_squash(value))
    return missing


def _check_numbers(
    out: Collector,
    loc: tuple[str | int, ...],
    text: str,
    notice: str,
    allowed: frozenset[str],
    notice_name: str,
) -> None:
    for number in numbers(text):
        if number not in allowed and not occurs(number, notice):
            out.add(
                loc,
                f"{number} does not occur in {notice_name} and is not a channel number "
                "(declare standing numbers under channels:)",
            )


__all__ = [
    "Channel",
    "Facts",
    "FactsEn",
    "Intent",
    "Knowledge",
    "KnowledgeError",
    "Problem",
    "TestCase",
    "default_path",
    "load",
    "read_yaml",
    "render",
]
