"""What a message carries, computed once: persons, posts, bodies, deeds, amounts, traces…

`Patterns` compiles the lexicon into regular expressions once; `Features.of` searches each
of them once per message. The rules (`rules.py`) only combine these booleans.

Every pattern runs in linear time on any input: no quantifier is unbounded (a run is
written `{0,12}`, not `*`) and none is nested, so each start position costs a bounded
number of steps (tests/test_guard_linear.py walks every pattern to prove it). Where a run
can be long (digits, an e-mail), a lookbehind lets it start only at the beginning of the
run: `(?<![\\d,.])\\d[\\d,.]{0,15}` is tried once per number, not once per digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from bot.guard.lexicon import Lexicon
from bot.text import has_cjk

_HAN = r"\u4e00-\u9fff"
_STOP = r"\s,.!?"  # where a clause ends, once folding has made punctuation ASCII
# The provinces' one-character abbreviations, as on licence plates (辽A12345).
_PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"


def _word(word: str, prefix: bool = False) -> str:
    """One lexicon word as a pattern: Latin words whole (a space optional), Chinese as is."""
    if not word.isascii():
        return re.escape(word)
    body = r"\s?".join(re.escape(part) for part in word.split())
    return rf"\b{body}" if prefix else rf"\b{body}\b"


def _words(words: Iterable[str], prefix: bool = False) -> str:
    """An alternation, longest first (so that 收了 is not found inside 收了钱 as 收)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_word(w, prefix) for w in ordered) + ")"


