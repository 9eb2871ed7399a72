"""`python -m bot eval [DATA]`: accuracy on a set of questions written as users type them.

Each case in the data file (a YAML list) is answered by `Brain.answer(q, now)` with the
real current time, because the facts must be stated whatever the date. A case passes
when the reply has the expected kind (if given), includes every expected topic (if
given; a reply topic that is `part_of` it counts: deputies for group), contains every
`must` substring and none of the `must_not` ones.

This is a report: the exit status is 0 whatever the accuracy, 2 for a bad data file.
"""

from __future__ import annotations

import operator
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TextIO

from pydantic import BaseModel, BeforeValidator, ConfigDict

from bot import knowledge as kb
from bot import learned, learned_topics
from bot.check import print_problems
from bot.guard import Verdict, explain
from bot.knowledge import Collector, KnowledgeError, read_yaml
from bot.text import fold

if TYPE_CHECKING:
    from bot.answer import Brain
    from bot.reply import Reply

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def _as_text(value: Any) -> Any:
    # `must: [6008]` means the text "6008"; booleans stay errors (yes/no are ambiguous)
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Snippet = Annotated[str, BeforeValidator(_as_text)]


class Case(BaseModel):
    """One question of the evaluation set and what its reply must satisfy."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    category: str
    kind: Literal["faq", "route", "report_guard", "boundary", "fallback", "smalltalk"] | None = None
    topics: tuple[str, ...] = ()
    must: tuple[Snippet, ...] = ()
    must_not: tuple[Snippet, ...] = ()
    lang: Literal["zh", "en"] | None = None
    note: str | None = None
    line: int = 0  # set by load_cases, not written in the file

    @property
    def language(self) -> str:
        """zh, en, or other (emoji, digits, empty): for the per-language totals."""
        if self.lang:
            return self.lang
        if _CJK.search(self.q):
            return "zh"
        return "en" if _LATIN.search(self.q) else "other"


@dataclass(frozen=True, slots=True)
class Result:
    case: Case
    reply: Reply
    missing: tuple[str, ...]  # `must` substrings not in the reply
    forbidden: tuple[str, ...]  # `must_not` substrings in the reply
    kind_ok: bool
    topics_ok: bool
    guard: Verdict | None = None  # which guard rule decided, shown by `eval -v`

    @property
    def passed(self) -> bool:
        return self.kind_ok and self.topics_ok and not self.missing and not self.forbidden


@dataclass(frozen=True, slots=True)
class Tally:
    count: int
    passed: int

    @property
    def accuracy(self) -> float:
        return self.passed / self.count if self.count else 0.0


@dataclass(frozen=True)
class Report:
    results: tuple[Result, ...]

    def _tally(self, results: Iterable[Result]) -> Tally:
        results = list(results)
        return Tally(len(results), sum(r.passed for r in results))

    @property
    def overall(self) -> Tally:
        return self._tally(self.results)

    def by_category(self) -> dict[str, Tally]:
        groups: dict[str, list[Result]] = defaultdict(list)
        for r in self.results:
            groups[r.case.category].append(r)
        return {name: self._tally(rs) for name, rs in groups.items()}

    def by_language(self) -> dict[str, Tally]:
        groups: dict[str, list[Result]] = defaultdict(list)
        for r in self.results:
            groups[r.case.language].append(r)
        order = {"zh": 0, "en": 1}
        ranked = sorted(groups.items(), key=lambda kv: (order.get(kv[0], 2), kv[0]))
        return {name: self._tally(rs) for name, rs in ranked}

    @property
    def failures(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if not r.passed)


def judge(
    case: Case,
    reply: Reply,
    guard: Verdict | None = None,
    covers: Callable[[str, str], bool] = operator.eq,
    own_numbers: frozenset[str] = frozenset(),
    answered: Callable[[str, tuple[str, ...]], bool] | None = None,
    either_kind: frozenset[str] = frozenset(),
) -> Result:
    """`covers(expected, given)`: whether a reply topic answers an expected one; the FAQ's
    `Knowledge.covers` accepts a part for its whole (deputies answers a question on group).

    `own_numbers`: the notice's numbers. A detail found only inside a longer one of them is
    not repeated (a report's room 888 is no part of our line 024-88881877); one equal to it
    still counts (a boundary reply must not give 88881877).

    `answered(expected, given)`: whether the reply's topics together answer an expected one
    (the FAQ's `Knowledge.answered`: phone and mail answer contact); by default, `covers`.

    `either_kind`: topics that a topic of ours and a route both answer (`covers_routes`:
    outside). A question only on them (我家拆迁的事巡视组管不管) is answered by the route
    (12345) as by the topic with the route beside it, whichever kind its writer expected."""
    if answered is None:

        def answered(expected: str, given: tuple[str, ...]) -> bool:
            return any(covers(expected, g) for g in given)

    topics_ok = all(answered(t, reply.topics) for t in case.topics)
    answerable = {"faq", "route"}
    kind_ok = (
        case.kind is None
        or reply.kind == case.kind
        or (
            {case.kind, reply.kind} <= answerable
            and bool(case.topics)
            and set(case.topics) <= either_kind
            and topics_ok
        )
    )
    return Result(
        case=case,
        reply=reply,
        missing=tuple(s for s in case.must if s not in reply.text),
        forbidden=tuple(s for s in case.must_not if _said(s, _without(reply.text, s, own_numbers))),
        kind_ok=kind_ok,
        topics_ok=topics_ok,
        guard=guard,
    )


def _said(detail: str, text: str) -> bool:
    """Whether `text` repeats `detail`; a detail in Latin letters only as a word of its own:
    a report's "port" is not repeated by the refusal's "report"."""
    if not (detail.isascii() and detail[:1].isalpha() and detail[-1:].isalpha()):
        return detail in text
    return re.search(rf"(?<![A-Za-z]){re.escape(detail)}(?![A-Za-z])", text) is not None


def _without(text: str, detail: str, numbers: frozenset[str]) -> str:
    """`text` with every number of `numbers` that holds `detail` and is longer blanked out;
    unchanged when `detail` is one of them (88881877 is 024-88881877 without its code)."""
    if detail in numbers:
        return text
    for number in sorted(numbers, key=len, reverse=True):
        if detail in number:
            text = text.replace(number, " ")
    return text


def evaluate(brain: Brain, cases: Iterable[Case], now: datetime | None = None) -> Report:
    """Answer every case with `brain` (at `now`, default the real time in the FAQ's zone)."""
    now = now or datetime.now(brain.knowledge.facts.hours.zone)
    ours = frozenset(p.replace("-", "") for p in brain.knowledge.facts.phones)
    covers = brain.knowledge.covers
    either = frozenset(i.id for i in brain.knowledge.intents if i.covers_routes)
    facts = brain.knowledge.facts
    stated = kb.numbers(" ".join([*facts.phones, facts.po_box, facts.postcode]))
    numbers = frozenset([*stated, *(n.replace("-", "") for n in stated)])
    return Report(
        tuple(
            judge(
                case,
                brain.answer(case.q, now),
                explain(fold(case.q), ours),
                covers,
                numbers,
                brain.knowledge.answered,
                either,
            )
            for case in cases
        )
    )


def load_cases(path: str | Path) -> list[Case]:
    """The cases of a data file; KnowledgeError with file:line problems if it is bad."""
    doc = read_yaml(path)
    out = Collector(doc)
    if not isinstance(doc.data, list):
        out.add((), "expected a YAML list of cases (- {q: …, category: …})")
        raise KnowledgeError(out.problems)
    cases = []
    for i, raw in enumerate(doc.data):
        case = out.validate(Case, raw, (i,))
        if case is not None:
            cases.append(case.model_copy(update={"line": doc.line((i,)) or 0}))
    if not cases and not out.problems:
        out.add((), "no cases")
    if out.problems:
        raise KnowledgeError(out.problems)
    return cases


_LABELS = {"zh": "Chinese", "en": "English", "other": "other (no words)"}


def _pct(t: Tally) -> str:
    return f"{100 * t.accuracy:.1f}%"


def _one_line(text: str, width: int = 100) -> str:
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= width else text[: width - 1] + "…"


def print_report(
    report: Report, file: str, verbose: bool = False, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    categories = report.by_category()
    width = max([len("category"), len("all"), *(len(c) for c in categories)])
    print(f"{'category':<{width}}  {'count':>5}  {'passed':>6}  {'accuracy':>8}", file=out)
    for name, t in sorted(categories.items()):
        mark = "" if t.passed == t.count else "  <"
        print(f"{name:<{width}}  {t.count:>5}  {t.passed:>6}  {_pct(t):>8}{mark}", file=out)
    t = report.overall
    print(f"{'all':<{width}}  {t.count:>5}  {t.passed:>6}  {_pct(t):>8}", file=out)
    for lang, t in report.by_language().items():
        label = _LABELS.get(lang, lang)
        print(f"  {label}: {t.passed}/{t.count} = {_pct(t)}", file=out)

    failures = report.failures
    if not failures:
        return
    if not verbose:
        print(f"\n{len(failures)} failed (-v lists each)", file=out)
        return
    print(f"\nfailed ({len(failures)}):", file=out)
    for r in failures:
        c, reply = r.case, r.reply
        want = [f"kind {c.kind}"] if c.kind else []
        want += [f"topics {'+'.join(c.topics)}"] if c.topics else []
        got = f"kind {reply.kind}, topics {'+'.join(reply.topics) or '-'}"
        if reply.suggestions:
            got += f" (did you mean: {', '.join(x.id for x in reply.suggestions)})"
        print(f"  {file}:{c.line} [{c.category}] {c.q!r}", file=out)
        print(f"      expected {', '.join(want) or 'the substrings below'}; got {got}", file=out)
        if r.missing:
            print(f"      missing: {', '.join(map(repr, r.missing))}", file=out)
        if r.forbidden:
            print(f"      must not contain: {', '.join(map(repr, r.forbidden))}", file=out)
        if r.guard is not None:
            print(f"      guard: {_guard_line(r.guard)}", file=out)
        print(f"      reply: {_one_line(reply.text)}", file=out)
        print(f"      report model: {_model_opinion(c.q)}", file=out)
        print(f"      topic model: {_topic_opinion(c.q)}", file=out)


def _model_opinion(question: str) -> str:
    """The learned guard's score and the n-grams that weighed most: 0.96 (, +1.08, 长 +0.87, …)."""
    folded = fold(question)
    grams = ", ".join(f"{g} +{v:.2f}" for g, v in learned.explain(folded, top=4))
    return f"{learned.report_score(folded):.2f} ({grams or 'nothing known'})"


def _topic_opinion(question: str) -> str:
    """The learned topic model's best class and its probability, and whether it would vote:
    'consumer 0.66 (votes where the matcher is unsure)', or 'none (no model)'."""
    m = learned_topics.model()
    if m is None:
        return "none (no model)"
    folded = fold(question)
    topic, p = m.best(folded)
    sure = m.vote(folded) is not None
    return f"{topic} {p:.2f} ({'votes where the matcher is unsure' if sure else 'no vote'})"


def _guard_line(v: Verdict) -> str:
    """'report by rule named_person (saw: deed, person, named)', or 'no rule held (saw: …)'."""
    seen = ", ".join(v.features) or "nothing"
    if v.rule is None:
        return f"no rule held (saw: {seen})"
    return f"{'report' if v.report else 'question'} by rule {v.rule} (saw: {seen})"


def unknown_topics(brain: Brain, cases: Sequence[Case]) -> list[str]:
    known = {i.id for i in brain.knowledge.intents}
    return sorted({t for c in cases for t in c.topics if t not in known})


def main(data: str = "tests/data/questions.yaml", verbose: bool = False) -> int:
    from bot.answer import Brain  # the matcher is imported only once the data is read

    try:
        cases = load_cases(data)
        brain = Brain.load()
    except KnowledgeError as exc:
        print_problems(exc.problems, what="the questions were not evaluated")
        return 2
    unknown = unknown_topics(brain, cases)
    if unknown:
        print(
            f"warning: topics not in the FAQ (those cases cannot pass): {', '.join(unknown)}",
            file=sys.stderr,
        )
    report = evaluate(brain, cases)
    print_report(report, file=str(data), verbose=verbose)
    return 0
