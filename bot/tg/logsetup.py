"""Logging for the bot process, set so that the token and what users write never show.

python-telegram-bot logs, at DEBUG, the API URL (which contains the token), every request's
parameters and every incoming update (message text, user ids); httpx logs each URL at INFO.
So those loggers are held at INFO/WARNING whatever LOG_LEVEL says, and as a last line of
defence every formatted line (tracebacks included) has the secrets replaced.

The library also logs data at CRITICAL when it cannot parse an update ("Received data
was: {'update_id': 5, 'message': {'text': '…', 'contact': {'phone_number': …}}}"). So no
record of a library logger carries its arguments or an exception's message: they become
their type names, and the numbers stay ("failed run 3 of 5"):

    "Received data was %r", ({'message': …},)  →  "Received data was <dict>"
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import sys
import traceback
from collections.abc import Iterable

REDACTED = "[redacted]"
# Floors applied whatever LOG_LEVEL is; see the module docstring for why.
FLOORS = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.INFO,
    "tornado.access": logging.WARNING,
}
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Loggers whose records may quote an update or a request; see LibraryDataFilter.
LIBRARIES = ("telegram", "tornado")

# Per-process key: a pseudonym correlates one user's lines within a run and means nothing
# outside it.
_KEY = os.urandom(16)


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class _Hidden(str):
    """Stands in for a hidden argument; the same under %s and %r."""

    def __repr__(self) -> str:
        return str(self)


def _shown(arg: object) -> object:
    """A number as it is; anything else (text, a dict, an Update…) as its type name."""
    if isinstance(arg, bool | int | float):
        return arg
    return _Hidden(f"<{type(arg).__name__}>")


class LibraryDataFilter(logging.Filter):
    """Hides what a library's records quote: their arguments and exceptions' messages.

    On the handler, not on the `telegram` logger: a logger's own filters never see the
    records of its children (telegram.ext.Updater, telegram.Bot, …)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.split(".", 1)[0] not in LIBRARIES:
            return True
        if not isinstance(record.msg, str):
            record.msg = _shown(record.msg)
        if isinstance(record.args, dict):
            record.args = {k: _shown(v) for k, v in record.args.items()}
        elif record.args:
            record.args = tuple(_shown(a) for a in record.args)
        if record.exc_info and record.exc_info[1] is not None:
            # Where it failed is kept; what the exception says (which can quote the data)
            # is not.
            kind, _, tb = record.exc_info
            frames = "".join(traceback.format_tb(tb))
            record.exc_text = f"Traceback (most recent call last):\n{frames}{kind.__name__}"
            record.exc_info = None
        return True


def setup(level: str, secrets: Iterable[str]) -> None:
    """Route all logging (and warnings) to stderr through the redacting formatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets))
    handler.addFilter(LibraryDataFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    numeric = logging.getLevelNamesMapping()[level]
    root.setLevel(numeric)
    for name, floor in FLOORS.items():
        logging.getLogger(name).setLevel(max(floor, numeric))
    logging.captureWarnings(True)


def pseudonym(user_id: int | None) -> str:
    """A keyed hash of a user id, for the rare log line that must tell users apart."""
    if user_id is None:
        return "-"
    digest = hmac.new(_KEY, str(user_id).encode(), hashlib.sha256).hexdigest()
    return "u" + digest[:10]
