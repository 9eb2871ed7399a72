"""Classes seen on blind set 18's first run, each in examples of our own (none copied from a
set): a service's overcharge is a complaint, not a report; asking the bot to pass something
to the group's leader is a report; one's relative, in a question, is no deed; reporting again,
going through one's own unit first and one's name on the letter are questions of process;
the briber is a question of what the group takes; banter and everyday greetings are small
talk, while a bare laugh stays "not understood", as the older sets label it."""

from __future__ import annotations

import pytest
from replies import AFTER, OURS, assert_not_ours, assert_routed, topics_of

from bot.answer import Brain

# -- a service's overcharge is a complaint; an official's is a deed ---------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("医院给我多收了三百块 单子上有两项检查根本没做", "12320"),
        ("卫生院拿药不开票 还多收钱", "12320"),
        ("孩子学校多收了两百块资料费", "12345"),
    ],
)
def test_a_service_overcharging_is_routed_not_refused(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    "text",
    [
        "我们局长办事多收钱 不给就拖着",
        "那个科长多收了我们每户五百",
    ],
)
def test_an_official_overcharging_is_still_refused(brain: Brain, text: str) -> None:
    assert topics_of(brain, text)[0] == "report_guard", text


# -- asking the bot to carry something to the group -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "麻烦你把这事转到巡视组 我们区的事儿不少",
        "能给组长捎个话不 我们厂的厂长不是东西",
        "你直接转给组长就行 说是开发区主任的事",
    ],
)
def test_asking_to_pass_something_to_the_group_is_refused(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "report_guard", (text, reply.kind, reply.topics)
    assert all(line in reply.text for line in OURS)


def test_asking_who_the_leader_is_is_no_forwarding(brain: Brain) -> None:
    kind, topics = topics_of(brain, "组长叫啥 副组长有谁")
    assert kind == "faq" and "deputies" in topics, (kind, topics)


# -- one's relative in a question; a relative favoured, told ----------------------------------


def test_whether_to_report_ones_relative_is_a_question(brain: Brain) -> None:
    kind, topics = topics_of(brain, "我可以举报我亲戚吗 他在市里当局长 心里挺纠结")
    assert kind != "report_guard", (kind, topics)


@pytest.mark.parametrize(
    "text",
    [
        "村主任把救济款都给了他家亲戚 我们一分没见着",
        "书记把他自家亲戚安排进了村委会 还给了亲戚低保",
    ],
)
def test_favouring_relatives_told_is_still_refused(brain: Brain, text: str) -> None:
    assert topics_of(brain, text)[0] == "report_guard", text


# -- questions of process and of what the group takes -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "上回写信反映过一次 一直没动静 能不能再反映",  # reporting again
        "举报过一回了没回音 重复举报行不行",
        "是不是得先找单位纪委 不能越级吧",  # one's own unit first
        "写举报信要不要写我名字",  # one's name on the letter
    ],
)
def test_questions_of_process_get_the_process_answer(brain: Brain, text: str) -> None:
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and "process" in topics, (text, kind, topics)


def test_a_grievance_of_ones_own_still_gets_the_general_channels(brain: Brain) -> None:
    """No question of ours named outright: 没下文 is one's own matter left unanswered."""
    reply = brain.answer("我家的事找了三年了 一直没下文", AFTER)
    assert reply.kind == "route" and "12345" in reply.text, (reply.kind, reply.topics)


@pytest.mark.parametrize(
    "text",
    [
        "送钱的人也算吗 还是只查收钱的",
        "行贿人能不能反映 还是光管受贿的",
    ],
)
def test_whether_the_briber_counts_is_what_the_group_takes(brain: Brain, text: str) -> None:
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and "scope_what" in topics, (text, kind, topics)


