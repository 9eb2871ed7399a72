"""Classes seen on the first runs of blind sets 45 to 60, each in examples of our own (none
copied from a set). The guard: a fee charged twice is a service's bill, a gambling site that
keeps asking for more is a fraud on one's family, "may I go straight to the group" asks how,
"which discipline does it break" supposes; while "a" post-holder with a figure or on a video one
holds is told of, riches counted in cars, a bill put on a firm's account, a troupe's envelope,
and material offered "to the box or to you" are reports. The boundary: the group come again,
heard of lately, is a later round; 中央…巡察组 is ours misnamed (the centre sends no 巡察组). The
answer: a county post is the lower level's first (12388), then whom the group takes; a private
matter is outside the remit (12345); 一点不 is no clock; money moved "because the court said so"
is a fraud for 110. Sets 49 and 50: a group of today with a place between (现在在辽宁的), our group
inspecting somewhere now, the Bingtuan's own body, another province's matters brought to us; a
place where an official owns flats is no body asked about; a doctor's red envelope is a
service's complaint; gifts delivered to a bureau chief and a deed's copy held are reports. Sets
51 and 52: the group that inspects central firms; a name spelt out with spaces; a video offered
给你们传; a small house set against pay; a hall let to a friend for a cut; a deposit a seller
took is a bill; and the words the routes lacked. Sets 53 and 54: "will it come again next year"
and the province's own group come to our city are not ours; an office's overcharge is a deed,
a hospital's a bill. Sets 55 and 56: last year's group, a year after the body in English; shares,
sworn brothers, bids won every year, a watch, evidence 我把…整理好了. Sets 57 and 58: last year's
group in Liaoning, the next group, a numbered team in English; one's own lower official and a
deed asked 找谁, with nothing to trace him by, is asked about (12388), with a figure it is told;
evidence 在我这; an ancestral hall against a pay. Sets 59 and 60: the round before ours (之前那回);
a story of one's own school with no deed is nobody's wrongdoing; extra children, shares, a
deputy manager's orders, a fee per boat; and how a letter may be written."""

from __future__ import annotations

import pytest
from replies import AFTER, assert_not_ours, assert_refused, assert_routed, assert_topic

from bot.answer import Brain


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("医院挂号费收了两回 找谁", "12320"),  # a service's bill, no official in it
        ("高铁退票扣了三十块手续费,找哪", "12306"),
        ("区里某个科的科长违规,可以直接找巡视组吗", "12388"),  # how, about "some" chief
        ("我闺女网上打牌输了三万,那个平台还一直让她充钱翻本,咋办", "110"),
    ],
)
def test_a_bill_a_gambling_site_and_going_straight_to_the_group_are_no_reports(
    brain: Brain, text: str, number: str
) -> None:
    assert_routed(brain, text, number)


