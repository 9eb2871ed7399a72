"""The webhook server: receives Telegram's POSTs and answers 200 once each update is handled.

python-telegram-bot's built-in server reads a body of up to 100 MB before it looks at the
secret, keeps idle or slow connections for ever, handles a redelivered update twice and
refuses `Content-Type: application/json; charset=utf-8`. This one, on tornado (which the
library's webhooks extra already installs):

* checks `X-Telegram-Bot-Api-Secret-Token` as soon as the headers are in, before any of
  the body is read: 403, and the connection is closed;
* accepts `application/json` with any parameters (else 415) and at most 1 MB (413): an
  update is a few kilobytes, Telegram's own limit for a message is 4,096 characters;
* drops a connection that sends no headers within 10 s, idles for 10 s between requests,
  or takes more than 10 s over its body;
* remembers the last 10,000 update ids: a redelivery (Telegram retries on a timeout, a
  reset or a 5xx) is answered with the first delivery's status, never handled twice;
* answers 200 only once the update is handled (`Application.process_update` returned:
  replied, or failed for good), so Telegram redelivers what was not; during the stop it
  answers 503 to what it has not started, and Telegram delivers that to the next start.

    POST /hook  X-Telegram-Bot-Api-Secret-Token: s3cret   {"update_id": 7, "message": …}
    → 200 after the reply was sent;  the same again → 200 at once, no second reply
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.ext import Application

from bot.settings import Settings
from bot.tg.lifecycle import persist

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1 << 20  # bytes
MAX_HEADERS = 16 << 10  # bytes; Telegram sends a handful of short headers
# tornado applies the idle timeout to the headers of every request, the first included.
IDLE_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
RECENT_IDS = 10_000
IN_FLIGHT = 100  # updates handled at once; later requests wait for a free slot
MAX_CONNECTIONS = 40  # what setWebhook asks Telegram to open at most (its default)
DRAIN = 7.5  # seconds handled updates get after SIGTERM, as in polling


class Recent:
    """The outcome (an HTTP status, or a future of one) of the last `size` update ids."""

    def __init__(self, size: int = RECENT_IDS) -> None:
        self.size = size
        self._seen: OrderedDict[int, asyncio.Future[int]] = OrderedDict()

    def get(self, update_id: int) -> asyncio.Future[int] | None:
        return self._seen.get(update_id)

    def add(self, update_id: int, outcome: asyncio.Future[int]) -> None:
        self._seen[update_id] = outcome
        if len(self._seen) > self.size:
            self._seen.popitem(last=False)

    def forget(self, update_id: int) -> None:
        self._seen.pop(update_id, None)


def is_json(content_type: str | None) -> bool:
    """`application/json`, with or without parameters: `application/json; charset=utf-8`."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json"


