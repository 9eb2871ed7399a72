"""Assertions about replies that several test modules share."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.answer import Brain

AFTER = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # the period is over
OURS = ("024-88881877", "024-88881977")


def assert_routed(brain: Brain, text: str, number: str) -> None:
    """A matter of life: a route, with its channel's number."""
    reply = brain.answer(text, AFTER)
    assert reply.kind == "route" and number in reply.text, (text, reply.kind, reply.topics)


def assert_not_ours(brain: Brain, text: str) -> None:
    """Another body: the boundary reply, and never our lines."""
    reply = brain.answer(text, AFTER)
    assert reply.kind == "boundary" and not any(line in reply.text for line in OURS), text


def topics_of(brain: Brain, text: str) -> tuple[str, tuple[str, ...]]:
    """The reply's kind and topics."""
    reply = brain.answer(text, AFTER)
    return reply.kind, reply.topics


def assert_topic(brain: Brain, text: str, topic: str) -> None:
    """A question about the notice: answered from the FAQ, with `topic` among its topics."""
    kind, topics = topics_of(brain, text)
    assert kind == "faq" and topic in topics, (text, kind, topics)


def assert_refused(brain: Brain, text: str, details: tuple[str, ...]) -> None:
    """A report: refused with our channels, and none of its details repeated (in any case)."""
    reply = brain.answer(text, AFTER)
    assert reply.kind == "report_guard", (text, reply.kind, reply.topics)
    assert all(line in reply.text for line in OURS) and "6008" in reply.text
    assert not any(d.lower() in reply.text.lower() for d in details), text
