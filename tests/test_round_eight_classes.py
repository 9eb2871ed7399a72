"""Classes seen on the first runs of blind sets 61 and 62, each in examples of our own (none
copied from a set). The boundary: a discipline commission's own line (市纪委的电话) or its
"inspection group" is another body's, while 中纪委巡视组 is what many call ours; the Bingtuan's
inspection line is its own; a group of this year's spring or summer is a later round; a place
"with anything like it" asks about that place's body. The guard: a parcel 签收了 took no money;
the other side of a lawsuit driving a fine car is no official; a school charging for extra
classes is a service's bill, a courier's shrug a service's complaint; "I know a chief who takes
money, does he fall to the group" supposes; 工资够吗 is rhetorical, not a supposition; a post's
deal told at length with its figure, asked only 算不算, is told. The answer: 整改 alone is a
factory's, not the follow-up's; after the group left asks what to do now; 收着没 asks what
happens to a letter; the words the routes lacked. Sets 63 and 64: the next batch of groups
(下一批) is a later round, 蒙区 is Inner Mongolia; things taken home or pocketed by a post-holder,
a video "I filmed" offered, a small western-style house against a story of corn money are
reports; one's own village head's gambling asked 归谁管 is asked about; a hospital's bill a cleaner
saw is the hospital's; 死了 is not 私了 by its sound; 归不归巡视组 asks whom the group takes. Sets
65 and 66: a commission's 举报电话, a group inspecting an oil firm, 2015年在辽宁的, the group after
the follow-up and one "still to come" are not ours; money gone into her 腰包, a husband's unit's
card, a post-holder's son who gets every school contract are told; whether one's name leaks asks
the process; 早 alone greets and a short laugh is banter; the words the routes lacked. And, for
any set: one's own trouble, asked where to go, with only routes close and none sure, gets the
general channels with those routes listed, not a did-you-mean between channels (unless an
official may be meant); a half-typed 电话 is the phone. Sets 67 and 68: a year without 年 and
那一批, a province's abbreviation alone or after 问 are another body's; whom one tells (跟他们反映
学校…) is no one's own school; a farm's head (场长) named with a deed, and a son-in-law's luck
(有福气) beside riches, are told; the words the routes lacked. Sets 69 and 70: a group sent after
the follow-up (quotes and a comma between) and a province's 的事找谁 are another body's; our own
number read back "for you to hear" asks to check it; black accounts "posted to you", chat
records of how to split a project's money, cigarettes taken unpaid are told; 我能做什么 asks
what to do, and the bot's own abilities are 你能做什么."""

from __future__ import annotations

import pytest
from replies import AFTER, OURS, assert_not_ours, assert_refused, assert_routed, assert_topic

from bot.answer import Brain
from bot.text import normalise


@pytest.mark.parametrize(
    "text",
    [
        "市纪委的电话是多少",
        "区纪委怎么联系",
        "纪委的联系方式给一个",
        "省纪委巡视组的信箱",
        "兵团的巡视电话多少",
        "新疆生产建设兵团的电话",
        "今年夏天来沈阳那个组电话多少",
        "去年年底的巡视组信箱",
        "香港那边有类似的吗",
        "台湾的事归谁管",
    ],
)
def test_set_61_and_62_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("中纪委巡视组的电话", "phone"),  # 中纪委 folds to 纪委: the central groups, ours
        ("中央纪委的巡视组信箱是多少", "mail"),
        ("新疆生产建设兵团被巡视过吗", "rounds"),  # the notice's own words
    ],
)
def test_the_central_commissions_group_and_the_notices_places_are_ours(
    brain: Brain, text: str, topic: str
) -> None:
    assert_topic(brain, text, topic)


def test_a_commissions_post_is_no_body_asked_about(brain: Brain) -> None:
    reply = brain.answer("县纪委书记归中央巡视组管吗", AFTER)
    assert reply.kind != "boundary" and "12388" in reply.text, (reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("网上买的衣服显示已签收,可我根本没拿到,驿站说不归他们管", "12305"),
        ("离婚判了两年,前夫就是不给抚养费,对方天天开着奔驰到处跑", "12368"),
        ("孩子学校暑假搞补课还收钱,一人八百", "12345"),
        ("外卖员把汤洒了还骂人,平台也不管", "12315"),
        ("车间那台冲床没护罩,老板说先干着,早晚得出事", "12350"),
        ("仓库叉车刹车不灵,主任不让停,让我们接着开", "12350"),
        ("楼上卫生间往下漏水,天花板都黄了,找物业也不管", "12345"),
        ("对门饭店每天把泔水倒在楼道口,臭得不行", "12345"),
        ("在二手车行买的车是泡水车,车贩子不认账", "12315"),
    ],
)
def test_set_61_and_62_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("某局长每个月都飞澳门两趟,手上的表换了又换,工资够吗", ("澳门",)),
        (
            "我在商场卖首饰,区人大主任的老婆上个月在我这拿了三十万的货,钱是一个老板替她付的,"
            "这算不算问题",
            ("三十万", "首饰"),
        ),
    ],
)
def test_set_61_and_62_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