def test_which_discipline_a_favour_breaks_is_a_question(brain: Brain) -> None:
    assert_topic(brain, "干部帮熟人打招呼进编制,属于哪类违纪?", "scope_what")


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("听朋友讲,营口一个副区长在赌场一夜输了八百万,该咋办", ("营口", "八百万")),
        ("硬盘里存着录像,拍的是一个局长收红包,我寄过去行吗", ("红包",)),
        ("跟你说个事,那个处长车库里停的车有五六台", ("五六台",)),
        ("每个月都有几个局里的领导来吃饭,单子都记在一家物流公司头上", ("物流公司",)),
        ("我们剧团团长收了人家塞给的一沓钱,这算不算违纪", ("一沓钱",)),
        ("证据都整理好了,寄信箱还是直接给你们?是开发区几个头头低价卖地的事", ("开发区", "卖地")),
    ],
)
def test_reports_told_as_asides_or_questions_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("我妹嫁过去以后老挨打,咋帮她", "12338"),
        ("邻居的狗把我儿子咬了,血止不住", "120"),
        ("厨房里一股煤气味,咋办", "119"),
        ("两辆车撞一块了,有人卡在里面", "122"),
        ("婚庆公司收了定金不退", "12315"),
        ("直播间买的蜂蜜到货是假的", "12315"),
        ("老板扣着我身份证不给", "12333"),
        ("工头说工钱先欠着,年底一块结,到现在也没给", "12333"),
        ("劳动合同还没到期就让我走人", "12333"),
        ("楼下在院里私搭了个彩钢棚", "12345"),
        ("我儿子网赌输了好几万", "110"),
    ],
)
def test_set_47_and_48_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("举报信能手写吗", "process"),
        ("反映问题要交钱吗", "process"),
        ("打过去要先报姓名吗", "process"),
        ("想反映又怕被人看见,有啥法子", "process"),
        ("值班电话到几号就不能打了", "period"),
        ("外地打这俩号要加区号吗", "phone"),
    ],
)
def test_set_45_to_48_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    "text", ["听人说巡视组又下来了,这回打哪个电话", "最近巡视组是不是又来辽宁了 信箱还是那个吗"]
)
def test_the_group_come_again_lately_is_a_later_round(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_why_the_group_came_again_asks_about_our_group(brain: Brain) -> None:
    assert_topic(brain, "不是来过一回了吗 为啥又来了", "group")


@pytest.mark.parametrize(
    ("text", "topic"), [("中央第三巡察组电话多少", "phone"), ("中央巡察组的信箱", "mail")]
)
def test_the_centres_xuncha_group_is_ours_misnamed(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


def test_a_city_xuncha_group_is_still_another_body(brain: Brain) -> None:
    assert_not_ours(brain, "鞍山市委巡察组电话多少")


@pytest.mark.parametrize(
    ("text", "remit_asked"), [("区委书记归不归巡视组管", True), ("县委书记的事找巡视组行吗", False)]
)
def test_a_county_post_gets_12388_first(brain: Brain, text: str, remit_asked: bool) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and reply.topics[0] == "lower_level", (text, reply.topics)
    assert "12388" in reply.text
    assert ("scope_who" in reply.topics) == remit_asked  # whom the group takes, when asked


@pytest.mark.parametrize(
    "text", ["我家这点烦心的私事跟当官的一点不沾边,巡视组管吗", "亲戚之间的私人纠纷巡视组办不办"]
)
def test_a_private_matter_is_outside_with_the_hotline(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert "outside" in reply.topics and "12345" in reply.text, (text, reply.topics)


def test_a_little_is_no_clock(brain: Brain) -> None:
    assert "hours" not in brain.answer("这事跟巡视组一点关系没有吗 我家私事", AFTER).topics


def test_money_moved_because_an_office_said_so_is_a_fraud(brain: Brain) -> None:
    assert_routed(brain, "我妈非要往外地账户转五万 说是法院让转的", "110")


@pytest.mark.parametrize(
    "text",
    [
        "现在在辽宁的巡视组信箱是哪个",
        "第三巡视组现在巡视的是哪个省",
        "新疆生产建设兵团巡视组的信箱",
        "我老家山东的,山东那边的事能找你们巡视组吗",
    ],
)
def test_set_49_and_50_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_the_notices_own_bingtuan_is_still_asked_about(brain: Brain) -> None:
    assert brain.answer("新疆生产建设兵团也巡视过吗", AFTER).kind != "boundary"


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("我们市的一个处长在海南买了两套别墅,工资才几千", ("两套别墅",)),  # ours, flats elsewhere
        ("我们处长家里天天晚上有人来送东西", ("晚上",)),
        ("教育局局长在三亚有房,我有他的房产证复印件", ("三亚",)),
        ("卫生院院长收病人红包", ("病人",)),
    ],
)
def test_set_49_and_50_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("县医院的大夫收病人红包 找谁", "12320"),
        ("短信说我中了彩票,要先交手续费", "110"),
        ("护照丢了去哪办", "12345"),
        ("楼下卖烟花爆竹的堆了一地", "110"),
        ("面馆后厨全是蟑螂", "12315"),
        ("河里有人电鱼", "12345"),
        ("培训班不给退费", "12315"),
        ("山上有人乱砍树", "12369"),
        ("电话里说我闺女被抓了,让我马上汇款", "110"),
        ("想反映村里一个干部,该找哪", "12388"),
        ("邻居在楼道里堆杂物,巡视组管不管", "12345"),
    ],
)
def test_set_49_and_50_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_reporting_to_the_bot_is_answered_with_the_ways(brain: Brain) -> None:
    assert_topic(brain, "可以跟你举报吗", "contact")


