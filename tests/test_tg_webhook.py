"""The webhook server, in process: a real Application and WebhookServer on loopback, raw
HTTP over asyncio streams (so a test controls exactly which bytes are sent, and when),
and a brain that can be held busy (from test_tg_worker)."""

from __future__ import annotations

import asyncio
import html
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from fakeapi import RecordingRequest, make_message
from test_tg_handlers import NOW, TOKEN, FakeLive, FakeStats
from test_tg_worker import GIVE_UP, SlowBrain

from bot.settings import Settings
from bot.tg.app import ALLOWED_UPDATES, build_application
from bot.tg.services import Services
from bot.tg.webhook import MAX_BODY, SECRET_HEADER, WebhookServer, is_json

SECRET = "hook-Secret_0987654321"
SHORT = 0.3  # the server's header, idle and body timeouts in these tests


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Hook:
    server: WebhookServer
    request: RecordingRequest
    brain: SlowBrain
    port: int

    async def connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        return await asyncio.open_connection("127.0.0.1", self.port)

    async def post(
        self,
        body: bytes,
        *,
        secret: str | None = SECRET,
        content_type: str = "application/json",
        length: int | None = None,
    ) -> Response:
        reader, writer = await self.connect()
        writer.write(head(secret, content_type, len(body) if length is None else length) + body)
        await writer.drain()
        try:
            return await asyncio.wait_for(read_response(reader), GIVE_UP)
        finally:
            writer.close()

    def replies_to(self, chat: int) -> list[str]:
        return [
            html.unescape(p["text"])
            for p in self.request.made("sendMessage")
            if p["chat_id"] == chat
        ]


def head(secret: str | None, content_type: str, length: int, path: str = "/hook") -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: bot.example.org", f"Content-Type: {content_type}"]
    if secret is not None:
        lines.append(f"{SECRET_HEADER}: {secret}")
    lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def read_response(reader: asyncio.StreamReader) -> Response:
    raw = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = raw.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return Response(int(status_line.split()[1]), headers, body)


def update(update_id: int, user: int, text: str) -> bytes:
    return json.dumps({"update_id": update_id, **make_message(update_id, user, text)}).encode()


@pytest.fixture
async def hook(unused_tcp_port: int) -> AsyncIterator[Hook]:
    request, brain = RecordingRequest(), SlowBrain()
    svc = Services(live=FakeLive(brain), stats=FakeStats(), clock=lambda: NOW)
    app = build_application(Settings(token=TOKEN), svc, request=request)
    server = WebhookServer(
        listen="127.0.0.1",
        port=unused_tcp_port,
        path="hook",
        url="https://bot.example.org/hook",
        secret=SECRET,
        allowed_updates=ALLOWED_UPDATES,
        idle_timeout=SHORT,
        body_timeout=SHORT,
        drain=1.0,
    )
    await app.initialize()
    stop = asyncio.Event()
    serving = asyncio.create_task(server(app, stop))
    while not request.made("setWebhook"):  # listening from before the registration
        await asyncio.sleep(0.01)
    yield Hook(server, request, brain, unused_tcp_port)
    brain.release.set()
    stop.set()
    await asyncio.wait_for(serving, GIVE_UP)
    await app.shutdown()
    svc.answers.shutdown()


async def test_the_webhook_is_registered_with_the_secret_and_the_update_types(hook: Hook) -> None:
    (params,) = hook.request.made("setWebhook")
    assert params["url"] == "https://bot.example.org/hook"
    assert params["secret_token"] == SECRET
    assert params["allowed_updates"] == ["message", "callback_query"]


async def test_a_wrong_secret_is_refused_before_the_body_is_sent(hook: Hook) -> None:
    reader, writer = await hook.connect()
    # Headers announcing 50 MB, and not one byte of the body: the answer comes anyway.
    writer.write(head("not-the-secret", "application/json", 50 << 20))
    await writer.drain()
    response = await asyncio.wait_for(read_response(reader), GIVE_UP)
    assert response.status == 403
    assert await asyncio.wait_for(reader.read(), GIVE_UP) == b""  # and the connection closed
    writer.close()
    missing = await hook.post(update(1, 6200001, "电话"), secret=None)
    assert missing.status == 403
    assert hook.request.made("sendMessage") == []


