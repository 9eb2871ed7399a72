"""Logging set-up: secrets redacted everywhere, chatty libraries held back at DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.tg.logsetup import FLOORS, REDACTED, RedactingFormatter, pseudonym, setup

TOKEN = "5550001234:AAE" + "k" * 32


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in FLOORS}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)
    logging.captureWarnings(False)


def test_the_token_is_redacted_in_messages_arguments_and_tracebacks() -> None:
    formatter = RedactingFormatter([TOKEN, ""])
    try:
        raise ValueError(f"The token `{TOKEN}` was rejected by the server.")
    except ValueError as exc:
        record = logging.LogRecord(
            "telegram",
            logging.ERROR,
            __file__,
            1,
            "calling %s/getMe",
            (f"https://x/bot{TOKEN}",),
            (type(exc), exc, exc.__traceback__),
        )
    text = formatter.format(record)
    assert TOKEN not in text
    assert text.count(REDACTED) == 2  # the message and the traceback's last line
    assert "Traceback" in text


def test_debug_level_keeps_library_loggers_at_their_floors(restore_logging: None) -> None:
    setup("DEBUG", [TOKEN])
    assert logging.getLogger().level == logging.DEBUG
    # PTB logs request parameters and whole updates at DEBUG, httpx logs URLs at INFO.
    assert logging.getLogger("telegram").getEffectiveLevel() == logging.INFO
    assert logging.getLogger("telegram.ext.Updater").isEnabledFor(logging.DEBUG) is False
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("httpcore").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("bot.tg").isEnabledFor(logging.DEBUG)


def test_a_higher_level_is_not_lowered_by_the_floors(restore_logging: None) -> None:
    setup("ERROR", [TOKEN])
    assert logging.getLogger("telegram").getEffectiveLevel() == logging.ERROR


def test_pseudonyms_are_stable_distinct_and_hide_the_id() -> None:
    a, b = pseudonym(5551234), pseudonym(5551235)
    assert a == pseudonym(5551234)
    assert a != b
    assert "5551234" not in a
    assert pseudonym(None) == "-"
