"""Telegram with two campaigns loaded: ask which with buttons, remember the chat's choice,
answer each province from its own facts, list the campaigns on /start, count per campaign."""

from __future__ import annotations

import html
import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fakeapi import RecordingRequest, make_callback, make_message
from telegram import Update
from twocampaigns import HUNAN, LIAONING, hunan_brain, liaoning

from bot.live import LiveBrain
from bot.settings import Settings
from bot.stats import Stats
from bot.tg.app import build_application
from bot.tg.services import Services

TOKEN = "123456:TEST-token-for-campaigns"
NOW = datetime(2016, 3, 10, 2, 30, tzinfo=UTC)  # 10:30 in Beijing, during the campaign


@dataclass
class Bot:
    app: Any
    request: RecordingRequest
    svc: Services
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    async def feed(self, payload: dict[str, Any]) -> None:
        n = next(self.ids)
        if "message" in payload:
            payload["message"]["message_id"] = 500 + n
        await self.app.process_update(Update.de_json({"update_id": n, **payload}, self.app.bot))

    async def say(self, user: int, text: str) -> str:
        before = len(self.request.made("sendMessage"))
        await self.feed(make_message(0, user, text))
        return self.last(before)

    async def press(self, user: int, data: str) -> str:
        before = len(self.request.made("sendMessage"))
        await self.feed(make_callback(user, data))
        return self.last(before)

    def last(self, before: int) -> str:
        sends = self.request.made("sendMessage")
        assert len(sends) == before + 1, sends[before:]
        return html.unescape(sends[-1]["text"])

    def buttons(self) -> list[str]:
        markup = self.request.made("sendMessage")[-1].get("reply_markup") or {}
        return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Bot]:
    hunan_brain(tmp_path / "hunan")  # writes the Hunan campaign's files
    shipped = Path(__file__).resolve().parent.parent / "knowledge" / "faq.yaml"
    lives = [LiveBrain(shipped, liaoning()), LiveBrain(tmp_path / "hunan" / "faq.yaml")]
    svc = Services(live=lives[0], others=lives[1:], stats=Stats(), clock=lambda: NOW)
    request = RecordingRequest()
    app = build_application(Settings(token=TOKEN), svc, request=request)
    await app.initialize()
    yield Bot(app, request, svc)
    await app.shutdown()


def states(text: str, numbers: tuple[str, ...]) -> bool:
    return any(n in text for n in numbers)


async def test_no_province_named_asks_with_a_button_per_campaign(bot: Bot) -> None:
    text = await bot.say(11, "巡视组电话多少")
    assert "辽宁省" in text and "湖南省" in text
    assert not states(text, LIAONING + HUNAN)
    assert bot.buttons() == ["campaign:liaoning", "campaign:hunan"]


async def test_the_button_answers_the_waiting_question_and_is_remembered(bot: Bot) -> None:
    await bot.say(11, "巡视组电话多少")
    answered = await bot.press(11, "campaign:hunan")
    assert HUNAN[0] in answered and HUNAN[1] in answered
    assert not states(answered, LIAONING)
    later = await bot.say(11, "信寄到哪")  # remembered for the chat
    assert HUNAN[2] in later and not states(later, LIAONING)
    other = await bot.say(12, "信寄到哪")  # another chat still has to choose
    assert not states(other, LIAONING + HUNAN)


async def test_a_named_province_answers_from_its_own_facts(bot: Bot) -> None:
    text = await bot.say(11, "辽宁的巡视组信箱")
    assert text.startswith("【中央第三巡视组 · 辽宁省】")
    assert LIAONING[2] in text and not states(text, HUNAN)


async def test_a_command_uses_the_chats_campaign(bot: Bot) -> None:
    asked = await bot.say(11, "/phone")
    assert not states(asked, LIAONING + HUNAN)
    answered = await bot.press(11, "campaign:liaoning")
    assert LIAONING[0] in answered and not states(answered, HUNAN)
    again = await bot.say(11, "/mail")
    assert LIAONING[2] in again


async def test_start_lists_the_campaigns(bot: Bot) -> None:
    text = await bot.say(11, "/start")
    assert "辽宁省" in text and "湖南省" in text and "不是举报渠道" in text
    assert bot.buttons() == ["campaign:liaoning", "campaign:hunan"]
    chosen = await bot.press(11, "campaign:hunan")
    assert "湖南省" in chosen


async def test_stats_count_per_campaign(bot: Bot) -> None:
    await bot.say(11, "湖南的巡视组电话")
    await bot.say(11, "辽宁的巡视组电话")
    await bot.say(12, "湖南 信箱")
    assert isinstance(bot.svc.stats, Stats)
    assert bot.svc.stats.by_campaign() == {"hunan": 2, "liaoning": 1}
    assert "按巡视:hunan 2 · liaoning 1" in bot.svc.stats.summary()


async def test_a_broken_edit_to_one_campaign_leaves_the_other(bot: Bot, tmp_path: Path) -> None:
    faq = tmp_path / "hunan" / "faq.yaml"
    faq.write_text(faq.read_text("utf-8").replace("facts:", "facts: [", 1), "utf-8")
    result = await bot.svc.reload()
    assert not result.ok
    text = await bot.say(11, "湖南的巡视组电话")
    assert HUNAN[0] in text  # the last good Hunan version still answers
    assert LIAONING[0] in await bot.say(11, "辽宁的巡视组电话")
