"""Classes seen on the first runs of blind sets 33 and 34, each in examples of our own (none
copied from a set): a city's name inside an ordinary word, the army's inspection; a forwarded
notice that says 互相转告, a scam call told as a story; reports in pinyin, evidence on a USB
stick, a name pointed at with 这个人; someone below the remit asked about before our own ways;
a word only heard that made a reply off topic; the asker's own job beside a question of ours;
lists counted 一是…二是…; a thumbs-up typed three times; and words the topics lacked. At the
end, the classes of sets 35 and 36: reports told as a joke, a riddle or a question of who paid,
a post-holder whose name is held back (某厅的副厅长), evidence one says one holds, initials after
an office; a follow-up by abbreviation, today's group, a later year with 还有; our line behind
another city's code; how to report after the one reported; and a tie with an off-topic word
when the group is named. Last, the classes of sets 37 and 38: a student from elsewhere asking
for his home's group, a follow-up that asks 也是这个号吗, a group's bare number, a year alone; our
group compared with another level; effects told with a leader's relative, boxes carried out,
a toneless pinyin story, pay set against a lifestyle as a rhetorical question; and words that
the routes lacked. And the classes of sets 39 and 40: where the asker came back to
(退休回辽宁了), initials inside a supposition, a fraud in progress told of one's mother, a
hospital that charged twice; a name after 告了, an office's 老 and surname, evidence 我这有, a
worry that ends 是不是我想多了, a hint of 表示表示; and the words the routes and topics lacked.
Last, sets 41 and 42: today's group said with 现在正在 or 不是以前那个, 台湾同胞 as people, a year
and 巡的是哪; 捎个话 as a question of how; "a" 局长 of our county; initials set beside praise and
riches, thousands taken at a clause's end, a firm's 段长 who took money; and a scam card.
Sets 43 and 44: the notice's own deputies named in a question, a province-run body, a Hong Kong
student in Cantonese, impostors disguised as a police bureau, 被 inside what looked like a name,
and words the topics lacked."""

from __future__ import annotations

import pytest
from replies import (
    AFTER,
    OURS,
    assert_not_ours,
    assert_refused,
    assert_routed,
    assert_topic,
    topics_of,
)

from bot.answer import Brain
from bot.text import fold, list_items

# -- the notice's boundary ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("白天门诊太忙 巡视组几点下班", "hours"),  # 天门 (Hubei) inside 白天门诊
        ("今天门口贴了张巡视组的告示 上面电话是多少", "phone"),
        ("跟别处大同小异吧 巡视组的信箱多少", "mail"),  # 大同 (Shanxi)
        ("吃着三明治问一句 巡视组电话", "phone"),  # 三明 (Fujian)
    ],
)
def test_a_city_inside_an_ordinary_word_is_no_province(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    "text", ["湖北天门的巡视组电话", "山西大同的巡视组信箱", "军队有没有巡视组 电话多少"]
)
def test_the_city_or_the_army_asked_about_is_still_another_body(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


# -- not reports ----------------------------------------------------------------------------------


def test_a_forwarded_notice_that_says_pass_it_on_is_a_question(brain: Brain) -> None:
    reply = brain.answer("群里转的:巡视组值班电话024-88881877,请大家互相转告。靠谱吗", AFTER)
    assert reply.kind == "faq" and "phone" in reply.topics, (reply.kind, reply.topics)


def test_a_scam_call_told_as_a_story_gets_the_police(brain: Brain) -> None:
    reply = brain.answer("刚才接了个电话说我闺女住院了 让我马上转三万过去", AFTER)
    assert reply.kind == "route" and "110" in reply.text
    assert not any(line in reply.text for line in OURS)


# -- reports --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("li ming zai ju li shou hong bao", ("li ming",)),  # all in pinyin
        ("我有个U盘 全是他们处长的账 你们要吗", ("处长的账",)),  # evidence on a stick, offered
        ("帮我查查这个人:王 德 利,开了好几家饭店", ("王 德 利", "王德利")),  # pointed at, spaced
    ],
)
def test_reports_are_refused_without_echo(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


def test_supposed_evidence_on_a_stick_is_a_question(brain: Brain) -> None:
    kind, _topics = topics_of(brain, "如果我有U盘里的证据 是寄过去还是送过去")
    assert kind == "faq"


def test_this_person_without_a_name_is_nobody_pointed_at(brain: Brain) -> None:
    kind, _topics = topics_of(brain, "我想问这个人工客服是不是巡视组的")
    assert kind != "report_guard"


# -- someone below the remit ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "普通党员违纪了 巡视组能管吗",  # 12388 is the answer, before how to reach the group
        "市里局里的人吃拿卡要 往哪反映",
        "乡里的扶贫资金被截留了一半 找谁",
    ],
)
def test_someone_below_the_remit_leads_with_the_discipline_commission(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.topics[:1] == ("lower_level",) and "12388" in reply.text, (text, reply.topics)


def test_a_word_only_heard_makes_nothing_off_topic(brain: Brain) -> None:
    # 中间 sounds like 中奖 (a prize, off topic) once 间 and 奖 are folded alike
    kind, topics = topics_of(brain, "钱从上面发下来 中间让人截了 上哪反映")
    assert kind != "fallback" and "off_topic" not in topics, (kind, topics)


# -- the asker's own job --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我平时在药店上班 巡视组的信箱是多少", "mail"),  # no pharmacy complaint
        ("我是律师 想知道巡视组电话", "phone"),  # a lawyer asks; nothing off topic
    ],
)
def test_the_askers_job_is_no_matter_of_its_own(brain: Brain, text: str, topic: str) -> None:
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and topic in topics, (text, kind, topics)


