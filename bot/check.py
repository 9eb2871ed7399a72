"""`python -m bot check [FAQ]`: is the FAQ valid, and does the bot answer its own examples?

Like `rasa test nlu`: every example question of every intent is answered with that
example held out of the index (leave-one-out), every `tests:` entry is answered as is,
and the report gives per-intent accuracy and the confusions. Each wrong answer says
why it likely happened: the keywords the two topics share, or those the question hit.

Messages are in Chinese, or in English with BOT_LANG=en (or `main(lang="en")`).

Exit status: 0 all good, 1 some example or test answered wrongly, 2 the FAQ is invalid.
The last line on stderr repeats the status and its meaning, because `make check`
cannot pass it on: GNU make exits 2 whenever a recipe fails, whatever its status.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, TextIO

from bot.knowledge import Knowledge, KnowledgeError, Problem, display_path, load, use_language
from bot.knowledge.problems import language, say, text

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


def why_wrong(knowledge: Knowledge, outcome: Outcome) -> tuple[str, str]:
    """(likely cause, what to do) for a question answered wrongly.

    Example: 中央巡视组来辽宁了吗, expected group, answered contact, which both have the
    keyword 巡视组 -> ("group and contact share the keywords: 巡视组", "keep each …").
    """
    q = outcome.q.casefold()
    known = [e for e in outcome.expected if knowledge.has_intent(e)]
    # The topics not answered (all, when the fault is an extra topic), and the extra ones.
    expected = [e for e in known if e not in outcome.got] or known
    wrong = [g for g in outcome.got if g not in outcome.expected and knowledge.has_intent(g)]
    for e in expected:
        own = {k.casefold() for k in knowledge.intent(e).keywords}
        for g in wrong:
            shared = [k for k in knowledge.intent(g).keywords if k.casefold() in own]
            in_q = [k for k in shared if k.casefold() in q] or shared
            if in_q:
                _, cause, fix = say("check_wrong_shared", expected=e, got=g, words=_words(in_q))
                return cause, fix
    for g in wrong:
        heard = [k for k in knowledge.intent(g).keywords if k.casefold() in q]
        if heard:
            e = "+".join(expected) or "?"
            _, cause, fix = say("check_wrong_heard", expected=e, got=g, words=_words(heard))
            return cause, fix
    own_heard = [k for e in expected for k in knowledge.intent(e).keywords if k.casefold() in q]
    if own_heard:
        _, cause, fix = say(
            "check_wrong_weak", expected="+".join(expected), words=_words(own_heard)
        )
        return cause, fix
    _, cause, fix = say("check_wrong_unheard", expected="+".join(expected) or "?")
    return cause, fix


def _words(words: Iterable[str]) -> str:
    return "、".join(list(dict.fromkeys(words))[:5])


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
        """Each failure as `file:line field: …` with its likely cause, as load problems read."""
        file = display_path(self.knowledge.path)
        out = []
        for o in self.failures:
            what = text(
                "check_example_wrong", q=o.q, got=o.answered_as, expected="+".join(o.expected)
            )
            cause, fix = why_wrong(self.knowledge, o)
            out.append(str(Problem(file, o.line, o.field, what, cause, fix)))
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
        return [_joined("campaign_ended", end=period.end.isoformat())]
    if today < period.start:
        return [_joined("campaign_not_started", start=period.start.isoformat())]
    return []


def _joined(code: str, **params: object) -> str:
    """A warning on one line: what, then what to do (the cause is plain from the date)."""
    what, _cause, fix = say(code, **params)
    return f"{what}。{fix}。" if language() == "zh" else f"{what}; {fix}"


def _pct(correct: int, total: int) -> str:
    return f"{100 * correct / total:.1f}%" if total else "-"


def _clip(s: str, width: int = 30) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def _width(s: str) -> int:
    """Columns in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _left(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _right(s: str, width: int) -> str:
    return " " * max(0, width - _width(s)) + s


def report(result: CheckResult, verbose: bool = False, out: TextIO | None = None) -> None:
    """The rasa-test-nlu-like report: per-intent table, confusions, failing tests."""
    out = out or sys.stdout
    knowledge = result.knowledge
    file = display_path(knowledge.path)
    counts: dict[str, int] = defaultdict(int)
    for intent in knowledge.intents:
        counts[intent.kind] += 1
    print(
        text(
            "check_valid",
            file=file,
            notice=display_path(knowledge.notice_path),
            topics=counts["faq"],
            routes=counts["route"],
            smalltalk=counts["smalltalk"],
            tests=len(knowledge.tests),
        ),
        file=out,
    )
    _table(result, out)
    _confusions(result, verbose, file, out)
    _tests(result, file, out)
    failed_examples = sum(not o.correct for o in result.examples)
    failed_tests = sum(not o.correct for o in result.tests)
    if failed_examples or failed_tests:
        hint = "" if verbose else text("check_verbose_hint")
        print(
            "\n" + text("check_failed", examples=failed_examples, tests=failed_tests, hint=hint),
            file=out,
        )
    else:
        print("\n" + text("check_ok"), file=out)


def _table(result: CheckResult, out: TextIO) -> None:
    """intent  kind  examples  correct  accuracy, one row per intent, then the total."""
    knowledge = result.knowledge
    heads = text("check_columns").split("|")
    total_label = text("check_all_examples")
    width = max([_width(heads[0]), *(len(i.id) for i in knowledge.intents)])
    cols = [max(_width(h), n) for h, n in zip(heads[1:], (9, 8, 7, 8), strict=True)]

    def row(name: str, kind: str, cells: list[str], mark: str = "") -> str:
        first = _left(name, width) + "  " + _left(kind, cols[0])
        rest = "  ".join(_right(c, w) for c, w in zip(cells, cols[1:], strict=True))
        return (first + "  " + rest + mark).rstrip() if not mark else first + "  " + rest + mark

    by_intent: dict[str, list[Outcome]] = defaultdict(list)
    for o in result.examples:
        by_intent[o.intent or ""].append(o)
    print(file=out)
    print(row(heads[0], heads[1], heads[2:]), file=out)
    for intent in knowledge.intents:
        rows = by_intent.get(intent.id, [])
        good = sum(o.correct for o in rows)
        mark = "" if good == len(rows) else "  <"
        print(
            row(intent.id, intent.kind, [str(len(rows)), str(good), _pct(good, len(rows))], mark),
            file=out,
        )
    total, good = len(result.examples), sum(o.correct for o in result.examples)
    print(row(total_label, "", [str(total), str(good), _pct(good, total)]), file=out)


def _confusions(result: CheckResult, verbose: bool, file: str, out: TextIO) -> None:
    """expected → answered: count (questions), each with the keywords behind it."""
    confusions: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in result.examples:
        if not o.correct:
            confusions[(o.intent or "", o.answered_as)].append(o)
    if not confusions:
        return
    print("\n" + text("check_confusions"), file=out)
    ranked = sorted(confusions.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for (expected, got), outcomes in ranked:
        shown = outcomes if verbose else outcomes[:3]
        more = "" if len(shown) == len(outcomes) else ", …"
        qs = ", ".join(_clip(o.q) for o in shown)
        print(f"  {expected} → {got}: {len(outcomes)} ({qs}{more})", file=out)
        cause, _fix = why_wrong(result.knowledge, outcomes[0])
        print(f"    {cause}", file=out)
    if verbose:
        print("\n" + text("check_failed_examples"), file=out)
        for o in result.examples:
            if not o.correct:
                print(
                    f"  {file}:{o.line} {o.field}: "
                    + text(
                        "check_example_wrong",
                        q=o.q,
                        got=o.answered_as,
                        expected="+".join(o.expected),
                    ),
                    file=out,
                )


def _tests(result: CheckResult, file: str, out: TextIO) -> None:
    if not result.tests:
        return
    passed = sum(o.correct for o in result.tests)
    print("\n" + text("check_tests", passed=passed, total=len(result.tests)), file=out)
    for o in result.tests:
        if not o.correct:
            line = text(
                "check_test_failed",
                where=f"{file}:{o.line}",
                field=o.field,
                q=o.q,
                expected="+".join(o.expected),
                got=o.answered_as,
            )
            print(f"  {line}", file=out)
            print(f"    {why_wrong(result.knowledge, o)[0]}", file=out)


def print_problems(
    problems: Iterable[object], what: str | None = None, out: TextIO | None = None
) -> int:
    """Each problem (file:line field: message, then its cause and what to do), then a count."""
    out = out or sys.stderr
    n = 0
    for problem in problems:
        print(problem, file=out)
        n += 1
    print(text("check_count", n=n, what=what or text("check_not_loaded")), file=out)
    return n


def print_exit(code: int, out: TextIO | None = None) -> int:
    """The status and what it means, as the last line (make check shows no status)."""
    if code:
        print(text("check_exit", code=code, meaning=text(f"exit_{code}")), file=out or sys.stderr)
    return code


def main(faq: str | None = None, verbose: bool = False, lang: str | None = None) -> int:
    from bot.guard import words as guard_words

    if lang is not None:
        use_language(lang)
    try:
        knowledge = load(faq)
        guard_words.load(guard_words.path(faq))  # the guard's words, checked as strictly
    except KnowledgeError as exc:
        print_problems(exc.problems)
        return print_exit(2)
    today = datetime.now(knowledge.facts.hours.zone).date()
    for warning in campaign_warnings(knowledge, today):
        print(warning, file=sys.stderr)
    if knowledge.warnings:
        for warning in knowledge.warnings:
            print(warning, file=sys.stderr)
        print(text("check_warnings", n=len(knowledge.warnings)), file=sys.stderr)

    from bot.answer import Brain  # the matcher is imported only for a valid FAQ

    try:
        brain = Brain(knowledge)
    except KnowledgeError as exc:  # the language data, knowledge/language/*.yaml
        print_problems(exc.problems)
        return 2
    result = run(brain)
    report(result, verbose=verbose)
    return print_exit(0 if result.ok else 1)