@pytest.mark.parametrize("text", ["巡视央企的那个组电话多少", "巡金融的中央巡视组怎么联系"])
def test_groups_that_inspect_central_firms_are_not_ours(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("营口 刘 海 波 局长 拿回扣的事 你们管不管", ("营口", "回扣")),  # a name spelt out
        ("铁岭的孙 立 你们认识吧 他那几辆车咋来的", ("铁岭",)),
        ("我录了他们分钱的视频,交通局的,给你们传过去?", ("交通局",)),
        ("我们村书记家盖了三层小楼 一个月才挣几个钱", ("三层小楼",)),
        ("文化馆的领导把场子包给自己朋友 每场抽两成", ("文化馆", "两成")),
    ],
)
def test_set_51_and_52_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


def test_money_and_a_filler_are_no_name_spelt_out(brain: Brain) -> None:
    reply = brain.answer("我就指着那几百块钱 嗯 这个低保停了找谁问问", AFTER)
    assert reply.kind == "route", reply.topics


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("卖房的收了定金五万又不卖了 上哪说理", "12345"),
        ("村里来的游医卖假药 没有行医证", "12320"),
        ("锅炉房热水器炸了 有人烫伤", "120"),
        ("火车上落了个包 找谁", "12306"),
        ("早市有卖狗肉的 来路不明", "12315"),
        ("孩子放学没回家 找不着了", "110"),
        ("丈夫天天不让我出门", "12338"),
        ("买的鱼苗死了一大半 苗场不管", "12315"),
    ],
)
def test_set_51_and_52_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("巡视组跟纪委是一家吗", "outside"),
        ("想写封信给巡视组 寄哪", "mail"),
        ("反映了以后多久能有个说法", "process"),
    ],
)
def test_set_51_and_52_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


def test_a_branch_secretary_asked_about_is_12388s(brain: Brain) -> None:
    assert_routed(brain, "对村里支部书记有意见 能直接往上反映吗", "12388")


@pytest.mark.parametrize(
    "text",
    ["下次还来吗 来了还打这个号吗", "明年再来的话电话是多少", "省里巡视组到我们县了 怎么联系"],
)
def test_set_53_and_54_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("隔壁ktv唱到半夜 吵得睡不着", "12345"),
        ("车在小区里被人划了一道", "110"),
        ("治超站乱罚款 还不给票", "12328"),
        ("村里来人卖保健品 我爸买了好几千", "12315"),
        ("旅游团强迫游客买玉 不买不让走", "12345"),
        ("县里的副局长收礼 巡视组管不管", "12388"),
    ],
)
def test_set_53_and_54_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_an_offices_overcharge_is_a_deed_a_hospitals_a_bill(brain: Brain) -> None:
    assert_refused(brain, "海关那边多收了我八千块 还不开票", ("八千",))
    assert_routed(brain, "医院多收了我三百 还不开票", "12320")


def test_a_mine_head_is_a_post(brain: Brain) -> None:
    assert_refused(brain, "我们矿长李富贵一年光奖金就拿了两百万", ("李富贵", "两百万"))