def test_a_matter_told_beside_the_askers_job_keeps_its_route(brain: Brain) -> None:
    reply = brain.answer("我是护士 医院拖了半年工资 巡视组电话多少", AFTER)
    assert "12333" in reply.text and "024-88881877" in reply.text, reply.topics


def test_ones_own_post_below_the_remit_is_the_matter(brain: Brain) -> None:
    reply = brain.answer("我是村干部 巡视组会查到我们村吗", AFTER)
    assert "12388" in reply.text, reply.topics


# -- lists and symbols ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("norm", "starts"),
    [
        ("问两件事 一是电话多少 二是信寄哪", [5, 12]),
        ("第一 几点上班 第二 能匿名", [0, 8]),
        ("中央第三巡视组 一是", []),  # 第三 of the group's name counts nothing
    ],
)
def test_lists_counted_in_words(norm: str, starts: list[int]) -> None:
    assert list_items(norm) == starts


def test_a_list_counted_in_words_is_answered_item_by_item(brain: Brain) -> None:
    kind, topics = topics_of(
        brain, "我在药店上班,问三件事:一是信寄哪;二是几点能打电话;三是能不写名字吗"
    )
    assert kind == "faq" and {"mail", "hours", "process"} <= set(topics), topics


def test_a_symbol_typed_over_and_over_says_it_once(brain: Brain) -> None:
    assert fold("👌👌👌👌") == fold("👌")
    kind, _topics = topics_of(brain, "🙏🙏🙏")
    assert kind == "smalltalk"


# -- words the topics and routes lacked ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("那个信箱现在还收信吗", "call_now"),
        ("is the hotline still working", "call_now"),
        ("巡视组在辽宁待多久", "period"),
        ("巡视组光查当官的吗 查不查老百姓", "scope_who"),
        ("电话好还是写信好 我该选哪个", "contact"),
        ("给巡视组打电话之前要准备啥", "process"),
        ("材料寄原件还是寄复印件", "process"),
        ("举报的事万一不全对 会追究我吗", "process"),
        ("还有哪几个省跟辽宁一块儿搞回头看", "first_round"),
    ],
)
def test_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("工地俩月没开支了 找谁", "12333"),
        ("那家公司招人明说不招女的", "12338"),
        ("群里天天有人发赌博链接", "12377"),
    ],
)
def test_matters_of_life_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


