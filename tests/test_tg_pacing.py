"""The outgoing pacer and retries, on virtual time: no test here reads the real clock.

The central property: whatever the arrivals and however late the event loop wakes the
senders, no sliding one-second window holds more than `per_second` sends, no group gets
more than 20 in a minute, and a burst leaves evenly spaced rather than all at once."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import random
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from fakeapi import max_in_window
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.tg.pacing import SmoothRateLimiter, Window

# Constructing a RetryAfter makes PTB 22 warn about a future type change; not our concern.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


# -- the window, pure ----------------------------------------------------------------------


@given(
    arrivals=st.lists(st.floats(0, 20, allow_nan=False), min_size=1, max_size=200),
    limit=st.integers(1, 40),
)
def test_window_never_lets_more_than_limit_through_any_period(
    arrivals: list[float], limit: int
) -> None:
    window = Window(limit, 1.0, spacing=1.0 / limit)
    dispatched: list[float] = []
    now = 0.0
    for arrival in sorted(arrivals):
        now = window.earliest(max(now, arrival))
        window.record(now)
        dispatched.append(now)
    assert max_in_window(dispatched, 1.0) <= limit
    gaps = [b - a for a, b in itertools.pairwise(dispatched)]
    assert all(g >= 0.5 / limit for g in gaps)  # never clumped


def test_window_lets_a_burst_out_at_the_full_rate_evenly() -> None:
    window = Window(29, 1.0, spacing=1 / 29)
    now, out = 0.0, []
    for _ in range(300):
        now = window.earliest(now)
        window.record(now)
        out.append(now)
    assert out[-1] == pytest.approx(299 / 29, abs=1e-3)
    assert max_in_window(out, 0.1) <= 3  # no burst anywhere


# -- virtual time for the async limiter ----------------------------------------------------


class VirtualTime:
    """A clock and sleep for the limiter; `run` advances time only when every task waits.

    `oversleep` makes each wake-up late by a random amount, as a busy event loop would."""

    def __init__(self, oversleep: float = 0.0, seed: int = 0) -> None:
        self.now = 0.0
        self._heap: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()
        self._oversleep = oversleep
        self._rng = random.Random(seed)
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        self.sleeps.append(delay)
        late = self._rng.uniform(0, self._oversleep) if self._oversleep else 0.0
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._heap, (self.now + delay + late, next(self._seq), fut))
        await fut

    async def run(self, *coros: Awaitable[Any]) -> list[Any]:
        tasks = [asyncio.ensure_future(c) for c in coros]
        while not all(t.done() for t in tasks):
            for _ in range(30):  # let every runnable task reach its next wait
                await asyncio.sleep(0)
            if all(t.done() for t in tasks):
                break
            if not self._heap:
                raise AssertionError("deadlock: tasks wait but nobody sleeps")
            wake, _, fut = heapq.heappop(self._heap)
            # Wake everything due at the same moment together, as a real loop would.
            self.now = max(self.now, wake)
            fut.set_result(None)
            while self._heap and self._heap[0][0] <= self.now:
                heapq.heappop(self._heap)[2].set_result(None)
        return [t.result() for t in tasks]


GUARD = 0.02
BURST_TIME = 299 * (1 + GUARD) / 29  # 300 sends, 29 per guarded second, evenly


def limiter_on(vt: VirtualTime, **kw: Any) -> SmoothRateLimiter:
    kw.setdefault("per_second", 29)
    kw.setdefault("guard", GUARD)
    return SmoothRateLimiter(clock=vt.clock, sleep=vt.sleep, **kw)


def sender(
    limiter: SmoothRateLimiter,
    vt: VirtualTime,
    log: list[tuple[float, Any]],
    fail: Callable[[int], Exception | None] | None = None,
) -> Callable[[Any, str], Awaitable[Any]]:
    """A send through the limiter whose callback records (virtual time, chat)."""
    attempts: dict[int, int] = {}

    async def send(chat_id: Any, endpoint: str = "sendMessage") -> Any:
        key = id(object())

        async def callback(*args: Any, **kwargs: Any) -> Any:
            attempts[key] = attempts.get(key, 0) + 1
            log.append((vt.now, chat_id))
            error = fail(attempts[key]) if fail else None
            if error is not None:
                raise error
            return True

        data = {"chat_id": chat_id} if chat_id is not None else {}
        return await limiter.process_request(callback, (), {}, endpoint, data, None)

    return send


# -- pacing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("oversleep", [0.0, 0.05, 0.4])
async def test_burst_of_300_users_stays_under_the_limit_in_every_second(oversleep: float) -> None:
    vt = VirtualTime(oversleep=oversleep, seed=3)
    limiter = limiter_on(vt)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log)
    await vt.run(*(send(1000 + i) for i in range(300)))
    times = [t for t, _ in log]
    assert len(times) == 300
    assert max_in_window(times, 1.0) <= 29
    if oversleep == 0.0:
        # Even pacing: the whole burst takes 299 slots and nothing leaves in clumps.
        assert max(times) == pytest.approx(BURST_TIME, abs=1e-3)
        assert max_in_window(times, 0.1) <= 3
    else:
        assert max_in_window(times, 0.1) <= 6
    # Sends leave in arrival order (the lock is fair): first come, first served.
    assert [c for _, c in log] == [1000 + i for i in range(300)]


async def test_late_wakeups_do_not_add_up_over_a_burst() -> None:
    # Every wake-up up to 3 ms late (a busy loop): the slots stay on their timeline, so the
    # burst ends about one wake-up late, not 300 of them.
    vt = VirtualTime(oversleep=0.003, seed=5)
    limiter = limiter_on(vt)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log)
    await vt.run(*(send(1000 + i) for i in range(300)))
    times = [t for t, _ in log]
    assert max(times) < BURST_TIME + 0.05
    assert max_in_window(times, 1.0) <= 29


async def test_group_chats_get_at_most_20_a_minute_without_holding_up_others() -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log)
    group = -100123
    await vt.run(*(send(group) for _ in range(45)), *(send(2000 + i) for i in range(40)))
    group_times = [t for t, c in log if c == group]
    private_times = [t for t, c in log if c != group]
    assert max_in_window(group_times, 60.0) <= 20
    assert max(group_times) >= 120  # the 41st-45th had to wait two minutes
    assert max(private_times) < 5  # …but other chats were not held up behind them
    assert max_in_window([t for t, _ in log], 1.0) <= 29


async def test_requests_without_a_chat_are_not_paced() -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log)
    await vt.run(*(send(None, "answerCallbackQuery") for _ in range(100)))
    assert {t for t, _ in log} == {0.0}


async def test_group_bookkeeping_stays_bounded() -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt, max_groups=50)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log)
    for batch in range(10):
        await vt.run(*(send(-(batch * 100 + i) - 1) for i in range(40)))
        vt.now += 61  # every group falls idle
    assert len(limiter._groups) <= 50 + 40


# -- retries ---------------------------------------------------------------------------------


async def test_retry_after_is_honoured_and_pauses_every_other_send() -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt)
    log: list[tuple[float, Any]] = []
    first = sender(limiter, vt, log, fail=lambda n: RetryAfter(2) if n == 1 else None)
    others = sender(limiter, vt, log)
    results = await vt.run(first(1), *(others(10 + i) for i in range(5)))
    assert results == [True] * 6
    tries_of_first = [t for t, c in log if c == 1]
    assert len(tries_of_first) == 2
    assert tries_of_first[1] >= 2.0
    # Everyone whose turn came after the 429 waited for the flood wait to pass.
    assert all(t >= 2.0 for t, c in log if c != 1 and t > tries_of_first[0])


@pytest.mark.parametrize(
    "error",
    [
        NetworkError("Bad Gateway"),
        TimedOut(),
        NetworkError("httpx.RemoteProtocolError: Server disconnected"),
    ],
)
async def test_transient_failures_are_retried_with_growing_bounded_waits(error: Exception) -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt, max_retries=6, backoff=0.5, max_backoff=4.0)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log, fail=lambda n: error if n <= 5 else None)
    assert await vt.run(send(7)) == [True]
    assert len(log) == 6
    waits = [b - a for (a, _), (b, _) in itertools.pairwise(log)]
    assert waits == pytest.approx([0.5, 1.0, 2.0, 4.0, 4.0])


async def test_a_send_that_keeps_failing_is_raised_not_dropped() -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt, max_retries=3)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log, fail=lambda n: NetworkError("Bad Gateway"))
    with pytest.raises(NetworkError):
        await vt.run(send(7))
    assert len(log) == 4


@pytest.mark.parametrize("error", [BadRequest("can't parse entities"), Forbidden("blocked")])
async def test_errors_a_retry_cannot_fix_are_raised_at_once(error: Exception) -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log, fail=lambda n: error)
    with pytest.raises(type(error)):
        await vt.run(send(7))
    assert len(log) == 1


async def test_an_unreasonable_retry_after_is_not_waited_for() -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt, max_retry_after=60)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log, fail=lambda n: RetryAfter(3600))
    with pytest.raises(RetryAfter):
        await vt.run(send(7))
    assert len(log) == 1
    assert vt.now < 1


async def test_while_draining_retries_stop_at_the_deadline() -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt, max_retries=10, backoff=1.0, max_backoff=8.0)
    limiter.begin_drain(3.0)
    log: list[tuple[float, Any]] = []
    send = sender(limiter, vt, log, fail=lambda n: NetworkError("Bad Gateway"))
    with pytest.raises(NetworkError):
        await vt.run(send(7))
    assert vt.now <= 3.0
    # Tried at 0, 1 and 3; the next wait (4 s) would end past the 3 s deadline.
    assert [t for t, _ in log] == [0.0, 1.0, 3.0]


async def test_rate_limit_args_override_the_retry_count() -> None:
    vt = VirtualTime()
    limiter = limiter_on(vt, max_retries=5)
    calls = 0

    async def callback(*a: Any, **k: Any) -> Any:
        nonlocal calls
        calls += 1
        raise NetworkError("Bad Gateway")

    with pytest.raises(NetworkError):
        await vt.run(limiter.process_request(callback, (), {}, "sendMessage", {"chat_id": 1}, 1))
    assert calls == 2


@settings(max_examples=30, deadline=None)
@given(
    chats=st.lists(st.integers(-5, 40).filter(lambda c: c != 0), min_size=1, max_size=120),
    oversleep=st.sampled_from([0.0, 0.02, 0.3]),
    seed=st.integers(0, 1000),
)
def test_any_mix_of_chats_and_stalls_keeps_both_limits(
    chats: list[int], oversleep: float, seed: int
) -> None:
    async def scenario() -> list[tuple[float, Any]]:
        vt = VirtualTime(oversleep=oversleep, seed=seed)
        limiter = limiter_on(vt)
        log: list[tuple[float, Any]] = []
        send = sender(limiter, vt, log)
        await vt.run(*(send(c) for c in chats))
        return log

    log = asyncio.run(scenario())
    assert len(log) == len(chats)
    assert max_in_window([t for t, _ in log], 1.0) <= 29
    for group in {c for c in chats if c < 0}:
        assert max_in_window([t for t, c in log if c == group], 60.0) <= 20
