"""Classes seen on the first runs of blind sets 71 and later, each in examples of our own (none
copied from a set). Set 71: a bare 组 still to come after 明年 or 今年 (还有个组要来) is a later
round; a clause telling how the asker travels (我从…坐大巴去沈阳) is about the asker, not a matter
for the transport line; what a letter must state is the process; the words the routes lacked.
Sets 73–76: the round after ours, a commission's resident 纪检组 and a special inspection are
other bodies, while the group "sent down from Beijing" is ours; a post-holder's lover placed in
his bureau, a son who took the whole contract "with no papers at all", material "already
prepared" about a post, and a clue offered over WeChat are told; one's own pay docked is a
labour matter, not a report; a question about reporting a chief of no stated level gets whom the
group takes after how; a clause asking about the group keeps its topic beside a route; an
English period answer carries the notice's own dates; Korean thanks are thanks."""

from __future__ import annotations

import pytest
from replies import AFTER, OURS, assert_not_ours, assert_refused, assert_routed, assert_topic

from bot.answer import Brain
from bot.boundary import Boundary


@pytest.mark.parametrize(
    "text",
    [
        "听人讲明年开春还有个组要来,那时候打哪个电话",
        "今年夏天又有个组来了 电话多少",
        "明年还会有一个组下来吗,联系方式呢",
    ],
)
def test_set_71_a_group_still_to_come_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_a_group_of_2016_arriving_is_still_ours(brain: Brain) -> None:
    assert_topic(brain, "2016年春天来的那个组电话多少", "phone")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我从铁岭坐客车去沈阳,可以直接上门找巡视组吗", "visit"),
        ("我打算坐火车过去,巡视组在哪接待来访", "visit"),
        ("写给巡视组的信里要写明什么", "process"),
    ],
)
def test_set_71_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("庙会上有人卖包治百病的神药,我妈花了三百", "12315"),
        ("后山有人私开小煤窑,也没啥手续", "12336"),
    ],
)
def test_set_71_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    "text",
    [
        "你们之后的那一轮巡视组怎么联系",
        "省里派驻纪检组的电话",
        "专项巡视组的信箱是多少",
    ],
)
def test_set_73_to_76_other_bodies_never_get_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_the_group_sent_down_from_beijing_is_ours(brain: Brain) -> None:
    assert_topic(brain, "北京派下来的那个巡视组怎么找", "contact")


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("下雪了哈,对了我们区公安分局长把他相好的安排进单位当了主任,你们忙啥呢", ("相好",)),
        ("省里有位老领导,他侄子把整个港口工程揽下了,什么手续也没有", ("侄子", "港口")),
        ("证据我都整理好了,是关于鞍山某局副局长的,你们收到后会联系我吗", ("鞍山",)),
        ("我手上有抚顺矿区的线索,加个微信我把东西发过去", ("抚顺",)),
    ],
)
def test_set_73_to_76_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize("text", ["车间主任说我迟到,扣了我一个月工资", "班长克扣我们的加班费,找谁"])
def test_ones_own_pay_docked_is_a_labour_matter(brain: Brain, text: str) -> None:
    assert_routed(brain, text, "12333")


def test_a_post_docking_public_money_is_still_told(brain: Brain) -> None:
    assert_refused(brain, "我们镇长克扣了全村的低保钱", ("低保",))


def test_a_chief_of_no_stated_level_gets_how_and_whom(brain: Brain) -> None:
    reply = brain.answer("假如我晓得有个局长收了钱,能不能找巡视组讲", AFTER)
    assert reply.kind == "faq" and reply.topics[:2] == ("contact", "scope_who"), reply.topics


def test_a_clause_asking_about_the_group_keeps_its_topic_beside_a_route(brain: Brain) -> None:
    reply = brain.answer("上访的人能直接去巡视组那儿吗", AFTER)
    assert "visit" in reply.topics and "024-88881877" in reply.text, reply.topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我举报的是我亲戚,这样也行吗", "process"),
        ("好多年前的事了 现在还能反映吗", "process"),
        ("打过去以后他们能查到我的手机号吗", "process"),
        ("私企老板的问题巡视组管吗", "scope_who"),
        ("写材料要附上什么材料", "process"),
    ],
)
def test_set_73_to_76_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


def test_an_english_period_answer_carries_the_notices_dates(brain: Brain) -> None:
    reply = brain.answer("how long does the group stay in Liaoning", AFTER)
    assert reply.kind == "faq" and "28 April" in reply.text and "4月28日" in reply.text


