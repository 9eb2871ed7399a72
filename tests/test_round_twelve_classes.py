"""Classes seen on the first runs of blind sets 108–111 (round 86), each in examples of our own
(none copied from a set).

Boundary: a one-character abbreviation joined by 有 or 里的 (川有巡视组吗, 京里的巡视组) is
another province; so is the Bingtuan's own area (兵团那边的巡视), which the notice only names as
inspected. An asker in another province who asks for no fact of ours (我在甘肃 能找中央巡视组吗)
wants his own province's body; one who says he is away from ours (在外地) wants ours.
Remit: a post asked of the group (省医院院长 巡视组管吗, 监狱长 算不算) is whom the group takes,
even when no word of that topic is said, and the office's name (医院, 监狱) is no route.
Reports: a subsidy cheated (骗补) with a rhetorical question (这不是…是什么), flats (套楼) set
against four thousand a month, "check it" with a nephew's mine, a name held back by an x
(赵 X 林), 收黑钱 after 我要举报, initials that took (拿了) a sum, an office's 小 and a surname
taking goods unpaid, an uncle (二舅) placing his son without an exam, a notebook (本子) offered.
Questions: whether the bot passes things on (能帮我转给纪委吗) is answered, with the note that
it does not; the asker's registered home (我户口在吉林) is no matter of 户口; the lines and the
box asked together (电话和信箱) get both topics, as every writer of nine sets wanted; a post
asked of the group by its name (中央第三巡视组管得着吗) is whom it takes, not which group.
Process: reporting wrongly, a record for one's children, what to say on the phone, dictating
to someone who writes, a USB stick, a letter's delay, a lawyer's mandate.
Routes: toys, fake honey under one's brand, a private school's fees, the housing fund, a fake
doctor at a market, a prize by SMS, a collection box, a drunk husband's or a grandmother's
beating (12338), a wedding fee not paid. A home (房子) is no riches by itself: an old flat in a
long grievance with its fee is no report, while a driver's 200 m² flat still is.
"""

from __future__ import annotations

import pytest
from replies import AFTER, OURS, assert_not_ours, assert_routed, assert_topic, topics_of

from bot.answer import Brain


@pytest.mark.parametrize(
    "text",
    [
        "川有巡视组吗",
        "豫也有巡视组吗",
        "京里的巡视组电话多少",
        "新疆生产建设兵团这边的巡视组怎么联系",
        "我在甘肃 能找中央巡视组吗",
        "我在广东，想找巡视组反映",
    ],
)
def test_an_abbreviation_joined_the_bingtuan_and_an_asker_elsewhere_are_not_ours(
    brain: Brain, text: str
) -> None:
    assert_not_ours(brain, text)


def test_an_asker_away_from_our_province_wants_our_group(brain: Brain) -> None:
    reply = brain.answer("我在四川打工 在外地能给巡视组写信吗", AFTER)
    assert reply.kind == "faq" and "6008" in reply.text, reply


def test_an_asker_elsewhere_asking_our_line_gets_it_with_the_note(brain: Brain) -> None:
    reply = brain.answer("我在江西 巡视组电话多少", AFTER)
    assert reply.kind == "faq" and "024-88881877" in reply.text
    assert "江西" in reply.text  # the note: these lines are not Jiangxi's


def test_the_notices_own_mention_of_the_bingtuan_is_still_the_notice(brain: Brain) -> None:
    assert brain.answer("新疆生产建设兵团也巡视过吗", AFTER).kind != "boundary"


@pytest.mark.parametrize(
    "text",
    [
        "省医院的院长 巡视组管吗",
        "省监狱的监狱长算不算巡视组管的",
        "省肿瘤医院院长在不在巡视组管的范围",
    ],
)
def test_a_post_asked_of_the_group_is_whom_it_takes_not_its_offices_route(
    brain: Brain, text: str
) -> None:
    assert_topic(brain, text, "scope_who")
    assert "12320" not in brain.answer(text, AFTER).text


def test_a_post_below_the_remit_asked_of_the_group_keeps_12388(brain: Brain) -> None:
    reply = brain.answer("村主任把救济粮分给他亲戚了，这种巡视组管不管", AFTER)
    assert reply.topics[0] == "lower_level" and "12388" in reply.text, reply


