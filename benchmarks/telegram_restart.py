"""A deploy under load: SIGTERM with a backlog pending, then a fresh start.

The fake Bot API (tests/fakeapi.py) holds a backlog of updates from distinct users (mostly
button presses, answered at once; every `--every`th a question, a paced reply) and counts
confirmations by offset, as Telegram does. The real `python -m bot run` starts, is sent
SIGTERM after `--after` handled updates, and is started again until the backlog is gone.
Reported: the time from SIGTERM to exit (Docker allows 10 s), the bot's peak RSS, and
across both runs the updates answered twice, and confirmed without an answer.

A second, worst case: a backlog of questions only, so that at the stop the whole window
(100 updates) waits for paced replies: how long the drain takes.

    .venv/bin/python benchmarks/telegram_restart.py [--updates 20000] [--every 100]
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from typing import Any

from telegram_process import TOKEN, FakeTelegram, RssSampler, bot_process

STOP_WITHIN = 10.0


def answered(fake: FakeTelegram) -> int:
    return len(fake.callback_answers) + len(fake.sent)


def answer_times(fake: FakeTelegram, payload: dict[str, Any]) -> list[float]:
    if "callback_query" in payload:
        query = payload["callback_query"]["id"]
        return [a.at for a in fake.callback_answers if a.params["callback_query_id"] == query]
    return [s.at for s in fake.sent_to(payload["message"]["chat"]["id"])]


def run_until(fake: FakeTelegram, handled: int, timeout: float = 300) -> tuple[float, float]:
    """Start the bot, SIGTERM it once `handled` updates are answered: (exit s, peak MB)."""
    proc = bot_process(fake)
    with RssSampler(proc.pid) as rss:
        if not fake.wait_for(lambda f: answered(f) >= handled, timeout):
            proc.kill()
            raise SystemExit(f"only {answered(fake)} answered in {timeout} s")
        stopped = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise SystemExit("no exit within 30 s of SIGTERM") from None
    return time.monotonic() - stopped, rss.peak


def backlog(fake: FakeTelegram, updates: int, every: int, base: int) -> dict[int, Any]:
    payloads = [
        fake.message(base + i, "举报电话是多少")
        if i % every == 0
        else fake.callback(base + i, "t:gone_topic")
        for i in range(updates)
    ]
    return dict(zip(fake.add_updates(payloads), payloads, strict=True))


def restart_under_load(updates: int, every: int, after: int) -> bool:
    with FakeTelegram(TOKEN) as fake:
        by_id = backlog(fake, updates, every, base=8_000_000)
        exit_s, peak = run_until(fake, after)
        first = dict(fake.confirmed)
        early = sum(
            1 for u, at in first.items() if not any(t <= at for t in answer_times(fake, by_id[u]))
        )
        print(
            f"run 1: SIGTERM after {after} of {updates} answered; exit {exit_s:.2f} s after "
            f"SIGTERM (≤ {STOP_WITHIN:.0f}); {len(first)} confirmed, {early} of them before "
            f"their answer; {fake.pending()} left with Telegram; peak RSS {peak:.0f} MB"
        )
        exit2, peak2 = run_until(fake, updates)
        counts = [len(answer_times(fake, p)) for p in by_id.values()]
        twice, lost = sum(c > 1 for c in counts), sum(c == 0 for c in counts)
        print(
            f"run 2: the rest answered; exit {exit2:.2f} s after SIGTERM; peak RSS "
            f"{peak2:.0f} MB. Across both: {twice} answered twice, {lost} never answered, "
            f"{len(fake.confirmed)} of {updates} confirmed"
        )
        return exit_s <= STOP_WITHIN and early == 0 and twice == 0 and lost == 0


def full_window_drain() -> bool:
    with FakeTelegram(TOKEN) as fake:
        backlog(fake, 1000, every=1, base=9_000_000)
        exit_s, peak = run_until(fake, 20)
        print(
            f"worst case, 1,000 questions pending: exit {exit_s:.2f} s after SIGTERM with "
            f"{answered(fake)} answered, {len(fake.confirmed)} confirmed, "
            f"{fake.pending()} left with Telegram; peak RSS {peak:.0f} MB"
        )
        return exit_s <= STOP_WITHIN


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--after", type=int, default=2_000)
    args = parser.parse_args()
    print(f"# restart under load: {args.updates} pending updates, fake Bot API on loopback")
    ok = restart_under_load(args.updates, args.every, args.after)
    ok = full_window_drain() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
