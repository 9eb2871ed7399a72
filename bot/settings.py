"""Environment → frozen, typed settings, with one clear line per malformed variable.

Every value is checked before anything starts, so a typo in the deployment stops the bot
at once with a message naming the variable. Secret values (the token, the webhook secret,
a proxy URL that may hold a password) are never repeated in those messages. `.env` is read
into the environment first by `load_env_file` (python -m bot does it).
"""

from __future__ import annotations

import ipaddress
import os
import re
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import dotenv

TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]{30,}$")
# What Telegram accepts as a webhook secret_token.
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_HOSTNAME_RE = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_LISTEN = "127.0.0.1"  # loopback unless told: the image sets 0.0.0.0, as a container needs
DEFAULT_PORT = 8080
DEFAULT_UNANSWERED_DAYS = 30
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


def load_env_file(path: Path) -> bool:
    """Put the variables of a .env file into os.environ; those already set win.

    `cp .env.example .env`, fill in the token, `make run`: the same file compose.yaml
    reads. python-dotenv parses it (comments, quotes, `export` lines; values taken literally).
    A missing file is not an error: the environment alone is then used."""
    if not path.is_file():
        return False
    return dotenv.load_dotenv(path, override=False, interpolate=False)


class SettingsError(ValueError):
    """One malformed variable; str() is the line shown to the operator."""

    def __init__(self, variable: str, problem: str) -> None:
        self.variable = variable
        self.problem = problem
        super().__init__(f"{variable}: {problem}")


