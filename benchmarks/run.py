"""Speed and memory of the answering core, printed as a Markdown table (`make bench`).

Not a test: figures depend on the machine, so nothing here passes or fails a build. Each
figure is printed with its target; the README quotes the table.

    .venv/bin/python benchmarks/run.py [--lines 20000] [--runs 5] [--examples 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, without installing

from bot.answer import Brain  # noqa: E402
from bot.knowledge import read_yaml  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions.yaml"
FAQ = ROOT / "knowledge" / "faq.yaml"
NOW = datetime(2016, 3, 10, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@dataclass
class Row:
    measure: str
    result: str
    target: str
    met: bool | None  # None: informative only


# -- the machine -----------------------------------------------------------------------------


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def commit() -> str:
    """The commit measured, marked when the working tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
    except OSError:
        return "?"
    return f"{head or '?'}{' + uncommitted changes' if dirty else ''}"


# -- helpers ---------------------------------------------------------------------------------


def questions() -> list[str]:
    return [item["q"] for item in read_yaml(QUESTIONS).data]


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    rank = max(1, round(p / 100 * len(sorted_values) + 0.5 - 1e-9))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def latencies(answer: Callable[[str], Any], texts: Sequence[str], rounds: int) -> list[float]:
    """Milliseconds per call, over `rounds` passes after one warm-up pass."""
    for text in texts:
        answer(text)
    out = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for text in texts:
            start = clock()
            answer(text)
            out.append((clock() - start) / 1e6)
    out.sort()
    return out


def bot_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot", *args]


# -- the measurements ------------------------------------------------------------------------


def throughput(lines: int) -> list[Row]:
    """`ask --jsonl` over `lines` real questions: steady answers/s, wall time, peak RSS."""
    texts = questions()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for n in range(lines):
                fh.write(json.dumps({"id": n, "text": texts[n % len(texts)]}, ensure_ascii=False))
                fh.write("\n")
        with source.open("rb") as stdin:
            started = time.perf_counter()
            proc = subprocess.Popen(
                bot_command("ask", "--jsonl"), stdin=stdin, stdout=subprocess.PIPE, cwd=ROOT
            )
            assert proc.stdout is not None
            first = proc.stdout.readline()
            t_first = time.perf_counter()
            count, errors = 1, int(b'"error"' in first)
            for line in proc.stdout:
                count += 1
                errors += b'"error"' in line
            t_last = time.perf_counter()
            # wait4 gives this child's own peak RSS (KiB on Linux), not the largest of all.
            _, status, usage = os.wait4(proc.pid, 0)
    if count != lines or errors or os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"ask --jsonl answered {count}/{lines} lines, {errors} errors")
    steady = (count - 1) / (t_last - t_first)
    wall = t_last - started
    rss_mb = usage.ru_maxrss / 1024
    return [
        Row(f"`ask --jsonl`, {lines:,} questions: answers/s", f"{steady:,.0f}", "≥ 2,000",
            steady >= 2000),
        Row("↳ same run: wall time incl. start-up", f"{wall:.2f} s ({lines / wall:,.0f}/s)",
            "", None),
        Row("↳ same run: peak RSS", f"{rss_mb:.0f} MB", "≤ 150 MB", rss_mb <= 150),
    ]  # fmt: skip


def load_and_answer(path: Path | None, rounds: int) -> tuple[float, list[float]]:
    """Seconds to load and index the FAQ, and the sorted per-answer latencies in ms."""
    start = time.perf_counter()
    brain = Brain.load(path)
    loaded = time.perf_counter() - start
    return loaded, latencies(lambda t: brain.answer(t, NOW), questions(), rounds)


def in_process(rounds: int) -> list[Row]:
    texts = questions()
    loaded, ms = load_and_answer(None, rounds)
    p50, p99 = percentile(ms, 50), percentile(ms, 99)
    return [
        Row(f"`answer()` latency, shipped FAQ ({len(texts)} questions × {rounds})",
            f"p50 {p50:.2f} ms · p99 {p99:.2f} ms · max {ms[-1]:.2f} ms", "p99 ≤ 5 ms",
            p99 <= 5),
        Row("↳ FAQ load and index build", f"{loaded * 1000:.0f} ms", "", None),
    ]  # fmt: skip