class Patterns:
    """The lexicon compiled, once. Each attribute that is a `re.Pattern` is one feature's."""

    def __init__(self, lex: Lexicon) -> None:
        surname = f"[{lex.surnames}]"
        common = f"[{lex.common_surnames}]"
        compound = _words(lex.compound_surnames)
        titles = f"(?:副?{_words(lex.titles)}|{_words(lex.officials)})"
        acts = _words(lex.acts)
        not_name = _words(lex.not_names)
        self.title = re.compile(f"{titles}|{_words(lex.titles_latin)}")
        self.body = re.compile(_words(lex.bodies))
        self.deed = re.compile(f"{_words(lex.deeds)}|{_words(lex.deeds_latin, prefix=True)}")
        self.kind_of_problem = frozenset(lex.kinds_of_problem)
        # The Latin "took … yuan": the verb here, the amount by `amount`.
        self.took = re.compile(r"\btook\b")
        self.amount = re.compile(
            r"(?<![\d,.])\d[\d,.]{0,15}\s?(?:万|千|百|亿|元|块|w\b|k\b|million|thousand|yuan|rmb"
            r"|wan\b)"
            r"|[一二两三四五六七八九十百千几数]{1,6}\s?(?:万|亿)"
            r"|\b(?:yi|er|liang|san|si|wu|liu|qi|ba|jiu|shi|ji) ?(?:wan|qian) ?(?:kuai|yuan)?\b"
        )
        # Someone the writer knows by post: 我们局长, 我们单位的一把手, 营口港的刘总.
        self.known = re.compile(
            rf"{_words(lex.possessives)}[^{_STOP}]{{0,6}}?(?:{titles}|{_words(lex.bodies)})"
            rf"|{titles}的{_words(lex.relations)}"
            rf"|{common}总(?![共结体部之统])"
            r"|\b(?:my|our) (?:boss|director|mayor|chief|secretary)\b"
        )
        # A person: 张某, 某某, 姓王的, 叫韩立新, 局长李国庆, 王建国局长, 孙书记, 李国栋公款吃喝,
        # 市委的李国栋, 司马光局长.
        self.name = re.compile(
            rf"{surname}某{{1,3}}|某某|姓[{_HAN}](?:的|[{_STOP}]|$)|名叫"
            rf"|叫{surname}[{_HAN}]{{1,2}}(?:的|[{_STOP}]|$)"
            rf"|(?:{compound}|(?!{not_name}){common})[{_HAN}]{{0,2}}{titles}"
            rf"|{titles}\s?(?:{compound}|(?!{not_name}){common})[{_HAN}]{{1,2}}"
            rf"|(?:{compound}|(?!{not_name}){common})[{_HAN}]{{1,2}}{acts}"
            rf"|(?:委|局|厅|院|所|厂|公司|单位|部|处|科|办|行)的{common}[{_HAN}]{{1,2}}"
        )
        # Known by initials or pinyin: X处长, w局长, zjl. The letters were split from the
        # Chinese by `_split_scripts`, so 'x 处长'.
        self.initials = re.compile(rf"\b[a-z]{{1,2}}\s?{titles}")
        self.pinyin_initials = re.compile(r"\b[bcdfghjklmnpqrstwxyz]{2,4}\b")
        self.not_initials = frozenset(lex.not_initials)
        # 举报刘卫东, 举报王局长: a bare 举报 naming whom.
        self.report_name = re.compile(
            rf"举报\s?(?:{compound}|(?!{not_name}){common})"
            rf"(?:[{_HAN}]{{1,2}}(?:$|[{_STOP}的]|{titles}|{acts}|{_words(lex.deeds)})|某|{titles})"
        )
        self.report_verb = re.compile(
            rf"{_words(lex.report_verbs)}|{_words(lex.investigation_requests)}"
            r"|^\s?举报\s?[:,]|^\s?report\s?:|^\s?ju ?bao\b|^\s?报告\s?[!:,]"
            # a message that opens by naming whom it reports: 举报锦州市公安局长…
            r"|^\s?举报(?!电话|信|材料|方式|途径|渠道|的|需要|要|怎么|什么|哪|人|了|后|完|是|能|可以|有)"
        )
        self.investigate = re.compile(_words(lex.investigation_requests))
        self.go_and_check = re.compile(_words(lex.go_and_check))
        # Sending material to the bot, or asking it to pass something on. Posting material to
        # the group's PO box (寄材料) is a question for the mail topic, not this.
        self.send = re.compile(
            r"(?:发|传|交|提供|寄)[给到]?(?:你|您|机器人|这里|这儿|这)|上传|附件"
            rf"|(?:发|传)[^{_STOP}]{{0,4}}给(?:你|您)|给(?:你|您)(?:们)?发"
        )
        self.forward = re.compile(
            rf"{_words(lex.forward_requests)}"
            r"|帮我把.{0,12}(?:交|转|递|送|带)给"
            # evidence the writer holds: 我有他收钱的视频, 我偷拍了视频
            r"|我有[^,.!?]{0,8}(?:视频|录音|录像|照片|截图|证据|账本)|(?:悄悄)?拍了(?:视频|照片)"
            r"|\bi (?:have|got) (?:the |some )?"
            r"(?:photos|pictures|recordings?|documents|records|evidence|proof)"
        )
        # Asking the bot itself to register or file: 帮我登记一下, 麻烦你们给我立个案.
        self.filing = re.compile(
            rf"{_words(lex.requests_to_bot)}[^{_STOP}]{{0,4}}{_words(lex.filing_requests)}"
        )
        self.private = re.compile(_words(lex.private))
        self.material = re.compile(_words(lex.materials))
        self.praise = re.compile(_words(lex.praise))
        self.income = re.compile(_words(lex.income))
        self.wealth = re.compile(_words(lex.wealth))
        self.smalltalk = re.compile(_words(lex.smalltalk))
        self.question = re.compile(
            rf"{_words(lex.question_words)}|\?"
            r"|(?<!好)几(?![十百千万])|哪(?=$|[\s,.!?])"
            # Northeastern yes/no questions end in 不 or 没: 能找巡视组不?
            rf"|[^{_STOP}]不(?:$|[{_STOP}])|[^{_STOP}]没(?:有)?(?:$|[{_STOP}])"
            rf"|([{_HAN}])[不没]\1"  # 归不归, 管不管, 有没有
        )
        self.hypothetical = re.compile(
            rf"{_words(lex.hypotheticals)}|(?<![\d一二三四五六七八九十百千几])万一"
            r"|一个[^\s,.!?]{0,3}(?:长|书记|领导|干部)"
        )
        self.remit = re.compile(_words(lex.remit_questions))
        # One person spoken of (他, not 他们: "快递公司说不归他们管" is about a company).
        self.third = re.compile(r"[他她](?!们)|\b(?:his|her|he|she)\b")
        self.long_digits = re.compile(r"(?<!\d)\d{7,20}")
        # A licence plate, separators allowed (辽A88888, 辽A·12345, 辽 a 12345), or a company's
        # registration code: a specific vehicle or company.
        self.code = re.compile(
            rf"[{_PLATE_PROVINCES}]\s?[a-z][\s·.\-•]{{0,2}}[a-z0-9]{{5,6}}(?![a-z0-9])"
            r"|(?<![0-9a-z])[0-9a-z]{15}"
        )
        # Ways to find a person or their money: e-mail, web links, WeChat ids, card numbers,
        # addresses. Each run starts only where a run can start (the lookbehinds).
        self.contact = re.compile(
            r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,63}"
            r"|(?<![\w/])(?:https?://|www\.)\S{1,200}"
            r"|微信号?[是:\s]{0,3}[a-z][\w-]{4,30}|wxid_\w{1,40}"
            r"|[路街道巷]\d{1,5}号|尾号\s?\d{4}"
            r"|(?<!\d)\d{4}[\s-]\d{4}[\s-]\d{4}(?:[\s-]?\d{1,7})?|\d{1,4}栋|\d{1,4}单元|\d{1,4}号楼"
            r"|\d{3,4}室"
        )
        self.units = re.compile(r"[a-z0-9]{1,20}|[^\sa-z0-9]")  # a character or a Latin word
        self.split_scripts = re.compile(rf"(?<=[{_HAN}])(?=[a-z])|(?<=[a-z])(?=[{_HAN}])")
        # 王 建 国: characters typed one by one with spaces; joined back before matching.
        self.spaced = re.compile(rf"(?<![{_HAN}])[{_HAN}](?: [{_HAN}](?![{_HAN}])){{1,30}}")

    def all(self) -> Iterator[tuple[str, re.Pattern[str]]]:
        """(name, pattern) of every pattern, for the linear-time test."""
        for name, value in vars(self).items():
            if isinstance(value, re.Pattern):
                yield name, value