# -- sets 35 and 36 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "details"),
    [
        # a joke: the pay, then the cars
        ("说个笑话 我们处长一个月五千块 家里停着两台保时捷 哈哈", ("两台保时捷",)),
        # a riddle about the one in charge of something, and a gift
        ("猜猜是谁:税务局管稽查的那位,年年过节收购物卡", ("管稽查",)),
        # a post-holder with his name held back, and who paid for his trips
        ("某局的副局长周周飞海南打高尔夫 这机票谁掏的", ("海南",)),
        ("我们科长喝完酒开公车回家 撞了人给钱私了了", ("私了",)),
        ("录音我手里有 是关于区里那个副区长的 怎么给你们", ("副区长",)),
        ("SY市JT局的ZH 房子全挂在别人名下", ("zh",)),
    ],
)
def test_set_35_reports_are_refused_without_echo(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    "text",
    [
        "假如某位厅长收了购物卡 归巡视组管吗",  # 某位: anyone, supposed
        "如果某个处长收了钱 我该找谁",
        "材料寄挂号信还是平信",
    ],
)
def test_supposed_or_general_questions_are_not_refused(brain: Brain, text: str) -> None:
    kind, _topics = topics_of(brain, text)
    assert kind != "report_guard", text


@pytest.mark.parametrize(
    "text", ["吉省的呢", "2019年还有巡视组来辽宁吗", "现在驻辽宁的巡视组电话给我一个"]
)
def test_set_35_boundary(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_our_line_behind_another_citys_code_is_corrected(brain: Brain) -> None:
    reply = brain.answer("拨0412-88881977一直占线", AFTER)
    assert "phone" in reply.topics and "024-88881977" in reply.text
    assert "0412-88881977" not in reply.text


def test_how_to_report_after_the_one_reported_is_how_to_report(brain: Brain) -> None:
    assert_topic(brain, "举报市里的领导该怎么做", "contact")


def test_an_off_topic_word_ties_with_ours_when_the_group_is_named(brain: Brain) -> None:
    assert_topic(brain, "正开车 巡视组电话说一下", "phone")
    kind, topics = topics_of(brain, "开车几点能考")  # no group named: off topic still
    assert kind == "fallback", (kind, topics)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("怎么才能找到巡视组的人", "contact"),
        ("我就是个普通职工 举报上级领导会不会有事", "process"),
        ("领导提拔亲戚算不算巡视组管的事", "scope_what"),
        ("巡视組の受付時間を教えてください", "hours"),
    ],
)
def test_set_36_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("我闺女被她男人打了 不敢回家", "12338"),
        ("村里说地的承包合同不给续了 咋办", "12345"),
        ("网店仿冒我们的牌子卖假货", "12315"),
        ("刚跟人剐上了 对方要跑", "122"),
        ("村口的路一下雨就是烂泥塘 谁给修修", "12345"),
    ],
)
def test_set_35_and_36_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


# -- sets 37 and 38 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我是云南人 在大连上学 想要云南的巡视组电话",  # lives here, asks for home
        "黑龙江的呢 也是这个号吗",
        "5组的电话有没有",
        "2021年的呢",
        "what is the phone for the 2019 round",
        "省委巡视组跟中央的是一回事吗 省委巡视组电话给我",  # compared, then the other's line
    ],
)
def test_set_37_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("中央巡视组跟省委巡视组有什么区别", "scope_who"),  # what ours takes
        ("我在沈阳读书 巡视组的信箱是多少", "mail"),  # 沈阳 is where the asker studies
        ("本人係香港出世 現喺瀋陽做嘢 想寫信畀巡視組 信箱係幾多", "mail"),
        ("我家住村里3组 巡视组电话多少", "phone"),  # a village's group, not a numbered one
    ],
)
def test_set_37_our_questions_stay_ours(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("村里修桥的钱早拨下来了 桥修了一半 施工队是镇长的亲戚 钱上哪去了", ("修桥",)),
        ("我们支行行长天天往车后备箱搬东西 一搬好几箱", ("后备箱",)),
        ("liaoyang shuiwuju wang gang kezhang tun le gongkuan", ("wang gang",)),
        ("有个科长天天打高尔夫 出国旅游 你说他那点工资够吗", ("高尔夫",)),
        ("民政所所长说得先给他两千才给办低保", ("两千",)),
    ],
)
def test_set_37_reports_are_refused_without_echo(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("听说巡视组只收信不接电话 真的假的", "contact"),
        ("眼神不好写不了字 除了写信还有啥办法", "contact"),
        ("打电话反映要不要说自己是谁", "process"),
        ("举报市里的领导 打哪个电话", "contact"),
    ],
)
def test_set_38_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("有人在河边偷采砂子 把滩涂都挖坏了", "12336"),
        ("小区停车场收费翻了一倍 也没公示", "12315"),
        ("快手上有人造谣说要地震", "12377"),
        ("有个网站卖假证 上哪举报", "12377"),
        ("食堂供货商送的肉闻着有味", "12315"),
    ],
)
def test_set_38_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


