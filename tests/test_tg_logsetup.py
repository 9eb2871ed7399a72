"""Logging set-up: secrets redacted everywhere, chatty libraries held back at DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fakeapi import RecordingRequest
from telegram import Bot

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


# An update the library cannot parse (a contact without first_name), full of what a user
# wrote: its text, a phone number, the user's id.
SECRET_TEXT, PHONE, USER = "举报张三收钱", "13800001111", 5559871234
MALFORMED = {
    "update_id": 77,
    "message": {
        "message_id": 1,
        "date": 1,
        "chat": {"id": USER, "type": "private"},
        "from": {"id": USER, "is_bot": False, "first_name": "x"},
        "text": SECRET_TEXT,
        "contact": {"phone_number": PHONE},
    },
}


def leaked(text: str) -> list[str]:
    return [s for s in (SECRET_TEXT, PHONE, str(USER)) if s in text]


async def test_a_malformed_update_leaves_no_trace_of_its_contents_in_the_log(
    restore_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    setup("DEBUG", [TOKEN])
    request = RecordingRequest()
    request.results["getUpdates"] = [MALFORMED]
    bot = Bot(TOKEN, request=request, get_updates_request=request)
    await bot.initialize()
    with pytest.raises(TypeError):
        await bot.get_updates()  # python-telegram-bot logs the batch at CRITICAL
    err = capsys.readouterr().err
    assert "CRITICAL telegram" in err and "<list>" in err  # the record, without its data
    assert "TypeError" in err
    assert leaked(err) == []


def test_library_records_lose_their_arguments_and_exception_messages(
    restore_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    setup("INFO", [TOKEN])
    try:
        raise ValueError(f"cannot parse {SECRET_TEXT}")
    except ValueError:
        logging.getLogger("telegram.ext.Updater").exception(
            "Received data was: %r (attempt %d)", MALFORMED, 3
        )
    logging.getLogger("tornado.application").error("Uncaught %s", SECRET_TEXT)
    logging.getLogger("bot.tg.handlers").info("our own line: %s", "kept")
    err = capsys.readouterr().err
    assert "Received data was: <dict> (attempt 3)" in err
    assert "Traceback" in err and "ValueError" in err
    assert "Uncaught <str>" in err
    assert "our own line: kept" in err  # the bot's records are its own business
    assert leaked(err) == []
