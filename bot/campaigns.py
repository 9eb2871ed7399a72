"""Several campaigns in one bot: which loaded notice a question is about.

Each campaign is one FAQ (one notice), loaded, checked and reloaded on its own. A question
that names a province, one of its cities or the group is answered from that campaign's
facts; with several campaigns loaded and none named, the bot asks which (buttons, and a text
naming every loaded province), and the chat's choice is remembered for a while, in memory
only. Every reply that states a campaign's facts names the campaign it speaks for.

    FAQ_PATH=knowledge/faq.yaml,campaigns/hunan/faq.yaml
    辽宁的巡视组电话      → the Liaoning lines, headed 【中央第三巡视组 · 辽宁省】
    长沙那边信寄哪        → the Hunan PO box (长沙 is a city of 湖南)
    电话多少              → 您要联系哪个省的巡视组? [辽宁省] [湖南省]
    拖欠工资找谁          → 12333, whatever the campaign: routes belong to no campaign
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.regions import RegionFinder, default_regions
from bot.reply import Lang, Reply, Suggestion
from bot.text import fold

if TYPE_CHECKING:
    from bot.answer import Brain

T = TypeVar("T")

# Callback data of a campaign button: "campaign:hunan".
BUTTON_PREFIX = "campaign:"
# Replies that state a campaign's facts (its lines, its PO box, its dates): they need to
# know which campaign, and say which. A route (12333) or a greeting belongs to none.
_NEEDS_CAMPAIGN = frozenset({"faq", "report_guard", "fallback"})

_ASK = {
    "zh": "本机器人有以下几次巡视的公告:{names}。您要联系哪一个?"
    "请点下面的按钮,或在问题里写上省份。",
    "en": "This bot holds the notices of: {names}. Which one do you mean? Press a button, "
    "or name the province in your question.",
}
_GREETING = {
    "zh": "您好!我是中央巡视组巡视公告的问答机器人,现有这几次巡视的公告:{names}。"
    "可以告诉您它们的值班电话、邮政信箱和邮编、受理时间、巡视期间,以及受理什么问题。"
    "请在问题里写上省份,或点下面的按钮选择。\n"
    "注意:本机器人不是举报渠道,发给我的内容不会转给巡视组,也不会保存。",
    "en": "Hello! I answer questions about the notices of: {names}. Name the province in your "
    "question, or press a button. This bot is not a reporting channel: nothing you send "
    "reaches any group, and nothing is kept.",
}
_TAKEN = {
    "zh": "好的,接下来按{name}的公告回答。请提问。",
    "en": "OK: from now on I answer from the notice of {name}. Please ask.",
}
# Said before the question, when a report came in and no campaign is chosen yet: the
# refusal cannot wait for the choice, and must not give any campaign's lines as another's.
_REFUSE = {
    "zh": "本机器人不能接收、转交或保存举报,您发的内容不会到达巡视组。"
    "请不要在聊天里发送姓名、身份证号、电话等个人信息。",
    "en": "This bot cannot accept, forward or keep reports; nothing you send here reaches the "
    "group. Please do not send names or personal details in a chat.",
}


class BrainSource(Protocol):
    """A campaign's current Brain: a LiveBrain, or anything holding one."""

    @property
    def current(self) -> Brain: ...


@dataclass(frozen=True)
class Campaign:
    id: str  # the region id of its province: liaoning
    source: BrainSource

    @property
    def brain(self) -> Brain:
        return self.source.current

    def title(self, lang: Lang = "zh") -> str:
        facts = self.brain.knowledge
        if lang == "en":
            en = facts.facts_en
            return f"{en.group}, {en.province}"
        return f"{facts.facts.group} · {facts.facts.province}"

    def province(self) -> str:
        return self.brain.knowledge.facts.province


class CampaignError(ValueError):
    """The campaigns cannot be served together (unknown province, two for one province)."""


