"""Numbers quoted back by their tail, and another city's area code, are questions about the
phones; a tail followed by a unit (1977年) is a year or an amount, not a line."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain
from bot.answer.quoted import QuotedNumbers

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PHONES = ("024-88881877", "024-88881977")


@pytest.fixture(scope="module")
def brain() -> Brain:
    return Brain.load()


@pytest.fixture(scope="module")
def quoted(brain: Brain) -> QuotedNumbers:
    return QuotedNumbers(brain.knowledge.facts, brain.knowledge.external_numbers)


@pytest.mark.parametrize("question", ["尾号1977的那条线一直没人接", "1877打不进去 换哪个"])
def test_the_tail_of_a_line_is_a_question_about_the_phones(brain: Brain, question: str) -> None:
    reply = brain.answer(question, NOW)
    assert reply.kind == "faq" and reply.topics[0] == "phone", reply.topics
    assert all(p in reply.text for p in PHONES)


def test_a_tail_with_a_unit_is_no_line(quoted: QuotedNumbers) -> None:
    assert not quoted.find("我1977年入的党")
    assert quoted.find("1977那个号").topics == ("phone",)


@pytest.mark.parametrize("code", ["0411", "010", "0755"])
def test_another_area_code_is_corrected_to_ours(brain: Brain, code: str) -> None:
    reply = brain.answer(f"拨的时候前面加{code}对吗", NOW)
    assert reply.topics[0] == "phone"
    assert "024" in reply.text and "不一致" in reply.text
    assert code not in reply.text.replace("024-", "")  # the wrong code is never echoed


def test_our_own_area_code_is_no_mistake(quoted: QuotedNumbers) -> None:
    found = quoted.find("区号024没错吧")
    assert found.topics == ("phone",) and not found.wrong
    assert not quoted.find("12388能打吗").wrong  # a channel number, not a code


def test_a_line_with_a_digit_moved_is_corrected_never_confirmed() -> None:
    # 88818177 for 88881877: the 8 typed one place early, two edits of eight digits.
    brain = Brain.load()
    now = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    for text in ("024-88818177对不对", "我存的是88881797 没错吧"):
        reply = brain.answer(text, now)
        assert "phone" in reply.topics and "不一致" in reply.text, (text, reply)
        assert "88818177" not in reply.text and "88881797" not in reply.text
