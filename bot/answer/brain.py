"""The decision: what a message is, and which reply it gets.

In order: nothing to read → help; a report (the guard's rules) → the refusal, with the channel
of any matter that has its own; a body the notice does not cover (another province, group,
level, year) → the boundary reply; a number of the notice quoted back → that fact, corrected
if it was mistyped; else the ranked topics, routes and smalltalk. The second opinion on
reports (bot.learned's model by default, `Brain(..., second_opinion=…)`) never takes an answer
away: it only adds the reminder not to send details under it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path

from bot import knowledge as kb
from bot import learned, learned_topics
from bot.answer.phrasing import Phrasing
from bot.answer.quoted import QuotedNumbers, Quotes
from bot.answer.tuning import Tuning
from bot.boundary import Boundary, Outside
from bot.guard import explain, lower_post, mentions_wrongdoing, post_spans
from bot.matcher import Candidate, Entry, Matcher
from bot.reply import Lang, Reply, Suggestion
from bot.text import (
    as_whole_message,
    clause_starts,
    fold,
    has_cjk,
    language_data,
    list_items,
    normalise_folded,
)

# A second opinion on whether a folded message is a report, beside the guard's rules. The
# default is the learned model (bot.learned: its score against its exported threshold; no
# weights file, no opinion); another is one argument: Brain(knowledge, second_opinion=f).
SecondOpinion = Callable[[str], bool]
# A learned opinion on the topic of a folded message: (topic, probability) when sure enough.
TopicVote = Callable[[str], tuple[str, float] | None]


def _learned_opinion(folded: str) -> bool:
    return learned.is_report(folded)  # looked up per call, so it can be replaced in tests


def _learned_topic(folded: str) -> tuple[str, float] | None:
    return learned_topics.vote(folded)


_DIGITS = re.compile(r"\d[\d:-]*\d")
_FACT_DIGITS = 4  # 8:00 and longer
_WHO_CLAUSE = 10  # 药店的, 大洼这边割苇子的: a first clause this short, ending in 的, is who asks…
_OURS_ASKED = ("巡视", "电话", "信箱", "地址", "号码", "邮编")  # …when one of ours is asked after
_ASKING_RE = re.compile("哪|怎么|什么|吗|多少|谁|几")  # …and it asks nothing itself
_BESIDE = 1  # 交通|厅|厅长: characters allowed between an office's name and the post
_DENIALS = ("不是", "不属于", "并非")  # 不是省里的 denies the post that follows
# Common English words that are not pinyin syllables: a text of Latin letters with one of
# them is English; without, it is Chinese typed in pinyin (dianhua duoshao).
_ENGLISH_WORDS = re.compile(
    r"\b(?:what|how|where|when|who|whom|whose|which|why|can|could|would|will|should|is|are|was|"
    r"were|be|been|has|have|had|do|does|did|the|an|and|or|not|no|of|to|for|with|about|from|at|"
    r"on|in|by|my|me|i|you|your|they|them|their|it|this|that|there|here|someone|please|hello|"
    r"hi|hey|thanks|thank|ok|phone|number|call|report|letter|address|hours|open|until|period|"
    r"group|email|mail|contact|visit|inspection|want|need|get|got|help|stuck|days?)\b"
)


@dataclass(frozen=True, slots=True)
class _Signals:
    """What the decision learnt about a message before matching it to topics."""

    folded: str  # the message as `fold` left it, for the learned topic vote
    quotes: Quotes  # numbers of the notice quoted back (88881977记下了)
    wrongdoing: bool  # someone's wrongdoing is spoken of (局长受贿)
    how_to_report: bool = False  # …and it asks what to do about it (该咋办, 找谁)
    asks_where: bool = False  # where to go with a matter is asked (找谁, 上哪说理, 谁管)
    remit: bool = False  # it asks whether someone falls in the remit (镇长算不算, 归不归…管)
    post: bool = False  # a post is named (局长, 一把手), whoever holds it


def _asks_how_to_report(wrongdoing: bool, features: tuple[str, ...]) -> bool:
    """如果我知道某局长受贿 该咋办: wrongdoing, and what to do about it; 市委书记有问题 能反映
    给巡视组不: a post, and whether and how to report it."""
    seen = set(features)
    if wrongdoing and seen & {"asks_how", "what_to_do"}:
        return True
    return "asks_how" in seen and bool(seen & {"title", "body"})


def _as_lang(lang: str) -> Lang:
    return "en" if lang == "en" else "zh"


def _clause(span: tuple[int, int], starts: list[int]) -> int:
    return sum(1 for s in starts if s <= span[0])


def _first_clause(c: Candidate, starts: list[int]) -> int:
    """The clause where a candidate is first named (the first, if by no word at all)."""
    return min(_clause(s, starts) for s in c.spans or [(0, 0)])


def _describes_asker(c: Candidate, norm: str, starts: list[int]) -> bool:
    """Whether a candidate is named only in clauses that say who the asker is (我是律所的助理:
    text.yaml's self_descriptions; or a short first clause ending in 的: 药店的, 中街摆摊的)."""
    heads = language_data().self_descriptions
    clause_heads = [0, *starts]
    first_is_who = _first_clause_says_who(norm, starts)
    return bool(c.spans) and all(
        norm.startswith(heads, clause_heads[i]) or (i == 0 and first_is_who)
        for i in (_clause(span, starts) for span in c.spans)
    )


def _first_clause_says_who(norm: str, starts: list[int]) -> bool:
    """药店的 想寄挂号信过去 信箱几号: a job said in a word, then a line or the box asked. Not
    去年买的 核桃苗是假的 (nothing of ours asked after), nor 医保报销怎么算的 (it asks)."""
    if not starts:
        return False
    clause, rest = norm[: starts[0]].strip(), norm[starts[0] :]
    return (
        clause.endswith("的")
        and len(clause) <= _WHO_CLAUSE
        and not _ASKING_RE.search(clause)
        and any(word in rest for word in _OURS_ASKED)
    )


def _facts(text: str) -> list[str]:
    """The lines, numbers and times a text states (024-88881877, 6008, 8:00)."""
    return [f for f in _DIGITS.findall(text) if len(f) >= _FACT_DIGITS]


# A sentence ends at 。 or at a full stop before a capital (PO Box No. 6008 goes on).
_SENTENCE_RE = re.compile(r"(?:[^。!?!?.]|\.(?!\s+[A-Z]|\s*$))*(?:[。!?!?]|\.)?")


def _without_cross_references(parts: list[str]) -> list[str]:
    """Each part without its sentences pointing to another way (也可以写信寄6008…) whose
    facts another part states in its own words: 电话和信箱 gets the box from the box's
    answer, once; two pointers never remove each other."""
    if len(parts) < 2:
        return parts
    markers = language_data().cross_references
    split = [[s for s in _SENTENCE_RE.findall(part) if s] for part in parts]
    cores = ["".join(s for s in ss if not s.lstrip().startswith(markers)) for ss in split]
    kept = []
    for i, sentences in enumerate(split):
        others = "\n".join(core for j, core in enumerate(cores) if j != i)
        kept.append(
            "".join(
                s
                for s in sentences
                if not (
                    s.lstrip().startswith(markers)
                    and (facts := _facts(s))
                    and all(f in others for f in facts)
                )
            )
        )
    return kept


def _beside(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    """Whether spans touch or overlap, _BESIDE characters between allowed: 交通|厅|厅长."""
    return _overlaps(((s - _BESIDE - 1, e + _BESIDE + 1) for s, e in a), b)


def _overlaps(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    bs = list(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in bs)


class Brain:
    """Knowledge plus its matcher; immutable once built, so it can be swapped atomically."""

    def __init__(
        self,
        knowledge: kb.Knowledge,
        tuning: Tuning | None = None,
        second_opinion: SecondOpinion = _learned_opinion,
        topic_vote: TopicVote = _learned_topic,
    ) -> None:
        language_data()  # the language files are checked before anything is answered
        self.knowledge = knowledge
        self.tuning = tuning or Tuning()
        self._second_opinion = second_opinion
        self._topic_vote = topic_vote
        self._phrasing = Phrasing(knowledge)
        self._boundary = Boundary(
            knowledge.facts, keywords=[k for i in knowledge.intents for k in i.keywords]
        )
        self._quoted = QuotedNumbers(
            knowledge.facts, knowledge.external_numbers, self.tuning.phone_topic,
            self.tuning.mail_topic,
        )  # fmt: skip
        self._intents = {i.id: i for i in knowledge.intents}
        self._matcher = Matcher(
            Entry(i.id, i.examples, i.keywords, i.hints) for i in knowledge.intents
        )
        facts = knowledge.facts
        self._phones = frozenset(p.replace("-", "") for p in facts.phones)
        # The notice's own people: 是不是有个叫朱国贤的 asks about a deputy, reporting no one.
        self._own_people = tuple(fold(n) for n in (facts.leader, *facts.deputies) if n)
        self.tz = facts.hours.zone
        self._open, self._close = facts.hours.opens, facts.hours.closes
        self._start, self._end = facts.period.start, facts.period.end
        faq = [i for i in knowledge.intents if i.kind == "faq"]
        self._menus: dict[Lang, tuple[Suggestion, ...]] = {
            "zh": tuple(Suggestion(i.id, i.title) for i in faq),
            "en": tuple(Suggestion(i.id, i.title_en or i.title) for i in faq),
        }

    @classmethod
    def load(cls, path: str | Path | None = None) -> Brain:
        return cls(kb.load(path))

    # -- the decision --------------------------------------------------------------------

    def answer(self, text: str, now: datetime, *, holdout: bool = False) -> Reply:
        folded = fold(text or "")  # capped before anything matches (text.MAX_CHARS)
        folded = self._boundary.heard(folded)  # 邮政新乡 → 邮政信箱: a place misheard for a keyword
        reply = self._decide(folded, now, holdout)
        # Only the second opinion (the learned model) takes it for a report: the question is
        # still answered, with the reminder not to send details here; a false alarm costs one
        # line. Never under a boundary reply: the reminder gives our lines.
        if reply.kind not in ("report_guard", "boundary") and self._second_opinion(folded):
            reply = self._with_note(reply)
        return reply

    def _with_note(self, reply: Reply) -> Reply:
        note = self._message("privacy_note", reply.lang)
        return reply if note in reply.text else replace(reply, text=reply.text + "\n\n" + note)

    def _decide(self, folded: str, now: datetime, holdout: bool) -> Reply:
        norm = as_whole_message(normalise_folded(folded))
        lang = self._language(norm)
        if not norm:
            return self._fallback([], lang)
        head = folded[: self.tuning.scan]
        outside = self._boundary.find(head)
        quotes = self._quoted.find(head)
        verdict = explain(self._without_own_people(folded), self._phones | quotes.numbers)
        if verdict.report:
            if outside is not None:  # about another province's official: not our lines either
                return self._outside(outside, lang, refused=True)
            return self._report_guard(norm, now, lang)
        if outside is not None:
            return self._outside(outside, lang)
        wrongdoing = mentions_wrongdoing(folded)
        signals = _Signals(
            folded,
            quotes,
            wrongdoing,
            how_to_report=_asks_how_to_report(wrongdoing, verdict.features),
            remit="remit" in verdict.features,
            asks_where="what_to_do" in verdict.features,
            post="title" in verdict.features,
        )
        reply = self._understood(norm, now, lang, holdout, signals)
        # 能帮我转给纪委吗: asked whether the bot passes things on, the reply says it does not.
        if reply.kind in ("faq", "route") and (wrongdoing or "forward" in verdict.features):
            reply = self._with_note(reply)
        return self._for_an_asker_elsewhere(reply, head, lang)

    def _for_an_asker_elsewhere(self, reply: Reply, head: str, lang: Lang) -> Reply:
        """我是湖南的 巡视组电话多少: our lines, said to be ours and not his province's, so no
        caller from elsewhere takes them for his own body's (Tuning.channel_topics). One who
        asks no fact of ours (我在西藏 能找中央巡视组吗) is told the notice does not cover his
        province, unless he says he is away from ours (在外地能找巡视组吗)."""
        # (我老家吉林的 想问问点化: not understood, and no inspection named, stays "not
        # understood", with its menu.)
        generic = (
            reply.kind == "faq" and set(reply.topics) <= set(self.tuning.asker_generic)
        ) or (reply.kind == "fallback" and self._boundary.names_inspection(head))
        ours = reply.kind == "faq" and set(reply.topics) & set(self.tuning.channel_topics)
        if not (generic or ours):
            return reply
        place = self._boundary.asker_place(head)
        if place is None:
            return reply
        if generic and not self._boundary.asks_from_away(head):
            return self._outside(place, lang)
        note = self._phrasing.asker_elsewhere(place, reply.lang)
        return replace(reply, text=f"{reply.text}\n\n{note}")

    def _understood(
        self, norm: str, now: datetime, lang: Lang, holdout: bool, signals: _Signals
    ) -> Reply:
        """The reply to a question: its topics, a route, smalltalk, or did-you-mean.

        A question about what to do with someone's wrongdoing gets how to report first,
        unless a route of its own was named (村支书贪污找谁 → 12388).
        """
        tuning = self.tuning
        ranked = [
            c
            for c in self._matcher.rank(norm, holdout=holdout)
            if self._plausible(c, norm) and not (signals.wrongdoing and c.id in tuning.own_troubles)
        ]
        ranked = self._below_remit_first(ranked)
        quotes = signals.quotes
        if quotes and all(t in self._intents for t in quotes.topics):
            return self._quoting(ranked, quotes, now, lang)
        compared = self._compared_with_others(norm, ranked, signals)
        if compared:
            return self._compose(compared, now, lang, 1.0)
        how = signals.how_to_report and tuning.how_to_report in self._intents
        unsure = not ranked or ranked[0].score < tuning.low_confidence
        # 要是有人收了二十万,算不算巡视组管的事: a question about the remit, in no topic's words,
        # is answered with whom and what the group takes, not with "did you mean".
        remit_answer = [t for t in tuning.remit_answer if t in self._intents]
        if signals.remit and remit_answer and not how and unsure:
            return self._compose(remit_answer, now, lang, 1.0)
        # 市纪委书记出了问题,巡视组收不收: a post asked of the remit, no topic's word said (the
        # best topic only resembles an example): whom the group takes, then how to reach it.
        if signals.remit and signals.post and ranked and not ranked[0].keyword:
            whom = [i for i in (*tuning.remit_topics, tuning.how_to_report) if i in self._intents]
            if whom[:1] == list(tuning.remit_topics[:1]):
                return self._compose(whom, now, lang, 1.0)
        if not how and unsure:
            return (
                self._voted(norm, signals, now, lang)
                or self._general(ranked, signals, now, lang)
                or self._fallback(ranked, lang)
            )
        items, starts = list_items(norm), clause_starts(norm)
        # A numbered list asks several questions: more topics may answer it.
        limit = tuning.max_list_topics if items else tuning.max_topics
        chosen = self._choose(ranked, norm, items, starts, limit) if ranked else None
        # 快递丢了 去哪投诉: where to complain, after a matter with a line of its own and no
        # word of the group, asks for that line, not how to report to the group (nor for its
        # details: scammed by an online seller is no question about a website of ours).
        route_first = bool(chosen) and self._intents[chosen[0].id].kind == "route"
        if chosen and route_first and not self._boundary.names_inspection(norm):
            how_to = tuning.how_to_report
            chosen = [
                c for c in chosen if c.id != how_to and how_to not in self._intents[c.id].part_of
            ]
        # A post in the group's remit (厅长) outranks a route its office's name suggests (交通).
        # (县里干部违纪 不是省里的: a post denied is none named.)
        remit = [
            c.id
            for c in ranked
            if c.id in tuning.remit_topics
            and c.keyword >= tuning.keyword
            and not all(norm.endswith(_DENIALS, 0, start) for start, _end in c.spans)
        ]
        # …and a route leads only when named outright: 收钱了 heard near 骗钱 is no crime. One
        # named so beats one only heard (县里一个局长收钱了 上哪说去: 12388, not 110).
        outright = [
            c
            for c in chosen or ()
            if self._intents[c.id].kind == "route" and c.keyword >= tuning.keyword
        ]
        route_led = bool(outright) and not remit
        if how and route_led and chosen and chosen[0] is not outright[0]:
            heard = {c.id for c in chosen if self._intents[c.id].kind == "route"} - {
                c.id for c in outright
            }
            chosen = [*outright, *(c for c in chosen if c not in outright and c.id not in heard)]
        if how and not route_led:
            # How to report first; then the topics asked, and the routes of wrongdoing with a
            # line of its own (镇长的问题归谁管 → 12388), not those a word only suggests. Someone
            # below the remit named outright goes before all (县长的问题能找巡视组吗: 12388).
            asked = [
                c.id
                for c in chosen or ()
                if self._intents[c.id].kind == "faq" or c.id in tuning.report_routes
            ]
            below = [c.id for c in chosen or () if self._below_remit(c)]
            # 如果我知道一个乡镇的局长收了钱: the post's level is said, below the remit.
            below = below or self._placed_below(norm, signals)
            # 如果我知道一个局长收钱,可以找巡视组说吗: a post of no stated level, so whom the
            # group takes comes after how, and the asker sees whether his chief is among them.
            if signals.post and not below:
                remit += [t for t in tuning.remit_topics if t in self._intents]
            ids = list(dict.fromkeys([*below, tuning.how_to_report, *asked, *remit]))
            return self._compose(ids[:limit], now, lang, 1.0)
        if chosen is None:
            if signals.remit and remit_answer:
                return self._compose(remit_answer, now, lang, 1.0)
            return self._voted(norm, signals, now, lang) or self._did_you_mean(ranked, lang)
        ids = [c.id for c in chosen]
        if signals.remit and signals.post:
            # 省交通厅厅长归巡视组管吗, 省直医院院长归不归巡视组: the office's name (交通, 医院)
            # beside the post is part of whom the question asks about, not a matter of its own;
            # whom the group takes answers it, though no word of that topic was said
            # (省医院的院长算不算巡视组管的人).
            # (央企分公司经理 中央第三巡视组管得着吗: the group named as the one asked is no
            # question of which group it is.)
            posts = post_spans(norm)
            kept = [
                c.id
                for c in chosen
                if c.id not in tuning.naming_topics
                and not (
                    self._intents[c.id].kind == "route"
                    and c.id not in tuning.below_remit
                    and _beside(c.spans, posts)
                )
            ]
            # (村书记… 巡视组管不管: a post below the remit is the commission's, not ours.)
            lower_named = any(self._below_remit(c) for c in chosen)
            if len(kept) < len(ids) and (remit or not lower_named):
                takes = remit or [t for t in tuning.remit_topics if t in self._intents]
                ids = list(dict.fromkeys([*takes, *kept]))
        below = [t for t in self._placed_below(norm, signals) if t not in ids]
        if below and (signals.asks_where or signals.remit):
            # 我们县医院院长的问题找谁反映: a post placed below the remit is the commission's
            # (12388) before the line its office's name suggests (the hospital's, 12320).
            ids = [*below, *ids]
        if signals.remit and ids[0] in tuning.remit_topics and signals.post:
            # 副省长的事归巡视组管吗: a post the group takes, asked about; how to reach the group
            # follows, for the asker's next step.
            ids += [tuning.how_to_report] if tuning.how_to_report in self._intents else []
        if signals.remit and ids[0] in tuning.report_routes:
            # 镇长算不算重要岗位领导干部: where the post goes (12388), and whom the group covers,
            # so the asker sees why.
            ids += [t for t in tuning.remit_topics if t in self._intents and t not in ids]
        ids = self._choice_of_ways(ids, norm, ranked)
        confidence = min(1.0, ranked[0].score)
        off_topic = self._off_topic(ranked, chosen, norm, starts, signals.asks_where)
        if off_topic:
            fallback = self._fallback([], lang)
            return replace(fallback, topics=(off_topic,), confidence=confidence)
        return self._compose(ids[:limit], now, lang, confidence)

    def _without_own_people(self, folded: str) -> str:
        """The message as the guard reads it: the group's leader and deputies, whom the notice
        names, are nobody reported (是不是有个叫朱国贤的 is no name pointed at)."""
        for name in self._own_people:
            folded = folded.replace(name, "")
        return folded

    def _voted(self, norm: str, signals: _Signals, now: datetime, lang: Lang) -> Reply | None:
        """The learned model's topic, where the matcher is unsure and the model is not
        (理发店办的卡,店说关门就关门了 → consumer, 12315); a topic of ours or a route, never
        small talk, and never one's own troubles for someone's wrongdoing. A short message
        says too little for it: 巡视组的那个 is met by its options, not by the model's guess
        (the phone, the topic most asked). So does English, 7 % of what it learned from:
        "what about the thing" got 0.62 for scope_what, a guess from a few letters.
        """
        if len(norm.replace(" ", "")) < self.tuning.vote_min_chars or not has_cjk(norm):
            return None
        voted = self._topic_vote(signals.folded)
        if voted is None or voted[0] not in self._intents:
            return None
        topic, p = voted
        if self._intents[topic].kind not in ("faq", "route"):
            return None
        if signals.wrongdoing and topic in self.tuning.own_troubles:
            return None
        return self._compose([topic], now, lang, p)

    def _general(
        self, ranked: list[Candidate], signals: _Signals, now: datetime, lang: Lang
    ) -> Reply | None:
        """孩子学校教学楼墙裂了一道缝 找谁: where to go with one's own trouble, and only routes
        are close, none sure. Asking which of them was meant helps nobody; the general
        channels do, with the routes it may belong to listed after them. Not where an
        official's wrongdoing may be meant (我们局里的事 找谁): the did-you-mean keeps our lines."""
        general = self.tuning.general_route
        close = self._offerable(ranked)
        routes_only = bool(close) and all(self._intents[c.id].kind == "route" for c in close)
        officials = signals.wrongdoing or any(c.id in self.tuning.report_routes for c in close)
        if not (signals.asks_where and routes_only and general in self._intents) or officials:
            return None
        options = tuple(
            Suggestion(c.id, self._title(c.id, lang))
            for c in close[: self.tuning.max_suggestions]
            if c.id != general
        )
        reply = self._compose([general], now, lang, close[0].score)
        if not options:
            return reply
        text = self._phrasing.general(reply.text, options, lang)
        return replace(reply, text=text, suggestions=options)

    def _quoting(self, ranked: list[Candidate], quotes: Quotes, now: datetime, lang: Lang) -> Reply:
        """88881977记下了,还有一个是啥: the facts of the numbers quoted, first; a near miss is
        corrected (是88881877还是88881787来着), never confirmed."""
        ids = list(quotes.topics)
        confident = [
            c.id
            for c in ranked
            if c.score >= self.tuning.low_confidence
            and self._intents[c.id].kind == "faq"
            and c.keyword >= self.tuning.keyword
        ]
        ids += [i for i in confident if i not in ids][: self.tuning.max_topics - len(ids)]
        reply = self._compose(ids, now, lang, 1.0)
        if quotes.wrong:
            reply = replace(reply, text=self._phrasing.corrected(reply.text, lang))
        return reply

    def _plausible(self, c: Candidate, norm: str) -> bool:
        """Chit-chat needs its own words or a near-identical example: 有人拿刀在街上 is no hello."""
        if self._intents[c.id].kind != "smalltalk":
            return True
        short = len(norm) <= self.tuning.smalltalk_short and c.hint > 0
        return c.keyword > 0 or short or c.example >= self.tuning.smalltalk_example

    def _without_the_askers_own(
        self, chosen: list[Candidate], norm: str, starts: list[int]
    ) -> list[Candidate]:
        """我白天在幼儿园带班走不开 巡视组几点接电话: a route (or an off-topic word: 我是律所的助理)
        named only in a clause that says who the asker is (text.yaml's self_descriptions) gives
        way to a topic of ours named in another, when no other matter is told; 我是护士 医院欠我
        工资 keeps its routes, and so does a route in Tuning.never_the_asker."""

        def elsewhere(c: Candidate) -> bool:
            intent = self._intents[c.id]
            return intent.kind == "route" or intent.message == "fallback"

        def own(c: Candidate) -> bool:
            return (
                elsewhere(c)
                and c.id not in self.tuning.never_the_asker
                and _describes_asker(c, norm, starts)
            )

        asked = any(
            self._intents[c.id].kind == "faq"
            and c.keyword >= self.tuning.keyword
            and not _describes_asker(c, norm, starts)
            for c in chosen
        )
        # 我是银行柜员,有个客户说我们行乱收费: a matter told after it, and the bank stays.
        if not asked or not all(own(c) for c in chosen if elsewhere(c)):
            return chosen
        return [c for c in chosen if not own(c)] or chosen

    def _below_remit(self, c: Candidate) -> bool:
        return c.id in self.tuning.below_remit and c.keyword >= self.tuning.keyword

    def _below_remit_first(self, ranked: list[Candidate]) -> list[Candidate]:
        """县委书记归巡视组管吗: a post that the remit's words and a lower level's both name is
        the lower level's first (12388), and the remit follows; the notice's 下一级 is the
        cities and departments, a county one level further down."""
        if not ranked or ranked[0].id not in self.tuning.remit_topics:
            return ranked
        top = ranked[0]
        below = next(
            (c for c in ranked if self._below_remit(c) and _overlaps(c.spans, top.spans)), None
        )
        return ranked if below is None else [below, *(c for c in ranked if c is not below)]

    def _off_topic(
        self,
        ranked: list[Candidate],
        chosen: list[Candidate],
        norm: str,
        starts: list[int],
        asks_where: bool,
    ) -> str | None:
        """高铁几点发车 is about trains, whatever 几点 suggests; a route named as strongly wins.
        我是律所的助理 says who asks, not what: it makes nothing off topic. Nor does a story
        that asks where to go with a matter a route names (燃气公司…去营业厅问…上哪说理去):
        the errand told on the way is no question of its own."""
        off = [
            c
            for c in ranked
            # 中间 heard as 中奖 is no lottery: a word only heard never makes a reply off topic.
            if self._intents[c.id].message == "fallback"
            and (c.keyword >= self.tuning.keyword or c in chosen)
            and not _describes_asker(c, norm, starts)
        ]
        if not off:
            return None

        # 邮局几点开门: as many words for the post office as for our hours → off topic;
        # 邮局寄信寄到哪: more words for our PO box → ours. A route must be outnumbered.
        def strongest(route: bool) -> float:
            named = [c.keyword for c in chosen if (self._intents[c.id].kind == "route") == route]
            return max(named, default=0.0)

        if asks_where and strongest(True) >= self.tuning.keyword:
            return None
        # 开车呢 巡视组电话报一下: a tie goes to ours when the group is named.
        word, ours = off[0].keyword, strongest(False)
        named = self._boundary.names_inspection(norm)
        beats = (word > ours or (word == ours and not named)) and word > strongest(True)
        return off[0].id if beats else None

    def _choose(
        self,
        ranked: list[Candidate],
        norm: str,
        items: list[int],
        starts: list[int],
        limit: int,
    ) -> list[Candidate] | None:
        """At most `limit` topics to answer (never none), or None when the best two are too
        close to tell apart; `items` are where a numbered list's questions begin, `starts`
        where its clauses do."""
        tuning = self.tuning
        top, rest = ranked[0], ranked[1:]
        if self._intents[top.id].kind != "smalltalk":
            # 谢谢 at the end of a question is manners, not a second question.
            rest = [c for c in rest if self._intents[c.id].kind != "smalltalk"]
        elif top.keyword >= tuning.keyword:
            # 谢谢 你说得真明白: thanks said outright; 真明 heard as 真名 is no question.
            rest = [c for c in rest if c.keyword >= tuning.keyword]
        if items:
            chosen = self._per_item([top, *rest], items, len(norm))[:limit] or [top]
        else:
            chosen = [top]
            # Someone below the remit, named outright, is asked about before our own topics
            # (普通党员违反纪律,找巡视组有用吗: 12388 is the answer, then our ways).
            for c in sorted(rest, key=lambda c: not self._below_remit(c)):
                if len(chosen) == limit:
                    break
                # Another topic named by its own words is another question (电话和邮编各是多少;
                # 寄哪 他们几号走), however much stronger the first one is; so is a topic that
                # lists the very word the first was found by.
                said = [s for x in chosen for s in x.spans]
                own = (
                    c.keyword >= tuning.strong_keyword and c.spans and not _overlaps(c.spans, said)
                )
                if own or self._shares_a_word(top, c):
                    chosen.append(c)
        if len(chosen) == 1 and rest:
            second = rest[0]
            same_words = not top.spans or _overlaps(top.spans, second.spans)
            close = top.score - second.score < tuning.ambiguity_gap
            # 县委书记归巡视组管吗: the lower level and the remit share the post, and are no
            # two readings to choose from (_below_remit_first put the lower level first).
            # Nor is a topic and one it covers (私事: outside, which names 12345, and grievance).
            both = (self._below_remit(top) and second.id in tuning.remit_topics) or (
                self.knowledge.covers(top.id, second.id)
            )
            if same_words and close and top.score < 1.0 and not both:
                return None
        chosen = self._without_the_askers_own(chosen, norm, starts)
        # A route leads only when named outright: 老伴 heard as 老板 is no labour dispute.
        chosen = [
            c
            for c in chosen
            if self._intents[c.id].kind != "route" or c.keyword >= tuning.keyword or c is top
        ]
        kinds = {self._intents[c.id].kind for c in chosen}
        if kinds - {"smalltalk"}:
            chosen = [c for c in chosen if self._intents[c.id].kind != "smalltalk"]
        # 诊所乱收费: health (12320) alone, not consumer (12315) beside it (Tuning.generic);
        # 快递丢了找谁,还有超市卖过期食品找谁 names the shop more strongly, and keeps both.
        # Under a stronger topic of ours named by its words, a grievance's words tell of it:
        # 举报过一回石沉大海 还能再举报不 asks about reporting again (process), not for 12345.
        specific = max((c.keyword for c in chosen if self._specific_route(c)), default=0.0)
        chosen = [c for c in chosen if c.id not in tuning.generic or c.keyword > specific]
        if (
            self._intents[top.id].kind not in ("route", "smalltalk")
            and top.keyword >= tuning.keyword
        ):
            chosen = [c for c in chosen if c.id not in tuning.own_troubles or c is top]
        kinds = {self._intents[c.id].kind for c in chosen}
        if "route" in kinds:
            # A specific out-of-remit matter beats the topics named in the same breath
            # ("污染举报电话" wants 12369, not the group's line; "快递不送上门" is no visit),
            # and leads the reply.
            route_clauses = {
                _clause(s, starts)
                for c in chosen
                if self._intents[c.id].kind == "route"
                for s in c.spans
            }
            bounds = [0, *starts, len(norm)]

            def asks_the_group(clause: int) -> bool:
                # 上访能直接去巡视组吗: the route's clause asks about the group itself
                return self._boundary.names_inspection(norm[bounds[clause] : bounds[clause + 1]])

            chosen = [
                c
                for c in chosen
                if self._intents[c.id].kind == "route"
                or any(
                    _clause(s, starts) not in route_clauses or asks_the_group(_clause(s, starts))
                    for s in c.spans
                )
            ]
        if chosen and chosen[0].id in tuning.alone and chosen[0] is top:
            chosen = [c for c in chosen if self._intents[c.id].kind == "route"]
        # Answer clause by clause in the order asked (寄哪 他们几号走 → mail, then period),
        # the strongest first within a clause; a route leads.
        chosen.sort(key=lambda c: (_first_clause(c, starts), -c.score))
        # …unless the group was asked about first, in a clause of its own, and the route after
        # (巡视组电话多少? 还有我家暖气不热找谁: the lines, then 12345). A topic of ours heard
        # inside a story (有人打电话说我儿子出车祸了) does not lead.
        if not self._ours_first(chosen, norm, starts):
            chosen.sort(key=lambda c: self._intents[c.id].kind != "route")
        # 你是真收吗: smalltalk first and a route heard only through pinyin (真收 → 征收);
        # dropping both would leave nothing, so the best one stays.
        return chosen or [top]

    def _compared_with_others(
        self, norm: str, ranked: list[Candidate], signals: _Signals
    ) -> list[str]:
        """巡视组跟12388有啥区别, 巡视组和信访局是一回事不: the group set beside another
        channel is told apart by whom it takes, then how to reach it; someone below the remit
        named (我要反映我们镇长) gets the local commission first. [] if not such a question."""
        data, tuning = language_data(), self.tuning
        # The word lists first: most messages stop there, before the boundary's own search.
        if not (
            any(w in norm for w in data.other_channels)
            and any(w in norm for w in data.comparisons)
            and (any(w in norm for w in data.we) or self._boundary.names_inspection(norm))
        ):
            return []
        below = [c.id for c in ranked if self._below_remit(c)] or self._placed_below(norm, signals)
        kept = [
            c.id for c in ranked if c.id in tuning.compared_kept and c.keyword >= tuning.keyword
        ]
        whom = [] if tuning.compared_outside in kept else list(tuning.remit_topics)
        ids = [*below[:1], *kept, *whom, tuning.how_to_report]
        return [i for i in dict.fromkeys(ids) if i in self._intents][: tuning.max_topics]

    def _placed_below(self, norm: str, signals: _Signals) -> list[str]:
        """The route for someone below the remit, when a post is named with a level below it
        (乡镇的局长, 县医院院长); [] otherwise."""
        if not (signals.post and lower_post(norm)):
            return []
        return [t for t in self.tuning.below_remit[:1] if t in self._intents]

    def _choice_of_ways(self, ids: list[str], norm: str, ranked: list[Candidate]) -> list[str]:
        """打电话行还是必须写信, 寄信和送上门哪个稳妥: two ways named in a choice ask how to
        report; the phone and the box give way to how to report, which states both (a visit,
        of which it says nothing, stays after it). The choice comes after a way is named:
        周末接电话不 还是跟机关一样双休 chooses no way."""
        how, ways = self.tuning.how_to_report, self.tuning.ways
        named = [i for i in ids if i in ways]
        if len(named) < 2 or how not in self._intents:
            return ids  # most replies: no two ways to choose between
        data = language_data()
        first = min((s for c in ranked if c.id in named for s, _ in c.spans), default=len(norm))
        choosing = any(norm.find(w, first) >= 0 for w in data.choices)
        if not choosing or any(w in norm for w in data.fact_asks):
            return ids
        at = ids.index(named[0])
        kept = [i for i in ids if i not in ways[:-1]]
        return list(dict.fromkeys([*kept[:at], how, *kept[at:]]))

    def _per_item(self, ranked: list[Candidate], items: list[int], end: int) -> list[Candidate]:
        """The topics each item of a numbered list names by its own words, item by item, the
        strongest first: 1 能不能匿名 2 信寄哪 3 电话几点有人接 → process, mail, hours, phone.
        What comes before the first item (我是幼儿园老师, 问三个事) is no question."""
        bounds = [*items, end]
        chosen: list[Candidate] = []
        for lo, hi in itertools.pairwise(bounds):
            chosen += [
                c
                for c in ranked
                if c not in chosen
                and c.keyword >= self.tuning.strong_keyword
                and any(lo <= start < hi for start, _end in c.spans)
            ]
        return chosen

    def _ours_first(self, chosen: list[Candidate], norm: str, starts: list[int]) -> bool:
        """The first topic is ours, named outright in a clause that names the group, and
        every route comes in a later clause."""
        if not chosen or self._intents[chosen[0].id].kind != "faq" or not chosen[0].spans:
            return False
        first = chosen[0]
        clause = max(_clause(s, starts) for s in first.spans)
        bounds = [0, *starts, len(norm)]
        said = norm[bounds[clause] : bounds[clause + 1]]
        routes = [c for c in chosen if self._intents[c.id].kind == "route"]
        return (
            first.keyword >= self.tuning.keyword
            and self._boundary.names_inspection(said)
            and all(_first_clause(c, starts) > clause for c in routes)
        )

    def _specific_route(self, c: Candidate) -> bool:
        """A route of a domain of its own (not Tuning.generic), named by a word spelt right."""
        tuning = self.tuning
        route = self._intents[c.id].kind == "route"
        return route and c.id not in tuning.generic and c.keyword >= tuning.keyword

    def _shares_a_word(self, top: Candidate, c: Candidate) -> bool:
        """A word two companion topics both list asks both (回头看: which group, and what it
        re-examines)."""
        pair = frozenset({top.id, c.id}) in self.tuning.companions
        return pair and c.keyword >= self.tuning.keyword and bool(set(top.spans) & set(c.spans))

    # -- replies ---------------------------------------------------------------------------

    def topic(self, intent_id: str, now: datetime, lang: str = "zh") -> Reply:
        """The reply to a button or command naming one topic; KeyError if it is unknown."""
        if intent_id not in self._intents:
            raise KeyError(intent_id)
        return self._compose([intent_id], now, _as_lang(lang), 1.0)

    def topics(self, intent_ids: Iterable[str], now: datetime, lang: str = "zh") -> Reply:
        """The reply naming several topics, as if asked together; KeyError if one is unknown."""
        ids = list(intent_ids)
        for intent_id in ids:
            if intent_id not in self._intents:
                raise KeyError(intent_id)
        return self._compose(ids, now, _as_lang(lang), 1.0)

    def refusal(self, now: datetime, lang: str = "zh") -> Reply:
        """The report guard's reply: the bot cannot accept reports, and the group's channels."""
        return self._report_guard("", now, _as_lang(lang))  # no message: no matter of its own

    def message(self, name: str, now: datetime, lang: str = "zh") -> Reply:
        language = _as_lang(lang)
        text = self._message(name, language)
        menu = self._menus[language] if name in ("greeting", "help", "fallback") else ()
        return Reply(text, "smalltalk", (), 1.0, menu, language)

    def menu(self) -> tuple[Suggestion, ...]:
        return self._menus["zh"]

    def _compose(self, ids: list[str], now: datetime, lang: Lang, confidence: float) -> Reply:
        intents = [self._intents[i] for i in ids]
        bodies = [self._fill(self._answer_text(intent, lang), now, lang) for intent in intents]
        parts: list[str] = []
        for intent, body in zip(intents, _without_cross_references(bodies), strict=True):
            if parts and self._repeats(body, "\n".join(parts)):
                continue  # every fact it states is already in the reply
            title = self._title(intent.id, lang)
            parts.append(f"【{title}】{body}" if len(intents) > 1 else body)
        text = "\n\n".join(parts)
        kind = intents[0].kind
        # (A reply with the live status, call_now's, says so itself.)
        if (
            kind == "faq"
            and self._ended(now)
            and "{status}" not in "".join(self._answer_text(i, lang) for i in intents)
        ):
            text += "\n\n" + self._message("period_over", lang)
        if kind == "smalltalk" and intents[0].message is not None:
            # Answered by a standing message (the greeting): show what can be asked.
            return Reply(text, "smalltalk", tuple(ids), confidence, self._menus[lang], lang)
        return Reply(text, kind, tuple(ids), confidence, (), lang)

    def _report_guard(self, norm: str, now: datetime, lang: Lang) -> Reply:
        """The refusal, and the channel of a matter that has its own (a village cadre → 12388).

        Fixed texts only: nothing of the message is repeated, whatever it was; of a route only
        its channels' names and numbers are given, since its answer may use the report's words
        (路灯 in a report about street-light contracts).
        """
        routes = self._named_routes(norm)
        # A number already said, or one the message itself holds (it could be a detail), is
        # not given again.
        said = {*kb.numbers(self._message("report_guard", lang)), *kb.numbers(norm)}
        channels = [c for r in routes for c in self._channels_of(r, lang) if c.number not in said]
        ended = self._message("period_over", lang) if self._ended(now) else None
        text = self._phrasing.report(lang, channels, ended)
        return Reply(text, "report_guard", tuple(r.id for r in routes), 1.0, (), lang)

    def _channels_of(self, route: kb.Intent, lang: Lang) -> list[kb.Channel]:
        """The declared channels a route's answer names, in the order declared."""
        values = self.knowledge.values_en if lang == "en" else self.knowledge.values
        answer = self._answer_text(route, lang)
        return [c for k, c in self.knowledge.channels.items() if values[f"channel.{k}"] in answer]

    def _named_routes(self, norm: str) -> list[kb.Intent]:
        """Routes a report's matter has of its own (派出所民警 → 12389).

        Only when the report names nobody in the group's remit: 市长…路灯工程 is about a
        mayor (scope_who), however many street lights it mentions.
        """
        named = [c for c in self._matcher.named(norm) if c.keyword >= self.tuning.keyword]
        if any(c.id in self.tuning.remit_topics for c in named):
            return []
        routes = [self._intents[c.id] for c in named if c.id in self.tuning.report_routes]
        return routes[: self.tuning.max_topics - 1]

    def _outside(self, outside: Outside, lang: Lang, *, refused: bool = False) -> Reply:
        """A body the notice does not cover: whose facts these are, and the standing channel;
        never the notice's own lines as the other body's. A report about it (`refused`) gets
        the refusal note first, and is a refusal."""
        text = self._phrasing.boundary(outside, lang)
        if refused:
            text = self._message("report_note", lang) + "\n\n" + text
        return Reply(text, "report_guard" if refused else "boundary", (), 1.0, (), lang)

    def _did_you_mean(self, ranked: list[Candidate], lang: Lang) -> Reply:
        options = [c for c in ranked if self._intents[c.id].kind != "smalltalk"]
        suggestions = tuple(
            Suggestion(c.id, self._title(c.id, lang))
            for c in options[: self.tuning.max_suggestions]
        )
        if not suggestions:
            return self._fallback([], lang)
        text = self._phrasing.did_you_mean(suggestions, lang)
        return Reply(text, "fallback", (), ranked[0].score, suggestions, lang)

    def _offerable(self, ranked: list[Candidate]) -> list[Candidate]:
        """The candidates close enough to offer, small talk aside."""
        return [
            c
            for c in ranked
            if c.score >= self.tuning.suggest_floor and self._intents[c.id].kind != "smalltalk"
        ]

    def _fallback(self, ranked: list[Candidate], lang: Lang) -> Reply:
        close = self._offerable(ranked)
        if close:
            return self._did_you_mean(close, lang)
        # Everyone leaves with the channels (issue 7 §5): a whistleblower who cannot phrase
        # the question may write anything. Words of ours, however faint (有些情况想说说), get
        # them whole; nonsense (asdfghjkl) or an unrelated question (火车站的邮编, 邮局几点开门)
        # only the lines and the box, so no hours or postcode read as the other thing's.
        ours = any(self._intents[c.id].kind != "smalltalk" for c in ranked)
        menu = self._fallback_menu(lang)
        text = self._phrasing.fallback(menu, lang, reach="reach" if ours else "reach_brief")
        score = ranked[0].score if ranked else 0.0
        return Reply(text, "fallback", (), score, menu, lang)

    def _fallback_menu(self, lang: Lang) -> tuple[Suggestion, ...]:
        """A few options, not all 16 topics: Tuning.fallback_topics this FAQ has, else its
        first topics (another campaign's FAQ may name them otherwise)."""
        menu = self._menus[lang]
        chosen = tuple(s for s in menu if s.id in self.tuning.fallback_topics)
        return (chosen or menu)[: self.tuning.max_suggestions]

    # -- helpers ---------------------------------------------------------------------------

    def _language(self, norm: str) -> Lang:
        if has_cjk(norm) or not _ENGLISH_WORDS.search(norm):
            return "zh"
        return "en"

    def _title(self, intent_id: str, lang: Lang) -> str:
        intent = self._intents[intent_id]
        return intent.title_en if lang == "en" and intent.title_en else intent.title

    @staticmethod
    def _answer_text(intent: kb.Intent, lang: Lang) -> str:
        return intent.answer_en if lang == "en" and intent.answer_en else intent.answer

    def _message(self, name: str, lang: Lang) -> str:
        return self._phrasing.message(name, lang)

    @staticmethod
    def _repeats(body: str, said: str) -> bool:
        # Lines, numbers and times (024-88881877, 6008, 8:00); a day (27日) is no such fact:
        # the meeting on the 27th says who chaired it, which the period does not.
        facts = _facts(body)
        return bool(facts) and all(f in said for f in facts)

    def _ended(self, now: datetime) -> bool:
        return now.astimezone(self.tz).date() > self._end

    def _fill(self, template: str, now: datetime, lang: Lang) -> str:
        """Fill the two dynamic fields, {now} and {status}; facts were rendered at load."""
        if "{" not in template:
            return template
        local = now.astimezone(self.tz)
        if lang == "en":
            stamp = f"{local:%H:%M}, {local.day} {local:%B %Y}"
        else:
            stamp = f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
        return template.replace("{now}", stamp).replace("{status}", self._status(local, lang))

    def _status(self, local: datetime, lang: Lang) -> str:
        today = local.date()
        if today < self._start:
            return self._message("status_before", lang)
        if today > self._end:
            return self._message("status_after", lang)
        if self._open <= local.time() < self._close:
            return self._message("status_open", lang)
        return self._message("status_closed", lang)


@cache
def default_brain() -> Brain:
    return Brain.load()


def answer(text: str, now: datetime | None = None) -> Reply:
    """The reply to `text` from the default FAQ (FAQ_PATH), at `now` (default: the clock)."""
    brain = default_brain()
    return brain.answer(text, now or datetime.now(brain.tz))
