"""Classes seen on the first runs of blind sets 101–104 (round 84), each in examples of our own
(none copied from a set).

Boundary: one-character abbreviations listed with spaces (豫 冀 晋 这几个地方, 粤 桂 这边; but 辽 宁
typed with a space is ours, not 宁 for Ningxia), the
group "stationed here now" (现在驻在这的), a central group inspecting a state firm (巡视中管企业,
巡视鞍钢), and, in English, the next group or "the inspection after this one" are not ours.
Routes: a hospital's overcharge told with the bill (乱收费 … 收了一万多) is a complaint, not a
report. Questions: two ways set in a choice (打电话行还是必须写信, 寄信和送上门哪个稳妥) ask how
to report, and get every way; the lines asked for themselves (电话多少) still get the lines. The
group set beside another channel (巡视组跟12388有啥区别, 和信访局是一回事不) gets whom the group
takes and how to reach it. A post whose level is said to be below the remit (乡镇的局长, 区里
那种局) in a question about what to do goes to 12388 first. Signing a letter (落款), a dead
official, a relative in office, a dialect on the phone, calling again, how long a letter takes
are the process. Routes: a partner's beating is women's rights (12338), an infected tattoo the
health line, explosives unguarded work safety, someone pushed into a river the police, a
stock-tip group the securities line, a road toll by "运管" transport, insurance a labour
contractor withholds labour, 城管 enforcing against a stall the service hotline (a 城管 officer
taking money stays 12388), noise at midnight and a lift that traps people the service hotline,
rubbish burnt the environment line. A county hospital's head asked where to go is 12388 first.

Sets 105–107 (round 85): a near miss of our line told as someone's mistake (朋友说是
024-88818877 他是不是记岔了) is a number quoted back, corrected, never a trace of someone; an
aside takes its question mark with it (戴百达翡丽 这钱哪来的? asks nothing); 你懂的那位 points
at someone; "how can I give you the proof" offers it. One's own township or village official,
supposed, asked "去哪告", is a question (12388). The bot taken for the group (打12388跟打你们)
is compared too. Prison for speaking, having taken his money too, going on with a call cut short
are the process. Ticket touts, burning tyres, a school canteen, meat gone off, stray dogs and
poppies have their lines.
"""

from __future__ import annotations

import pytest
from replies import AFTER, assert_not_ours, assert_routed, assert_topic, topics_of

from bot.answer import Brain


@pytest.mark.parametrize(
    "text",
    [
        "湘 鄂 这两个地方有巡视组没",
        "京 津 那边巡视组电话",
        "苏 浙 这些地方的巡视组",
        "现在驻在辽宁的巡视组咋联系",
        "目前驻在沈阳的巡视组在哪",
        "巡视中管企业的巡视组电话",
        "巡视鞍钢那个组咋找",
        "who is the next group to inspect Liaoning",
        "the inspection after this one, any number?",
    ],
)
def test_listed_abbreviations_todays_group_and_a_firms_inspection_are_not_ours(
    brain: Brain, text: str
) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    "text",
    ["2016年这个巡视组电话", "现在打这个电话有人接吗", "辽 宁 巡视组", "辽 宁 那边巡视组电话"],
)  # fmt: skip
def test_our_year_a_call_now_and_our_spaced_name_are_not_another_round(
    brain: Brain, text: str
) -> None:
    assert brain.answer(text, AFTER).kind != "boundary", text


@pytest.mark.parametrize(
    ("text", "number"),
    [("医院乱收费 做个CT收了两千", "12320"), ("学校乱收费 一学期收了三千", "12345")],
)
def test_a_services_overcharge_with_its_bill_is_routed_not_refused(
    brain: Brain, text: str, number: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and number in reply.text, (text, reply.kind, reply.topics)


@pytest.mark.parametrize("text", ["医院院长收了一万多", "学校乱收费 校长收了五万"])
def test_an_officials_takings_beside_a_bill_are_still_refused(brain: Brain, text: str) -> None:
    assert brain.answer(text, AFTER).kind == "report_guard", text


@pytest.mark.parametrize(
    "text", ["寄信还是打电话 哪个更快", "打电话行吗 还是得写信", "能打电话也能写信 哪个好"]
)
def test_a_choice_between_ways_is_how_to_report(brain: Brain, text: str) -> None:
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and topics[0] == "contact" and "phone" not in topics, (text, topics)


def test_a_choice_between_a_letter_and_a_visit_keeps_the_visit(brain: Brain) -> None:
    assert topics_of(brain, "写信和当面送哪个好") == ("faq", ("contact", "visit"))


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("电话多少 还是打信箱", ("phone", "mail")),
        ("材料邮寄给巡视组写哪个地址", ("mail",)),
        ("周六接电话不 还是跟机关一样双休 信箱是多少", ("hours", "mail")),
    ],
)
def test_the_lines_asked_for_themselves_are_no_choice(
    brain: Brain, text: str, topics: tuple[str, ...]
) -> None:
    kind, given = topics_of(brain, text)
    assert kind == "faq" and set(topics) <= set(given) and "contact" not in given, (text, given)


