"""300 users write at the same moment: how long until all are answered, and how smoothly?

The real `python -m bot run` process polls the fake Bot API (tests/fakeapi.py) on
loopback, which, like Telegram, answers 429 to more than 30 sends in any sliding second.
After a warm-up message, 300 distinct users' questions appear in one getUpdates batch;
the clock runs from then until the fake server has received the 300th reply.

Telegram's floor is 300 / 30 per s = 10 s; the target is 1.15 × that = 11.5 s, with at
most 30 sends in any one-second window and no 429 provoked. With --compare the same burst
is also sent in process through python-telegram-bot's stock AIORateLimiter, to show what
smooth pacing buys.

    .venv/bin/python benchmarks/telegram_burst.py [--users 300] [--runs 2] [--compare]
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import time
from dataclasses import dataclass

from telegram_process import TOKEN, FakeTelegram, bot_process, max_in_window

FLOOR_PER_SECOND = 30
TARGET_FACTOR = 1.15
QUESTIONS = [
    "请问举报电话是多少",
    "信寄到哪里,邮编多少",
    "几点到几点能打电话",
    "巡视到什么时候结束",
    "巡视组受理什么问题",
    "村干部贪污找谁",
    "what is the phone number",
    "现在还能打电话吗",
    "巡視組的電話號碼",
    "我想举报我们市长怎么联系",
]


@dataclass
class Burst:
    users: int
    seconds: float  # burst visible → last reply received
    first: float  # burst visible → first reply received
    max_per_second: int
    max_per_100ms: int
    provoked_429: int
    answered_once: bool

    def line(self, label: str) -> str:
        target = self.users / FLOOR_PER_SECOND * TARGET_FACTOR
        ok = (
            self.seconds <= target
            and self.max_per_second <= FLOOR_PER_SECOND
            and self.provoked_429 == 0
            and self.answered_once
        )
        return (
            f"{label}: {self.users} replies in {self.seconds:.2f} s (target ≤ {target:.1f} s), "
            f"first after {self.first:.2f} s; max {self.max_per_second} in any 1 s "
            f"(≤ {FLOOR_PER_SECOND}), max {self.max_per_100ms} in any 0.1 s; "
            f"429 provoked: {self.provoked_429}; each answered once: {self.answered_once}"
            f" — {'OK' if ok else 'MISSED'}"
        )


def burst(fake: FakeTelegram, users: int, base_user: int, timeout: float = 60) -> Burst:
    """Send one message from each of `users` new users at once and measure the replies."""
    ids = range(base_user, base_user + users)
    already = len(fake.sent)
    before_429 = fake.flood_429
    start = time.monotonic()
    fake.add_updates(fake.message(u, QUESTIONS[i % len(QUESTIONS)]) for i, u in enumerate(ids))
    if not fake.wait_for(lambda f: len(f.sent) >= already + users, timeout):
        raise SystemExit(f"only {len(fake.sent) - already} of {users} replies in {timeout} s")
    time.sleep(0.5)  # a late duplicate would show up here
    sends = fake.sent[already:]
    times = [s.at for s in sends]
    chats = sorted(s.chat_id for s in sends)
    return Burst(
        users=users,
        seconds=max(times) - start,
        first=min(times) - start,
        max_per_second=max_in_window(times, 1.0),
        max_per_100ms=max_in_window(times, 0.1),
        provoked_429=fake.flood_429 - before_429,
        answered_once=chats == list(ids),
    )


def warm_up(fake: FakeTelegram, user: int) -> None:
    already = len(fake.sent)
    fake.add_update(fake.message(user, "你好"))
    if not fake.wait_for(lambda f: len(f.sent) > already, 30):
        raise SystemExit("no answer to the warm-up message")
    time.sleep(1.1)  # let its send leave the one-second window


def measure_process(users: int, runs: int) -> list[Burst]:
    results = []
    with FakeTelegram(TOKEN) as fake:
        proc = bot_process(fake)
        try:
            if not fake.wait_for(lambda f: f.called("getUpdates") > 0, 30):
                raise SystemExit("the bot never polled")
            warm_up(fake, 1)
            for run in range(runs):
                results.append(burst(fake, users, base_user=1_000_000 * (run + 1)))
                time.sleep(1.1)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=15)
    return results


async def _in_process(fake: FakeTelegram, users: int, stock: bool) -> Burst:
    from telegram.ext import AIORateLimiter

    from bot.answer import Brain
    from bot.knowledge import default_path
    from bot.settings import Settings
    from bot.stats import Stats
    from bot.tg.app import ALLOWED_UPDATES, build_application
    from bot.tg.pacing import SmoothRateLimiter
    from bot.tg.polling import Poller
    from bot.tg.services import Services

    class Fixed:
        def __init__(self) -> None:
            self.current = Brain.load(default_path())
            self.history: list[object] = []

        def reload(self) -> None: ...

        def poll(self) -> None: ...

    limiter = AIORateLimiter(max_retries=10) if stock else SmoothRateLimiter()
    svc = Services(live=Fixed(), stats=Stats())  # type: ignore[arg-type]
    settings = Settings(token=TOKEN, api_base_url=fake.base_url)
    app = build_application(settings, svc, limiter=limiter)  # type: ignore[arg-type]
    stop = asyncio.Event()
    async with app:
        await app.start()
        polling = asyncio.create_task(Poller(ALLOWED_UPDATES)(app, stop))
        await asyncio.to_thread(warm_up, fake, 2)
        result = await asyncio.to_thread(burst, fake, users, 5_000_000)
        stop.set()
        await polling
        await app.stop()
        svc.answers.shutdown()
    return result


def measure_in_process(users: int, stock: bool) -> Burst:
    with FakeTelegram(TOKEN) as fake:
        return asyncio.run(_in_process(fake, users, stock))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also run the burst in process with the stock AIORateLimiter",
    )
    args = parser.parse_args()

    print(
        f"# Telegram burst: {args.users} users at once, fake Bot API limiting to "
        f"{FLOOR_PER_SECOND} sends per sliding second"
    )
    results = measure_process(args.users, args.runs)
    for i, r in enumerate(results, 1):
        print(r.line(f"python -m bot run, burst {i}"))
    if args.compare:
        print(measure_in_process(args.users, stock=False).line("in process, SmoothRateLimiter"))
        print(measure_in_process(args.users, stock=True).line("in process, AIORateLimiter"))
    worst = max(results, key=lambda r: r.seconds)
    target = args.users / FLOOR_PER_SECOND * TARGET_FACTOR
    met = worst.seconds <= target and all(
        r.max_per_second <= FLOOR_PER_SECOND and r.provoked_429 == 0 and r.answered_once
        for r in results
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
