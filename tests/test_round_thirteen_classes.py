"""Classes seen on the first runs of blind sets 112–115 (round 87), each in examples of our own
(none copied from a set).

Boundary: a country abroad asked about as a place whose own body is asked after (加拿大有没有
巡视组, 日本那边有没有这样的巡视组, "does Singapore have…"), while an asker abroad (我在日本
巡视组电话多少, 从韩国往那个电话打) still asks for ours, and 朝鲜族 is no country; the
commission's local supervision teams (驻地方的监督组); an abbreviation said of oneself (我是川人);
an asker elsewhere whose question was half heard as the website (在湘 → 在线); in English the
inspection of this year, of next year, or now in the province; 2017 before "对辽宁的巡视", and
the group coming to the province again (还来辽宁).
"""

from __future__ import annotations

import pytest
from replies import AFTER, assert_not_ours

from bot.answer import Brain


@pytest.mark.parametrize(
    "text",
    [
        "加拿大有没有巡视组",
        "我在日本,日本那边有没有这样的巡视组",
        "Does Canada have an inspection group like this?",
        "中央纪委派驻地方的监督组电话多少",
        "我是鲁人 想找我们那边的巡视组",
        "我在湘西,想找巡视组",
        "What is the phone number of this year's inspection in Liaoning?",
        "Is there a hotline for next year's inspection?",
        "What is the phone of the inspection now in Shenyang?",
        "2019年对辽宁的巡视是哪个组",
        "巡视组还会来辽宁吗 电话多少",
    ],
)
def test_round_eighty_seven_boundaries_are_not_ours(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    "text",
    [
        "我在日本 巡视组电话多少",
        "我人在韩国 从韩国往那个值班电话打要加什么",
        "我们朝鲜族 能用朝鲜文写信给巡视组吗",
    ],
)
def test_an_asker_abroad_still_gets_our_channels(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and ("88881877" in reply.text or "6008" in reply.text), reply


def test_a_korean_product_is_no_question_about_korea(brain: Brain) -> None:
    reply = brain.answer("商场买的韩国电饭锅是假的 找谁", AFTER)
    assert reply.kind == "route" and "12315" in reply.text