@pytest.mark.parametrize(
    "text", ["前年来的那个巡视组信箱还收信吗", "phone number of the inspection team in 2021"]
)
def test_set_55_and_56_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_the_askers_own_year_in_english_is_no_round(brain: Brain) -> None:
    assert (
        "88881877"
        in brain.answer("I moved to Shenyang in 2019, inspection team phone?", AFTER).text
    )


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("我们那个采石场,乡长占一半股份", ("采石场",)),
        ("老板说跟市里某局长是拜把子,工程都是这么拿的", ("拜把子",)),
        ("我们处长运气真好,小舅子的公司年年中标", ("小舅子",)),
        ("我把证据整理好了,是关于营口市长的,怎么给你们", ("营口",)),
        ("老王在县里当书记那几年真是发了,手腕上那表几十万", ("老王", "几十万")),
    ],
)
def test_set_55_and_56_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("矿上巷道随时会塌 还让下井", "12350"),
        ("饭店扣押我身份证 不让辞职", "12333"),
        ("老楼外墙掉皮 差点砸着人", "12345"),
        ("前面那车开得歪歪扭扭的 司机喝多了", "110"),
    ],
)
def test_set_55_and_56_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    "text",
    [
        "中央巡视组前年在辽宁的信箱",
        "这一轮之后下一个来辽宁的巡视组啥时候到",
        "Where is inspection team number 7 now?",
    ],
)
def test_set_57_and_58_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_ones_own_lower_official_asked_about_is_routed_with_a_reminder(brain: Brain) -> None:
    reply = brain.answer("我们镇的书记挪用扶贫款,这种该找谁", AFTER)
    assert reply.kind == "route" and "12388" in reply.text, (reply.kind, reply.topics)
    assert "扶贫款" not in reply.text  # nothing of it repeated


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("我们镇书记挪用了八十万扶贫款,这种该找谁", ("八十万",)),  # with a figure: told
        ("县里领导一顿饭吃掉半年低保 照片在我这 要不要", ("低保",)),
        ("市里那位管农业的领导,老家修的祠堂比乡政府还气派,工资够吗", ("祠堂",)),
    ],
)
def test_set_57_and_58_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("小区门口那个彩票店是假彩票 老板跑了", "110"),
        ("屯里的路坏了三年了 没法走", "12345"),
        ("进了个荐股群 被骗了好几万", "12386"),
        ("校车天天超载 谁管", "12328"),
    ],
)
def test_set_57_and_58_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_the_round_before_ours_is_not_ours(brain: Brain) -> None:
    assert_not_ours(brain, "2016年以前那回来辽宁的巡视组 电话还能查着不")


def test_a_story_of_ones_own_school_with_no_deed_is_no_report(brain: Brain) -> None:
    reply = brain.answer("网上有人发帖说我们学校要搬到郊区去,全是编的,同学们都慌了", AFTER)
    assert reply.kind != "report_guard", reply.topics


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("我们村支书自己家超生了两个,照样当官", ("超生",)),
        ("有个副镇长入股了好几个砂场", ("砂场",)),
        ("仓库的货不登记就拉走,都是王副总安排的", ("仓库",)),
        ("港务处的老孙每条船每年收我们三千", ("三千",)),
    ],
)
def test_set_59_and_60_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("培训学校关门了 学费退不回来", "12315"),
        ("有人困在电梯里出不来了", "119"),
        ("有人拿假金条来店里换钱 人还没走", "110"),
        ("后山有人私开采石场", "12336"),
    ],
)
def test_set_59_and_60_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    "text", ["举报信能用英文写吗", "能不能让我闺女代写", "信里要写清楚哪些东西"]
)
def test_how_a_letter_may_be_written_is_the_process(brain: Brain, text: str) -> None:
    assert_topic(brain, text, "process")


def test_the_askers_own_year_and_move_is_no_round(brain: Brain) -> None:
    assert_topic(brain, "我前年刚来的大连 巡视组电话多少", "phone")
    assert_not_ours(brain, "我们今年的巡视组电话多少")  # this year's group is still asked
