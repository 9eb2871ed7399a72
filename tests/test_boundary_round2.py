"""The notice's boundary, second round: the current round, our group in another year or its
next visit, a lone one-character abbreviation, and place names that sound like a keyword.

Every example is our own wording (none is copied from an evaluation set). The notice holds one
group in one province in 2016: whatever is asked about later, or elsewhere, gets the boundary
reply, which never gives our lines as another body's.
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


@pytest.fixture(scope="module")
def brain() -> Brain:
    return Brain.load()


@pytest.fixture(scope="module")
def boundary(brain: Brain) -> Boundary:
    return Boundary(brain.knowledge.facts)


def _assert_boundary(brain: Brain, question: str) -> None:
    reply = brain.answer(question, NOW)
    assert reply.kind == "boundary", (question, reply.kind, reply.topics)
    assert not any(line in reply.text for line in OUR_LINES), question
    assert "12388" in reply.text, question


# -- 1. the current or latest round, asked outright -------------------------------------------

CURRENT_ROUND = [
    "目前驻辽宁的是哪一个巡视组",  # now, 驻 and the province as links, then "which"
    "如今还有没有中央巡视组在沈阳",  # 还有没有 read as the question, not as two links
    "眼下还有巡视组在辽宁吗",  # 眼下 is folded to 现在
    "最新那一届中央巡视组的举报电话",  # 最新, 那一届 and 中央 before the body
    "本届巡视组的信箱寄哪",
    "這一屆巡視組電話多少",  # traditional characters
    "which inspection group is in Liaoning now",
    "Which inspection group is working in Liaoning these days?",
    "what's the current inspection team's phone",
    "are there any inspection teams in Shenyang currently",
    "当前中央巡视组有没有在辽宁",  # the question right after the body
    "Is there still an inspection group in Liaoning?",
    "which round of inspection is liaoning in now",
]


@pytest.mark.parametrize("question", CURRENT_ROUND)
def test_the_current_round_gets_the_boundary_reply(brain: Brain, question: str) -> None:
    _assert_boundary(brain, question)


@pytest.mark.parametrize(
    "question",
    [
        "现在打巡视组电话有人接吗",  # "now", then no question of which or whether
        "现在还有人接巡视组电话吗",  # whether someone answers: our lines, today
        "最近打巡视组电话没人接",
        "巡视组最新电话",  # 最新 before no inspection word
        "i know the inspection group number",  # no "now" inside "know"
        "can I still call the inspection group",  # "still", but no question of which or whether
        "现在巡视组电话多少",
    ],
)
def test_now_alone_is_about_our_lines(boundary: Boundary, question: str) -> None:
    assert boundary.find(fold(question)) is None, question


# -- 2. our group in another year, or its next visit ------------------------------------------

LATER_VISITS = [
    "第三巡视组2019年在哪个省",  # the group, another year, where it was
    "中央第三巡视组2020年去过哪里",
    "2018年第三巡视组去了哪",  # the numbered group between the year and the verb
    "巡视组以后还会来辽宁吗",
    "第三巡视组会不会再来沈阳",
    "巡视组何时再来",
    "下一届巡视什么时候开始",
    "will the inspection team come back to Liaoning",
    "第三巡视组去年去了哪",  # a relative year
    "第三巡视组后来又去了哪里",
    "巡视组下次啥时候来",
    "第三巡视组2017年驻哪里",  # 驻 both a link and the verb
    "中央巡视组什么时候再回辽宁",
    "when will the inspection group come again",
]


@pytest.mark.parametrize("question", LATER_VISITS)
def test_another_year_or_a_later_visit_gets_the_boundary_reply(brain: Brain, question: str) -> None:
    _assert_boundary(brain, question)


@pytest.mark.parametrize(
    "question",
    ["巡视组几月几号来的辽宁", "2016年巡视组什么时候走", "第三巡视组是什么时候进驻的"],
)
def test_the_notice_own_visit_stays_ours(brain: Brain, question: str) -> None:
    """The notice's own period (2016, our group): answered, with its dates."""
    reply = brain.answer(question, NOW)
    assert reply.kind == "faq", (question, reply.kind)
    assert "2月27日" in reply.text and "4月28日" in reply.text


def test_a_year_when_something_happened_is_no_later_visit(boundary: Boundary) -> None:
    assert boundary.find(fold("他2015年去了巡视组反映过")) is None  # the person went
    assert boundary.find(fold("巡视组2015年的事管不管")) is None  # the year of the matter
    assert boundary.find(fold("巡视组2015年哪里的事都管吗")) is None
    assert boundary.find(fold("我举报以后巡视组什么时候来调查")) is None  # after the asker's act
    assert boundary.find(fold("巡视组还会来电话吗")) is None  # a call back, not a visit
    assert boundary.find(fold("我打过了 巡视组以后还会来电吗")) is None


