"""The /reload reply: one language, and 已重新加载 only when something was reloaded."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bot.live import LiveBrain
from bot.tg.handlers import reload_reply

SHIPPED = Path(__file__).resolve().parent.parent / "knowledge"


def test_the_reply_says_what_happened_in_chinese(tmp_path: Path) -> None:
    for name in ("faq.yaml", "notice.txt"):
        shutil.copy(SHIPPED / name, tmp_path / name)
    faq = tmp_path / "faq.yaml"
    live = LiveBrain(faq)

    unchanged = reload_reply(live.reload())
    assert unchanged.startswith("FAQ 没有变化")
    assert "已重新加载" not in unchanged

    text = faq.read_text(encoding="utf-8")
    faq.write_text(text + "\n# 维护者的一条注释\n", encoding="utf-8")
    changed = reload_reply(live.reload())
    assert changed.startswith("已重新加载")

    faq.write_text(text.replace("024-88881977", "024-99990000", 1), encoding="utf-8")
    refused = reload_reply(live.reload())
    assert refused.startswith("没有加载") and "已重新加载" not in refused
    assert "024-99990000" in refused  # the problem itself is still shown

    for reply in (unchanged, changed, refused):
        first = reply.splitlines()[0]
        assert not re.search(r"[A-Za-z]{3,}", first.replace("FAQ", "")), first
        assert "FAQ reloaded" not in reply and "FAQ unchanged" not in reply
