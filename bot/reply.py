"""The value every front end renders: what the bot says to one message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# "choose": several campaigns are loaded and the question names none (bot.campaigns).
Kind = Literal["faq", "route", "report_guard", "fallback", "smalltalk", "boundary", "choose"]
Lang = Literal["zh", "en"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A topic the user may have meant; a button in Telegram."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Reply:
    """Plain text as displayed (no markup) plus what front ends and the evaluation need."""

    text: str
    kind: Kind
    topics: tuple[str, ...] = ()
    confidence: float = 0.0
    suggestions: tuple[Suggestion, ...] = field(default=())
    lang: Lang = "zh"
    campaign: str = ""  # the campaign it speaks for (its region id), "" for none
    pending: str | None = None  # with "choose": the kind of reply the choice will give

    def as_dict(self) -> dict[str, object]:
        return {
            "reply": self.text,
            "kind": self.kind,
            "topics": list(self.topics),
            "confidence": round(self.confidence, 3),
            "suggestions": [{"id": s.id, "title": s.title} for s in self.suggestions],
            "lang": self.lang,
            "campaign": self.campaign,
        }
