"""What a question is about, when it is not this notice: another province, group, level, body
or year.

The notice covers one group in one province in one period (中央第三巡视组, 辽宁, 2016). A
citizen of Jiangxi who asks 江西的巡视组电话 must not be given Liaoning's lines as if they
were Jiangxi's: that is the worst answer the bot can give. So before any topic is matched,
`Boundary.find` says whether the question names a body the notice does not cover, and which.

Which group, province and year are "ours" comes from the FAQ's facts, so another campaign
brings its own. The provinces, their cities and one-character abbreviations are the project's
one table, knowledge/language/regions.yaml (bot.regions); the words of levels, bodies and "the
latest round" are language data in knowledge/language/boundary.yaml.

Rules, in order (the first that fires names the body):
- level: a provincial 巡视组 or a city or county 巡察组, numbered or not (营口市委巡察组,
  辽宁省委第三巡视组);
- ordinal: another group's number (中央第八巡视组; 第三 is ours);
- body: another kind of body (督察组, 督导组, 督查组), unless the two are being compared
  (巡视组和督查组是一回事吗 asks what ours is);
- province: another province named, ours not, and the message is about inspection or contact
  (江西的巡视组电话; not 我老家江西). A one-character abbreviation counts right before an
  inspection word (赣巡视组), opening a clause before an area (闽这边), or standing as a word
  (湘 巡视组 电话, 粤的巡视组; not 鲁莽, 京东);
- year: another year right before an inspection or contact word, links and place names
  aside (2019年的巡视组举报电话, 2021年又派巡视组来辽宁; not 2015年收了…, when something
  happened), or our group in another year going somewhere (第三巡视组2018年去了哪个省);
- latest: "the latest round" right before an inspection word, links aside (新一轮中央巡视,
  现在的巡视组), a phrase that asks about later rounds or visits outright (之后又去哪个省巡视了,
  啥时候再来, 下一轮), or "now" asking which or whether (现在还有巡视组吗, now是哪个巡视组;
  not 现在打巡视组电话有人接吗, which asks about our lines today).

A place that sounds like one of the FAQ's keywords, standing where that keyword would, is the
keyword misheard, not a place: 巡视组邮政新乡是多少号 asks for the PO box (信箱, xinxiang), while
河南新乡的巡视组电话 is about Henan. `heard` spells such a message right before it is matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from bot.knowledge import Collector, Facts
from bot.language import Strict, load_model
from bot.matcher import sound
from bot.regions import Region, default_regions
from bot.text import fold

Rule = Literal[
    "ordinal", "level", "body", "province", "others", "year", "term", "round", "earlier", "latest"
]
# level before ordinal: 辽宁省委第五巡视组 is a provincial group, whatever its number.
RULES: tuple[Rule, ...] = (
    "level", "ordinal", "body", "province", "others", "year", "term", "round", "earlier",
    "latest",
)  # fmt: skip


class _Named(Strict):
    word: str
    name: str
    loose: bool = False  # also said of the group itself (中央派来辽宁的那个督查组)


class _Term(Strict):
    """A party congress's term, by the years it ran: 十九届 (2017–2022)."""

    word: str
    name: str
    en: str
    start: int
    end: int


class _Names(Strict):
    zh: str
    en: str


class _Country(Strict):
    """A country abroad, asked about as a place whose body the notice does not cover."""

    name: str
    en: str
    also: tuple[str, ...] = ()  # other names: 新加坡 → 狮城


class BoundaryData(Strict):
    inspection_words: list[str]
    abbr_areas: tuple[str, ...] = ()
    abbr_directions: tuple[str, ...] = ()
    abbr_counts: tuple[str, ...] = ()
    abbr_glued: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    compare_words: tuple[str, ...] = ()
    asker_after: tuple[str, ...] = ()
    subjects: list[str]
    not_subjects: tuple[str, ...] = ()
    asker: list[str]
    asker_here: tuple[str, ...] = ()
    asker_similar: tuple[str, ...] = ()
    asker_away: tuple[str, ...] = ()
    abbr_natives: tuple[str, ...] = ()
    abroad: tuple[_Country, ...] = ()
    levels: list[_Named]
    # Discipline commissions (县纪委): another body when its own line or group is asked for.
    commissions: tuple[_Named, ...] = ()
    bodies: list[_Named]
    links: tuple[str, ...] = ()
    latest: list[str]
    elsewhere: tuple[str, ...] = ()
    notice_places: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()
    comparisons: list[str]
    names: dict[Rule, _Names]
    now: tuple[str, ...] = ()
    now_asks: tuple[str, ...] = ()
    now_asks_en: tuple[str, ...] = ()
    now_asks_after: tuple[str, ...] = ()
    later_times: tuple[str, ...] = ()
    again: tuple[str, ...] = ()
    matters: tuple[str, ...] = ()
    again_heard: tuple[str, ...] = ()
    not_visits: tuple[str, ...] = ()
    year_visitors: tuple[str, ...] = ()
    year_visits: tuple[str, ...] = ()
    abbr_joins: tuple[str, ...] = ()
    abbr_before: tuple[str, ...] = ()
    asker_from: tuple[str, ...] = ()
    asker_came: tuple[str, ...] = ()
    abbr_tails: tuple[str, ...] = ()
    keyword_before: tuple[str, ...] = ()
    keyword_after: tuple[str, ...] = ()
    terms: tuple[_Term, ...] = ()
    term_after: tuple[str, ...] = ()
    earlier: tuple[str, ...] = ()
    earlier_asks: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    other_places: tuple[str, ...] = ()
    contact_asks: tuple[str, ...] = ()
    arrivals: tuple[str, ...] = ()
    we: tuple[str, ...] = ()
    later_marks: tuple[str, ...] = ()
    later_joins: tuple[str, ...] = ()
    later_rounds: tuple[str, ...] = ()
    later_asks: tuple[str, ...] = ()


def _check(data: BoundaryData, out: Collector) -> None:
    """What the schema cannot say: every rule named, each word matchable."""
    for rule in RULES:
        if rule not in data.names:
            out.add(("names",), f"missing the name of rule {rule!r}")
    for key, text in data.names.items():
        for lang in ("zh", "en"):
            if key not in ("latest", "earlier", "others") and "{name}" not in getattr(text, lang):
                out.add(("names", key, lang), "must contain {name}")
    # Messages are folded before matching (traditional → simplified, 邮箱 → 信箱): a word that
    # folding rewrites could never be found as written.
    words = [(("inspection_words", i), w) for i, w in enumerate(data.inspection_words)]
    words += [(("subjects", i), w) for i, w in enumerate(data.subjects)]
    words += [(("latest", i), w) for i, w in enumerate(data.latest)]
    for section in _WORD_SECTIONS:
        words += [((section, i), w) for i, w in enumerate(getattr(data, section))]
    words += [(("comparisons", i), w) for i, w in enumerate(data.comparisons)]
    words += [(("asker", i), w) for i, w in enumerate(data.asker)]
    words += [(("asker_here", i), w) for i, w in enumerate(data.asker_here)]
    words += [(("levels", i, "word"), n.word) for i, n in enumerate(data.levels)]
    words += [(("bodies", i, "word"), n.word) for i, n in enumerate(data.bodies)]
    words += [(("commissions", i, "word"), n.word) for i, n in enumerate(data.commissions)]
    words += [(("terms", i, "word"), t.word) for i, t in enumerate(data.terms)]
    words += [(("abroad", i, "name"), c.name) for i, c in enumerate(data.abroad)]
    for i, t in enumerate(data.terms):
        if t.start > t.end:
            out.add(("terms", i, "start"), f"starts ({t.start}) after it ends ({t.end})")
    for loc, word in words:
        if fold(word) != word.lower() or not word.strip():
            out.add(loc, f"{word!r} is rewritten to {fold(word)!r} before matching; write that")


