"""Reply → what Telegram is sent: escaped HTML pieces of at most 4,096 characters and an
inline keyboard of topics.

The Reply's text is plain text (from the FAQ, never from the user), but it is escaped all
the same: a "<" or "&" in the YAML must show as itself, not break the message.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.campaigns import BUTTON_PREFIX
from bot.reply import Reply, Suggestion

log = logging.getLogger(__name__)

MAX_MESSAGE = 4096  # Telegram's limit, counted after entity parsing, in UTF-16 units
MAX_CALLBACK_DATA = 64  # bytes
CALLBACK_PREFIX = "t:"
CAMPAIGN_BUTTON = BUTTON_PREFIX  # "campaign:hunan", see bot.campaigns
# Preferred places to split a long text, best first; each stays with the piece before.
_BREAKS = ("\n\n", "\n", "。", "!", "?", ";", "! ", "? ", ". ", "; ", ",", ", ", " ")


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message to send."""

    html: str
    markup: InlineKeyboardMarkup | None = None


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _prefix_fitting(text: str, limit: int) -> int:
    """The number of characters of `text` that fit in `limit` UTF-16 units."""
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return i
    return len(text)


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Pieces of at most `limit` UTF-16 units whose concatenation is exactly `text`.

    Each cut falls after a paragraph, line, sentence or word boundary when one lies in the
    second half of the allowed length; only text without any such boundary is cut mid-run.
    """
    if limit < 2:
        raise ValueError("limit too small")
    pieces: list[str] = []
    rest = text
    while utf16_len(rest) > limit:
        fit = _prefix_fitting(rest, limit)
        head = rest[:fit]
        cut = fit
        for mark in _BREAKS:
            at = head.rfind(mark)
            if at >= 0 and at + len(mark) >= fit // 2:
                cut = at + len(mark)
                break
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return pieces


def callback_data(topic_id: str, lang: str = "zh") -> str:
    return f"{CALLBACK_PREFIX}{topic_id}" + (":en" if lang == "en" else "")


def parse_callback(data: str | None) -> tuple[str, str] | None:
    """(topic id, lang) from a button's callback_data, or None if it is not ours."""
    if not data or not data.startswith(CALLBACK_PREFIX):
        return None
    body = data[len(CALLBACK_PREFIX) :]
    topic, _, lang = body.partition(":")
    if not topic or lang not in ("", "en"):
        return None
    return topic, lang or "zh"


def keyboard(suggestions: Sequence[Suggestion], lang: str = "zh") -> InlineKeyboardMarkup | None:
    """One button per topic: a short list one per row, a whole menu two per row."""
    buttons: list[InlineKeyboardButton] = []
    for s in suggestions:
        # A campaign button (campaign:hunan) carries its own data; a topic's gets ours.
        data = s.id if s.id.startswith(CAMPAIGN_BUTTON) else callback_data(s.id, lang)
        if len(data.encode("utf-8")) > MAX_CALLBACK_DATA:
            log.warning("topic id %r too long for a button; left out", s.id)
            continue
        buttons.append(InlineKeyboardButton(s.title, callback_data=data))
    if not buttons:
        return None
    per_row = 2 if len(buttons) > 3 else 1
    rows = [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
    return InlineKeyboardMarkup(rows)


def render(reply: Reply) -> list[Outgoing]:
    """The messages for one reply; the keyboard, if any, goes with the last one."""
    text = reply.text if reply.text.strip() else "…"
    pieces = [html.escape(p, quote=False) for p in split_text(text)]
    markup = keyboard(reply.suggestions, reply.lang)
    out = [Outgoing(p) for p in pieces[:-1]]
    out.append(Outgoing(pieces[-1], markup))
    return out


def plain(text: str) -> list[Outgoing]:
    """Messages for a text that is not a Reply (notices, admin output)."""
    return [Outgoing(html.escape(p, quote=False)) for p in split_text(text)]