# -- small talk -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("你这机器人说话咋这么死板", "banter"),
        ("你还挺逗的", "banter"),
        ("谢啦", "thanks"),
        ("吃了没", "greeting"),
        ("吃饭没 问你个事", "greeting"),
    ],
)
def test_banter_and_everyday_greetings_are_small_talk(brain: Brain, text: str, topic: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "smalltalk" and topic in reply.topics, (text, reply.kind, reply.topics)
    assert not any(line in reply.text for line in OURS)  # small talk gives no number


def test_banter_beside_a_question_answers_the_question(brain: Brain) -> None:
    kind, topics = topics_of(brain, "你真逗 那电话到底多少")
    assert kind == "faq" and topics == ("phone",), (kind, topics)


def test_a_long_run_of_laughter_is_not_understood_and_gets_the_channels(brain: Brain) -> None:
    reply = brain.answer("哈哈哈哈哈哈哈", AFTER)
    assert reply.kind == "fallback", reply
    assert all(line in reply.text for line in OURS)


# -- routes and notice questions by words nobody had written down ----------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("楼上那家天天咚咚的 老人孩子都睡不好", "12345"),  # noise said by its sound
        ("到政府大厅办个营业执照 跑了四趟还是没办成", "12345"),  # a slow office
        ("刷到好多赌博广告 还有色情的 去哪举报", "12377"),  # harmful content online
        ("The seller sent me a counterfeit bag and won't refund", "12315"),
    ],
)
def test_matters_of_life_in_new_words_have_their_route(
    brain: Brain, text: str, number: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and number in reply.text, (text, reply.kind, reply.topics)
    assert not any(line in reply.text for line in OURS)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("今儿个能打不 我想现在就打", "call_now"),
        ("巡视组还收举报信不", "period"),  # still accepting: is it still on?
        ("是早八到晚八吧", "hours"),
        ("那个心相在沈阳哪", "mail"),  # 心相: both characters typed by their sound
    ],
)
def test_notice_questions_in_hurried_words(brain: Brain, text: str, topic: str) -> None:
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and topic in topics, (text, kind, topics)


@pytest.mark.parametrize(
    "text", ["帮我写首诗", "write me a short story", "can you write me a song"]
)
def test_unrelated_requests_are_not_understood_and_get_the_channels(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "fallback", (text, reply.kind, reply.topics)
    assert all(line in reply.text for line in OURS)


@pytest.mark.parametrize(
    ("text", "number"), [("快递丢了 去哪投诉", "12305"), ("工资拖了半年 找谁反映去", "12333")]
)
def test_where_to_complain_after_a_matter_asks_for_its_line_only(
    brain: Brain, text: str, number: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and number in reply.text, (text, reply.topics)
    assert "contact" not in reply.topics and not any(line in reply.text for line in OURS)


def test_the_group_named_beside_a_matter_keeps_how_to_report(brain: Brain) -> None:
    reply = brain.answer("快递丢了 还有巡视组怎么举报", AFTER)
    assert "12305" in reply.text and "contact" in reply.topics, reply.topics


# -- set 19's classes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("Is there an address I can send my letter to?", False),  # asks where to write
        ("I can send you the documents tonight", True),  # offers material
        ("村会计把低保金扣下一半 给他自己留着", True),  # 扣下: a deed
        ("镇里计生办的钱 xx 收钱从来不开票", True),  # an office's surname with letters
    ],
)
def test_offers_and_deeds_in_new_words(brain: Brain, text: str, report: bool) -> None:
    assert (brain.answer(text, AFTER).kind == "report_guard") is report, text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("零二四八八八八一九七七是不是这个", "phone"),  # digits read out one by one
        ("幺幺零零三四是邮编吗", "mail"),
        ("这是哪一年的通知", "period"),
        ("动员会谁主持的", "meeting"),
        ("会上都有哪些省领导出席", "meeting"),
        ("能帮朋友反映吗 他不方便", "process"),
        ("巡视组收到举报后会转给地方吗", "process"),
    ],
)
def test_notice_questions_of_set_19s_kinds(brain: Brain, text: str, topic: str) -> None:
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and topic in topics, (text, kind, topics)


