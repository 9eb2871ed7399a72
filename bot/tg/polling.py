"""Long polling that confirms to Telegram only the updates that have been handled.

Telegram forgets an update once getUpdates is called with an offset above its id. The
library's Updater sends that offset as soon as it has *fetched* a batch, and queues the
batch without bound: a crash or a container stop then loses every update fetched but not
yet answered, and a backlog of 20,000 sits in memory.

Here the offset sent is always the smallest update id still in hand, so Telegram keeps
(and redelivers after a restart) everything not yet handled. "Handled" means
`Application.process_update` returned: the reply was sent, or it failed for good and the
error handler ran. An example, with ids 7 8 9 in hand and 8 finished first:

    in hand: 7 (running) 8 (done) 9 (running)   → offset 7: nothing confirmed yet
    7 finishes                                  → offset 9: 7 and 8 confirmed
    9 finishes                                  → offset 10

Because Telegram answers from that offset, a response starts with the updates already in
hand; they are skipped, and only the ones after them are new. So at most `capacity`
updates (Telegram's getUpdates limit is 100) are held from the oldest unhandled one on,
and `limit=capacity` asks for exactly the free room behind them. When all of those are
in hand, nothing more is fetched until the oldest finishes.

On the stop signal fetching ends at once, what is in hand gets `drain` seconds to finish,
and one last getUpdates (limit 1, timeout 0) confirms what was handled. Anything else is
left unconfirmed, for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import Application
from telegram.warnings import PTBUserWarning

from bot.tg.lifecycle import log_retry, persist, retry_delay, sleep_unless

log = logging.getLogger(__name__)

CAPACITY = 100  # updates held at once; getUpdates returns at most 100
LONG_POLL = 10  # seconds Telegram may hold getUpdates open when nothing is in hand
# While updates are in hand Telegram answers getUpdates at once (with them), so new ones
# are looked for when one finishes, at most every MIN_GAP and at least every BUSY_POLL s.
MIN_GAP = 0.05
BUSY_POLL = 0.5
DRAIN = 7.5  # seconds in-flight updates get after SIGTERM: exit well within Docker's 10 s
READ_GRACE = 10.0  # read timeout beyond the long poll itself
CONFIRM_TIMEOUT = 1.0  # the last confirming call must not hold up the exit

# The raw call is deliberate (see `Poller._fetch`); the library suggests get_updates.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning)


@dataclass
class Ledger:
    """Which fetched updates are handled, and the offset that confirms only those."""

    _open: set[int] = field(default_factory=set)  # fetched, not yet handled
    _done: set[int] = field(default_factory=set)  # handled, behind an open one
    _next: int | None = None  # one past the highest id fetched

    @property
    def offset(self) -> int | None:
        """The getUpdates offset to send; None before anything was fetched."""
        return min(self._open) if self._open else self._next

    @property
    def in_hand(self) -> int:
        """Updates from the offset on that Telegram will return again before new ones."""
        return len(self._open) + len(self._done)

    @property
    def running(self) -> int:
        return len(self._open)

    def take(self, ids: Iterable[int]) -> list[int]:
        """Record a getUpdates response; returns the ids not seen before, in order."""
        new = sorted(i for i in ids if self._next is None or i >= self._next)
        if new:
            self._open.update(new)
            self._next = new[-1] + 1
        return new

    def finish(self, update_id: int) -> None:
        self._open.discard(update_id)
        self._done.add(update_id)
        offset = self.offset
        if offset is not None:
            self._done = {i for i in self._done if i >= offset}


class Poller:
    """The `Serve` for polling mode (see bot/tg/lifecycle.py)."""

    def __init__(
        self,
        allowed_updates: Sequence[str],
        *,
        capacity: int = CAPACITY,
        long_poll: int = LONG_POLL,
        drain: float = DRAIN,
    ) -> None:
        if not 1 <= capacity <= 100:
            raise ValueError("capacity must be 1-100 (Telegram's getUpdates limit)")
        self.allowed_updates = list(allowed_updates)
        self.capacity, self.long_poll, self.drain = capacity, long_poll, drain
        self.ledger = Ledger()
        self._tasks: set[asyncio.Task[None]] = set()
        self._progress = asyncio.Event()
        self._sent_offset: int | None = None  # the last offset Telegram saw

    async def __call__(self, app: Application, stop: asyncio.Event) -> None:
        # As the Updater's bootstrap: a webhook left set would make getUpdates fail (409).
        if not await persist(app.bot.delete_webhook, "deleteWebhook", stop):
            return
        fetcher = asyncio.create_task(self._fetch_loop(app, stop), name="poller")
        stopped = asyncio.create_task(stop.wait())
        # The fetcher ends by itself only on an error that retrying cannot fix.
        await asyncio.wait((fetcher, stopped), return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        fetcher.cancel()
        try:
            with contextlib.suppress(asyncio.CancelledError):
                await fetcher
        finally:
            await self._drain()
            await self._confirm(app.bot)

    # -- fetching --------------------------------------------------------------------------

    async def _fetch_loop(self, app: Application, stop: asyncio.Event) -> None:
        delay = 0.0
        while not stop.is_set():
            if self.ledger.in_hand >= self.capacity:
                await self._settle(None)  # full: wait for the oldest to finish
                continue
            try:
                raw = await self._fetch(app.bot)
            except TelegramError as exc:
                delay = retry_delay(exc, delay)
                log_retry("getUpdates", exc, delay)
                await sleep_unless(stop, delay)
                continue
            delay = 0.0
            new = self._start(app, raw)
            if self.ledger.in_hand:
                await asyncio.sleep(MIN_GAP)
                if not new or self.ledger.in_hand >= self.capacity:
                    await self._settle(BUSY_POLL)

    async def _fetch(self, bot: Bot) -> list[dict[str, Any]]:
        """One getUpdates call, raw: each update is parsed on its own, so one that the
        library cannot read is skipped (and confirmed) instead of failing the batch, and
        its contents are never logged (Bot.get_updates logs the batch at CRITICAL)."""
        idle = self.ledger.in_hand == 0
        timeout = self.long_poll if idle else 0
        params: dict[str, Any] = {
            "timeout": timeout,
            "limit": self.capacity,
            "allowed_updates": self.allowed_updates,
        }
        offset = self.ledger.offset
        if offset is not None:
            params["offset"] = offset
        result = await bot.do_api_request(
            "getUpdates", api_kwargs=params, read_timeout=timeout + READ_GRACE
        )
        self._sent_offset = offset
        if not isinstance(result, list):
            return []
        return [u for u in result if isinstance(u, dict) and isinstance(u.get("update_id"), int)]

    def _start(self, app: Application, raw: list[dict[str, Any]]) -> list[int]:
        by_id = {u["update_id"]: u for u in raw}
        new = self.ledger.take(by_id)
        for update_id in new:
            task = asyncio.create_task(self._handle(app, update_id, by_id[update_id]))
            self._tasks.add(task)
            task.add_done_callback(self._finished(update_id))
        return new

    async def _settle(self, timeout: float | None) -> None:
        """Wait until an update finishes (or `timeout`)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._progress.wait(), timeout)
        self._progress.clear()

    # -- handling --------------------------------------------------------------------------

    @staticmethod
    async def _handle(app: Application, update_id: int, raw: dict[str, Any]) -> None:
        try:
            update = Update.de_json(raw, app.bot)
        except Exception as exc:
            # Nothing of it is logged: it is a user's message. It will never parse, so it
            # counts as handled (and is confirmed) rather than redelivered for ever.
            log.error("update %s could not be read: %s", update_id, type(exc).__name__)
            return
        # Handler errors are caught inside and go to the error handler (an apology).
        await app.process_update(update)

    def _finished(self, update_id: int) -> Any:
        def done(task: asyncio.Task[None]) -> None:
            self._tasks.discard(task)
            if task.cancelled():
                return  # abandoned at the stop: left unconfirmed, delivered again
            if task.exception() is not None:
                log.error("update %s failed: %s", update_id, type(task.exception()).__name__)
            self.ledger.finish(update_id)
            self._progress.set()

        return done

    # -- stopping --------------------------------------------------------------------------

    async def _drain(self) -> None:
        started = time.monotonic()
        pending: set[asyncio.Task[None]] = set()
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=self.drain)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        log.info(
            "stopped polling: in-flight updates finished in %.1f s; %d left unconfirmed "
            "for the next start",
            time.monotonic() - started,
            self.ledger.running,
        )

    async def _confirm(self, bot: Bot) -> None:
        """Tell Telegram what was handled since the last getUpdates. The fetch cancelled at
        the stop may have kept its connection (see get_updates_connection_pool_size in
        bot/tg/app.py), so this call has a second one to itself."""
        offset = self.ledger.offset
        if offset is None or offset == self._sent_offset:
            return
        try:
            await bot.do_api_request(
                "getUpdates",
                api_kwargs={"offset": offset, "limit": 1, "timeout": 0},
                read_timeout=CONFIRM_TIMEOUT,
                connect_timeout=CONFIRM_TIMEOUT,
                pool_timeout=CONFIRM_TIMEOUT,
            )
        except TelegramError as exc:
            # The library wraps every timeout as TimedOut; the cause says which one
            # (PoolTimeout: no free connection; ConnectTimeout, ReadTimeout: the network).
            cause = f": {type(exc.__cause__).__name__}" if exc.__cause__ is not None else ""
            log.warning(
                "could not confirm the handled updates (%s%s); they may come again",
                type(exc).__name__,
                cause,
            )