@pytest.mark.parametrize(
    "text", ["巡视组跟信访办有啥区别", "巡视组和纪委到底找谁", "巡视组是不是就是12388"]
)
def test_the_group_beside_another_channel_is_told_apart_by_whom_it_takes(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq", (text, reply.kind)
    assert {"scope_who", "contact"} <= set(reply.topics), (text, reply.topics)
    assert "领导班子" in reply.text and "024-88881877" in reply.text


def test_a_comparison_keeps_which_group_this_is(brain: Brain) -> None:
    assert topics_of(brain, "巡视组跟信访办有啥区别")[1][0] == "group"


def test_a_comparison_naming_someone_below_the_remit_leads_with_12388(brain: Brain) -> None:
    reply = brain.answer("巡视组和纪委有啥区别 我要反映我们乡长", AFTER)
    assert reply.kind == "route" and reply.topics[0] == "lower_level" and "12388" in reply.text


@pytest.mark.parametrize(
    "text", ["假如我知道镇上的局长收钱 咋整", "要是知道一个局长拿了好处 是县里的局 找谁"]
)
def test_a_post_placed_below_the_remit_goes_to_12388_first(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and reply.topics[0] == "lower_level", (text, reply.topics)
    assert "12388" in reply.text


def test_a_post_placed_in_the_province_is_asked_how_to_report(brain: Brain) -> None:
    kind, topics = topics_of(brain, "如果省里有个局长收了钱 找谁")
    assert kind == "faq" and topics[0] == "contact" and "lower_level" not in topics


@pytest.mark.parametrize(
    "text",
    ["写信用不用落款", "人去世了还能查他吗", "打电话讲方言行不行", "同一件事能打好几次不",
     "信要寄多久能收到", "我亲戚当官 我能反映吗"],
)  # fmt: skip
def test_questions_of_the_process(brain: Brain, text: str) -> None:
    assert_topic(brain, text, "process")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # sets 101–104
        ("我男朋友打我 找谁", "12338"),
        ("文眉文坏了 发炎化脓 找谁", "12320"),
        ("工地炸药没人管 太危险", "12350"),
        ("有人把人推下河了", "110"),
        ("股票群里老师带单 说稳赚", "12386"),
        ("路上有人拦车 自称运管收钱", "12328"),
        ("劳务公司不给我们上保险 找谁", "12333"),
        ("城管把我三轮车扣了 找谁说理", "12345"),
        ("楼下饭店闹到半夜 找谁", "12345"),
        ("电梯困人了 物业不管", "12345"),
        ("隔壁烧垃圾 一股塑料味", "12369"),
        ("城管队员收钱找谁", "12388"),
        # sets 105–107
        ("火车站有票贩子倒票", "12306"),
        ("工厂烧轮胎 呛死人", "12369"),
        ("学校食堂饭菜不干净 找谁", "12315"),
        ("超市肉都臭了还卖", "12315"),
        ("村里流浪狗成群 谁管", "12345"),
        ("有人偷种罂粟", "110"),
    ],
)
def test_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize("text", ["我们县医院院长的事归谁管", "区教育局局长的事归不归巡视组管"])
def test_a_unit_head_placed_below_the_remit_is_12388_first(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and reply.topics[0] == "lower_level", (text, reply.topics)


def test_a_provincial_department_head_asked_of_the_remit_is_whom_the_group_takes(
    brain: Brain,
) -> None:
    assert topics_of(brain, "省教育厅厅长归巡视组管吗")[1][0] == "scope_who"


@pytest.mark.parametrize(
    "text", ["有人说是024-88818877 他记错了吧", "我同事说号码是024-88881787 他是不是抄错了"]
)
def test_a_near_miss_of_our_line_told_as_someones_mistake_is_corrected(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and "phone" in reply.topics, (text, reply.kind)
    wrong = text.split("是")[1][:12]
    assert "024-88881877" in reply.text and wrong not in reply.text


@pytest.mark.parametrize(
    "text",
    ["那个处长天天戴江诗丹顿，这钱哪来的？", "你懂的那位 家里马桶都是金的",
     "How can I give you the proof? The mayor took bribes"],
)  # fmt: skip
def test_rhetorical_riches_a_pointed_hint_and_offered_proof_are_refused(
    brain: Brain, text: str
) -> None:
    assert brain.answer(text, AFTER).kind == "report_guard", text


def test_a_hint_about_prices_is_no_report(brain: Brain) -> None:
    assert brain.answer("你懂的 我们这边房子都贵", AFTER).kind != "report_guard"


def test_ones_own_village_official_supposed_and_asked_where_is_a_question(brain: Brain) -> None:
    assert_routed(brain, "我们村会计 要是他贪了钱 我去哪告", "12388")


def test_the_bot_taken_for_the_group_is_compared_too(brain: Brain) -> None:
    assert {"scope_who", "contact"} <= set(topics_of(brain, "打12345跟打你们一样吗")[1])


@pytest.mark.parametrize("text", ["举报了会不会坐牢", "打一半不敢说了 下次还能接着说吗"])
def test_more_questions_of_the_process(brain: Brain, text: str) -> None:
    assert_topic(brain, text, "process")


def test_a_canteen_where_the_asker_works_is_no_matter(brain: Brain) -> None:
    assert "hours" in topics_of(brain, "我在食堂上班 晚上几点还能打")[1]
