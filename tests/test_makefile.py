"""The Makefile and `.env`, as an operator uses them: `make run` reads `.env`, a `.venv` made by
another Python is rebuilt, `make check` keeps the check's status in its last line, and the
installs use the hashed locks.

Each make test runs in a scratch copy of the Makefile with `.venv` linked to this checkout's,
whose stamps are already up to date, so nothing is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "knowledge"
MALFORMED_TOKEN = "987654:" + "e" * 10
_OURS = ("TELEGRAM_", "BOT_", "FAQ_PATH", "LOG_LEVEL", "UNANSWERED_", "MAKE")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_OURS)}
    return {**env, "PYTHONUNBUFFERED": "1", **extra}


def copy_inputs(work: Path) -> Path:
    """The Makefile and what its rules depend on; copy2 keeps mtimes, so stamps stay newer."""
    work.mkdir()
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(REPO / name, work / name)
    shutil.copytree(REPO / "requirements", work / "requirements")
    return work


def scratch(tmp_path: Path) -> Path:
    """A working copy that `make` sees as set up: its inputs, and this checkout's .venv."""
    if not (REPO / ".venv" / ".test-deps").exists():
        pytest.fail("needs the .venv made by `make test`")
    work = copy_inputs(tmp_path / "work")
    (work / ".venv").symlink_to(REPO / ".venv")
    return work


def make(work: Path, *targets: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", *targets, f"PYTHON={sys.executable}"],
        cwd=work,
        env=clean_env(**env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- .env --------------------------------------------------------------------------------------


def test_python_m_bot_reads_dotenv_and_the_real_environment_wins(tmp_path: Path) -> None:
    faq = FIXTURE / "faq.yaml"
    (tmp_path / ".env").write_text(
        "# the operator's settings\nexport FAQ_PATH='/nowhere/faq.yaml'\nLOG_LEVEL=verbose\n",
        encoding="utf-8",
    )

    def ask(**env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "ask", "电话"],
            cwd=tmp_path,
            env=clean_env(**env),
            capture_output=True,
            text=True,
            timeout=60,
        )

    from_file = ask()
    assert from_file.returncode == 2
    assert "/nowhere/faq.yaml" in from_file.stderr  # FAQ_PATH came from .env
    from_env = ask(FAQ_PATH=str(faq))
    assert from_env.returncode == 0, from_env.stderr  # the real environment won
    assert from_env.stdout.strip()


def test_make_run_reads_the_token_from_dotenv(tmp_path: Path) -> None:
    work = scratch(tmp_path)
    without = make(work, "run")  # no token anywhere: the terminal chat, ended by EOF
    assert without.returncode == 0, without.stderr
    (work / ".env").write_text(f"TELEGRAM_BOT_TOKEN={MALFORMED_TOKEN}\n", encoding="utf-8")
    result = make(work, "run")
    # The token from .env made it start the Telegram bot, whose settings check stopped it.
    assert "python -m bot run: TELEGRAM_BOT_TOKEN: does not look like a bot token" in result.stderr
    assert MALFORMED_TOKEN not in result.stdout + result.stderr


# -- the venv ----------------------------------------------------------------------------------


def test_a_venv_made_by_another_python_is_rebuilt(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / ".venv" / "bin").mkdir(parents=True)
    shutil.copy2(REPO / "Makefile", work / "Makefile")
    old = work / ".venv" / "bin" / "python"
    old.write_text("#!/bin/sh\necho cpython 3.9.18 /opt/python3.9\n", encoding="utf-8")
    old.chmod(0o755)
    result = make(work, ".venv/.python-id")
    assert result.returncode == 0, result.stderr
    want = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.implementation.name, "
         "sys.version.split()[0], sys.base_prefix)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert result.stdout.splitlines()[0] == (
        f".venv was made by cpython 3.9.18 /opt/python3.9; rebuilding it with {sys.executable} "
        f"({want})"
    )
    rebuilt = subprocess.run(
        [old, "-c", "import sys; print(sys.prefix)"], capture_output=True, text=True, check=True
    )
    assert Path(rebuilt.stdout.strip()) == work / ".venv"  # a real venv now, not the old one
    assert (work / ".venv" / ".python-id").read_text(encoding="utf-8").strip() == want
    again = make(work, ".venv/.python-id")
    assert again.stdout == ""  # the right one is kept


