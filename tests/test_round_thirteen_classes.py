"""Classes seen on the first runs of blind sets 112–115 (round 87), each in examples of our own
(none copied from a set).

Boundary: a country abroad asked about as a place whose own body is asked after (加拿大有没有
巡视组, 日本那边有没有这样的巡视组, "does Singapore have…"), while an asker abroad (我在日本
巡视组电话多少, 从韩国往那个电话打) still asks for ours, and 朝鲜族 is no country; the
commission's local supervision teams (驻地方的监督组); an abbreviation said of oneself (我是川人);
an asker elsewhere whose question was half heard as the website (在湘 → 在线); in English the
inspection of this year, of next year, or now in the province; 2017 before "对辽宁的巡视", and
the group coming to the province again (还来辽宁).
Reports: an insinuation after a rhetorical 啥没见过, initials that took (收) a sum, an allowance
taken and kept (拿去不给), a promotion paid for (送过钱). The writer's own loss or hurt with no
official named (让人偷捞了, 民警推了我一把) is no report.
Questions: a post asked of the remit by 收不收 or 能找巡视组 (never "你们收不收二手手机"), with no
topic's word, is whom the group takes; a city-owned firm's head (市属) is below the remit. Three
questions chained by 还有 are a list. A sentence restating another topic's fact (巡视期间:…)
is left out when that topic answers too, so the leader is never lost beside the period.

Sets 116–118 (round 88): a fund manager (基金经理) is no 金 and a post; reports by a share taken
(进了谁腰包) with lab sheets kept, fake invoices with 你们懂的 (a hint is never a supposition),
envelopes in a car boot, 就那位 with a new house and cars, a name and a post in pinyin; process
words (an alias, a time limit, a relative, an official moved away, the sender's address, both
lines, a lawyer writing, a wage docked, being found out, asking privately first); route words
(bath water, blended liquor, rigged scales, an agent's fee, a bank's fee, a funds loss, a child
beaten at home).
"""

from __future__ import annotations

import pytest
from replies import AFTER, assert_not_ours, assert_routed, topics_of

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


@pytest.mark.parametrize(
    "text",
    [
        "我在学校食堂干了十年,啥没见过。我们校长的小舅子拿下了食堂的合同,你说巧不巧",
        "w j h 在高速口 过一辆车收五百",
        "我们屯里五保户的补助,村长拿去不给我们",
        "铁西有个副局长 提拔的时候给市委组织部送过钱 肯定送了",
    ],
)
def test_reports_of_round_eighty_seven_classes_are_refused(brain: Brain, text: str) -> None:
    assert brain.answer(text, AFTER).kind == "report_guard", text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("鱼塘昨晚让人偷捞了 损失好几万 找谁", "110"),
        ("交警把我车扣了 那民警还推了我一把 我想投诉他", "12389"),
    ],
)
def test_the_writers_own_loss_or_hurt_is_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    "text", ["市纪委书记出了问题 巡视组收不收", "省教育厅厅长的事能找巡视组反映吗"]
)
def test_a_post_asked_of_the_remit_is_whom_the_group_takes(brain: Brain, text: str) -> None:
    assert "scope_who" in topics_of(brain, text)[1], text


def test_a_shop_asked_what_it_takes_is_no_remit_question(brain: Brain) -> None:
    assert "scope_who" not in topics_of(brain, "你们收不收旧家电")[1]


def test_a_city_owned_firms_head_is_below_the_remit(brain: Brain) -> None:
    reply = brain.answer("市属国企的董事长有问题 该往哪反映", AFTER)
    assert reply.topics[0] == "lower_level" and "12388" in reply.text, reply


def test_questions_chained_by_haiyou_are_a_list(brain: Brain) -> None:
    topics = topics_of(brain, "邮编多少还有几点能打还有能不能匿名还有哪天结束")[1]
    assert {"mail", "hours", "process", "period"} <= set(topics), topics


