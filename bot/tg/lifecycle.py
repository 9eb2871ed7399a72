"""Start and stop the Application around a server of our own, as `run_polling` does.

python-telegram-bot's `run_polling`/`run_webhook` drive its Updater, which confirms
updates before they are handled (polling) or buffers any body before checking the secret
(webhook). The bot uses `Application.builder().updater(None)` and its own servers
(bot/tg/polling.py, bot/tg/webhook.py); this module keeps the library's order around them:

    initialize (getMe, retried) → post_init → start → serve until the stop event,
    then drain → stop → post_stop → shutdown → post_shutdown

and the one retry policy both servers use for Bot API calls that must eventually succeed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application

from bot.tg.pacing import retry_after_seconds

log = logging.getLogger(__name__)

MAX_BACKOFF = 30.0


class Serve(Protocol):
    """Receive updates until `stop` is set, then finish what is in hand and return."""

    def __call__(self, app: Application, stop: asyncio.Event) -> Awaitable[None]: ...


def retry_delay(exc: TelegramError, previous: float) -> float:
    """Seconds to wait before calling again after `exc`; `previous` is the last wait.

    429 waits what Telegram asks; a timeout retries at once (a long poll that found
    nothing); 409 (another instance polling), 5xx and network errors back off 1, 2, 4 … 30 s.
    An invalid token is not retried: it is raised, and the bot stops."""
    if isinstance(exc, InvalidToken):
        raise exc
    if isinstance(exc, RetryAfter):
        return retry_after_seconds(exc) + 0.5
    if isinstance(exc, TimedOut):
        return 0.0
    return min(MAX_BACKOFF, max(1.0, previous * 2))


def log_retry(what: str, exc: TelegramError, delay: float) -> None:
    # A timeout or a 409 is routine on a long poll; the type only: an error's text can
    # quote the request.
    level = logging.INFO if isinstance(exc, TimedOut | Conflict) else logging.WARNING
    log.log(level, "%s failed (%s); trying again in %.1f s", what, type(exc).__name__, delay)


async def sleep_unless(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep `seconds`, or less if `stop` is set meanwhile; True if it was."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
    return stop.is_set()


async def persist(action: Callable[[], Awaitable[object]], what: str, stop: asyncio.Event) -> bool:
    """Call `action` until it succeeds (True) or `stop` is set (False)."""
    delay = 0.0
    while not stop.is_set():
        call = asyncio.ensure_future(action())
        halt = asyncio.ensure_future(stop.wait())
        await asyncio.wait((call, halt), return_when=asyncio.FIRST_COMPLETED)
        halt.cancel()
        if not call.done():
            call.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await call
            return False
        try:
            call.result()
            return True
        except TelegramError as exc:
            delay = retry_delay(exc, delay)
            log_retry(what, exc, delay)
        if await sleep_unless(stop, delay):
            return False
    return False


async def run_app(app: Application, serve: Serve, stop: asyncio.Event) -> None:
    """The Application's whole life around `serve`; returns once everything is shut down."""
    if not await persist(app.initialize, "initialize (getMe)", stop):
        return  # stopped before Telegram ever answered
    try:
        if app.post_init is not None:
            await app.post_init(app)
        if stop.is_set():
            return
        await app.start()
        try:
            await serve(app, stop)
        finally:
            await app.stop()
            if app.post_stop is not None:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
