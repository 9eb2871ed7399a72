"""What the handlers need besides Telegram: the brain, the answer pool, flood control,
counters, admins.

One Services object lives in `application.bot_data["services"]`. Handlers reach the FAQ
only through `Services.brain`, which asks the live holder for its current Brain each time,
so a reloaded FAQ takes effect from the next message on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from telegram.ext import ContextTypes

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
    _reload_lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @property
    def brain(self) -> Brain:
        return self.live.current

    def observe(self, reply: Reply, question: str | None = None) -> None:
        """Count a reply; offer a typed question to the (opt-in, scrubbing) unanswered log."""
        self.stats.record(reply)
        if question is not None and self.unanswered is not None:
            self.unanswered.maybe_record(question, reply, self.brain.knowledge)

    def answer(self, question: str, now: datetime) -> Reply:
        """The current brain's reply to a typed question, counted and offered to the
        unanswered log. CPU work (scrubbing included), so handlers run it in the answer
        pool; the stats and the log take their own locks."""
        reply = self.brain.answer(question, now)
        self.observe(reply, question)
        return reply

    async def reload(self) -> ReloadResult:
        # Checking a new FAQ takes a while: do it off the event loop, one at a time.
        async with self._reload_lock:
            return await asyncio.to_thread(self.live.reload)

    async def poll(self) -> ReloadResult | None:
        async with self._reload_lock:
            return await asyncio.to_thread(self.live.poll)

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
