"""A question about what to do with someone's wrongdoing is a question about how to report:
the reply leads with the channels, unless the matter has a route of its own. The examples are
written for these tests, none taken from an evaluation set."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain

AFTER = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PHONES = ("024-88881877", "024-88881977")


@pytest.mark.parametrize(
    "question",
    [
        "要是发现哪个厅长拿了回扣 我该怎么弄",
        "假设我知道有个副市长受贿 应该找谁",
        "万一碰上当官的贪污 老百姓该咋办",
        "what can I do if a governor takes kickbacks?",
    ],
)
def test_what_to_do_about_wrongdoing_leads_with_how_to_report(brain: Brain, question: str) -> None:
    reply = brain.answer(question, AFTER)
    assert reply.kind == "faq" and reply.topics[0] == "contact", reply
    assert all(p in reply.text for p in PHONES) and "6008" in reply.text
    assert "12388" in reply.text  # the campaign is over: the standing channel


def test_a_matter_with_its_own_route_keeps_it(brain: Brain) -> None:
    reply = brain.answer("村会计挪用集体的钱 该找谁", AFTER)
    assert reply.kind == "route" and "12388" in reply.text, reply


def test_what_to_do_without_wrongdoing_is_no_question_about_reporting(brain: Brain) -> None:
    reply = brain.answer("电话打不通该怎么办", AFTER)
    assert reply.kind == "faq" and "call_now" in reply.topics and "contact" not in reply.topics


def test_whether_a_post_can_be_reported_gets_whom_it_covers_and_how(brain: Brain) -> None:
    reply = brain.answer("省交通厅厅长的问题 能向巡视组反映不", AFTER)
    assert {"contact", "scope_who"} <= set(reply.topics), reply
    assert all(p in reply.text for p in PHONES) and "领导班子" in reply.text