def test_the_meeting_answer_names_who_chaired_it_from_the_notice(brain: Brain) -> None:
    reply = brain.answer("开动员会的时候谁主持的", AFTER)
    assert "李希主持会议" in reply.text and "叶青纯" in reply.text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("派出所民警执法态度太差了", "12389"),
        ("房屋中介扣着押金不退", "12315"),
        ("在宠物店寄养 狗回来病了 店家不赔", "12315"),
        ("手机被开了增值业务 每月乱扣费", "12315"),
        ("4s店保养给我换的旧件", "12315"),
        ("养殖场往河里排脏水 鱼死了一片", "12369"),
        ("有人打电话说我涉嫌洗钱 让我转到安全账户", "110"),
    ],
)
def test_set_19s_matters_of_life_have_their_route(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(("text", "topic"), [("晚安 改天再问", "bye"), ("谢谢你 很有用", "thanks")])
def test_goodnight_and_thanks_in_new_words(brain: Brain, text: str, topic: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "smalltalk" and topic in reply.topics, (text, reply.topics)


@pytest.mark.parametrize(
    "text", ["要是有个大官儿贪了 我往哪反映", "假如我知道哪个当官的受贿了 往哪说"]
)
def test_what_to_do_about_a_big_officials_wrongdoing_leads_with_how_to_report(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and reply.topics[0] == "contact", (text, reply.topics)
    assert all(line in reply.text for line in OURS)


def test_a_road_accident_said_plainly_gets_122(brain: Brain) -> None:
    reply = brain.answer("骑车的闯红灯把我撞了", AFTER)
    assert reply.kind == "route" and "122" in reply.text, reply.topics


def test_the_time_difference_asks_about_the_hours(brain: Brain) -> None:
    kind, topics = topics_of(brain, "我在国外 时差怎么算 几点打过去合适")
    assert kind == "faq" and "hours" in topics, (kind, topics)


# -- set 20's classes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一到晚上村里就停电 冰箱都坏了", "12345"),  # 晚上 tells when, not our hours
        ("半夜有人把俺家牛牵走了 门锁也撬开了", "110"),
        ("采石场天天冒灰 菜叶子上落一层", "12369"),
        ("老板说辞就辞 经济补偿一分没有", "12333"),
        ("有人在河滩上偷着挖矿", "12336"),
        ("买的假化肥 庄稼都烧死了", "12315"),
        ("搬迁房说好年底交钥匙 到现在没分下来", "12345"),
    ],
)
def test_set_20s_matters_of_life_have_their_route(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("晚上还能打吗", "hours"),  # the time of day with a call is about the hours
        ("中午有人接电话不", "hours"),
        ("辛苦了 这么晚还回我", "thanks"),  # 晚 said in thanks
    ],
)
def test_a_time_of_day_counts_for_the_hours_only_with_a_call(
    brain: Brain, text: str, topic: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert topic in reply.topics, (text, reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("班主任让每个家长交三百块班费", False),  # a teacher, not an official: 12345
        ("借给表哥三万块 打了借条 现在不还了", False),  # one's own loan: the court
        ("来信要不要写真实姓名 匿名的收不收", False),  # 姓名 is no surname
        ("乡里的民政助理把救灾粮拉他家去了", True),
    ],
)
def test_look_alike_posts_and_ones_own_money_are_no_report(
    brain: Brain, text: str, report: bool
) -> None:
    assert (brain.answer(text, AFTER).kind == "report_guard") is report, text