class WebhookServer:
    """The `Serve` for webhook mode (see bot/tg/lifecycle.py)."""

    def __init__(
        self,
        *,
        listen: str,
        port: int,
        path: str,
        url: str,
        secret: str,
        allowed_updates: Sequence[str],
        in_flight: int = IN_FLIGHT,
        drain: float = DRAIN,
        idle_timeout: float = IDLE_TIMEOUT,
        body_timeout: float = BODY_TIMEOUT,
    ) -> None:
        self.listen, self.port, self.path, self.url = listen, port, path, url
        self._secret = secret.encode()
        self.allowed_updates = list(allowed_updates)
        self.drain = drain
        self.idle_timeout, self.body_timeout = idle_timeout, body_timeout
        self.recent = Recent()
        self._slots = asyncio.Semaphore(in_flight)
        self._active: set[asyncio.Future[int]] = set()
        self._closing = False
        self._app: Application | None = None
        self._http: tornado.httpserver.HTTPServer | None = None

    @classmethod
    def from_settings(cls, settings: Settings, allowed_updates: Sequence[str]) -> WebhookServer:
        assert settings.webhook_url is not None and settings.webhook_secret is not None
        return cls(
            listen=settings.listen,
            port=settings.port,
            path=settings.webhook_path,
            url=settings.webhook_url,
            secret=settings.webhook_secret,
            allowed_updates=allowed_updates,
        )

    # -- serving ---------------------------------------------------------------------------

    def tornado_app(self) -> tornado.web.Application:
        route = "/" + re.escape(self.path) + ("/?" if self.path else "")
        # No access log: the library's floors would show only refusals, and those are
        # counted here instead of logged one by one.
        return tornado.web.Application(
            [(route, UpdateHandler, {"server": self})], log_function=lambda handler: None
        )

    async def __call__(self, app: Application, stop: asyncio.Event) -> None:
        self._app = app
        self._http = tornado.httpserver.HTTPServer(
            self.tornado_app(),
            idle_connection_timeout=self.idle_timeout,
            body_timeout=self.body_timeout,
            max_body_size=MAX_BODY,
            max_header_size=MAX_HEADERS,
            decompress_request=False,
        )
        self._http.listen(self.port, address=self.listen)
        log.info("webhook server listening on %s:%d", self.listen, self.port)
        try:
            registered = await persist(self._register, "setWebhook", stop)
            if registered:
                await stop.wait()
        finally:
            await self._stop()

    async def _register(self) -> None:
        assert self._app is not None
        await self._app.bot.set_webhook(
            url=self.url,
            secret_token=self._secret.decode(),
            allowed_updates=self.allowed_updates,
            max_connections=MAX_CONNECTIONS,
        )

    async def _stop(self) -> None:
        """No new connections; what is being handled gets `drain` s; then close all."""
        self._closing = True
        assert self._http is not None
        self._http.stop()
        started = time.monotonic()
        if self._active:
            await asyncio.wait(set(self._active), timeout=self.drain)
        log.info(
            "stopped the webhook server: in-flight updates finished in %.1f s",
            time.monotonic() - started,
        )
        await self._http.close_all_connections()

    # -- one request -----------------------------------------------------------------------

    def secret_ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self._secret)

    async def receive(self, body: bytes) -> int:
        """Handle one POSTed update; the HTTP status to answer."""
        try:
            data = json.loads(body)
        except ValueError:
            return HTTPStatus.BAD_REQUEST
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return HTTPStatus.BAD_REQUEST
        update_id: int = data["update_id"]
        known = self.recent.get(update_id)
        if known is not None:
            # A redelivery: the first delivery's answer, once it has one.
            return await asyncio.shield(known)
        if self._closing:
            return HTTPStatus.SERVICE_UNAVAILABLE
        outcome: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self.recent.add(update_id, outcome)
        self._active.add(outcome)
        try:
            status = await self._handle(update_id, data)
        except BaseException:
            self.recent.forget(update_id)  # not handled: a redelivery may try again
            outcome.set_result(HTTPStatus.SERVICE_UNAVAILABLE)
            raise
        finally:
            self._active.discard(outcome)
        if status != HTTPStatus.OK:
            self.recent.forget(update_id)
        outcome.set_result(status)
        return status

    async def _handle(self, update_id: int, data: dict[str, Any]) -> int:
        assert self._app is not None
        async with self._slots:
            if self._closing:  # waited for a slot until the stop: leave it to the next start
                return HTTPStatus.SERVICE_UNAVAILABLE
            try:
                update = Update.de_json(data, self._app.bot)
            except Exception as exc:
                # Never logged: it is a user's message. It cannot succeed on a retry, so
                # it is answered 200 (handled, as a failure) instead of redelivered.
                log.error("update %s could not be read: %s", update_id, type(exc).__name__)
                return HTTPStatus.OK
            await self._app.process_update(update)  # handler errors end in the error handler
            return HTTPStatus.OK


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """One POST. `prepare` runs when the headers are in, before the body is read."""

    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, server: WebhookServer) -> None:
        self.server = server
        self.body = bytearray()

    def prepare(self) -> None:
        headers = self.request.headers
        if not self.server.secret_ok(headers.get(SECRET_HEADER)):
            self._refuse(HTTPStatus.FORBIDDEN)
        elif not is_json(headers.get("Content-Type")):
            self._refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
        elif _declared_length(headers.get("Content-Length")) > MAX_BODY:
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return  # refused: the rest is discarded and the connection closed
        self.body += chunk
        if len(self.body) > MAX_BODY:  # a chunked body without a Content-Length
            self.body.clear()
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    async def post(self) -> None:
        status = await self.server.receive(bytes(self.body))
        self.set_status(status)
        self.finish()

    def _refuse(self, status: HTTPStatus) -> None:
        log.debug("webhook request refused: %d", status)
        self.set_status(status)
        # Closing is the only way not to read the rest of a body (tornado does it when
        # a response is finished before its request).
        self.set_header("Connection", "close")
        self.finish()


def _declared_length(value: str | None) -> int:
    with contextlib.suppress(ValueError):
        return int(value or 0)
    return MAX_BODY + 1  # unreadable: refuse
