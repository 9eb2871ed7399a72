"""Reaching Telegram: proxies, one-line causes of failure, backoff, a rejected token.

The failures are real ones, made on loopback: a closed port, an unresolvable name, TLS spoken
to a plain-HTTP server, a server that never answers, and a SOCKS5 proxy (tests/socks5.py)
that refuses a password or cannot reach its target. The first half calls `connect.reach` in
process; the second runs the real `python -m bot run` and reads what it prints.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakeapi import FakeTelegram
from socks5 import Socks5Proxy
from telegram.error import InvalidToken

from bot.settings import Settings
from bot.tg import connect

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "5550001234:AAE" + "c" * 32
PASSWORD = "s3cret-Pa55"
_OURS = ("TELEGRAM_", "BOT_", "FAQ_PATH", "LOG_LEVEL", "UNANSWERED_")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens there once closed


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    with FakeTelegram(TOKEN) as server:
        yield server


@pytest.fixture
def silent() -> Iterator[socket.socket]:
    """Accepts connections and never answers: a timeout."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        yield s


def settings(base_url: str, token: str = TOKEN, **env: str) -> Settings:
    env = {"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE_URL": base_url, **env}
    return Settings.from_env(env)


class Stop(Exception):
    """Raised by the recording sleep to end the retry loop."""


def recording_sleep(delays: list[float], limit: int):
    async def sleep(seconds: float) -> None:
        delays.append(seconds)
        if len(delays) >= limit:
            raise Stop

    return sleep


async def first_failure(s: Settings, caplog: pytest.LogCaptureFixture) -> str:
    """The line `reach` logs for its first failed attempt."""
    delays: list[float] = []
    with caplog.at_level(logging.INFO, logger="bot.tg.connect"), pytest.raises(Stop):
        await connect.reach(s, sleep=recording_sleep(delays, 1))
    (record,) = caplog.records
    return record.getMessage()


# -- proxy settings ----------------------------------------------------------------------------


