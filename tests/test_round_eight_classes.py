"""Classes seen on the first runs of blind sets 61 and 62, each in examples of our own (none
copied from a set). The boundary: a discipline commission's own line (市纪委的电话) or its
"inspection group" is another body's, while 中纪委巡视组 is what many call ours; the Bingtuan's
inspection line is its own; a group of this year's spring or summer is a later round; a place
"with anything like it" asks about that place's body."""

from __future__ import annotations

import pytest
from replies import AFTER, assert_not_ours, assert_topic

from bot.answer import Brain


@pytest.mark.parametrize(
    "text",
    [
        "市纪委的电话是多少",
        "区纪委怎么联系",
        "纪委的联系方式给一个",
        "省纪委巡视组的信箱",
        "兵团的巡视电话多少",
        "新疆生产建设兵团的电话",
        "今年夏天来沈阳那个组电话多少",
        "去年年底的巡视组信箱",
        "香港那边有类似的吗",
        "台湾的事归谁管",
    ],
)
def test_set_61_and_62_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("中纪委巡视组的电话", "phone"),  # 中纪委 folds to 纪委: the central groups, ours
        ("中央纪委的巡视组信箱是多少", "mail"),
        ("新疆生产建设兵团被巡视过吗", "rounds"),  # the notice's own words
    ],
)
def test_the_central_commissions_group_and_the_notices_places_are_ours(
    brain: Brain, text: str, topic: str
) -> None:
    assert_topic(brain, text, topic)


def test_a_commissions_post_is_no_body_asked_about(brain: Brain) -> None:
    reply = brain.answer("县纪委书记归中央巡视组管吗", AFTER)
    assert reply.kind != "boundary" and "12388" in reply.text, (reply.kind, reply.topics)
