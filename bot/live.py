"""The FAQ as the running bot sees it: reloaded on change, never half-loaded, never broken.

A new version of the FAQ replaces the one answering questions only after it passes
everything `python -m bot check` checks (schema, provenance, and the evaluation of its
own examples and tests). Until then the last good version keeps answering, and the
problems, each with file, line and field, are logged and returned to whoever asked,
in the maintainer's language (Chinese, or English with BOT_LANG=en), each with its
likely cause and what to do, exactly as `check` words them.

The swap is a single attribute assignment of a fully built Brain, so a question answered
concurrently sees either the old Brain or the new one, never a mixture.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot import check
from bot.answer import Brain
from bot.knowledge import KnowledgeError, Problem, display_path
from bot.knowledge.problems import text

log = logging.getLogger(__name__)

HISTORY = 50  # reload results kept for /stats

Signature = tuple[tuple[int, int] | None, ...]


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """What one reload attempt did; `message` lists the problems when it was refused."""

    ok: bool
    changed: bool
    message: str
    at: datetime


def _now() -> datetime:
    return datetime.now().astimezone()


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _digest(*paths: Path) -> str | None:
    sha = hashlib.sha256()
    for path in paths:
        try:
            sha.update(path.read_bytes())
        except OSError:
            return None
        sha.update(b"\0")
    return sha.hexdigest()


class LiveBrain:
    """Holds the Brain that answers now, and replaces it when the FAQ file changes.

    `reload()` and `poll()` block while the new FAQ is checked (its examples are
    answered once each), so call them from a worker thread in an async program.
    """

    def __init__(self, path: Path, brain: Brain | None = None) -> None:
        self.path = Path(path)
        self._reload_lock = threading.Lock()
        self._history: deque[ReloadResult] = deque(maxlen=HISTORY)
        # Seen before loading: an edit made while we load is noticed by the next poll.
        self._seen = self._signature()
        self.current: Brain = brain if brain is not None else Brain.load(self.path)
        self._accepted = _digest(*self._files())

    @property
    def history(self) -> list[ReloadResult]:
        """The latest reload results, oldest first (a copy)."""
        return list(self._history)

    def _notice_path(self) -> Path:
        brain = getattr(self, "current", None)
        if brain is not None:
            return Path(brain.knowledge.notice_path)
        return self.path.parent / "notice.txt"

    def _files(self) -> tuple[Path, Path]:
        # The notice is watched too: provenance is checked against it.
        return (self.path, self._notice_path())

    def _signature(self) -> Signature:
        return tuple(_stat(p) for p in self._files())

    def poll(self) -> ReloadResult | None:
        """Reload if the FAQ or its notice changed (mtime or size) since last seen; cheap
        enough to call every few seconds."""
        if self._signature() == self._seen:
            return None
        return self.reload()

    def reload(self) -> ReloadResult:
        """Load the file and switch to it only if it passes every check."""
        with self._reload_lock:
            self._seen = self._signature()
            digest = _digest(*self._files())
            try:
                candidate = Brain.load(self.path)
                # Exactly what `python -m bot check` evaluates, examples held out.
                problems = check.run(candidate).problems()
            except KnowledgeError as exc:
                problems = [str(p) for p in exc.problems]
            except Exception as exc:  # a reload must never take the bot down
                log.exception("FAQ reload crashed")
                detail = f"{type(exc).__name__}: {exc}"
                problems = [str(Problem.of(display_path(self.path), None, "", "live_crashed",
                                           detail=detail))]  # fmt: skip
            if problems:
                message = "\n".join(problems)
                # FAQ text and file positions only; there is no user data here.
                log.warning("%s", text("live_refused", path=self.path, problems=message))
                result = ReloadResult(ok=False, changed=False, message=message, at=_now())
            else:
                changed = digest is None or digest != self._accepted
                self.current = candidate  # the atomic swap
                self._accepted = digest
                message = text("live_reloaded" if changed else "live_unchanged")
                log.info("%s: %s", message, self.path)
                # Accepted, but an admin who asked should hear that the campaign is over,
                # and what the FAQ should still look at (leftovers, Chinese quotes).
                knowledge = candidate.knowledge
                today = _now().astimezone(knowledge.facts.hours.zone).date()
                notes = [*check.campaign_warnings(knowledge, today), *map(str, knowledge.warnings)]
                for note in knowledge.warnings:
                    log.warning("%s", note)
                message = "\n".join([message, *notes])
                result = ReloadResult(ok=True, changed=changed, message=message, at=_now())
            self._history.append(result)
            return result
