"""Classes seen on the first runs of blind sets 83 and later, and those the last stop's note left
open, each in examples of our own (none copied from a set). A round numbered without 第 right
before a group (十二轮巡视组) is another round, while the notice's own count of earlier rounds
(前8轮) is not. The State Council's own inspection (国务院大督查) is another body. A part of a
province known by its own name (滇西, 陕北, 苏南) is that province, as a city is; 辽西 is ours.
"""

from __future__ import annotations

import pytest
from replies import AFTER, assert_not_ours, assert_topic

from bot.answer import Brain


@pytest.mark.parametrize("text", ["十二轮巡视组电话多少", "听说13轮巡视组要来 咋联系"])
def test_a_round_numbered_without_di_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_the_notices_own_count_of_earlier_rounds_is_ours(brain: Brain) -> None:
    assert_topic(brain, "前8轮巡视组一共巡视了多少单位", "rounds")


@pytest.mark.parametrize(
    "text", ["Which group inspects Jilin this year?", "who is inspecting Jilin now"]
)
def test_another_province_asked_with_inspect_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)
    assert brain.answer(text, AFTER).kind == "boundary"


def test_our_province_asked_with_inspect_is_ours(brain: Brain) -> None:
    assert_topic(brain, "Which group inspected Liaoning?", "group")


@pytest.mark.parametrize(
    "text",
    [
        "国务院大督查怎么反映问题",
        "国务院督查组的电话给一个",
        "人在川西 我们这儿巡视组电话多少",
        "陕北的巡视组咋联系",
    ],
)
def test_another_body_or_a_part_of_another_province_never_gets_our_lines(
    brain: Brain, text: str
) -> None:
    assert_not_ours(brain, text)


def test_a_part_of_our_own_province_is_ours(brain: Brain) -> None:
    assert_topic(brain, "辽西那边巡视组电话", "phone")
