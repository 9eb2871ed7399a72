"""Outgoing pacing and retries: a BaseRateLimiter that sends smoothly and never gives up
on a transient failure without trying again.

python-telegram-bot's AIORateLimiter lets 30 messages out at once and then 30 a second; a
server that counts sends in any sliding one-second window sees that first burst as a
flood. Here sends leave one at a time, at least 1/rate seconds apart, and a hard sliding
window also caps them at `per_second` in any second, so even after the event loop stalls
the queued sends cannot bunch up. Group chats also keep Telegram's 20 per minute.

A send that fails with 429 (RetryAfter), a 5xx, a reset connection or a timeout is tried
again with bounded, growing waits; 429 also pauses every other send for its retry_after.
Errors that a retry cannot fix (400, 403, …) go straight back to the caller.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import logging
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]


# Added to every computed gap, so float rounding can never put an event a hair inside the
# window it must have left.
_EPS = 1e-6


class Window:
    """At most `limit` events in any half-open window of `period` seconds, paced `spacing`
    apart. Pure bookkeeping on timestamps, no clock of its own.

    The pace follows an ideal timeline (slot after slot, `spacing` apart) rather than the
    moments events actually happened: a sender that wakes a millisecond late does not push
    every later slot back, which over a 300-message burst would add up to a whole second.
    Late by more than one slot (an idle queue, a stalled loop) starts a fresh timeline
    instead of catching up, and no two events are ever closer than half a slot.
    """

    def __init__(self, limit: int, period: float, spacing: float = 0.0) -> None:
        if limit < 1 or period <= 0 or spacing < 0:
            raise ValueError("window limits must be positive")
        self.limit, self.period, self.spacing = limit, period, spacing
        self._times: deque[float] = deque(maxlen=limit)  # the last `limit` events
        self._slot = 0.0  # ideal time of the last event

    def earliest(self, now: float) -> float:
        """The first moment at or after `now` when one more event is allowed."""
        t = now
        if self._times:
            t = max(t, self._slot + self.spacing, self._times[-1] + self.spacing / 2 + _EPS)
            if len(self._times) == self.limit:
                # The limit-th most recent event must have left the window.
                t = max(t, self._times[0] + self.period + _EPS)
        return t

    def record(self, t: float) -> None:
        due = self._slot + self.spacing
        on_time = bool(self._times) and t - due <= self.spacing
        self._slot = due if on_time else t
        self._times.append(t)

    def last(self) -> float | None:
        return self._times[-1] if self._times else None


@dataclass(slots=True)
class _Group:
    window: Window
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        # PTB 22 warns that retry_after will become a timedelta; both forms are handled.
        warnings.simplefilter("ignore")
        value = exc.retry_after
    if isinstance(value, dtm.timedelta):
        return value.total_seconds()
    return float(value)


def _group_of(chat_id: object) -> int | str | None:
    """Groups and channels have negative ids (or an @username); users positive ones."""
    if isinstance(chat_id, str):
        try:
            chat_id = int(chat_id)
        except ValueError:
            return chat_id
    if isinstance(chat_id, int) and chat_id < 0:
        return chat_id
    return None


class SmoothRateLimiter(BaseRateLimiter[int]):
    """Paces every request that names a chat; retries transient failures of any request.

    `rate_limit_args`, if given to a bot method, overrides `max_retries` for that call.
    """

    def __init__(
        self,
        per_second: int = 29,
        guard: float = 0.02,
        group_per_minute: int = 20,
        max_retries: int = 6,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        max_retry_after: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_groups: int = 2048,
    ) -> None:
        # The spacing makes the pace even; the window holds the cap even when sends were
        # delayed (a stalled event loop) and would otherwise leave back to back.
        # `guard` stretches the second a little: requests reach the server with a few ms of
        # jitter, and the server counts arrivals, not our dispatch times.
        period = 1.0 + guard
        self._overall = Window(per_second, period, spacing=period / per_second)
        self._group_per_minute = group_per_minute
        self._groups: dict[int | str, _Group] = {}
        self._max_groups = max_groups
        self._max_retries = max_retries
        self._backoff, self._max_backoff = backoff, max_backoff
        self._max_retry_after = max_retry_after
        self._clock, self._sleep = clock, sleep
        self._lock = asyncio.Lock()  # binds to the running loop on first use
        self._paused_until = 0.0
        self._deadline: float | None = None

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        self._groups.clear()

    def begin_drain(self, budget: float) -> None:
        """Shutting down: retries that cannot finish within `budget` seconds are given up
        (and reported by the caller) instead of delaying the exit."""
        self._deadline = self._clock() + budget

    # -- pacing ----------------------------------------------------------------------------

    async def _wait_until(self, when: Callable[[float], float]) -> None:
        while True:
            now = self._clock()
            at = when(now)
            if at <= now:
                return
            await self._sleep(at - now)

    def _group(self, group: int | str) -> _Group:
        state = self._groups.get(group)
        if state is None:
            if len(self._groups) >= self._max_groups:
                self._forget_idle_groups()
            state = self._groups[group] = _Group(Window(self._group_per_minute, 60.0))
        return state

    def _forget_idle_groups(self) -> None:
        # A group silent for a whole minute has nothing left in its window.
        horizon = self._clock() - 60.0
        for key, state in list(self._groups.items()):
            last = state.window.last()
            if not state.lock.locked() and (last is None or last <= horizon):
                del self._groups[key]

    async def acquire(self, chat_id: object) -> float:
        """Wait for this chat's turn; returns the moment the send was let out."""
        group = _group_of(chat_id)
        state = self._group(group) if group is not None else None
        # A full group waits on its own lock, so it never holds up other chats.
        async with state.lock if state else contextlib.nullcontext():
            if state is not None:
                await self._wait_until(state.window.earliest)
            async with self._lock:
                await self._wait_until(
                    lambda now: max(self._overall.earliest(now), self._paused_until)
                )
                now = self._clock()
                self._overall.record(now)
                if state is not None:
                    state.window.record(now)
                return now

    # -- retries ---------------------------------------------------------------------------

    def _delay(self, exc: Exception, attempt: int) -> float | None:
        """How long to wait before trying again, or None if a retry cannot help."""
        if isinstance(exc, RetryAfter):
            wait = retry_after_seconds(exc) + 0.1
            if wait > self._max_retry_after:
                return None
            # Telegram's flood wait applies to the bot: hold every other send too.
            self._paused_until = max(self._paused_until, self._clock() + wait)
            return wait
        if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):
            # 5xx, connection reset, timeout (TimedOut is a NetworkError)
            return min(self._backoff * 2**attempt, self._max_backoff)
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        retries = self._max_retries if rate_limit_args is None else rate_limit_args
        chat_id = data.get("chat_id")
        attempt = 0
        while True:
            if chat_id is not None:
                await self.acquire(chat_id)
            try:
                return await callback(*args, **kwargs)
            except (RetryAfter, NetworkError) as exc:
                delay = self._delay(exc, attempt)
                late = self._deadline is not None and self._clock() + (delay or 0) > self._deadline
                if delay is None or attempt >= retries or late:
                    log.error(
                        "%s failed after %d attempt(s): %s",
                        endpoint,
                        attempt + 1,
                        type(exc).__name__,
                    )
                    raise
                attempt += 1
                # The exception text is not logged: it can quote the request.
                log.warning(
                    "%s failed (%s); retry %d/%d in %.1f s",
                    endpoint,
                    type(exc).__name__,
                    attempt,
                    retries,
                    delay,
                )
                await self._sleep(delay)
