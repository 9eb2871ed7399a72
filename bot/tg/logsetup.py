"""Logging for the bot process, set so that the token and what users write never show.

python-telegram-bot logs, at DEBUG, the API URL (which contains the token), every request's
parameters and every incoming update (message text, user ids); httpx logs each URL at INFO.
So those loggers are held at INFO/WARNING whatever LOG_LEVEL says, and as a last line of
defence every formatted line (tracebacks included) has the secrets replaced.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import sys
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


def setup(level: str, secrets: Iterable[str]) -> None:
    """Route all logging (and warnings) to stderr through the redacting formatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets))
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
