"""What the handlers need besides Telegram: the brain, the answer pool, flood control,
counters, admins.

One Services object lives in `application.bot_data["services"]`. Handlers reach the FAQ
only through `Services.brain`, which asks the live holder for its current Brain each time,
so a reloaded FAQ takes effect from the next message on. With several campaigns (FAQ_PATH
lists several), `Services.chats` picks the one a question is about and remembers each
chat's choice for a while, in memory only.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from telegram.ext import ContextTypes

from bot.campaigns import Campaigns, Chats
from bot.reply import Reply
from bot.tg.flood import FloodGate
from bot.tg.worker import AnswerPool

if TYPE_CHECKING:
    from bot.answer import Brain
    from bot.knowledge import Knowledge
    from bot.live import ReloadResult

log = logging.getLogger(__name__)

KEY = "services"


class BrainSource(Protocol):
    """bot.live.LiveBrain, or anything with its shape (tests use a fixed brain)."""

    @property
    def current(self) -> Brain: ...

    @property
    def history(self) -> Sequence[ReloadResult]: ...

    def reload(self) -> ReloadResult: ...

    def poll(self) -> ReloadResult | None: ...


class StatsSink(Protocol):
    def record(self, reply: Reply) -> None: ...

    def summary(self, history: Sequence[ReloadResult] = ..., now: datetime | None = ...) -> str: ...


class UnansweredSink(Protocol):
    def maybe_record(self, text: str, reply: Reply, knowledge: Knowledge) -> bool: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    live: BrainSource
    stats: StatsSink
    flood: FloodGate = field(default_factory=FloodGate)
    answers: AnswerPool = field(default_factory=AnswerPool)
    admin_ids: frozenset[int] = frozenset()
    unanswered: UnansweredSink | None = None
    clock: Callable[[], datetime] = utc_now
    others: Sequence[BrainSource] = ()  # the further campaigns, when FAQ_PATH lists several
    _reload_lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)
    chats: Chats | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.others:
            self.chats = Chats(Campaigns([self.live, *self.others]))

    @property
    def brain(self) -> Brain:
        return self.live.current

    @property
    def lives(self) -> tuple[BrainSource, ...]:
        return (self.live, *self.others)

    def observe(self, reply: Reply, question: str | None = None) -> None:
        """Count a reply; offer a typed question to the (opt-in, scrubbing) unanswered log."""
        self.stats.record(reply)
        if question is not None and self.unanswered is not None:
            self.unanswered.maybe_record(question, reply, self._brain_of(reply).knowledge)

    def answer(self, question: str, now: datetime, chat_id: int | None = None) -> Reply:
        """The reply to a typed question, counted and offered to the unanswered log. CPU
        work (scrubbing included), so handlers run it in the answer pool; the stats, the
        log and the chat choices take their own locks."""
        if self.chats is None:
            reply = self.brain.answer(question, now)
        else:
            reply = self.chats.answer(chat_id, question, now)
        self.observe(reply, question)
        return reply

    def topic(self, topic: str, now: datetime, chat_id: int | None, lang: str = "zh") -> Reply:
        """A command's or a button's topic, from the chat's campaign (asked for if unknown)."""
        if self.chats is None:
            return self.brain.topic(topic, now, lang)
        return self.chats.topic(chat_id, topic, now, lang)

    def greeting(self, now: datetime) -> Reply:
        if self.chats is None:
            return self.brain.message("greeting", now)
        return self.chats.greeting(now)

    def choose(self, chat_id: int, campaign_id: str, now: datetime) -> Reply | None:
        """A campaign button pressed: remember it, and answer the question that waited."""
        return None if self.chats is None else self.chats.choose(chat_id, campaign_id, now)

    def _brain_of(self, reply: Reply) -> Brain:
        campaign = self.chats.campaigns.get(reply.campaign) if self.chats else None
        return campaign.brain if campaign is not None else self.brain

    async def reload(self) -> ReloadResult:
        """Reload every campaign, each on its own; the first one's result is returned
        after the others' problems (a broken one keeps its last good version)."""
        async with self._reload_lock:
            results = [await asyncio.to_thread(live.reload) for live in self.lives]
        return _combined(results)

    async def poll(self) -> ReloadResult | None:
        async with self._reload_lock:
            results = [await asyncio.to_thread(live.poll) for live in self.lives]
        done = [r for r in results if r is not None]
        return _combined(done) if done else None

    async def watch(self, interval: float = 2.0) -> None:
        """Reload the FAQ whenever its file changes; runs until cancelled."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.poll()  # LiveBrain logs what it did
            except Exception as exc:  # the watcher must outlive a bad edit
                log.error("FAQ watch failed: %s", type(exc).__name__)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    svc = context.bot_data[KEY]
    assert isinstance(svc, Services)
    return svc


def _combined(results: Sequence[ReloadResult]) -> ReloadResult:
    """One result for several campaigns' reloads: ok only if all are, changed if any is."""
    if len(results) == 1:
        return results[0]
    message = "\n".join(r.message for r in results if r.message)
    return replace(
        results[0],
        ok=all(r.ok for r in results),
        changed=any(r.changed for r in results),
        message=message,
    )