# -- make check --------------------------------------------------------------------------------


def test_make_check_keeps_the_checks_status_in_its_last_line(tmp_path: Path) -> None:
    work = scratch(tmp_path)
    broken = tmp_path / "broken" / "faq.yaml"
    broken.parent.mkdir()
    broken.write_text("facts: [unclosed\n", encoding="utf-8")
    shutil.copy2(FIXTURE / "notice.txt", broken.parent / "notice.txt")
    wrong = tmp_path / "wrong" / "faq.yaml"
    wrong.parent.mkdir()
    wrong.write_text(
        (FIXTURE / "faq.yaml").read_text("utf-8") + "  - {q: 邮编多少, topics: [phone]}\n", "utf-8"
    )
    shutil.copy2(FIXTURE / "notice.txt", wrong.parent / "notice.txt")
    for faq, status in ((wrong, 1), (broken, 2)):
        result = make(work, "check", FAQ_PATH=str(faq))
        # GNU make exits 2 for any failed recipe; its last line names the check's own status.
        assert result.returncode == 2
        last = result.stderr.strip().splitlines()[-1]
        assert re.fullmatch(rf"make: \*\*\* \[Makefile:\d+: check\] Error {status}", last), last


# -- the locks ---------------------------------------------------------------------------------


def test_every_install_uses_the_hashed_locks(tmp_path: Path) -> None:
    work = copy_inputs(tmp_path / "work")
    plan = make(work, "-n", "-B", ".venv/.run-deps", ".venv/.test-deps").stdout
    installs = [line for line in plan.splitlines() if "pip install" in line]
    assert any(
        "--require-hashes -r requirements/run.txt -r requirements/build.txt" in i for i in installs
    )
    assert any("--require-hashes -r requirements/dev.txt" in i for i in installs)
    for line in installs:  # the project itself: no dependencies, no unpinned build backend
        if "-e ." in line:
            assert "--no-deps" in line and "--no-build-isolation" in line
        else:
            assert "--require-hashes" in line
    lock = make(work, "-n", "lock").stdout
    compiles = [line for line in lock.splitlines() if "pip-compile" in line]
    assert len(compiles) == 3
    for line, out in zip(compiles, ("run", "dev", "build"), strict=True):
        assert "--generate-hashes" in line and f"-o requirements/{out}.txt" in line
    assert "--upgrade" not in lock and "--upgrade" in make(work, "-n", "lock", "UPGRADE=1").stdout


# -- the README --------------------------------------------------------------------------------


def test_the_readme_commands_run_as_written() -> None:
    from bot.__main__ import build_parser

    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```sh\n(.*?)```", text, re.S)
    assert block, "README: no Quick start block"
    firsts = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert firsts[:2] == ["make run", "make test"]
    # Outside the venv, a bare `python -m bot` fails with ModuleNotFoundError: the README
    # writes the venv's interpreter, except where it names a command the image or make runs.
    verbs = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for found in re.finditer(r"([\w./]*)python -m bot( \w+)?", text):
        prefix, verb = found.group(1), (found.group(2) or "").strip()
        line = text[text.rfind("\n", 0, found.start()) + 1 : text.find("\n", found.end())]
        if prefix != ".venv/bin/":
            assert re.search(r"image|make run|real `python -m bot run`|activate", line), line
        if verb and prefix == ".venv/bin/":
            assert verb in verbs, line
    targets = set(re.findall(r"^([a-z]+):", (REPO / "Makefile").read_text(), re.M))
    for target in re.findall(r"`make ([a-z]+)", text):
        assert target in targets, target
