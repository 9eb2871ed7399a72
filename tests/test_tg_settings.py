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
    assert (s.listen, s.port, s.log_level) == ("127.0.0.1", 8080, "INFO")
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


# -- the proxy ---------------------------------------------------------------------------------

HTTPS_API = {"TELEGRAM_API_BASE_URL": "https://api.telegram.org/bot"}


@pytest.mark.parametrize(
    ("variables", "chosen"),
    [
        ({}, None),
        ({"TELEGRAM_PROXY": "socks5://127.0.0.1:1080"}, "TELEGRAM_PROXY"),
        ({"HTTPS_PROXY": "http://10.0.0.1:3128"}, "HTTPS_PROXY"),
        (
            {"https_proxy": "http://10.0.0.1:3128", "HTTPS_PROXY": "http://10.0.0.2:3128"},
            "https_proxy",
        ),
        ({"ALL_PROXY": "socks5h://10.0.0.1:1080"}, "ALL_PROXY"),
        ({"all_proxy": "socks5://10.0.0.1:1080"}, "all_proxy"),
        (
            {"HTTPS_PROXY": "http://10.0.0.1:3128", "ALL_PROXY": "socks5://10.0.0.2:1"},
            "HTTPS_PROXY",
        ),
        # TELEGRAM_PROXY wins over every standard variable
        (
            {
                "TELEGRAM_PROXY": "https://p.example:8443",
                "HTTPS_PROXY": "http://o:1",
                "ALL_PROXY": "socks5://o:2",
            },
            "TELEGRAM_PROXY",
        ),
        # HTTP_PROXY is for http:// URLs, not Telegram's https:// one
        ({"HTTP_PROXY": "http://10.0.0.1:3128"}, None),
        # NO_PROXY exempts the host from the standard variables, not from TELEGRAM_PROXY
        ({"NO_PROXY": "telegram.org", "HTTPS_PROXY": "http://10.0.0.1:3128"}, None),
        ({"no_proxy": "*", "TELEGRAM_PROXY": "socks5://127.0.0.1:1080"}, "TELEGRAM_PROXY"),
    ],
)
def test_the_proxy_is_chosen_like_curl_with_telegram_proxy_first(
    variables: dict[str, str], chosen: str | None
) -> None:
    s = Settings.from_env(env(**HTTPS_API, **variables))
    if chosen is None:
        assert s.proxy is None
    else:
        assert s.proxy is not None
        assert (s.proxy.variable, s.proxy.url) == (chosen, variables[chosen])


def test_http_proxy_applies_to_an_http_api() -> None:
    s = Settings.from_env(
        env(TELEGRAM_API_BASE_URL="http://127.0.0.1:8081/bot", HTTP_PROXY="http://10.0.0.1:3128")
    )
    assert s.proxy is not None and s.proxy.variable == "HTTP_PROXY"


def test_proxy_credentials_stay_out_of_repr_and_display() -> None:
    s = Settings.from_env(env(TELEGRAM_PROXY="socks5h://bot:hunter2@10.0.0.1:1080"))
    assert s.proxy is not None
    assert s.proxy.display == "socks5h://10.0.0.1:1080"
    assert "hunter2" not in repr(s)


@pytest.mark.parametrize(
    "value",
    [
        "127.0.0.1:1080",  # no scheme
        "socks4://bot:hunter2@10.0.0.1:1080",
        "socks5://bot:hunter2@10.0.0.1",  # no port
        "http://bot:hunter2@10.0.0.1:99999",
        "http://bot:hunter2@10.0.0.1:port",
        "http://bot:hunter2@:3128",
        "http://bot:hunter2@10.0.0.1:3128/path",
    ],
)
@pytest.mark.parametrize("variable", ["TELEGRAM_PROXY", "HTTPS_PROXY", "all_proxy"])
def test_a_malformed_proxy_names_its_variable_and_hides_the_password(
    variable: str, value: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env(env(**HTTPS_API, **{variable: value}))
    message = str(caught.value)
    assert caught.value.variable == variable
    assert message.startswith(f"{variable}: not a proxy URL")
    assert "hunter2" not in message and "10.0.0.1" not in message and "\n" not in message
