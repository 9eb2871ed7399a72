"""Several campaigns in one bot: each province answered from its own facts, never another's."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from twocampaigns import HUNAN, LIAONING, SHIPPED, Fixed, hunan_brain, liaoning

from bot.campaigns import BUTTON_PREFIX, CampaignError, Campaigns, ChatChoices
from bot.knowledge import KnowledgeError
from bot.regions import Region, RegionFinder, load_regions
from bot.text import fold

NOW = datetime(2016, 3, 10, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Campaigns:
    hunan = hunan_brain(tmp_path_factory.mktemp("hunan"))
    return Campaigns([Fixed(liaoning()), Fixed(hunan)])


def states(text: str, numbers: tuple[str, ...]) -> bool:
    return any(n in text for n in numbers)


# --- regions -------------------------------------------------------------------------------


def test_all_34_provincial_divisions_are_known() -> None:
    regions = load_regions()
    assert len(regions) == 34
    assert {"liaoning", "hunan", "xinjiang", "hongkong", "macau", "taiwan"} <= {
        r.id for r in regions
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("江西的巡视组电话", ["jiangxi"]),
        ("浙江西湖边上", ["zhejiang"]),  # longest name first: not 江西
        ("营口那边的事", ["liaoning"]),  # a city belongs to its province
        ("长沙和大连", ["hunan", "liaoning"]),
        ("内蒙古的巡视组", ["neimenggu"]),
        ("巡视组电话多少", []),
    ],
)
def test_regions_named_in_a_question(text: str, expected: list[str]) -> None:
    finder = RegionFinder(load_regions())
    assert finder.named(fold(text)) == expected


def test_a_name_given_to_two_provinces_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "regions.yaml"
    bad.write_text(
        "regions:\n"
        "  - {id: aa, name: 甲省, en: A, en_full: A, capital: 甲城, capital_en: A,\n"
        "     short: [甲], cities: [同城]}\n"
        "  - {id: bb, name: 乙省, en: B, en_full: B, capital: 乙城, capital_en: B,\n"
        "     short: [乙], cities: [同城]}\n",
        "utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        load_regions(bad)
    message = str(err.value.problems[0])
    assert "regions.yaml:4" in message and "同城" in message


def test_a_campaign_of_an_unknown_province_is_refused() -> None:
    finder = RegionFinder([Region("aa", "甲省", ("甲省",))])
    with pytest.raises(CampaignError, match="辽宁省"):
        Campaigns([Fixed(liaoning())], finder)


def test_two_campaigns_for_one_province_are_refused() -> None:
    with pytest.raises(CampaignError, match="一个省只能加载一个"):
        Campaigns([Fixed(liaoning()), Fixed(liaoning())])


# --- one campaign: today's behaviour ------------------------------------------------------


@pytest.mark.parametrize("text", ["电话多少", "寄哪 他们几号走", "拖欠工资找谁", "你好"])
def test_one_campaign_answers_as_its_brain_does(text: str) -> None:
    one = Campaigns([Fixed(liaoning())])
    assert one.answer(text, NOW).text == liaoning().answer(text, NOW).text


# --- several campaigns -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "campaign", "own", "other"),
    [
        ("辽宁的巡视组电话多少", "liaoning", LIAONING[:2], HUNAN),
        ("湖南巡视组电话多少", "hunan", HUNAN[:2], LIAONING),
        ("长沙那边信寄哪", "hunan", HUNAN[2:], LIAONING),  # a city of 湖南
        ("大连的 信寄到哪", "liaoning", LIAONING[2:], HUNAN),
        ("第八巡视组怎么打电话", "hunan", HUNAN[:2], LIAONING),  # the group's ordinal
    ],
)
def test_a_named_province_gets_its_own_facts(
    two: Campaigns, text: str, campaign: str, own: tuple[str, ...], other: tuple[str, ...]
) -> None:
    reply = two.answer(text, NOW)
    assert reply.campaign == campaign
    assert all(n in reply.text for n in own), reply.text
    assert not states(reply.text, other), reply.text
    # Every reply names the campaign it speaks for.
    province = "湖南省" if campaign == "hunan" else "辽宁省"
    assert reply.text.startswith("【") and province in reply.text.splitlines()[0]


def test_no_province_named_asks_which_with_buttons_and_every_name(two: Campaigns) -> None:
    reply = two.answer("巡视组电话多少", NOW)
    assert reply.kind == "choose"
    assert "辽宁省" in reply.text and "湖南省" in reply.text
    assert not states(reply.text, LIAONING + HUNAN)  # no campaign's lines yet
    buttons = [s.id for s in reply.suggestions]
    assert buttons == [BUTTON_PREFIX + "liaoning", BUTTON_PREFIX + "hunan"]
    assert reply.topics == ("phone",)


def test_the_chats_choice_answers_later_questions(two: Campaigns) -> None:
    reply = two.answer("信寄到哪", NOW, chosen="hunan")
    assert reply.campaign == "hunan" and "1805" in reply.text and "6008" not in reply.text
    # A province named outright wins over the remembered choice.
    named = two.answer("辽宁的信寄到哪", NOW, chosen="hunan")
    assert named.campaign == "liaoning" and "6008" in named.text


def test_the_waiting_question_is_answered_once_chosen(two: Campaigns) -> None:
    asked = two.answer("电话和邮编各是多少", NOW)
    assert asked.kind == "choose"
    answered = two.resume(asked, "hunan", NOW)
    assert all(n in answered.text for n in (*HUNAN[:2], HUNAN[3]))
    assert not states(answered.text, LIAONING)


def test_a_report_is_refused_at_once_and_never_with_another_provinces_lines(
    two: Campaigns,
) -> None:
    report = "我要举报张某某局长收了50万"
    asked = two.answer(report, NOW)
    assert asked.kind == "choose" and asked.pending == "report_guard"
    assert "不能接收" in asked.text and "张某某" not in asked.text
    assert not states(asked.text, LIAONING + HUNAN)
    assert asked.topics == ()
    refused = two.resume(asked, "liaoning", NOW)
    assert refused.kind == "report_guard" and "024-88881877" in refused.text
    assert "张某某" not in refused.text


def test_a_province_not_loaded_is_told_plainly(two: Campaigns) -> None:
    reply = two.answer("江西的巡视组电话多少", NOW)
    assert reply.kind == "boundary"
    assert "江西省" in reply.text and "12388" in reply.text
    assert "辽宁省" in reply.text and "湖南省" in reply.text  # whose facts it does hold
    assert not states(reply.text, LIAONING + HUNAN)


@pytest.mark.parametrize("text", ["拖欠工资找谁", "你好", "谢谢"])
def test_what_belongs_to_no_campaign_is_answered_without_asking(two: Campaigns, text: str) -> None:
    reply = two.answer(text, NOW)
    assert reply.kind in ("route", "smalltalk")
    assert reply.campaign == ""
    assert reply.text == liaoning().answer(text, NOW).text


# --- the chat's memory ---------------------------------------------------------------------


def test_choices_are_forgotten_after_a_while_and_bounded() -> None:
    clock = [0.0]
    memory = ChatChoices(ttl=60, max_chats=2, clock=lambda: clock[0])
    memory.choose(1, "hunan")
    assert memory.chosen(1) == "hunan"
    clock[0] = 61
    assert memory.chosen(1) is None  # forgotten
    memory.choose(1, "a")
    memory.choose(2, "b")
    memory.choose(3, "c")  # the oldest chat goes
    assert memory.chosen(1) is None and memory.chosen(3) == "c"


def test_a_waiting_question_is_handed_over_once(two: Campaigns) -> None:
    memory = ChatChoices()
    asked = two.answer("电话多少", NOW)
    memory.wait(7, asked)
    assert memory.choose(7, "hunan") is asked
    assert memory.choose(7, "hunan") is None


def test_check_checks_every_campaign_of_faq_path(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    hunan_brain(tmp_path / "hunan")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "notice.txt").write_text((SHIPPED / "notice.txt").read_text("utf-8"), "utf-8")
    (broken / "faq.yaml").write_text("facts: [\n", "utf-8")
    root = Path(__file__).resolve().parent.parent

    def check(*faqs: Path) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "FAQ_PATH": ",".join(map(str, faqs))}
        return subprocess.run(
            [sys.executable, "-m", "bot", "check"],
            cwd=root, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    both = check(SHIPPED / "faq.yaml", tmp_path / "hunan" / "faq.yaml")
    assert both.returncode == 0, both.stdout + both.stderr
    one_broken = check(SHIPPED / "faq.yaml", broken / "faq.yaml")
    assert one_broken.returncode == 2
    assert "broken" in one_broken.stdout + one_broken.stderr


def test_the_terminal_keeps_the_choice_for_its_session(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    hunan_brain(tmp_path / "hunan")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "FAQ_PATH": f"{SHIPPED / 'faq.yaml'},{tmp_path / 'hunan' / 'faq.yaml'}"}
    lines = ["巡视组电话多少", "湖南的巡视组信箱", "电话多少"]
    out = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--jsonl"],
        cwd=root, env=env, input="".join(json.dumps({"text": q}) + "\n" for q in lines),
        capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    first, second, third = (json.loads(line) for line in out.splitlines())
    assert first["kind"] == "choose" and not states(first["reply"], LIAONING + HUNAN)
    assert "辽宁省" in first["reply"] and "湖南省" in first["reply"]
    assert second["campaign"] == "hunan" and HUNAN[2] in second["reply"]
    # The session chose 湖南 by naming it: the next question is answered from its facts.
    assert third["campaign"] == "hunan" and HUNAN[0] in third["reply"]
    assert not states(third["reply"], LIAONING)
