"""docs/maintaining.md stays true: each sample output marked `<!-- 核对: name -->` is
produced here by running what the guide describes, and compared line by line.

A block's lines must appear in the real output in the same order; a line "…" in the
block stands for lines left out, and between two "…" the lines must be consecutive.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from test_new_campaign import Check, enter_facts, fix_sources, running_period

from bot.knowledge import use_language

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "maintaining.md"
SHIPPED = ROOT / "knowledge"
_BLOCK = re.compile(r"<!-- 核对: (\w+) -->\n(?P<indent>[ ]*)```text\n(?P<body>.*?)\n[ ]*```", re.S)


def guide_blocks() -> dict[str, list[str]]:
    text = GUIDE.read_text(encoding="utf-8")
    return {
        m.group(1): textwrap.dedent(m.group("body")).splitlines() for m in _BLOCK.finditer(text)
    }


def bot(
    *args: str, cwd: Path, env: dict[str, str] | None = None, merged: bool = False
) -> subprocess.CompletedProcess[str]:
    """`python -m bot …`; merged=True gives stdout and stderr in the order a terminal shows."""
    environ = {k: v for k, v in os.environ.items() if k not in ("FAQ_PATH", "BOT_LANG")}
    environ |= {"PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merged else subprocess.PIPE,
        text=True,
        timeout=120,
    )


def copy_of_shipped(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """tmp/knowledge/ with the FAQ edited: paths then read knowledge/faq.yaml, as in the guide."""
    folder = tmp_path / "knowledge"
    folder.mkdir()
    text = (SHIPPED / "faq.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"the FAQ changed: {old!r}; update the guide and this test"
        text = text.replace(old, new, 1)
    (folder / "faq.yaml").write_text(text, encoding="utf-8")
    (folder / "notice.txt").write_bytes((SHIPPED / "notice.txt").read_bytes())
    return folder / "faq.yaml"


# The guide's §3 example: one phone mistyped, a number typed into an answer.
PROBLEMS = (
    ('"024-88881977"]', '"024-88881978"]'),
    ("信封上写清信箱号和邮编即可寄出。", "信封上写清信箱号和邮编即可寄出。也可拨打024-12345678。"),
)


def problems(tmp_path: Path) -> str:
    copy_of_shipped(tmp_path, *PROBLEMS)
    return bot("check", "knowledge/faq.yaml", cwd=tmp_path).stderr


def syntax(tmp_path: Path) -> str:
    copy_of_shipped(tmp_path, ("    title: 值班电话", "    title：值班电话"))
    return bot("check", "knowledge/faq.yaml", cwd=tmp_path).stderr


def ok(tmp_path: Path) -> str:
    return bot("check", cwd=ROOT).stdout


def ended(tmp_path: Path) -> str:
    return bot("check", cwd=ROOT).stderr


def confusions(tmp_path: Path) -> str:
    copy_of_shipped(
        tmp_path,
        ("    keywords: [信箱, 邮编,", "    keywords: [信箱, 邮编, 电话, 号码, 热线,"),
        ("      - 信箱地址是什么\n", "      - 信箱地址是什么\n      - 电话号码是多少\n"
         "      - 有没有热线\n"),
    )
    return bot("check", "knowledge/faq.yaml", cwd=tmp_path, merged=True).stdout


def reload(tmp_path: Path) -> str:
    from bot.live import LiveBrain

    faq = copy_of_shipped(tmp_path)
    live = LiveBrain(faq)
    copy = faq.read_text(encoding="utf-8")
    for old, new in PROBLEMS[:1]:
        copy = copy.replace(old, new, 1)
    faq.write_text(copy, encoding="utf-8")
    os.chdir(tmp_path)  # paths as the bot started in the project folder shows them
    from bot.tg.handlers import reload_reply

    return reload_reply(live.reload())


def review(tmp_path: Path) -> str:
    log = tmp_path / "unanswered.jsonl"
    asked = [("01", "电话打不通怎么办"), ("02", "电话打不通怎么办"), ("03", "电话一直打不通"),
             ("04", "电话占线怎么办"), ("05", "匿名举报可以"), ("05", "能匿名举报")]  # fmt: skip
    log.write_text(
        "".join(f'{{"date": "2025-09-{d}", "q": "{q}"}}\n' for d, q in asked), encoding="utf-8"
    )
    return bot("review", cwd=ROOT, env={"UNANSWERED_LOG": str(log)}).stdout


def _hunan(tmp_path: Path) -> tuple[Path, Check]:
    start, end = running_period()
    os.chdir(tmp_path)
    faq = enter_facts(Path("knowledge-hunan"), start, end)
    done = bot("check", "knowledge-hunan/faq.yaml", cwd=tmp_path)
    return faq, Check(done.returncode, done.stdout, done.stderr)


def leftovers(tmp_path: Path) -> str:
    start, end = running_period()
    faq, first = _hunan(tmp_path)
    fix_sources(faq, first, start, end)
    done = bot("check", "knowledge-hunan/faq.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stderr


SCENARIOS: dict[str, Callable[[Path], str]] = {
    f.__name__: f
    for f in (problems, syntax, ok, ended, confusions, reload, review, leftovers)
}


def test_every_marked_sample_has_its_scenario() -> None:
    assert set(guide_blocks()) == set(SCENARIOS)


# A line number in the FAQ (knowledge/faq.yaml:1216) moves with every line added above it; the
# sample shows that there is one, and the rest of the line must be the real one.
_LINE_NUMBER = re.compile(r"(?<=\.yaml:)\d+")


def _same(shown: list[str], real: list[str]) -> bool:
    if len(shown) != len(real):
        return False
    pairs = zip(shown, real, strict=True)
    return all(_LINE_NUMBER.sub("N", a) == _LINE_NUMBER.sub("N", b) for a, b in pairs)


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_guide_shows_the_real_output(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOT_LANG", raising=False)
    monkeypatch.chdir(ROOT)  # scenarios may move; pytest's chdir restores it
    use_language(None)
    shown = guide_blocks()[name]
    real = SCENARIOS[name](tmp_path).splitlines()
    segments: list[list[str]] = [[]]
    for line in shown:
        if line.strip() == "…":
            segments.append([])
        else:
            segments[-1].append(line)
    at = 0
    for segment in filter(None, segments):
        found = next(
            (i for i in range(at, len(real)) if _same(segment, real[i : i + len(segment)])),
            None,
        )
        assert found is not None, (
            f"docs/maintaining.md, sample {name!r}: these lines are not in the real output "
            f"(in this order):\n" + "\n".join(segment) + "\n--- real output:\n" + "\n".join(real)
        )
        at = found + len(segment)
