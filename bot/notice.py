"""Reading an inspection notice: its written forms, and the facts it states.

A notice is a news text (`knowledge/notice.txt` is one). `canonical()` rewrites the
forms real notices use into one form each (`８时３０分` -> `8:30`, `下午5:30` -> `17:30`,
`截止到` -> `至`, `次年` -> the next year, a second phone without its area code gets
the first one's); `read()` then finds the facts in the canonical text and keeps, for
each, the notice's own words it came from, so a FAQ can quote them as `source`.

Nothing is guessed: a fact the notice does not state is reported missing, never filled.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, NamedTuple

# ---------------------------------------------------------------------------
# Reference data: the provincial-level divisions, from knowledge/language/regions.yaml
# (full name, short name, English, English full name, capital, capital in English). The
# capital is how the template's own city is recognised in its examples ("沈阳" in a
# Liaoning FAQ).


class Province(NamedTuple):
    full: str
    short: str
    en: str
    en_full: str
    capital: str
    capital_en: str


@cache
def provinces() -> tuple[Province, ...]:
    from bot.regions import load_regions

    return tuple(
        Province(r.name, r.short, r.en, r.en_full, r.capital, r.capital_en) for r in load_regions()
    )


def province(name: str) -> Province | None:
    """The division written `name` ("辽宁省" or "辽宁"), or None."""
    return next((p for p in provinces() if name in (p.full, p.short)), None)


# The kinds of inspection, most specific first: the first one named in the group's
# own sentence is the campaign's mission. `word` is what people ask about ("回头看是
# 什么意思"); plain 巡视 has none.
@dataclass(frozen=True)
class Mission:
    pattern: re.Pattern[str]
    word: str | None
    en: str


MISSIONS: tuple[Mission, ...] = (
    Mission(re.compile(r"巡视[“\"「『]?回头看[”\"」』]?"), "回头看", "a follow-up inspection"),
    Mission(re.compile(r"专项巡视"), "专项巡视", "a special inspection"),
    Mission(re.compile(r"机动巡视"), "机动巡视", "an ad hoc inspection"),
    Mission(re.compile(r"巡视(?!组)"), None, "an inspection"),  # not the 巡视 of 巡视组
)

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ORDINALS_EN = (
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
    "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth",
    "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth",
)  # fmt: skip


def ordinal_number(ordinal: str) -> int | None:
    """'三' -> 3, '十五' -> 15, '二十' -> 20, '8' -> 8; None if it is not a numeral."""
    if ordinal.isdigit():
        return int(ordinal)
    tens, _, units = ordinal.partition("十")
    if "十" not in ordinal:
        return _NUMERALS.get(ordinal)
    if (tens and tens not in _NUMERALS) or (units and units not in _NUMERALS):
        return None
    return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(units, 0)


# ---------------------------------------------------------------------------
# Canonical forms
#
# One pass over the text with a table of named rules; each rule maps a match to its
# canonical text. The pass keeps, for every output character, the span of the input it
# came from, so a fact found in the canonical text can quote the notice as written.

_RANGE = frozenset({"—", "–", "-", "~", "至", "到"})
_DAY_PART_PM = frozenset({"下午", "晚上", "晚", "傍晚"})
_DAY_PARTS = "上午|下午|早上|早晨|晚上|中午|凌晨|傍晚|早|晚"
_PHONE_SEP = r"\s*[;,、—/]\s*"
_LOCAL = r"[0-9]{7,8}(?![0-9])"


class _State:
    """What the pass remembers while it reads: the last year written out."""

    def __init__(self) -> None:
        self.year: int | None = None


def _time(m: re.Match[str], state: _State) -> str:
    # 下午5:30 -> 17:30, 8时30分 -> 8:30, 上午8时 -> 8:00, 晚20:00 -> 20:00
    hour = int(m["h"])
    minute = m["m"] or m["m2"] or ("30" if m["half"] else "00")
    if m["unit"] == "点" and not (m["part"] or m["m2"] or m["half"]):
        # a bare "3点" is a time only inside a range ("8点到18点"), not in "提出3点要求"
        text, start, stop = m.string, m.start(), m.end()
        if not (text[start - 1 : start] in _RANGE or text[stop : stop + 1] in _RANGE):
            return m.group()
    if m["part"] in _DAY_PART_PM and hour < 12:
        hour += 12
    if hour > 24 or int(minute) > 59:
        return m.group()
    return f"{hour}:{int(minute):02d}"


def _year(m: re.Match[str], state: _State) -> str:
    state.year = int(m["y"])
    return m.group()


def _next_year(m: re.Match[str], state: _State) -> str:
    # 2026年11月8日至次年1月8日 -> …至2027年1月8日; with no year yet, left as written
    if state.year is None:
        return m.group()
    state.year += 1
    return f"{state.year}年"


def _phones(m: re.Match[str], state: _State) -> str:
    # 0731-88881234、88881235 -> 0731-88881234、0731-88881235: a second number of the
    # same length written without its area code is in the first one's area.
    area, first = m["area"], m["first"]
    out = [f"{area}-{first}"]
    for sep, number in re.findall(rf"({_PHONE_SEP})((?:0[0-9]{{2,3}}-)?{_LOCAL})", m["rest"]):
        if "-" not in number and len(number) == len(first):
            number = f"{area}-{number}"
        elif "-" in number:
            area = number.split("-")[0]
        out.append(sep + number)
    return "".join(out)


def _sentence_end(m: re.Match[str], state: _State) -> str:
    state.year = None  # 次年 counts from a year of its own sentence only
    return m.group()


_RULES: tuple[tuple[str, str, Callable[[re.Match[str], _State], str]], ...] = (
    # (name, pattern, canonical text of a match)
    (
        "phones",
        rf"(?<![0-9-])(?P<area>0[0-9]{{2,3}})-(?P<first>{_LOCAL})"
        rf"(?P<rest>(?:{_PHONE_SEP}(?:0[0-9]{{2,3}}-)?{_LOCAL})*)",
        _phones,
    ),
    (
        "time",
        rf"(?P<part>{_DAY_PARTS})?(?<![0-9:])(?P<h>[0-9]{{1,2}})"
        r"(?:[:](?P<m>[0-9]{2})(?![0-9])|(?P<unit>[时点])(?:(?P<m2>[0-9]{1,2})分|(?P<half>半))?)",
        _time,
    ),
    ("year", r"(?<![0-9])(?P<y>[0-9]{4})年", _year),
    ("next_year", r"次年", _next_year),
    ("until", r"截止到|截至|截止", lambda m, s: "至"),
    ("stop", r"[。\n]", _sentence_end),
)
_RULE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in _RULES))
_APPLY = {name: apply for name, _, apply in _RULES}


class Canonical(NamedTuple):
    """The canonical text, and for each of its characters the input span it came from."""

    text: str
    begin: tuple[int, ...]
    end: tuple[int, ...]

    def origin(self, start: int, stop: int) -> tuple[int, int]:
        """The input span that produced text[start:stop]."""
        return self.begin[start], self.end[stop - 1]


def _canonical(text: str) -> Canonical:
    nfkc = unicodedata.normalize  # full-width digits and punctuation -> ASCII
    out: list[str] = []
    begin: list[int] = []
    end: list[int] = []

    def emit(piece: str, b: int, e: int) -> None:
        out.append(piece)
        begin.extend([b] * len(piece))
        end.extend([e] * len(piece))

    # The rules are written for ASCII digits, so they run on the NFKC text; NFKC maps
    # most characters one to one, and `where` remembers the input span of each one.
    flat: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = nfkc("NFKC", ch)
        flat.append(piece)
        where.extend([i] * len(piece))
    folded = "".join(flat)
    state = _State()
    pos = 0
    for m in _RULE.finditer(folded):
        for j in range(pos, m.start()):
            emit(folded[j], where[j], where[j] + 1)
        rule = m.lastgroup
        assert rule is not None
        emit(_APPLY[rule](m, state), where[m.start()], where[m.end() - 1] + 1)
        pos = m.end()
    for j in range(pos, len(folded)):
        emit(folded[j], where[j], where[j] + 1)
    return Canonical("".join(out), tuple(begin), tuple(end))


def canonical(text: str) -> str:
    """One written form for each thing a notice may write in several ways.

    Full-width digits and punctuation become ASCII (NFKC); times become H:MM on a 24-hour
    clock (`８时３０分` -> `8:30`, `下午5时30分` -> `17:30`, `晚8:00` -> `20:00`, `上午8点半`
    -> `8:30`); `截止到`/`截至` become `至`; `次年` becomes the year after the last one
    written (`2026年11月8日至次年1月8日` -> `…至2027年1月8日`); in a list of phones, a
    number without area code gets the previous one's (`0731-88881234、88881235` ->
    `0731-88881234、0731-88881235`). Everything else is kept.
    """
    return _canonical(text).text


# ---------------------------------------------------------------------------
# Facts


@dataclass(frozen=True)
class Found:
    """A fact as read: its value, and the notice's own words it came from."""

    value: Any
    source: str
    span: tuple[int, int]  # of `source` in the notice as written


