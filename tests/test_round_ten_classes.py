"""Classes seen on the first runs of blind sets 83 and later, and those the last stop's note left
open, each in examples of our own (none copied from a set). A round numbered without 第 right
before a group (十二轮巡视组) is another round, while the notice's own count of earlier rounds
(前8轮) is not. The State Council's own inspection (国务院大督查) is another body. A part of a
province known by its own name (滇西, 陕北, 苏南) is that province, as a city is; 辽西 is ours.

Reports the rules missed on sets 83–85: a dozen trips to Macau with chips shown (十几 is a
count, not 几 asking), a chief called by surname and office (王局), material said to be about one
post-holder, a home "like the Forbidden City, where is the money from" (rhetorical), riches tucked
into small talk (你们吃饭了吗), a free meal for years told word by word ending in 姓崔 他.
Questions: a post's office beside it (省交通厅厅长, 省直医院院长) is whom a remit question asks
about, not a matter for that office's line; the three forms asked at once are how to reach the
group; being called back to verify, no word after a report, a stamp on the letter, an asker in
another province or abroad are the process; an accused who is no party member is whom the group
takes; a clause about the asker's job or where the number was written down is no matter.
Sets 86–88: a group that came in another season than the notice's spring, a district
commission asked how to report to, "the current round" in English, an inspection "going on
now", a round numbered without 第 asked when, a work-safety 巡查组, an asker elsewhere asking
for "a similar line" are not ours; two dotted initials (Z.Y.) with 你们懂的, a job "everyone
knows how" one got, a subsidy the heads shared, material offered "to you", a famous painting
are reports; a job said in a word (药店的) before a question of ours is who asks.
Sets 89–91: a neutral 提拔 (promoted) is no deed; a writer who says he reports nobody (俺不是告
哪个干部) is not refused; evidence of no one's misconduct, asked where to go, is no offer; a
section chief's deed asked "反映给谁" is a question; an inspection 在搞的 now, a bare round asked
which group, another place asked "有这个吗" are not ours; material about 某领导 is told.
Sets 92–94: a group come "last month" or still "to come" is later; 真是清官 with riches, a name
set apart by dots (周·某·平), a ledger in a shoebox are told; false books (做假账) are a deed, no
material; "the commission or the group" asks; the police "不给我立案" is a complaint, not a
request to the bot to file; a school's fees are a service's.
Sets 96–97: this year's round (今年这轮, this year's inspection), another place asked
"有没有这种", "this round's group" still to arrive are not ours; 咱省那谁 pointed at, a ledger
offered "你们要不要", a name held back (姓啥就不说了) with a relative's contracts are told; a
kind of problem asked about (可否寄送…违纪问题) and "12388 or the group's line" are questions;
one's own factory, bank, hospital or school head goes to 12388.
Sets 99–100: a group of another month, an inspection 即将 to come, 川渝 are not ours; copies one
asks whether to post, a workshop sold by the party secretary, a relative who wins every bid are
told; progress, a minor, an interpreter writing for someone, a dead official's matter, the first
line alone, a letter in classical Chinese are questions of ours.
Sets 95 and 98: the group "before Spring Festival" or "last week in" a city is later than the
notice's; material about
"our" chief is told; an asker elsewhere who wants the central group gets our channels with the
note that they are not his province's.
"""

from __future__ import annotations

import pytest
from replies import AFTER, assert_not_ours, assert_refused, assert_routed, assert_topic

from bot.answer import Brain
from bot.guard import explain
from bot.text import fold

# Each table gathers the classes of every round of this file, marked by the sets they came from.


