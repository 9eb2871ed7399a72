"""Routes by domain, round 2: a specific domain beats a generic word, a place is no cadre.

Each class has examples of its own (not copied from any evaluation set); each asserts the reply
kind, the route, its number, and the numbers a wrong route would have given.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot import knowledge as kb
from bot.answer import Brain, Tuning
from bot.reply import Reply

AFTER = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
SERVICES = {"services", "petition", "grievance"}  # the three routes whose channel is 12345


@pytest.fixture(scope="module")
def brain() -> Brain:
    return Brain.load()


def says(reply: Reply, number: str) -> bool:
    """The number as a number: 110 is not the 110 inside the postcode 110034."""
    return re.search(rf"(?<!\d){number}(?!\d)", reply.text) is not None


def routed(
    brain: Brain, question: str, routes: set[str], number: str, wrong: tuple[str, ...]
) -> None:
    reply = brain.answer(question, AFTER)
    assert reply.kind == "route", (question, reply.kind, reply.topics)
    assert reply.topics[0] in routes, (question, reply.topics)
    assert says(reply, number), (question, reply.text)
    assert not [w for w in wrong if says(reply, w)], (question, reply.text)


# (question, routes accepted, the number, numbers of the routes it must not get)
CLASSES = {
    "tax beats theft and shops": [
        ("隔壁公司老板偷税漏税 这种事打什么电话", {"tax"}, "12366", ("110", "12333")),
        ("饭馆吃完饭不给开发票 找哪个部门", {"tax"}, "12366", ("12315",)),
        ("听说有个老板一直逃税 该向哪里反映", {"tax"}, "12366", ("110", "12333")),
        ("a company is evading taxes, who handles that", {"tax"}, "12366", ("110",)),
    ],
    "a hospital's fees and doctors are health": [
        ("县医院检查费收得太离谱了 去哪投诉", {"health"}, "12320", ("12315",)),
        ("小诊所乱收费怎么办", {"health"}, "12320", ("12315",)),
        ("在医院看个感冒花了两千 看病太贵找谁反映", {"health"}, "12320", ("12315",)),
        ("大夫对病人爱答不理 态度恶劣 往哪投诉", {"health"}, "12320", ("12315",)),
    ],
    "railway tickets are the railway's": [
        ("网上买的火车票退不了钱 找谁", {"railway"}, "12306", ("12315",)),
        ("高铁票改签扣了好多手续费 合理吗", {"railway"}, "12306", ("12315", "12378")),
        ("火车站工作人员态度差投诉哪", {"railway"}, "12306", ("12315",)),
        ("在12306上订的票一直退不了款", {"railway"}, "12306", ("12315",)),
    ],
    "banks and loans": [
        ("银行说好的贷款利率 实际扣的利息更高 找谁", {"banking"}, "12378", ("12315",)),
        ("信用卡莫名其妙多扣了钱 去哪投诉", {"banking"}, "12378", ("12315",)),
        ("房贷利息比合同上写的高 怎么办", {"banking"}, "12378", ("12315",)),
        ("银行偷偷给我扣了一笔服务费", {"banking"}, "12378", ("12315",)),
    ],
    "a hazard at work before anything happens": [
        ("厂里的压力罐老是漏气 迟早要炸", {"work_safety"}, "12350", ()),
        ("工地上干活的都不系安全带 出了事谁负责", {"work_safety"}, "12350", ()),
        ("车间里电线都露在外面 这么干早晚出人命", {"work_safety"}, "12350", ()),
        ("我们单位的锅炉房到处漏水冒汽 早晚出事", {"work_safety"}, "12350", ()),
    ],
    "fraud is the police's": [
        ("我把钱转给了一个骗子 还能追回来吗", {"crime"}, "110", ()),
        ("网上做兼职刷单 钱被卷走了", {"crime"}, "110", ()),
        ("有人加我微信冒充我表哥 让我给他转钱", {"crime"}, "110", ()),
        ("说我中了大奖 让我先交手续费 被骗了三千", {"crime"}, "110", ("12378",)),
    ],
    "debts, judgments and medical insurance": [
        ("朋友借了我五万块 一直拖着不还", {"court"}, "12368", ()),
        ("判决书下来半年了 对方就是不给钱", {"court"}, "12368", ("12333",)),
        ("法院判了赔偿 可是一直执行不到位", {"court"}, "12368", ()),
        ("医保给报的太少了 找谁问", {"medical_insurance"}, "12393", ()),
        ("新农合报销比例太低了", {"medical_insurance"}, "12393", ()),
        ("看病报销只给报一小部分", {"medical_insurance"}, "12393", ()),
    ],
    "everyday administration and grievances naming no domain": [
        ("去办个营业执照 来回跑了五六次还没办成", SERVICES, "12345", ()),
        ("材料交了又说少一样 下回去又说还缺一个", SERVICES, "12345", ()),
        ("退役军人的补助一直没发下来 找哪", SERVICES, "12345", ()),
        ("伤残军人的优抚待遇谁管", SERVICES, "12345", ()),
        ("班主任动手打学生 家长该找谁", SERVICES, "12345", ()),
        ("老师罚孩子在走廊站了一上午", SERVICES, "12345", ()),
        ("学校老师非让家长买教辅资料", SERVICES, "12345", ()),
        ("邻居盖了个阳光房 把我家窗户挡得严严实实", SERVICES, "12345", ()),
        ("楼下私自扩建 挡住了我家的采光", SERVICES, "12345", ()),
        ("家里遇到点难处 也不知道该找哪个部门", SERVICES, "12345", ()),
        ("这事找了好几个单位 都说不归他们管", SERVICES, "12345", ()),
        ("问了一圈 等了三年了 一直没个答复", SERVICES, "12345", ()),
    ],
    "a place is no cadre": [
        ("村边的砖厂天天冒黑烟 熏得人受不了", {"pollution"}, "12369", ("12388",)),
        ("镇上小卖部卖过期的方便面 找谁", {"consumer"}, "12315", ("12388",)),
        ("我们社区旁边的工地半夜施工太吵", {"services"}, "12345", ("12388",)),
        ("屯里的小商店卖假酒", {"consumer"}, "12315", ("12388",)),
        ("俺们村后面的河被化工厂污染了", {"pollution"}, "12369", ("12388",)),
    ],
    "a cadre or an office still is": [
        ("村支书把低保名额给了自家亲戚 找谁", {"lower_level"}, "12388", ()),
        ("街道办主任办事拖拉 去哪反映", {"lower_level"}, "12388", ()),
        ("村两委账目从来不公开", {"lower_level"}, "12388", ()),
        ("does the group deal with village officials?", {"lower_level"}, "12388", ()),
    ],
    "English": [
        ("a driver knocked me off my bike and fled", {"emergency"}, "122", ()),
        ("I was hit by a car and the driver drove away", {"emergency"}, "122", ()),
        ("the landlord is keeping my deposit", SERVICES, "12345", ()),
        ("my landlord refuses to give back the deposit", SERVICES, "12345", ()),
        ("the clinic charged me far too much", {"health"}, "12320", ("12315",)),
        ("the hospital billed me twice", {"health"}, "12320", ("12315",)),
        ("my employer has not paid my wages for two months", {"labour"}, "12333", ()),
        ("the company owes me four months of pay", {"labour"}, "12333", ("12368",)),
    ],
}
CASES = [
    pytest.param(q, routes, number, wrong, id=f"{name}: {q}")
    for name, cases in CLASSES.items()
    for q, routes, number, wrong in cases
]


@pytest.mark.parametrize(("question", "routes", "number", "wrong"), CASES)
def test_each_class_gets_its_route(
    brain: Brain, question: str, routes: set[str], number: str, wrong: tuple[str, ...]
) -> None:
    routed(brain, question, routes, number, wrong)


@pytest.mark.parametrize("question", ["医院几点开门", "银行几点开门", "附近哪家医院挂号方便"])
def test_opening_hours_of_a_hospital_or_bank_stay_off_topic(brain: Brain, question: str) -> None:
    reply = brain.answer(question, AFTER)
    assert reply.kind == "fallback"
    assert not says(reply, "12320") and not says(reply, "12378")


@pytest.mark.parametrize(
    ("question", "specific", "number"),
    [("小诊所乱收费怎么办", "health", "12320"), ("银行乱收费找谁", "banking", "12378")],
)
def test_a_generic_route_gives_way_to_the_specific_one(
    brain: Brain, question: str, specific: str, number: str
) -> None:
    # The rule is Tuning.generic: without it both routes answer, with 12315 beside the right one.
    plain = Brain(kb.load(), Tuning(generic=())).answer(question, AFTER)
    assert {"consumer", specific} <= set(plain.topics) and says(plain, "12315")
    reply = brain.answer(question, AFTER)
    assert reply.topics == (specific,) and says(reply, number) and not says(reply, "12315")


@pytest.mark.parametrize(
    "question", ["超市卖过期食品找谁", "乱收费去哪投诉", "健身房跑路了 卡里的钱还没用完"]
)
def test_a_generic_route_alone_still_answers(brain: Brain, question: str) -> None:
    reply = brain.answer(question, AFTER)
    assert reply.kind == "route" and reply.topics[0] == "consumer" and says(reply, "12315")


def test_a_place_is_only_a_hint(brain: Brain) -> None:
    knowledge = kb.load()
    lower = knowledge.intent("lower_level")
    for place in ("村里", "镇上", "乡里", "社区", "街道"):
        assert place not in lower.keywords and place in lower.hints


@pytest.mark.parametrize("question", ["老师打电话没人接", "老师收到了吗", "老师,值班电话是多少"])
def test_the_bot_called_teacher_is_no_complaint_about_a_teacher(
    brain: Brain, question: str
) -> None:
    # 老师 is how many users address the bot: only a teacher's deed (打学生, 收红包) is a route.
    reply = brain.answer(question, AFTER)
    assert "services" not in reply.topics and not says(reply, "12345")


def test_a_shop_asked_about_separately_keeps_its_route(brain: Brain) -> None:
    # The generic route gives way only to a route named at least as strongly: here the shop
    # has three words of its own (超市, 过期, 食品) against the parcel's one.
    reply = brain.answer("快递一直不送 另外超市卖过期食品怎么投诉", AFTER)
    assert {"express", "consumer"} <= set(reply.topics)
    assert says(reply, "12305") and says(reply, "12315")


def test_an_impostor_asking_for_money_is_a_fraud_for_the_police(brain: Brain) -> None:
    # 领导 and an amount would read as a report; an impostor's post is no one's.
    for text in (
        "有人打电话说是我儿子的领导 要我先打三万过去",
        "微信上有人自称我老公单位领导 让我先打钱",
    ):
        reply = brain.answer(text, AFTER)
        assert reply.kind == "route" and "110" in reply.text, (text, reply)
