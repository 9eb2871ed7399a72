"""`part_of`: a topic that details a broader one (deputies is part of group).

The writers' spec (FORMAT.md) labels the leader, the deputies, what 回头看 re-examines and the
history of the rounds all as topic `group`; the FAQ answers them with narrower topics. The
judge accepts a narrower topic for its whole, never the whole for a part, and the loader
refuses a part_of that names no topic, the topic itself, or a topic that is a part itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import evaluate
from bot.knowledge import load, use_language
from bot.reply import Reply
from tests.test_knowledge import edited, line_of, problems_of

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_LANG", "en")
    use_language(None)


def _case(topics: tuple[str, ...]) -> evaluate.Case:
    return evaluate.Case(q="副组长叫啥", category="group", kind="faq", topics=topics)


def test_the_shipped_parts_of_group() -> None:
    kb = load(ROOT / "knowledge" / "faq.yaml")
    parts = {i.id for i in kb.intents if "group" in i.part_of}
    assert parts == {"deputies", "follow_up", "rounds", "first_round", "meeting"}
    assert kb.intent("phone").part_of == ()
    assert kb.covers("group", "deputies") and kb.covers("group", "group")
    assert not kb.covers("deputies", "group")  # the whole does not answer a part
    assert not kb.covers("phone", "deputies") and not kb.covers("group", "unknown_id")


def test_the_judge_accepts_a_part_for_its_whole() -> None:
    kb = load(ROOT / "knowledge" / "faq.yaml")
    reply = Reply("副组长刘维佳、朱国贤、陈江", "faq", ("deputies",))
    assert evaluate.judge(_case(("group",)), reply, covers=kb.covers).passed
    # Without the FAQ's relation the topic must be the very one expected.
    assert not evaluate.judge(_case(("group",)), reply).topics_ok
    # A part never stands for a sibling, nor the whole for a part.
    assert not evaluate.judge(_case(("rounds",)), reply, covers=kb.covers).topics_ok
    whole = Reply("组长叶青纯", "faq", ("group",))
    assert not evaluate.judge(_case(("deputies",)), whole, covers=kb.covers).topics_ok
    # Every expected topic must still be covered: group by deputies, period by nothing here.
    assert not evaluate.judge(_case(("group", "period")), reply, covers=kb.covers).topics_ok


def test_evaluate_uses_the_faqs_parts() -> None:
    from bot.answer import Brain

    brain = Brain.load(ROOT / "knowledge" / "faq.yaml")
    question = "一共有几位副组长啊"
    report = evaluate.evaluate(brain, [_case(("group",)).model_copy(update={"q": question})])
    assert report.results[0].reply.topics[0] == "deputies"
    assert report.results[0].topics_ok


@pytest.mark.parametrize(
    ("part_of", "why"),
    [("grop", "a misspelt id"), ("phone_self", "itself"), ("mail", "a part itself")],
)
def test_a_bad_part_of_is_refused_with_its_line(tmp_path: Path, part_of: str, why: str) -> None:
    # The fixture's phone topic is made part of: a misspelt id, itself, or mail, which is
    # made a part of phone in the same edit (a chain).
    target = "phone" if part_of == "phone_self" else part_of
    edits = [("  - id: phone\n", f"  - id: phone\n    part_of: {target}\n")]
    if part_of == "mail":
        edits.append(("  - id: mail\n", "  - id: mail\n    part_of: phone\n"))
    path = edited(tmp_path, *edits)
    problems = problems_of(path)
    line = line_of(path, f"part_of: {target}")
    assert [(p.line, p.field) for p in problems if "part_of" in p.field][:1] == [
        (line, "topics[0].part_of")
    ], why
    assert "part" in problems[0].message


def test_a_good_part_of_loads(tmp_path: Path) -> None:
    path = edited(tmp_path, ("  - id: mail\n", "  - id: mail\n    part_of: phone\n"))
    kb = load(path)
    assert kb.intent("mail").part_of == ("phone",) and kb.covers("phone", "mail")


def test_the_lines_and_the_box_together_answer_how_to_report() -> None:
    # 电话和信箱 is answered by both topics, which together are how to reach the group; either
    # alone is not (a reply with the lines says nothing of the box).
    kb = load(ROOT / "knowledge" / "faq.yaml")
    assert kb.answered("contact", ("phone", "mail")) and kb.answered("contact", ("contact",))
    assert not kb.answered("contact", ("phone",)) and not kb.answered("contact", ("mail",))
    assert kb.answered("group", ("deputies",))  # a part still answers its whole
    case = _case(("contact",)).model_copy(update={"q": "电话和信箱"})
    both = Reply("…", "faq", ("phone", "mail"), 1.0, (), "zh")
    assert evaluate.judge(case, both, None, kb.covers, answered=kb.answered).topics_ok
    assert not evaluate.judge(case, both, None, kb.covers).topics_ok  # covers alone: no


def test_a_bad_answered_by_is_refused_with_its_line(tmp_path: Path) -> None:
    path = edited(tmp_path, ("  - id: phone\n", "  - id: phone\n    answered_by: [mial]\n"))
    problems = [p for p in problems_of(path) if "answered_by" in p.field]
    assert problems and problems[0].line == line_of(path, "answered_by: [mial]"), problems
    assert "mial" in problems[0].message
