"""Reaching Telegram: the proxy, and why a connection failed, in one line.

Telegram is blocked in mainland China, so many operators reach it through a proxy
(`Settings.proxy`: TELEGRAM_PROXY, HTTPS_PROXY, ALL_PROXY…). Before the bot starts, `reach`
calls getMe until it answers, backing off 1, 2, 4 … 60 s, and says for each failure what went
wrong and where, e.g.

    cannot reach Telegram at api.telegram.org: DNS cannot resolve api.telegram.org; retrying in 4 s
    cannot reach Telegram at api.telegram.org: proxy socks5://127.0.0.1:1080 (ALL_PROXY)
    refused the connection; retrying in 1 s                       (one line, wrapped here)

A wrong token, or a proxy refusing its user name and password, cannot get better by waiting:
one line and an exit status instead. Exception texts are never printed (some quote the
request URL, which holds the token): only the cause found in the exception chain.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TimedOut
from telegram.ext import ApplicationBuilder
from telegram.request import HTTPXRequest

from bot.settings import Proxy, Settings

log = logging.getLogger(__name__)

FIRST_RETRY = 1.0  # seconds; doubled after each failure…
MAX_RETRY = 60.0  # …up to this
PROBE_TIMEOUT = 10.0  # connect and read, per attempt
# Exit statuses, as for a bad setting: the operator must change something.
EXIT_TOKEN = 1
EXIT_CONFIG = 2

B = TypeVar("B", bound=ApplicationBuilder)


def with_proxy(builder: B, proxy: Proxy | None) -> B:
    """The proxy for both of python-telegram-bot's connection pools (requests, getUpdates)."""
    if proxy is None:
        return builder
    return builder.proxy(proxy.url).get_updates_proxy(proxy.url)


# -- diagnosis -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Failure:
    cause: str  # what went wrong, safe to print
    permanent: bool = False  # retrying cannot help: stop with EXIT_CONFIG


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes: PTB's NetworkError ← httpx ← httpcore ← OSError."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _first(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    return next((e for e in _chain(exc) if isinstance(e, kind)), None)


# What a proxy says in httpcore's ProxyError, and what that means. Checked in order; the
# texts are httpcore's own (SOCKS5 replies, an HTTP proxy's status line).
_PROXY_SAYS: tuple[tuple[str, str, bool], ...] = (
    ("Invalid username/password", "refused the user name or password", True),
    ("NO ACCEPTABLE METHODS", "wants a user name and password (user:password@ in the URL)", True),
    ("407", "wants a user name and password (user:password@ in the URL)", True),
    ("could not connect", "could not connect to {host}", False),
)


def _proxy_failure(exc: httpx.ProxyError, proxy: Proxy | None, host: str) -> Failure:
    text = str(exc)
    where = f"proxy {proxy.display} ({proxy.variable})" if proxy else "the proxy"
    for needle, says, permanent in _PROXY_SAYS:
        if needle in text:
            return Failure(f"{where} {says.format(host=host)}", permanent)
    return Failure(f"{where} failed ({type(exc).__name__})")


def diagnose(exc: BaseException, settings: Settings) -> Failure:
    """The cause of a failed request, named by what the exception chain holds."""
    api = urlsplit(settings.api_base_url)
    host = api.hostname or settings.api_base_url
    proxy = settings.proxy
    # The first hop: with a proxy, DNS, refusals and resets are about the proxy.
    port = api.port or (443 if api.scheme == "https" else 80)
    hop = f"proxy {proxy.display} ({proxy.variable})" if proxy else f"{host}:{port}"
    proxy_error = _first(exc, httpx.ProxyError)
    if isinstance(proxy_error, httpx.ProxyError):
        return _proxy_failure(proxy_error, proxy, host)
    if _first(exc, socket.gaierror):
        name = urlsplit(proxy.url).hostname if proxy else host
        return Failure(f"DNS cannot resolve {name}" + (f" ({hop})" if proxy else ""))
    if _first(exc, ConnectionRefusedError):
        return Failure(f"{hop} refused the connection")
    tls = _first(exc, ssl.SSLError)
    if isinstance(tls, ssl.SSLError):
        reason = getattr(tls, "verify_message", None) or tls.reason or type(tls).__name__
        return Failure(f"TLS with {host} failed ({reason})")
    if _first(exc, TimedOut) or _first(exc, httpx.TimeoutException) or _first(exc, TimeoutError):
        return Failure(f"no answer from {hop} within {PROBE_TIMEOUT:g} s (timeout)")
    if _first(exc, ConnectionResetError):
        return Failure(f"{hop} reset the connection")
    os_error = _first(exc, OSError)
    if isinstance(os_error, OSError) and os_error.strerror:
        return Failure(f"cannot connect to {hop}: {os_error.strerror}")
    return Failure(f"{type(exc).__name__} talking to {hop}")


# -- start-up --------------------------------------------------------------------------------


def _probe_bot(settings: Settings) -> Bot:
    """A plain Bot (no rate limiter and its retries) on the same URL and proxy as the bot's."""
    request = HTTPXRequest(
        connection_pool_size=1,
        connect_timeout=PROBE_TIMEOUT,
        read_timeout=PROBE_TIMEOUT,
        proxy=settings.proxy.url if settings.proxy else None,
    )
    return Bot(settings.token, base_url=settings.api_base_url, request=request)


async def reach(
    settings: Settings,
    *,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    bot: Bot | None = None,
) -> int | None:
    """Call getMe until Telegram answers: None once it has, else the exit status."""
    where = urlsplit(settings.api_base_url).hostname
    bot = bot or _probe_bot(settings)
    delay, failures = FIRST_RETRY, 0
    await bot.request.initialize()
    try:
        while True:
            try:
                await bot.get_me()
            except InvalidToken:
                # The exception's text may contain the token; it is not printed.
                log.critical(
                    "Telegram rejected TELEGRAM_BOT_TOKEN (401/404); check it with @BotFather"
                )
                return EXIT_TOKEN
            except NetworkError as exc:
                failure = diagnose(exc, settings)
                failures += 1
                if failure.permanent:
                    log.critical("cannot reach Telegram at %s: %s", where, failure.cause)
                    return EXIT_CONFIG
                log.error(
                    "cannot reach Telegram at %s: %s; retrying in %g s", where, failure.cause, delay
                )
                await sleep(delay)
                delay = min(delay * 2, MAX_RETRY)
                continue
            if failures:
                log.info("reached Telegram at %s after %d failed attempt(s)", where, failures)
            return None
    finally:
        await bot.request.shutdown()


class _DropInvalidToken(logging.Filter):
    """python-telegram-bot's retry loop logs a rejected token with a 40-line traceback (logger
    `telegram.ext`, "Invalid token. Aborting retry loop."); the bot says it in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, InvalidToken)


def quiet_library_errors() -> None:
    """Install the filter above (once) on the logger that prints that traceback."""
    logger = logging.getLogger("telegram.ext")
    if not any(isinstance(f, _DropInvalidToken) for f in logger.filters):
        logger.addFilter(_DropInvalidToken())
