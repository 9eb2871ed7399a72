"""The webhook server under hostile and heavy traffic: the bot's resident memory (RSS).

The real `python -m bot run` serves its webhook on loopback and answers through the fake
Bot API (tests/fakeapi.py). Three loads, one after the other:

1. 10 clients at once each POST a 50 MB body with a wrong secret (python-telegram-bot's
   own server buffered them all before checking: 485 MB);
2. a flood of valid updates over 40 connections (Telegram's default max_connections),
   every update posted twice, as a redelivery would; mostly button presses (answered at
   once) with every 30th a question (a paced reply);
3. 200 connections that send nothing, closed by the server's header timeout.

With --compare, load 1 is also run against python-telegram-bot's own webhook server
(`Application.run_webhook`), for the figure to compare with.

    .venv/bin/python benchmarks/telegram_webhook.py [--updates 3000] [--compare]
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from telegram_process import FakeTelegram, RssSampler, bot_process

SECRET = "bench-Secret_0123456789"
BIG = 50 << 20
CLIENTS = 10
CONNECTIONS = 40
IDLE = 200


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def head(secret: str, length: int) -> bytes:
    return (
        "POST /hook HTTP/1.1\r\nHost: bot.example.org\r\nContent-Type: application/json\r\n"
        f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


def big_wrong_post(port: int) -> tuple[str, int]:
    """POST 50 MB with a wrong secret; (status line, bytes of body the server took)."""
    chunk = b" " * (1 << 20)
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(head("wrong-secret", BIG))
        try:
            while sent < BIG:
                conn.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass  # refused and closed: the rest is never read
        try:
            status = conn.recv(4096).split(b"\r\n", 1)[0].decode()
        except OSError:
            status = "(connection reset)"
    return status or "(closed)", sent


def read_status(conn: socket.socket) -> int:
    data = b""
    while b"\r\n\r\n" not in data:
        more = conn.recv(65536)
        if not more:
            raise ConnectionError("closed")
        data += more
    head_part, body = data.split(b"\r\n\r\n", 1)
    lines = head_part.decode("latin-1").split("\r\n")
    length = next(
        (int(x.split(":")[1]) for x in lines if x.lower().startswith("content-length")), 0
    )
    while len(body) < length:
        body += conn.recv(65536)
    return int(lines[0].split()[1])


def flood(port: int, bodies: list[bytes]) -> Counter[int]:
    """Post `bodies` over CONNECTIONS keep-alive connections; the statuses answered."""
    statuses: Counter[int] = Counter()
    lock = threading.Lock()

    def worker(share: list[bytes]) -> None:
        conn = socket.create_connection(("127.0.0.1", port), timeout=60)
        for body in share:
            conn.sendall(head(SECRET, len(body)) + body)
            status = read_status(conn)
            with lock:
                statuses[status] += 1
        conn.close()

    shares = [bodies[i::CONNECTIONS] for i in range(CONNECTIONS)]
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        list(pool.map(worker, shares))
    return statuses


def idle_connections(port: int) -> float:
    """Open IDLE connections that send nothing; seconds until the server closed them all."""
    conns = [socket.create_connection(("127.0.0.1", port), timeout=60) for _ in range(IDLE)]
    start = time.monotonic()
    for conn in conns:
        conn.recv(1)  # b"" once the server hangs up
        conn.close()
    return time.monotonic() - start


def wait_listening(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the webhook server never listened")


# python-telegram-bot's own server, as the bot ran it before it had its own.
STOCK = """
import sys
from telegram.ext import Application
base, port, secret = sys.argv[1], int(sys.argv[2]), sys.argv[3]
app = Application.builder().token("{token}").base_url(base).build()
app.run_webhook(listen="127.0.0.1", port=port, url_path="hook", secret_token=secret,
                webhook_url="https://bot.example.org/hook")
"""


def wrong_secret_load(port: int, rss: RssSampler, label: str) -> None:
    base = rss.reset()
    start = time.monotonic()
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(big_wrong_post, [port] * CLIENTS))
    took = time.monotonic() - start
    statuses = Counter(status for status, _ in results)
    accepted = max(sent for _, sent in results) / (1 << 20)
    print(
        f"{label}: {CLIENTS} × 50 MB with a wrong secret: peak {rss.peak:.0f} MB "
        f"(+{rss.peak - base:.0f}); answers {dict(statuses)}; at most {accepted:.0f} MB of "
        f"a body into the socket before the answer; {took:.1f} s"
    )


def compare_stock() -> None:
    port = free_port()
    with FakeTelegram("5550001234:AAE" + "b" * 32) as fake:
        code = STOCK.replace("{token}", fake.token)
        proc = subprocess.Popen(
            [sys.executable, "-c", code, fake.base_url, str(port), SECRET],
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_listening(port)
            with RssSampler(proc.pid) as rss:
                time.sleep(0.5)
                wrong_secret_load(port, rss, "python-telegram-bot's run_webhook")
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=15)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=3000)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    port = free_port()
    with FakeTelegram("5550001234:AAE" + "b" * 32) as fake:
        proc = bot_process(
            fake,
            BOT_WEBHOOK_URL="https://bot.example.org/hook",
            BOT_WEBHOOK_SECRET=SECRET,
            BOT_LISTEN="127.0.0.1",
            BOT_PORT=str(port),
        )
        try:
            if not fake.wait_for(lambda f: bool(f.webhook), 30):
                raise SystemExit("the bot never registered its webhook")
            wait_listening(port)
            with RssSampler(proc.pid) as rss:
                time.sleep(0.5)
                print(f"# webhook server RSS; idle after start: {rss.reset():.0f} MB")
                wrong_secret_load(port, rss, "python -m bot run")

                base = rss.reset()
                payloads = [
                    fake.message(7000000 + i, "举报电话是多少")
                    if i % 30 == 0
                    else fake.callback(7000000 + i, "t:gone_topic")
                    for i in range(args.updates)
                ]
                bodies = [
                    json.dumps({"update_id": 100 + i, **p}).encode() for i, p in enumerate(payloads)
                ]
                start = time.monotonic()
                answers = flood(port, bodies + bodies)  # each delivered twice
                took = time.monotonic() - start
                replies = len(fake.callback_answers) + len(fake.sent)
                print(
                    f"{args.updates} valid updates, each posted twice, over {CONNECTIONS} "
                    f"connections: peak {rss.peak:.0f} MB (+{rss.peak - base:.0f}); "
                    f"answers {dict(answers)}; {replies} replies for {args.updates} updates; "
                    f"{took:.1f} s"
                )

                base = rss.reset()
                closed = idle_connections(port)
                print(
                    f"{IDLE} connections sending nothing: all closed by the server after "
                    f"{closed:.1f} s; peak {rss.peak:.0f} MB"
                )
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=15)
    if args.compare:
        compare_stock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