@dataclass
class Reading:
    """What a notice states, and what it does not."""

    facts: dict[str, Found] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # names of facts not stated
    problems: list[str] = field(default_factory=list)  # what makes the reading unusable
    notes: list[str] = field(default_factory=list)  # what the maintainer should look at

    def value(self, name: str) -> Any:
        found = self.facts.get(name)
        return found.value if found is not None else None


# What a maintainer is told about each fact (Chinese, as in the guide).
LABELS: dict[str, str] = {
    "group": "巡视组(第几巡视组)",
    "province": "被巡视的省",
    "mission": "巡视的名称(巡视、巡视“回头看”、专项巡视)",
    "leader": "组长",
    "deputies": "副组长",
    "phones": "值班电话",
    "po_box": "邮政信箱",
    "postcode": "邮编",
    "hours": "受理电话的时间",
    "days": "哪些天受理(每天、工作日)",
    "start": "巡视开始日期",
    "end": "巡视结束日期",
    "duration": "巡视时长(工作几个月)",
    "contact_forms": "受理方式(来信来电来访)",
    "targets": "主要受理反映谁的问题",
    "disciplines": "重点受理的纪律",
    "outside_remit": "不属于巡视受理范围的问题怎么处理",
}

_NEAR = 60  # characters around a value where its keywords are looked for
_CLAUSE_END = frozenset(",;。!?\n")
_CJK = "\u4e00-\u9fff"
_GROUP = re.compile(
    rf"(?:中央|[{_CJK}]{{2,8}}?(?:省|市|自治区)委)第(?P<ord>[一二三四五六七八九十0-9]{{1,3}})巡视组"
)
# A name ends where the sentence goes on: "组长叶青纯就…", "副组长刘维佳、朱国贤、陈江及…"
_NAME_STOP = (
    r"(?=就|在|作|同志|主持|讲话|强调|指出|通报|出席|传达|及|和|等|带队|一行|说|表示"
    r"|[、,。;(\s:])"
)
_LEADER = re.compile(rf"(?<!副)组长[:为是]?\s*(?P<name>[{_CJK}]{{2,4}}?){_NAME_STOP}")
_DEPUTIES = re.compile(
    rf"副组长[:为是]?\s*(?P<names>[{_CJK}、]{{2,40}}?)(?=及|和|等|与|出席|参加|列席|[,。;(\s])"
)
_HOTLINE = re.compile(r"(?:举报|值班|受理|咨询|监督)电话|电话")
_PHONE = re.compile(rf"(?<![0-9-])(?:0[0-9]{{2,3}}-{_LOCAL}|1[3-9][0-9]{{9}}(?![0-9])|{_LOCAL})")
_PHONE_LIST = re.compile(rf"{_PHONE.pattern}(?:{_PHONE_SEP}{_PHONE.pattern})*")
_BOX = re.compile(r"(?:第)?[A-Z]?[0-9]{1,6}号?(?:邮政)?(?:专用)?信箱")
_POSTCODE = re.compile(r"(?:邮编|邮政编码)[:为是]?\s*(?P<code>[0-9]{6})(?![0-9])")
_HOURS = re.compile(
    r"(?<![0-9])(?P<open>[0-9]{1,2}:[0-9]{2})\s*[—–\-~至到]\s*(?P<close>[0-9]{1,2}:[0-9]{2})"
)
_DAYS = ("每天", "每日", "周一至周日", "周一至周五", "工作日")
_DATE = re.compile(r"(?:(?P<y>[0-9]{4})年)?(?P<next>次年)?(?P<mo>[0-9]{1,2})月(?P<d>[0-9]{1,2})日")
_RANGE_FILLER = re.compile(r"[\s,(（)）]|开始|起")
_DURATION = re.compile(
    r"(?:工作|为期|时间为|历时|时间)(?P<d>约?[0-9一二两三四五六]{1,2}个多?月|[0-9]{1,3}天)"
)
_FORMS = re.compile(r"来信|来电|来访")
_DISCIPLINE = re.compile(rf"[{_CJK}]{{2}}纪律")