_WORD_SECTIONS = (
    "abbr_areas", "abbr_directions", "abbr_counts", "abbr_glued", "abbr_joins", "abbr_before",
    "abbr_tails", "asker_from", "asker_came", "links",
    "elsewhere", "notice_places", "not_places", "follow_ups", "compare_words", "asker_after",
    "not_subjects", "now",
    "now_asks", "now_asks_en", "now_asks_after", "later_times", "year_visitors", "year_visits",
    "keyword_before", "keyword_after", "not_visits", "term_after", "earlier", "earlier_asks",
    "others", "other_places", "contact_asks", "arrivals", "we", "later_marks", "later_joins",
    "later_rounds", "later_asks", "asker_similar", "asker_away", "abbr_natives",
)  # fmt: skip


@cache
def boundary_data() -> BoundaryData:
    """knowledge/language/boundary.yaml, read and checked once."""
    return load_model("boundary.yaml", BoundaryData, _check)


@dataclass(frozen=True, slots=True)
class Outside:
    """The body a question asks about, which the notice does not cover."""

    rule: Rule
    name: str  # as the reply names it, e.g. 江西省, 中央第八巡视组, 营口的市委巡察组
    name_en: str

    def named(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name


_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
# 第八巡视组, 第8组; also without 第 right after 中央 or 巡视 (中央2组, 中央巡视八组, 巡视8组).
_ORDINAL_RE = re.compile(
    r"第([零〇一二两三四五六七八九十百\d]{1,4})(?:个)?(?:巡视)?组"
    r"|(?:中央|巡视)([零〇一二两三四五六七八九十\d]{1,4})组"
    # 8组的电话有没有: a group's number opening the message or a clause, then what is asked
    r"|(?:^|(?<=[\s,.!?]))([一二三四五六七八九十\d]{1,2})组(?=的|电话|信箱|在|是|呢)"
)
_EN_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
]  # fmt: skip
_EN_ORDINAL_RE = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(_EN_WORDS) + r"))\s+(?:central\s+)?inspection"
    r"|\binspection\s+(?:group|team)\s+(?:no\.?\s*|number\s+)?(\d{1,2})\b"
)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_INSPECTED = ("巡视", "巡察")  # the verb before a place: 巡视滇的那个组
# 21年那次巡视组来辽宁: a year in two digits, only before a word that makes it a round of
# visits (21年了 is twenty-one years); read as 20xx.
_SHORT_YEAR_RE = re.compile(r"(?<![\d.])([012]\d)年(?=那次|那回|那轮|那一次|的巡视|巡视|中央)")
# 第三 in 辽宁省委第三巡视组 numbers a provincial group: the level is read without it.
_NUMBERED_RE = re.compile(r"第[零〇一二两三四五六七八九十百\d]{1,4}个?(?=(?:巡视|巡察)?组)")
# 在三亚有三套房, 在海南买了别墅: the place where property is owned, no body asked about.
_OWNED_RE = re.compile(
    r"(?:有|买了?|置了?)[一二三四五六七八九十两几好\d]{0,3}(?:套|栋|处|间)?(?:房|别墅|豪宅|铺|楼)"
    r"|(?:有|买了?)[一二三四五六七八九十两几好\d]{1,3}(?:套|栋|处)"
)
# The centre sends no 巡察组 (cities and counties do): 中央第三巡察组 is ours, misnamed, and is
# read as 中央第三巡视组 (same length, so positions hold).
_CENTRAL_XUNCHA_RE = re.compile(r"(中央(?:第[零〇一二两三四五六七八九十\d]{1,3}|的)?)巡察")
# 十九届中央|第一轮|巡视: a round's number between a term and the inspection word.
_ROUND_RE = re.compile(r"第([一二三四五六七八九十\d]{1,3})(?:轮|批)")
# 十二轮巡视组电话, 十三轮巡视啥时候开始, 十四轮巡视辽宁是哪个组: a round numbered without 第,
# right before a group, or a question of when, who or how to reach it a few characters on.
# A count is not one: 之前进行了8轮巡视 (nothing asked of it), 前8轮巡视组 (the notice's own
# count), 这一轮巡视组 (ours).
_BARE_ROUND_RE = re.compile(
    r"(?<![第了过共这那两一前])([一二三四五六七八九十]{1,3}|\d{1,2})轮"
    r"(?=巡视组|巡视[^,.!?\s]{0,6}?"
    r"(?:啥时候|什么时候|哪年|电话|怎么联系|咋联系|联系方式|开始|结束|哪个组|是谁|组长))"
)
_ROUND_REACH = 6  # 第一轮|巡视“回头看”: characters read after the round for what it is of
_EARLIER_REACH = 12  # 上一轮巡视辽宁|是哪年: characters read after the inspection word for the ask
_OTHERS_REACH = 8  # 另外几个回头看的|省份: characters read after "other" for a province
_PLACE_BEFORE = 8  # 巡视组去没去|黑龙江: characters read before a place for what is asked
_PLACE_AFTER = 24  # 黑龙江|那边也有巡视组吗 我闺女…: characters read after it
_COMPARED_REACH = 6  # 跟辽宁|的是不是一个: characters read after our place for "the same"
_LATIN_SCALE = 4  # …for a place written in Latin letters, four times as many
# 内蒙|的,我们那边; 河北|人在沈阳打工,老家县里: read after the asker's place for "there"
_HERE_REACH = 12
_MAX_LINKS = 4  # links skipped between a year or "latest" and the inspection word
_LATER_REACH = 14  # how far after a later round (之后的那次) what is asked of it is looked for
_MAX_SEPARATORS = 3  # 湘 · 巡视组: separators read after a lone abbreviation
# 京津冀, 苏浙沪皖: abbreviations read in one list; a longer run (辽 辽 辽 …) is none, and reading
# it from every one of its characters would cost the square of its length.
_MAX_LISTED = 8
_EN_BODY = ("inspection", "inspector")  # what an English question about a round names
_EN_BODY_IN = tuple(f"{w} in " for w in ("inspection", "team", "group", "round", "tour"))
_BEFORE_YEAR = 3  # 第三巡视组 2018年: characters read before a year for the group


