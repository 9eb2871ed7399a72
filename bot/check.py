"""`python -m bot check [FAQ]`: is the FAQ valid, and does the bot answer its own examples?

Like `rasa test nlu`: every example question of every intent is answered with that
example held out of the index (leave-one-out), every `tests:` entry is answered as is,
and the report gives per-intent accuracy and the confusions.

Exit status: 0 all good, 1 some example or test answered wrongly, 2 the FAQ is invalid.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, TextIO

from bot.knowledge import Knowledge, KnowledgeError, display_path, load

if TYPE_CHECKING:
    from bot.answer import Brain
    from bot.reply import Reply


@dataclass(frozen=True, slots=True)
class Outcome:
    """One question from the FAQ itself, and how the bot answered it."""

    q: str
    expected: tuple[str, ...]  # the intent id for an example; the topics for a test
    got: tuple[str, ...]
    kind: str
    correct: bool
    line: int
    field: str  # e.g. "topics[0].examples[3]" or "tests[1]"
    intent: str | None = None  # None for a tests: entry

    @property
    def answered_as(self) -> str:
        """'mail', 'hours+phone', or '(fallback)' when no topic was answered."""
        if not self.got:
            return f"({self.kind})"
        return "+".join(self.got)


@dataclass(frozen=True)
class CheckResult:
    knowledge: Knowledge
    examples: tuple[Outcome, ...]
    tests: tuple[Outcome, ...]

    @property
    def failures(self) -> tuple[Outcome, ...]:
        return tuple(o for o in (*self.examples, *self.tests) if not o.correct)

    @property
    def ok(self) -> bool:
        return not self.failures

    def problems(self) -> list[str]:
        """Each failure as `file:line field: …`, the way load problems read."""
        file = display_path(self.knowledge.path)
        out = []
        for o in self.failures:
            expected = "+".join(o.expected)
            answered = f"answered as {o.answered_as}, expected {expected}"
            out.append(f"{file}:{o.line} {o.field}: {o.q!r} {answered}")
        return out


def check_time(knowledge: Knowledge) -> datetime:
    """Noon on the first day of the campaign, local time: inside the hours and the period,
    so the result is the same whenever check runs."""
    return datetime.combine(
        knowledge.facts.period.start, time(12), tzinfo=knowledge.facts.hours.zone
    )


def run(brain: Brain, now: datetime | None = None) -> CheckResult:
    """Answer every example (held out) and every tests: entry with `brain`."""
    knowledge = brain.knowledge
    now = now or check_time(knowledge)
    examples = []
    for intent in knowledge.intents:
        lines = intent.example_lines or (intent.line,) * len(intent.examples)
        for j, q in enumerate(intent.examples):
            reply = brain.answer(q, now, holdout=True)
            examples.append(
                Outcome(
                    q=q,
                    expected=(intent.id,),
                    got=tuple(reply.topics),
                    kind=reply.kind,
                    # Topics are named only when answered (an off-topic question is answered
                    # with the fallback text, and names off_topic).
                    correct=intent.id in reply.topics,
                    line=lines[j],
                    field=f"{intent.path or intent.id}.examples[{j}]",
                    intent=intent.id,
                )
            )
    tests = []
    for i, case in enumerate(knowledge.tests):
        reply: Reply = brain.answer(case.q, now)
        tests.append(
            Outcome(
                q=case.q,
                expected=case.topics,
                got=tuple(reply.topics),
                kind=reply.kind,
                correct=set(reply.topics) == set(case.topics),
                line=case.line,
                field=case.path or f"tests[{i}]",
            )
        )
    return CheckResult(knowledge, tuple(examples), tuple(tests))


def campaign_warnings(knowledge: Knowledge, today: date) -> list[str]:
    """Warnings (not failures) about when the campaign runs, relative to `today`."""
    period = knowledge.facts.period
    if today > period.end:
        return [
            f"warning: this campaign ended on {period.end.isoformat()}; the bot tells users the "
            "period is over and names the standing channel. For a new campaign, update "
            "notice.txt and facts.period."
        ]
    if today < period.start:
        return [
            f"warning: this campaign has not started yet; it starts on {period.start.isoformat()}"
        ]
    return []


def _pct(correct: int, total: int) -> str:
    return f"{100 * correct / total:.1f}%" if total else "-"


def _clip(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def report(result: CheckResult, verbose: bool = False, out: TextIO | None = None) -> None:
    """The rasa-test-nlu-like report: per-intent table, confusions, failing tests."""
    out = out or sys.stdout
    knowledge = result.knowledge
    file = display_path(knowledge.path)
    counts = defaultdict(int)
    for intent in knowledge.intents:
        counts[intent.kind] += 1
    print(
        f"{file}: valid; every fact and number found in {display_path(knowledge.notice_path)} "
        f"({counts['faq']} topics, {counts['route']} routes, {counts['smalltalk']} smalltalk, "
        f"{len(knowledge.tests)} tests)",
        file=out,
    )

    by_intent: dict[str, list[Outcome]] = defaultdict(list)
    for o in result.examples:
        by_intent[o.intent or ""].append(o)
    width = max([len("intent"), *(len(i.id) for i in knowledge.intents)])
    print(file=out)
    print(
        f"{'intent':<{width}}  {'kind':<9}  {'examples':>8}  {'correct':>7}  {'accuracy':>8}",
        file=out,
    )
    for intent in knowledge.intents:
        rows = by_intent.get(intent.id, [])
        good = sum(o.correct for o in rows)
        mark = "" if good == len(rows) else "  <"
        numbers = f"{len(rows):>8}  {good:>7}  {_pct(good, len(rows)):>8}"
        print(f"{intent.id:<{width}}  {intent.kind:<9}  {numbers}{mark}", file=out)
    total, good = len(result.examples), sum(o.correct for o in result.examples)
    print(
        f"{'all examples':<{width}}  {'':<9}  {total:>8}  {good:>7}  {_pct(good, total):>8}",
        file=out,
    )

    confusions: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in result.examples:
        if not o.correct:
            confusions[(o.intent or "", o.answered_as)].append(o)
    if confusions:
        print("\nconfusions (expected → answered: count, questions):", file=out)
        ranked = sorted(confusions.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        for (expected, got), outcomes in ranked:
            shown = outcomes if verbose else outcomes[:3]
            more = "" if len(shown) == len(outcomes) else ", …"
            qs = ", ".join(_clip(o.q) for o in shown)
            print(f"  {expected} → {got}: {len(outcomes)} ({qs}{more})", file=out)
        if verbose:
            print("\nfailed examples:", file=out)
            for o in result.examples:
                if not o.correct:
                    print(
                        f"  {file}:{o.line} {o.field}: {o.q!r} answered as {o.answered_as}",
                        file=out,
                    )

    if result.tests:
        passed = sum(o.correct for o in result.tests)
        print(f"\ntests: {passed}/{len(result.tests)} passed", file=out)
        for o in result.tests:
            if not o.correct:
                print(
                    f"  FAIL {file}:{o.line} {o.field}: {o.q!r} expected {'+'.join(o.expected)}, "
                    f"answered as {o.answered_as}",
                    file=out,
                )

    failed_examples = sum(not o.correct for o in result.examples)
    failed_tests = sum(not o.correct for o in result.tests)
    if failed_examples or failed_tests:
        print(
            f"\nFAILED: {failed_examples} example(s) and {failed_tests} test(s) answered wrongly"
            + ("" if verbose else " (-v lists each with its line)"),
            file=out,
        )
    else:
        print("\nOK: every example and test answered correctly", file=out)


def print_problems(
    problems: Iterable[object], what: str = "the FAQ was not loaded", out: TextIO | None = None
) -> int:
    """Each problem on its own line (file:line field: message), then a count."""
    out = out or sys.stderr
    n = 0
    for problem in problems:
        print(problem, file=out)
        n += 1
    print(f"{n} problem(s); {what}", file=out)
    return n


def main(faq: str | None = None, verbose: bool = False) -> int:
    from bot.guard import words as guard_words

    try:
        knowledge = load(faq)
        guard_words.load(guard_words.path(faq))  # the guard's words, checked as strictly
    except KnowledgeError as exc:
        print_problems(exc.problems)
        return 2
    for warning in campaign_warnings(knowledge, datetime.now(knowledge.facts.hours.zone).date()):
        print(warning, file=sys.stderr)

    from bot.answer import Brain  # the matcher is imported only for a valid FAQ

    try:
        brain = Brain(knowledge)
    except KnowledgeError as exc:  # the language data, knowledge/language/*.yaml
        print_problems(exc.problems)
        return 2
    result = run(brain)
    report(result, verbose=verbose)
    return 0 if result.ok else 1