# A narrative this long that accuses someone is a report even when phrased as a question.
NARRATIVE = 40
# A named person in a message this long is being told about, not asked about.
NAMED_STORY = 15
# An accusation this long is a story told, even with a question at its end (…这事你们管不管?).
STORY = 22


def prepare(folded: str, p: Patterns) -> str:
    """Spaced characters joined (王 建 国 → 王建国), Latin split from Chinese (x处长 → x 处长)."""
    joined = p.spaced.sub(lambda m: m.group().replace(" ", ""), folded)
    return p.split_scripts.sub(" ", joined)


@dataclass(frozen=True, slots=True)
class Features:
    """Everything the rules look at; each field is computed by one search of one pattern."""

    deed: bool  # any misconduct word (收了, 违纪, 公款)
    concrete: bool  # a deed done, not only a kind of problem (收了一套房, not 违纪)
    title: bool  # a post (局长, 一把手, mayor)
    body: bool  # an office or body (教育局, 医院)
    third: bool  # one person spoken of (他, 她)
    question: bool  # asks something, outside small talk (在吗 does not count)
    smalltalk: bool  # thanks, greetings, 顺便说一句
    report_verb: bool  # 我要举报, 揭发, 彻查
    bare_report_name: bool  # 举报刘卫东
    person: bool  # a name, 张某, 某某, initials
    named: bool  # a person other than the anonymous 某某
    initials: bool  # X处长, zjl
    known: bool  # 我们局长, 营口港的刘总
    amount: bool  # 50万, 十万, wu wan
    code: bool  # a licence plate or a registration code
    contact: bool  # an e-mail, a link, a WeChat id, an address
    traces: bool  # contact, or a long number that is not ours
    investigate: bool  # 彻查, 查一下
    go_and_check: bool  # 去查就知道了
    send: bool  # 发给你, 上传
    forward: bool  # 帮我转交, 我有录音
    filing: bool  # 帮我登记, 给我立个案
    private: bool  # 私下, 加我
    material: bool  # 材料, 证据
    praise: bool  # 真有本事
    income: bool  # 工资, 月薪
    wealth: bool  # 别墅, 房子一套接一套
    hypothetical: bool  # 如果, 要是, 算不算
    remit: bool  # 归巡视组管不管, 属于…范围
    units: int  # length in characters and Latin words

    @property
    def story(self) -> bool:
        return self.units >= STORY

    @property
    def accuse(self) -> bool:
        """An office or a body that did wrong: 局长受贿, 国土分局违规批地."""
        return (self.title or self.body) and self.deed

    @property
    def someone(self) -> bool:
        """Somebody in particular is spoken of."""
        return self.title or self.known or self.third or self.named

    def fired(self) -> tuple[str, ...]:
        """The names of the features present, for `explain`."""
        return tuple(
            f.name for f in fields(self) if f.name != "units" and getattr(self, f.name)
        )

    @classmethod
    def of(cls, folded: str, known_numbers: frozenset[str], p: Patterns) -> Features:
        text = prepare(folded, p)
        deeds = [m.group() for m in p.deed.finditer(text)]
        names = [m.group() for m in p.name.finditer(text)]
        # zjl stands for a name only among Chinese words: "my" in English is a word.
        initials = bool(p.initials.search(text)) or (
            has_cjk(text)
            and any(m.group() not in p.not_initials for m in p.pinyin_initials.finditer(text))
        )
        contact = bool(p.contact.search(text))
        numbers = {m.group() for m in p.long_digits.finditer(text.replace("-", ""))}
        asked = p.smalltalk.sub(" ", text)
        amount = bool(p.amount.search(text))
        return cls(
            deed=bool(deeds) or (bool(p.took.search(text)) and amount),
            concrete=any(d not in p.kind_of_problem for d in deeds),
            title=bool(p.title.search(text)),
            body=bool(p.body.search(text)),
            third=bool(p.third.search(text)),
            question=bool(p.question.search(asked)),
            smalltalk=asked != text,
            report_verb=bool(p.report_verb.search(text)),
            bare_report_name=bool(p.report_name.search(text)),
            person=bool(names) or initials,
            named=any(n != "某某" for n in names) or initials,
            initials=initials,
            known=bool(p.known.search(text)),
            amount=amount,
            code=bool(p.code.search(folded)),  # 辽A00888 is one token: before the split
            contact=contact,
            traces=contact or bool(numbers - known_numbers),
            investigate=bool(p.investigate.search(text)),
            go_and_check=bool(p.go_and_check.search(text)),
            send=bool(p.send.search(text)),
            forward=bool(p.forward.search(text)),
            filing=bool(p.filing.search(text)),
            private=bool(p.private.search(text)),
            material=bool(p.material.search(text)),
            praise=bool(p.praise.search(text)),
            income=bool(p.income.search(text)),
            wealth=bool(p.wealth.search(text)),
            hypothetical=bool(p.hypothetical.search(text)),
            remit=bool(p.remit.search(text)),
            units=len(p.units.findall(text)),
        )
