"""The terminal front, run as users run it: `python -m bot chat|ask` in a real process."""

from __future__ import annotations

import codecs
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.console import render
from bot.reply import Reply, Suggestion

ROOT = Path(__file__).resolve().parents[1]
PHONES = ("024-88881877", "024-88881977")


def run(*args: str, stdin: str | bytes = b"", env: dict[str, str] | None = None):
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=data,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def jsonl(*lines: str | bytes) -> list[dict]:
    raw = b"".join((x.encode() if isinstance(x, str) else x) + b"\n" for x in lines)
    proc = run("ask", "--jsonl", stdin=raw)
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(line) for line in proc.stdout.decode().splitlines()]


def test_ask_prints_the_facts() -> None:
    proc = run("ask", "巡视组的电话是多少", "信寄到哪里")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert all(p in out for p in PHONES)
    assert "6008" in out and "110034" in out
    assert out.index(PHONES[0]) < out.index("110034")  # in the order asked
    assert proc.stderr == b""


def test_ask_reads_stdin_lines_without_arguments() -> None:
    proc = run("ask", stdin="邮编多少\n\n   \n几点能打电话\n")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "110034" in out and "20:00" in out
    assert out.endswith("\n\n")


def test_chat_piped_answers_each_line_followed_by_a_blank_line() -> None:
    proc = run("chat", stdin="电话多少\n邮编是多少")  # the last line has no newline
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert all(p in out for p in PHONES) and "110034" in out
    assert out.endswith("\n\n") and not out.endswith("\n\n\n")
    assert "> " not in out  # no prompt when piped


def test_a_report_is_not_echoed_in_the_terminal() -> None:
    proc = run("ask", "我要举报铁岭市国土局局长王建军收了300万")
    out = proc.stdout.decode()
    assert all(p in out for p in PHONES) and "6008" in out
    assert "王建军" not in out and "300万" not in out


def test_jsonl_answers_every_line_in_order() -> None:
    long_text = "请问巡视组值班电话多少" + "啊" * (4096 - 11)
    assert len(long_text) == 4096
    out = jsonl(
        json.dumps({"text": "电话多少", "id": 1}),
        "",
        "{not json",
        json.dumps({"id": "x"}),
        json.dumps({"text": 42}),
        "[1, 2]",
        json.dumps({"text": "郵遞區號是多少？📮", "id": [2, "b"]}, ensure_ascii=False),
        json.dumps({"text": long_text}),
        json.dumps({"text": ""}),
        b"\xff\xfe broken utf-8",
        json.dumps({"text": "邮编"}) + "\r",  # CRLF line ending
    )
    assert len(out) == 11
    first = out[0]
    assert first["id"] == 1 and first["kind"] == "faq" and "phone" in first["topics"]
    assert all(p in first["reply"] for p in PHONES)
    assert {"reply", "kind", "topics", "confidence", "suggestions", "lang"} <= set(first)
    assert out[1] == {"error": "empty line"}
    assert set(out[2]) == {"error"}
    assert out[3]["id"] == "x" and "text" in out[3]["error"] and "reply" not in out[3]
    assert "error" in out[4]
    assert set(out[5]) == {"error"}
    assert out[6]["id"] == [2, "b"] and "110034" in out[6]["reply"]
    assert all(p in out[7]["reply"] for p in PHONES)
    assert out[8]["kind"] == "fallback" and out[8]["reply"]  # empty text still gets help
    assert set(out[9]) == {"error"}
    assert "110034" in out[10]["reply"]


def test_jsonl_writes_utf8_not_escapes() -> None:
    proc = run("ask", "--jsonl", stdin=json.dumps({"text": "电话"}) + "\n")
    assert b"024-88881877" in proc.stdout and "电话".encode() in proc.stdout
    assert b"\\u" not in proc.stdout