@pytest.mark.parametrize(
    "text",
    [
        # sets 86–88
        "夏天来的那个组电话多少",
        "和平区纪委监委怎么举报",
        "What is the number of the current round of central inspection?",
        "目前正在进行的巡视怎么联系",
        "十五轮巡视什么时候开始",
        "安全生产巡查组的电话",
        "我人在香港,那边有没有类似的电话",
        # sets 89–91
        "目前在搞的中央巡视怎么联系",
        "十五轮巡视辽宁是哪个组",
        "澳门那边有这个吗",
        # sets 92–94
        "上个月来的那个巡视组怎么联系",
        "明年要来的巡视组什么时候到",
        # sets 96 and 97
        "今年这轮的巡视组怎么联系",
        "What is the number of this year's central inspection?",
        "香港那边有没有这种",
        "这一轮的组什么时候到",
        # sets 99 and 100
        "九月份来的那个巡视组还在吗",
        "即将开展的巡视什么时候来",
        "川渝有巡视组吗",
    ],
)
def test_another_round_body_or_place_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        # sets 83–85
        ("大连有个副区长一个月跑十几趟澳门,回来在朋友圈晒筹码", ("大连", "副区长")),
        ("听朋友说他给营口的李局送了十万块才当上科长,这算不算事", ("营口", "李局", "十万")),
        ("我有一份材料,关于鞍山市某局一位领导的,寄到信箱就行吧", ("鞍山",)),
        ("本溪那位市管干部老家的院子修得跟皇宫似的,钱哪来的?", ("本溪", "皇宫")),
        ("天气不错,听说我们镇长又盖了栋四层小楼,哈哈,你们吃饭了吗", ("镇长", "四层")),
        ("工商所的人 天天 来我饭馆 吃饭 不给钱 姓孙 他", ("工商所", "姓孙")),
        # sets 86–88
        ("W.G.,市里管工程的,你们懂的,老家修了个庄园", ("w.g.", "庄园")),
        ("我侄子进了区税务局,一次考试没参加,这工作咋来的大家心里都有数", ("侄子", "区税务局")),
        ("合作社的补贴五十万,全让村干部分了", ("合作社", "五十万")),
        ("我有他们的转账记录,咋发给你们", ("转账记录",)),
        ("认识一个大官,家里挂着齐白石的画", ("齐白石",)),
        # sets 92–94
        ("真是清官啊 工资五千 儿子在英国读书 闺女开宝马", ("英国", "宝马")),
        ("市里的那个 王·某·军 外面有好几套房", ("王·某·军", "王某军")),
        ("柜子里有本账,记的是某局长收的钱,咋给你", ("柜子",)),
        # sets 96 and 97
        ("咱市那谁,出国考察带了一帮人直奔拉斯维加斯", ("拉斯维加斯",)),
        ("我有本他们收钱的账本,你们要不要", ("账本",)),
        ("市里有个领导 姓啥就不说了 全市都知道他小舅子专包政府工程", ("小舅子",)),
        # sets 99 and 100
        ("国土局有个科长名下八套房,复印件我要不要寄过去", ("国土局", "八套房")),
        ("我们村书记把厂房卖了,钱去哪了谁也不知道", ("厂房",)),
        ("你猜我们县长的表弟为啥工程都能中标", ("表弟",)),
    ],
)
def test_reports_are_refused_by_a_rule(brain: Brain, text: str, details: tuple[str, ...]) -> None:
    assert explain(fold(text)).report, text  # the rules alone, not only the learned model
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    "text",
    [
        # sets 83–85 (questions near their reports)
        "关于省领导的材料寄哪",
        "巡视组一共来了十几个人吗",
        "对于局里的事巡视组管吗",
        # sets 89–91
        "原来的县长前年提拔到市里了,他在县里的事能找巡视组吗",
        "不是举报当官的,就想问问村里修路的钱谁管,好多户都没修上,上哪说理",
        "上游的厂子往河里排污水,鱼全死了,拍了视频也不知道给谁,这事找谁",
        "县林业局一个科长吃拿卡要,这种事反映给谁",
        # sets 92–94
        "我们村出纳做假账,这个事归谁管",
        "村主任优亲厚友,低保给了自家亲戚,这种找纪委还是巡视组",
        "派出所的人态度差,还不给我立案",
        "孩子在学校被收了好多乱七八糟的费",
        # sets 96 and 97
        "对厅级干部的违纪问题,可否写信直接寄送巡视组?",
        "我们乡长乱收费,该打12388还是打巡视组那个电话",
        "我手里有领导的录音,这种能当证据吗",
    ],
)
def test_questions_and_complaints_are_not_refused(brain: Brain, text: str) -> None:
    assert not explain(fold(text)).report, text
    assert brain.answer(text, AFTER).kind != "report_guard", text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # sets 83–85
        ("来信来电来访这三样 具体怎么弄", "contact"),
        ("反映完了会不会有人打电话找我核实", "process"),
        ("上个月举报了没下文 咋整", "process"),
        ("举报信上用不用盖章 按手印行吗", "process"),
        ("我人在外省,能给这个巡视组打电话吗", "process"),
        ("要是那个领导不是党员,巡视组管不管", "scope_who"),
        ("我跑外卖只有饭点前后有空,巡视组几点接电话", "hours"),
        ("巡视组值班电话多少,我记在纸上让孩子当垃圾扔了", "phone"),
        # sets 86–88
        ("开网约车的,想问巡视组的电话", "phone"),
        ("超市的,信箱是多少号", "mail"),
        ("一封信里写三个人的事行不行", "process"),
        ("巡视组有没有传真号", "process"),
        ("领导的亲戚有问题,巡视组管吗", "scope_who"),
        # sets 89–91
        ("打一个号总占线,还有别的号没", "phone"),
        ("你们这个机器人存不存我说的话", "process"),
        ("巡视组会不会把我的信转给县里", "process"),
        ("多大的官才归中央巡视组管", "scope_who"),
        ("俺是外省的,能给巡视组写信不", "process"),
        # sets 92–94
        ("举报信寄过去会不会被退回", "process"),
        ("反映问题的时候要说清楚哪些", "process"),
        ("在哪能找到他们", "visit"),
        # sets 99 and 100
        ("反映了没人理咋办", "process"),
        ("过一阵能问问办到哪一步了吗", "process"),
        ("我还未成年,能反映问题吗", "process"),
        ("人已经去世了,他的问题还收不收", "scope_who"),
        ("第一个号是多少", "phone"),
        ("欲修书一封,投递之所何在", "mail"),
        ("受理的钟点是几点到几点", "hours"),
    ],
)
def test_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # sets 83–85
        ("村后头有人开石场 天天炸山 也没手续", "12336"),
        ("半夜河里有船偷抽沙,岸都塌了", "12336"),
        ("在果园干了两年,没签过合同也没给上保险,现在说不用我了", "12333"),
        ("包子里掺了别的肉,这不是糊弄人吗", "12315"),
        ("驾校收了学费一直不给排考试", "12315"),
        ("洗浴中心结账时多收了二百,说是毛巾费", "12315"),
        ("医院挂号难 号贩子满楼跑", "12320"),
        ("我奶奶在家摔倒起不来了", "120"),
        ("孩子在商场走丢了!", "110"),
        ("野猪下山把我家地里的花生全拱了", "12345"),
        # sets 86–88
        ("河里的鱼一夜之间都死了,水发黑", "12369"),
        ("办酒席村里让交卫生费", "12345"),
        ("饭店欠我两个月提成不给", "12333"),
        ("村里有条疯狗见人就咬", "110"),
        ("邻居家仓房里堆着没证的烟花爆竹", "12350"),
        ("电梯停了 有人困在里面", "110"),
        ("家里的猪病了 兽医站没人", "12345"),
        ("隔壁厂子半夜机器轰轰响", "12345"),
        # sets 89–91
        ("屯子里的土路一下雨就是泥塘,谁管修", "12345"),
        ("发烧三十九度厂里不让请病假,请了就扣全勤", "12333"),
        ("买的手机是翻新的,店家说是新的", "12315"),
        ("山沟让人倒成了垃圾场,臭得不行", "12369"),
        ("下大雨后山滑坡了,底下住着人", "110"),
        ("配电箱冒火花,一股焦糊味", "119"),
        ("我爸胸口疼,喘不上气", "120"),
        ("有人把我照片放到网上配了骂人的话", "12377"),
        ("宾馆房间里发现针孔摄像头", "110"),
        ("有人在我家门上泼油漆,说要我命", "110"),
        # sets 92–94
        ("区里的副局长违纪了,该找谁", "12388"),
        ("在玉器市场买的镯子是B货", "12315"),
        ("有人拉我妈搞养老投资,说每月返利,现在人跑了", "110"),
        ("孩子被老师扇了耳光", "12345"),
        ("快递站老板不给交五险", "12333"),
        ("加的油掺水了,车坏了", "12315"),
        ("网上的不良视频孩子都能刷到", "12377"),
        ("培训机构关门了,学费不退", "12315"),
        ("亲戚在监狱里,想问减刑怎么申请", "12309"),
        # sets 96 and 97
        ("微信群里说投资稳赚,转了钱就被踢了", "110"),
        ("卖的豆腐石膏放多了", "12315"),
        ("高铁上丢了东西找谁", "12306"),
        ("村道被大车压得全是坑", "12345"),
        ("科目二考官暗示要钱", "12389"),
        # sets 99 and 100
        ("河里天天有人电鱼", "12369"),
        ("旅游团导游带去强制购物", "12315"),
        ("车间粉尘大,也不发口罩", "12350"),
        # sets 95 and 98
        ("村头开了个养狗场,味熏得受不了", "12369"),
        ("孩子偷偷玩游戏充值了两千", "12315"),
        ("厂里每月扣服装费", "12333"),
        ("出租车公司份子钱又涨了", "12328"),
        ("配电室老化漏电", "12350"),
    ],
)
def test_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize("text", ["十二轮巡视组电话多少", "听说13轮巡视组要来 咋联系"])
def test_a_round_numbered_without_di_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_the_notices_own_count_of_earlier_rounds_is_ours(brain: Brain) -> None:
    assert_topic(brain, "前8轮巡视组一共巡视了多少单位", "rounds")