@pytest.mark.parametrize("text", ["村主任算不算巡视组管的领导干部", "派出所所长归不归巡视组管"])
def test_whether_a_lower_post_is_in_the_remit_gets_its_line_and_whom_the_group_covers(
    brain: Brain, text: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and "scope_who" in reply.topics, (text, reply.topics)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("举报的事要是不准 会不会追我责任", "process"),
        ("举报以后有回执吗 能查进度不", "process"),
        ("沪上的巡视组有热线吗", None),  # 沪上: Shanghai
        ("中央第6寻视组的电话", None),  # 寻视: 巡视 mistyped
    ],
)
def test_set_20s_notice_and_boundary_words(brain: Brain, text: str, topic: str | None) -> None:
    reply = brain.answer(text, AFTER)
    if topic is None:
        assert reply.kind == "boundary" and not any(line in reply.text for line in OURS), text
    else:
        assert reply.kind == "faq" and topic in reply.topics, (text, reply.topics)


@pytest.mark.parametrize("text", ["玉米现在多少钱一斤", "附近哪有卖农药的"])
def test_prices_and_shopping_are_not_understood(brain: Brain, text: str) -> None:
    assert brain.answer(text, AFTER).kind == "fallback", text


# -- set 21's classes (round 4), in words of our own -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "中央5组的联系电话",  # a numbered group without 第
        "巡视十组在哪办公",
        "中央巡视七组有信箱吗",
        "中央巡视组去没去过苏、浙两省",  # one-character abbreviations, counted
        "晋冀两省的巡视组电话",
    ],
)
def test_another_group_or_provinces_said_short_never_get_our_lines(
    brain: Brain, text: str
) -> None:
    assert_not_ours(brain, text)