def test_jsonl_bulk_keeps_order_across_read_boundaries() -> None:
    # Enough multi-byte lines to span many 64 KiB reads, so lines are split across reads.
    questions = ["电话多少", "邮编多少", "几点上班", "巡视到哪天"]
    lines = [
        json.dumps({"id": n, "text": questions[n % 4] + "？" * (n % 7)}, ensure_ascii=False)
        for n in range(3000)
    ]
    out = jsonl(*lines)
    assert [o["id"] for o in out] == list(range(3000))
    assert all("110034" in o["reply"] for o in out[1::4])


def test_jsonl_refuses_question_arguments() -> None:
    proc = run("ask", "--jsonl", "电话")
    assert proc.returncode == 2 and b"stdin" in proc.stderr


def test_a_broken_faq_exits_2_with_its_problems_and_no_traceback(tmp_path: Path) -> None:
    faq = tmp_path / "faq.yaml"
    faq.write_text("facts:\n  phones: [024-1\n", encoding="utf-8")
    for verb in (["ask", "电话"], ["ask", "--jsonl"], ["chat"]):
        proc = run(*verb, env={"FAQ_PATH": str(faq)})
        err = proc.stderr.decode()
        assert proc.returncode == 2, verb
        assert re.search(r"faq\.yaml:\d+", err), err
        assert "Traceback" not in err and proc.stdout == b""


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "电话多少"}\n' * 20000, encoding="utf-8")
    with source.open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "ask", "--jsonl"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        assert proc.stdout is not None and proc.stderr is not None
        assert b"024-88881877" in proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err


# -- the interactive chat, in a pseudo-terminal ------------------------------------------------