def test_korean_thanks_are_thanks(brain: Brain) -> None:
    assert brain.answer("고맙습니다", AFTER).topics == ("thanks",)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("打车的司机故意绕道,多要了我三十", "12328"),
        ("招工的说先交押金才能上班,交了就把我拉黑了", "110"),
        ("有人在网上用我的照片开号到处骂人", "12377"),
        ("楼上那家的大姐天天被她老爷们打", "12338"),
        ("收购点说好的价到了就压成一半,找哪", "12315"),
        ("跟邻居因为院墙的事吵了几年了", "12345"),
    ],
)
def test_set_73_to_76_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_a_campaigns_own_kind_of_inspection_is_no_other_body(brain: Brain) -> None:
    # This notice's group does a follow-up, so a 专项巡视组 is another body; a campaign whose
    # mission is a 专项巡视 asks about its own group with the same words.
    facts = brain.knowledge.facts
    assert Boundary(facts).find("专项巡视组的电话") is not None
    special = facts.model_copy(update={"mission": "专项巡视"})
    assert Boundary(special).find("专项巡视组的电话") is None
    assert Boundary(special).find("环保督察组的电话") is not None


@pytest.mark.parametrize("text", ["反映省里一位厅长,该打哪个电话", "举报市里的一把手,材料往哪寄"])
def test_a_line_asked_to_report_a_post_gets_every_channel(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and reply.topics[0] == "contact", reply.topics
    assert all(line in reply.text for line in OURS) and "6008" in reply.text


def test_a_post_the_group_takes_asked_about_gets_the_channels_after(brain: Brain) -> None:
    reply = brain.answer("省里的厅长归不归巡视组管", AFTER)
    assert reply.topics == ("scope_who", "contact"), reply.topics
    assert all(line in reply.text for line in OURS) and "6008" in reply.text


def test_a_letter_answered_asks_the_process(brain: Brain) -> None:
    assert_topic(brain, "信寄过去了巡视组会不会回我", "process")
    # …while a contract taken back (收回我承包的地) asks nothing of the kind
    assert brain.answer("村里要收回我承包的地", AFTER).kind == "route"


# (人在成都,中央巡视组怎么联系 asks no fact of ours: he wants Sichuan's body, and is told the
# notice does not cover it; see test_round_twelve_classes.)
@pytest.mark.parametrize("text", ["我是湖南的 巡视组电话多少", "人在成都,中央巡视组的信箱寄哪"])
def test_an_asker_in_another_province_is_told_our_lines_are_not_his(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and ("6008" in reply.text or all(n in reply.text for n in OURS))
    place = "湖南省" if "湖南" in text else "四川省"
    assert f"如果您要找的是{place}的巡视或监督机构" in reply.text and "12388" in reply.text


@pytest.mark.parametrize(
    "text",
    ["我在沈阳 巡视组电话多少", "我是湖南人,在营口打工,能给巡视组打电话吗", "巡视组电话多少"],
)
def test_an_asker_in_our_province_gets_no_such_note(brain: Brain, text: str) -> None:
    assert "如果您要找的是" not in brain.answer(text, AFTER).text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("井下顶板老往下掉石头,安全设施根本不行", "12350"),
        ("小区门口的公共厕所坏了半年没人修", "12345"),
        ("海边被人围起来收费,说是他们承包了", "12345"),
    ],
)
def test_set_80_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("打巡视组的电话收不收钱", "process"),
        ("举报了以后我人身安全有保障吗", "process"),
        ("去巡视组那要不要预约", "visit"),
        ("能带我邻居一起去吗", "visit"),
        ("巡视组只管党纪吗", "scope_what"),
    ],
)
def test_set_80_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


def test_the_group_come_lately_is_a_later_round(brain: Brain) -> None:
    assert_not_ours(brain, "最近来辽宁的巡视组怎么联系")


def test_a_holiday_fee_a_named_official_demands_is_told(brain: Brain) -> None:
    assert_refused(brain, "县林业站的刘春雷每到过年都要过节费,一户五百", ("刘春雷", "五百"))