def test_the_leader_is_said_beside_the_period(brain: Brain) -> None:
    reply = brain.answer("哪天来的 待到哪天 组长是谁", AFTER)
    assert "叶青纯" in reply.text and reply.text.count("4月28日") <= 2, reply.text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("一个人能反映几次", "process"),
        ("写信要写多详细", "process"),
        ("举报省里的领导会不会出事 我有点怕", "process"),
        ("我是公务员 能举报上级吗", "process"),
        ("巡视组在沈阳何处办公", "visit"),
    ],
)
def test_round_eighty_seven_questions(brain: Brain, text: str, topic: str) -> None:
    assert topic in topics_of(brain, text)[1], text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("邻居把我家院里的树给锯了 咋整", "12345"),
        ("看见一个喝得东倒西歪的开车走了", "110"),
        ("吃完饭上吐下泻 站不起来了", "120"),
        ("收粮的秤上做手脚 一斤少给我二两", "12315"),
        ("焦化厂天天冒黄烟", "12369"),
        ("雇主不管 我干活摔伤了", "12333"),
        ("单位逼我辞职 说我怀孕了", "12333"),
        ("楼下天天音箱开老大 找谁管", "12345"),
        ("洗浴池子水好几天不换 找谁", "12315"),
        ("人参酒是勾兑的 找谁", "12315"),
        ("卖菜的秤有鬼 一斤少三两", "12315"),
        ("银行每月扣我管理费 也没说过", "12378"),
        ("邻居家孩子说他爸天天打他", "12338"),
        ("药店不要处方就卖处方药", "12315"),
        ("球场天天抽地下水 村里的井都快干了", "12369"),
        ("经理对女员工动手动脚 找谁", "12338"),
    ],
)
def test_rounds_eighty_seven_and_eight_matters_are_routed(
    brain: Brain, text: str, number: str
) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    "text",
    [
        "我是化验员 领导让我们把次品按合格品出报告 差价进了谁腰包不用我说 原始化验单我都留着",
        "有个处长让我帮他弄点票 金额不小 你们懂的",
        "矿老板每回检查前都往人家车后备箱塞两条烟一个信封 一个信封两万",
        "县里你知道是谁 就那位 又在老家盖了三层小楼",
        "li ming fu ting zhang tian tian qu hui suo",
    ],
)
def test_reports_of_round_eighty_eight_classes_are_refused(brain: Brain, text: str) -> None:
    assert brain.answer(text, AFTER).kind == "report_guard", text


def test_a_fund_managers_advice_is_the_securities_line(brain: Brain) -> None:
    assert_routed(brain, "基金经理推荐的理财亏了一半 找谁投诉", "12386")


@pytest.mark.parametrize(
    "text",
    [
        "举报能用化名吗",
        "举报有时间限制吗",
        "我跟他是亲戚 能举报吗",
        "寄信要写寄件人地址吗",
        "能请律师帮我写举报信吗",
        "举报了单位会扣我工资吗",
        "举报以后能查出来是谁举报的吗",
        "举报之后我要做什么 就干等着吗",
        "可以一次举报两个单位吗",
        "反映了以后会不会上门找我",
    ],
)
def test_questions_of_the_process_round_eighty_eight(brain: Brain, text: str) -> None:
    assert "process" in topics_of(brain, text)[1], text


@pytest.mark.parametrize("text", ["苏浙沪的巡视组电话多少", "京津冀巡视组咋联系"])
def test_a_list_of_abbreviations_before_the_inspection_is_not_ours(
    brain: Brain, text: str
) -> None:
    assert_not_ours(brain, text)


def test_a_deputy_county_head_in_partnership_with_a_boss_is_refused(brain: Brain) -> None:
    assert brain.answer("建平县副县长WGH跟矿老板合伙 山都挖空了", AFTER).kind == "report_guard"


def test_next_year_in_english_is_not_ours(brain: Brain) -> None:
    assert_not_ours(brain, "Will there be an inspection of Liaoning next year? The number?")
