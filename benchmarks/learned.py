"""Cost of the learned report guard (`bot.learned`) and topic vote (`bot.learned_topics`),
printed as a Markdown table.

Not a test: figures depend on the machine. Measures the weights file's size, the time to read
it (in a fresh process, so nothing is cached), and the scoring time per message
over every message of `tests/data`, plus the worst case: a message of MAX_CHARS characters
or more (the score reads no further).

    .venv/bin/python benchmarks/learned.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, without installing
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import Row, commit, latencies, machine, percentile, table  # noqa: E402

from bot import learned, learned_topics  # noqa: E402
from bot.evaluate import load_cases  # noqa: E402
from bot.text import fold  # noqa: E402

# A scoring call on top of answer()'s 5 ms p99 budget should stay a small part of it.
TARGET_P99_MS = 1.0
TARGET_LOAD_S = 0.1
TARGET_KB = 300
# The topic vote runs only where the matcher is unsure; it may cost more than the guard's score.
TARGET_TOPIC_KB = 600
TARGET_TOPIC_P99_MS = 5.0
TARGET_TOPIC_LOAD_S = 0.3

# Imported first (bot.knowledge, which every command imports anyway), then timed: the weights.
_LOAD = (
    "import time; from bot import learned; t = time.perf_counter(); learned.model(); "
    "print(time.perf_counter() - t)"
)


_LOAD_TOPICS = _LOAD.replace("from bot import learned", "from bot import learned_topics").replace(
    "learned.model()", "learned_topics.model()"
)


def fresh_load_seconds(runs: int = 5, code: str = _LOAD) -> list[float]:
    """Read and index the weights once, in a new interpreter each time."""
    out = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        out.append(float(done.stdout.strip()))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the messages")
    args = parser.parse_args(argv)

    path = learned.model_path()
    assert path is not None, "no weights file: run make train"
    size_kb = path.stat().st_size / 1024
    loads = fresh_load_seconds()
    model = learned.model()
    assert model is not None
    sets = sorted((ROOT / "tests" / "data").glob("*.yaml"))
    texts = [fold(c.q) for p in sets for c in load_cases(p)]
    per_message = latencies(learned.report_score, texts, args.rounds)
    longest = ["我们处长真有本事,工资不高,房子一套接一套。" * 200]  # ~4,000 characters
    worst = latencies(learned.report_score, [fold(t) for t in longest], 200)

    rows = [
        Row("weights file", f"{size_kb:.0f} KB, {len(model.features):,} n-grams",
            f"≤ {TARGET_KB} KB", size_kb <= TARGET_KB),
        Row("reading the weights, fresh process", f"median {loads[len(loads) // 2]:.3f} s "
            f"(min {loads[0]:.3f}, max {loads[-1]:.3f})", f"≤ {TARGET_LOAD_S} s",
            loads[len(loads) // 2] <= TARGET_LOAD_S),
        Row(f"report_score, {len(texts):,} messages × {args.rounds}",
            f"p50 {percentile(per_message, 50):.3f} ms · p99 {percentile(per_message, 99):.3f} ms"
            f" · max {per_message[-1]:.3f} ms", f"p99 ≤ {TARGET_P99_MS} ms",
            percentile(per_message, 99) <= TARGET_P99_MS),
        Row(f"report_score, a {len(longest[0]):,}-character message (reads {learned.MAX_CHARS})",
            f"p50 {percentile(worst, 50):.3f} ms · max {worst[-1]:.3f} ms", "bounded", None),
    ]  # fmt: skip
    rows += topic_rows(texts, longest, args.rounds)
    print(f"{machine()}; {datetime.now(UTC):%Y-%m-%d}; commit {commit()}\n")
    print(table(rows))
    return 0 if all(r.met is not False for r in rows) else 1


def topic_rows(texts: list[str], longest: list[str], rounds: int) -> list[Row]:
    path = learned_topics.model_path()
    assert path is not None, "no topic weights file: run make train"
    size_kb = path.stat().st_size / 1024
    loads = fresh_load_seconds(code=_LOAD_TOPICS)
    model = learned_topics.model()
    assert model is not None
    per_message = latencies(model.best, texts, rounds)
    worst = latencies(model.best, [fold(t) for t in longest], 200)
    load = loads[len(loads) // 2]
    p99 = percentile(per_message, 99)
    return [
        Row("topic weights file", f"{size_kb:.0f} KB, {len(model.features):,} n-grams, "
            f"{len(model.classes)} classes", f"≤ {TARGET_TOPIC_KB} KB", size_kb <= TARGET_TOPIC_KB),
        Row("reading the topic weights, fresh process", f"median {load:.3f} s (min "
            f"{loads[0]:.3f}, max {loads[-1]:.3f})", f"≤ {TARGET_TOPIC_LOAD_S} s",
            load <= TARGET_TOPIC_LOAD_S),
        Row(f"topic vote, {len(texts):,} messages × {rounds}",
            f"p50 {percentile(per_message, 50):.3f} ms · p99 {p99:.3f} ms"
            f" · max {per_message[-1]:.3f} ms", f"p99 ≤ {TARGET_TOPIC_P99_MS} ms",
            p99 <= TARGET_TOPIC_P99_MS),
        Row(f"topic vote, a {len(longest[0]):,}-character message (reads {learned.MAX_CHARS})",
            f"p50 {percentile(worst, 50):.3f} ms · max {worst[-1]:.3f} ms", "bounded", None),
    ]  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
