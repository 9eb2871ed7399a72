"""Classes seen on the first runs of blind sets 29 and 30, each in examples of our own (none
copied from a set): an earlier inspection of the notice's own province, an abbreviation after
进驻 or 去过, where the asker came from; reports told as praise beside a relative's business,
as a supposition that points at someone by surname or nickname, or as "a" post-holder's flats
set against his pay; questions about where a kind of misconduct goes; a question about the
remit in no topic's words; numbered lists of four or more questions; a question about the group
asked before a matter of life; and matters of life told in words the routes lacked. At the
end, the classes of set 31: a name in pinyin, 让 for 被, where the asker's home is asked about
after where he works, a self-description that names a route's word; and of set 32: where a
woman married into the province is from, a journey home, luxuries set against the pay."""

from __future__ import annotations

import pytest
from replies import (
    AFTER,
    assert_not_ours,
    assert_refused,
    assert_routed,
    assert_topic,
    topics_of,
)

from bot.answer import Brain
from bot.text import list_items

# -- the notice's boundary ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "上回巡视辽宁那阵子的信箱是哪个",  # the notice is itself a follow-up of an earlier round
        "上一轮巡视咱辽宁时公布的举报电话",
        "中央巡视组驻闽了没 举报电话多少",  # 驻 | 闽 | 了没 | 电话
        "巡视组去过湘没 电话是多少",
    ],
)
def test_an_earlier_round_or_a_province_by_abbreviation_is_not_ours(
    brain: Brain, text: str
) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("上次巡视组的电话多少", "phone"),  # said today, most likely the notice's own lines
        ("巡视组在驻地吗", "visit"),
        ("我刚从香港回来 想给巡视组写信 信箱多少", "mail"),  # where the asker came from
        ("本人自澳门返乡 巡视组电话是多少", "phone"),
    ],
)
def test_our_own_questions_stay_ours(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


def test_a_place_named_as_the_body_asked_about_is_still_another_province(brain: Brain) -> None:
    assert_not_ours(brain, "香港的巡视组电话多少")


# -- reports by implication ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "details"),
    [
        # praise, beside a relative's business that keeps growing
        ("我们区那位真是好官啊 他小舅子的公司越做越大", ("小舅子",)),
        # a supposition that still points at someone: a surname, a nickname
        ("要是我知道交通厅有个处长 就姓孙那个 收了人家一辆车 能跟你们说吗", ("姓孙", "一辆车")),
        ("一个副局长跟外号叫大刀的包工头勾结 我下周寄材料过去行不", ("大刀", "包工头")),
        # "a" post-holder whose flats are set against his pay is told of, not supposed
        ("一个科级干部 工资不高 老婆没工作 一口气买了四套房 哈哈", ("四套房",)),
    ],
)
def test_reports_by_implication_are_refused_without_echo(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("社区主任优亲厚友这类事归哪管", "12388"),
        ("村干部上班时间喝酒 这种作风问题去哪说", "12388"),
        ("诊所让做了一堆检查 收了一千多 这种找谁", "12320"),  # a service's bill, no official
    ],
)
def test_where_a_kind_of_misconduct_goes_is_a_question(
    brain: Brain, text: str, number: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind != "report_guard" and number in reply.text, (text, reply.kind)


def test_a_kind_of_official_is_nobody_in_particular(brain: Brain) -> None:
    kind, _topics = topics_of(brain, "我们村那些干部吃拿卡要 找谁")
    assert kind != "report_guard"


# -- the remit, asked in no topic's words ----------------------------------------------------------


def test_a_supposition_with_an_amount_about_the_remit_is_answered(brain: Brain) -> None:
    reply = brain.answer("要是有人收了五万块 算不算巡视组管的事", AFTER)
    assert reply.kind == "faq" and {"scope_who", "scope_what"} <= set(reply.topics)
    assert reply.suggestions == ()


def test_a_district_leader_goes_to_the_discipline_commission(brain: Brain) -> None:
    reply = brain.answer("区领导归不归巡视组管", AFTER)
    assert "12388" in reply.text, (reply.kind, reply.topics)


def test_what_the_group_takes_is_both_whom_and_what(brain: Brain) -> None:
    kind, topics = topics_of(brain, "巡视组都管啥")
    assert kind == "faq" and {"scope_who", "scope_what"} <= set(topics)


# -- numbered lists ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("norm", "starts"),
    [
        ("1 电话多少 2 几点能打 3 信寄哪", [0, 7, 14]),
        ("1能匿名2信箱", [0, 4]),  # ①能匿名② folds to digits glued to the words
        ("一 电话多少 二 信寄哪", [0, 7]),
        ("3个人去过 2回", []),  # numbers in a sentence, not counting from 1
        ("信箱6008 邮编110034 1", []),  # one item is no list
    ],
)
def test_list_items_finds_numbered_questions(norm: str, starts: list[int]) -> None:
    assert list_items(norm) == starts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 信箱多少 2 几点接电话 3 能匿名吗 4 巡视到哪天", {"mail", "hours", "process", "period"}),
        ("①电话②邮编③组长是谁④哪天结束", {"phone", "mail", "group", "period"}),
        ("一、能不能匿名;二、信寄哪;三、电话几点有人接", {"process", "mail", "hours"}),
    ],
)
def test_each_item_of_a_numbered_list_is_answered(
    brain: Brain, text: str, expected: set[str]
) -> None:
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and expected <= set(topics), (text, topics)