@pytest.mark.parametrize(
    "text",
    [
        "玉米补贴 村长小舅子家报了两百亩 实际就三十亩 这不是骗补是什么",
        "我们那旮旯的镇长可有钱了 整了四套楼 一个月才挣三千",
        "省里有个领导 你们查查 他外甥在凤城开砂场 手续啥都没有",
        "铁岭开原的 赵 X 林 拿了养牛合作社的补助款80万",
        "我要举报 交警队的人收黑钱 一次三百",
        "WJH拿了人家五十万 你们知道这事不",
        "税务所的小孙每回都拿几条烟不给钱",
        "K局 takes cash in red envelopes",
        "我二姨是处长 给她闺女在财政局安排了个位置 没考试就进去了 这算不算事",
        "我有个本子 记着镇干部在我们渔场白拿的海参 要不给你们寄过去",
    ],
)
def test_reports_of_round_eighty_six_classes_are_refused(brain: Brain, text: str) -> None:
    assert brain.answer(text, AFTER).kind == "report_guard", text


@pytest.mark.parametrize(
    "text",
    [
        "我什么都没有 能举报吗",  # 都没有 is "none"; the question is asked by 能…吗
        "工地老板干完活不给钱 找谁",
        "我拿了三千块钱看病 医保能报不",
        "孩子拿了家里五百块钱 咋整",
    ],
)
def test_words_near_those_classes_are_no_report(brain: Brain, text: str) -> None:
    assert brain.answer(text, AFTER).kind != "report_guard", text


@pytest.mark.parametrize("text", ["能帮我转给纪委吗", "你能帮我转交给巡视组吗"])
def test_whether_the_bot_passes_things_on_is_answered_with_its_note(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and "process" in reply.topics, reply
    assert "不接收举报" in reply.text and all(line in reply.text for line in OURS)


def test_a_thing_to_pass_on_that_tells_of_someone_is_still_refused(brain: Brain) -> None:
    assert brain.answer("帮我转给纪委 我们科长收钱", AFTER).kind == "report_guard"


def test_the_askers_registered_home_is_no_matter_of_registration(brain: Brain) -> None:
    kind, topics = topics_of(brain, "辽宁的官员外地人能举报吗 我户口在河北")
    assert kind == "faq" and "services" not in topics, (kind, topics)


@pytest.mark.parametrize("text", ["电话和信箱", "巡视组电话跟信箱都发我", "电话和信箱各是多少"])
def test_the_lines_and_the_box_asked_together_get_both(brain: Brain, text: str) -> None:
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and topics[:2] == ("phone", "mail"), (text, topics)


def test_a_post_asked_of_the_group_by_its_name_is_whom_it_takes(brain: Brain) -> None:
    assert topics_of(brain, "省属国企的总经理 中央第三巡视组管得着吗")[1][0] == "scope_who"


@pytest.mark.parametrize(
    "text",
    [
        "反映错了会不会犯法",
        "举报了会不会留案底 影响孩子政审",
        "电话打通了该说什么 我嘴笨",
        "我奶奶不会写字 她口述我给写 这样算数不",
        "能不能寄U盘过去",
        "举报信寄到沈阳几天能到",
        "能不能委托律师代为反映",
    ],
)
def test_questions_of_the_process_round_eighty_six(brain: Brain, text: str) -> None:
    assert "process" in topics_of(brain, text)[1], text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("商场买的儿童玩具边上全是毛刺 找谁", "12315"),
        ("有人冒用我家的牌子卖假蜂蜜", "12315"),
        ("私立学校退学了 学费不退", "12345"),
        ("公司不给交住房公积金", "12345"),
        ("庙会上有个老中医给人扎针 收费还贵", "12320"),
        ("短信说我抽中了大奖 要先交手续费", "110"),
        ("超市门口有人拿捐款箱募捐 没有证件", "110"),
        ("我老公喝了酒就打我 找谁", "12338"),
        ("婆婆打我家孩子 咋整", "12338"),
        ("给人家婚礼拍照 完事了赖账不给钱", "12345"),
    ],
)
def test_matters_of_round_eighty_six_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_an_old_flat_in_a_grievance_is_no_riches(brain: Brain) -> None:
    text = (
        "我们小区是厂里的老房子 去年改造外墙干了一半施工队就走了 每户交了两千 "
        "问社区说找街道 问街道说找施工单位 到底该找谁"
    )
    assert brain.answer(text, AFTER).kind != "report_guard"


def test_a_subordinates_big_flat_set_against_his_chief_is_still_refused(brain: Brain) -> None:
    assert brain.answer("某局长的秘书都住两百平的房子 局长啥样可想而知", AFTER).kind == (
        "report_guard"
    )


def test_how_written_as_zenyang_asks_how_to_report(brain: Brain) -> None:
    kind, topics = topics_of(brain, "怎样向巡视组反映副省长的问题")
    assert kind == "faq" and "contact" in topics, topics


def test_a_monthly_return_scheme_that_vanished_is_the_police(brain: Brain) -> None:
    # 现在 in the story is no question whether one can call now.
    assert_routed(brain, "朋友圈广告说投五千月返一千 我爸投了两万 现在人找不到了", "110")
