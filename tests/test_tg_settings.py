"""Environment → Settings: defaults, every check, and secrets never echoed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import DEFAULT_API_BASE_URL, Settings, SettingsError
from bot.tg import app

TOKEN = "123456789:AAH" + "x" * 32
SECRET_LIKE = "987654:" + "s" * 10  # malformed, yet must not be repeated


def env(**extra: str) -> dict[str, str]:
    return {"TELEGRAM_BOT_TOKEN": TOKEN, **extra}


def test_defaults() -> None:
    s = Settings.from_env(env())
    assert s.token == TOKEN
    assert s.api_base_url == DEFAULT_API_BASE_URL
    assert s.faq_path is None
    assert s.admin_ids == frozenset()
    assert not s.webhook
    assert (s.listen, s.port, s.log_level) == ("0.0.0.0", 8080, "INFO")
    assert (s.unanswered_log, s.unanswered_days) == (None, 30)


def test_every_variable_is_read() -> None:
    s = Settings.from_env(
        env(
            TELEGRAM_API_BASE_URL="http://127.0.0.1:8081/bot",
            FAQ_PATH="/data/faq.yaml",
            BOT_ADMIN_IDS=" 12345, 678 ,",
            BOT_WEBHOOK_URL="https://bot.example.org/tg/hook",
            BOT_WEBHOOK_SECRET="s3cret_-X",
            BOT_LISTEN="127.0.0.1",
            BOT_PORT="8443",
            LOG_LEVEL="debug",
            UNANSWERED_LOG="/var/lib/bot/unanswered.jsonl",
            UNANSWERED_DAYS="7",
        )
    )
    assert s.api_base_url == "http://127.0.0.1:8081/bot"
    assert s.faq_path == Path("/data/faq.yaml")
    assert s.admin_ids == frozenset({12345, 678})
    assert s.webhook and s.webhook_path == "tg/hook"
    assert s.webhook_secret == "s3cret_-X"
    assert (s.listen, s.port, s.log_level) == ("127.0.0.1", 8443, "DEBUG")
    assert s.unanswered_log == Path("/var/lib/bot/unanswered.jsonl")
    assert s.unanswered_days == 7


def test_secrets_are_not_in_the_repr() -> None:
    s = Settings.from_env(env(BOT_WEBHOOK_URL="https://x.org/h", BOT_WEBHOOK_SECRET="abcdef"))
    assert TOKEN not in repr(s)
    assert "abcdef" not in repr(s)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("TELEGRAM_BOT_TOKEN", ""),
        ("TELEGRAM_BOT_TOKEN", SECRET_LIKE),
        ("TELEGRAM_BOT_TOKEN", "abc:" + "x" * 35),
        ("TELEGRAM_BOT_TOKEN", "123:" + "x" * 34 + "!"),
        ("TELEGRAM_API_BASE_URL", "ftp://example.org/bot"),
        ("TELEGRAM_API_BASE_URL", "api.telegram.org"),
        ("BOT_ADMIN_IDS", "12345,@boss"),
        ("BOT_ADMIN_IDS", "-5"),
        ("BOT_WEBHOOK_URL", "http://bot.example.org/hook"),
        ("BOT_WEBHOOK_SECRET", "has space"),
        ("BOT_WEBHOOK_SECRET", "x" * 257),
        ("BOT_LISTEN", "not a host!"),
        ("BOT_PORT", "http"),
        ("BOT_PORT", "0"),
        ("BOT_PORT", "70000"),
        ("LOG_LEVEL", "verbose"),
        ("UNANSWERED_DAYS", "0"),
        ("UNANSWERED_DAYS", "thirty"),
    ],
)
def test_malformed_values_name_their_variable(variable: str, value: str) -> None:
    values = env(**{variable: value})
    with pytest.raises(SettingsError) as caught:
        Settings.from_env(values)
    assert caught.value.variable == variable
    assert str(caught.value).startswith(f"{variable}: ")
    assert "\n" not in str(caught.value)
    if variable in ("TELEGRAM_BOT_TOKEN", "BOT_WEBHOOK_SECRET") and value:
        assert value not in str(caught.value)


def test_main_stops_with_one_clear_line_and_status_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", SECRET_LIKE)
    assert app.main() == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "TELEGRAM_BOT_TOKEN" in err
    assert SECRET_LIKE not in err
    assert "Traceback" not in err


def test_main_without_a_token_says_where_to_get_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert app.main() == 2
    assert "@BotFather" in capsys.readouterr().err