@pytest.mark.parametrize("text", ["中央三组的电话是多少", "巡视组电话 我们县两个乡镇都想知道"])
def test_our_own_group_said_short_is_still_ours(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and all(line in reply.text for line in OURS), text


@pytest.mark.parametrize(
    "text",
    [
        "我们 镇上 于站长 把 救灾 的 钱 拿去 自己 用了",  # words dictated one by one
        "厂里那个副书记姓什么来着 刘什么刘长海 他把工会的钱挪了",  # a name recalled aloud
        "我手机里录了他收钱的过程 要不要给你们",  # an offer, with a question mark of its own
        "这事你帮我告诉巡视组 我们区长天天收礼",  # asked to tell the group
    ],
)
def test_reports_dictated_recalled_or_offered_are_refused(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "report_guard", (text, reply.kind, reply.topics)
    for detail in ("于站长", "刘长海", "区长"):
        assert detail not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "举报厅长从哪举报",  # 从哪 asks where
        "社区的网格员违规 找巡视组管用吗",  # whether the group is the place to go
        "怎么告诉巡视组我知道的事",  # how to tell the group: a question, not a request
    ],
)
def test_questions_about_where_to_report_are_answered(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind in ("faq", "route"), (text, reply.kind)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("楼下那家天天半夜剁馅 吵得不行", "12345"),
        ("快递显示已签收 可我没收着", "12305"),
        ("乘客掏出刀来了 我在路边停着", "110"),
        ("骑车被一辆面包车刮倒了 那车要跑", "122"),
        ("有人在网上发我照片还造谣", "12377"),
        ("她老公一喝完酒就打她", "12338"),
        ("早市那秤不准 买一斤少二两", "12315"),
        ("县里的领导违纪 归谁管", "12388"),
        ("普通党员违反纪律 这种事找谁", "12388"),
        ("诊所乱收费 拿点药花了五百多块", "12320"),  # a service's charge, not a report
    ],
)
def test_set_21s_matters_of_life_get_their_line(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_domestic_violence_also_gives_the_police() -> None:
    reply = Brain.load().answer("我丈夫打我 我不敢回家", AFTER)
    assert "12338" in reply.text and "110" in reply.text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我是护士 倒班的 晚上九点打还有人接吗", "hours"),  # the asker's job is no matter
        ("举报处长 我一个小科员 会不会被报复", "process"),  # nor the asker's rank
        ("是不是什么事都能找巡视组", "outside"),
        ("在这跟你说就算举报了吗", "process"),
    ],
)
def test_the_askers_own_job_or_rank_is_no_matter_of_its_own(
    brain: Brain, text: str, topic: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and topic in reply.topics, (text, reply.kind, reply.topics)


def test_digits_spelt_in_pinyin_are_the_number_quoted() -> None:
    reply = Brain.load().answer("ling er si ba ba ba ba yi ba qi qi dui ma", AFTER)
    assert reply.kind == "faq" and all(line in reply.text for line in OURS)


def test_a_short_laugh_is_banter_and_venting_no_grievance(brain: Brain) -> None:
    # The blind sets' writers, ten times in sets 21–66, took a laugh of up to four 哈 for small
    # talk, and a long run of them for nonsense (text.yaml `alone`).
    assert brain.answer("哈哈哈哈", AFTER).topics == ("banter",)
    assert brain.answer("讲个笑话 今天真闹心", AFTER).kind == "fallback"


# -- set 22's classes (round 5), in words of our own -------------------------------------------


@pytest.mark.parametrize("text", ["我儿子在吉省上班 那边巡视组咋联系", "鲁省的巡视组信箱多少"])
def test_an_abbreviation_glued_to_province_is_that_province(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_the_full_name_of_our_province_is_not_read_as_an_abbreviation(brain: Brain) -> None:
    reply = brain.answer("辽宁省这次的中央巡视组电话", AFTER)  # 宁省 inside 辽宁省 is no 宁夏
    assert all(line in reply.text for line in OURS), reply.text


@pytest.mark.parametrize(
    "text",
    [
        "咱们区那位管规划的副区长 小舅子的工程队什么工程都能中标 你懂的",  # hinting
        "w.h.q 那个局的 大家心里都有数",  # initials spelt with dots, and a hint
    ],
)
def test_reports_told_by_hinting_are_refused(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "report_guard", (text, reply.kind, reply.topics)
    assert "副区长" not in reply.text and "whq" not in reply.text


def test_the_writers_own_surname_is_no_one_reported(brain: Brain) -> None:
    text = "我姓刘 今年七十了 退休金这个月少发了两百多 社区说不归他们管 该找哪个部门"
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and "12333" in reply.text, (reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("如果知道一个处长受贿 该怎么跟巡视组说", "contact"),
        ("市里的局长有问题 可以跟你们说吗", "contact"),
        ("能在这里举报吗", "contact"),
        ("问题线索是寄信箱还是当面交好", "contact"),
        ("外省人能不能反映辽宁的问题", "process"),
        ("巡视组都管什么人 管什么事", "scope_who"),
    ],
)
def test_set_22s_questions_about_reporting(brain: Brain, text: str, topic: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and topic in reply.topics, (text, reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("楼上的喝多了拎着刀在门口骂", "110"),
        ("我妈被人忽悠买了两万块的保健品 那帮人还天天开会", "110"),
        ("有人把我照片p了发帖子", "12377"),
        ("想反映县教育局领导 找巡视组还是找县纪委", "12388"),
    ],
)
def test_set_22s_matters_of_life_get_their_line(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


def test_laughter_is_dropped_before_what_follows_it(brain: Brain) -> None:
    assert brain.answer("哈哈哈好的", AFTER).kind == "smalltalk"
    assert brain.answer("哈哈哈哈哈哈", AFTER).kind == "fallback"  # nothing but a long laugh


# -- set 23's classes (round 6), in words of our own -------------------------------------------


@pytest.mark.parametrize("text", ["那山东的呢", "河北呢?", "江苏那边也有吗"])
def test_a_follow_up_naming_only_a_place_asks_about_that_place(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_a_follow_up_naming_our_own_city_is_no_other_body(brain: Brain) -> None:
    assert brain.answer("那鞍山的呢", AFTER).kind != "boundary"


def test_a_topic_naming_a_day_already_said_still_says_what_it_adds(brain: Brain) -> None:
    # The meeting was on the 27th, which the period also says; the chair is news.
    reply = brain.answer("27号开的那个会是谁主持的 巡视到几号", AFTER)
    assert "李希" in reply.text and "4月28日" in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("反映完了会有人联系我吗", "process"),
        ("写信举报之前要不要单位领导同意", "process"),
        ("举报的时候要交身份证复印件吗", "process"),
        ("nm jb keyi ma", "process"),  # 匿名举报 in initials
    ],
)
def test_set_23s_questions_of_process(brain: Brain, text: str, topic: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and topic in reply.topics, (text, reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("副县长的问题归不归巡视组管 不归找谁", "12388"),  # a county post: the local commission
        ("我们场长乱罚工人的钱 这种干部找谁", "12388"),
        ("外包公司拖着不发工资 都俩月了", "12333"),
        ("地铁上有人犯病了 口吐白沫", "120"),
        ("开小卖店的要交什么税", "12366"),
        ("工地没有安全设备 前天砸伤一个", "12350"),
        ("最近压力太大 天天失眠 想找个人说说", "12356"),
    ],
)
def test_set_23s_matters_of_life_get_their_line(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


# -- set 24's classes (round 7), in words of our own -------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["山西的巡视组电话和辽宁的一样吗", "Is the number for Hubei's inspection team the same?"],
)
def test_another_province_compared_with_ours_never_gets_our_lines(
    brain: Brain, text: str
) -> None:
    assert_not_ours(brain, text)


def test_a_journey_in_a_long_story_is_not_the_body_asked_about(brain: Brain) -> None:
    text = (
        "这些年我去上海打过工 去广州也待过 后来回了老家 家里的地让人占了 到处找人也没用"
        "听人说巡视组来了 巡视组到底怎么联系 电话还能打吗"
    )
    reply = brain.answer(text, AFTER)
    assert reply.kind != "boundary" and all(line in reply.text for line in OURS), reply.kind


@pytest.mark.parametrize(
    "text",
    [
        "我们局的副局长 他小姨子开的公司专门给局里供货 这叫什么事",  # rhetorical
        "有个在省交通厅干了多年的 他侄子的公司年年中标 巧不巧",
        "我们市长在新区那块地上挣了3个亿 你们知道吗",  # 3个亿 is an amount
        "我们处长他媳妇一年出国好几次 一年换两台车 这正常吗",
        "你们管不管省里某位厅长 他的别墅落在他小舅子名下 地址我都能告诉你们",
    ],
)
def test_reports_told_around_a_rhetorical_question_are_refused(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "report_guard", (text, reply.kind, reply.topics)


@pytest.mark.parametrize(
    "text",
    [
        "举报市领导是找你们 对吧",  # 对吧 asks
        "我们村的支部书记从来不开会 该跟谁反映",
        "镇里干部办事要好处 上哪反映",
    ],
)
def test_questions_ending_in_whom_or_right_are_answered(brain: Brain, text: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind in ("faq", "route"), (text, reply.kind)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("村里有个党员十年没交党费 这种找谁", "12388"),
        ("劳务派遣公司三个月工资没发", "12333"),
        ("小卖部卖三无零食", "12315"),
        ("电厂的煤堆不盖网 满院子黑灰", "12369"),
        ("被车刮了 那车跑了", "122"),
        ("买的基金亏了 是银行的人忽悠我买的", "12386"),
        ("后山有人偷采铁矿", "12336"),
        ("厂里的吊机年久失修 迟早出事", "12350"),
        ("他一喝酒就打我", "12338"),
        ("老伴去世以后我整宿整宿睡不着", "12356"),
    ],
)
def test_set_24s_matters_of_life_get_their_line(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "kind", "topic"),
    [
        ("你们这个电话是不是假的", "faq", "phone"),
        ("巡是组的电活", "faq", "phone"),  # typed by sound
        ("想给巡视组捎个信 往哪邮", "faq", "mail"),
        ("举报信上要写自己电话吗", "faq", "process"),
        ("嗯嗯", "smalltalk", "thanks"),
        ("中午吃什么好", "fallback", None),
    ],
)
def test_set_24s_notice_questions_and_small_talk(
    brain: Brain, text: str, kind: str, topic: str | None
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == kind and (topic is None or topic in reply.topics), (text, reply.topics)


# -- set 25's classes (round 8), in words of our own -------------------------------------------


def test_not_having_written_it_down_is_no_request_to_record(brain: Brain) -> None:
    reply = brain.answer("上次你说的邮编我没记下来 再说一遍", AFTER)
    assert reply.kind == "faq" and "110034" in reply.text, (reply.kind, reply.topics)


@pytest.mark.parametrize(
    "text",
    [
        "我家住锦州 河北保定那边的事归哪个巡视组",  # the asker's place is ours, the other asked
        "中央巡视组第十二轮啥时候开始",  # a round named after the inspection word
        "香港那边有类似的机构吗",
    ],
)
def test_set_25s_other_bodies(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_a_hypothetical_with_a_route_only_misheard_leads_with_how_to_report(brain: Brain) -> None:
    reply = brain.answer("要是我知道哪个处长收钱了 该找谁", AFTER)
    assert reply.kind == "faq" and "contact" in reply.topics, (reply.kind, reply.topics)


def test_a_fraud_in_progress_told_as_a_story_is_routed_to_the_police(brain: Brain) -> None:
    text = "我妈接了个电话 对方说她涉嫌洗钱 让她把钱转到安全账户 她现在要去银行了 怎么办"
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and "110" in reply.text, (reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("楼上装修天天砸墙 吵死了", "12345"),
        ("影楼拍完婚纱照又要加钱才给底片", "12315"),
        ("春运抢不着票 有订票电话吗", "12306"),
        ("手机老弹不良内容 怎么举报", "12377"),
        ("我妹被她老公打了 不敢报警", "12338"),
    ],
)
def test_set_25s_matters_of_life_get_their_line(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "kind", "topic"),
    [
        ("举报信都要写什么 写多少才算数", "faq", "process"),
        ("反映了会不会石沉大海", "faq", "process"),
        ("我能直接在这跟你说吗", "faq", "contact"),
        ("喂喂", "smalltalk", "greeting"),  # a bare 喂 is too often 喂羊 to be a greeting
    ],
)
def test_set_25s_questions_and_greetings(
    brain: Brain, text: str, kind: str, topic: str
) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == kind and topic in reply.topics, (text, reply.kind, reply.topics)


# -- set 26's classes (round 9), in words of our own -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我是四平的 在辽宁打工 四平那边的事 吉林有巡视组吗",  # living here, asking about there
        "军委巡视组的电话是多少",  # the military commission's own group
    ],
)
def test_set_26s_other_bodies_never_get_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_living_here_and_asking_about_here_is_ours(brain: Brain) -> None:
    reply = brain.answer("我是山东人 在辽宁上班 辽宁这边的事能找这个巡视组吗", AFTER)
    assert reply.kind == "faq" and all(line in reply.text for line in OURS), reply.kind