def synthetic_faq(directory: Path, examples: int, seed: int = 7) -> tuple[Path, int]:
    """A valid FAQ with about `examples` example questions: the shipped topics cloned.

    Each clone keeps the answer, source and facts of its topic (so the FAQ stays valid and
    its provenance holds) and gets its own title, keywords and synthetic questions, built
    from words of the notice so that they look and score like real ones.
    """
    shutil.copy(FAQ.with_name("notice.txt"), directory / "notice.txt")
    data = read_yaml(FAQ).data
    notice = FAQ.with_name("notice.txt").read_text(encoding="utf-8")
    words = sorted({m for run in re.findall(r"[\u4e00-\u9fff]{2,}", notice)
                    for m in (run[i:i + 2] for i in range(0, len(run) - 1, 2))})  # fmt: skip
    rng = random.Random(seed)
    asks = ["怎么办", "找谁", "是多少", "在哪里", "能反映吗", "归谁管", "怎么弄", "什么时候", ""]
    existing = sum(len(i.get("examples", [])) for s in ("topics", "routes", "smalltalk")
                   for i in data.get(s, []))  # fmt: skip
    topics = data["topics"]
    originals = list(topics)
    per_clone = 40
    clones = max(1, -(-(examples - existing) // (per_clone * len(originals))))
    seen: set[str] = set()

    def question() -> str:
        while True:
            q = "".join(rng.sample(words, rng.randint(2, 4))) + rng.choice(asks)
            if q not in seen:
                seen.add(q)
                return q

    for k in range(clones):
        for topic in originals:
            clone = dict(topic)
            clone["id"] = f"{topic['id']}_x{k}"
            clone["title"] = f"{topic['title']}{k}"
            if "title_en" in clone:
                clone["title_en"] = f"{topic['title_en']} {k}"
            clone["keywords"] = [question()[:4] for _ in range(6)]
            clone["examples"] = [question() for _ in range(per_clone)]
            topics.append(clone)
    total = sum(len(i.get("examples", [])) for s in ("topics", "routes", "smalltalk")
                for i in data.get(s, []))  # fmt: skip
    path = directory / "faq.yaml"

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:  # the loader refuses aliases
            return True

    path.write_text(
        yaml.dump(data, Dumper=Dumper, allow_unicode=True, width=1 << 16, sort_keys=False,
                  default_flow_style=None),
        encoding="utf-8",
    )  # fmt: skip
    return path, total


def large_faq(examples: int, rounds: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        path, total = synthetic_faq(Path(tmp), examples)
        size_kb = path.stat().st_size / 1024
        loaded, ms = load_and_answer(path, rounds)
    p50, p99 = percentile(ms, 50), percentile(ms, 99)
    return [
        Row(f"`answer()` latency, generated FAQ of {total:,} examples",
            f"p50 {p50:.2f} ms · p99 {p99:.2f} ms · max {ms[-1]:.2f} ms", "p99 ≤ 25 ms",
            p99 <= 25),
        Row(f"↳ its load and index build ({size_kb:,.0f} KB of YAML)",
            f"{loaded * 1000:.0f} ms", "", None),
    ]  # fmt: skip


def first_answer(runs: int) -> list[Row]:
    """Wall time of `python -m bot ask 电话`: process start, FAQ load, one answer, exit."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(bot_command("ask", "电话"), cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0 or b"024-88881877" not in proc.stdout:
            raise SystemExit(f"`ask 电话` failed: {proc.stderr.decode()[-500:]}")
    times.sort()
    median = statistics.median(times)
    return [
        Row(f"first answer after process start (`ask 电话`, {runs} runs)",
            f"median {median:.2f} s · min {times[0]:.2f} s · max {times[-1]:.2f} s",
            "≤ 1.5 s", median <= 1.5),
    ]  # fmt: skip


def table(rows: list[Row]) -> str:
    mark = {True: "yes", False: "**no**", None: ""}
    out = ["| measure | result | target | met |", "| --- | --- | --- | --- |"]
    out += [f"| {r.measure} | {r.result} | {r.target} | {mark[r.met]} |" for r in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20_000, help="questions through ask --jsonl")
    parser.add_argument("--runs", type=int, default=5, help="runs of the start-up measurement")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the question set")
    parser.add_argument("--examples", type=int, default=10_000, help="size of the generated FAQ")
    args = parser.parse_args(argv)

    print(f"Machine: {machine()}  ")
    print(f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · commit {commit()}\n", flush=True)
    rows: list[Row] = []
    for step in (
        lambda: throughput(args.lines),
        lambda: in_process(args.rounds),
        lambda: large_faq(args.examples, args.rounds),
        lambda: first_answer(args.runs),
    ):
        rows += step()
    print(table(rows))
    return 0 if all(r.met is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