async def test_a_body_over_one_megabyte_is_refused(hook: Hook) -> None:
    reader, writer = await hook.connect()
    writer.write(head(SECRET, "application/json", MAX_BODY + 1))
    await writer.drain()
    assert (await asyncio.wait_for(read_response(reader), GIVE_UP)).status == 413
    writer.close()
    # Chunked, so no length is declared: cut off once the body passes the cap (a valid
    # update padded with spaces, so that accepting it would answer 200 and reply).
    reader, writer = await hook.connect()
    lines = ["POST /hook HTTP/1.1", "Host: x", "Content-Type: application/json"]
    lines += [f"{SECRET_HEADER}: {SECRET}", "Transfer-Encoding: chunked"]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    body = update(8, 6200008, "电话") + b" " * MAX_BODY
    step = 64 << 10
    outcome: int | str
    try:
        for i in range(0, len(body), step):
            chunk = body[i : i + step]
            writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            await writer.drain()
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        outcome = (await asyncio.wait_for(read_response(reader), GIVE_UP)).status
    except (ConnectionError, asyncio.IncompleteReadError):
        outcome = "closed"
    writer.close()
    assert outcome in (400, 413, "closed")
    assert hook.request.made("sendMessage") == []


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "Application/JSON;charset=UTF-8"]
)
async def test_json_with_parameters_is_accepted(hook: Hook, content_type: str) -> None:
    response = await hook.post(update(2, 6200002, "电话多少"), content_type=content_type)
    assert response.status == 200
    assert hook.replies_to(6200002) == ["fast 电话多少"]


async def test_other_content_types_and_non_updates_are_refused(hook: Hook) -> None:
    body = update(3, 6200003, "电话多少")
    assert (await hook.post(body, content_type="text/plain")).status == 415
    assert (await hook.post(body, content_type="application/jsonp")).status == 415
    assert (await hook.post(b"not json")).status == 400
    assert (await hook.post(b'{"message": {}}')).status == 400
    assert hook.request.made("sendMessage") == []
    assert is_json("application/json") and not is_json(None)


async def test_a_redelivered_update_is_answered_once(hook: Hook) -> None:
    first = asyncio.create_task(hook.post(update(4, 6200004, "慢慢说")))
    assert await asyncio.to_thread(hook.brain.started.wait, GIVE_UP)
    again = asyncio.create_task(hook.post(update(4, 6200004, "慢慢说")))  # while in progress
    await asyncio.sleep(0.05)
    hook.brain.release.set()
    assert (await first).status == 200 and (await again).status == 200
    later = await hook.post(update(4, 6200004, "慢慢说"))  # after it was answered
    assert later.status == 200
    assert hook.replies_to(6200004) == ["slow 慢慢说"]


async def test_200_comes_only_once_the_update_is_handled(hook: Hook) -> None:
    sent_when_answered: list[int] = []

    async def post_and_look() -> Response:
        response = await hook.post(update(5, 6200005, "慢"))
        sent_when_answered.append(len(hook.replies_to(6200005)))
        return response

    posting = asyncio.create_task(post_and_look())
    assert await asyncio.to_thread(hook.brain.started.wait, GIVE_UP)
    assert not posting.done()  # no answer while the reply is still being worked out
    hook.brain.release.set()
    assert (await posting).status == 200
    assert sent_when_answered == [1]  # the reply had left before the 200


async def test_an_unreadable_update_is_acknowledged_without_being_handled(hook: Hook) -> None:
    body = json.dumps({"update_id": 6, "message": {"text": "张三的电话13800000000"}}).encode()
    assert (await hook.post(body)).status == 200  # retrying would fail the same way
    assert hook.request.made("sendMessage") == []


async def test_silent_and_slow_connections_are_closed(hook: Hook) -> None:
    # Connected, no headers.
    reader, writer = await hook.connect()
    assert await asyncio.wait_for(reader.read(), GIVE_UP) == b""
    writer.close()
    # Half the headers, then nothing.
    reader, writer = await hook.connect()
    writer.write(b"POST /hook HTTP/1.1\r\nHost: x\r\n")
    assert await asyncio.wait_for(reader.read(), GIVE_UP) == b""
    writer.close()
    # Headers, and the body stops half-way.
    reader, writer = await hook.connect()
    writer.write(head(SECRET, "application/json", 100) + b'{"update_id": 7')
    assert await asyncio.wait_for(reader.read(), GIVE_UP) == b""
    writer.close()
    # One request on a keep-alive connection, then idle.
    reader, writer = await hook.connect()
    writer.write(head(SECRET, "application/json", 8) + b'{"a": 1}')
    assert (await asyncio.wait_for(read_response(reader), GIVE_UP)).status == 400
    assert await asyncio.wait_for(reader.read(), GIVE_UP) == b""
    writer.close()