def _before_spaces(text: str, at: int) -> int:
    """Where the spaces before `at` begin: 我人在 香港 reads 我人在 right before 香港."""
    while at and text[at - 1] == " ":
        at -= 1
    return at


def _word_at(words: tuple[str, ...], text: str, at: int) -> str:
    """The first of `words` (longest first, if sorted so) that starts at `at`, or ""."""
    return next((w for w in words if text.startswith(w, at)), "")


def _whole_word(text: str, start: int, end: int) -> bool:
    """A Latin word stands alone: no "now" in "know", no "hebei" in "xhebei"."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def ordinal_value(text: str) -> int | None:
    """三 → 3, 十二 → 12, 二十 → 20, 8 → 8; None if it is not a number."""
    if text.isdigit():
        return int(text)
    if "百" in text:
        return None
    if "十" in text:
        tens, _, units = text.partition("十")
        t = _DIGITS.get(tens, -1) if tens else 1
        u = _DIGITS.get(units, -1) if units else 0
        return None if t < 0 or u < 0 else 10 * t + u
    if len(text) == 1 and text in _DIGITS:
        return _DIGITS[text]
    return None


_BODY_REACH = 20  # 新加坡那边有没有这样的巡视组, Singapore have an inspection: within this reach


@dataclass(frozen=True, slots=True)
class _Place:
    province: int  # index into regions
    abbreviation: bool  # counts only right before an inspection word
    abroad: bool = False  # a country: asked about, never where the asker is


class Boundary:
    """Recognises questions about bodies the notice does not cover; built once per FAQ."""

    def __init__(
        self,
        facts: Facts,
        data: BoundaryData | None = None,
        regions: Sequence[Region] | None = None,
        keywords: Iterable[str] = (),
    ) -> None:
        """`regions`: the provinces and their cities, default the project's one table
        (knowledge/language/regions.yaml). `keywords`: the FAQ's, so that a place that sounds
        like one (新乡, 信箱) is read as that keyword where the keyword would stand."""
        self.data = data or boundary_data()
        d = self.data
        provinces = tuple(default_regions().regions.values() if regions is None else regions)
        # 新加坡那边有没有这样的巡视组: a country is asked about as a province is, but whoever
        # is abroad (我在日本) still asks for our lines, so it is never the asker's place.
        countries = tuple(
            Region(f"abroad{k}", c.name, (c.name, *c.also), c.name, c.en)
            for k, c in enumerate(d.abroad)
        )
        self.regions = provinces + countries
        self._places: dict[str, _Place] = {}
        for i, r in enumerate(self.regions):
            abroad = i >= len(provinces)
            for word in [*r.names, r.capital, r.en, r.capital_en, *r.en_also]:
                if word:
                    self._places.setdefault(fold(word), _Place(i, False, abroad))
            for word in r.abbr:
                self._places.setdefault(fold(word), _Place(i, True))
        self._longest = max(map(len, self._places), default=1)
        self._initials = frozenset(w[0] for w in self._places)  # where a name can start
        self._ours = self._our_province(facts.province)
        match = _ORDINAL_RE.search(fold(facts.group))
        self._our_ordinal = ordinal_value(match.group(1)) if match else None
        self._our_year = facts.period.year
        self._inspection = tuple(fold(w) for w in d.inspection_words)
        self._subjects = tuple(fold(w) for w in d.subjects)
        self._not_subjects = tuple(fold(w) for w in d.not_subjects)
        # By each character that may be the one typed right, with its place in the word:
        # 电 → ((dian, hua), 电话, 0) finds 电化; 话 → (…, 电话, 1) finds 垫话.
        self._subject_sounds: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        for w in self._subjects:
            heard = sound(w) if len(w) > 1 else None
            if heard is not None:
                for k, c in enumerate(w):
                    self._subject_sounds.setdefault(c, []).append((heard, w, k))
        self._levels = sorted(((fold(n.word), n.name) for n in d.levels), key=lambda x: -len(x[0]))
        self._commissions = sorted(
            ((fold(n.word), n.name, n.loose) for n in d.commissions), key=lambda x: -len(x[0])
        )
        # The notice's own kind of inspection is no other body: a campaign whose mission is a
        # 专项巡视 asks of its own group with 专项巡视组, which this one's notice does not.
        mission = fold(facts.mission)
        others = [n for n in d.bodies if not mission or mission not in fold(n.word)]
        self._bodies = sorted(
            ((fold(n.word), n.name) for n in others if not n.loose), key=lambda x: -len(x[0])
        )
        self._loose = sorted(
            ((fold(n.word), n.name) for n in others if n.loose), key=lambda x: -len(x[0])
        )
        self._all_bodies = sorted([*self._bodies, *self._loose], key=lambda x: -len(x[0]))
        self._asker = tuple(fold(w) for w in d.asker)
        self._asker_here = tuple(fold(w) for w in d.asker_here)
        self._asker_similar = tuple(fold(w) for w in d.asker_similar)
        self._asker_away = tuple(fold(w) for w in d.asker_away)
        self._natives = tuple(fold(w) for w in d.abbr_natives)
        self._latest_words = tuple(fold(w) for w in d.latest)
        self._elsewhere = tuple(fold(w) for w in d.elsewhere)
        self._links = tuple(sorted((fold(w) for w in d.links), key=len, reverse=True))
        self._areas = tuple(fold(w) for w in d.abbr_areas)
        self._directions = tuple(fold(w) for w in d.abbr_directions)
        self._counts = tuple(sorted((fold(w) for w in d.abbr_counts), key=len, reverse=True))
        self._glued = tuple(fold(w) for w in d.abbr_glued)
        self._compare_words = tuple(fold(w) for w in d.compare_words)
        self._asker_after = tuple(fold(w) for w in d.asker_after)
        self._asker_from = tuple(fold(w) for w in d.asker_from)
        self._asker_came = tuple(fold(w) for w in d.asker_came)
        self._follow_ups = tuple(sorted((fold(w) for w in d.follow_ups), key=len, reverse=True))
        self._abbrs = frozenset(fold(a) for r in self.regions for a in r.abbr)
        # 辽 宁 巡视组: a name typed with spaces between its characters is read whole, so its
        # second character is no abbreviation (宁, Ningxia). At most two spaces: linear time.
        spaced = sorted(
            {fold(n) for r in self.regions for n in (r.name, r.short) if len(n) > 1},
            key=len,
            reverse=True,
        )
        self._spaced_name = re.compile(
            "|".join("[ \u3000]{0,2}".join(map(re.escape, n)) for n in spaced) or "(?!)"
        )
        self._notice_places = tuple(fold(w) for w in d.notice_places)
        self._not_places = tuple(fold(w) for w in d.not_places)
        self._contact_asks = tuple(fold(w) for w in d.contact_asks)
        self._arrivals = tuple(fold(w) for w in d.arrivals)
        self._we = tuple(fold(w) for w in d.we)
        self._later_marks = tuple(fold(w) for w in d.later_marks)
        self._later_joins = tuple(sorted((fold(w) for w in d.later_joins), key=len, reverse=True))
        self._later_rounds = tuple(
            sorted((fold(w) for w in d.later_rounds), key=len, reverse=True)
        )
        self._later_asks = tuple(fold(w) for w in d.later_asks)
        self._comparisons = tuple(fold(w) for w in d.comparisons)
        self._now = tuple(fold(w) for w in d.now)
        self._now_asks = tuple(sorted((fold(w) for w in d.now_asks), key=len, reverse=True))
        self._now_asks_en = tuple(fold(w) for w in d.now_asks_en)
        self._now_asks_after = tuple(
            sorted((fold(w) for w in d.now_asks_after), key=len, reverse=True)
        )
        self._later_times = tuple(fold(w) for w in d.later_times)
        self._again = tuple(fold(w) for w in d.again)
        # 巡视组, 督导组: an inspection word made a body (巡视 alone may be the verb)
        self._groups = tuple(w + tail for w in self._inspection for tail in "组办")
        self._matters = tuple(fold(w) for w in d.matters)
        self._again_heard = tuple(fold(w) for w in d.again_heard)
        self._not_visits = tuple(fold(w) for w in d.not_visits)
        self._year_visitors = tuple(fold(w) for w in d.year_visitors)
        self._year_visits = tuple(fold(w) for w in d.year_visits)
        self._joins = tuple(fold(w) for w in d.abbr_joins)
        self._abbr_before = frozenset(fold(w) for w in d.abbr_before)
        self._abbr_tails = tuple(sorted((fold(w) for w in d.abbr_tails), key=len, reverse=True))
        self._keyword_before = tuple(fold(w) for w in d.keyword_before)
        self._keyword_after = tuple(fold(w) for w in d.keyword_after)
        keywords = tuple(keywords)
        self._heard = self._homophones(keywords)
        # The notice's own rounds, as its FAQ names them: 第一轮回头看 → {第一轮: [回头看]};
        # 第一批 → {第一批: [""]}, any first batch.
        self._our_rounds: dict[str, list[str]] = {}
        for keyword in map(fold, keywords):
            m = _ROUND_RE.match(keyword)
            if m:
                self._our_rounds.setdefault(m.group(), []).append(keyword[m.end() :])
        # Terms the notice's year is not in: 十九届 (2017–2022) for a notice of 2016.
        year = self._our_year
        terms = [(fold(t.word), t.name, t.en) for t in d.terms if not t.start <= year <= t.end]
        self._terms = sorted(terms, key=lambda x: -len(x[0]))
        self._term_after = tuple(sorted((fold(w) for w in d.term_after), key=len, reverse=True))
        self._earlier_words = tuple(fold(w) for w in d.earlier)
        self._other_words = tuple(fold(w) for w in d.others)
        self._other_places = tuple(fold(w) for w in d.other_places)
        self._earlier_asks = tuple(fold(w) for w in d.earlier_asks)

    def _homophones(self, keywords: Iterable[str]) -> dict[str, str]:
        """Place names that sound like one of the FAQ's keywords: 新乡 → 信箱, 新疆 → 信件."""
        by_sound: dict[tuple[str, ...], str] = {}
        for keyword in keywords:
            word = fold(keyword)
            heard = sound(word) if len(word) > 1 else None
            if heard is not None:
                by_sound.setdefault(heard, word)
        found: dict[str, str] = {}
        for word, place in self._places.items():
            heard = None if place.abbreviation or word.isascii() else sound(word)
            keyword = by_sound.get(heard) if heard is not None else None
            if keyword is not None and keyword != word:
                found[word] = keyword
        return found

    def _our_province(self, province: str) -> int | None:
        folded = fold(province)
        for i, r in enumerate(self.regions):
            if folded in {fold(r.name), fold(r.short)}:
                return i
        return None

    # -- recognition -----------------------------------------------------------------------

    def find(self, folded: str) -> Outside | None:
        """The first rule that fires on a folded message, naming the body; None if ours."""
        folded = _CENTRAL_XUNCHA_RE.sub(r"\1巡视", folded)
        folded = self._spaced_name.sub(lambda m: "".join(m.group().split()), folded)
        provinces = self._provinces(self._without_notice_places(folded))
        for rule in RULES:
            found = getattr(self, f"_{rule}")(folded, provinces)
            if found is not None:
                return found
        return None

    def _without_notice_places(self, text: str) -> str:
        """新疆生产建设兵团都巡视过吗 asks about the notice's own words: its place is blanked
        (same length, so positions hold)."""
        for phrase in self._notice_places:
            # …but 新疆生产建设兵团的巡视组电话 (or …的巡视电话) asks for its own body's line
            # (也巡视过吗 does not)
            at = text.find(phrase)
            while at >= 0:
                end = at + len(phrase)
                if not self._asks_its_own(text, end):
                    text = text[:at] + " " * len(phrase) + text[end:]
                at = text.find(phrase, end)
        for phrase in self._not_places:  # 北京时间 is a clock, not Beijing
            text = text.replace(phrase, " " * len(phrase))
        return text

    def _asks_body_there(self, text: str, at: int) -> bool:
        """After a country's name: a body of inspection asked after, a few characters on."""
        at = self._past_separators(text, at)
        if self._asks_its_own(text, at):
            return True
        near = text[at : at + _BODY_REACH]
        if near[:1] and not near[:1].isascii():
            # In Chinese the clause ends it: 我现在在韩国打工,人在国外,怎么跟巡视组反映 asks ours.
            near = re.split(r"[\s,.!?]", near, maxsplit=1)[0]
        return any(word in near for word in self._inspection)

    def _asks_its_own(self, text: str, at: int) -> bool:
        """At `at`, after a place or body: its own group (的巡视组) or line (巡视电话, 的电话,
        组,电话是啥), also of the area there (兵团那边的巡视怎么举报)."""
        at = self._past_separators(text, at)
        at += len(next((w for w in self._areas if text.startswith(w, at)), ""))
        at += text.startswith("的", at)
        if text.startswith(self._groups, at):
            return True
        at += len(next((w for w in self._inspection if text.startswith(w, at)), ""))
        return text.startswith(self._contact_asks, at)

    def _provinces(self, text: str) -> list[tuple[int, str]]:
        """(province, word) named, longest first, each stretch read once (辽宁 ≠ 宁); a place
        the asker is in (我人在香港) is not a body asked about."""
        return [(province, word) for province, word, asker in self._mentions(text) if not asker]

    def asker_place(self, folded: str) -> Outside | None:
        """Another province the asker says he is from or in (我是湖南的 巡视组电话多少): our
        lines are then answered as ours, with a word that they are not that province's."""
        # 我是湖南人,在营口打工 / 能给辽宁那个巡视组写信不: our own province named too, so it is
        # ours that is asked about, and nothing needs saying.
        mentions = list(self._mentions(self._without_notice_places(folded)))
        if any(province == self._ours for province, _word, _asker in mentions):
            return None
        away = next((province for province, _word, asker in mentions if asker), None)
        return None if away is None else self._named_province(away)

    def asks_from_away(self, folded: str) -> bool:
        """The asker calls himself away from the notice's province (在外地能给巡视组打电话吗):
        it is this notice's group he wants, wherever he is."""
        return any(word in folded for word in self._asker_away)

    def _mentions(self, text: str) -> Iterator[tuple[int, str, bool]]:
        """(province, word, whether it is where the asker is) for each place named, longest
        first, each stretch read once; a place that stands as a keyword (邮政新乡) is none."""
        i, n = 0, len(text)
        while i < n:
            if text[i] not in self._initials:
                i += 1
                continue
            for length in range(min(self._longest, n - i), 0, -1):
                place = self._places.get(text[i : i + length])
                if place is None or not self._stands(text, i, i + length, place):
                    continue
                # 邮政新乡 is the PO box (信箱) misheard; 我人在香港 is where the asker is.
                heard = self._as_keyword(text, i, i + length)
                owned = text.endswith("在", 0, i) and _OWNED_RE.match(text, i + length)
                # 我老家河北的事能找你们吗: the asker's home, but its matters are asked about
                away = not text.startswith(self._matters, i + length) and self._asker_elsewhere(
                    text, i, i + length
                )
                # A country only when its own body is asked after it (日本有巡视组吗, 新加坡那边
                # 有没有这样的巡视组); 我在日本, 从日本往那个电话打 ask for ours.
                asker = bool(owned or away)
                there = not place.abroad or (
                    not asker and self._asks_body_there(text, i + length)
                )
                if not heard and there:
                    yield place.province, text[i : i + length], asker
                i += length
                break
            else:
                i += 1

    def _asker_elsewhere(self, text: str, start: int, end: int) -> bool:
        """我人在香港想打过去问问, 自台湾返乡: where the asker is or came from, calling us;
        我在哈尔滨 这边巡视组电话多少 asks for the body *there* (这边, 当地), so the place
        counts."""
        if text.endswith(self._asker_from, 0, start) and text.startswith(self._asker_came, end):
            return True
        if not text.endswith(self._asker, 0, _before_spaces(text, start)):
            return False
        # 我是内蒙的,我们那边巡视组: "there" may come a few characters on; 我在台湾,…有没有类似
        # 的电话: a body like ours asked for, anywhere after, is one there.
        near = text[end : end + _HERE_REACH]
        if any(word in text[end:] for word in self._asker_similar):
            return False
        return not any(word in near for word in self._asker_here)

    def _as_keyword(self, text: str, start: int, end: int) -> bool:
        """新乡 where 信箱 would stand: right after 邮政, or right before 是多少 or 号
        (巡视组邮政新乡是多少号). 河南新乡的巡视组 stays a city."""
        if text[start:end] not in self._heard:
            return False
        # endswith up to `start`, not on a slice: linear however often the word recurs.
        return text.endswith(self._keyword_before, 0, start) or text.startswith(
            self._keyword_after, end
        )

    def heard(self, text: str) -> str:
        """A folded message with each place that stands as a keyword spelt as that keyword
        (巡视组邮政新乡是电话 → 巡视组邮政信箱是电话), so that the topic is found."""
        spans: list[tuple[int, int, str]] = []
        for word, keyword in self._heard.items():
            at = text.find(word)
            while at >= 0:
                if self._as_keyword(text, at, at + len(word)):
                    spans.append((at, at + len(word), keyword))
                at = text.find(word, at + 1)
        out, last = [], 0
        for begin, end, keyword in sorted(spans):
            if begin >= last:  # overlapping names: the first wins
                out += [text[last:begin], keyword]
                last = end
        return "".join(out) + text[last:]

    def _stands(self, text: str, start: int, end: int, place: _Place) -> bool:
        if place.abbreviation:
            return (
                text.startswith(self._inspection, end)
                or text.startswith(self._glued, end)  # 俺闺女在黑省: anywhere
                or self._area(text, start, end)
                or self._alone(text, start, end)
                # 我是川人: the asker says he is from there
                or (text.startswith(self._natives, end) and text.endswith(self._asker, 0, start))
            )
        if text[start:end].isascii():  # a Latin name is a whole word (no "hebei" in "xhebei")
            return _whole_word(text, start, end)  # harbin的巡视组: 的 is no Latin letter
        return True

    def _area(self, text: str, start: int, end: int) -> bool:
        """闽这边, 湘南一带, 京津冀那边: a clause that opens with abbreviations, then an optional
        direction, then a word for an area. Only at a clause's start: 电视台那边 is no Taiwan;
        anywhere when two or more are counted (进驻吉、黑两省, 苏浙沪三地)."""
        listed = 1
        while end < len(text) and listed < _MAX_LISTED:
            at = end if text[end].isalnum() else end + 1  # 吉、黑: one mark between them
            if at >= len(text) or text[at] not in self._abbrs:
                break
            end, listed = at + 1, listed + 1  # 京津冀
        if listed > 1:  # 豫 冀 晋 这几个地方, 粤 桂 这边: a list may end in a space too
            end = self._past_separators(text, end)
        if listed > 1 and text.startswith(self._counts, end):
            return text.startswith(self._areas, end + len(_word_at(self._counts, text, end)))
        # 京津冀的巡视组, 苏浙沪巡视组: a list of them, then the inspection asked of
        if listed > 1 and text.startswith(self._inspection, end + text.startswith("的", end)):
            return True
        before = text[start - 1] if start else " "
        if "\u4e00" <= before <= "\u9fff" and before not in self._abbrs:
            return False
        if text.startswith(self._directions, end):
            end += 1
        return text.startswith(self._areas, end)

    def _alone(self, text: str, start: int, end: int) -> bool:
        """湘 巡视组 电话, 苏·巡视组热线, 粤的巡视组电话: an abbreviation standing as a word
        (nothing or a separator before it; a separator or 的 after it), then what is asked.
        Inside a word it is no province: 鲁莽, 晋升, 京东, 沪深股市."""
        # 川, 黔呢: an abbreviation that is the whole message, but for a follow-up's words.
        if self._only_follow_up(text[:start] + " " + text[end:]):
            return True
        # 中央巡视组在鲁的信箱: after a word of abbr_before (在, 去, 驻…) it stands as a place
        # too, and may then take a tail (巡视组进驻赣了吗,电话多少: 驻 | 赣 | 了吗 | 电话).
        placed = bool(start) and text[start - 1] in self._abbr_before
        # 巡视滇的那个组: inspected, the abbreviation is the place itself, when 的, 了 or a
        # separator ends it (巡视鲁能 would be a word).
        after = text[end : end + 1]
        if text.endswith(_INSPECTED, 0, start) and (not after.isalnum() or after in "的了"):
            return True
        if start and text[start - 1].isalnum() and not placed:
            return False
        at = self._past_separators(text, end)
        glued = at == end
        tail = next((w for w in self._abbr_tails if text.startswith(w, at)), "") if placed else ""
        if tail:  # parts it from the next word as a mark would
            at, glued = self._past_separators(text, at + len(tail)), False
        join = next((w for w in self._joins if text.startswith(w, at)), "")
        if join:
            at = self._past_separators(text, at + len(join))
        elif glued:
            return False  # glued to the next character: part of a word
        return text.startswith(self._subjects, at)

    @staticmethod
    def _past_separators(text: str, at: int) -> int:
        """Past a few spaces and marks: 湘 · 巡视组 reads on at 巡视组."""
        for _ in range(_MAX_SEPARATORS):
            if at < len(text) and not text[at].isalnum():
                at += 1
        return at

    def _skip_links(self, text: str, at: int, until: tuple[str, ...] = ()) -> int:
        """Where the words after `at` resume past links and place names: 2013年|头一次|巡视,
        新一轮|中央|巡视, 2021年|又|派|巡视组; never past a word of `until` (现在|还有没有,
        not 现在|还|有没有)."""
        for _ in range(_MAX_LINKS):
            while at < len(text) and text[at] == " ":
                at += 1
            if until and text.startswith(until, at):
                break
            link = next((w for w in self._links if text.startswith(w, at)), None)
            if link is None:
                numbered = _NUMBERED_RE.match(text, at)  # 2018年|第三|巡视组
                link = numbered.group() if numbered else self._place_at(text, at)
            if not link:
                break
            at += len(link)
        return at

    def _place_at(self, text: str, at: int) -> str:
        """The full or short place name (not a one-character abbreviation) starting at `at`."""
        for length in range(min(self._longest, len(text) - at), 1, -1):
            place = self._places.get(text[at : at + length])
            if place is not None and not place.abbreviation:
                return text[at : at + length]
        return ""

    def names_inspection(self, text: str) -> bool:
        """Does the (folded) text name an inspection or supervision body at all (巡视, 纪委…)?"""
        return any(w in text for w in self._inspection)

    def _about_inspection(self, text: str) -> bool:
        for phrase in self._not_subjects:  # 回香港后电话卡还扣月租: a phone bill, not a line
            text = text.replace(phrase, " ")
        return any(w in text for w in self._subjects) or self._subject_heard(text)

    def _subject_heard(self, text: str) -> bool:
        """黑龙江的巡事组电化多少: a subject typed by its sound (巡事 → 巡视, 电化 → 电话), with
        at least one of its characters right, as the matcher hears keywords."""
        for i, c in enumerate(text):
            for sounds, word, k in self._subject_sounds.get(c, ()):
                start = i - k
                typed = text[start : start + len(word)] if start >= 0 else ""
                if len(typed) == len(word) and sound(typed) == sounds:
                    return True
        return False

    @staticmethod
    def _place_prefix(provinces: list[tuple[int, str]]) -> str:
        return provinces[0][1] if provinces else ""

    def _name(self, rule: Rule, name: str, name_en: str | None = None) -> Outside:
        names = self.data.names[rule]
        return Outside(
            rule,
            names.zh.replace("{name}", name),
            names.en.replace("{name}", name_en or name),
        )

    def _ordinal(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        for m in _ORDINAL_RE.finditer(text):
            number = m.group(2) or m.group(3)
            value = ordinal_value(m.group(1) or number)
            if value is not None and value != self._our_ordinal:
                said = m.group(0) if m.group(1) else f"第{number}巡视组"  # 中央2组 → 第2巡视组
                central = "中央" if "中央" in text[max(0, m.start() - 4) : m.end()] else ""
                return self._name("ordinal", central + said, f"inspection group No. {value}")
        m = _EN_ORDINAL_RE.search(text)
        if m:
            digits = m.group(1) or m.group(3)
            value = int(digits) if digits else _EN_WORDS.index(m.group(2)) + 1
            if value != self._our_ordinal:
                return self._name("ordinal", f"第{value}巡视组", f"inspection group No. {value}")
        return None

    def _words(
        self,
        rule: Rule,
        words: Iterable[tuple[str, str]],
        text: str,
        provinces: list[tuple[int, str]],
    ) -> Outside | None:
        for word, name in words:
            if word in text:
                place = self._place_prefix(provinces)
                shown = f"{place}的{name}" if place and place not in name else name
                return self._name(rule, shown)
        return None

    def _level(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        # 中央巡视组和省委巡视组有啥区别, 城里的巡察组跟你们是一回事吗: ours set beside another
        # level asks what ours takes; …省委那个组的电话给我 still asks for the other's line.
        ours = "中央" in text or "你们" in text
        if ours and self._compares(text) and not self._asks_contact(text):
            return None
        found = self._words("level", self._levels, _NUMBERED_RE.sub("", text), provinces)
        return found or self._commission(text, provinces)

    def _commission(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        """县纪委电话多少, 省纪委的巡视组怎么联系: a commission's own line is not ours (县纪委书记
        归巡视组管吗 names a post, and is no body asked about). A loose word's groups are
        ours: 中纪委巡视组, folded to 纪委巡视组, is what many call the central groups."""
        for word, name, loose in self._commissions:
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if loose and text.startswith(self._groups, end + text.startswith("的", end)):
                    return None
                # English order is free: the number of the discipline commission in Dalian
                english = word.isascii()
                if self._asks_contact(text) if english else self._asks_its_own(text, end):
                    return self._words("level", [(word, name)], text, provinces)
                at = text.find(word, at + 1)
        return None

    def _asks_contact(self, text: str) -> bool:
        return any(w in text for w in self._contact_asks)

    def _compares(self, text: str) -> bool:
        """一回事, 区别, 不一样: one body set beside another."""
        return any(w in text for w in self._comparisons)

    def _body(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        if self._compares(text):
            return None
        ours = "中央" in text and self._ours in [i for i, _word in provinces]
        return self._words("body", self._bodies if ours else self._all_bodies, text, provinces)

    def _province(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        # 河北的巡视组电话跟辽宁一样吗: ours named only to compare the other with it; 我住丹东
        # 通化那边的事找哪个巡视组: ours where the asker lives, the other one asked about.
        matters = self._matters_of_another(text, provinces)
        if matters is not None:
            return self._named_province(matters)
        named = [i for i, _word in provinces if i != self._ours]
        if self._ours_asked(text, provinces, home=self._another_asked_outright(text, provinces)):
            return None
        near = self._around(text, provinces)
        if not (self._about_inspection(near) or self._follow_up(text, provinces)):
            return None
        return self._named_province(named[0]) if named else None

    def _named_province(self, i: int) -> Outside:
        r = self.regions[i]
        return self._name("province", r.name, r.en or r.name)

    def _matters_of_another(self, text: str, provinces: list[tuple[int, str]]) -> int | None:
        """我是江苏的,听说沈阳有个巡视组,我们江苏的事能找他们吗: another province's matters
        (`matters`) brought to our group ask about that province's body, though ours is
        named."""
        if not (self.names_inspection(text) or "你们" in text or "他们" in text):
            return None
        for province, word in dict.fromkeys(provinces):  # each word once
            if province == self._ours:
                continue
            at = text.find(word)
            while at >= 0:
                if text.startswith(self._matters, at + len(word)):
                    return province
                at = text.find(word, at + len(word))
        return None

    def _another_asked_outright(self, text: str, provinces: list[tuple[int, str]]) -> bool:
        """内蒙古自治区的巡视组: another province's own group or line, right after its name."""
        for province, word in dict.fromkeys(provinces):  # each word once: 江苏的事 × 1,000
            if province == self._ours:
                continue
            at = text.find(word)
            while at >= 0:
                if self._asks_its_own(text, at + len(word)):
                    return True
                at = text.find(word, at + len(word))
        return False

    def _ours_asked(self, text: str, provinces: list[tuple[int, str]], *, home: bool) -> bool:
        """Whether our province is named as what is asked about, at any of its mentions; not
        where the asker lives (我住丹东, 在辽宁上班) nor as what another is compared with.
        With another province's group asked outright (`home`), 我们阜新 is the asker's home:
        内蒙古自治区的巡视组,我们阜新跟那挨着 (though 我们辽阳的表舅 in a story is ours)."""
        for word in {w for i, w in provinces if i == self._ours}:
            at = text.find(word)
            while at >= 0:
                # 打辽宁这个电话行不: our line as the means of calling, not what is asked about
                calling = text.endswith("打", 0, at)
                ours_home = home and text.endswith(self._we, 0, at)
                if not (
                    calling
                    or ours_home
                    or self._lives(text, at, word)
                    or self._compared(text, at, word)
                ):
                    return True
                at = text.find(word, at + len(word))
        return False

    def _lives(self, text: str, at: int, word: str) -> bool:
        """我住丹东, 我是大连的, 在辽宁住: the asker's own place, right after 我住, 我在, 我是,
        or between 在 and 住, 上班; 退休回辽宁了: where the asker came to (asker_from)."""
        if text.endswith(self._asker, 0, _before_spaces(text, at)):
            return True
        if text.endswith(self._asker_from, 0, at):
            return True
        return text.endswith("在", 0, at) and text.startswith(self._asker_after, at + len(word))

    def _compared(self, text: str, at: int, word: str) -> bool:
        """跟辽宁一样吗, 和辽宁的是一个吗: the place after a word of comparing, and a word of
        sameness a few characters on."""
        if not text.endswith(self._compare_words, 0, at):
            return False
        near = text[at + len(word) : at + len(word) + _COMPARED_REACH]
        return any(w in near for w in self._comparisons)

    @staticmethod
    def _around(text: str, provinces: list[tuple[int, str]]) -> str:
        """The words near each place named: in a long story 去北京少说也有二十多趟了 is a journey,
        and the 巡视组 asked about forty characters on is ours."""
        parts = []
        for _province, word in provinces:
            at = text.find(word)
            # English spends more letters on the same words (the number for the team in Jilin)
            scale = _LATIN_SCALE if word.isascii() else 1
            start, end = max(0, at - _PLACE_BEFORE * scale), at + len(word) + _PLACE_AFTER * scale
            parts.append(text[start:end])
        return " ".join(parts)

    def _follow_up(self, text: str, provinces: list[tuple[int, str]]) -> bool:
        """那吉林的呢: a place and nothing but the words of a follow-up (`follow_ups`). The
        question before it was about our group, so it asks the same of that place."""
        if len({i for i, _word in provinces}) != 1:
            return False
        # 川的呢 四川: the place named twice, by its abbreviation too
        for word in (*(w for _i, w in provinces), *self.regions[provinces[0][0]].abbr):
            text = text.replace(fold(word), " ", 1)
        return self._only_follow_up(text)

    def _only_follow_up(self, rest: str) -> bool:
        """Whether what is left of a message once its place or year is taken out is only the
        words of a follow-up (那, 的呢, 也是这个号吗)."""
        for word in self._follow_ups:
            rest = rest.replace(word, " ")
        return not rest.strip(" ,.?!")

    def _others(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        """另外几个回头看的省份是哪个组去的, 其他省的巡视组电话: provinces the notice does not
        name, said as "the other ones", about inspection. 我在别的省 能打吗 is where the asker
        is, calling us."""
        for word in self._other_words:
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                near = text[end : end + _OTHERS_REACH]
                asker = text.endswith(self._asker, 0, _before_spaces(text, at))
                if not asker and any(p in near for p in self._other_places):
                    # Read only now: most messages say no "other province" at all.
                    return self._name("others", word) if self._about_inspection(text) else None
                at = text.find(word, end)
        return None

    def _year(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        """2019年的巡视组, 2019年举报电话: the year names the body. In 2015年收了… it is
        when something happened, which says nothing about whom the question is for."""
        for m in _SHORT_YEAR_RE.finditer(text):
            year = 2000 + int(m.group(1))
            if year != self._our_year:
                return self._name("year", str(year))
        for m in _YEAR_RE.finditer(text):
            if int(m.group(1)) == self._our_year:
                continue
            end = m.end() + 1 if text.startswith("年", m.end()) else m.end()
            at = self._skip_links(text, end)
            if text.startswith(self._subjects, at) or self._group_went(text, m.start(), end):
                return self._name("year", m.group(1))
            # 2020年的呢: a year and nothing but a follow-up's words asks the same of that year
            if self._only_follow_up(text[: m.start()] + " " + text[end:]):
                return self._name("year", m.group(1))
            # the phone of the inspection team in 2019: English puts the year last, after
            # the body (I came to Liaoning in 2019 is the asker's year)
            if text.endswith(_EN_BODY_IN, 0, m.start()):
                return self._name("year", m.group(1))
        return None

    def _term(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        """十九届中央第一轮巡视, 二十大以来的巡视组: a party congress's term the notice's year is
        not in, right before an inspection word (links and a round's number aside)."""
        for word, name, en in self._terms:
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                end += len(_word_at(self._term_after, text, end))
                end = self._skip_links(text, end)
                round_ = _ROUND_RE.match(text, end)
                if round_:
                    end = self._skip_links(text, round_.end())
                if text.startswith(self._inspection, end):
                    return self._name("term", name, en)
                at = text.find(word, end)
        return None

    def _round(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        """十八届第十二轮巡视, 第二批回头看, 第三轮专项巡视: a numbered round the notice does
        not name. Its own are the rounds the FAQ lists as keywords: 第一批 (any), 第一轮回头看
        (of 回头看 only), so 第一轮巡视回头看 is ours and 第一轮巡视辽宁是哪年 is not."""
        for m in _ROUND_RE.finditer(text):
            at = self._skip_links(text, m.end())
            named = _word_at(self._inspection, text, at)
            if not named:
                # 中央巡视组第十轮什么时候开始: the inspection word just before the round
                before = text[max(0, m.start() - _ROUND_REACH) : m.start()]
                named = next((w for w in self._inspection if w in before), "")
                at = m.end()
            if not named:
                continue
            value = ordinal_value(m.group(1))
            reach = text[at : at + _ROUND_REACH]
            if any(rest in reach for rest in self._our_rounds.get(m.group(), ())):
                continue
            shown = m.group() + named
            return self._name("round", shown, f"inspection round {value}" if value else shown)
        bare = _BARE_ROUND_RE.search(text)
        if bare and (value := ordinal_value(bare.group(1))) and value > 1:
            shown = f"第{value}轮巡视组"
            return self._name("round", shown, f"inspection round {value}")
        return None

    def _earlier(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        """上一轮巡视辽宁是哪年, 上次巡视是什么时候: when an earlier round was, which the notice
        does not say. 上一轮巡视整改得怎么样 asks what this follow-up re-examines: ours."""
        ours = {w for i, w in provinces if i == self._ours}
        for word in self._earlier_words:
            at = text.find(word)
            while at >= 0:
                body = self._skip_links(text, at + len(word))
                if text.startswith(self._inspection, body):
                    ask = text[body : body + _EARLIER_REACH]
                    # 上一次巡视辽宁的时候电话是多少: the notice is itself a follow-up, so an
                    # earlier inspection of its own province is the round before it.
                    if any(a in ask for a in self._earlier_asks) or any(o in ask for o in ours):
                        return self._name("earlier", word)
                at = text.find(word, at + 1)
        return None

    def _group_went(self, text: str, year: int, after: int) -> bool:
        """第三巡视组2018年去了哪个省: the group, then another year, then where it went,
        links aside or not (2017年|驻哪里 has 驻 both as a link and as the verb)."""
        before = text[max(0, year - _BEFORE_YEAR) : year].rstrip()
        if not before.endswith(self._year_visitors):
            return False
        return text.startswith(self._year_visits, after) or text.startswith(
            self._year_visits, self._skip_links(text, after)
        )

    def _latest(self, text: str, provinces: list[tuple[int, str]]) -> Outside | None:
        for word in self._elsewhere:  # 之后又去哪个省巡视了: a later round, said outright
            at = text.find(word)
            while at >= 0:
                if not text.startswith(self._not_visits, at + len(word)):  # 还会来电: a call
                    return self._name("latest", word)
                at = text.find(word, at + 1)
        later = self._later_round(text)
        if later is not None:
            return later
        for word in self._latest_words:
            at = text.find(word)
            while at >= 0:
                # 我去年来的沈阳 巡视组电话多少: the asker's own year and move, not the group's
                # (我们今年的巡视组 still asks for this year's)
                moved = text.startswith(("来", "去", "到", "刚"), at + len(word))
                mine = text.endswith("我", 0, at) and moved
                if not mine and self._inspection_at(text, self._skip_links(text, at + len(word))):
                    return self._name("latest", word)
                at = text.find(word, at + 1)
        return self._now_asked(text) or self._later_visit(text) or self._again_heard_of(text)

    def _later_round(self, text: str) -> Outside | None:
        """这次巡视之后的那次, 回头看以后那一轮, 后来派来的那个组: "after", then a round or a
        group, in a message about inspection: a round after the notice's."""
        for mark in self._later_marks:
            at = text.find(mark)
            while at >= 0:
                after = at + len(mark)
                after += len(next((w for w in self._later_joins if text.startswith(w, after)), ""))
                said = next((w for w in self._later_rounds if text.startswith(w, after)), None)
                # …and something asked of it after (电话, 还来吗): 我打巡视组电话之后那次没人接
                # tells of one's own call
                asked = text[after : after + _LATER_REACH]
                group = said is not None and (said.endswith("组") or self.names_inspection(text))
                if group and any(w in asked for w in self._later_asks):
                    return self._name("latest", mark)
                at = text.find(mark, after)
        return None

    def _inspection_at(self, text: str, at: int) -> bool:
        """An inspection word at `at`, or a bare 组 whose line is asked (今年春天来的|组电话)
        or which is still to come (明年春天还有个|组要来)."""
        if text.startswith(self._inspection, at):
            return True
        if not text.startswith("组", at):
            return False
        return text.startswith(self._arrivals, at + 1) or self._asks_its_own(text, at + 1)

    def _now_asked(self, text: str) -> Outside | None:
        """现在还有巡视组吗, 目前辽宁是哪个巡视组, now是哪个巡视组: "now", which or whether, and
        the body: a round after the notice's, which it cannot know. 现在打巡视组电话 asks
        nothing of the kind (our lines, today)."""
        for word in self._now:
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if self._asks_now(text, word, at, end):
                    return self._name("latest", word)
                at = text.find(word, end)
        return None

    def _asks_now(self, text: str, word: str, at: int, end: int) -> bool:
        if word.isascii():  # English order is free: is there an inspection team in Hunan now
            return (
                _whole_word(text, at, end)  # no "now" in "know"
                and any(w in text for w in self._now_asks_en)
                and any(w in text for w in _EN_BODY)
            )
        asks = self._skip_links(text, end, self._now_asks)
        ask = _word_at(self._now_asks, text, asks)
        body = self._skip_links(text, asks + len(ask))
        named = _word_at(self._inspection, text, body)
        if not named or ask:
            return bool(named)
        # 当前中央巡视组有没有在辽宁: the question right after the body
        after = body + len(named)
        after += 1 if text.startswith("组", after) else 0  # 巡视|组
        asked = self._skip_links(text, after, self._now_asks_after)
        return bool(_word_at(self._now_asks_after, text, asked))

    def _again_heard_of(self, text: str) -> Outside | None:
        """听说中央巡视组又来了,这回的电话是多少: the group come again, heard of lately, is a
        round after the notice's. 咋又来了 asks what a follow-up is, and hears of nothing."""
        came = next((w for w in self._again if w in text), None)
        if came and any(w in text for w in self._again_heard) and self.names_inspection(text):
            return self._name("latest", came)
        return None

    def _later_visit(self, text: str) -> Outside | None:
        """第三巡视组去年去了哪, 巡视组后来又去了哪里, 巡视组下次什么时候来: the group, a time
        after the notice's, and where or when it goes."""
        for word in self._later_times:
            at = text.find(word)
            while at >= 0:
                if self._group_went(text, at, at + len(word)):
                    return self._name("latest", word)
                at = text.find(word, at + 1)
        return None
