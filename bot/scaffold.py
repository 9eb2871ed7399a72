"""`python -m bot init NOTICE.txt --out DIR`: a notice becomes a campaign folder.

It writes `DIR/notice.txt` (the notice, byte for byte) and `DIR/faq.yaml`: the shipped
FAQ (`FAQ_PATH`, default `knowledge/faq.yaml`) used as the template, with

* its `facts:` values replaced by what the new notice states (`bot.notice.read`), each
  fact preceded by a comment quoting the notice's words it came from;
* every topic's `source:` replaced by the new notice's sentence stating the same facts;
* everything else that names the template's own campaign (its group and ordinal, its
  province, city, leader, phones, PO box, postcode, year, dates) replaced by the new
  campaign's value in examples, keywords, tests and comments, or dropped when the new
  notice has no such value.

The template's text is rewritten in place, scalar by scalar, so its comments, order and
layout survive; improvements to the shipped FAQ flow into every new campaign.
Nothing is invented: a fact the notice does not state is left out and named on stdout.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import yaml

from bot import notice as notice_mod
from bot.knowledge import Facts, Knowledge, KnowledgeError, default_path, load, parse_yaml

_NUMERIC = re.compile(r"[0-9][0-9:+ -]*")
SOURCE_MARK = "# 来源(公告原句):"


class ScaffoldError(Exception):
    """The campaign cannot be written; the message says why, in Chinese."""


# ---------------------------------------------------------------------------
# The new campaign's facts, in the FAQ's form


def _md(d: date) -> str:
    return f"{d.month}月{d.day}日"


def _clock(value: str) -> str:
    hour, minute = value.split(":")
    return f"{int(hour)}:{minute}"


def new_facts(reading: notice_mod.Reading, tz: str) -> dict[str, Any]:
    """The facts section for the new campaign: only what the notice states."""
    v = reading.value
    facts: dict[str, Any] = {}
    for name in (*SIMPLE, *LISTED):
        if v(name) is not None:
            facts[name] = v(name)
    if v("hours") is not None:
        facts["hours"] = {"open": v("hours")[0], "close": v("hours")[1]}
        if v("days") is not None:
            facts["hours"]["days"] = v("days")
        facts["hours"]["tz"] = tz  # the maintainer's field: the notice never states it
    if v("start") is not None:
        facts["period"] = {"year": v("start").year, "start": v("start"), "end": v("end")}
        if v("duration") is not None:
            facts["period"]["duration"] = v("duration")
    return facts


# ---------------------------------------------------------------------------
# What names the template's own campaign, and what replaces it


@dataclass
class Replacer:
    """Old text -> new text (None: no counterpart, the text must go), in one pass."""

    pairs: dict[str, str | None]
    _pattern: re.Pattern[str] | None = field(default=None, init=False, repr=False)

    def pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.pairs:
            parts = []
            for old in sorted(self.pairs, key=len, reverse=True):
                part = re.escape(old)
                if old[0].isdigit():
                    part = r"(?<![0-9])" + part
                if old[-1].isdigit():
                    part += r"(?![0-9])"
                if old.isascii() and old[0].isalpha():
                    part = rf"\b{part}\b"
                parts.append(part)
            self._pattern = re.compile("|".join(parts))
        return self._pattern

    def sub(self, text: str) -> str | None:
        """`text` with every old value replaced; None if one of them has no counterpart."""
        pattern = self.pattern()
        if pattern is None:
            return text
        lost = False

        def one(m: re.Match[str]) -> str:
            nonlocal lost
            new = self.pairs[m.group()]
            if new is None:
                lost = True
                return m.group()
            return new

        out = pattern.sub(one, text)
        return None if lost else out

    def names_old(self, text: str) -> list[str]:
        """The old values `text` holds, e.g. ["6008", "辽宁"]."""
        pattern = self.pattern()
        return [] if pattern is None else sorted(set(pattern.findall(text)))


def _city(po_box: str, prov: notice_mod.Province | None) -> str | None:
    """The city of a PO box address: "辽宁省沈阳市第6008号信箱" -> "沈阳"."""
    rest = po_box
    if prov is not None:
        rest = rest.removeprefix(prov.full).removeprefix(prov.short)
    m = re.match(r"([\u4e00-\u9fff]{2,4}?)市", rest)
    return m.group(1) if m else None


def _box_number(po_box: str) -> str | None:
    m = re.search(r"([A-Z]?[0-9]+)号?(?:邮政)?信箱", po_box)
    return m.group(1) if m else None


def _ordinal(group: str) -> str | None:
    m = re.search(r"第([一二三四五六七八九十0-9]{1,3})巡视组", group)
    return m.group(1) if m else None


def _ordinal_en(ordinal: str | None) -> str | None:
    n = notice_mod.ordinal_number(ordinal) if ordinal else None
    return notice_mod.ORDINALS_EN[n - 1] if n and n <= len(notice_mod.ORDINALS_EN) else None


def _mission_word(mission: str | None) -> str | None:
    for m in notice_mod.MISSIONS:
        if mission is not None and m.pattern.fullmatch(mission):
            return m.word
    return None


def replacements(
    old: Facts, new: dict[str, Any], old_deputies: list[str] | None = None
) -> Replacer:
    """What names the template's campaign (from its own facts) -> the new campaign's value.

    `old_deputies`: the deputies the template's notice names, when its facts have no field
    for them (so an answer that typed their names cannot carry them into a new campaign).
    """
    pairs: dict[str, str | None] = {}

    def pair(before: str | None, after: str | None) -> None:
        if before and before != after:
            pairs.setdefault(before, after)

    pair(old.group, new.get("group"))
    old_ord, new_ord = _ordinal(old.group), _ordinal(new.get("group", ""))
    if old_ord:
        pair(f"第{old_ord}巡视组", f"第{new_ord}巡视组" if new_ord else None)
        pair(f"第{old_ord}组", f"第{new_ord}组" if new_ord else None)
        old_en, new_en = _ordinal_en(old_ord), _ordinal_en(new_ord)
        if old_en:
            pair(old_en, new_en)
            pair(old_en.lower(), new_en.lower() if new_en else None)
    old_p = notice_mod.province(old.province)
    new_p = notice_mod.province(new.get("province", ""))
    pair(old.province, new.get("province"))
    if old_p is not None:
        for attr in ("full", "short", "en_full", "en"):
            pair(getattr(old_p, attr), getattr(new_p, attr) if new_p else None)
    # The template's city (its PO box's, and its capital): the new PO box's city, else
    # the new province's capital (only examples and keywords name a city).
    new_city = _city(new["po_box"], new_p) if "po_box" in new else None
    new_city = new_city or (new_p.capital if new_p else None)
    new_city_en = new_p.capital_en if new_p and new_city == new_p.capital else None
    for city in {_city(old.po_box, old_p), old_p.capital if old_p else None} - {None}:
        pair(city, new_city)
    if old_p is not None and old_p.capital_en != old_p.en:
        pair(old_p.capital_en, new_city_en)
    pair(old.leader, new.get("leader"))
    for i, name in enumerate(getattr(old, "deputies", None) or old_deputies or []):
        deputies = new.get("deputies") or []
        pair(name, deputies[i] if i < len(deputies) else None)
    new_phones = new.get("phones", [])
    for i, phone in enumerate(old.phones):
        after = new_phones[i] if i < len(new_phones) else None
        pair(phone, after)
        if "-" in phone:
            pair(phone.split("-")[-1], after.split("-")[-1] if after else None)
    old_areas = {p.split("-")[0] for p in old.phones if "-" in p}
    new_areas = [p.split("-")[0] for p in new_phones if "-" in p]
    for area in old_areas:
        pair(area, new_areas[0] if new_areas else None)
    pair(old.po_box, new.get("po_box"))
    pair(_box_number(old.po_box), _box_number(new["po_box"]) if "po_box" in new else None)
    pair(old.postcode, new.get("postcode"))
    period = new.get("period")
    pair(str(old.period.year), str(period["year"]) if period else None)
    pair(_md(old.period.start), _md(period["start"]) if period else None)
    pair(_md(old.period.end), _md(period["end"]) if period else None)
    old_word, new_word = _mission_word(old.mission), _mission_word(new.get("mission"))
    pair(old.mission, new.get("mission"))
    pair(old_word, new_word)
    return Replacer(pairs)


# ---------------------------------------------------------------------------
# Text edits on the template


@dataclass(frozen=True, order=True)
class Edit:
    start: int
    stop: int
    text: str = ""


def apply(text: str, edits: Iterable[Edit]) -> str:
    """`text` with the edits made; an edit inside a larger one (a deleted entry) is moot."""
    out: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, -e.stop)):
        if edit.start < pos:
            assert edit.stop <= pos, f"overlapping edits at {edit.start}"
            continue
        out.append(text[pos : edit.start])
        out.append(edit.text)
        pos = edit.stop
    out.append(text[pos:])
    return "".join(out)


def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def line_after(text: str, index: int) -> int:
    """The start of the line after the one holding `index` (or the end of the text)."""
    stop = text.find("\n", index)
    return len(text) if stop < 0 else stop + 1


def last_end(node: yaml.Node) -> int:
    """Where the last value written for `node` ends (a block's end mark runs on)."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return last_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return last_end(node.value[-1])
    return node.end_mark.index


def emit(value: Any, node: yaml.Node | None = None, flow: bool = False) -> str:
    """`value` as YAML text: plain when that reads back the same, else double-quoted."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(emit(v, flow=True) for v in value) + "]"
    text = str(value)
    style = getattr(node, "style", None)
    # numbers stay quoted, as the guide asks ("024-88881877", "110034")
    if style != '"' and text and text == text.strip() and not _NUMERIC.fullmatch(text):
        probe = f"[{text}]" if flow else f"k: {text}"
        try:
            data, _ = parse_yaml(probe)
        except yaml.YAMLError:
            data = None
        if data == ([text] if flow else {"k": text}):
            return text
    return json.dumps(text, ensure_ascii=False)


@dataclass
class Log:
    """What the rewrite did that the maintainer should know."""

    dropped: list[str] = field(default_factory=list)  # entries removed, with why
    retranslate: list[str] = field(default_factory=list)  # facts_en keys removed
    dropped_topics: set[str] = field(default_factory=set)
    leftovers: list[str] = field(default_factory=list)  # old values still in the result


class Rewriter:
    """Edits turning the template's text into the new campaign's."""

    def __init__(self, text: str, root: yaml.MappingNode, swap: Replacer, log: Log) -> None:
        self.text, self.root, self.swap, self.log = text, root, swap, log
        self.edits: list[Edit] = []
        self.examples: set[str] = set()
        self.copies: set[yaml.Node] = set()

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1

    def delete_item(self, item: yaml.Node) -> None:
        """Remove one block-sequence entry: its lines, and the blank line after it."""
        start = line_start(self.text, item.start_mark.index)
        stop = line_after(self.text, last_end(item))
        if self.text.startswith("\n", stop):
            stop += 1
        self.edits.append(Edit(start, stop))

    def delete_entry(self, key: yaml.Node, value: yaml.Node, note: str = "") -> None:
        """Remove a `key: value` of a block mapping, leaving `note` as a comment."""
        start = line_start(self.text, key.start_mark.index)
        stop = line_after(self.text, last_end(value))
        indent = " " * key.start_mark.column
        self.edits.append(Edit(start, stop, f"{indent}# {note}\n" if note else ""))

    def replace(self, node: yaml.Node, text: str) -> None:
        self.edits.append(Edit(node.start_mark.index, last_end(node), text))

    # --- the generic walk: returns False when `node` must go (it names the old campaign)

    def walk(self, node: yaml.Node, where: str, examples: bool = False, flow: bool = False) -> bool:
        flow = flow or bool(getattr(node, "flow_style", False))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, examples, flow)
        if isinstance(node, yaml.SequenceNode):
            self.sequence(node, where, examples, flow)
            return True
        if isinstance(node, yaml.MappingNode):
            ok = True
            for key, value in node.value:
                name = f"{where}.{key.value}"
                ok = self.walk(value, name, key.value == "examples", flow) and ok
            return ok
        return True

    def scalar(self, node: yaml.ScalarNode, examples: bool, flow: bool) -> bool:
        new = self.swap.sub(node.value)
        if new is None:
            return False
        if examples:
            key = "".join(unicodedata.normalize("NFKC", new).split()).casefold()
            if key in self.examples:
                self.copies.add(node)  # the replacement made it a copy of another example
                return False

            self.examples.add(key)
        if new != node.value:
            self.replace(node, emit(new, node, flow=flow))
        return True

    def sequence(self, node: yaml.SequenceNode, where: str, examples: bool, flow: bool) -> None:
        if not flow:
            for i, item in enumerate(node.value):
                if not self.walk(item, f"{where}[{i}]", examples):
                    self.delete_item(item)
                    self.log.dropped.append(self.describe(item, where))
            return
        # A flow list ([a, b, c]) is written again whole, keeping its line breaks.
        marker = len(self.edits)
        kept = []
        for i, item in enumerate(node.value):
            if self.walk(item, f"{where}[{i}]", examples, flow=True):
                kept.append(item)
            else:
                self.log.dropped.append(self.describe(item, where))
        if len(kept) == len(node.value):
            return
        inner = self.edits[marker:]
        del self.edits[marker:]
        items = node.value
        out = [self.text[node.start_mark.index : items[0].start_mark.index]]
        for j, item in enumerate(kept):
            text = self.text[item.start_mark.index : item.end_mark.index]
            for e in inner:
                if e.start == item.start_mark.index:
                    text = e.text
            out.append(text)
            if j < len(kept) - 1:
                # the separator written before the next kept item, with its line break
                at = items.index(kept[j + 1])
                out.append(self.text[items[at - 1].end_mark.index : kept[j + 1].start_mark.index])
        out.append(self.text[items[-1].end_mark.index : node.end_mark.index])
        self.edits.append(Edit(node.start_mark.index, node.end_mark.index, "".join(out)))

    def describe(self, node: yaml.Node, where: str) -> str:
        if node in self.copies:
            new = self.swap.sub(node.value)
            return f"模板第 {self.line(node)} 行 {where}:{new}(替换后和另一个例句重复)"
        written = self.text[node.start_mark.index : last_end(node)]
        found = "、".join(self.swap.names_old(written))
        first = written.splitlines()[0].strip()[:40]
        return f"模板第 {self.line(node)} 行 {where}:{first}(写的是旧公告的 {found})"

    # --- comments: the same replacements; a comment naming the old campaign goes

    def comments(self) -> None:
        covered = sorted(_scalar_spans(self.root))
        spans = iter(covered)
        span = next(spans, None)
        for m in re.finditer(r"(?:^|(?<=\s))#[^\n]*", self.text, re.MULTILINE):
            while span is not None and span[1] <= m.start():
                span = next(spans, None)
            if span is not None and span[0] <= m.start() < span[1]:
                continue  # a '#' inside a quoted value
            comment = m.group()
            whole_line = self.text[line_start(self.text, m.start()) : m.start()].strip() == ""
            new = None if comment.startswith(SOURCE_MARK) else self.swap.sub(comment)
            if new == comment:
                continue
            if new is not None:
                self.edits.append(Edit(m.start(), m.end(), new))
            elif whole_line:
                start = line_start(self.text, m.start())
                self.edits.append(Edit(start, line_after(self.text, m.start())))
            else:
                self.edits.append(Edit(m.start(), m.end()))


def _scalar_spans(node: yaml.Node) -> Iterator[tuple[int, int]]:
    if isinstance(node, yaml.ScalarNode):
        yield node.start_mark.index, node.end_mark.index
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalar_spans(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalar_spans(key)
            yield from _scalar_spans(value)


def _entries(node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


# ---------------------------------------------------------------------------
# The facts block


SIMPLE = ("group", "province", "leader", "mission", "po_box", "postcode", "outside_remit")
LISTED = ("phones", "deputies", "contact_forms", "targets", "disciplines")


def facts_edits(
    rw: Rewriter, node: yaml.Node, new: dict[str, Any], sources: dict[str, str]
) -> None:
    """The template's facts: values replaced, missing ones removed, sources noted."""
    entries = _entries(node)
    _deputies_edit(rw, entries, new, sources)
    for name, (key, value) in entries.items():
        if _fact_edit(rw, name, key, value, new):
            for line in dict.fromkeys([sources.get(name), sources.get(f"{name}+")]):
                if line:
                    at = line_start(rw.text, key.start_mark.index)
                    indent = " " * key.start_mark.column
                    rw.edits.append(Edit(at, at, f"{indent}{SOURCE_MARK}{_one_line(line)}\n"))


def _fact_edit(
    rw: Rewriter, name: str, key: yaml.Node, value: yaml.Node, new: dict[str, Any]
) -> bool:
    """One fact's value replaced; False when it is removed (the notice does not state it)."""

    def missing(k: yaml.Node, v: yaml.Node, part: str) -> None:
        label = notice_mod.LABELS.get(part, part)
        rw.delete_entry(k, v, f"{part}: 公告里没有写明{label},请对照公告补上")

    if name in ("hours", "period"):
        if name not in new:
            missing(key, value, "hours" if name == "hours" else "start")
            return False
        for part, (k, v) in _entries(value).items():
            if part in new[name]:
                rw.replace(v, emit(new[name][part], v))
            elif part != "tz":  # tz is the maintainer's, kept from the template
                missing(k, v, part)
        return True
    if name in SIMPLE or name in LISTED:
        if name not in new:
            missing(key, value, name)
            return False
        rw.replace(value, _value_text(value, new[name]))
        return True
    if rw.walk(value, f"facts.{name}"):  # a fact this code does not know: replacements only
        return True
    rw.delete_entry(key, value, f"{name}: 这是模板那次巡视的事实,新公告里没有对应,请核对")
    return False


def _deputies_edit(
    rw: Rewriter,
    entries: dict[str, tuple[yaml.Node, yaml.Node]],
    new: dict[str, Any],
    sources: dict[str, str],
) -> None:
    """The deputies after the leader: a fact once the schema has the field, else a note."""
    if "deputies" not in new or "deputies" in entries or "leader" not in entries:
        return
    key, value = entries["leader"]
    at = line_after(rw.text, last_end(value))
    indent = " " * key.start_mark.column
    if "deputies" in Facts.model_fields:
        text = f"{indent}{SOURCE_MARK}{_one_line(sources['deputies'])}\n"
        text += f"{indent}deputies: {emit(new['deputies'])}\n"
    else:
        names = "、".join(new["deputies"])
        text = f"{indent}# 副组长(公告里写明了,知识库格式还没有 deputies 字段):{names}\n"
    rw.edits.append(Edit(at, at, text))


def _value_text(node: yaml.Node, value: Any) -> str:
    """A new value in the written style of the node it replaces."""
    if not isinstance(value, list):
        return emit(value, node)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        indent = " " * node.start_mark.column
        return f"\n{indent}".join(f"- {emit(v)}" for v in value)
    return emit(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def facts_en_edits(
    rw: Rewriter, node: yaml.Node, old: Facts, new: dict[str, Any], mission_en: str | None
) -> None:
    """English names: kept (with the replacements) where the Chinese value maps the same way.

    The template's English for "辽宁省级领导班子及其成员" serves "湖南省级领导班子及其成员"
    once 辽宁 -> 湖南, Liaoning -> Hunan; a value the notice words differently needs a new
    translation, so its English is removed (the answers then use the Chinese) and named.
    """
    zh_old = dict(old) | {"days": old.hours.days, "duration": old.period.duration}
    zh_new = dict(new) | {
        "days": new.get("hours", {}).get("days"),
        "duration": new.get("period", {}).get("duration"),
    }
    parts = Replacer({k: v for k, v in rw.swap.pairs.items() if k not in _whole_values(old)})
    for name, (key, value) in _entries(node).items():
        if name == "mission" and mission_en and "mission" in new:
            rw.replace(value, emit(mission_en, value))
            continue
        before, after = zh_old.get(name), zh_new.get(name)
        mapped = _map(parts, before)
        if after is not None and mapped == after and rw.walk(value, f"facts_en.{name}"):
            continue
        rw.delete_entry(key, value)
        rw.log.retranslate.append(name)


def _whole_values(old: Facts) -> set[str]:
    return {old.group, old.po_box, old.leader}


def _map(swap: Replacer, value: Any) -> Any:
    if isinstance(value, list):
        out = [swap.sub(v) for v in value]
        return None if None in out else out
    return swap.sub(value) if isinstance(value, str) else None


# ---------------------------------------------------------------------------
# Topics' sources


def fact_forms(facts: Facts | dict[str, Any]) -> dict[str, list[str]]:
    """Each fact's values as a notice writes them (for finding them in a sentence)."""
    f = facts if isinstance(facts, dict) else facts.model_dump()
    forms: dict[str, list[str]] = {}
    for name in ("group", "leader", "mission", "po_box", "postcode", "outside_remit", "province"):
        if f.get(name):
            forms[name] = [f[name]]
    for name in ("phones", "targets", "disciplines", "contact_forms", "deputies"):
        if f.get(name):
            forms[name] = list(f[name])
    if f.get("po_box") and _box_number(f["po_box"]):
        forms["po_box"].append(str(_box_number(f["po_box"])))
    hours = f.get("hours") or {}
    if "open" in hours:
        forms["hours"] = [_clock(hours["open"]), _clock(hours["close"])]
    period = f.get("period") or {}
    if "start" in period:
        forms["period"] = [_md(period["start"]), _md(period["end"])]
    if period.get("duration"):
        forms["duration"] = [period["duration"]]
    return forms


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def source_for(old_source: str, old: Facts, new: dict[str, Any], notice_text: str) -> str | None:
    """The new notice's words for what `old_source` said about the template's campaign."""
    if _squash(old_source) in _squash(notice_text):
        return old_source  # the notice says it in the same words (the standard sentences)
    old_forms, new_forms = fact_forms(old), fact_forms(new)
    said = notice_mod.canonical(old_source)
    names = [
        n for n, forms in old_forms.items()
        if n != "province" and any(notice_mod.canonical(v) in said for v in forms)
    ]  # fmt: skip
    values = [v for n in names for v in new_forms.get(n, [])]
    return notice_mod.quote(notice_text, values) if values else None


def topic_edits(
    rw: Rewriter, node: yaml.Node, old: Facts, new: dict[str, Any], notice_text: str
) -> None:
    """Each topic: its source from the new notice (or the topic goes), then the walk."""
    if not isinstance(node, yaml.SequenceNode):
        return
    for i, item in enumerate(node.value):
        entries = _entries(item)
        ident = entries.get("id", (None, None))[1]
        name = ident.value if isinstance(ident, yaml.ScalarNode) else f"topics[{i}]"
        marker = len(rw.edits)
        if "source" in entries:
            _, src = entries["source"]
            new_source = source_for(src.value, old, new, notice_text)
            if new_source is None:
                rw.delete_item(item)
                rw.log.dropped.append(
                    f"模板第 {rw.line(item)} 行 话题 {name}:它依据的公告原句在新公告里没有对应"
                )
                rw.log.dropped_topics.add(name)
                continue
            if new_source != src.value:
                rw.replace(src, emit(new_source, src))
        ok = all(
            rw.walk(v, f"topics[{i}].{k}", k == "examples")
            for k, (_, v) in entries.items()
            if k != "source"
        )
        if not ok:
            del rw.edits[marker:]
            rw.delete_item(item)
            found = "、".join(rw.swap.names_old(rw.text[item.start_mark.index : last_end(item)]))
            rw.log.dropped.append(
                f"模板第 {rw.line(item)} 行 话题 {name}:写死了旧公告的 {found},"
                "新公告里没有对应,整段删去"
            )
            rw.log.dropped_topics.add(name)


def test_edits(rw: Rewriter, node: yaml.Node) -> None:
    """The template's tests, without those that ask about a topic that was dropped."""
    if not isinstance(node, yaml.SequenceNode):
        return
    for i, item in enumerate(node.value):
        topics = _entries(item).get("topics", (None, None))[1]
        named = {t.value for t in getattr(topics, "value", []) if isinstance(t, yaml.ScalarNode)}
        if named & rw.log.dropped_topics:
            rw.delete_item(item)
            rw.log.dropped.append(f"模板第 {rw.line(item)} 行 tests[{i}]:问的是删去的话题")
            continue
        marker = len(rw.edits)
        if not rw.walk(item, f"tests[{i}]"):
            del rw.edits[marker:]
            rw.delete_item(item)
            rw.log.dropped.append(rw.describe(item, "tests"))


# ---------------------------------------------------------------------------
# The command


@dataclass
class Campaign:
    """The written campaign, and what its maintainer is told."""

    faq: str  # the new faq.yaml's text
    reading: notice_mod.Reading
    facts: dict[str, Any]
    log: Log


def build(notice_text: str, template: Knowledge, template_text: str, year: int | None) -> Campaign:
    """The new campaign's faq.yaml text from the notice and the template FAQ."""
    reading = notice_mod.read(notice_text, year)
    if reading.problems:
        raise ScaffoldError("\n".join(reading.problems))
    facts = new_facts(reading, template.facts.hours.tz)
    _, root = parse_yaml(template_text)
    if not isinstance(root, yaml.MappingNode):
        raise ScaffoldError("模板不是一个 YAML 映射")
    log = Log()
    template_notice = template.notice_path.read_text(encoding="utf-8-sig")
    old_deputies = notice_mod.read(template_notice, template.facts.period.year).value("deputies")
    swap = replacements(template.facts, facts, old_deputies)
    rw = Rewriter(template_text, root, swap, log)
    sources = {name: found.source for name, found in reading.facts.items()}
    sources["hours+"] = sources.get("days", "")
    sources["period"] = sources.get("start", "")
    sources["period+"] = sources.get("duration", "")
    mission_en = next(
        (m.en for m in notice_mod.MISSIONS if m.pattern.fullmatch(facts.get("mission", ""))), None
    )
    for key, value in root.value:
        name = key.value
        if name == "facts":
            facts_edits(rw, value, facts, sources)
        elif name == "facts_en":
            facts_en_edits(rw, value, template.facts, facts, mission_en)
        elif name == "topics":
            topic_edits(rw, value, template.facts, facts, notice_text)
        elif name == "tests":
            test_edits(rw, value)
        elif not rw.walk(value, name):
            written = template_text[value.start_mark.index : last_end(value)]
            raise ScaffoldError(
                f"模板第 {rw.line(value)} 行 {name}:写死了旧公告的 "
                f"{'、'.join(swap.names_old(written))},没有办法替换;请在模板里改用 {{事实名}}"
            )
    rw.comments()
    text = apply(template_text, rw.edits)
    parse_yaml(text)  # what was written must read back (a bug here must not reach a file)
    # A last look for the old campaign outside the quoted sources (which are the new
    # notice's own words, and may name a year or a city of the old one).
    ours = "\n".join(line for line in text.splitlines() if SOURCE_MARK not in line)
    log.leftovers = swap.names_old(ours)
    return Campaign(text, reading, facts, log)


def _template() -> tuple[Path, Knowledge, str]:
    path = default_path()
    try:
        knowledge = load(path)
    except KnowledgeError as exc:
        raise ScaffoldError(f"模板知识库 {path} 本身有错,先修好它:\n{exc}") from None
    return path, knowledge, path.read_text(encoding="utf-8-sig")


def main(notice_path: str, out: str, year: int | None, stdout: TextIO | None = None) -> int:
    """`init`: 0 written and complete, 1 written with facts missing, 2 nothing written."""

    def say(line: str) -> None:
        print(line, file=stdout or sys.stdout)

    folder = Path(out)
    try:
        raw = Path(notice_path).read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        say(f"读不了公告 {notice_path}:{exc.strerror or exc}")
        return 2
    except UnicodeDecodeError:
        say(f"公告 {notice_path} 不是 UTF-8 编码:请用“另存为 UTF-8”保存后再试")
        return 2
    if (folder / "faq.yaml").exists():
        say(f"{folder / 'faq.yaml'} 已经存在,没有覆盖:请换一个新文件夹(--out)")
        return 2
    try:
        template_path, template, template_text = _template()
        campaign = build(text, template, template_text, year)
    except ScaffoldError as exc:
        say(str(exc))
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notice.txt").write_bytes(raw)
    (folder / "faq.yaml").write_text(campaign.faq, encoding="utf-8")
    report(campaign, folder, template_path, say)
    return 1 if campaign.reading.missing else 0


def _shown(value: Any) -> str:
    """A fact as the maintainer reads it: 8:30—18:00, 2025年9月3日, 来信、来电."""
    if isinstance(value, tuple):
        return "—".join(_clock(v) for v in value)
    if isinstance(value, date):
        return f"{value.year}年{_md(value)}"
    return "、".join(value) if isinstance(value, list) else str(value)


def report(campaign: Campaign, folder: Path, template: Path, say: Callable[[str], None]) -> None:
    """What was written, every fact with its source, and what the maintainer must do."""
    reading = campaign.reading
    say(f"已写入 {folder / 'notice.txt'}(公告原文)和 {folder / 'faq.yaml'}(模板:{template})")
    say("")
    say("从公告读出的事实(请逐项对照公告核对,尤其是电话号码):")
    for name, found in reading.facts.items():
        if name == "ordinal":
            continue
        shown = _shown(found.value)
        label = notice_mod.LABELS.get(name, name)
        if name == "deputies" and "deputies" not in Facts.model_fields:
            shown += "(知识库格式还没有 deputies 字段,只写在注释里)"
        say(f"  {label}:{shown}    ← “{_one_line(found.source)[:60]}”")
    if reading.missing:
        say("")
        say("公告里没有写明、因此没有写入的事实(不会替你编;check 会报“缺少这个事实”):")
        for name in reading.missing:
            say(f"  {notice_mod.LABELS.get(name, name)}({name})")
    if reading.notes:
        say("")
        say("请核对:")
        for note in reading.notes:
            say(f"  {note}")
    if campaign.log.leftovers:
        say("")
        say(
            "注意:生成的 faq.yaml 里还有旧公告的内容,请逐个查看:"
            + "、".join(campaign.log.leftovers)
        )
    if campaign.log.retranslate:
        say("")
        say("英文译名已删去,需要重新翻译(英文回答暂时用中文写的事实):")
        say("  facts_en." + "、facts_en.".join(campaign.log.retranslate))
    if campaign.log.dropped:
        say("")
        say(f"模板里提到旧公告、新公告里没有对应的内容,已删去({len(campaign.log.dropped)} 处):")
        for line in campaign.log.dropped:
            say(f"  {line}")
    say("")
    say(f"下一步:python -m bot check {folder / 'faq.yaml'}")