class Campaigns:
    """The loaded campaigns; `answer` picks the one a question is about."""

    def __init__(self, sources: Sequence[BrainSource], regions: RegionFinder | None = None):
        if not sources:
            raise CampaignError("no campaign loaded")
        self.regions = regions or default_regions()
        campaigns: dict[str, Campaign] = {}
        for source in sources:
            facts = source.current.knowledge.facts
            region = self.regions.of_province(facts.province)
            if region is None:
                raise CampaignError(f"{facts.province}: 不是一个省级行政区的名字")
            if region in campaigns:
                raise CampaignError(f"{facts.province}: 已经有一次巡视的公告,一个省只能加载一个")
            campaigns[region] = Campaign(region, source)
        self._by_id = campaigns

    @property
    def all(self) -> tuple[Campaign, ...]:
        return tuple(self._by_id.values())

    def get(self, campaign_id: str) -> Campaign | None:
        return self._by_id.get(campaign_id)

    @property
    def several(self) -> bool:
        return len(self._by_id) > 1

    def first(self) -> Campaign:
        return next(iter(self._by_id.values()))

    def named(self, text: str) -> list[str]:
        """Loaded or not, the regions a question names, and the campaigns whose group it names."""
        folded = fold(text)
        named = self.regions.named(folded)
        for c in self.all:
            group = c.brain.knowledge.facts.group
            # 中央第八巡视组 or 第八巡视组: the group's ordinal names its campaign.
            ordinal = re.search(r"第[一二三四五六七八九十]+", group)
            said = group in folded or (ordinal and f"{ordinal.group()}巡视组" in folded)
            if said and c.id not in named:
                named.append(c.id)
        return named

    def answer(self, text: str, now: datetime, chosen: str | None = None) -> Reply:
        """The reply to `text`; `chosen` is the chat's remembered campaign, if any.

        The reply's `campaign` is the campaign it speaks for ("" when it speaks for none,
        as a route does); a reply of kind "choose" asks which campaign, with buttons.
        """
        if not self.several:
            only = self.first()
            reply = only.brain.answer(text, now)
            return replace(reply, campaign=only.id if reply.kind in _NEEDS_CAMPAIGN else "")
        named = self.named(text)
        loaded = [n for n in named if n in self._by_id]
        if len(loaded) == 1:
            return self._speak(self._by_id[loaded[0]], text, now)
        if named and not loaded:
            # Another province: never a loaded campaign's lines as if they were its own.
            probe = self.first().brain.answer(text, now)
            if probe.kind in _NEEDS_CAMPAIGN:
                return self._not_covered(named, probe.lang)
            return self._neutral(probe)
        if chosen in self._by_id:
            return self._speak(self._by_id[chosen], text, now)
        # Any campaign tells a route, a greeting or another province apart; only a reply
        # stating a campaign's facts needs to know which.
        probe = self.first().brain.answer(text, now)
        if probe.kind not in _NEEDS_CAMPAIGN:
            return self._neutral(probe)
        candidates = [self._by_id[i] for i in loaded] or list(self.all)
        return self._ask(probe, candidates)

    def topic(self, topic: str, now: datetime, chosen: str | None, lang: str = "zh") -> Reply:
        """A command's or a button's topic (/phone): the chosen campaign's, or ask which."""
        language: Lang = "en" if lang == "en" else "zh"
        if not self.several:
            chosen = self.first().id
        campaign = self._by_id.get(chosen or "")
        if campaign is not None:
            return self._head(campaign, campaign.brain.topic(topic, now, language))
        self.first().brain.topic(topic, now, language)  # KeyError for an unknown topic
        probe = Reply("", "faq", (topic,), 1.0, (), language)
        return self._ask(probe, self.all)

    def greeting(self, now: datetime, lang: Lang = "zh") -> Reply:
        """/start with several campaigns: what the bot holds, and a button for each."""
        reply = self._ask(Reply("", "smalltalk", (), 1.0, (), lang), self.all)
        return replace(reply, text=_GREETING[lang].format(names=self._names(self.all, lang)))

    def chosen(self, campaign_id: str, pending: Reply | None, now: datetime) -> Reply:
        """The reply to a campaign button: the waiting question answered, or a word that
        the choice is taken."""
        campaign = self._by_id[campaign_id]
        if pending is not None and pending.pending in _NEEDS_CAMPAIGN:
            return self.resume(pending, campaign_id, now)
        lang = pending.lang if pending is not None else "zh"
        text = _TAKEN[lang].format(name=campaign.title(lang))
        return Reply(text, "smalltalk", (), 1.0, (), lang, campaign=campaign.id)

    def resume(self, pending: Reply, campaign_id: str, now: datetime) -> Reply:
        """The answer to a question that was met with "which campaign?", once chosen.

        Only what the question was found to be about is kept while the user chooses (its
        kind and topics), never its text.
        """
        campaign = self._by_id[campaign_id]
        brain, lang = campaign.brain, pending.lang
        if pending.topics and all(brain.knowledge.has_intent(t) for t in pending.topics):
            reply = brain.topics(pending.topics, now, lang)
        elif pending.pending == "report_guard":
            reply = brain.refusal(now, lang)
        else:
            reply = brain.message("fallback", now, lang)
        return self._head(campaign, reply)

    # -- helpers ---------------------------------------------------------------------------

    def _speak(self, campaign: Campaign, text: str, now: datetime) -> Reply:
        return self._head(campaign, campaign.brain.answer(text, now))

    def _neutral(self, reply: Reply) -> Reply:
        """A reply that speaks for no campaign; a boundary reply says which ones the bot has."""
        if reply.kind == "boundary":
            reply = replace(reply, text=reply.text + "\n\n" + self._holds(reply.lang))
        return replace(reply, campaign="")

    def _head(self, campaign: Campaign, reply: Reply) -> Reply:
        if reply.kind not in _NEEDS_CAMPAIGN:
            return self._neutral(reply)
        head = f"【{campaign.title(reply.lang)}】"
        return replace(reply, text=f"{head}\n{reply.text}", campaign=campaign.id)

    def _not_covered(self, named: Sequence[str], lang: Lang) -> Reply:
        region = self.regions.regions[named[0]].name
        knowledge = self.first().brain.knowledge
        if lang == "en":
            channel = knowledge.values_en.get("channel.discipline", "12388")
            text = f"This bot has no information about the inspection of {region}. "
        else:
            channel = knowledge.values["channel.discipline"]
            text = f"本机器人没有关于{region}巡视的信息。"
        standing = "Standing channel: " if lang == "en" else "长期渠道:"
        text += self._holds(lang) + "\n" + standing + channel
        return Reply(text, "boundary", (), 1.0, (), lang)

    def _holds(self, lang: Lang) -> str:
        names = self._names(self.all, lang)
        if lang == "en":
            return f"This bot holds the notices of: {names}."
        return f"本机器人只有这几次巡视的公告:{names}。"

    @staticmethod
    def _names(campaigns: Sequence[Campaign], lang: Lang) -> str:
        return "、".join(c.title(lang) for c in campaigns)

    def _ask(self, probe: Reply, candidates: Sequence[Campaign]) -> Reply:
        lang = probe.lang
        text = _ASK[lang].format(names=self._names(candidates, lang))
        if probe.kind == "report_guard":
            text = _REFUSE[lang] + "\n" + text
        buttons = tuple(
            Suggestion(BUTTON_PREFIX + c.id, c.province() if lang == "zh" else c.title(lang))
            for c in candidates
        )
        return Reply(
            text,
            "choose",
            probe.topics if probe.kind == "faq" else (),
            probe.confidence,
            buttons,
            lang,
            pending=probe.kind,
        )


