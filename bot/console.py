"""The terminal front: `chat` (interactive or piped) and `ask` (arguments, lines or JSON lines).

Thin by design: turn input into text, call `Brain.answer`, render the `Reply` as plain text or
JSON. Everything a user sees is decided in bot/answer.py, so the terminal shows exactly what
the Telegram bot would say.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:  # the Brain is imported when loaded, after the argument parsing
    from bot.answer import Brain
    from bot.campaigns import Session
    from bot.reply import Reply

# os.read size: large enough that a piped batch costs few system calls.
_CHUNK = 1 << 16


def _now() -> datetime:
    # Timezone-aware; the Brain converts to the FAQ's own zone (Asia/Shanghai).
    return datetime.now(UTC)


def _load() -> Brain | Session | None:
    """The Brain from FAQ_PATH, or a session over its campaigns when it lists several
    (the choice of campaign kept for the session); None after printing why it is unusable."""
    from bot.answer import Brain
    from bot.campaigns import CampaignError, Campaigns, Chats, Session
    from bot.knowledge import KnowledgeError
    from bot.settings import SettingsError, faq_paths

    try:
        paths = faq_paths(os.environ.get("FAQ_PATH"))
        if len(paths) <= 1:
            return Brain.load(paths[0] if paths else None)
        brains = [Brain.load(p) for p in paths]
        return Session(Chats(Campaigns([_Fixed(b) for b in brains])))
    except KnowledgeError as exc:
        print("error: the FAQ cannot be loaded:", file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
    except (SettingsError, CampaignError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    return None


class _Fixed:
    """A campaign's Brain for the length of a terminal session (no live reload here)."""

    def __init__(self, brain: Brain) -> None:
        self.current = brain


def _lists_its_options(reply: Reply) -> bool:
    """The Brain's did-you-mean and fallback already number their options in the text."""
    return all(f"{n}. {s.title}" in reply.text for n, s in enumerate(reply.suggestions, 1))


def render(reply: Reply, *, hint: bool = False) -> str:
    """A reply as plain text, its suggestions as a numbered list (unless the text has one)."""
    if not reply.suggestions:
        return reply.text
    en = reply.lang == "en"
    if _lists_its_options(reply):
        if not hint:
            return reply.text
        return reply.text + ("\n(type a number)" if en else "\n(输入编号)")
    lines = [reply.text]
    if reply.kind == "fallback":
        # "您是想问哪一个?" already asks the question; a bare fallback does not.
        if not reply.text.rstrip().endswith(("?", "？", ":", "：")):
            lines.append("Did you mean:" if en else "您是想问:")
    else:
        lines.append("You can ask:" if en else "您可以问:")
    if hint:
        lines[-1] += " (type a number)" if en else "(输入编号)"
    lines += [f"  {n}. {s.title}" for n, s in enumerate(reply.suggestions, 1)]
    return "\n".join(lines)


# -- reading ---------------------------------------------------------------------------------


def _batches(stream: BinaryIO) -> Iterator[list[bytes]]:
    """Complete lines, in batches of whatever the input has ready.

    Reading with os.read returns what is available without waiting for more, so the caller
    can flush once per batch: a bulk pipe costs one write per 64 KiB, and a client that
    sends one line and waits for its answer still gets it at once.
    """
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        for line in stream:  # not a real file (tests, embedding): line by line
            yield [line.rstrip(b"\n")]
        return
    pending = bytearray()
    while chunk := os.read(fd, _CHUNK):
        pending += chunk
        end = pending.rfind(b"\n")
        if end >= 0:
            lines = bytes(pending[:end]).split(b"\n")
            del pending[: end + 1]
            yield lines
    if pending:
        yield [bytes(pending)]  # a last line without a newline


