"""Counters for the admins' /stats: replies per kind and per topic since start.

Only counts are kept: no text, no user or chat id, nothing that could tell who asked what.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.reply import Reply

if TYPE_CHECKING:
    from bot.live import ReloadResult

KINDS = ("faq", "route", "smalltalk", "fallback", "report_guard")
SHOWN_RELOADS = 10


def _now() -> datetime:
    return datetime.now().astimezone()


def format_uptime(delta: timedelta) -> str:
    minutes = max(0, int(delta.total_seconds()) // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}天{hours}小时{minutes}分钟"
    if hours:
        return f"{hours}小时{minutes}分钟"
    return f"{minutes}分钟"


class Stats:
    """Thread-safe counters; one instance lives as long as the bot process."""

    def __init__(self, started: datetime | None = None) -> None:
        self.started = started or _now()
        self._lock = threading.Lock()
        self._kinds: Counter[str] = Counter()
        self._topics: Counter[str] = Counter()
        self._campaigns: Counter[str] = Counter()
        self._total = 0

    def record(self, reply: Reply) -> None:
        with self._lock:
            self._total += 1
            self._kinds[reply.kind] += 1
            # A message with two questions counts once for each topic it answered.
            self._topics.update(reply.topics)
            if reply.campaign:
                self._campaigns[reply.campaign] += 1

    @property
    def total(self) -> int:
        return self._total

    def by_kind(self) -> dict[str, int]:
        with self._lock:
            return dict(self._kinds)

    def by_topic(self) -> dict[str, int]:
        with self._lock:
            return dict(self._topics)

    def by_campaign(self) -> dict[str, int]:
        """Replies that spoke for a campaign, per campaign (when several are loaded)."""
        with self._lock:
            return dict(self._campaigns)

    def summary(self, history: Sequence[ReloadResult] = (), now: datetime | None = None) -> str:
        """Plain text for /stats: uptime, counts, and the latest reloads."""
        now = now or _now()
        with self._lock:
            total, kinds, topics = self._total, Counter(self._kinds), Counter(self._topics)
            campaigns = Counter(self._campaigns)
        lines = [
            f"运行时间:{format_uptime(now - self.started)}(自 {self.started:%Y-%m-%d %H:%M})",
            f"回复总数:{total}",
        ]
        # Every kind is listed, even at zero, so a missing line never hides a problem.
        lines.append("按类型:" + " · ".join(f"{k} {kinds.get(k, 0)}" for k in _kind_order(kinds)))
        if topics:
            ranked = sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))
            lines.append("按话题:" + " · ".join(f"{t} {n}" for t, n in ranked))
        else:
            lines.append("按话题:(暂无)")
        if campaigns:
            ranked = sorted(campaigns.items(), key=lambda kv: (-kv[1], kv[0]))
            lines.append("按巡视:" + " · ".join(f"{c} {n}" for c, n in ranked))
        lines.append(_reloads(history))
        return "\n".join(lines)


def _kind_order(kinds: Counter[str]) -> list[str]:
    return [*KINDS, *sorted(k for k in kinds if k not in KINDS)]


def _reloads(history: Sequence[ReloadResult]) -> str:
    if not history:
        return "知识库重新加载:(无记录)"
    shown = list(history)[-SHOWN_RELOADS:]
    out = [f"知识库重新加载(最近 {len(shown)} 次,共 {len(history)} 次):"]
    for result in shown:
        if result.ok:
            state = "成功,内容已更新" if result.changed else "成功,内容未变"
        else:
            state = "失败,仍用上一个正确版本"
        out.append(f"· {result.at:%Y-%m-%d %H:%M:%S} {state}")
        if not result.ok and result.message:
            out.extend(f"  {line}" for line in result.message.splitlines()[:5])
    return "\n".join(out)