def test_what_comes_before_the_first_item_is_no_question(brain: Brain) -> None:
    kind, topics = topics_of(brain, "我是开出租的 问两个事 1 电话多少 2 信寄哪")
    assert kind == "faq" and set(topics) == {"phone", "mail"}, topics


# -- a question about the group, then a matter of life --------------------------------------------


def test_the_group_asked_first_leads_the_reply(brain: Brain) -> None:
    reply = brain.answer("巡视组的信箱是多少 另外楼上漏水找谁", AFTER)
    assert reply.kind == "faq" and reply.topics[0] == "mail", reply.topics
    assert "12345" in reply.text and "6008" in reply.text


def test_a_phone_heard_inside_a_story_does_not_lead(brain: Brain) -> None:
    assert_routed(brain, "刚才有人打电话说我孙子出事了 让我赶紧转钱", "110")


# -- matters of life in words the routes lacked ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("我男人喝多了就打我 孩子都吓哭了", "12338"),
        ("活着没什么意思 天天想哭", "12356"),
        ("上市公司财务造假 股民去哪投诉", "12386"),
        ("电动车让出租车给刮了 咋整", "122"),
        ("健身房办的卡 老板人跑了", "12315"),
        ("买的苹果秤缺了一斤", "12315"),
        ("火车停运了 票钱怎么退", "12306"),
        ("小区门口的路挖开了没人管", "12345"),
        ("最近总胸闷 想咨询个健康问题", "12320"),
        ("半夜有人在楼道撬锁", "110"),
        ("公司不给开离职证明", "12333"),
        ("银行不给开对公账户", "12378"),
    ],
)
def test_matters_of_life_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_nobody_hurt_is_no_goodbye(brain: Brain) -> None:
    kind, _topics = topics_of(brain, "车让人给刮了 人没什么事 对方要走")
    assert kind != "smalltalk"


# -- questions about reporting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "巡视组会不会把我的信息透给被举报人",
        "外省户口的人能给巡视组写信反映问题吗",
        "檢舉可以不具名嗎",
    ],
)
def test_questions_of_process_are_answered(brain: Brain, text: str) -> None:
    assert_topic(brain, text, "process")


# -- set 31's classes ----------------------------------------------------------------------------


def test_a_name_in_pinyin_and_goods_passed_to_relatives_is_refused(brain: Brain) -> None:
    reply = brain.answer("zhang hong wei 那个人把厂里的设备倒卖给自己亲戚了", AFTER)
    assert reply.kind == "report_guard" and "zhang" not in reply.text.lower()


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("我妹妹让她老公打得住院了", "12338"),  # 让 for 被
        ("加油站卖的汽油掺水了", "12315"),
    ],
)
def test_set_31_matters_of_life_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("不归巡视组管的事最后归谁", "outside"),
        ("不是党员也能反映问题吗", "process"),
        ("打过去要报姓名吗", "process"),
        ("写了信能给我回话不", "process"),
        ("写信和打电话哪个管用", "contact"),
        ("我是退伍老兵 信寄到哪", "mail"),  # who the asker is, not a matter of veterans' affairs
    ],
)
def test_set_31_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


def test_home_asked_about_after_where_one_works_is_another_province(brain: Brain) -> None:
    assert_not_ours(brain, "我是山西人在大连上班,老家村里的事找哪个巡视组")


# -- set 32's classes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我是湖北嫁到辽宁的 娘家在宜昌 湖北那边巡视组电话多少",  # 嫁到辽宁: where she lives
        "去湘的中央巡视组是哪个组",  # 去 | 湘 | 的 | 中央巡视组
    ],
)
def test_set_32_other_provinces_are_not_ours(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_a_journey_home_is_no_province_asked_about(brain: Brain) -> None:
    assert_routed(brain, "回黑龙江过年的火车票买不着 打哪个电话", "12306")


def test_luxuries_set_against_the_pay_are_a_report(brain: Brain) -> None:
    reply = brain.answer("你们去看看我们局长办公室那些好烟名酒 一个月工资才几千", AFTER)
    assert reply.kind == "report_guard" and "好烟" not in reply.text


def test_where_to_go_about_a_supposed_official_is_a_question(brain: Brain) -> None:
    kind, _topics = topics_of(brain, "要是知道我们县里一个局长收钱了 该找谁")
    assert kind != "report_guard"


@pytest.mark.parametrize(
    ("text", "topic"),
    [("巡视最后一天是哪天", "period"), ("晚上有人守着电话吗", "hours")],
)
def test_set_32_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [("夜班补贴扣了三个月", "12333"), ("小区门口有人扔医疗垃圾", "12369")],
)
def test_set_32_matters_of_life_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)
