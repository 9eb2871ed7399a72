"""What the notice leaves unsaid (a website, e-mail, WeChat; replies, signatures, relatives),
short forms typed alone (88, dh, 📞), and small talk that a homophone must not turn into a
question. The examples are written for these tests, none taken from an evaluation set."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain
from bot.evaluate import Case, judge
from bot.reply import Reply
from bot.text import normalise

AFTER = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PHONES = ("024-88881877", "024-88881977")


@pytest.mark.parametrize(
    "question",
    [
        "巡视组有官方网站没",
        "能不能发个email反映情况",
        "有没有公众号可以关注一下",
        "网上能直接提交材料不",
        "Does the inspection group have an e-mail address?",
    ],
)
def test_online_channels_are_said_to_be_none_with_the_lines_and_box(
    brain: Brain, question: str
) -> None:
    reply = brain.answer(question, AFTER)
    assert reply.kind == "faq" and "web" in reply.topics, reply
    assert all(p in reply.text for p in PHONES) and "6008" in reply.text
    assert "没有公布网站" in reply.text or "no website" in reply.text
    # It is as much "how to reach them" as "what the notice leaves unsaid".
    assert brain.knowledge.covers("contact", "web") and brain.knowledge.covers("process", "web")


@pytest.mark.parametrize(
    "question",
    [
        "信寄过去以后多长时间能有回音",
        "写了信他们给回信不",
        "举报信上要签字按手印不",
        "举报自家亲戚算不算大义灭亲 能举报不",
    ],
)
def test_what_the_notice_does_not_promise_gets_the_process_answer(
    brain: Brain, question: str
) -> None:
    reply = brain.answer(question, AFTER)
    assert reply.kind == "faq" and "process" in reply.topics, reply


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("88", "拜拜"),
        ("行 那就这样 886", "行 那就这样 拜拜"),
        ("dh是多少", "电话是多少"),
        ("📞是几号", "电话是几号"),
    ],
)
def test_short_forms_standing_alone_are_read_as_their_word(typed: str, read: str) -> None:
    assert normalise(typed) == read


@pytest.mark.parametrize("text", ["024-88881877", "收了88万", "房间888号", "adhere", "88.5分"])
def test_short_forms_inside_numbers_and_words_are_left_alone(text: str) -> None:
    assert "拜拜" not in normalise(text) and "电话" not in normalise(text)


def test_a_goodbye_in_digits_is_a_goodbye(brain: Brain) -> None:
    for text in ("88", "好的 先这样 88"):
        reply = brain.answer(text, AFTER)
        assert (reply.kind, reply.topics) == ("smalltalk", ("bye",)), (text, reply)


def test_a_phone_asked_with_its_short_form_gets_the_lines(brain: Brain) -> None:
    reply = brain.answer("巡视组的dh给一个", AFTER)
    assert all(p in reply.text for p in PHONES), reply


def test_thanks_said_outright_is_not_a_question_heard_through_a_homophone(brain: Brain) -> None:
    # 真明 sounds like 真名 (a process word); the message only thanks.
    reply = brain.answer("谢谢 你讲得真明白", AFTER)
    assert (reply.kind, reply.topics) == ("smalltalk", ("thanks",)), reply


def test_an_officials_wrongdoing_is_no_personal_grievance(brain: Brain) -> None:
    # 说理 is a grievance's word, but this asks where to report a post-holder.
    reply = brain.answer("要是知道有个厅长收了好处 该去哪说理", AFTER)
    assert "grievance" not in reply.topics, reply
    assert reply.kind in ("faq", "fallback"), reply
    assert all(p in reply.text for p in PHONES), reply


def test_a_route_answers_a_question_on_the_topic_that_covers_routes(brain: Brain) -> None:
    case = Case(q="工资拖了半年不发", category="route", kind="route", topics=("outside",))
    reply = brain.answer(case.q, AFTER)
    assert reply.kind == "route" and "outside" not in reply.topics
    assert judge(case, reply, None, brain.knowledge.covers).topics_ok
    # A topic of the notice is no route: it does not cover outside.
    assert not brain.knowledge.covers("outside", "phone")


def test_explain_it_to_me_in_northeastern_is_no_grievance(brain: Brain) -> None:
    # 掰扯 ("explain") sounds like 白扯 (a grievance's "it is no use").
    reply = brain.answer("受理时间是咋规定的 给我掰扯掰扯", AFTER)
    assert (reply.kind, reply.topics[:1]) == ("faq", ("hours",)), reply


def test_a_detail_inside_our_own_line_is_not_an_echo() -> None:
    case = Case(q="…888包间…", category="report", kind="report_guard", must_not=("888",))
    ours = frozenset({"024-88881877", "88881877"})
    refusal = Reply("请拨打024-88881877", "report_guard", (), 1.0, (), "zh")
    assert not judge(case, refusal, None, own_numbers=ours).forbidden
    echo = Reply("您说的888包间", "report_guard", (), 1.0, (), "zh")
    assert judge(case, echo, None, own_numbers=ours).forbidden == ("888",)
    # A boundary reply must not give our line itself: equal is never excused.
    line = Case(q="江西电话", category="boundary", kind="boundary", must_not=("88881877",))
    assert judge(line, refusal, None, own_numbers=ours).forbidden == ("88881877",)


def test_an_english_detail_is_repeated_only_as_a_word_of_its_own() -> None:
    # A report about "the port group": the refusal's own word "report" repeats nothing.
    case = Case(q="…the port group…", category="report", kind="report_guard", must_not=("port",))
    refusal = Reply("This bot cannot accept reports.", "report_guard", (), 1.0, (), "en")
    assert not judge(case, refusal, None).forbidden
    echo = Reply("You said the port group.", "report_guard", (), 1.0, (), "en")
    assert judge(case, echo, None).forbidden == ("port",)
    # Chinese has no word breaks: a detail inside a longer word still counts.
    han = Case(q="…港务局…", category="report", kind="report_guard", must_not=("港务",))
    assert judge(han, Reply("您说的港务局长", "report_guard", (), 1.0, (), "zh"), None).forbidden


def test_a_question_only_on_outside_is_answered_by_either_kind(brain: Brain) -> None:
    # 我家拆迁的事巡视组管不管: writers label it "what the group does not take" (faq) or a route;
    # the route's reply (12345) and the topic with the route beside it both answer it.
    either = frozenset({"outside"})
    covers, answered = brain.knowledge.covers, brain.knowledge.answered
    route = Reply("…12345…", "route", ("petition",), 1.0, (), "zh")
    topic = Reply("…12345…", "faq", ("outside", "petition"), 1.0, (), "zh")
    for kind in ("faq", "route"):
        case = Case(q="拆迁", category="outside", kind=kind, topics=("outside",), must=("12345",))
        for reply in (route, topic):
            assert judge(case, reply, None, covers, answered=answered, either_kind=either).passed
    # …but a question on a topic of ours is no route's, whichever kind is given.
    phone = Case(q="电话", category="phone", kind="faq", topics=("phone",))
    assert not judge(phone, route, None, covers, answered=answered, either_kind=either).passed
    # …and without the declaration the kinds must agree.
    case = Case(q="拆迁", category="outside", kind="faq", topics=("outside",), must=("12345",))
    assert not judge(case, route, None, covers, answered=answered).passed
