"""Confusions among the notice's own topics, by class, in our own words: each question must
get exactly these topics (as `check` does for the FAQ's `tests:`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def brain() -> Brain:
    return Brain.load()


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # A line tried and not answered, or whether it still works today: can I call now.
        ("拨了一上午都是忙音是怎么回事", ("call_now",)),
        ("这俩号今天还能用吗", ("call_now",)),
        # The ways besides the phone: how to report.
        ("不打电话的话还有啥别的路子", ("contact",)),
        # Evidence, false reports, on someone's behalf, being found out, what to enclose.
        ("手里没啥证据光是听说的能反映吗", ("process",)),
        ("反映的情况要是不实会被追究吗", ("process",)),
        ("帮邻居大爷代他举报可以吗", ("process",)),
        ("怕领导知道是我反映的怎么办", ("process",)),
        ("要附上哪些材料才行", ("process",)),
        ("举报收不收费啊亲", ("process",)),  # 收不收费 is no 不收 (what it refuses)
        # What it refuses.
        ("巡视组不收哪些类型的信", ("outside",)),
        # The rounds before, why Liaoning, the deputies (parts of group).
        ("在这之前一共巡了几轮", ("rounds",)),
        ("怎么偏偏选中辽宁了", ("first_round",)),
        ("副职领导是哪几位", ("deputies",)),
    ],
)
def test_each_confusion_class_gets_its_topic(
    brain: Brain, question: str, topics: tuple[str, ...]
) -> None:
    reply = brain.answer(question, NOW)
    assert reply.kind == "faq" and reply.topics == topics, (question, reply.topics)


def test_another_question_in_the_same_message_gets_its_topic_too(brain: Brain) -> None:
    reply = brain.answer("副组长是哪几位 之前又巡了几轮", NOW)
    assert set(reply.topics) == {"deputies", "rounds"}
    assert "刘维佳" in reply.text and "8轮" in reply.text
