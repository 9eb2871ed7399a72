"""Opt-in log of questions the bot could not answer well, kept safe for whistleblowers.

Only the normalised question is stored, cut at 100 characters, with every word the bot
does not know masked (`bot.privacy`: an allow-list, so an unknown name cannot survive), with
the date but not the time and no user or chat id. Never written: messages the report guard
caught, and messages that speak of wrongdoing by a person, a post or a body (村支书贪污找谁
may be the start of a report). Entries older than the retention period are purged when the
log is opened and once a day after that.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot import learned
from bot.answer import LOW_CONFIDENCE
from bot.guard import mentions_deed, mentions_wrongdoing
from bot.privacy import MASK, Vocabulary, scrub
from bot.reply import Reply
from bot.text import fold

if TYPE_CHECKING:
    from bot.knowledge import Knowledge

log = logging.getLogger(__name__)

MAX_CHARS = 100
DEFAULT_DAYS = 30

__all__ = ["DEFAULT_DAYS", "MASK", "MAX_CHARS", "UnansweredLog", "keepable", "read_entries"]


def keepable(text: str, vocab: Vocabulary) -> str:
    """What the log may keep of `text`: "" when nothing may be kept.

    A message naming a post, a body or a person together with a deed is never kept, even
    masked: 村支书贪污找谁 or ＊＊收了钱 may be the start of a report.
    """
    folded = fold(text)
    if mentions_wrongdoing(folded):
        return ""
    question = scrub(text, vocab, MAX_CHARS)
    if MASK in question and mentions_deed(folded):
        return ""  # an unknown word (a name?) beside a deed
    return "" if question.replace(MASK, "").strip() == "" else question


def low_confidence_threshold() -> float:
    """The answer engine's own threshold, so "low confidence" means the same in both."""
    return LOW_CONFIDENCE


# --- the log ---------------------------------------------------------------------------


class UnansweredLog:
    """An append-only JSON-lines file of {"date": "YYYY-MM-DD", "q": masked question}."""

    def __init__(
        self,
        path: str | Path,
        days: int = DEFAULT_DAYS,
        *,
        threshold: float | None = None,
        today: date | None = None,
    ) -> None:
        if days < 1:
            raise ValueError(f"UNANSWERED_DAYS must be at least 1, got {days}")
        self.path = Path(path)
        self.days = days
        self.threshold = low_confidence_threshold() if threshold is None else threshold
        self._lock = threading.Lock()
        self._purged_on: date | None = None
        with self._lock:
            self._create()
            self._purge(today or date.today())

    @classmethod
    def from_settings(cls, path: str | None, days: int = DEFAULT_DAYS) -> UnansweredLog | None:
        """None when UNANSWERED_LOG is unset or empty: the log is opt-in."""
        if not path or not path.strip():
            return None
        return cls(path.strip(), days)

    def should_record(self, reply: Reply) -> bool:
        if reply.kind == "report_guard":  # a report is never kept, whatever its confidence
            return False
        return reply.kind == "fallback" or reply.confidence < self.threshold

    def maybe_record(
        self, text: str, reply: Reply, knowledge: Knowledge, today: date | None = None
    ) -> bool:
        """Append the masked question if the reply was weak. `knowledge` is the FAQ that
        answered, whose words may be kept. Never raises: logging must not stop the bot."""
        if not self.should_record(reply):
            return False
        if learned.is_report(fold(text)):  # a likely report, answered, is never kept either
            return False
        question = keepable(text, Vocabulary.of(knowledge))
        if not question:
            return False
        day = today or date.today()
        line = json.dumps({"date": day.isoformat(), "q": question}, ensure_ascii=False) + "\n"
        try:
            with self._lock:
                if self._purged_on != day:
                    self._purge(day)
                self._append(line)
        except OSError as exc:
            # The message text is deliberately not in the log record.
            log.warning("unanswered log %s not written: %s", self.path, exc.strerror or exc)
            return False
        return True

    def entries(self) -> list[dict[str, str]]:
        with self._lock:
            return list(read_entries(self.path))

    # All methods below run with self._lock held.

    def _create(self) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.fchmod(fd, 0o600)  # an older file may have been created more permissive
        finally:
            os.close(fd)

    def _append(self, line: str) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)

    def _purge(self, today: date) -> None:
        """Rewrite the file without entries older than the retention period (and without
        unreadable lines). Written to a temporary file and renamed, so a crash never
        leaves a half-written log."""
        oldest = today - timedelta(days=self.days)
        keep: list[str] = []
        dropped = 0
        for entry in read_entries(self.path, keep_bad=True):
            day = _entry_date(entry)
            if day is None or day < oldest:
                dropped += 1
            else:
                keep.append(json.dumps(entry, ensure_ascii=False) + "\n")
        self._purged_on = today
        if not dropped:
            return
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".unanswered-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.writelines(keep)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        log.info("unanswered log: purged %d entries older than %d days", dropped, self.days)


def _entry_date(entry: dict[str, str]) -> date | None:
    try:
        return date.fromisoformat(entry["date"])
    except (KeyError, TypeError, ValueError):
        return None


def read_entries(path: str | Path, *, keep_bad: bool = False) -> Iterator[dict[str, str]]:
    """The well-formed entries of a log file; malformed lines are skipped (or, with
    keep_bad, yielded as {} so the purge can count and drop them)."""
    try:
        handle = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    except FileNotFoundError:
        return
    with handle:
        for raw in handle:
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw)
            except json.JSONDecodeError:
                entry = None
            if isinstance(entry, dict) and isinstance(entry.get("q"), str):
                yield {"date": str(entry.get("date", "")), "q": entry["q"]}
            elif keep_bad:
                yield {}