class ChatChoices:
    """Each chat's chosen campaign, and the question waiting for the choice; in memory only.

    Bounded (the oldest chats are forgotten first) and forgotten after `ttl` seconds, so
    nothing about who asked what outlives a short conversation. What waits is the pending
    Reply (kind and topics), never the message text.
    """

    def __init__(
        self,
        ttl: float = 1800.0,
        max_chats: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl, self.max_chats, self._clock = ttl, max_chats, clock
        self._chosen: OrderedDict[int, tuple[float, str]] = OrderedDict()
        self._pending: OrderedDict[int, tuple[float, Reply]] = OrderedDict()

    def chosen(self, chat_id: int) -> str | None:
        return self._get(self._chosen, chat_id)

    def choose(self, chat_id: int, campaign_id: str) -> Reply | None:
        """Remember the choice; return the question that was waiting for it, if any."""
        self._put(self._chosen, chat_id, campaign_id)
        pending = self._get(self._pending, chat_id)
        self._pending.pop(chat_id, None)
        return pending

    def wait(self, chat_id: int, reply: Reply) -> None:
        self._put(self._pending, chat_id, reply)

    def _get(self, store: OrderedDict[int, tuple[float, T]], chat_id: int) -> T | None:
        hit = store.get(chat_id)
        if hit is None:
            return None
        at, value = hit
        if self._clock() - at > self.ttl:
            del store[chat_id]
            return None
        return value

    def _put(self, store: OrderedDict[int, tuple[float, T]], chat_id: int, value: T) -> None:
        store[chat_id] = (self._clock(), value)
        store.move_to_end(chat_id)
        while len(store) > self.max_chats:
            store.popitem(last=False)


class Chats:
    """Several campaigns as each chat meets them: its choice remembered, its waiting question
    answered once it chooses. Telegram keeps one per bot, the terminal one per session."""

    def __init__(self, campaigns: Campaigns, choices: ChatChoices | None = None) -> None:
        self.campaigns = campaigns
        self.choices = choices or ChatChoices()

    def answer(self, chat_id: int | None, text: str, now: datetime) -> Reply:
        reply = self.campaigns.answer(text, now, self._chosen(chat_id))
        self._remember(chat_id, reply)
        return reply

    def topic(self, chat_id: int | None, topic: str, now: datetime, lang: str = "zh") -> Reply:
        """A command's or a button's topic; a campaign button (campaign:hunan) chooses."""
        if topic.startswith(BUTTON_PREFIX) and chat_id is not None:
            chosen = self.choose(chat_id, topic[len(BUTTON_PREFIX) :], now)
            if chosen is None:
                raise KeyError(topic)
            return chosen
        reply = self.campaigns.topic(topic, now, self._chosen(chat_id), lang)
        self._remember(chat_id, reply)
        return reply

    def choose(self, chat_id: int, campaign_id: str, now: datetime) -> Reply | None:
        """A campaign chosen: remembered, and the question that waited answered (None for a
        campaign that is not loaded)."""
        if self.campaigns.get(campaign_id) is None:
            return None
        pending = self.choices.choose(chat_id, campaign_id)
        return self.campaigns.chosen(campaign_id, pending, now)

    def greeting(self, now: datetime) -> Reply:
        return self.campaigns.greeting(now)

    def _chosen(self, chat_id: int | None) -> str | None:
        return self.choices.chosen(chat_id) if chat_id is not None else None

    def _remember(self, chat_id: int | None, reply: Reply) -> None:
        if chat_id is None:
            return
        if reply.kind == "choose":
            self.choices.wait(chat_id, reply)
        elif reply.campaign:
            self.choices.choose(chat_id, reply.campaign)  # named outright: the chat's now


@dataclass
class Session:
    """One conversation with several campaigns, shaped like a Brain (answer, topic, message),
    for the terminal: `chat` and `ask` call it as they call a Brain."""

    chats: Chats
    chat_id: int = 0

    def answer(self, text: str, now: datetime) -> Reply:
        return self.chats.answer(self.chat_id, text, now)

    def topic(self, intent_id: str, now: datetime, lang: str = "zh") -> Reply:
        return self.chats.topic(self.chat_id, intent_id, now, lang)

    def message(self, name: str, now: datetime, lang: str = "zh") -> Reply:
        if name == "greeting":
            return self.chats.greeting(now)
        return self.chats.campaigns.first().brain.message(name, now, lang)