class Terminal:
    """`python -m bot chat` with a pty as its stdin and stdout, as in a real terminal."""

    def __init__(self) -> None:
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "chat"],
            stdin=slave,
            stdout=slave,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            start_new_session=True,
            # A suite started in the background (`make test &`) ignores SIGINT, and a child
            # inherits that; a terminal's chat never does.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        os.close(slave)
        self.seen = ""
        # Incremental: a character split across two reads is decoded whole.
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def read_until(self, pattern: str, timeout: float = 30) -> str:
        """Everything printed until `pattern` (a regex) appears in the new output."""
        start, deadline = len(self.seen), time.monotonic() + timeout
        while not re.search(pattern, self.seen[start:]):
            ready, _, _ = select.select([self.master], [], [], max(0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError(f"no {pattern!r} in {self.seen[start:]!r}")
            self.seen += self._decoder.decode(os.read(self.master, 65536))
        return self.seen[start:]

    def wait_until_blocked(self, timeout: float = 10) -> None:
        """Until the chat sleeps (waiting for a key), as it is when a person presses Ctrl-C.

        A signal sent in the instant between readline drawing the line and waiting for input
        is only seen at the next key (a CPython readline quirk no person can hit), so a test
        that signals at once would be flaky.
        """
        deadline = time.monotonic() + timeout
        proc = Path(f"/proc/{self.proc.pid}")
        settled = 0
        while time.monotonic() < deadline:
            settled = settled + 1 if self._waits_for_a_key(proc) else 0
            # Several samples in a row: on a loaded machine a write to the terminal also
            # sleeps for an instant, and a signal sent then was the flaky case.
            if settled == 5:
                return
            time.sleep(0.01)
        raise AssertionError("the chat never waited for input")

    @staticmethod
    def _waits_for_a_key(proc: Path) -> bool:
        """Asleep in select(), where readline waits; `wchan` reads 0 where the kernel hides it."""
        if proc.joinpath("stat").read_text().rpartition(")")[2].split()[0] != "S":
            return False
        wchan = proc.joinpath("wchan").read_text()
        return wchan == "0" or "poll" in wchan or "select" in wchan

    def state(self) -> str:
        """What the chat is doing, its signal masks and whether this test process blocks any."""
        proc = Path(f"/proc/{self.proc.pid}")
        status = proc.joinpath("status").read_text().splitlines()
        masks = [line for line in status if line.startswith(("State", "Sig", "Shd"))]
        mine = [line for line in Path("/proc/self/status").read_text().splitlines()
                if line.startswith("SigBlk")]
        return f"wchan={proc.joinpath('wchan').read_text()} {masks} test {mine}"

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\n")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        os.close(self.master)


@pytest.fixture
def terminal():
    term = Terminal()
    yield term
    term.close()


def test_interactive_chat_greets_and_answers_a_numbered_choice(terminal: Terminal) -> None:
    greeting = terminal.read_until(r"> $")
    assert "不是举报渠道" in greeting
    # The greeting lists the topics; typing the number of 值班电话 answers it.
    number = re.search(r"(\d+)\. 值班电话", greeting)
    assert number, greeting
    terminal.type(number.group(1))
    reply = terminal.read_until(r"> $")
    assert all(p in reply for p in PHONES)
    terminal.type("信寄到哪，邮编多少")
    assert "110034" in terminal.read_until(r"> $")
    os.write(terminal.master, b"\x04")  # Ctrl-D
    assert terminal.proc.wait(timeout=10) == 0


def test_interactive_chat_stops_cleanly_on_ctrl_c(terminal: Terminal) -> None:
    terminal.read_until(r"> $")
    os.write(terminal.master, "电话".encode())  # typed, not yet entered
    terminal.read_until("电话$")
    terminal.wait_until_blocked()
    terminal.proc.send_signal(signal.SIGINT)
    try:
        code = terminal.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail(f"no exit after Ctrl-C: {terminal.state()}")
    assert code == 0
    assert terminal.proc.stderr is not None
    assert b"Traceback" not in terminal.proc.stderr.read()


# -- rendering -------------------------------------------------------------------------------


def test_a_line_that_fails_gets_an_error_object_and_the_rest_still_answers() -> None:
    """One failing line (a bug, a crash in the Brain) must not lose the batch."""
    from datetime import datetime

    from bot.answer import Brain
    from bot.console import _json_answerer

    class Fragile(Brain):
        def answer(self, text: str, now: datetime, *, holdout: bool = False) -> Reply:
            if text == "boom":
                raise IndexError("list index out of range")
            return super().answer(text, now, holdout=holdout)

    brain = Fragile(Brain.load().knowledge)
    answer_line = _json_answerer(brain)
    lines = [json.dumps({"text": t, "id": n}) for n, t in enumerate(["电话", "boom", "邮编"])]
    out = [json.loads(answer_line(line.encode())) for line in lines]
    assert out[0]["id"] == 0 and all(p in out[0]["reply"] for p in PHONES)
    assert out[1] == {"id": 1, "error": out[1]["error"]} and "IndexError" in out[1]["error"]
    assert "boom" not in out[1]["error"]  # the text is never repeated, not even in errors
    assert out[2]["id"] == 2 and "110034" in out[2]["reply"]


def test_render_does_not_list_twice_what_the_text_already_numbers() -> None:
    options = (Suggestion("phone", "值班电话"), Suggestion("mail", "邮政信箱和邮编"))
    text = "您是想问哪一个?\n1. 值班电话\n2. 邮政信箱和邮编\n\n值班电话…"
    assert render(Reply(text, "fallback", (), 0.4, options)) == text
    assert render(Reply(text, "fallback", (), 0.4, options), hint=True) == text + "\n(输入编号)"


def test_render_numbers_the_suggestions() -> None:
    options = (Suggestion("phone", "值班电话"), Suggestion("mail", "邮政信箱和邮编"))
    text = render(Reply("抱歉,我没有理解您的问题。", "fallback", (), 0.4, options))
    assert text.splitlines() == [
        "抱歉,我没有理解您的问题。",
        "您是想问:",
        "  1. 值班电话",
        "  2. 邮政信箱和邮编",
    ]
    # "您是想问哪一个?" already asks: no second heading.
    asked = render(Reply("您是想问哪一个?", "fallback", (), 0.4, options))
    assert asked.splitlines()[1] == "  1. 值班电话"
    assert render(Reply("好的", "faq", ("phone",), 1.0)) == "好的"
    english = render(Reply("Sorry.", "fallback", (), 0.4, options, "en"), hint=True)
    assert "Did you mean: (type a number)" in english
