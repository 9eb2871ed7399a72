"""One user cannot stall the others: answers run off the event loop, one chat at a time.

The slow brain below blocks inside `answer` until the test lets it go, so the tests prove
who was answered while it was still busy, with no timing assumptions. Its wait has a
timeout only so that a regression fails the test instead of hanging it."""

from __future__ import annotations

import asyncio
import html
import threading
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import pytest
from fakeapi import RecordingRequest, make_message, mention
from telegram import Update
from test_tg_handlers import NOW, TOKEN, FakeBrain, FakeLive, FakeStats

from bot.reply import Reply
from bot.settings import Settings
from bot.tg import handlers
from bot.tg.app import build_application
from bot.tg.services import Services
from bot.tg.worker import PER_GROUP, PER_USER, AnswerPool

SLOW, FAST = 6100001, 6100002
GIVE_UP = 10.0  # a blocked loop would keep the slow brain waiting this long


class SlowBrain(FakeBrain):
    """Blocks on a question starting with 慢 until `release` is set (as a crafted 4,096-
    character message once kept the CPU busy for seconds)."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.started = threading.Event()

    def answer(self, text: str, now: datetime, *, holdout: bool = False) -> Reply:
        if text.startswith("慢"):
            self.started.set()
            self.release.wait(GIVE_UP)
            return Reply(f"slow {text}", "faq", ("phone",), 1.0)
        return Reply(f"fast {text}", "faq", ("phone",), 1.0)


class Bot:
    def __init__(self, app: object, request: RecordingRequest, brain: SlowBrain) -> None:
        self.app, self.request, self.brain = app, request, brain
        self._ids = iter(range(1, 10_000))

    def say(self, user: int, text: str, **kw: Any) -> asyncio.Task[None]:
        """Start processing one message; the task ends when it is handled."""
        n = next(self._ids)
        payload = {"update_id": n, **make_message(n, user, text, **kw)}
        update = Update.de_json(payload, self.app.bot)  # type: ignore[attr-defined]
        return asyncio.create_task(self.app.process_update(update))  # type: ignore[attr-defined]

    def texts_to(self, chat: int) -> list[str]:
        return [
            html.unescape(p["text"])
            for p in self.request.made("sendMessage")
            if p["chat_id"] == chat
        ]


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    request, brain = RecordingRequest(), SlowBrain()
    svc = Services(live=FakeLive(brain), stats=FakeStats(), clock=lambda: NOW)
    app = build_application(Settings(token=TOKEN), svc, request=request)
    await app.initialize()
    yield Bot(app, request, brain)
    brain.release.set()
    await app.shutdown()
    svc.answers.shutdown()


async def started(brain: SlowBrain) -> None:
    assert await asyncio.to_thread(brain.started.wait, GIVE_UP)


async def test_a_slow_answer_does_not_hold_up_another_users_reply(bot: Bot) -> None:
    slow = bot.say(SLOW, "慢" * 4000)
    await started(bot.brain)
    fast = bot.say(FAST, "电话多少")
    await asyncio.wait_for(fast, GIVE_UP)
    # The other user is answered while the slow answer is still being worked out.
    assert bot.texts_to(FAST) == ["fast 电话多少"]
    assert not bot.brain.release.is_set()
    assert bot.texts_to(SLOW) == []
    bot.brain.release.set()
    await asyncio.wait_for(slow, GIVE_UP)
    assert bot.texts_to(SLOW) == ["slow " + "慢" * 4000]


async def test_replies_to_one_chat_keep_their_order(bot: Bot) -> None:
    first = bot.say(SLOW, "慢的问题")
    await started(bot.brain)
    second = bot.say(SLOW, "快的问题")
    third = bot.say(SLOW, "/phone")
    await asyncio.sleep(0)  # let the later ones reach the lane
    assert bot.texts_to(SLOW) == []  # they wait behind the first
    bot.brain.release.set()
    await asyncio.wait_for(asyncio.gather(first, second, third), GIVE_UP)
    assert bot.texts_to(SLOW) == ["slow 慢的问题", "fast 快的问题", "topic phone zh"]


async def test_one_account_cannot_queue_work_faster_than_it_is_done(bot: Bot) -> None:
    tasks = [bot.say(SLOW, f"慢{i}") for i in range(PER_USER + 3)]
    await started(bot.brain)
    for _ in range(5):
        await asyncio.sleep(0)
    # Beyond PER_USER in hand: one flood notice, then silence; nobody else is affected.
    assert bot.texts_to(SLOW) == [handlers.FLOOD_NOTICE]
    fast = bot.say(FAST, "电话")
    await asyncio.wait_for(fast, GIVE_UP)
    assert bot.texts_to(FAST) == ["fast 电话"]
    bot.brain.release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), GIVE_UP)
    answered = bot.texts_to(SLOW)[1:]
    assert answered == [f"slow 慢{i}" for i in range(PER_USER)]


async def test_a_group_with_its_hands_full_leaves_more_unanswered(bot: Bot) -> None:
    group = -1006100000
    text, entities = mention("慢")
    members = [6100100 + i for i in range(PER_GROUP + 2)]
    tasks = [
        bot.say(m, text, chat_id=group, chat_type="supergroup", entities=entities) for m in members
    ]
    await started(bot.brain)
    for _ in range(5):
        await asyncio.sleep(0)
    bot.brain.release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), GIVE_UP)
    replies = bot.texts_to(group)
    assert replies == ["slow 慢"] * PER_GROUP  # the rest unanswered, and no notice
    # Nobody was silenced for it: the last member is answered next time.
    await asyncio.wait_for(
        bot.say(members[-1], text, chat_id=group, chat_type="supergroup", entities=entities),
        GIVE_UP,
    )
    assert len(bot.texts_to(group)) == PER_GROUP + 1


async def test_the_pool_forgets_chats_and_users_once_their_messages_are_handled() -> None:
    pool = AnswerPool(workers=1, per_user=2, per_group=2)

    async def hold(chat: int, user: int, until: asyncio.Event) -> None:
        async with pool.lane(chat, user):
            await until.wait()

    done = asyncio.Event()
    holders = [
        asyncio.create_task(hold(-5, 1, done)),
        asyncio.create_task(hold(-5, 2, done)),  # waits behind the first
        asyncio.create_task(hold(1, 1, done)),  # another chat: runs at once
    ]
    await asyncio.sleep(0)
    assert pool.group_crowded(-5) and pool.user_crowded(1) and not pool.user_crowded(2)
    assert pool.in_hand() == 3
    assert await pool.run(sum, [1, 2, 3]) == 6
    done.set()
    await asyncio.wait_for(asyncio.gather(*holders), GIVE_UP)
    assert pool.in_hand() == 0 and not pool.group_crowded(-5) and not pool.user_crowded(1)
    pool.shutdown()