def _serve(answer_line: Callable[[bytes], bytes | None]) -> int:
    """Answer stdin line by line, writing each batch's answers with one write and flush."""
    out = sys.stdout.buffer
    try:
        for lines in _batches(sys.stdin.buffer):
            answers = [a for a in map(answer_line, lines) if a is not None]
            if answers:
                out.write(b"".join(answers))
                out.flush()
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        return 130
    return 0


def _reader_gone() -> int:
    # The reader closed the pipe (`| head`): stop quietly, and keep Python's exit-time
    # flush of stdout from failing once more.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


# -- plain text ------------------------------------------------------------------------------


def _text_answerer(brain: Brain | Session) -> Callable[[bytes], bytes | None]:
    def answer_line(raw: bytes) -> bytes | None:
        text = raw.decode("utf-8", "replace").strip()
        if not text:
            return None
        try:
            shown = render(brain.answer(text, _now()))
        except Exception as exc:  # one line's failure must not end the session
            shown = f"error: this line was not answered ({type(exc).__name__})"
        return (shown + "\n\n").encode("utf-8", "replace")

    return answer_line


def _interactive(brain: Brain | Session) -> int:
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history for input())
    last = brain.message("greeting", _now())  # its topic list can be picked by number
    print(render(last, hint=True), end="\n\n", flush=True)
    try:
        while True:
            try:
                text = input("> ").strip()
            except EOFError:
                print()
                return 0
            if not text:
                continue
            if text.isdigit() and 1 <= int(text) <= len(last.suggestions):
                picked = last.suggestions[int(text) - 1]
                reply = brain.topic(picked.id, _now(), last.lang)
            else:
                reply = brain.answer(text, _now())
            print(render(reply, hint=True), end="\n\n", flush=True)
            last = reply
    except KeyboardInterrupt:
        print()
        return 0


def chat() -> int:
    """Chat in the terminal; piped, answer one question per line."""
    brain = _load()
    if brain is None:
        return 2
    if sys.stdin.isatty():
        return _interactive(brain)
    return _serve(_text_answerer(brain))


# -- ask -------------------------------------------------------------------------------------


def _json_result(brain: Brain | Session, raw: bytes) -> dict[str, Any]:
    """One output object: the reply (with the input's "id"), or an error for a bad line."""
    if not raw.strip():
        return {"error": "empty line"}
    try:
        obj = json.loads(raw)
    except ValueError as exc:  # also invalid UTF-8
        return {"error": f"not JSON: {exc}"}
    if not isinstance(obj, dict):
        return {"error": 'expected a JSON object with "text"'}
    head = {"id": obj["id"]} if "id" in obj else {}
    text = obj.get("text")
    if not isinstance(text, str):
        return head | {"error": 'missing "text" (a string)'}
    try:
        return head | brain.answer(text, _now()).as_dict()
    except Exception as exc:  # one line's failure must not lose the rest of the batch
        # The exception's type only: its message could quote the text.
        return head | {"error": f"internal error ({type(exc).__name__}); the line was not answered"}


def _json_answerer(brain: Brain | Session) -> Callable[[bytes], bytes]:
    def answer_line(raw: bytes) -> bytes:
        line = json.dumps(_json_result(brain, raw), ensure_ascii=False) + "\n"
        # A lone surrogate from a "\ud800" escape cannot be UTF-8; inside a JSON string its
        # \uXXXX form is still valid JSON.
        return line.encode("utf-8", "backslashreplace")

    return answer_line


def ask(questions: list[str], jsonl: bool) -> int:
    """Print the replies to `questions`, else to the lines of stdin (JSON lines with --jsonl)."""
    if jsonl and questions:
        print("error: with --jsonl the questions come from stdin, not arguments", file=sys.stderr)
        return 2
    brain = _load()
    if brain is None:
        return 2
    if jsonl:
        return _serve(_json_answerer(brain))
    if not questions:
        return _serve(_text_answerer(brain))
    try:
        for question in questions:
            print(render(brain.answer(question, _now())), end="\n\n", flush=True)
    except BrokenPipeError:
        return _reader_gone()
    return 0
