"""The notice's boundary, third round: rounds named by a party congress's term or by number,
when an earlier round was, a subject typed by its sound, a provincial group with words in
between, and a later visit said with 又派人.

Every example is our own wording (none is copied from an evaluation set). Each class has
questions that cross the boundary and neighbours that stay ours: the notice's own round
(首轮回头看), what this follow-up re-examines (上一轮巡视的整改), and our lines asked today.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain
from bot.boundary import Boundary, BoundaryData, _check
from bot.knowledge import KnowledgeError
from bot.language import load_model
from bot.text import fold

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
OUR_LINES = ("88881877", "88881977")


def _outside(brain: Brain, question: str) -> str:
    """The rule that put `question` outside the notice (the reply must never give our lines)."""
    reply = brain.answer(question, NOW)
    assert reply.kind == "boundary", (question, reply.kind, reply.topics)
    assert not any(line in reply.text for line in OUR_LINES), question
    assert "12388" in reply.text, question
    found = brain._boundary.find(brain._boundary.heard(question))
    assert found is not None, question
    return found.rule


# -- 1. a term of the party congress the notice's year (2016) is not in ------------------------


@pytest.mark.parametrize(
    "question",
    [
        "二十届中央巡视组的举报电话",
        "十九届中央第三轮巡视来没来辽宁",  # a round's number between the term and 巡视
        "十九大以后巡视组还管不管辽宁",  # 以后 between the term and the body
        "二十大以来中央巡视的信箱是哪个",
        "十七届中央巡视组在辽宁的电话",  # a term before the notice's
    ],
)
def test_a_term_the_notice_is_not_in_is_outside(brain: Brain, question: str) -> None:
    assert _outside(brain, question) == "term"


@pytest.mark.parametrize(
    "question",
    [
        "十八大以来中央巡视了多少个单位",  # the notice's own term: its figures
        "十八届中央巡视组的电话",  # the term 2016 is in
        "他十九岁就参加工作了,巡视组电话多少",  # 十九 without 届 is no term
    ],
)
def test_the_notices_own_term_stays_ours(brain: Brain, question: str) -> None:
    assert brain.answer(question, NOW).kind != "boundary", question


def test_the_term_is_named_in_the_reply(brain: Brain) -> None:
    reply = brain.answer("十九届的中央巡视组 电话给一个", NOW)
    assert "十九届中央" in reply.text


# -- 2. a numbered round the notice does not name ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "十八届第十一轮巡视的值班电话",  # the notice's term, another round
        "第五轮巡视辽宁了没有",
        "第二轮回头看还有辽宁吗",  # a second round of follow-ups
        "第三批回头看的电话多少",
        "第七轮专项巡视 辽宁",  # 专项 between the round and 巡视
    ],
)
def test_a_round_the_notice_does_not_name_is_outside(brain: Brain, question: str) -> None:
    assert _outside(brain, question) == "round"


@pytest.mark.parametrize(
    "question",
    [
        "第一轮巡视回头看的值班电话",  # the notice's own round (首轮巡视“回头看”)
        "第一批回头看都有哪几个省",
        "首轮回头看辽宁是不是其中一个",
        "巡视期间第二天能打电话吗",  # 第二天 is no round
    ],
)
def test_the_notices_own_round_stays_ours(brain: Brain, question: str) -> None:
    assert brain.answer(question, NOW).kind != "boundary", question


def test_the_notices_own_rounds_are_the_faqs_keywords(brain: Brain) -> None:
    """Another campaign names its own round in its FAQ (第二轮巡视): that round is its own."""
    facts = brain.knowledge.facts
    other = Boundary(facts, keywords=["第二轮巡视"])
    assert other.find(fold("第二轮巡视的电话多少")) is None
    assert other.find(fold("第三轮巡视的电话多少")) is not None
    only_follow_up = Boundary(facts, keywords=["第一轮回头看"])
    assert only_follow_up.find(fold("第一轮巡视回头看的电话")) is None
    assert only_follow_up.find(fold("第一轮巡视辽宁是几几年")) is not None


# -- 3. when an earlier round was: the notice does not say ---------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "上一轮巡视辽宁是几几年",
        "上次中央巡视组来辽宁是什么时候",
        "头一轮巡视是哪一年的事",
    ],
)
def test_when_an_earlier_round_was_is_outside(brain: Brain, question: str) -> None:
    assert _outside(brain, question) == "earlier"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("上一轮巡视的整改落实得咋样 回头看查不查", "follow_up"),  # what this round re-examines
        ("上次巡视组的电话是多少来着", "phone"),  # today, "last time's" group is the notice's
        ("我第一次打电话 几点能打", "hours"),  # 第一次 of a call, not of a round
    ],
)
def test_an_earlier_round_in_the_notices_words_stays_ours(
    brain: Brain, question: str, topic: str
) -> None:
    reply = brain.answer(question, NOW)
    assert reply.kind == "faq" and topic in reply.topics, (question, reply.kind, reply.topics)


# -- 4. a subject typed by its sound, and a province ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "吉林的巡事组电化多少",  # 巡事 → 巡视, 电化 → 电话
        "河北巡视组垫话给一个",  # 垫话 → 电话 (话 typed right)
        "山西那边的举包电话",  # 举包 → 举报
    ],
)
def test_a_subject_heard_by_its_sound_names_another_province(brain: Brain, question: str) -> None:
    assert _outside(brain, question) == "province"


def test_a_place_with_no_subject_by_sound_is_no_boundary(brain: Brain) -> None:
    """我老家吉林 … 点化: 点化 shares no character with 电话, so nothing is heard."""
    assert brain.answer("我老家吉林的 想问问点化", NOW).kind != "boundary"


# -- 5. a provincial group with words in between, and a later visit -------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "辽宁省委的巡视组电话",
        "省委自己的巡视组在哪接待",
        "咱省里自己的巡视组 有热线不",
    ],
)
def test_the_provinces_own_group_is_another_level(brain: Brain, question: str) -> None:
    assert _outside(brain, question) == "level"


@pytest.mark.parametrize(
    "question",
    [
        "那以后中央又派人巡视辽宁没",
        "后来又派巡视组来过没有",
        "巡视组之后又巡视过辽宁吗",
    ],
)
def test_a_later_visit_said_with_pai_is_outside(brain: Brain, question: str) -> None:
    assert _outside(brain, question) == "latest"


# -- the data is checked -----------------------------------------------------------------------


def test_a_term_that_ends_before_it_starts_is_reported_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The maintainer is told the file, the line and the field, in words they can act on."""
    shipped = Path(__file__).resolve().parents[1] / "knowledge" / "language" / "boundary.yaml"
    good = "{word: 十九届, name: 十九届中央, en: 19th Central Committee, start: 2017, end: 2022}"
    text = shipped.read_text(encoding="utf-8")
    assert good in text
    text = text.replace(good, good.replace("start: 2017", "start: 2030"))
    (tmp_path / "language").mkdir()
    (tmp_path / "language" / "boundary.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("FAQ_PATH", str(tmp_path / "faq.yaml"))
    with pytest.raises(KnowledgeError) as caught:
        load_model("boundary.yaml", BoundaryData, _check)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "start: 2030" in row)
    problems = [str(p) for p in caught.value.problems]
    assert any(f"boundary.yaml:{line} terms[4].start" in p and "2030" in p for p in problems), (
        problems
    )


