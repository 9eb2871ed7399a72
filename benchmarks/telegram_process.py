"""What the Telegram benchmarks share: the real `python -m bot run` process started against
the fake Bot API (tests/fakeapi.py), and its resident memory sampled while it works."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

# Re-exported for the benchmarks, which can import them only once the path is set.
from fakeapi import FakeTelegram, max_in_window  # noqa: E402

__all__ = ["TOKEN", "FakeTelegram", "RssSampler", "bot_process", "max_in_window", "rss_mb"]

TOKEN = "5550001234:AAE" + "b" * 32


def bot_process(fake: FakeTelegram, **extra: str) -> subprocess.Popen[bytes]:
    """The bot, polling `fake` (or serving a webhook if `extra` sets BOT_WEBHOOK_URL)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if "proxy" not in k.lower() and not k.startswith(("BOT_", "TELEGRAM_"))
    }
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.base_url, LOG_LEVEL="WARNING")
    env.update(extra)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL
    )


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class RssSampler:
    """Samples a process's RSS every `interval` s in a thread; `peak` since the last reset."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.pid, self.interval = pid, interval
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def reset(self) -> float:
        """Start a new peak; returns the current RSS."""
        now = rss_mb(self.pid)
        self.peak = now
        return now

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, rss_mb(self.pid))
            except (FileNotFoundError, ProcessLookupError):
                return
            time.sleep(self.interval)