# -- 3. a one-character abbreviation standing as a word ---------------------------------------


@pytest.mark.parametrize(
    ("question", "province"),
    [
        ("赣,巡视组联系方式", "江西省"),
        ("晋 巡视组热线多少", "山西省"),
        ("鄂 的巡视组电话", "湖北省"),  # a space, then 的
        ('"闽"巡视组怎么联系', "福建省"),
        ("渝、巡视组举报电话", "重庆市"),
    ],
)
def test_a_lone_abbreviation_names_its_province(
    brain: Brain, boundary: Boundary, question: str, province: str
) -> None:
    found = boundary.find(fold(question))
    assert found is not None and found.rule == "province", question
    assert province in found.name
    _assert_boundary(brain, question)


@pytest.mark.parametrize(
    "question",
    [
        "鲁莽问一句 巡视组电话",  # inside a word
        "晋升的事找巡视组电话",
        "苏先生 巡视组电话多少",  # a surname glued to its title
        "京东 巡视组电话",
        "沪深股市的事巡视组管吗",
        "太贵了 巡视组电话",
    ],
)
def test_an_abbreviation_inside_a_word_is_no_province(boundary: Boundary, question: str) -> None:
    assert boundary.find(fold(question)) is None, question


def test_a_report_with_a_lone_abbreviation_is_refused_without_our_lines(brain: Brain) -> None:
    reply = brain.answer("苏·巡视组 我要举报南京某局长受贿五十万", NOW)
    assert reply.kind == "report_guard"
    assert "江苏省" in reply.text and "12388" in reply.text
    assert not any(line in reply.text for line in OUR_LINES)
    assert "五十万" not in reply.text and "某局长" not in reply.text


# -- 4. a place that sounds like a keyword, where the keyword stands --------------------------


@pytest.mark.parametrize(
    "question",
    [
        "巡视组专门新乡多少",  # 新乡 (xinxiang) for 信箱, after 专门
        "巡视组的专用新乡在哪",
        "巡视组邮政新疆是多少",  # 新疆 (xinjiang, heard xinjian) for 信件, after 邮政
        "那个新乡是多少号",  # before 是多少号
    ],
)
def test_a_misheard_keyword_gets_the_po_box(brain: Brain, question: str) -> None:
    reply = brain.answer(question, NOW)
    assert reply.kind == "faq" and "mail" in reply.topics, (question, reply.topics)
    assert "6008" in reply.text and "110034" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "河南新乡巡视组热线多少",  # the province before it
        "新乡的巡视组怎么联系",  # the body after it
        "新乡巡视组是多少",
        "乌鲁木齐新疆巡视组电话",
        "新疆的巡视组电话",
    ],
)
def test_the_same_place_as_a_place_stays_outside(brain: Brain, question: str) -> None:
    _assert_boundary(brain, question)


def test_homophones_come_from_the_faq_keywords(brain: Brain) -> None:
    """Data-driven: no keyword, no homophone; another keyword brings its own (大同, 打通)."""
    facts = brain.knowledge.facts
    bare = Boundary(facts)
    assert bare.heard("巡视组邮政新乡是电话") == "巡视组邮政新乡是电话"
    assert bare.find(fold("巡视组邮政新乡是多少")) is not None  # a city in Henan, then
    other = Boundary(facts, keywords=["打通"])
    assert other.heard("电话专门大同多少") == "电话专门打通多少"
    assert other.heard("大同那边巡视组电话") == "大同那边巡视组电话"  # not where 打通 stands
    assert other.find(fold("大同那边巡视组电话")) is not None
    assert other.heard("专门大同多少,专门大同多少") == "专门打通多少,专门打通多少"


def test_a_word_of_the_new_sections_that_folding_rewrites_is_reported_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """眼下 is folded to 现在 before matching: written in `now`, it could never be found."""
    shipped = Path(__file__).resolve().parents[1] / "knowledge" / "language" / "boundary.yaml"
    text = shipped.read_text(encoding="utf-8").replace("now: [现在,", "now: [眼下, 现在,")
    (tmp_path / "language").mkdir()
    (tmp_path / "language" / "boundary.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("FAQ_PATH", str(tmp_path / "faq.yaml"))
    with pytest.raises(KnowledgeError) as caught:
        load_model("boundary.yaml", BoundaryData, _check)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("now:"))
    problems = [str(p) for p in caught.value.problems]
    assert any(f"boundary.yaml:{line} now[0]" in p and "现在" in p for p in problems), problems