class _Text:
    """The notice as written and in canonical form, with the clause around a match."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.canon = _canonical(raw)
        self.text = self.canon.text

    def clause(self, start: int, stop: int) -> tuple[int, int]:
        """The clauses (`,` … `。`) around text[start:stop], in canonical positions."""
        while start > 0 and self.text[start - 1] not in _CLAUSE_END:
            start -= 1
        while stop < len(self.text) and self.text[stop] not in _CLAUSE_END:
            stop += 1
        while start < stop and self.text[start].isspace():
            start += 1
        return start, stop

    def found(self, value: Any, start: int, stop: int) -> Found:
        """`value`, quoting the notice's clause(s) around canonical text[start:stop]."""
        a, b = self.origin(*self.clause(start, stop))
        return Found(value, self.raw[a:b].strip(), (a, b))

    def origin(self, start: int, stop: int) -> tuple[int, int]:
        return self.canon.origin(start, stop)

    def written(self, start: int, stop: int) -> str:
        """text[start:stop] as the notice writes it, NFKC, without spaces ("辽宁省 开" -> …)."""
        a, b = self.origin(start, stop)
        return "".join(unicodedata.normalize("NFKC", self.raw[a:b]).split())

    def sentence(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("。", 0, pos) + 1
        start = max(start, self.text.rfind("\n", 0, pos) + 1)
        stops = [i for i in (self.text.find("。", pos), self.text.find("\n", pos)) if i >= 0]
        return start, min(stops, default=len(self.text))


def _group(t: _Text, out: Reading) -> None:
    m = _GROUP.search(t.text)
    if m is None:
        return
    out.facts["group"] = t.found(t.written(*m.span()), *m.span())
    out.facts["ordinal"] = Found(m["ord"], out.facts["group"].source, out.facts["group"].span)
    # The province is the first one named after the group in the group's own sentence
    # ("中央第三巡视组对辽宁省开展…"), written as the notice writes it elsewhere in full.
    s_stop = t.sentence(m.start())[1]
    tail = t.text[m.end() : s_stop].replace(" ", "")
    best: tuple[int, Province] | None = None
    for p in provinces():
        at = tail.find(p.short)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, p)
    if best is not None:
        p = best[1]
        name = p.full if p.full in t.text.replace(" ", "") else p.short
        out.facts["province"] = t.found(name, m.start(), s_stop)
    # The mission named after the group in its own sentence, else the first one named.
    for offset, where in ((m.end(), t.text[m.end() : s_stop]), (0, t.text)):
        for mission in MISSIONS:
            hit = mission.pattern.search(where)
            if hit is not None:
                at = offset + hit.start()
                stop = at + len(hit.group())
                out.facts["mission"] = t.found(t.written(at, stop), at, stop)
                return