@dataclass(frozen=True, slots=True)
class Proxy:
    """The proxy Telegram is reached through, and the variable that named it."""

    url: str = field(repr=False)  # may hold user:password
    variable: str  # TELEGRAM_PROXY, HTTPS_PROXY, all_proxy…

    @property
    def display(self) -> str:
        """The URL without credentials, for log lines: socks5://10.0.0.2:1080."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname}:{parts.port}"


def faq_paths(value: str | None) -> tuple[Path, ...]:
    """FAQ_PATH: one FAQ, or several campaigns separated by commas
    (knowledge/faq.yaml,campaigns/hunan/faq.yaml); () when unset."""
    paths = tuple(Path(p.strip()) for p in (value or "").split(",") if p.strip())
    if len(set(paths)) != len(paths):
        raise SettingsError("FAQ_PATH", "lists the same FAQ twice")
    return paths


@dataclass(frozen=True, slots=True)
class Settings:
    token: str = field(repr=False)  # never in a repr, so never in a log by accident
    api_base_url: str = DEFAULT_API_BASE_URL
    # FAQ_PATH, comma-separated: one FAQ per campaign; () is bot.knowledge's default.
    faq_paths: tuple[Path, ...] = ()
    admin_ids: frozenset[int] = frozenset()
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    listen: str = DEFAULT_LISTEN
    port: int = DEFAULT_PORT
    log_level: str = "INFO"
    unanswered_log: Path | None = None
    unanswered_days: int = DEFAULT_UNANSWERED_DAYS
    proxy: Proxy | None = None

    @property
    def faq_path(self) -> Path | None:
        """The first campaign's FAQ (the only one, usually)."""
        return self.faq_paths[0] if self.faq_paths else None

    @property
    def webhook(self) -> bool:
        return self.webhook_url is not None

    @property
    def webhook_path(self) -> str:
        """The path the webhook server listens on: the path of the public URL."""
        if self.webhook_url is None:
            return ""
        return urlsplit(self.webhook_url).path.strip("/")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read and check every variable; raises SettingsError for the first bad one."""
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        webhook_url = _webhook_url(get("BOT_WEBHOOK_URL"))
        secret = get("BOT_WEBHOOK_SECRET")
        if secret is not None and not SECRET_RE.fullmatch(secret):
            raise SettingsError(
                "BOT_WEBHOOK_SECRET", "must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
            )
        faq = get("FAQ_PATH")
        unanswered = get("UNANSWERED_LOG")
        api_base_url = _api_base_url(get("TELEGRAM_API_BASE_URL"))
        return cls(
            token=_token(get("TELEGRAM_BOT_TOKEN")),
            api_base_url=api_base_url,
            faq_paths=faq_paths(faq),
            admin_ids=_admin_ids(get("BOT_ADMIN_IDS")),
            webhook_url=webhook_url,
            webhook_secret=secret,
            listen=_listen(get("BOT_LISTEN")),
            port=_port(get("BOT_PORT")),
            log_level=_log_level(get("LOG_LEVEL")),
            unanswered_log=Path(unanswered) if unanswered else None,
            unanswered_days=_positive_int(
                "UNANSWERED_DAYS", get("UNANSWERED_DAYS"), DEFAULT_UNANSWERED_DAYS
            ),
            proxy=_proxy(get, api_base_url),
        )


def _token(value: str | None) -> str:
    if value is None:
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN", "not set; create a bot with @BotFather and put its token here"
        )
    if not TOKEN_RE.fullmatch(value):
        # The value itself is not repeated: a near-miss is still a secret.
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN",
            "does not look like a bot token (digits, a colon, then 30+ letters, digits, _ or -)",
        )
    return value


def _http_url(name: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(name, f"{value!r} is not an http(s) URL")
    return value


def _proxy(get: Callable[[str], str | None], api_base_url: str) -> Proxy | None:
    """TELEGRAM_PROXY, else the standard variables as curl and httpx read them.

    For https://api.telegram.org: https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY (lower
    case first), unless NO_PROXY names the host. TELEGRAM_PROXY always applies: it is
    meant for this bot alone, e.g. when HTTPS_PROXY is the office proxy for everything else.
    """
    variables = ["TELEGRAM_PROXY"]
    parts = urlsplit(api_base_url)
    no_proxy = get("no_proxy") or get("NO_PROXY")
    if not (no_proxy and _bypassed(parts.hostname or "", no_proxy)):
        scheme = parts.scheme.lower()
        variables += [f"{scheme}_proxy", f"{scheme.upper()}_PROXY", "all_proxy", "ALL_PROXY"]
    for variable in variables:
        value = get(variable)
        if value is not None:
            return Proxy(_proxy_url(variable, value), variable)
    return None


def _bypassed(host: str, no_proxy: str) -> bool:
    # The standard library's reading of NO_PROXY (suffixes, host:port, `*`), as httpx's.
    return bool(urllib.request.proxy_bypass_environment(host, {"no": no_proxy}))


def _proxy_url(variable: str, value: str) -> str:
    """scheme://[user:password@]host:port; the value is never repeated (it may hold a
    password), only what is wrong with it."""
    want = "want scheme://[user:password@]host:port with scheme http, https, socks5 or socks5h"
    parts = urlsplit(value)
    if parts.scheme.lower() not in PROXY_SCHEMES:
        found = "no scheme" if "://" not in value else "an unsupported scheme"
        raise SettingsError(variable, f"not a proxy URL ({found}); {want}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None:
        raise SettingsError(variable, f"not a proxy URL (no host or port); {want}")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise SettingsError(variable, f"not a proxy URL (a path after host:port); {want}")
    return value


def _api_base_url(value: str | None) -> str:
    if value is None:
        return DEFAULT_API_BASE_URL
    return _http_url("TELEGRAM_API_BASE_URL", value)


def _webhook_url(value: str | None) -> str | None:
    if value is None:
        return None
    url = _http_url("BOT_WEBHOOK_URL", value)
    if urlsplit(url).scheme != "https":
        raise SettingsError("BOT_WEBHOOK_URL", "Telegram only delivers to https:// URLs")
    return url


def _admin_ids(value: str | None) -> frozenset[int]:
    if value is None:
        return frozenset()
    ids: set[int] = set()
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        # Numeric ids only: usernames can be changed or taken over, ids cannot.
        if not re.fullmatch(r"\d{1,20}", part):
            raise SettingsError(
                "BOT_ADMIN_IDS", f"{part!r} is not a numeric user id (comma-separated numbers)"
            )
        ids.add(int(part))
    return frozenset(ids)


def _listen(value: str | None) -> str:
    if value is None:
        return DEFAULT_LISTEN
    try:
        ipaddress.ip_address(value)
    except ValueError:
        if not _HOSTNAME_RE.fullmatch(value):
            raise SettingsError(
                "BOT_LISTEN", f"{value!r} is not an IP address or host name"
            ) from None
    return value


def _port(value: str | None) -> int:
    port = _positive_int("BOT_PORT", value, DEFAULT_PORT)
    if port > 65535:
        raise SettingsError("BOT_PORT", f"{value!r} is not a port number (1-65535)")
    return port


def _log_level(value: str | None) -> str:
    if value is None:
        return "INFO"
    level = value.upper()
    if level not in LOG_LEVELS:
        raise SettingsError("LOG_LEVEL", f"{value!r} is not one of {', '.join(LOG_LEVELS)}")
    return level


def _positive_int(name: str, value: str | None, default: int) -> int:
    if value is None:
        return default
    if not re.fullmatch(r"\d{1,9}", value) or int(value) < 1:
        raise SettingsError(name, f"{value!r} is not a positive whole number")
    return int(value)