@pytest.mark.parametrize(
    "text", ["Which group inspects Jilin this year?", "who is inspecting Jilin now"]
)
def test_another_province_asked_with_inspect_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)
    assert brain.answer(text, AFTER).kind == "boundary"


def test_our_province_asked_with_inspect_is_ours(brain: Brain) -> None:
    assert_topic(brain, "Which group inspected Liaoning?", "group")


@pytest.mark.parametrize(
    "text",
    [
        "国务院大督查怎么反映问题",
        "国务院督查组的电话给一个",
        "人在川西 我们这儿巡视组电话多少",
        "陕北的巡视组咋联系",
    ],
)
def test_another_body_or_a_part_of_another_province_never_gets_our_lines(
    brain: Brain, text: str
) -> None:
    assert_not_ours(brain, text)


def test_a_part_of_our_own_province_is_ours(brain: Brain) -> None:
    assert_topic(brain, "辽西那边巡视组电话", "phone")


@pytest.mark.parametrize(
    "text",
    ["省交通厅厅长归巡视组管吗", "省卫健委主任归不归巡视组管", "省直医院的院长算不算巡视组管的"],
)
def test_an_office_beside_a_post_in_a_remit_question_is_no_matter_of_its_own(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and reply.topics[0] == "scope_who", (text, reply.topics)


def test_a_matter_told_apart_from_the_post_keeps_its_route(brain: Brain) -> None:
    assert "health" in brain.answer("医院乱收费 省长归巡视组管吗", AFTER).topics


@pytest.mark.parametrize(
    "text", ["去年买的树苗是假的,卖苗的不认账", "附近哪有卖种子的 便宜点的"]
)
def test_a_matter_ending_in_de_is_not_who_asks(brain: Brain, text: str) -> None:
    assert brain.answer(text, AFTER).topics[:1] != ("phone",)
    assert brain.answer(text, AFTER).kind in ("route", "fallback")


def test_evidence_offered_to_anyone_is_still_an_offer() -> None:
    assert explain(fold("我这有录音,谁要我给谁")).report


def test_material_about_a_held_back_post_holder_is_told(brain: Brain) -> None:
    assert_refused(brain, "我有材料 关于大连港某领导的 交给谁", ("大连港",))


def test_asking_the_bot_to_file_is_still_a_filing_request() -> None:
    assert explain(fold("麻烦你帮我立个案")).rule == "filing_request"


@pytest.mark.parametrize("text", ["我们厂长的事归巡视组管吗", "我们院长归谁管"])
def test_ones_own_heads_of_unit_go_to_the_commission(brain: Brain, text: str) -> None:
    assert_routed(brain, text, "12388")


def test_a_story_told_with_as_a_result_is_no_question_of_results(brain: Brain) -> None:
    assert "process" not in brain.answer("买的树苗是假的,结果种下去全死了", AFTER).topics


def test_the_group_before_spring_festival_never_gets_our_lines(brain: Brain) -> None:
    assert_not_ours(brain, "过年前来的那个巡视组电话多少")


def test_material_about_our_own_chief_is_told(brain: Brain) -> None:
    assert_refused(brain, "证据整理好了,关于我们局长收钱的,发哪个邮箱", ("局长收钱",))


def test_an_asker_elsewhere_who_wants_a_group_is_told_his_province_is_not_covered(
    brain: Brain,
) -> None:
    # He asks no fact of ours: the group he wants is his province's (round twelve: writers of
    # sets 95, 106 and 110 all read it so), and our lines would mislead him.
    reply = brain.answer("我在湖南,想找中央巡视组", AFTER)
    assert reply.kind == "boundary" and "湖南" in reply.text, reply.text
    assert "88881877" not in reply.text


def test_the_group_last_week_in_a_city_never_gets_our_lines(brain: Brain) -> None:
    assert_not_ours(brain, "上礼拜在锦州的那个组 电话多少")


def test_ones_own_call_last_week_is_still_ours(brain: Brain) -> None:
    assert_topic(brain, "上周在沈阳打了巡视组电话 没人接", "phone")
