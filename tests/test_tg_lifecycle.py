"""The Application's life around our own servers: the library's order of hooks, retries at
start-up, and an invalid token that stops everything."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from telegram.error import InvalidToken, NetworkError, RetryAfter, TimedOut

from bot.tg import lifecycle

# RetryAfter's own constructor warns about its retry_after type (PTB 22.2+).
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


class StubApp:
    """Records the calls run_app makes, in order; `initialize` fails `failures` times."""

    def __init__(self, failures: list[Exception] | None = None) -> None:
        self.calls: list[str] = []
        self.failures = list(failures or [])
        self.post_init = self._hook("post_init")
        self.post_stop = self._hook("post_stop")
        self.post_shutdown = self._hook("post_shutdown")

    def _hook(self, name: str) -> Any:
        async def hook(app: object) -> None:
            assert app is self
            self.calls.append(name)

        return hook

    async def initialize(self) -> None:
        self.calls.append("initialize")
        if self.failures:
            raise self.failures.pop(0)

    async def start(self) -> None:
        self.calls.append("start")

    async def stop(self) -> None:
        self.calls.append("stop")

    async def shutdown(self) -> None:
        self.calls.append("shutdown")


async def test_hooks_run_in_the_librarys_order_around_the_server() -> None:
    app, stop = StubApp(), asyncio.Event()

    async def serve(a: Any, s: asyncio.Event) -> None:
        app.calls.append("serve")
        s.set()  # as if SIGTERM came
        await s.wait()
        app.calls.append("drained")

    await lifecycle.run_app(app, serve, stop)  # type: ignore[arg-type]
    assert app.calls == [
        "initialize",
        "post_init",
        "start",
        "serve",
        "drained",
        "stop",
        "post_stop",
        "shutdown",
        "post_shutdown",
    ]


async def test_start_up_rides_out_timeouts_and_flood_waits() -> None:
    app = StubApp([TimedOut(), RetryAfter(dt.timedelta(0))])
    stop = asyncio.Event()

    async def serve(a: Any, s: asyncio.Event) -> None:
        app.calls.append("serve")

    await lifecycle.run_app(app, serve, stop)  # type: ignore[arg-type]
    assert app.calls[:4] == ["initialize", "initialize", "initialize", "post_init"]
    assert "serve" in app.calls


async def test_a_stop_during_start_up_retries_ends_without_serving() -> None:
    app = StubApp([NetworkError("down")] * 100)
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(0.2, stop.set)  # during the 1 s backoff

    async def serve(a: Any, s: asyncio.Event) -> None:
        raise AssertionError("must not serve")

    await asyncio.wait_for(lifecycle.run_app(app, serve, stop), 10)  # type: ignore[arg-type]
    assert app.calls == ["initialize"]


async def test_an_invalid_token_is_not_retried() -> None:
    app = StubApp([InvalidToken("rejected")])

    async def serve(a: Any, s: asyncio.Event) -> None:
        raise AssertionError("must not serve")

    with pytest.raises(InvalidToken):
        await lifecycle.run_app(app, serve, asyncio.Event())  # type: ignore[arg-type]
    assert app.calls == ["initialize"]


def test_backoff_grows_to_thirty_seconds_and_honours_retry_after() -> None:
    delays = [0.0]
    for _ in range(7):
        delays.append(lifecycle.retry_delay(NetworkError("502"), delays[-1]))
    assert delays[1:] == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    assert lifecycle.retry_delay(RetryAfter(dt.timedelta(seconds=3)), 0.0) == 3.5
    assert lifecycle.retry_delay(TimedOut(), 8.0) == 0.0
