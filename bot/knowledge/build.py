"""`load()`: read, validate, check and render the FAQ, in small named steps.

Each step records what is wrong in one `Collector` and goes on, so a maintainer sees
every problem in one run; only rendering needs the facts, the messages and the notice
to be usable. Nothing here lets a traceback reach a maintainer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from bot.knowledge.collect import Collector, close_match
from bot.knowledge.leftovers import check_leftovers
from bot.knowledge.model import Intent, Knowledge, TestCase, default_path
from bot.knowledge.notice_forms import canonical
from bot.knowledge.problems import KnowledgeError, Problem, display_path, language
from bot.knowledge.provenance import (
    check_dates,
    check_facts,
    check_notice_is_stated,
    check_numbers,
    occurs,
)
from bot.knowledge.registry import check_channels
from bot.knowledge.render import DYNAMIC, FACT_NAMES, PLACEHOLDER, fact_values, placeholders, render
from bot.knowledge.schema import (
    INTENT_SECTIONS,
    LISTS,
    MIN_EXAMPLES,
    REQUIRED_MESSAGES,
    SECTIONS,
    Channel,
    Facts,
    FactsEn,
    Kind,
)
from bot.knowledge.wording import check_chinese_quotes
from bot.knowledge.yaml_safe import YamlDocument, dotted, duplicate_keys, read_yaml

Loc = tuple[str | int, ...]
Entry = tuple[str, Kind, int, Any]  # (section, kind, index, validated model)
Template = tuple[Loc, str, bool]  # (loc, text, is English)


@dataclass
class _Build:
    """What the steps share: the document, its sections as validated, and the notice."""

    doc: YamlDocument
    out: Collector
    sections: dict[str, Any]
    notice: str | None  # canonical text, None when unreadable
    path: Path
    notice_path: Path
    entries: list[Entry] = field(default_factory=list)
    ids: dict[str, Loc] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)  # fact values not in the notice

    @property
    def facts(self) -> Facts | None:
        return self.sections.get("facts")

    @property
    def facts_en(self) -> FactsEn:
        return self.sections.get("facts_en") or FactsEn()

    @property
    def channels(self) -> dict[str, Channel]:
        return self.sections.get("channels") or {}

    @property
    def messages(self) -> dict[str, str] | None:
        return self.sections.get("messages")

    @property
    def messages_en(self) -> dict[str, str]:
        return self.sections.get("messages_en") or {}

    @property
    def notice_name(self) -> str:
        return display_path(self.notice_path)

    @property
    def channels_ok(self) -> bool:
        return "channels" not in self.sections or self.sections["channels"] is not None


def load(path: str | Path | None = None, notice: str | Path | None = None) -> Knowledge:
    """Read, validate and render the FAQ; raises KnowledgeError listing every problem."""
    path = Path(path) if path is not None else default_path()
    notice_path = Path(notice) if notice is not None else path.parent / "notice.txt"
    doc = read_yaml(path)
    out = Collector(doc)
    notice_text = _read_notice(out, notice_path)
    if not isinstance(doc.data, dict):
        out.report((), "not_a_mapping")
        raise KnowledgeError(out.problems)
    build = _Build(doc, out, _validate_sections(doc, out), notice_text, path, notice_path)
    knowledge = _build(build)
    if out.problems or knowledge is None:
        raise KnowledgeError(out.problems)
    return knowledge


def _read_notice(out: Collector, notice_path: Path) -> str | None:
    try:
        return canonical(notice_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        utf8 = "不是 UTF-8 编码" if language() == "zh" else "not valid UTF-8"
        reason = exc.strerror if isinstance(exc, OSError) else utf8
        out.problems.append(
            Problem.of(display_path(notice_path), None, "", "notice_unreadable", reason=reason)
        )
        return None


def _validate_sections(doc: YamlDocument, out: Collector) -> dict[str, Any]:
    """Each known section validated (None where it failed); unknown and repeated keys named."""
    data = doc.data
    for loc, line, key in duplicate_keys(doc.root):
        out.report(loc, "duplicate_key", line=line, key=key)
    for name in data:
        if name not in SECTIONS:
            out.report((name,), "unknown_section", name=name, hint=close_match(str(name), SECTIONS))
    sections: dict[str, Any] = {}
    for name, (required, tp) in SECTIONS.items():
        if name not in data or data[name] is None:
            if required:
                out.report((), "missing_section", name=name)
            continue
        raw = data[name]
        if name not in LISTS:
            sections[name] = out.validate(tp, raw, (name,))
        elif isinstance(raw, list):
            sections[name] = [out.validate(tp, item, (name, i)) for i, item in enumerate(raw)]
        else:
            out.report((name,), "not_a_list", got=repr(raw)[:40])
    return sections


def _build(b: _Build) -> Knowledge | None:
    """The checks across fields, then rendering and the number check, then the result."""
    _check_facts(b)
    _collect_entries(b)
    _check_entries(b)
    _check_messages(b)
    _check_parts(b)
    tests = _collect_tests(b)
    templates = _collect_templates(b)
    _check_templates(b, templates)
    _check_sources(b)
    check_chinese_quotes(b.out)
    if b.facts is None or b.messages is None or b.notice is None:
        return None
    rendered = _render_and_check_numbers(b, templates)
    if b.out.problems:
        return None
    check_leftovers(
        b.out, b.entries, b.notice, _allowed_numbers(b), b.notice_name, b.path.parent.resolve()
    )
    return _knowledge(b, rendered, tests)


def _check_facts(b: _Build) -> None:
    """Dates, the channels against the registry, and the facts against the notice."""
    if b.channels_ok and b.channels:
        check_channels(b.out, b.channels)
    if b.facts is None:
        return
    check_dates(b.out, b.facts, b.notice)
    if b.notice is not None:
        b.missing = check_facts(b.out, b.facts, b.notice, b.notice_name)
        check_notice_is_stated(b.out, b.facts, b.notice, b.notice_name, b.missing)


def _collect_entries(b: _Build) -> None:
    for section, kind in INTENT_SECTIONS:
        for i, model in enumerate(b.sections.get(section) or []):
            if model is not None:
                b.entries.append((section, kind, i, model))


def _check_entries(b: _Build) -> None:
    """Unique ids, enough and unique examples, smalltalk answered one way."""
    examples: dict[str, Loc] = {}
    for section, kind, i, model in b.entries:
        loc = (section, i)
        if model.id in b.ids:
            other = b.ids[model.id]
            b.out.report(
                (*loc, "id"),
                "duplicate_id",
                id=model.id,
                other=dotted(other),
                other_line=b.doc.line(other),
            )
        b.ids.setdefault(model.id, loc)
        if kind != "smalltalk" and len(model.examples) < MIN_EXAMPLES:
            b.out.report(
                (*loc, "examples"), "few_examples", n=len(model.examples), min=MIN_EXAMPLES
            )
        for j, example in enumerate(model.examples):
            key = canonical(example).casefold()
            if key in examples:
                other = examples[key]
                b.out.report(
                    (*loc, "examples", j),
                    "duplicate_example",
                    example=example,
                    other=dotted(other),
                    other_line=b.doc.line(other),
                )
            examples.setdefault(key, (*loc, "examples", j))
        if kind == "smalltalk":
            _check_smalltalk(b, loc, model)


def _check_parts(b: _Build) -> None:
    """A topic's part_of names other topics that are themselves no part: one level, no loops."""
    parents = {m.id: m.parents for s, _k, _i, m in b.entries if s == "topics"}
    for section, _kind, i, model in b.entries:
        for parent in getattr(model, "parents", ()):
            if parent not in parents or parent == model.id or parents[parent]:
                others = [t for t, p in parents.items() if not p and t != model.id]
                hint = close_match(parent, others)
                b.out.report((section, i, "part_of"), "bad_part_of", name=parent, hint=hint)
        for j, part in enumerate(getattr(model, "answered_by", ())):
            if part not in parents or part == model.id:
                hint = close_match(part, [t for t in parents if t != model.id])
                loc = (section, i, "answered_by", j)
                b.out.report(loc, "bad_answered_by", name=part, hint=hint)