def _leader(t: _Text, out: Reading) -> None:
    m = _LEADER.search(t.text)
    if m is not None:
        out.facts["leader"] = t.found(m["name"], m.start(), m.end())
    d = _DEPUTIES.search(t.text)
    if d is not None:
        names = [n for n in d["names"].split("、") if n]
        if names and all(2 <= len(n) <= 4 for n in names):
            out.facts["deputies"] = t.found(names, d.start(), d.end())


def _phones_box(t: _Text, out: Reading) -> None:
    for hot in _HOTLINE.finditer(t.text):
        # the list of numbers right after a hotline word: "值班电话:024-88881877;024-…"
        m = _PHONE_LIST.search(t.text, hot.end(), hot.end() + 120)
        gap = t.text[hot.end() : m.start()] if m is not None else ""
        if m is None or len(gap) > 8 or any(c.isdigit() for c in gap):
            continue
        phones = list(dict.fromkeys(_PHONE.findall(m.group())))
        out.facts["phones"] = t.found(phones, hot.start(), m.end())
        break
    box = _BOX.search(t.text)
    if box is not None:
        # The address before the box number: from the first place name after the last
        # ":" or verb of its clause ("信箱:辽宁省沈阳市第6008号信箱" -> 辽宁省沈阳市…).
        start = t.clause(box.start(), box.end())[0]
        head = t.text[start : box.start()]
        base = max(head.rfind(c) for c in ":寄往至为是") + 1
        places = [
            at
            for p in provinces()
            for name in (p.full, p.short)
            if (at := head.find(name, base)) >= 0
        ]
        begin = start + (min(places) if places else base)
        out.facts["po_box"] = t.found(t.written(begin, box.end()), start, box.end())
    code = _POSTCODE.search(t.text)
    if code is not None:
        out.facts["postcode"] = t.found(code["code"], code.start(), code.end())


