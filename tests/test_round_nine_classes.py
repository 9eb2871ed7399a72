"""Classes seen on the first runs of blind sets 71 and later, each in examples of our own (none
copied from a set). Set 71: a bare 组 still to come after 明年 or 今年 (还有个组要来) is a later
round; a clause telling how the asker travels (我从…坐大巴去沈阳) is about the asker, not a matter
for the transport line; what a letter must state is the process; the words the routes lacked."""

from __future__ import annotations

import pytest
from replies import assert_not_ours, assert_routed, assert_topic

from bot.answer import Brain


@pytest.mark.parametrize(
    "text",
    [
        "听人讲明年开春还有个组要来,那时候打哪个电话",
        "今年夏天又有个组来了 电话多少",
        "明年还会有一个组下来吗,联系方式呢",
    ],
)
def test_set_71_a_group_still_to_come_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_a_group_of_2016_arriving_is_still_ours(brain: Brain) -> None:
    assert_topic(brain, "2016年春天来的那个组电话多少", "phone")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我从铁岭坐客车去沈阳,可以直接上门找巡视组吗", "visit"),
        ("我打算坐火车过去,巡视组在哪接待来访", "visit"),
        ("写给巡视组的信里要写明什么", "process"),
    ],
)
def test_set_71_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("庙会上有人卖包治百病的神药,我妈花了三百", "12315"),
        ("后山有人私开小煤窑,也没啥手续", "12336"),
    ],
)
def test_set_71_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)