def test_a_chief_one_knows_of_asked_about_the_remit_is_a_question(brain: Brain) -> None:
    reply = brain.answer("我听说个处长收钱,不知道他归不归巡视组管,怎么判断", AFTER)
    assert reply.kind == "faq" and "提醒" in reply.text, (reply.kind, reply.topics)


def test_a_supposed_deal_with_a_figure_is_still_a_question(brain: Brain) -> None:
    text = "假如一个处长收了人家三十万的购物卡,是老板给充的钱,这种情况算不算违纪"
    reply = brain.answer(text, AFTER)
    assert reply.kind != "report_guard", (reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("巡视组撤了以后,有事还能往哪说", "call_now"),
        ("寄出去的信怎么知道他们收着没有", "process"),
        ("上一轮巡视的问题整改得怎么样了,回头看查不查", "follow_up"),
    ],
)
def test_set_61_and_62_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


def test_a_factorys_rectification_is_no_follow_up(brain: Brain) -> None:
    reply = brain.answer("厂里锅炉漏气,安监来过一回,老板还是不整改", AFTER)
    assert reply.kind == "route" and "follow_up" not in reply.topics, reply.topics


@pytest.mark.parametrize("text", ["下一拨来辽宁的巡视组怎么联系", "蒙区的巡视组电话多少"])
def test_set_63_and_64_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("文化馆的字画让馆长一幅一幅拿回家了,我打更的天天看着", ("字画",)),
        ("停车场收的钱 站长每天揣兜里一大半", ("停车场",)),
        ("我把他们分钱的过程录下来了 是市里一个处长 怎么交给你们", ("分钱",)),
        ("屯里那个在市里当领导的,回老家盖了三层小洋楼,说是他妈养猪挣的", ("养猪",)),
    ],
)
def test_set_63_and_64_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("我们村会计是党员,整天打麻将不上班,这归谁管", "12388"),
        ("我在医院食堂干活,看见医院给病人乱收费,家属一边哭一边交钱", "12320"),
        ("果园今年打了假农药,树全死了,找谁", "12315"),
        ("对门把鸽子养在阳台上,满楼道都是味", "12345"),
        ("有人把村里的地圈起来盖厂房,没有手续", "12336"),
        ("高速上前面那车开得歪歪扭扭,司机像是酒驾", "122"),
        ("他一喝多就打我,孩子吓得直哭", "12338"),
    ],
)
def test_set_63_and_64_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_whether_a_post_falls_to_the_group_asks_whom_it_takes(brain: Brain) -> None:
    assert_topic(brain, "省里的厅长归不归巡视组管", "scope_who")


@pytest.mark.parametrize(
    "text",
    [
        "市纪委监委的举报电话多少",
        "巡视中石化的那个组电话",
        "2017年在辽宁的巡视组信箱",
        "回头看之后的巡视组怎么联系",
        "听说明年还要来一个巡视组,电话是啥",
    ],
)
def test_set_65_and_66_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("lizhiqiang 管食堂那几年,伙食费一半进了他腰包", ("伙食费",)),
        ("来店里的一个太太,回回买东西都刷她老公单位的卡,一次好几千", ("好几千",)),
        ("我们市人大一个副主任的侄子开公司,全市的修路活儿都是他的,这正常吗", ("修路",)),
    ],
)
def test_set_65_and_66_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我打电话反映了,会不会把我名字漏出去", "process"),
        ("寄出去的材料会不会转回地方", "process"),
        ("想跟巡视组当面唠唠,他们在哪嘎达", "visit"),
    ],
)
def test_set_65_and_66_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("屯里的路塌了个大坑,村里乡里互相踢皮球", "12345"),
        ("楼下酒吧的低音炮震到半夜", "12345"),
        ("粮库的地磅有问题,一车少称二百斤", "12315"),
        ("卫生所不给看病,也不给开转诊", "12320"),
        ("孩子转学,学校不收", "12345"),
        ("卖保健品的正在小区门口开会,正收钱呢", "110"),
    ],
)
def test_set_65_and_66_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"), [("早", "greeting"), ("早!", "greeting"), ("哈哈", "banter")]
)
def test_a_word_alone_means_what_it_means_alone(brain: Brain, text: str, topic: str) -> None:
    assert brain.answer(text, AFTER).topics == (topic,)


@pytest.mark.parametrize("text", ["早就结束了吧", "哈哈哈哈哈哈"])
def test_the_same_word_in_a_sentence_or_a_long_run_is_not_small_talk(
    brain: Brain, text: str
) -> None:
    assert brain.answer(text, AFTER).kind != "smalltalk"