def _hours(t: _Text, out: Reading) -> None:
    for m in _HOURS.finditer(t.text):
        # the words around the range say it is the phones' hours (a bounded window, so
        # a text full of times is still read in linear time)
        start = max(0, m.start() - _NEAR, t.text.rfind("。", max(0, m.start() - _NEAR), m.start()))
        near = t.text[start : m.end() + 10]
        if not any(w in near for w in ("受理", "接听", "值班", "电话", "时间")):
            continue
        again = _HOURS.search(t.text, m.end(), m.end() + 12)
        if again is not None:
            # "8:00—12:00、14:00—18:00": one open-close pair would state a wrong hour
            both = f"{m.group()}、{again.group()}"
            out.notes.append(f"受理时间分两段({both}),知识库只能写一段,所以没有写入;请决定怎么写")
            return
        opens, closes = (f"{int(v.split(':')[0]):02d}:{v.split(':')[1]}" for v in m.groups())
        out.facts["hours"] = t.found((opens, closes), m.start(), m.end())
        for days in _DAYS:
            at = near.find(days)
            if at >= 0:
                out.facts["days"] = t.found(days, start + at, m.end())
                break
        return


def _period(t: _Text, out: Reading, year: int | None) -> None:
    dates = list(_DATE.finditer(t.text))
    for first, second in itertools.pairwise(dates):
        between = _RANGE_FILLER.sub("", t.text[first.end() : second.start()])
        if between not in _RANGE:
            continue
        start_y = int(first["y"]) if first["y"] else year
        if first["y"] and year is not None and int(first["y"]) != year:
            out.problems.append(
                f"公告写的年份是 {first['y']} 年,与 --year {year} 不一致;请核对公告,或去掉 --year"
            )
            return
        if start_y is None:
            out.problems.append(
                "公告只写了月日,没有写年份:请加上 --year YYYY(巡视开始那一年),例如 --year 2016"
            )
            return
        try:
            start = date(start_y, int(first["mo"]), int(first["d"]))
            end_y = int(second["y"]) if second["y"] else start_y
            end = date(end_y, int(second["mo"]), int(second["d"]))
            if not second["y"] and (second["next"] or end < start):
                end = date(start_y + 1, end.month, end.day)  # 11月8日—次年1月8日
        except ValueError as exc:
            out.problems.append(f"巡视期间的日期不存在:{exc}")
            return
        out.facts["start"] = t.found(start, first.start(), second.end())
        out.facts["end"] = t.found(end, first.start(), second.end())
        return


