"""Text that is valid but would read wrong to a user: warnings, not errors.

Chinese quotes are not YAML quotes. `answer: “不客气。”` is the text with the quotes,
and the bot would send them: “不客气。” (with the marks) to every user who says thanks.
Quotes inside a value (巡视“回头看”) are meant and are left alone.
"""

from __future__ import annotations

from bot.knowledge.collect import Collector

_OPEN, _CLOSE = "“‘「『", "”’」』"


def wrapped_in_chinese_quotes(value: str) -> bool:
    """“不客气。” yes; 巡视“回头看” no; “一”和“二” no (two quoted parts, not one)."""
    value = value.strip()
    if len(value) < 2 or value[0] not in _OPEN or value[-1] not in _CLOSE:
        return False
    inner = value[1:-1]
    return not any(c in _OPEN or c in _CLOSE for c in inner)


def check_chinese_quotes(out: Collector) -> None:
    """A warning at each value of the file wrapped whole in Chinese quotes."""
    for loc, node in out.doc.scalars():
        if isinstance(node.value, str) and wrapped_in_chinese_quotes(node.value):
            out.warn(loc, "chinese_quotes", line=node.start_mark.line + 1, value=node.value)