@pytest.mark.parametrize(
    "text",
    [
        "吉林省的巡视组,我们铁岭离那不远,能找他们吗",
        "回头看的回头看什么时候,怎么联系",
        "2022年辽宁有巡视吗",
        "这次巡视之后的那次什么时候来 信箱呢",
        "街道纪工委的电话",
    ],
)
def test_set_78_and_79_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_our_city_in_a_story_told_from_elsewhere_is_still_ours(brain: Brain) -> None:
    # "we" before our own city is the asker's home only when another province's own group is
    # asked outright; in a report told by a relative elsewhere, our official stays ours.
    reply = brain.answer("四川的亲戚说,我们营口的舅舅在省交通厅当处长,家里藏着金条", AFTER)
    assert reply.kind == "report_guard" and all(line in reply.text for line in OURS)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("大连某局长真是个清官,一年出国考察十几趟", ("大连",)),
        ("zhx shi dalian de fu ju zhang, ta tan le 30wan", ("zhx", "30wan")),
    ],
)
def test_set_78_and_79_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("公司给我多扣了个人所得税", "12366"),
        ("短信说我银行卡要冻结,让点链接验证,是不是诈骗短信", "110"),
        ("对门饭店老板天天在网上骂我", "12377"),
        ("高速上一辆大车侧翻了", "122"),
    ],
)
def test_set_78_and_79_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [("我只会写蒙文,能用蒙文写信吗", "process"), ("寄平信会不会丢", "process")],
)
def test_set_78_and_79_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    "text",
    ["回头看以后那一轮的电话", "后来又派来的那个组怎么联系", "这轮巡视之后的那一批什么时候来"],
)
def test_after_then_a_round_then_asked_of_is_a_later_round(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [("我打巡视组电话之后那次没人接", "phone"), ("巡视组走了以后我还能反映吗", "call_now")],
)
def test_after_said_of_ones_own_doing_is_no_later_round(
    brain: Brain, text: str, topic: str
) -> None:
    assert_topic(brain, text, topic)


def test_a_post_asked_where_to_report_is_a_question_and_a_name_is_not(brain: Brain) -> None:
    reply = brain.answer("举报区委书记上哪", AFTER)
    assert reply.kind == "route" and "12388" in reply.text, (reply.kind, reply.topics)
    assert_refused(brain, "举报李振华去哪", ("李振华",))


def test_a_story_asking_where_to_go_is_no_off_topic_errand(brain: Brain) -> None:
    text = "自来水公司说我家用了五十吨水,我一个人住咋可能,去营业厅问也不管,这事上哪说理"
    assert_routed(brain, text, "12345")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("楼上的狗天天半夜叫到天亮", "12345"),
        ("住的宾馆押金不给退", "12315"),
        ("闺女放学没回家,人找不着了", "110"),
        ("河边的厂子半夜偷着排烟", "12369"),
        ("前夫天天来堵门吓唬我", "12338"),
        ("有人把我照片p成不雅照", "12377"),
    ],
)
def test_set_81_and_82_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize("text", ["香港廉政公署的电话", "澳门廉署怎么联系"])
def test_another_regions_anti_corruption_body_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_the_po_box_misheard_before_its_address_is_the_box(brain: Brain) -> None:
    assert_topic(brain, "新乡地址是啥", "mail")


def test_a_boat_timetable_is_off_topic(brain: Brain) -> None:
    assert brain.answer("去长海的船几点开", AFTER).topics == ("off_topic",)


def test_the_line_and_the_box_each_name_the_other_way(brain: Brain) -> None:
    # A line that rings out, or a letter one cannot write: each answer gives the other way.
    phone = brain.answer("值班电话多少", AFTER).text
    mail = brain.answer("信箱是多少", AFTER).text
    assert "6008" in phone and "110034" in phone
    assert all(line in mail for line in OURS)
    both = brain.answer("电话和信箱分别是多少", AFTER).text
    assert both.count("6008") == 1, both  # the box said once, however many topics state it


def test_a_deed_dictated_as_a_word_of_its_own_is_a_deed(brain: Brain) -> None:
    assert_refused(brain, "有人 贪 交通局 老孙", ("老孙",))
    assert brain.answer("孩子太贪玩 巡视组电话多少", AFTER).topics[:1] == ("phone",)


@pytest.mark.parametrize(
    "text", ["前年来大连的那个组电话多少", "区纪委在哪办公", "市纪委的办公地点"]
)
def test_set_77_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_the_groups_own_office_is_still_ours(brain: Brain) -> None:
    assert_topic(brain, "巡视组在哪办公", "visit")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我也是听别人讲的,没亲眼见,能反映吗", "process"),
        ("他早调到外省了,还归这个组管吗", "scope_who"),
        ("家属能替老人反映吗", "process"),
    ],
)
def test_set_77_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("对面工地半夜还在打桩", "12345"),
        ("楼上窗户往外冒黑烟了", "119"),
        ("井下通风不行,工友老头晕", "12350"),
    ],
)
def test_set_77_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_a_director_counting_cash_with_a_drug_rep_is_told(brain: Brain) -> None:
    assert_refused(brain, "看见市医院院长跟药代在办公室数钱", ("药代",))


@pytest.mark.parametrize(
    "text",
    [
        "what is the number of the discipline commission in Anshan",
        "discipline inspection commission address",
    ],
)
def test_a_commission_asked_in_english_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize("text", ["中央巡视办的电话多少", "审计署怎么联系", "省审计厅的电话"])
def test_other_standing_offices_never_get_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)