def test_ones_own_trouble_with_no_sure_route_gets_the_general_channels(brain: Brain) -> None:
    # Only routes are close and none is sure: the general channels, with the routes listed in
    # the text itself, not a "which did you mean" between channels.
    reply = brain.answer("我家狗丢了 找谁", AFTER)
    assert reply.kind == "route" and reply.topics == ("grievance",), reply
    assert "12345" in reply.text and "110" in reply.text
    assert reply.suggestions and all(s.title in reply.text for s in reply.suggestions)


def test_without_asking_where_an_unclear_message_still_gets_the_channels(brain: Brain) -> None:
    reply = brain.answer("我家狗丢了", AFTER)
    assert reply.kind == "fallback" and all(line in reply.text for line in OURS)


@pytest.mark.parametrize("text", ["巡视组电多少", "巡视组电hua", "巡视组的电哈"])
def test_a_half_typed_phone_is_the_phone(brain: Brain, text: str) -> None:
    assert_topic(brain, text, "phone")


def test_a_bare_hello_greets(brain: Brain) -> None:
    assert brain.answer("喂", AFTER).topics == ("greeting",)


def test_an_unclear_matter_that_may_be_an_officials_keeps_the_did_you_mean(brain: Brain) -> None:
    reply = brain.answer("镇上那点事 找谁", AFTER)
    assert reply.topics != ("grievance",) and all(line in reply.text for line in OURS), reply


@pytest.mark.parametrize("text", ["2019那一批巡视组的电话", "鄂", "闽呢", "想问问皖的巡视组"])
def test_set_67_and_68_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_whom_one_tells_is_not_whose_school_it_is(brain: Brain) -> None:
    reply = brain.answer("环保督察组来了,想跟他们反映学校乱收费,怎么找", AFTER)
    assert reply.kind == "boundary", (reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("看了二十年山,亲眼见林场场长赵长河把集体的林子偷偷卖给了老板", ("赵长河",)),
        ("隔壁姑爷真有福气,当上国土局局长两年,丈人家就盖了小楼,还买了两台奔驰", ("奔驰",)),
    ],
)
def test_set_67_and_68_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("出租车师傅绕了一大圈,多要我五十", "12328"),
        ("搬家公司到了地方坐地起价", "12315"),
        ("下了个投资app,钱充进去提不出来了", "110"),
        ("吃完那家馆子全家上吐下泻", "12315"),
    ],
)
def test_set_67_and_68_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("过了这么多年,那俩号还有效吗", "call_now"),
        ("不会上网,就要个能打的号", "phone"),
        ("一件事能又写信又打电话吗", "contact"),
        ("till when is the group in Shenyang", "period"),
    ],
)
def test_set_67_and_68_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize("text", ["“回头看”以后又派来的那个组，电话多少", "西藏的事找谁"])
def test_set_69_and_70_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_our_number_read_back_to_be_checked_is_a_question(brain: Brain) -> None:
    reply = brain.answer("我念给你听听 024-8888-1877 对吧", AFTER)
    assert reply.kind == "faq" and "phone" in reply.topics, (reply.kind, reply.topics)


def test_a_recording_offered_to_hear_is_still_refused(brain: Brain) -> None:
    assert_refused(brain, "我录了他收钱的音 你听听", ("收钱",))


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("我有个硬盘,存着粮库主任的黑账,给你们寄过去行吗", ("粮库",)),
        ("修电脑时看到聊天记录,是我们镇的书记跟包工头商量怎么分工程款", ("包工头",)),
        ("税务所那几个人天天来店里拿烟不给钱", ("税务所",)),
    ],
)
def test_set_69_and_70_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("要是知道有个处长受贿,我能做什么", "contact"),
        ("巡视组只管贪污的事吗", "scope_what"),
        ("你能做什么", "identity"),
    ],
)
def test_set_69_and_70_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert topic in brain.answer(text, AFTER).topics


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("赶集买的助听器根本不好使", "12315"),
        ("说好的年终奖金一分没发", "12333"),
        ("地里的灌溉水渠让人给堵了", "12345"),
    ],
)
def test_set_69_and_70_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_a_particle_inside_a_word_is_kept() -> None:
    assert normalise("楼下新开的酒吧太吵了吧") == "楼下新开的酒吧太吵了"


# Set 72: "which roads are there" asks how to report; a platform keeping violent videos is
# 12377's; a rider's fines are labour's.
@pytest.mark.parametrize(
    ("text", "number"),
    [("网上全是打人的暴力视频,平台不删", "12377"), ("送外卖的骑手被平台乱罚款找谁", "12333")],
)
def test_set_72_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_which_ways_there_are_asks_how_to_report(brain: Brain) -> None:
    assert_topic(brain, "想跟巡视组反映点事,有哪几条路", "contact")