# -- sets 39 and 40 ------------------------------------------------------------------------------


def test_where_the_asker_came_back_to_is_no_question_about_it(brain: Brain) -> None:
    assert_not_ours(brain, "我是香港出生的 后来回辽宁了 香港那边有没有巡视组 电话多少")


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("要是巡视结束了 我们单位那个LXM吃回扣的事还有人管吗", ("lxm",)),
        ("我们局长最近老往澳门跑 单位账上又说没钱 不知道是不是我想多了", ("澳门",)),
        ("孩子学校的校长开会暗示要表示表示 不表示就被冷落", ("开会",)),
        ("照片我都拍好了 是关于区里那个副区长的 发哪", ("副区长",)),
        ("我这有转账截图 是给开发区那个副主任的 五万", ("五万",)),
        ("我爹就是因为告了孙大海才被整的 孙大海还当着村长", ("孙大海",)),
        ("我们街道办老钱收卫生费从来不给票", ("老钱",)),
    ],
)
def test_set_39_and_40_reports_are_refused(
    brain: Brain, text: str, details: tuple[str, ...]
) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("我爸接到电话说他涉嫌洗钱 让他把钱转到安全账户 他正往银行走", "110"),
        ("卫生院看个病收了两次钱 问谁都不知道", "12320"),
        ("学校让买指定的校服 比外面贵一倍", "12345"),
        ("厂里的护栏松了 领导说先干着", "12350"),
        ("垃圾站天天烧垃圾 一条街都是烟", "12369"),
        ("去县城的班车老不按点发", "12328"),
    ],
)
def test_set_39_and_40_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("一个号老打不通 另一个号是多少", "phone"),
        ("这通知都过去多少年了 还好不好使", "call_now"),
        ("光打电话行吗 还是非得写信", "contact"),
        ("写信的时候信里能夹照片吗", "process"),
        ("巡视组管哪些当官的", "scope_who"),
        ("我不会写字 咋能把话递到巡视组那", "contact"),
    ],
)
def test_set_39_and_40_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    "text",
    [
        "我手里有领导的录音 这种能当证据用吗",  # holding evidence, asking about it
        "打电话说和写信说 哪个管用",  # 打电话说 is no scam call
    ],
)
def test_set_39_questions_are_not_refused_or_sent_to_the_police(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq", (text, reply.kind, reply.topics)


def test_a_county_bureau_chief_is_below_the_remit(brain: Brain) -> None:
    reply = brain.answer("县交通局的局长 找巡视组好使吗", AFTER)
    assert reply.topics[:1] == ("lower_level",) and "12388" in reply.text, reply.topics


# -- sets 41 and 42 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "目前正在辽宁的巡视组电话多少",
        "我要的是现在的电话 不是以前那个",
        "中央第三巡视组2019年巡的是哪",
    ],
)
def test_set_41_todays_group_is_not_ours(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我们屯子的人想给巡视组捎个话 咋联系", "contact"),
        ("能保护证人不", "process"),
        ("材料能快递过去吗", "process"),
        ("打电话的时候要说哪些内容", "process"),
        ("电话白天黑天都有人接吗", "hours"),
    ],
)
def test_set_41_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


def test_compatriots_are_people_not_a_body(brain: Brain) -> None:
    kind, topics = topics_of(brain, "港澳同胞能给巡视组写信吗")  # people of Hong Kong and Macau
    assert kind == "faq", (kind, topics)