# -- 6. set 19's classes: a clock is no place, the asker's "there" a little later, English years


@pytest.mark.parametrize(
    "question", ["北京时间晚上七点还能打吗", "巡视组几点上班 是北京时间吗", "is that beijing time?"]
)
def test_beijing_time_is_a_clock_not_a_place(brain: Brain, question: str) -> None:
    assert brain.answer(question, NOW).kind != "boundary", question


@pytest.mark.parametrize(
    "question",
    [
        "harbin那边的巡视组电话",  # a Latin place glued to Chinese
        "我是广西的,我们那儿的巡视组怎么联系",  # "there" a few characters after the place
        "What is the hotline of the 2023 central inspection team?",  # 2023 central inspection
        "另外几个回头看的省份都是哪个组去的",  # the other provinces of the round
        "这届巡视组什么时候来",  # the current term, said 这届
        "区纪委巡查组的电话",  # a district's group, 巡察 typed 巡查
    ],
)
def test_more_bodies_the_notice_does_not_cover(brain: Brain, question: str) -> None:
    _outside(brain, question)


@pytest.mark.parametrize(
    ("question", "topic"),
    [("中央巡查组电话多少", "phone"), ("在深圳办的手机卡 电话费一直乱扣", None)],
)
def test_a_typo_of_our_group_and_a_phone_bill_are_no_boundary(
    brain: Brain, question: str, topic: str | None
) -> None:
    reply = brain.answer(question, NOW)
    assert reply.kind != "boundary", (question, reply.topics)
    assert topic is None or topic in reply.topics, (question, reply.topics)


@pytest.mark.parametrize(
    "question", ["我在别的省 能打巡视组电话吗", "省委书记和其他省领导归巡视组管吗"]
)
def test_other_provinces_said_of_the_asker_or_of_our_leaders_stay_ours(
    brain: Brain, question: str
) -> None:
    """我在别的省: where the asker is; 其他省领导: the other leaders of our province."""
    assert brain.answer(question, NOW).kind != "boundary", question
