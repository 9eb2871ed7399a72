"""`python -m bot review`: what people asked that the FAQ did not answer well.

Reads the opt-in log written by bot.unanswered (UNANSWERED_LOG), groups similar
questions with rapidfuzz, and proposes for each group the topic the FAQ comes closest
to, so the maintainer can add the questions as examples. With --yaml it prints the
examples as YAML snippets ready to paste into knowledge/faq.yaml.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import yaml
from rapidfuzz import fuzz, process

from bot.text import normalise
from bot.unanswered import low_confidence_threshold, read_entries

if TYPE_CHECKING:
    from bot.answer import Brain

SIMILARITY = 60  # fuzz.ratio on the normalised text, 0–100; found by trying real pairs
SHOWN = 5  # examples printed per group in the text report
PASTED = 10  # examples printed per group in a YAML snippet
SECTIONS = {"faq": "topics", "route": "routes", "smalltalk": "smalltalk"}


@dataclass
class Group:
    """Similar questions; the most frequent one represents the group."""

    representative: str
    counts: Counter[str] = field(default_factory=Counter)
    dates: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(self.counts.values())

    def questions(self) -> list[str]:
        """Distinct questions, most frequent first."""
        return [q for q, _ in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))]


@dataclass(frozen=True)
class Proposal:
    """The topic the FAQ comes closest to for a group, if any."""

    intent_id: str | None
    title: str
    section: str  # topics / routes / smalltalk, where the examples go
    confidence: float
    report: bool = False  # the representative looks like a report: never paste it


def _key(question: str) -> str:
    # Compare without the masks and spaces, which say nothing about the question.
    return "".join(normalise(question.replace("＊", " ")).split())


def cluster(entries: Iterable[tuple[str, str]], threshold: float = SIMILARITY) -> list[Group]:
    """Greedy clustering of (date, question) pairs: the most frequent questions found
    groups, each other question joins the group whose representative it is closest to,
    if close enough. Largest groups first."""
    counts: Counter[str] = Counter()
    dates: dict[str, list[str]] = {}
    for day, question in entries:
        counts[question] += 1
        dates.setdefault(question, []).append(day)
    groups: list[Group] = []
    keys: list[str] = []
    for question, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        key = _key(question)
        best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=threshold)
        if best is None:
            groups.append(Group(question))
            keys.append(key)
            group = groups[-1]
        else:
            group = groups[best[2]]
        group.counts[question] += n
        group.dates.extend(dates[question])
    return sorted(groups, key=lambda g: (-g.size, g.representative))


def propose(brain: Brain, group: Group, now: datetime) -> Proposal:
    """Ask the FAQ itself: the topics it answers the representative with, or else the
    first topic it would have suggested."""
    knowledge = brain.knowledge
    reply = brain.answer(group.representative, now)
    if reply.kind == "report_guard":
        return Proposal(None, "", "", reply.confidence, report=True)
    ids = list(reply.topics) or [s.id for s in reply.suggestions]
    for intent_id in ids:
        if knowledge.has_intent(intent_id):
            intent = knowledge.intent(intent_id)
            return Proposal(intent_id, intent.title, SECTIONS[intent.kind], reply.confidence)
    return Proposal(None, "", "", reply.confidence)


def _date_range(dates: list[str]) -> str:
    if not dates:
        return ""
    first, last = min(dates), max(dates)
    return first if first == last else f"{first} 至 {last}"


def _yaml_item(question: str) -> str:
    """One `- question` line, quoted by the YAML dumper exactly when YAML needs it."""
    candidates = (
        yaml.safe_dump([question], allow_unicode=True, width=10_000).strip(),
        # Line breaks or odd spaces: a one-line double-quoted (JSON) string instead.
        "- " + json.dumps(question, ensure_ascii=False),
        # Control or astral characters: YAML's own escapes.
        yaml.safe_dump([question], default_style='"', width=10_000).strip(),
    )
    item = next((c for c in candidates if "\n" not in c and _reads_back(c, question)), None)
    return "      " + (item or candidates[-1])  # the indentation of examples in faq.yaml


def _reads_back(item: str, question: str) -> bool:
    try:
        return yaml.safe_load(item) == [question]
    except yaml.YAMLError:
        return False


def render_text(groups: list[Group], proposals: list[Proposal], source: str) -> str:
    total = sum(g.size for g in groups)
    all_dates = [d for g in groups for d in g.dates]
    lines = [
        f"未答问题回顾:{total} 条,分成 {len(groups)} 组({_date_range(all_dates)})",
        f"文件:{source}",
        "",
    ]
    for n, (group, prop) in enumerate(zip(groups, proposals, strict=True), 1):
        if prop.report:
            advice = "像是举报内容,不要加进知识库"
        elif prop.intent_id:
            advice = (
                f"最接近的话题:{prop.intent_id}({prop.title}),置信度 {prop.confidence:.2f}"
                f" → 可加到 {prop.section}[id={prop.intent_id}].examples"
            )
            if prop.confidence < low_confidence_threshold():
                advice += "(匹配较弱:确认确实属于这个话题,否则考虑新增话题)"
        else:
            advice = "没有接近的话题:考虑新增话题(topics)或指路(routes)"
        lines.append(f"【{n}】{group.size} 条 · {advice}")
        questions = group.questions()
        for q in questions[:SHOWN]:
            times = group.counts[q]
            lines.append(f"    {q}" + (f" ×{times}" if times > 1 else ""))
        if len(questions) > SHOWN:
            lines.append(f"    …另有 {len(questions) - SHOWN} 种说法")
        lines.append("")
    lines.append(
        "提示:加 --yaml 可打印可直接粘贴的例句。粘贴前请检查被遮盖的部分(＊＊、〔电话〕等)。"
    )
    return "\n".join(lines)


def render_yaml(groups: list[Group], proposals: list[Proposal], brain: Brain) -> str:
    knowledge = brain.knowledge
    out = [
        "# 未答问题的例句,按话题分组。粘贴到 knowledge/faq.yaml 对应话题的 examples 下面,",
        "# 检查被遮盖的部分(＊＊、〔电话〕),然后运行 make check。",
    ]
    for n, (group, prop) in enumerate(zip(groups, proposals, strict=True), 1):
        if prop.report:
            continue  # never offer a report as an example
        out.append("")
        out.append(f"# group {n}: {group.size} logged, confidence {prop.confidence:.2f}")
        known: set[str] = set()
        if prop.intent_id:
            known = {_key(e) for e in knowledge.intent(prop.intent_id).examples}
            out.append(f"# add to {prop.section}[id={prop.intent_id}].examples:")
            prefix = ""
        else:
            out.append("# no close topic: a new topic or route? (commented out)")
            prefix = "# "
        fresh = [q for q in group.questions() if _key(q) not in known][:PASTED]
        out.extend(prefix + _yaml_item(q) for q in fresh)
    return "\n".join(out) + "\n"


def main(as_yaml: bool = False, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    path = os.environ.get("UNANSWERED_LOG", "").strip()
    if not path:
        print(
            "UNANSWERED_LOG 没有设置:未答问题日志是可选的,先在机器人的环境里设置"
            " UNANSWERED_LOG=文件路径,运行一段时间后再回顾。\n"
            "UNANSWERED_LOG is not set: the unanswered-questions log is opt-in.",
            file=sys.stderr,
        )
        return 2
    if not Path(path).is_file():
        print(
            f"找不到未答问题日志 {path}(机器人还没有记录任何问题,或路径不对)。\n"
            f"UNANSWERED_LOG={path}: no such file.",
            file=sys.stderr,
        )
        return 2

    entries = [(e["date"], e["q"]) for e in read_entries(path) if e["q"].strip()]
    if not entries:
        print(f"{path} 里没有记录。No unanswered questions logged.", file=out)
        return 0

    from bot.answer import Brain
    from bot.knowledge import KnowledgeError  # imported here: the errors above need neither

    try:
        brain = Brain.load()
    except KnowledgeError as exc:
        print("知识库有错误,先运行 make check 修好:", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 2
    now = datetime.now(brain.tz)
    groups = cluster(entries)
    proposals = [propose(brain, g, now) for g in groups]
    if as_yaml:
        out.write(render_yaml(groups, proposals, brain))
    else:
        print(render_text(groups, proposals, path), file=out)
    return 0