def test_a_county_bureau_chief_told_as_a_kind_is_asked_about(brain: Brain) -> None:
    reply = brain.answer("我们县里有个局长收钱办事 这种能找巡视组吗", AFTER)
    assert reply.kind != "report_guard", (reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("dl市 gtj 的 z处 真有本事 老婆不上班 家里两套别墅", ("gtj",)),
        ("我姑父在单位当段长 招一个人收八万 他也收过", ("八万",)),
        ("区里那俩人每个月来拿两千块 不给就说要封店", ("两千",)),
        ("我们市场主任把秤调低了 赚的钱他拿大头", ("调低",)),
        ("我舅在省里当处长 过年收的购物卡一张五千", ("一张五千",)),
    ],
)
def test_set_41_reports_are_refused(brain: Brain, text: str, details: tuple[str, ...]) -> None:
    assert_refused(brain, text, details)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("有人打电话说我闺女住院了 让我马上往一个卡上转三万", "110"),
        ("早市上收了两张假币 那人还没走", "110"),
        ("干了三年了 老板一直不签劳动合同", "12333"),
        ("县医院大夫让我做了一堆检查 花了好几千", "12320"),  # one's own bill, no report
    ],
)
def test_set_42_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


# -- sets 43 and 44 ------------------------------------------------------------------------------


def test_the_notices_own_people_are_nobody_reported(brain: Brain) -> None:
    kind, topics = topics_of(brain, "组长是不是叫叶青纯 还有个副组长叫陈江吧")
    assert kind == "faq", (kind, topics)


def test_a_province_run_body_asks_about_the_remit(brain: Brain) -> None:
    assert_topic(brain, "省属国企的一把手归巡视组管吗", "scope_who")


def test_a_hong_kong_student_here_asks_for_our_lines(brain: Brain) -> None:
    assert_topic(brain, "我係喺大連讀書嘅香港學生 巡視組電話係幾多", "phone")


@pytest.mark.parametrize(
    "text",
    [
        "有个人打电话自称检察院的 说我涉嫌洗钱 让我把钱转到安全账户 我都转了两万了 咋办",
        "刚才有人说他是巡视组的 让我交保证金",
    ],
)
def test_impostors_in_an_officials_disguise_get_the_police(brain: Brain, text: str) -> None:
    assert_routed(brain, text, "110")


def test_bei_is_no_part_of_a_name(brain: Brain) -> None:
    kind, _topics = topics_of(brain, "理财被经理忽悠了 亏了不少 上哪说理")
    assert kind != "report_guard"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("把那俩值班号发我", "phone"),
        ("巡视组下乡吗 能来我们屯看看不", "visit"),
        ("巡视组接到举报会下来核实吗", "process"),
        ("写信举报 信封上要不要写地址", "process"),
    ],
)
def test_set_43_and_44_questions_get_their_topic(brain: Brain, text: str, topic: str) -> None:
    assert_topic(brain, text, topic)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("楼下烧烤店吵吵嚷嚷到半夜", "12345"),
        ("开车撞了个骑电动车的 人没事 对方不让走", "122"),
        ("买的基金说好保本 结果亏了", "12386"),
    ],
)
def test_set_43_matters_are_routed(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_free_rooms_for_officials_are_a_report(brain: Brain) -> None:
    assert_refused(brain, "每周都有几个当官的来我们洗浴 包间全免单 登记本上写的城建局", ("城建局",))


# -- sets 45 and 46 (the last of this session) -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "19年那次巡视组来辽宁 电话一样吗",
        "进驻晋的那个巡视组电话",
        "在闽的那个巡视组信箱",
        "巡视桂的那个组电话多少",  # inspected: the abbreviation is the place
    ],
)
def test_set_45_boundary_never_gets_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize(
    ("text", "topic"), [("16年那次巡视组的电话", "phone"), ("我干了20年了 巡视组电话多少", "phone")]
)
def test_two_digit_years_of_ours_or_of_a_life_stay_ours(
    brain: Brain, text: str, topic: str
) -> None:
    assert_topic(brain, text, topic)


def test_an_inspected_abbreviation_glued_to_a_word_is_no_place(brain: Brain) -> None:
    assert_topic(brain, "巡视鲁能那年 巡视组电话多少", "phone")  # 鲁能 is a firm's name
