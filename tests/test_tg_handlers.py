"""Handlers, offline: real Application and handlers, a recording BaseRequest instead of the
network, updates built with Update.de_json, and a stand-in Brain whose replies are known."""

from __future__ import annotations

import html
import itertools
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from fakeapi import (
    BOT_ID,
    BOT_USERNAME,
    STICKER,
    RecordingRequest,
    make_callback,
    make_message,
    mention,
)
from telegram import Update
from telegram.error import BadRequest

from bot.reply import Reply, Suggestion
from bot.settings import Settings
from bot.tg import handlers
from bot.tg.app import build_application
from bot.tg.flood import FloodGate
from bot.tg.services import Services

TOKEN = "123456789:" + "T" * 35
ADMIN = 4242
GROUP = -100777
MENU = (
    Suggestion("phone", "值班电话"),
    Suggestion("mail", "邮政信箱"),
    Suggestion("hours", "受理时间"),
    Suggestion("period", "巡视期间"),
)
TOPICS = {"phone", "mail", "hours", "period", "scope_what"}
NOW = datetime(2016, 3, 1, 10, 0, tzinfo=UTC)


class FakeBrain:
    """Answers by rule so each test knows the exact reply; records what it was asked."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.topics: list[tuple[str, str]] = []
        self.fail: Exception | None = None
        self.reply_text: str | None = None
        self.knowledge: object = None  # the FAQ whose words the unanswered log may keep

    def answer(self, text: str, now: datetime, *, holdout: bool = False) -> Reply:
        self.questions.append(text)
        if self.fail is not None:
            raise self.fail
        if self.reply_text is not None:
            return Reply(self.reply_text, "faq", ("phone",), 1.0)
        if "电话" in text:
            return Reply("值班电话:024-88881877 <b>别当真</b> & 更多", "faq", ("phone",), 0.9)
        return Reply("您是想问哪一个?", "fallback", (), 0.4, MENU[:2])

    def topic(self, intent_id: str, now: datetime, lang: str = "zh") -> Reply:
        if intent_id not in TOPICS:
            raise KeyError(intent_id)
        self.topics.append((intent_id, lang))
        return Reply(f"topic {intent_id} {lang}", "faq", (intent_id,), 1.0, (), lang)  # type: ignore[arg-type]

    def message(self, name: str, now: datetime, lang: str = "zh") -> Reply:
        menu = MENU if name in ("greeting", "help") else ()
        return Reply(f"message {name}", "smalltalk", (), 1.0, menu)

    def menu(self) -> tuple[Suggestion, ...]:
        return MENU


@dataclass
class FakeLive:
    current: FakeBrain
    history: list[Any] = field(default_factory=list)
    reloads: int = 0

    def reload(self) -> Any:
        from bot.live import ReloadResult

        self.reloads += 1
        return ReloadResult(ok=True, changed=True, message="FAQ <reloaded>", at=NOW)

    def poll(self) -> None:
        return None


@dataclass
class FakeStats:
    replies: list[Reply] = field(default_factory=list)

    def record(self, reply: Reply) -> None:
        self.replies.append(reply)

    def summary(self, history: Any = (), now: Any = None) -> str:
        return f"回复总数:{len(self.replies)} <ok>"


@dataclass
class FakeUnanswered:
    seen: list[tuple[str, str]] = field(default_factory=list)

    def maybe_record(self, text: str, reply: Reply, knowledge: object) -> bool:
        self.seen.append((text, reply.kind))
        return True


@dataclass
class Harness:
    app: Any
    request: RecordingRequest
    brain: FakeBrain
    stats: FakeStats
    unanswered: FakeUnanswered
    live: FakeLive
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    async def feed(self, payload: dict[str, Any]) -> int:
        """Process one update; returns the message id it carried (if any)."""
        n = next(self.ids)
        if "message" in payload:
            payload["message"]["message_id"] = 500 + n
        update = Update.de_json({"update_id": n, **payload}, self.app.bot)
        await self.app.process_update(update)
        return 500 + n

    async def say(self, user: int, text: str | None, **kw: Any) -> int:
        return await self.feed(make_message(0, user, text, **kw))

    def sends(self) -> list[dict[str, Any]]:
        return self.request.made("sendMessage")

    def texts(self) -> list[str]:
        return [html.unescape(s["text"]) for s in self.sends()]


@pytest.fixture
async def h() -> AsyncIterator[Harness]:
    request = RecordingRequest()
    brain = FakeBrain()
    live = FakeLive(brain)
    stats, unanswered = FakeStats(), FakeUnanswered()
    svc = Services(
        live=live,
        stats=stats,
        admin_ids=frozenset({ADMIN}),
        unanswered=unanswered,
        clock=lambda: NOW,
    )
    app = build_application(
        Settings(token=TOKEN, admin_ids=frozenset({ADMIN})), svc, request=request
    )
    await app.initialize()
    yield Harness(app, request, brain, stats, unanswered, live)
    await app.shutdown()


# -- private chats -----------------------------------------------------------------------


async def test_private_text_is_answered_once_in_escaped_html(h: Harness) -> None:
    await h.say(11, "举报电话多少")
    sends = h.sends()
    assert len(sends) == 1
    sent = sends[0]
    assert sent["chat_id"] == 11
    assert sent["parse_mode"] == "HTML"
    # The FAQ's "<b>" and "&" arrive as text, not as markup.
    assert sent["text"] == "值班电话:024-88881877 &lt;b&gt;别当真&lt;/b&gt; &amp; 更多"
    assert "reply_parameters" not in sent  # no quoting in a private chat
    assert h.brain.questions == ["举报电话多少"]
    assert [r.topics for r in h.stats.replies] == [("phone",)]
    assert h.unanswered.seen == [("举报电话多少", "faq")]


async def test_user_text_with_markup_is_passed_as_plain_text(h: Harness) -> None:
    await h.say(11, "<b>电话</b> & <a href='x'>")
    assert h.brain.questions == ["<b>电话</b> & <a href='x'>"]
    assert "<b>" not in h.sends()[0]["text"]


async def test_did_you_mean_suggestions_become_buttons(h: Harness) -> None:
    await h.say(11, "嗯")
    markup = h.sends()[0]["reply_markup"]
    buttons = [b for row in markup["inline_keyboard"] for b in row]
    assert [(b["text"], b["callback_data"]) for b in buttons] == [
        ("值班电话", "t:phone"),
        ("邮政信箱", "t:mail"),
    ]


async def test_start_shows_greeting_and_topic_menu(h: Harness) -> None:
    await h.say(11, "/start")
    (sent,) = h.sends()
    assert html.unescape(sent["text"]) == "message greeting"
    data = [b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    assert data == ["t:phone", "t:mail", "t:hours", "t:period"]
    assert all(len(d.encode()) <= 64 for d in data)
    assert h.brain.questions == []  # a command never goes through the matcher


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("/start phone", "phone"),
        ("/start scope", "scope_what"),
        ("/phone", "phone"),
        ("/mail", "mail"),
        ("/hours", "hours"),
        ("/period", "period"),
        ("/scope", "scope_what"),
    ],
)
async def test_commands_and_deep_links_answer_their_topic(
    h: Harness, text: str, topic: str
) -> None:
    await h.say(11, text)
    assert h.brain.topics == [(topic, "zh")]
    assert h.texts() == [f"topic {topic} zh"]


async def test_unknown_deep_link_falls_back_to_greeting(h: Harness) -> None:
    await h.say(11, "/start nonsense")
    assert h.texts() == ["message greeting"]


async def test_help_and_unknown_private_commands_show_help(h: Harness) -> None:
    await h.say(11, "/help")
    await h.say(11, "/whatever")
    assert h.texts() == ["message help", "message help"]


@pytest.mark.parametrize(
    "media",
    [
        {"sticker": STICKER},
        {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}},
        {"document": {"file_id": "d", "file_unique_id": "d"}},
        {"location": {"latitude": 41.8, "longitude": 123.4}},
    ],
    ids=["sticker", "photo", "voice", "document", "location"],
)
async def test_non_text_gets_the_non_text_message_and_nothing_is_fetched(
    h: Harness, media: dict[str, Any]
) -> None:
    await h.say(11, None, **media)
    assert h.texts() == ["message non_text"]
    methods = {m for m, _ in h.request.calls}
    assert "getFile" not in methods
    assert h.brain.questions == []


async def test_edited_messages_are_ignored(h: Harness) -> None:
    payload = make_message(0, 11, "举报电话多少")
    await h.feed({"edited_message": {**payload["message"], "edit_date": 1}})
    assert h.sends() == []


# -- buttons -----------------------------------------------------------------------------


async def test_button_press_answers_topic_and_the_callback(h: Harness) -> None:
    await h.feed(make_callback(11, "t:mail"))
    assert len(h.request.made("answerCallbackQuery")) == 1
    assert "text" not in h.request.made("answerCallbackQuery")[0]
    assert h.texts() == ["topic mail zh"]
    assert h.sends()[0]["chat_id"] == 11


async def test_button_from_an_english_reply_answers_in_english(h: Harness) -> None:
    await h.feed(make_callback(11, "t:hours:en"))
    assert h.brain.topics == [("hours", "en")]


@pytest.mark.parametrize("data", ["t:removed_topic", "bogus", "t:", "t:phone:fr"])
async def test_stale_or_foreign_button_is_acknowledged_without_a_message(
    h: Harness, data: str
) -> None:
    await h.feed(make_callback(11, data))
    (answer,) = h.request.made("answerCallbackQuery")
    assert answer["text"] == handlers.STALE_BUTTON
    assert h.sends() == []


# -- groups ------------------------------------------------------------------------------


async def test_group_chatter_is_ignored(h: Harness) -> None:
    await h.say(11, "今天电话打不通啊", chat_id=GROUP, chat_type="supergroup")
    await h.say(12, "@someone 你知道巡视组电话吗", chat_id=GROUP, chat_type="group")
    await h.say(
        13,
        None,
        chat_id=GROUP,
        chat_type="supergroup",
        voice={"file_id": "v", "file_unique_id": "v", "duration": 1},
    )
    assert h.brain.questions == []
    assert h.sends() == []


async def test_group_mention_is_answered_as_a_reply_without_the_mention(h: Harness) -> None:
    text, entities = mention("电话多少")
    asked = await h.say(11, text, chat_id=GROUP, chat_type="supergroup", entities=entities)
    assert h.brain.questions == ["电话多少"]
    (sent,) = h.sends()
    assert sent["chat_id"] == GROUP
    assert sent["reply_parameters"]["message_id"] == asked
    assert sent["reply_parameters"]["allow_sending_without_reply"] is True


async def test_group_mention_of_another_bot_is_ignored(h: Harness) -> None:
    text, entities = mention("电话多少", username="some_other_bot")
    await h.say(11, text, chat_id=GROUP, chat_type="supergroup", entities=entities)
    assert h.sends() == []


async def test_group_text_mention_of_the_bot_is_answered(h: Harness) -> None:
    entities = [
        {
            "type": "text_mention",
            "offset": 0,
            "length": 2,
            "user": {"id": BOT_ID, "is_bot": True, "first_name": "bot"},
        }
    ]
    await h.say(11, "机器 电话多少", chat_id=GROUP, chat_type="group", entities=entities)
    assert len(h.sends()) == 1


async def test_group_reply_to_the_bot_is_answered(h: Harness) -> None:
    await h.say(11, "那电话呢", chat_id=GROUP, chat_type="supergroup", reply_to_bot=True)
    assert h.brain.questions == ["那电话呢"]
    assert len(h.sends()) == 1


async def test_group_commands_for_this_bot_are_answered_for_others_not(h: Harness) -> None:
    await h.say(11, f"/phone@{BOT_USERNAME}", chat_id=GROUP, chat_type="supergroup")
    await h.say(11, "/phone@some_other_bot", chat_id=GROUP, chat_type="supergroup")
    await h.say(11, "/whatever", chat_id=GROUP, chat_type="supergroup")
    # A bare command is for every bot in the group (Telegram delivers it as such).
    await h.say(11, "/mail", chat_id=GROUP, chat_type="supergroup")
    assert h.texts() == ["topic phone zh", "topic mail zh"]
    assert {s["chat_id"] for s in h.sends()} == {GROUP}


# -- long replies ------------------------------------------------------------------------


async def test_long_reply_is_split_never_cut_and_buttons_go_last(h: Harness) -> None:
    paragraph = "巡视组受理来信来电来访<&>。" * 40 + "\n\n"
    h.brain.reply_text = paragraph * 16  # 9,632 characters, 602 per paragraph
    await h.say(11, "很长")
    sends = h.sends()
    assert len(sends) == 3
    texts = [html.unescape(s["text"]) for s in sends]
    assert all(len(t) <= 4096 for t in texts)
    assert "".join(texts) == h.brain.reply_text
    assert all(t.endswith("\n\n") for t in texts[:-1])  # cut between paragraphs


# -- admin -------------------------------------------------------------------------------


async def test_admin_commands_work_for_admin_ids(h: Harness) -> None:
    await h.say(ADMIN, "/reload")
    await h.say(ADMIN, "/stats")
    assert h.live.reloads == 1
    reload_text, stats_text = h.texts()
    assert "FAQ <reloaded>" in reload_text
    assert stats_text.startswith("回复总数:")
    assert "&lt;ok&gt;" in h.sends()[1]["text"]


async def test_admin_commands_check_the_numeric_id_not_the_name(h: Harness) -> None:
    # Same display name and a username, different id: not an admin.
    await h.say(ADMIN + 1, "/reload", username="admin")
    await h.say(ADMIN + 1, "/stats", username="admin")
    assert h.live.reloads == 0
    assert h.texts() == ["message help", "message help"]  # as if the command did not exist


async def test_admin_commands_are_not_run_in_groups(h: Harness) -> None:
    await h.say(ADMIN, f"/stats@{BOT_USERNAME}", chat_id=GROUP, chat_type="supergroup")
    assert h.sends() == []


# -- flood control -----------------------------------------------------------------------


async def test_flooding_user_gets_one_notice_then_silence(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    flooder, other = 5551234, 5559876
    limit = FloodGate().limit
    with caplog.at_level(logging.DEBUG):
        for _ in range(limit + 5):
            await h.say(flooder, "电话")
        await h.say(other, "电话")  # someone else is not affected
    texts = h.texts()
    assert texts.count(handlers.FLOOD_NOTICE) == 1
    assert len(h.brain.questions) == limit + 1
    assert [s["chat_id"] for s in h.sends()].count(flooder) == limit + 1
    assert h.sends()[-1]["chat_id"] == other
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot."))
    assert "flood control" in ours
    assert str(flooder) not in ours  # a keyed hash stands in for the id


async def test_flooded_button_presses_are_acknowledged_quietly(h: Harness) -> None:
    for _ in range(FloodGate().limit + 3):
        await h.feed(make_callback(11, "t:mail"))
    answers = h.request.made("answerCallbackQuery")
    assert len(answers) == FloodGate().limit + 3  # every spinner is stopped
    assert [a.get("text") for a in answers].count(handlers.FLOOD_NOTICE) == 1
    assert len(h.sends()) == FloodGate().limit


# -- errors ------------------------------------------------------------------------------


async def test_handler_failure_logs_type_and_update_id_only_and_apologises(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h.brain.fail = RuntimeError("举报张三的内容")
    with caplog.at_level(logging.DEBUG):
        await h.say(11, "举报张三的内容")
    assert h.texts() == [handlers.APOLOGY]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged
    assert "update 1 failed" in logged
    assert "张三" not in caplog.text
    assert all(r.exc_info is None for r in caplog.records if r.name.startswith("bot."))


async def test_send_failure_that_retries_cannot_fix_is_reported_not_retried(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h.request.fail("sendMessage", BadRequest("message is too long"))
    with caplog.at_level(logging.INFO):
        await h.say(11, "电话")
    attempts = h.request.made("sendMessage")
    # the reply (refused, not retried) and then the apology
    assert [html.unescape(a["text"]) for a in attempts][-1] == handlers.APOLOGY
    assert len(attempts) == 2
    assert "BadRequest" in caplog.text


# -- start-up ----------------------------------------------------------------------------


async def test_post_init_registers_commands_with_chinese_descriptions(h: Harness) -> None:
    await h.app.post_init(h.app)
    await h.app.post_stop(h.app)  # stops the FAQ watcher again
    (params,) = h.request.made("setMyCommands")
    commands = {c["command"]: c["description"] for c in params["commands"]}
    assert set(commands) == {"start", "help", "phone", "mail", "hours", "period", "scope"}
    assert commands["phone"] == "值班电话"  # the FAQ's title
    assert commands["scope"] == "受理什么问题"  # fallback: scope_what is not in this menu
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in d) for d in commands.values())
