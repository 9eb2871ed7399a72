"""Classes seen on the last blind set's first run, each in examples of our own: a fraud loss
told with an amount is no report; a relative in a supposition is a question; smoke, street
food, sold personal data and a neighbour's party have routes; where the group went next is
beyond the notice."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain

AFTER = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
OURS = ("88881877", "88881977")


@pytest.mark.parametrize(
    "text",
    [
        "收到短信说我银行卡涉嫌违法 让我转到安全账户 我转了三万 咋办",
        "A man on WeChat tricked me and took 5,000 yuan, what now?",
    ],
)
def test_a_loss_to_a_fraud_goes_to_the_police_not_to_the_refusal(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and "110" in reply.text, reply


def test_a_relative_in_a_supposition_is_a_question(brain: Brain) -> None:
    reply = brain.answer("我姑父在县里当干部 如果他违纪 我能举报自己亲戚吗", AFTER)
    assert reply.kind != "report_guard", reply


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("对面饭店的油烟呛得我们家没法开窗", "12369"),
        ("昨天在小吃摊吃了碗凉皮 晚上就拉肚子了", "12315"),
        ("有人在网上贩卖个人信息 一条几毛钱", "12377"),
        ("隔壁天天半夜蹦迪 吵得睡不着", "12345"),
    ],
)
def test_more_matters_of_life_have_their_route(brain: Brain, text: str, number: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and number in reply.text, reply


@pytest.mark.parametrize(
    "text", ["第三巡视组现在在哪个省巡视呢", "那年第三巡视组还去别的省了吗 那边电话多少"]
)
def test_where_the_group_went_next_is_beyond_the_notice(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "boundary" and "12388" in reply.text, reply
    assert not any(n in reply.text for n in OURS)


@pytest.mark.parametrize(
    "text", ["我人在长沙 当地的巡视组电话是多少", "我在南京, 这边巡视组咋联系"]
)
def test_where_the_asker_is_counts_when_the_body_there_is_asked_for(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "boundary" and not any(n in reply.text for n in OURS), reply


@pytest.mark.parametrize("text", ["我人在长沙 想给巡视组打个电话", "我在大连 这边巡视组电话多少"])
def test_an_asker_elsewhere_calling_us_or_in_our_own_province_gets_our_lines(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and all(n in reply.text for n in OURS), reply
