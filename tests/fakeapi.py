"""Fake Telegram Bot APIs: an HTTP server on loopback (end-to-end tests, the benchmark) and
an in-process recording BaseRequest (handler unit tests).

The server:

It speaks just enough of the Bot API for the bot (getMe, getUpdates with long polling,
sendMessage, answerCallbackQuery, setMyCommands, setWebhook, deleteWebhook), records what
the bot sent, and misbehaves on request:

* `inject(method, *faults)` makes the next calls to `method` fail, in order, with
  "429" (retry_after 1), "502", "500", "409", "slow" (answers after a delay) or "reset"
  (drops the connection without an answer). A faulted send is not delivered, so a bot that
  retries delivers it exactly once.
* Like Telegram, it refuses more than `flood_limit` sends in any sliding second with 429;
  those are counted in `flood_429`, which a well-paced bot keeps at zero.
* Like Telegram, getUpdates with an offset confirms (and forgets) every update below it;
  `confirmed` records when each was, `delivered` how often each was handed out, so a
  test can tell an update confirmed before it was answered, or never confirmed.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

BOT_ID = 7000000001
BOT_USERNAME = "inspection_faq_test_bot"
# The smallest sticker Update.de_json accepts: media the bot must not download.
STICKER = {
    "file_id": "s",
    "file_unique_id": "s",
    "type": "regular",
    "width": 1,
    "height": 1,
    "is_animated": False,
    "is_video": False,
}
FAULTS = ("429", "502", "500", "409", "slow", "reset")
SENDS = ("sendMessage",)  # the methods that count against the flood limit


@dataclass
class Sent:
    at: float  # time.monotonic() when the request arrived
    method: str
    params: dict[str, Any]

    @property
    def chat_id(self) -> int:
        return int(self.params["chat_id"])

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def markup(self) -> dict[str, Any] | None:
        raw = self.params.get("reply_markup")
        return json.loads(raw) if isinstance(raw, str) else raw


@dataclass
class FakeTelegram:
    token: str
    flood_limit: int = 30
    slow_seconds: float = 1.0
    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)  # delivered sends, in arrival order
    calls: list[tuple[float, str]] = field(default_factory=list)  # every request
    webhook: dict[str, Any] = field(default_factory=dict)
    flood_429: int = 0
    faults_served: list[tuple[str, str]] = field(default_factory=list)
    confirmed: dict[int, float] = field(default_factory=dict)  # update_id → when
    delivered: Counter[int] = field(default_factory=Counter)  # update_id → times returned
    callback_answers: list[Sent] = field(default_factory=list)  # answerCallbackQuery calls
    get_updates_params: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cond = threading.Condition()
        self._faults: dict[str, deque[str]] = {}
        self._window: deque[float] = deque()
        self._next_update = 1
        self._next_message = 1
        self._chats: dict[int, str] = {}
        self._stopping = False
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- lifecycle --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    def __enter__(self) -> FakeTelegram:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self.cond:
            self._stopping = True
            self.cond.notify_all()
        self._server.shutdown()
        self._server.server_close()

    # -- scripting --------------------------------------------------------------------------

    def inject(self, method: str, *faults: str) -> None:
        for fault in faults:
            if fault not in FAULTS:
                raise ValueError(fault)
        with self.cond:
            self._faults.setdefault(method, deque()).extend(faults)

    def add_update(self, payload: dict[str, Any]) -> int:
        with self.cond:
            update_id = self._next_update
            self._next_update += 1
            self.updates.append({"update_id": update_id, **payload})
            self.cond.notify_all()
            return update_id

    def add_updates(self, payloads: Iterable[dict[str, Any]]) -> list[int]:
        """Many updates at once, visible to the bot together (one burst); their ids."""
        ids = []
        with self.cond:
            for payload in payloads:
                self.updates.append({"update_id": self._next_update, **payload})
                ids.append(self._next_update)
                self._next_update += 1
            self.cond.notify_all()
        return ids

    def pending(self) -> int:
        """Updates Telegram still holds (not confirmed)."""
        with self.cond:
            return len(self.updates)

    def message(
        self,
        user_id: int,
        text: str | None = None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        **kwargs: Any,
    ) -> dict[str, Any]:
        """An update payload for a message from `user_id` (in a private chat by default)."""
        chat_id = user_id if chat_id is None else chat_id
        with self.cond:
            self._chats[chat_id] = chat_type
            message_id = self._next_message
            self._next_message += 1
        return make_message(
            message_id, user_id, text, chat_id=chat_id, chat_type=chat_type, **kwargs
        )

    def callback(self, user_id: int, data: str, chat_id: int | None = None) -> dict[str, Any]:
        return make_callback(user_id, data, chat_id)

    @staticmethod
    def me() -> dict[str, Any]:
        return me()

    # -- observing --------------------------------------------------------------------------

    def wait_for(self, predicate: Callable[[FakeTelegram], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.cond:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(min(left, 0.2))
            return True

    def called(self, method: str) -> int:
        with self.cond:
            return sum(1 for _, m in self.calls if m == method)

    def sent_to(self, chat_id: int) -> list[Sent]:
        with self.cond:
            return [s for s in self.sent if s.method == "sendMessage" and s.chat_id == chat_id]

    def max_in_window(self, seconds: float = 1.0) -> int:
        """The most sends that arrived within any `seconds`-long sliding window."""
        with self.cond:
            return max_in_window([s.at for s in self.sent if s.method in SENDS], seconds)

    # -- serving ----------------------------------------------------------------------------

    def _take_fault(self, method: str) -> str | None:
        queue = self._faults.get(method)
        if queue:
            fault = queue.popleft()
            self.faults_served.append((method, fault))
            return fault
        return None

    def handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        """(status, JSON body), or None to drop the connection."""
        arrived = time.monotonic()
        with self.cond:
            self.calls.append((arrived, method))
            fault = self._take_fault(method)
        if fault == "slow":
            time.sleep(self.slow_seconds)
        elif fault == "reset":
            return None
        elif fault is not None:
            return _error(int(fault))

        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        if method == "getMe":
            return 200, {"ok": True, "result": self.me()}
        if method == "answerCallbackQuery":
            with self.cond:
                self.callback_answers.append(Sent(arrived, method, dict(params)))
                self.cond.notify_all()
            return 200, {"ok": True, "result": True}
        if method in ("deleteWebhook", "setMyCommands"):
            return 200, {"ok": True, "result": True}
        if method == "setWebhook":
            with self.cond:
                self.webhook = dict(params)
            return 200, {"ok": True, "result": True}
        if method in SENDS:
            return self._send(arrived, method, params)
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset", 0) or 0)
        timeout = float(params.get("timeout", 0) or 0)
        limit = int(params.get("limit", 100) or 100)
        deadline = time.monotonic() + timeout
        with self.cond:
            self.get_updates_params.append(dict(params))
            # Like Telegram, an offset confirms (forgets) every update before it.
            now = time.monotonic()
            for u in self.updates:
                if u["update_id"] < offset:
                    self.confirmed[u["update_id"]] = now
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and not self._stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.cond.wait(min(left, 0.5))
            batch = self.updates[:limit]
            self.delivered.update(u["update_id"] for u in batch)
            return batch

    def _send(self, arrived: float, method: str, params: dict[str, Any]) -> tuple[int, dict]:
        with self.cond:
            while self._window and self._window[0] <= arrived - 1.0:
                self._window.popleft()
            if len(self._window) >= self.flood_limit:
                self.flood_429 += 1
                return _error(429)
            self._window.append(arrived)
            chat_id = int(params["chat_id"])
            self.sent.append(Sent(arrived, method, dict(params)))
            message_id = self._next_message
            self._next_message += 1
            self.cond.notify_all()
        chat_type = self._chats.get(chat_id, "private" if chat_id > 0 else "supergroup")
        result = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type},
            "from": self.me(),
            "text": params.get("text", ""),
        }
        return 200, {"ok": True, "result": result}


def max_in_window(times: Iterable[float], seconds: float) -> int:
    """The most of `times` within any half-open window of `seconds`."""
    ordered = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(ordered):
        while t - ordered[lo] >= seconds:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def me() -> dict[str, Any]:
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": "Inspection FAQ",
        "username": BOT_USERNAME,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


def _chat(chat_id: int, chat_type: str) -> dict[str, Any]:
    chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
    if chat_type == "private":
        chat["first_name"] = f"user{chat_id}"
    else:
        chat["title"] = "test group"
    return chat


def make_message(
    message_id: int,
    user_id: int,
    text: str | None = None,
    *,
    chat_id: int | None = None,
    chat_type: str = "private",
    entities: list[dict[str, Any]] | None = None,
    reply_to_bot: bool = False,
    username: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """An update payload (without update_id) for one incoming message."""
    chat_id = user_id if chat_id is None else chat_id
    chat = _chat(chat_id, chat_type)
    sender: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"}
    if username:
        sender["username"] = username
    msg: dict[str, Any] = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat,
        "from": sender,
        **extra,
    }
    if text is not None:
        msg["text"] = text
        if text.startswith("/") and not entities:
            # As Telegram does: a leading /command is a bot_command entity.
            command = text.split()[0]
            entities = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    if entities:
        msg["entities"] = entities
    if reply_to_bot:
        msg["reply_to_message"] = {
            "message_id": max(1, message_id - 1),
            "date": int(time.time()),
            "chat": chat,
            "from": me(),
            "text": "an earlier answer",
        }
    return {"message": msg}


def mention(text: str, username: str = BOT_USERNAME) -> tuple[str, list[dict[str, Any]]]:
    """`@username text` and its mention entity."""
    handle = "@" + username
    return f"{handle} {text}", [{"type": "mention", "offset": 0, "length": len(handle)}]


def make_callback(user_id: int, data: str, chat_id: int | None = None) -> dict[str, Any]:
    chat_id = user_id if chat_id is None else chat_id
    chat_type = "private" if chat_id > 0 else "supergroup"
    return {
        "callback_query": {
            "id": f"cb{user_id}-{time.monotonic_ns()}",
            "from": {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"},
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "chat": _chat(chat_id, chat_type),
                "from": me(),
                "text": "menu",
            },
        }
    }


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up (the bot stopping mid long-poll) is not a test failure.
        pass


def _error(code: int) -> tuple[int, dict[str, Any]]:
    body: dict[str, Any] = {"ok": False, "error_code": code}
    if code == 429:
        body["description"] = "Too Many Requests: retry after 1"
        body["parameters"] = {"retry_after": 1}
    elif code == 409:
        body["description"] = "Conflict: terminated by other getUpdates request"
    else:
        body["description"] = "Bad Gateway" if code == 502 else "Internal Server Error"
    return code, body


def _parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    if not raw:
        return {}
    if content_type.startswith("application/json"):
        return dict(json.loads(raw))
    # python-telegram-bot posts form fields; non-string values are JSON-encoded strings.
    return {k: v[-1] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}


def _handler_for(fake: FakeTelegram) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as Telegram

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _reply(self, status: int, body: dict[str, Any] | bytes, ctype: str) -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self.do_POST()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            prefix = f"/bot{fake.token}/"
            if not self.path.startswith(prefix):
                self._reply(
                    401,
                    {"ok": False, "error_code": 401, "description": "Unauthorized"},
                    "application/json",
                )
                return
            method = self.path[len(prefix) :].split("?", 1)[0]
            params = _parse_body(self.headers.get("Content-Type", ""), raw)
            outcome = fake.handle(method, params)
            if outcome is None:
                # Reset: RST instead of an answer.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close_connection = True
                return
            status, body = outcome
            if status == 502:
                self._reply(502, b"<html><body>502 Bad Gateway</body></html>", "text/html")
            else:
                self._reply(status, body, "application/json")

    return Handler


class RecordingRequest(BaseRequest):
    """Answers every Bot API call in-process and records it, as python-telegram-bot's own
    tests do: `calls` holds (method, parameters) in order. `fail(method, exc)` makes the
    next call to `method` raise `exc` instead; `results[method]` answers it with a given
    result (e.g. a malformed getUpdates batch)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.results: dict[str, Any] = {}
        self._failures: dict[str, deque[Exception]] = {}
        self._next_message = 1000

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def fail(self, method: str, *errors: Exception) -> None:
        self._failures.setdefault(method, deque()).extend(errors)

    def made(self, method: str) -> list[dict[str, Any]]:
        return [params for m, params in self.calls if m == method]

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((endpoint, params))
        failures = self._failures.get(endpoint)
        if failures:
            raise failures.popleft()
        result: Any = True
        if endpoint == "getMe":
            result = me()
        elif endpoint == "sendMessage":
            self._next_message += 1
            chat_id = int(params["chat_id"])
            result = {
                "message_id": self._next_message,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": me(),
                "text": params.get("text", ""),
            }
        elif endpoint == "getUpdates":
            result = []
        result = self.results.get(endpoint, result)
        return 200, json.dumps({"ok": True, "result": result}).encode()
