"""Does one user's crafted message hold up another's reply?

The real `python -m bot run` polls the fake Bot API (tests/fakeapi.py). One user sends
four of the slowest known 4,096-character messages at once (the issue measured 6 s of
`answer()` for `'局' + '⒛' * 4095`); right behind them, other users ask ordinary
questions. Reported: how long each ordinary user waited for the reply (the issue: 50.9 s
behind four such messages, when answers ran on the event loop), and how long the crafted
ones took.

Answers run in worker threads, which keeps the event loop free while Python code runs; a
regular expression's matching loop, however, holds the interpreter lock until it ends, so
the ordinary users' wait also depends on every pattern running in linear time.

    .venv/bin/python benchmarks/telegram_slow_answer.py [--others 5]
"""

from __future__ import annotations

import argparse
import signal
import sys
import time

from telegram_process import TOKEN, FakeTelegram, bot_process

CRAFTED = ["局" + "⒛" * 4095, "⒛" * 4096, "1" * 4096, "局" + "⒛" * 4095]
ATTACKER = 9_100_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--others", type=int, default=5)
    args = parser.parse_args()
    others = [9_200_000 + i for i in range(args.others)]
    with FakeTelegram(TOKEN) as fake:
        proc = bot_process(fake)
        try:
            if not fake.wait_for(lambda f: f.called("getUpdates") > 0, 30):
                raise SystemExit("the bot never polled")
            fake.add_update(fake.message(1, "你好"))  # warm up
            if not fake.wait_for(lambda f: len(f.sent) >= 1, 30):
                raise SystemExit("no answer to the warm-up message")
            start = time.monotonic()
            fake.add_updates(fake.message(ATTACKER, text) for text in CRAFTED)
            fake.add_updates(fake.message(u, "电话多少") for u in others)
            if not fake.wait_for(lambda f: all(f.sent_to(u) for u in others), 120):
                raise SystemExit("the ordinary users were not answered within 120 s")
            waits = sorted(fake.sent_to(u)[0].at - start for u in others)
            fake.wait_for(lambda f: len(f.sent_to(ATTACKER)) >= len(CRAFTED), 120)
            crafted = [s.at - start for s in fake.sent_to(ATTACKER)]
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=15)
    print(
        f"# {len(CRAFTED)} crafted 4,096-character messages from one user, then "
        f"{args.others} ordinary questions from others"
    )
    print(
        f"ordinary users answered after {waits[0]:.2f}–{waits[-1]:.2f} s; the crafted "
        f"messages after {', '.join(f'{t:.1f}' for t in crafted)} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