def _duration(t: _Text, out: Reading) -> None:
    m = _DURATION.search(t.text)
    if m is not None:
        out.facts["duration"] = t.found(t.written(*m.span("d")), m.start(), m.end())


def _remit(t: _Text, out: Reading) -> None:
    at = t.text.find("受理反映")
    if at >= 0:
        s_stop = t.sentence(at)[1]
        stop = t.text.find("问题", at, s_stop)
        if stop > at:
            body = t.written(at + len("受理反映"), stop)
            targets = [x for x in re.split(r"[、和,]", body) if x]
            if targets:
                out.facts["targets"] = t.found(targets, at, stop)
            hits = list(_FORMS.finditer(t.text, stop, s_stop))
            if hits:
                forms = list(dict.fromkeys(h.group() for h in hits))
                out.facts["contact_forms"] = t.found(forms, at, hits[-1].end())
    for hit in re.finditer("违反", t.text):
        # "违反政治纪律、组织纪律…等方面": the disciplines up to 等 or the sentence's end
        at = hit.start()
        window = t.text[at : at + 4 * _NEAR]
        ends = [i for i in (window.find("等"), window.find("。")) if i > 0]
        stop = at + min(ends, default=len(window))
        disciplines = _DISCIPLINE.findall(t.text, at, stop)
        if disciplines:
            out.facts["disciplines"] = t.found(disciplines, at, stop)
            break
    at = t.text.find("不属于巡视受理范围")
    if at >= 0:
        start, stop = t.sentence(at)
        out.facts["outside_remit"] = t.found(t.written(start, stop), start, stop)


_READERS: tuple[Callable[[_Text, Reading], None], ...] = (
    _group, _leader, _phones_box, _hours, _duration, _remit,
)  # fmt: skip

# Facts a complete campaign states (deputies are optional: not every notice names them).
EXPECTED = (
    "group", "province", "mission", "leader", "phones", "po_box", "postcode", "hours", "days",
    "start", "end", "duration", "contact_forms", "targets", "disciplines", "outside_remit",
)  # fmt: skip


def read(text: str, year: int | None = None) -> Reading:
    """The facts `text` states, each with its source; the missing ones named.

    `year` is the campaign's year when the notice writes only months and days.
    """
    t = _Text(text)
    out = Reading()
    for reader in _READERS:
        reader(t, out)
    _period(t, out, year)
    out.missing = [name for name in EXPECTED if name not in out.facts]
    _other_numbers(t, out)
    return out


def _other_numbers(t: _Text, out: Reading) -> None:
    """Phone numbers the notice gives besides the duty lines: the maintainer decides."""
    taken = set(out.value("phones") or [])
    others = [n for n in dict.fromkeys(_PHONE.findall(t.text)) if n not in taken]
    if others:
        out.notes.append(
            "公告里还有这些电话号码,没有当作值班电话写入:"
            + "、".join(others)
            + ";如果也是巡视组的值班电话,请加到 facts.phones"
        )


def quote(text: str, values: list[str]) -> str | None:
    """The notice's own words that state the most of `values`, or None if none is stated.

    The shortest run of clauses within one sentence that holds the most of the values
    (compared in canonical form), as the notice writes it: with the values ["8:30",
    "17:30"], "受理电话时间为上午8时30分至下午5时30分" is quoted from a notice writing that.
    """
    t = _Text(text)
    wanted = [canonical(v) for v in values if v]
    best: tuple[int, int, int, int] | None = None  # (-count, length, start, stop)
    for start, stop in _sentence_spans(t.text):
        sentence = t.text[start:stop]
        hits = [(at, at + len(v)) for v in wanted if (at := sentence.find(v)) >= 0]
        if not hits:
            continue
        a, b = t.clause(start + min(h[0] for h in hits), start + max(h[1] for h in hits))
        key = (-len(hits), b - a, a, b)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    a, b = t.origin(best[2], best[3])
    return text[a:b].strip()


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"[。\n]", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)