def _check_smalltalk(b: _Build, loc: Loc, model: Any) -> None:
    if (model.answer is None) == (model.message is None):
        b.out.report(loc, "answer_or_message")
    elif model.message is not None and b.messages is not None and model.message not in b.messages:
        b.out.report(
            (*loc, "message"),
            "unknown_message",
            name=model.message,
            hint=close_match(model.message, b.messages),
        )


def _check_messages(b: _Build) -> None:
    if b.messages is None:
        return
    for key in REQUIRED_MESSAGES:
        if key not in b.messages:
            b.out.report(("messages",), "missing_message", name=key)
    for key in b.messages_en:
        if key not in b.messages:
            b.out.report(
                ("messages_en", key),
                "unknown_message_en",
                name=key,
                hint=close_match(key, b.messages),
            )


def _collect_tests(b: _Build) -> list[TestCase]:
    """The tests: entries; a topic they name must exist.

    Ids of entries that failed validation still count as known, so one typo in a topic
    is reported once, not again by every test that names the topic.
    """
    data = b.doc.data
    written = {
        item.get("id")
        for section, _ in INTENT_SECTIONS
        for item in (data.get(section) if isinstance(data.get(section), list) else [])
        if isinstance(item, dict)
    }
    all_lists = all(b.sections.get(s) is not None or s not in data for s, _ in INTENT_SECTIONS)
    tests = []
    for i, case in enumerate(b.sections.get("tests") or []):
        if case is None:
            continue
        for j, topic in enumerate(case.topics):
            if all_lists and topic not in b.ids and topic not in written:
                b.out.report(
                    ("tests", i, "topics", j),
                    "unknown_topic",
                    name=topic,
                    hint=close_match(topic, b.ids),
                )
        tests.append(
            TestCase(case.q, tuple(case.topics), b.doc.line(("tests", i)) or 0, f"tests[{i}]")
        )
    return tests


