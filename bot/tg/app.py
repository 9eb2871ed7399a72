"""`python -m bot run`: settings, logging, the FAQ, the Application, polling or webhook.

Everything that can be wrong with the configuration is found before the first network
call and reported in one line, without a traceback, with exit status 2.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import secrets
import signal
import sys
from pathlib import Path

from telegram import Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder
from telegram.request import BaseRequest

from bot.settings import Settings, SettingsError
from bot.tg import connect, handlers, lifecycle, logsetup
from bot.tg.flood import FloodGate
from bot.tg.pacing import SmoothRateLimiter
from bot.tg.polling import Poller
from bot.tg.services import KEY, Services

log = logging.getLogger(__name__)

# Only what the handlers use: no edits, channel posts, reactions, …
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
# After SIGTERM, retries that would end later than this are abandoned (and logged), so the
# process exits well within the 10 s a container runtime allows.
DRAIN_BUDGET = 6.0
FAQ_POLL_SECONDS = 2.0
_WATCH = "faq_watch"
_LIMITER = "limiter"


def _file_url(api_base_url: str) -> str:
    # https://api.telegram.org/bot → https://api.telegram.org/file/bot (same for self-hosted)
    if api_base_url.endswith("/bot"):
        return api_base_url[: -len("bot")] + "file/bot"
    return api_base_url.rstrip("/") + "/file/bot"


def build_application(
    settings: Settings,
    svc: Services,
    *,
    limiter: SmoothRateLimiter | None = None,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
) -> Application:
    """The Application with handlers, pacing, retries and lifecycle hooks; not started.

    Tests pass `request` (a recording BaseRequest) to run offline."""
    limiter = limiter or SmoothRateLimiter()
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(_file_url(settings.api_base_url))
        .rate_limiter(limiter)
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        # Updates are fetched (polling.py) or received (webhook.py) by our own code, which
        # holds at most 100 at once, handles them concurrently and confirms them only once
        # handled; lifecycle.py runs the Application around it.
        .updater(None)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(updates_request or request)
    else:
        # Generous read timeout: a slow answer is better than a retry that duplicates it.
        builder = connect.with_proxy(builder, settings.proxy)
        builder = (
            builder.connect_timeout(10)
            .read_timeout(20)
            .write_timeout(20)
            .pool_timeout(10)
            .get_updates_connect_timeout(10)
            .get_updates_read_timeout(20)
            .get_updates_pool_timeout(10)
            # Fetches go one at a time, so one connection would do, but the stop cancels
            # the fetch in flight, and a cancellation that lands while httpcore closes its
            # response (it awaits a lock there) never returns the connection to the pool
            # (encode/httpcore#1093). With a pool of one, the last confirming getUpdates
            # then waited for it until its pool timeout (1 s) and failed: e.g. ids 1935-2000
            # handled since the fetch were sent again and answered twice. A second
            # connection is there for that confirmation.
            .get_updates_connection_pool_size(2)
        )
    app = builder.build()
    app.bot_data[KEY] = svc
    app.bot_data[_LIMITER] = limiter
    handlers.register(app, settings.admin_ids)
    return app


async def _post_init(app: Application) -> None:
    svc: Services = app.bot_data[KEY]
    titles = {s.id: s.title for s in svc.brain.menu()}
    try:
        await app.bot.set_my_commands(handlers.bot_commands(titles))
    except TelegramError as exc:  # the menu is a convenience; answering matters more
        log.warning("set_my_commands failed: %s", type(exc).__name__)
    app.bot_data[_WATCH] = asyncio.create_task(svc.watch(FAQ_POLL_SECONDS), name="faq-watch")
    log.info("bot @%s ready", app.bot.username)


async def _post_stop(app: Application) -> None:
    task = app.bot_data.pop(_WATCH, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    log.info("stopped")


async def _post_shutdown(app: Application) -> None:
    svc: Services = app.bot_data[KEY]
    svc.answers.shutdown()


def _stop(limiter: SmoothRateLimiter, stop: asyncio.Event) -> None:
    """SIGTERM/SIGINT: stop taking updates, finish the replies in flight, exit."""
    if stop.is_set():
        return  # a second signal does not extend the drain
    log.info("stop signal received")
    limiter.begin_drain(DRAIN_BUDGET)
    stop.set()


def _server(settings: Settings) -> lifecycle.Serve:
    """Where updates come from: a webhook server, or long polling."""
    if settings.webhook:
        from bot.tg.webhook import WebhookServer

        return WebhookServer.from_settings(settings, ALLOWED_UPDATES)
    return Poller(ALLOWED_UPDATES)


async def _reach_or_stop(settings: Settings, stop: asyncio.Event) -> int | None:
    """getMe until Telegram answers (None); a stop signal meanwhile ends the run (0)."""
    reach = asyncio.ensure_future(connect.reach(settings))
    stopped = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({reach, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if reach in done:
        stopped.cancel()
        return reach.result()
    reach.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await reach
    return 0


def run(app: Application, settings: Settings) -> int:
    """Run until a stop signal; 0 after a clean stop."""
    limiter: SmoothRateLimiter = app.bot_data[_LIMITER]
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, _stop, limiter, stop)
    try:
        # Telegram answers getMe before the application starts; until then one line per
        # failure, backing off. Then start-up retries 429/5xx/timeouts as long as it takes.
        code = loop.run_until_complete(_reach_or_stop(settings, stop))
        if code is not None:
            return code
        loop.run_until_complete(lifecycle.run_app(app, _server(settings), stop))
    except InvalidToken:
        # The exception's text contains the token; it is not printed.
        log.critical("Telegram rejected TELEGRAM_BOT_TOKEN (401/404); check it with @BotFather")
        return 1
    except Exception as exc:
        log.critical("the bot stopped: %s", type(exc).__name__)
        return 1
    finally:
        loop.close()
    return 0


def _fail(message: str) -> int:
    print(f"python -m bot run: {message}", file=sys.stderr)
    return 2


def main() -> int:
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        return _fail(str(exc))
    if settings.webhook and settings.webhook_secret is None:
        # Telegram learns the secret from setWebhook, so a fresh one per run works too.
        settings = dataclasses.replace(settings, webhook_secret=secrets.token_urlsafe(32))
        generated = True
    else:
        generated = False
    logsetup.setup(settings.log_level, [settings.token, settings.webhook_secret or ""])
    connect.quiet_library_errors()
    if generated:
        log.info("BOT_WEBHOOK_SECRET not set: using a random secret for this run")

    # Imported here: loading the FAQ stack is only worth it once the settings are good.
    from bot.campaigns import CampaignError
    from bot.knowledge import KnowledgeError, default_path
    from bot.live import LiveBrain
    from bot.stats import Stats
    from bot.unanswered import UnansweredLog

    lives: list[LiveBrain] = []
    for faq in settings.faq_paths or (default_path(),):
        try:
            lives.append(LiveBrain(Path(faq)))
        except KnowledgeError as exc:
            problems = "\n".join(f"  {p}" for p in exc.problems)
            return _fail(f"the FAQ {faq} cannot be used:\n{problems}")
    try:
        unanswered = UnansweredLog.from_settings(
            str(settings.unanswered_log) if settings.unanswered_log else None,
            settings.unanswered_days,
        )
    except (OSError, ValueError) as exc:
        return _fail(f"UNANSWERED_LOG: cannot use {settings.unanswered_log}: {exc}")

    try:
        svc = Services(
            live=lives[0],
            others=lives[1:],  # several campaigns: each loaded and reloaded on its own
            stats=Stats(),
            flood=FloodGate(),
            admin_ids=settings.admin_ids,
            unanswered=unanswered,
        )
    except CampaignError as exc:
        return _fail(f"FAQ_PATH: {exc}")
    return run(build_application(settings, svc), settings)