async def test_the_proxy_reaches_the_api_and_carries_the_traffic(
    fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    with Socks5Proxy(user="bot", password=PASSWORD) as proxy:
        url = proxy.url("socks5h", user="bot", password=PASSWORD)
        with caplog.at_level(logging.INFO, logger="bot.tg.connect"):
            assert await connect.reach(settings(fake.base_url, TELEGRAM_PROXY=url)) is None
        assert proxy.tunnels and proxy.tunnels[0][1] == int(fake.base_url.split(":")[2][:-4])
        assert proxy.relayed > 0
    assert fake.called("getMe") == 1
    assert [r for r in caplog.records if r.name == "bot.tg.connect"] == []  # nothing to say


@pytest.mark.parametrize(
    ("url", "pool"),
    [
        ("socks5://u:p@127.0.0.1:1080", "AsyncSOCKSProxy"),
        ("socks5h://127.0.0.1:1080", "AsyncSOCKSProxy"),
        ("http://u:p@127.0.0.1:3128", "AsyncHTTPProxy"),
        ("https://127.0.0.1:3129", "AsyncHTTPProxy"),
    ],
)
def test_the_builder_gets_the_proxy_for_both_pools(url: str, pool: str) -> None:
    from telegram.ext import ApplicationBuilder

    s = settings("https://api.telegram.org/bot", TELEGRAM_PROXY=url)
    builder = connect.with_proxy(ApplicationBuilder().token(TOKEN), s.proxy)
    app = builder.build()
    for request in (app.bot.request, app.bot._request[0]):  # getUpdates' pool, then the other
        mounts = request._client._mounts  # httpx: one transport for all://, through the proxy
        (pattern,) = mounts
        assert pattern.pattern == "all://"
        assert type(mounts[pattern]._pool).__name__ == pool


# -- one line per cause ------------------------------------------------------------------------


async def test_a_closed_port_is_connection_refused(caplog: pytest.LogCaptureFixture) -> None:
    port = closed_port()
    line = await first_failure(settings(f"http://127.0.0.1:{port}/bot"), caplog)
    assert line == (
        f"cannot reach Telegram at 127.0.0.1: 127.0.0.1:{port} refused the connection; "
        "retrying in 1 s"
    )


async def test_an_unknown_host_is_dns(caplog: pytest.LogCaptureFixture) -> None:
    line = await first_failure(settings("https://no-such-host.invalid/bot"), caplog)
    assert "DNS cannot resolve no-such-host.invalid" in line


async def test_tls_to_a_plain_server_is_tls(
    fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    line = await first_failure(settings(fake.base_url.replace("http:", "https:")), caplog)
    assert re.search(r"TLS with 127\.0\.0\.1 failed \(\w+", line), line


async def test_a_silent_server_is_a_timeout(
    silent: socket.socket, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect, "PROBE_TIMEOUT", 0.3)
    port = silent.getsockname()[1]
    line = await first_failure(settings(f"http://127.0.0.1:{port}/bot"), caplog)
    assert f"no answer from 127.0.0.1:{port} within 0.3 s (timeout)" in line


async def test_a_closed_proxy_port_is_the_proxy_refusing(caplog: pytest.LogCaptureFixture) -> None:
    port = closed_port()
    s = settings("https://api.telegram.org/bot", ALL_PROXY=f"socks5://127.0.0.1:{port}")
    line = await first_failure(s, caplog)
    assert f"proxy socks5://127.0.0.1:{port} (ALL_PROXY) refused the connection" in line


async def test_a_proxy_that_cannot_reach_the_api_says_so(caplog: pytest.LogCaptureFixture) -> None:
    with Socks5Proxy() as proxy:
        s = settings(f"http://127.0.0.1:{closed_port()}/bot", TELEGRAM_PROXY=proxy.url())
        line = await first_failure(s, caplog)
    assert f"{proxy.url()} (TELEGRAM_PROXY) could not connect to 127.0.0.1" in line


@pytest.mark.parametrize(
    ("password", "says"),
    [("wrong", "refused the user name or password"), (None, "wants a user name and password")],
)
async def test_a_proxy_refusing_the_login_stops_at_once(
    fake: FakeTelegram, caplog: pytest.LogCaptureFixture, password: str | None, says: str
) -> None:
    with Socks5Proxy(user="bot", password=PASSWORD) as proxy:
        user = None if password is None else "bot"
        s = settings(fake.base_url, TELEGRAM_PROXY=proxy.url(user=user, password=password))
        with caplog.at_level(logging.INFO, logger="bot.tg.connect"):
            assert await connect.reach(s, sleep=recording_sleep([], 1)) == connect.EXIT_CONFIG
    (record,) = caplog.records
    assert says in record.getMessage()
    assert "wrong" not in record.getMessage() and PASSWORD not in record.getMessage()
    assert fake.called("getMe") == 0


async def test_retries_back_off_to_a_cap(caplog: pytest.LogCaptureFixture) -> None:
    delays: list[float] = []
    s = settings(f"http://127.0.0.1:{closed_port()}/bot")
    with caplog.at_level(logging.ERROR, logger="bot.tg.connect"), pytest.raises(Stop):
        await connect.reach(s, sleep=recording_sleep(delays, 9))
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert [r.getMessage().rsplit("in ", 1)[1] for r in caplog.records] == [
        f"{d:g} s" for d in delays
    ]


async def test_a_rejected_token_is_one_line_and_stops(
    fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    other = "5550009999:AAE" + "z" * 32
    with caplog.at_level(logging.DEBUG):
        assert await connect.reach(settings(fake.base_url, other)) == connect.EXIT_TOKEN
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert lines == ["Telegram rejected TELEGRAM_BOT_TOKEN (401/404); check it with @BotFather"]


def test_the_librarys_invalid_token_traceback_is_dropped() -> None:
    # python-telegram-bot's retry loop logs the rejected token on `telegram.ext` with a traceback.
    connect.quiet_library_errors()
    logger = logging.getLogger("telegram.ext")
    try:
        raise InvalidToken("The token `x` was rejected by the server.")
    except InvalidToken:
        rejected = logger.makeRecord("telegram.ext", logging.ERROR, "f", 1, "m", (), sys.exc_info())
    try:
        raise ValueError("other")
    except ValueError:
        other = logger.makeRecord("telegram.ext", logging.ERROR, "f", 1, "m", (), sys.exc_info())
    assert not logger.filter(rejected)
    assert logger.filter(other)


# -- the real process --------------------------------------------------------------------------


def bot_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if "proxy" not in k.lower() and not k.startswith(_OURS)
    }
    env.update({"PYTHONUNBUFFERED": "1", "TELEGRAM_BOT_TOKEN": TOKEN, **extra})
    return env


def start(tmp_path: Path, **extra: str) -> tuple[subprocess.Popen[bytes], Path]:
    err = tmp_path / "stderr.txt"
    with err.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,  # no .env of the developer's; the FAQ comes from FAQ_PATH
            env=bot_env(FAQ_PATH=str(ROOT / "knowledge" / "faq.yaml"), **extra),
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
    return proc, err


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize("via", ["TELEGRAM_PROXY", "all_proxy"])
def test_the_bot_answers_through_a_socks5_proxy(
    fake: FakeTelegram, tmp_path: Path, via: str
) -> None:
    with Socks5Proxy(user="bot", password=PASSWORD) as proxy:
        env = {via: proxy.url("socks5", user="bot", password=PASSWORD)}
        if via == "TELEGRAM_PROXY":  # it wins over the standard variables
            env["HTTPS_PROXY"] = env["ALL_PROXY"] = f"socks5://127.0.0.1:{closed_port()}"
        proc, err = start(tmp_path, TELEGRAM_API_BASE_URL=fake.base_url, **env)
        try:
            fake.add_updates([fake.message(5550601, "举报电话是多少")])
            answered = fake.wait_for(lambda f: bool(f.sent_to(5550601)), 30)
        finally:
            stop(proc)
        assert answered, "\n".join(lines_of(err))
        assert "024-88881877" in fake.sent_to(5550601)[0].text
        port = int(fake.base_url.rsplit(":", 1)[1].split("/")[0])
        assert ("127.0.0.1", port) in proxy.tunnels  # the traffic went through the proxy
        assert proxy.relayed > 0
    output = "\n".join(lines_of(err))
    assert PASSWORD not in output and TOKEN not in output
    assert "Traceback" not in output


def test_a_closed_port_gives_one_line_per_failure_backing_off(tmp_path: Path) -> None:
    port = closed_port()
    proc, err = start(tmp_path, TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot")
    deadline = time.monotonic() + 30
    while len(lines_of(err)) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    stop(proc)
    lines = lines_of(err)
    failures = [line for line in lines if "cannot reach" in line]
    assert len(failures) >= 3, lines
    for line, wait in zip(failures, ("1 s", "2 s", "4 s"), strict=False):
        assert line.endswith(
            f"ERROR bot.tg.connect: cannot reach Telegram at 127.0.0.1: 127.0.0.1:{port} "
            f"refused the connection; retrying in {wait}"
        ), line
    assert set(lines) - set(failures) <= {line for line in lines if "stop signal" in line}
    assert TOKEN not in "\n".join(lines)


@pytest.mark.parametrize(
    ("proxy", "status", "says"),
    [
        ("wrong-password", 2, "refused the user name or password"),
        ("malformed", 2, "TELEGRAM_PROXY: not a proxy URL"),
    ],
)
def test_a_bad_proxy_stops_with_one_line(
    fake: FakeTelegram, tmp_path: Path, proxy: str, status: int, says: str
) -> None:
    with Socks5Proxy(user="bot", password=PASSWORD) as server:
        url = {
            "wrong-password": server.url(user="bot", password="n0t-" + PASSWORD),
            "malformed": f"socks5://bot:{PASSWORD}@127.0.0.1:port",
        }[proxy]
        proc, err = start(tmp_path, TELEGRAM_API_BASE_URL=fake.base_url, TELEGRAM_PROXY=url)
        assert proc.wait(30) == status
    (line,) = lines_of(err)
    assert says in line
    assert PASSWORD not in line and TOKEN not in line


def test_a_rejected_token_gives_one_line(fake: FakeTelegram, tmp_path: Path) -> None:
    other = "5550009999:AAE" + "z" * 32
    proc, err = start(
        tmp_path, TELEGRAM_API_BASE_URL=fake.base_url, TELEGRAM_BOT_TOKEN=other, LOG_LEVEL="DEBUG"
    )
    assert proc.wait(30) == 1
    lines = [line for line in lines_of(err) if " DEBUG " not in line]
    (line,) = lines
    assert line.endswith("Telegram rejected TELEGRAM_BOT_TOKEN (401/404); check it with @BotFather")
    output = err.read_text(encoding="utf-8")
    assert other not in output and other.split(":")[1] not in output
    assert "Traceback" not in output