def _collect_templates(b: _Build) -> list[Template]:
    templates: list[Template] = []
    for section, _kind, i, model in b.entries:
        for name in ("title", "title_en", "answer", "answer_en"):
            text = getattr(model, name, None)
            if text is not None:
                templates.append(((section, i, name), text, name.endswith("_en")))
    templates += [(("messages", k), text, False) for k, text in (b.messages or {}).items()]
    templates += [(("messages_en", k), text, True) for k, text in b.messages_en.items()]
    return templates


def _check_templates(b: _Build, templates: list[Template]) -> None:
    """Every placeholder is a known fact, a declared channel or a dynamic name."""
    allowed = FACT_NAMES | DYNAMIC | {f"channel.{k}" for k in b.channels}
    allowed |= {f"channel.{k}.website" for k, c in b.channels.items() if c.website}
    for loc, text, _en in templates:
        for name in placeholders(text):
            if name not in allowed and (b.channels_ok or not name.startswith("channel.")):
                b.out.report(loc, "unknown_fact", name=name, hint=close_match(name, allowed))
        rest = PLACEHOLDER.sub("", text)
        if "{" in rest or "}" in rest:
            b.out.report(loc, "unmatched_brace")


def _check_sources(b: _Build) -> None:
    """Each topic's source sentence quotes the notice."""
    if b.notice is None:
        return
    for section, _kind, i, model in b.entries:
        source = getattr(model, "source", None)
        if source is not None and not occurs(source, b.notice):
            b.out.report((section, i, "source"), "source_not_in_notice", notice=b.notice_name)


def _allowed_numbers(b: _Build) -> frozenset[str]:
    """Numbers that may appear without being in the notice: channels, campaign years,
    and fact values already reported (so each wrong value is named once)."""
    assert b.facts is not None
    years = {str(y) for y in b.facts.period.years}
    return frozenset(c.number for c in b.channels.values()) | years | b.missing


def _render_and_check_numbers(b: _Build, templates: list[Template]) -> dict[Loc, str]:
    """Every text rendered; every number a user could read in it checked (even when other
    parts of the file have problems, so one run shows them all)."""
    assert b.facts is not None and b.notice is not None
    values = fact_values(b.facts, b.channels, None)
    values_en = fact_values(b.facts, b.channels, b.facts_en)
    rendered = {loc: render(text, values_en if en else values) for loc, text, en in templates}
    allowed = _allowed_numbers(b)
    for loc, text in rendered.items():
        check_numbers(b.out, loc, text, b.notice, allowed, b.notice_name)
    for name, value in b.facts_en:
        for item in value if isinstance(value, list) else [value] if value else []:
            check_numbers(b.out, ("facts_en", name), item, b.notice, allowed, b.notice_name)
    return rendered


def _intents(b: _Build, rendered: dict[Loc, str], msgs: dict[str, str],
             msgs_en: dict[str, str]) -> Iterator[Intent]:  # fmt: skip
    for section, kind, i, model in b.entries:
        loc = (section, i)

        def text(name: str, loc: Loc = loc, model: Any = model) -> str | None:
            return rendered.get((*loc, name)) if getattr(model, name, None) is not None else None

        if kind == "smalltalk" and model.message is not None:
            answer, answer_en = msgs[model.message], text("answer_en") or msgs_en.get(model.message)
        else:
            answer, answer_en = text("answer") or "", text("answer_en")
        yield Intent(
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
            line=b.doc.line(loc) or 0,
            path=dotted(loc),
            example_lines=b.doc.item_lines((*loc, "examples")),
            part_of=getattr(model, "parents", ()),
            covers_routes=getattr(model, "covers_routes", False),
            answered_by=tuple(getattr(model, "answered_by", ())),
        )


def _knowledge(b: _Build, rendered: dict[Loc, str], tests: list[TestCase]) -> Knowledge:
    assert b.facts is not None and b.messages is not None
    msgs = {key: rendered[("messages", key)] for key in b.messages}
    msgs_en = {key: rendered[("messages_en", key)] for key in b.messages_en}
    return Knowledge(
        path=b.path,
        notice_path=b.notice_path,
        facts=b.facts,
        facts_en=b.facts_en,
        channels=MappingProxyType(dict(b.channels)),
        intents=tuple(_intents(b, rendered, msgs, msgs_en)),
        messages=MappingProxyType(msgs),
        messages_en=MappingProxyType(msgs_en),
        tests=tuple(tests),
        external_numbers=frozenset(c.number for c in b.channels.values()),
        values=MappingProxyType(fact_values(b.facts, b.channels, None)),
        values_en=MappingProxyType(fact_values(b.facts, b.channels, b.facts_en)),
        warnings=tuple(b.out.warnings),
    )
