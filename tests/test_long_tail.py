"""What citizens write that nobody wrote down: numbers quoted back, any matter of life, a
report about a matter with its own channel, an uncertain reply, the rest of the notice."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import Brain
from bot.answer.quoted import QuotedNumbers
from bot.reply import Reply

SHANGHAI = ZoneInfo("Asia/Shanghai")
DURING = datetime(2016, 3, 1, 10, 0, tzinfo=SHANGHAI)
AFTER = datetime(2026, 11, 27, 10, 0, tzinfo=SHANGHAI)
PHONES = ("024-88881877", "024-88881977")
BOX, POSTCODE = "6008", "110034"


@pytest.fixture(scope="module")
def brain() -> Brain:
    return Brain.load()


def ask(brain: Brain, text: str, now: datetime = AFTER) -> Reply:
    return brain.answer(text, now)


# -- 2. numbers quoted back ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "88881977记下了,还有一个是啥",
        "88881877总是忙音 换个号打",
        "024-88881977打不进去",
        "024是哪的区号",
    ],
)
def test_a_quoted_phone_line_is_a_question_about_the_phones(brain: Brain, question: str) -> None:
    reply = ask(brain, question)
    assert reply.kind == "faq" and reply.topics[0] == "phone"
    assert all(p in reply.text for p in PHONES)  # both lines, whichever was quoted


@pytest.mark.parametrize("question", ["6008号信箱收件人写谁", "110034这个邮编对吧"])
def test_a_quoted_box_or_postcode_is_a_question_about_the_mail(brain: Brain, question: str) -> None:
    reply = ask(brain, question)
    assert reply.kind == "faq" and reply.topics[0] == "mail"
    assert BOX in reply.text and POSTCODE in reply.text


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        ("是88881877还是88881787来着", "88881787", PHONES[0]),
        ("值班电话是024-88881787吧", "88881787", PHONES[1]),
        ("信箱是6006号对不对", "6006", BOX),
        ("邮编110043没错吧", "110043", POSTCODE),
        ("电话8888187对吗", "8888187", PHONES[0]),  # a digit missing
    ],
)
def test_a_near_miss_is_corrected_never_confirmed(
    brain: Brain, question: str, wrong: str, right: str
) -> None:
    reply = ask(brain, question)
    assert right in reply.text
    assert "不一致" in reply.text and "不是" in reply.text  # says the quoted one is not it
    # never echoed, so never read as right
    assert not re.search(rf"(?<!\d){wrong}(?!\d)", reply.text.replace("-", ""))


def test_years_amounts_and_channel_numbers_are_no_near_misses(brain: Brain) -> None:
    quoted = QuotedNumbers(brain.knowledge.facts, brain.knowledge.external_numbers)
    for text in ("2008年的事", "罚了110000元", "12388能打吗", "2016年", "8点到20点"):
        assert not quoted.find(text).wrong, text


# -- 3. routes for any matter of life -----------------------------------------------------------

# One message of our own per row of CHANNELS.md: the domain, and the number it must get.
ROUTES = [
    ("我们村的会计把账做假了该向谁反映", "12388"),
    ("拆迁补偿款给少了找哪个部门", "12345"),
    ("楼上邻居噪音太大天天吵", "12345"),
    ("小区有人私搭乱建", "12345"),
    ("家里供暖一直不热", "12345"),
    ("农村土地承包合同被村里改了", "12345"),
    ("公司拖欠三个月工资", "12333"),
    ("超市卖的肉是过期的", "12315"),
    ("健身房老板跑路了预付卡退不了", "12315"),
    ("快递把我的包裹弄丢了", "12305"),
    ("化工厂晚上偷排废水", "12369"),
    ("有人打电话威胁我", "110"),
    ("网上刷单被骗了好几万", "110"),
    ("仓库着火了", "119"),
    ("家里老人突然昏迷", "120"),
    ("十字路口出了车祸", "122"),
    ("派出所民警态度恶劣还骂人", "12389"),
    ("法院判了对方不执行", "12368"),
    ("离婚以后孩子抚养费一直不给", "12368"),
    ("朋友借钱不还还拉黑了我", "12368"),
    ("检察院不受理我的申诉", "12309"),
    ("请不起律师怎么办", "12348"),
    ("医保报销被拒了", "12393"),
    ("医院误诊耽误了病情", "12320"),
    ("保险公司拒赔我的车险", "12378"),
    ("证券公司乱收佣金", "12386"),
    ("店里不给开发票", "12366"),
    ("火车票退票扣了一半钱", "12306"),
    ("出租车司机故意绕路", "12328"),
    ("有人在基本农田上盖房子", "12336"),
    ("工地没有任何安全措施", "12350"),
    ("网上有人造谣说我坏话", "12377"),
    ("单位因为我怀孕辞退我", "12338"),
    ("我真的撑不下去了想轻生", "12356"),
    ("my parcel never arrived", "12305"),
    ("the taxi driver took a long detour", "12328"),
    ("my insurance claim was rejected", "12378"),
]


# The ways of saying it that the first table did not cover (blind sets 11-13, first run), one
# of our own per class: a domain told by its circumstances, not its name; dialect; English.
ROUTES += [
    ("对门家的狗一叫就是一宿 吵得俺睡不着觉", "12345"),
    ("楼下装修电钻从早响到晚", "12345"),
    ("upstairs they play loud music till 3am", "12345"),
    ("在网店订了台冰箱 钱付了卖家跑了", "110"),
    ("I was scammed by an online seller and lost 2000 yuan", "110"),
    ("有个人发短信扬言要弄死我", "110"),
    ("医院说我爸手术后感染跟他们没关系", "12320"),
    ("想复印病历 医院不给", "12320"),
    ("the hospital won't let me see my medical records", "12320"),
    ("交警拦下我骂骂咧咧的", "12389"),
    ("我那口子要离 房子存款咋分", "12368"),
    ("同学借了我两万块 一直要不回来", "12368"),
    ("孩子就近入学 学区房没划进去", "12345"),
    ("半夜有人在河滩上偷偷挖矿", "12336"),
    ("厂里灭火器都是空的 电线到处乱拉", "12350"),
    ("银行不打招呼从卡里扣了手续费", "12378"),
    ("退休后养老金少发了两个月", "12333"),
    ("厂里没给一分补偿就把我辞了", "12333"),
    ("外嫁女的分红村里不给", "12338"),
    ("my sister keeps saying she wants to end her life", "12356"),
]
# Emergencies told by what is happening, never named (blind set 14, first run): a crisis by
# its signs, someone collapsing, a fire (119, not the police), a scrape with a car (122).
ROUTES += [
    ("她最近总说活着没劲 东西都分给别人了", "12356"),
    ("我妈在厨房突然晕过去了 怎么叫都叫不醒", "120"),
    ("小区车棚里电瓶车烧起来了", "119"),
    ("骑车让出租车剐蹭了 司机要私了", "122"),
]


@pytest.mark.parametrize(("question", "number"), ROUTES)
def test_every_domain_gets_its_channel(brain: Brain, question: str, number: str) -> None:
    reply = ask(brain, question)
    assert reply.kind == "route", (reply.kind, reply.topics)
    assert re.search(rf"(?<!\d){number}(?!\d)", reply.text), reply.text
    # Not a notice topic (the learned model's reminder may still give the group's lines).
    assert all(brain.knowledge.intent(t).kind == "route" for t in reply.topics)


def test_every_declared_channel_has_a_route_or_message_that_uses_it(brain: Brain) -> None:
    said = "".join(i.answer for i in brain.knowledge.intents)
    said += "".join(brain.knowledge.messages.values())
    unused = [k for k, c in brain.knowledge.channels.items() if c.number not in said]
    assert not unused


@pytest.mark.parametrize(
    "question",
    [
        "我被人欺负了没人管",
        "受了委屈找谁说理",
        "被人冤枉了心里憋屈",
        "I was treated unfairly and nobody helps",
        # Naming no domain at all: a matter of one's own, dragging on, passed from door to door.
        "不是当官的事 是我自个儿家里的事 该找哪儿",
        "这事儿拖了好几年了 各个部门推来推去",
        "谁能给我们做主啊",
        "it is a personal matter, no officials involved, who can help me?",
    ],
)
def test_a_personal_grievance_gets_the_general_channels(brain: Brain, question: str) -> None:
    reply = ask(brain, question)
    assert reply.kind == "route" and reply.topics == ("grievance",)
    assert "12345" in reply.text and "110" in reply.text


def test_named_provincial_posts_are_a_question_about_the_remit(brain: Brain) -> None:
    reply = ask(brain, "省法院院长和省检察院检察长归巡视组管不管")
    assert reply.kind == "faq" and reply.topics[0] == "scope_who"
    assert "12368" not in reply.text


def test_keeping_the_route_ids(brain: Brain) -> None:
    routes = {i.id for i in brain.knowledge.intents if i.kind == "route"}
    old = {"lower_level", "petition", "services", "labour", "consumer", "express", "pollution",
           "crime", "court"}  # fmt: skip
    assert old <= routes


# -- 4. a composable reply ---------------------------------------------------------------------


def test_a_report_about_a_matter_with_its_own_channel_gets_refusal_and_channel(
    brain: Brain,
) -> None:
    reply = ask(brain, "我要举报派出所民警王建军收了别人两万块钱")
    assert reply.kind == "report_guard"
    assert "不能接收" in reply.text  # the refusal
    assert "12389" in reply.text  # the matter's own channel
    for detail in ("王建军", "两万"):
        assert detail not in reply.text
    village = ask(brain, "举报我们村支书李大海贪污扶贫款三十万")
    assert village.kind == "report_guard" and "12388" in village.text
    assert "李大海" not in village.text and "三十万" not in village.text


def test_named_finds_only_keywords_spelt_out(brain: Brain) -> None:
    named = {c.id for c in brain._matcher.named("派出所民警收钱")}
    assert "police_conduct" in named
    assert not brain._matcher.named("真收")  # 征收 only by its sound: not named outright


def test_a_report_about_someone_in_the_remit_gets_no_other_route(brain: Brain) -> None:
    reply = ask(brain, "市长的小舅子承包了全市的路灯工程,价格比市场贵一倍")
    assert reply.kind == "report_guard"
    assert "12345" not in reply.text and "路灯" not in reply.text


def test_the_second_opinion_hook_adds_the_note_and_keeps_the_answer(brain: Brain) -> None:
    """When only the second opinion fires, the question is still answered, with the note."""
    note = brain.knowledge.messages["privacy_note"]
    flagged = Brain(brain.knowledge, second_opinion=lambda folded: True)
    reply = flagged.answer("电话多少", AFTER)
    assert reply.kind == "faq" and all(p in reply.text for p in PHONES)
    assert reply.text.endswith(note)
    # The rules' refusal stays the refusal, whatever the model says.
    report = flagged.answer("我要举报张某某局长收了50万", AFTER)
    assert report.kind == "report_guard" and "50万" not in report.text and note not in report.text
    # Never under a boundary reply: the note gives our lines.
    outside = flagged.answer("江西的巡视组电话", AFTER)
    assert outside.kind == "boundary" and PHONES[0] not in outside.text
    # And with no opinion nothing is added.
    quiet = Brain(brain.knowledge, second_opinion=lambda folded: False)
    assert note not in quiet.answer("电话多少", AFTER).text


# -- 5. an uncertain reply still helps ----------------------------------------------------------


@pytest.mark.parametrize("question", ["巡视组的那个", "有些情况想说说", "what about the thing"])
def test_an_uncertain_reply_lists_its_options_and_carries_the_channels(
    brain: Brain, question: str
) -> None:
    reply = ask(brain, question)
    assert reply.kind == "fallback"
    assert reply.suggestions
    for n, s in enumerate(reply.suggestions, 1):
        assert f"{n}. {s.title}" in reply.text  # in the text, not only in buttons
    assert all(p in reply.text for p in PHONES)
    assert BOX in reply.text and POSTCODE in reply.text


def test_did_you_mean_in_english_lists_options_and_channels(brain: Brain) -> None:
    reply = brain._did_you_mean(brain._matcher.rank("phone letter"), "en")
    assert reply.lang == "en" and reply.text.startswith("Did you mean")
    assert "1. " in reply.text and all(p in reply.text for p in PHONES) and BOX in reply.text


@pytest.mark.parametrize(
    "question", ["qwertyuiop", "🦆🦆", "高铁几点发车", "今天天气好不好", "sing me a song"]
)
def test_nonsense_and_off_topic_still_leave_with_the_lines_and_the_box(
    brain: Brain, question: str
) -> None:
    reply = ask(brain, question)
    assert reply.kind == "fallback"
    assert all(p in reply.text for p in PHONES) and BOX in reply.text
    # A few options, listed in the text, never the whole menu of topics.
    assert 0 < len(reply.suggestions) <= brain.tuning.max_suggestions
    for n, s in enumerate(reply.suggestions, 1):
        assert f"{n}. {s.title}" in reply.text
    assert f"{len(reply.suggestions) + 1}. " not in reply.text


# -- 6. what else the notice says ----------------------------------------------------------------


def test_the_deputies(brain: Brain) -> None:
    reply = ask(brain, "副组长是谁")
    assert reply.topics[0] == "deputies"
    assert all(name in reply.text for name in ("刘维佳", "朱国贤", "陈江"))


def test_what_the_follow_up_re_examines(brain: Brain) -> None:
    reply = ask(brain, "回头看是什么意思")
    assert "follow_up" in reply.topics and "group" in reply.topics
    assert "再发现" in reply.text and "整改" in reply.text


def test_the_rounds_before(brain: Brain) -> None:
    reply = ask(brain, "中央巡视组一共巡视了多少个单位")
    assert reply.kind == "faq" and reply.topics[0] == "rounds"
    assert "8轮" in reply.text and "149" in reply.text
    first = ask(brain, "首轮回头看有几个省")
    assert first.topics[0] == "first_round" and "4个省份" in first.text


def test_new_topics_quote_the_notice(brain: Brain) -> None:
    notice = brain.knowledge.notice_path.read_text(encoding="utf-8")
    for topic in ("deputies", "follow_up", "rounds", "first_round"):
        source = brain.knowledge.intent(topic).source
        assert source and source in notice


# -- 7. the crash --------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["你是真收吗", "谢谢 真收吗", "你好 真收", "再见 拆签"])
def test_smalltalk_then_a_route_heard_through_pinyin_gets_a_reply(
    brain: Brain, question: str
) -> None:
    reply = ask(brain, question)
    assert reply.text


def test_choose_never_returns_nothing(brain: Brain) -> None:
    """The crash's shape: smalltalk on top, a route heard only through its sound beside it."""
    from bot.matcher import Candidate

    hello = Candidate("identity", keyword=0.6, spans=[(0, 2)])
    heard = Candidate("petition", keyword=0.45, spans=[(2, 4)])  # 真收 heard as 征收
    limit = brain.tuning.max_topics
    assert [c.id for c in brain._choose([hello, heard], "", [], [], limit)] == ["identity"]
    assert brain._choose([heard], "", [], [], limit) == [heard]


SMALLTALK = ["你好", "谢谢", "你是谁", "再见", "在吗", "辛苦了", "好的", "thanks", "hi"]
HOMOPHONES = ["真收", "店话", "心箱", "油编", "拆签", "公姿", "快第", "污然", "发院", "巡是"]
FAQ_WORDS = ["电话", "信箱", "邮编", "几点", "期间", "举报", "组长", "回头看", "88881877", "6006"]
ROUTE_WORDS = ["拆迁", "工资", "快递", "污染", "法院", "村干部", "医保", "出租车", "着火", "欺负"]
FILLERS = ["", " ", "吗", "?", "怎么办", "找谁", "啊", "。"]
_word = st.sampled_from(SMALLTALK + HOMOPHONES + FAQ_WORDS + ROUTE_WORDS + FILLERS)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_word, min_size=1, max_size=6), st.sampled_from([DURING, AFTER]))
def test_any_mix_of_smalltalk_homophones_faq_and_route_words_gets_a_reply(
    brain: Brain, words: list[str], now: datetime
) -> None:
    reply = brain.answer("".join(words), now)
    assert reply.text.strip()
    assert len(reply.text) <= 4096  # one Telegram message