@pytest.mark.parametrize(
    "text",
    [
        "铁岭 老孙 索贿",  # 老 and a surname for a name
        "有个副厅长 戴的是劳力士 咱也不知道一个月工资多少能买得起",  # a brand, and sarcasm
    ],
)
def test_set_26s_reports_are_refused(brain: Brain, text: str) -> None:
    assert brain.answer(text, AFTER).kind == "report_guard", text


def test_evidence_only_supposed_is_a_question_of_process(brain: Brain) -> None:
    assert brain.answer("如果我有录音证据 是寄过去还是怎么弄", AFTER).kind == "faq"
    assert brain.answer("我有他收钱的录音", AFTER).kind == "report_guard"  # held: offered


@pytest.mark.parametrize(
    ("text", "kind", "topic"),
    [
        ("我是山沟里的 想问巡视组电话", "faq", "phone"),  # where one lives is no pollution
        ("本人退役老兵 请告知邮编", "faq", "mail"),  # nor is who one is
        ("巡视组到哪天为止", "faq", "period"),
        ("受理哪一级干部的问题", "faq", "scope_who"),
        ("举报的时候能只说事不说名字吗", "faq", "process"),
        ("愿主保佑你", "smalltalk", "thanks"),
    ],
)
def test_set_26s_questions(brain: Brain, text: str, kind: str, topic: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == kind and topic in reply.topics, (text, reply.kind, reply.topics)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("要是知道区里某个局长受贿 往哪反映", "12388"),
        ("镇上的干部上班打牌 归哪管", "12388"),
        ("村口的路修了一半就停工了", "12345"),
    ],
)
def test_set_26s_matters_of_life_get_their_line(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


# -- set 27's classes (round 10), in words of our own ------------------------------------------


def test_an_outsider_asking_about_home_through_our_line_is_told_it_is_not_ours(
    brain: Brain,
) -> None:
    reply = brain.answer("我是河北人 想反映我们县里的事 打辽宁这个电话管用不", AFTER)
    assert reply.kind == "boundary" and not any(line in reply.text for line in OURS)


def test_an_outsider_calling_our_line_about_liaoning_gets_it(brain: Brain) -> None:
    reply = brain.answer("我在吉林 打辽宁的电话能通吗", AFTER)
    assert all(line in reply.text for line in OURS), reply.kind


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("要是知道县里一个局长收钱了 上哪说去", "12388"),  # a lower post named: its line first
        ("区里干部违纪 不是省里的 找谁", "12388"),  # a post denied is none named
        ("家门口有人堵着 说要打断腿", "110"),
        ("被电动车刮了 骑着就跑了", "122"),
        ("想查查我那个案子审到哪一步了", "12368"),  # one's own case: no investigation asked
        ("矿上通风设备坏了还让下井", "12350"),
        ("婆家扣着孩子不让我见", "12338"),
        ("地包到期了 村里要收回重分", "12345"),
    ],
)
def test_set_27s_matters_of_life_get_their_line(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("举报厅长 材料往哪送", "contact"),
        ("举报材料能用快递寄吗", "process"),
        ("举报信写多长合适", "process"),
        ("我不会写字 能打电话口头说吗", "contact"),
        ("举报的事要是不属实会怎么样", "process"),
        ("几个人一起写联名信行吗", "process"),
    ],
)
def test_set_27s_questions_about_reporting(brain: Brain, text: str, topic: str) -> None:
    reply = brain.answer(text, AFTER)
    assert reply.kind == "faq" and topic in reply.topics, (text, reply.kind, reply.topics)


# -- set 28's classes (round 11), in words of our own ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "龙江那边的巡视组信箱",  # 龙江: Heilongjiang said short
        "中央巡视组在苏的电话是多少",  # a lone abbreviation after 在
        "我户口在天津 住大连 天津的巡视组电话多少",  # living here, asking about there
    ],
)
def test_set_28s_other_bodies_never_get_our_lines(brain: Brain, text: str) -> None:
    assert_not_ours(brain, text)


def test_an_abbreviation_inside_a_word_after_zai_is_still_no_place(brain: Brain) -> None:
    reply = brain.answer("我在鲁莽的时候打过巡视组电话 现在还能打吗", AFTER)
    assert reply.kind != "boundary"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("有人往河套里倒油泥 水都黑了", "12369"),
        ("车间设备老掉牙了 伤了两个人", "12350"),
        ("食堂进的肉颜色不对 有股味", "12315"),
        ("高考录取政策找谁问", "12345"),
    ],
)
def test_set_28s_matters_of_life_get_their_line(brain: Brain, text: str, number: str) -> None:
    assert_routed(brain, text, number)
