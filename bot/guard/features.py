"""What a message carries, computed once: persons, posts, bodies, deeds, amounts, traces…

`Patterns` compiles the lexicon into regular expressions once; `Features.of` searches each
of them once per message. The rules (`rules.py`) only combine these booleans.

Every pattern runs in linear time on any input: no quantifier is unbounded (a run is
written `{0,12}`, not `*`) and none is nested, so each start position costs a bounded
number of steps (tests/test_guard_linear.py walks every pattern to prove it). Where a run
can be long (digits, an e-mail), a lookbehind lets it start only at the beginning of the
run: `(?<![\\w.+-])[\\w.+-]{1,64}@` (an e-mail) is tried once per word, not once per letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from bot.guard.words import Lexicon
from bot.matcher import syllables
from bot.text import MAX_FOLDED, has_cjk

_HAN = r"\u4e00-\u9fff"
_STOP = r"\s,.!?"  # where a clause ends, once folding has made punctuation ASCII
# 举报张建国去哪: where to go, asked right after a name
_ASKED_WHERE = "(?:去哪|上哪|到哪|往哪|找谁)"
# Latin glued to Chinese is split apart before matching (x处长 → x 处长), words and text alike.
_SPLIT_SCRIPTS = re.compile(rf"(?<=[{_HAN}])(?=[a-z])|(?<=[a-z])(?=[{_HAN}])")
# The provinces' one-character abbreviations, as on licence plates (辽A12345).
_PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"


def _latin(word: str, prefix: bool = False) -> str:
    """`\\bword\\b` written to start with its first letter: b(?<!\\wb)oss\\b.

    A pattern whose every branch starts with a literal lets `re` skip to the places where
    one of them occurs; a branch starting with `\\b` makes it try every branch at every
    position (100 times slower on a long message). A space in a word is optional.
    """
    first = re.escape(word[0])
    rest = r"\s?".join(re.escape(part) for part in word[1:].split(" "))
    return rf"{first}(?<!\w{first}){rest}" + ("" if prefix else r"\b")


def _word(word: str, prefix: bool = False) -> str:
    """One lexicon word as a pattern: Latin words whole, Chinese as `prepare` leaves it (u盘
    → u 盘: the text it is matched against has its scripts split)."""
    return _latin(word, prefix) if word.isascii() else re.escape(_SPLIT_SCRIPTS.sub(" ", word))


def _flat(words: Iterable[str], prefix: bool = False) -> str:
    """An alternation, longest first (so that 收了钱 is preferred to 收了), ungrouped."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(_word(w, prefix) for w in ordered)


def _words(words: Iterable[str], prefix: bool = False) -> str:
    """The alternation as a group, behind a lookahead on its first characters: inside a
    longer pattern (王[\u4e00-\u9fff]{0,2}{titles}) most positions then fail at one class
    test instead of trying every word."""
    words = list(words)
    return f"{_starts(words)}(?:{_flat(words, prefix)})"


def _starts(*groups: Iterable[str]) -> str:
    """A lookahead on the characters a match can start with: (?=[我咱他…]).

    For a pattern whose branches begin with groups, `re` would try every branch at every
    position; this one class test turns most positions away at once.
    """
    chars = sorted({w[0] for words in groups for w in words})
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


# Words dictated one by one: this many in a row, each this short, are one clause typed with
# pauses (我们村 朴书记 集体的 土地 卖了 钱 → 我们村朴书记集体的土地卖了钱).
_DICTATED_RUN = 4
_DICTATED_WORD = 3


class Patterns:
    """The lexicon compiled, once; every `re.Pattern` attribute serves one feature."""

    def __init__(self, lex: Lexicon) -> None:
        surname = f"[{lex.surnames}]"
        # Not a surname: money (收了五万块钱, 十来万算受贿吗: 钱 and 万 after a unit or a
        # numeral), nor the end of a word (属于省级领导, 村主任要是贪了: 于, 任 close 属于, 主任).
        not_before = r"块元属关由对等主责信紧\d一二两三四五六七八九十百千几来多余"
        common = f"(?<![{not_before}])[{lex.common_surnames}]"
        compound = _words(lex.compound_surnames)
        posts = [*lex.titles, *(f"副{t}" for t in lex.titles), *lex.officials]
        titles = _words(posts)
        acts = _words(lex.acts)
        not_name = _words(lex.not_names)
        self.title = re.compile(f"{_flat(posts)}|{_flat(lex.titles_latin)}")
        # Words that only look like a post or a deed, and what they are renamed to.
        self.not_titles = {**lex.not_titles, **lex.not_deeds}
        self.not_title = re.compile(_flat(self.not_titles) or "(?!)")
        self.body = re.compile(_flat(lex.bodies))
        self.deed = re.compile(f"{_flat(lex.deeds)}|{_flat(lex.deeds_latin, prefix=True)}")
        # 有人 贪 建委 老周: words dictated one by one; 贪 alone is a deed, 贪玩 is none.
        self.lone_deed = re.compile(
            rf"(?<![^{_STOP}])(?:{_flat(lex.lone_deeds) or '(?!)'})(?![^{_STOP}])"
        )
        self.kind_of_problem = frozenset(lex.kinds_of_problem)
        self.service_deed = frozenset(lex.service_deeds)
        self.professional = re.compile(_flat(lex.professionals) or "(?!)")
        self.service_body = frozenset(lex.service_bodies)
        self.bill = frozenset(lex.bills)
        self.lower_level = re.compile(_flat(lex.lower_levels) or "(?!)")
        self.upper_level = re.compile(_flat(lex.upper_levels) or "(?!)")
        self.counterpart = re.compile(_flat(lex.counterparts) or "(?!)")
        # 队长说我睡岗扣了半个月工资: the writer's own pay docked, a labour dispute (12333).
        # (扣了我三个月工资, 我工资被扣了: the writer before or after the docking)
        self.pay_deed = frozenset(lex.pay_deeds)
        docked, pay = _flat(lex.pay_deeds) or "(?!)", _flat(lex.pay) or "(?!)"
        self.own_pay = re.compile(
            rf"我[^{_STOP}]{{0,8}}(?:{docked})[^{_STOP}]{{0,6}}(?:{pay})"
            rf"|(?:{docked})我们?的?[^{_STOP}]{{0,6}}(?:{pay})"
            rf"|我的?(?:{pay})被"
        )
        # "took … yuan": the verb here, the amount by `amount`; in Chinese only when someone is
        # named to have taken it (LJZ拿了人家三百万; 孩子拿了家里五百 tells of nobody).
        self.took = re.compile(_latin("took"))
        self.took_zh = re.compile(
            r"(?<![我俺咱])(?:拿了|捞了|吞了|弄走了|收(?=[\d一二两三四五六七八九十几百千万]))"
        )
        # 每回来都拿两斤烤肠不给钱, 要了二十斤参 一分钱没给: goods taken unpaid, whatever the
        # goods.
        self.took_unpaid = re.compile(
            rf"[拿吃要]了?[^{_STOP}]{{1,8}}?(?:不给钱|[\s,]?一分钱[都也]?[没不]给)"
        )
        # The last 16 characters of a run of digits are enough to see its unit.
        # Possessive: the run never gives back a digit, none of which could be the unit.
        self.amount = re.compile(
            r"\d[\d,.]{0,15}+\s?个?(?:万|千|百|亿|元|块|w\b|k\b|million|thousand|yuan|rmb|wan\b)"
        )
        self.amount_in_words = re.compile(
            # 十来万, 八十多万, 三百余万: a round figure is still an amount
            r"[一二两三四五六七八九十百千几数]{1,6}[来多余个]?\s?(?:万|亿|千块|千元|百块|百元)|万把块|千把块"
            # 一张五千, 收了我八千: thousands taken or given, ending the clause, are money
            rf"|(?:收了?我?|给了|交了|要了|拿了|一张)[一二两三四五六七八九]千(?=[{_STOP}]|$)"
            # 一户五百, 每人两千: a levy per household or head
            r"|(?:一户|一家|每户|每家|每人|一人)[一二两三四五六七八九][十百千]"
        )
        numerals = ("yi", "er", "liang", "san", "si", "wu", "liu", "qi", "ba", "jiu", "shi", "ji")
        self.amount_in_pinyin = re.compile(
            rf"{_words(numerals, prefix=True)} ?(?:wan|qian) ?(?:kuai|yuan)?\b"
        )
        # Someone the writer knows by post: 我们局长, 我们单位的一把手, 营口港的刘总.
        self.known = re.compile(
            _starts(lex.possessives, posts, lex.kin, ("总", "my", "our", "某", "管", "负责"))
            # 某厅的副厅长, 某区区长: one post-holder, his name held back (某位副省长, 某个局长 is
            # anyone, in a supposition); 营口港上管调度的那位: pointed at
            + rf"(?:某(?![位个一些])[{_HAN}]{{1,3}}的?{titles}"
            rf"|(?:管|负责)[{_HAN}]{{1,4}}的那(?:位|个人)"
            # 我们镇上那些干部: a kind of official, not one in particular
            # (我们县里有个局长收钱,这种…: "a" 局长 of our county is anyone)
            # (跟他们反映学校乱收费: 他们 are whom one tells, not whose school it is)
            rf"|{_words(lex.possessives)}(?:(?!反映|举报|投诉)[^{_STOP}]){{0,6}}?"
            rf"(?<!那些)(?<!这些)(?<!有些)(?<!有个)(?<!一个)"
            rf"(?:{titles}|{_words(lex.bodies)})"
            rf"|{titles}的{_words(lex.relations)}"
            # 我姐夫在抚顺当官: family or friends, and their post within a few characters
            rf"|{_words(lex.kin)}[^{_STOP}]{{0,8}}?{titles}"
            rf"|总(?<={common}总)(?![共结体部之统])"
            rf"|{_words(['my', 'our'], prefix=True)} (?:boss|director|mayor|chief|secretary)\b)"
        )
        # A person: 张某, 某某, 姓王的, 叫韩立新, 局长李国庆, 王建国局长, 孙书记, 李国栋公款吃喝,
        # 市委的李国栋, 司马光局长.
        offices = ("委", "局", "厅", "院", "所", "厂", "公司", "单位", "部", "处", "科", "办", "行")
        self.name = re.compile(
            _starts(
                lex.surnames, lex.compound_surnames, posts, offices, lex.titles_latin,
                lex.surnames_latin,
                ("某", "姓", "名叫", "那谁", "叫", "外号", "绰号", "这个人", "此人", "告", "得罪"),
            )
            # 姓王的; not the writer's own (我姓韩, 今年六十八)
            # …and 姓韩那个, 外号叫黑子: someone pointed at by a surname or a nickname
            # (姓崔 他, dictated word by word, is joined to 姓崔他)
            + rf"(?:{surname}某{{1,3}}|某某"
            rf"|姓(?<![我俺]姓)(?!名)[{_HAN}](?:的|那|这|他|她|[{_STOP}]|$)"
            r"|外号叫|绰号叫|名叫"
            rf"|叫{surname}[{_HAN}]{{1,2}}(?:的|[{_STOP}]|$)"
            # 查查这个人:张国富, 此人 王建国: a name pointed at, standing as a word; 告了周大彪
            # 咱省那谁: someone pointed at, the name held back
            r"|(?<=[省市县区局厅])那谁"
            r"|(?<=懂的)那位|(?<=就)那位"  # 你懂的那位, 就那位: someone pointed at by a hint
            rf"|(?:这个人|此人|告了|告过|得罪了)[ :]?{surname}[{_HAN}]{{1,2}}"
            rf"(?=[{_STOP}]|$|才|就|以后)"
            # 给抚顺的王局送了二十万, 找李处办的: a surname and the office, the way a chief is
            # called to his face (王局 for 王局长). Not 局里, 局面, 处理 (a word of the office),
            # nor 对于局势 (a surname only after a word's end)
            rf"|(?<![^{_STOP}的给找跟和叫是那这说请])(?!{not_name}){common}[局处]"
            r"(?![长里面子级势室理分罚置所])"
            # 市场管理处老赵, 监管所的小刘: an office's 老 or 小 and a surname
            rf"|{_words(offices)}的?[老小]{common}"
            # 葫芦岛 老高 受贿: 老 and a surname, standing alone as a word
            rf"|(?<![{_HAN}])老{common}(?=[{_STOP}]|$)"
            # (基金被经理人忽悠: 被 is no part of a name, so 金被经理 is none)
            rf"|(?:{compound}|(?!{not_name}){common})(?:(?![被把让给的])[{_HAN}]){{0,2}}{titles}"
            rf"|{titles}\s?(?:{compound}|(?!{not_name}){common})[{_HAN}]{{1,2}}"
            # 主任挪用公款 is a post and a deed, not 任挪用 and 公款: the name is no act itself
            rf"|(?:{compound}|(?!{not_name}){common})(?!{acts})[{_HAN}]{{1,2}}{acts}"
            rf"|{_words(offices)}的{common}[{_HAN}]{{1,2}}"
            # 计生办的赵 kk: an office's surname with letters for the given name; GA局的LJ
            rf"|{_words(offices)}的{common} ?[a-z]{{1,3}}\b"
            rf"|{_words(offices)}的 ?(?!(?:{_flat(lex.not_initials)})\b)[a-z]{{2,3}}\b"
            # English and pinyin: a post then a surname, director zhao, chief wang lei; or a
            # Chinese post and the surname in pinyin, 镇长liu (split to 镇长 liu)
            rf"|(?:{_words(lex.titles_latin)}|{titles}) {_words(lex.surnames_latin)}\b"
            # …or a whole name in pinyin before the Chinese story: wang jian guo 这个人在营口港,
            # or before a pinyin one (li ming zai ju li: 在, 把, 给, 跟; no English word among them)
            rf"|\b{_words(lex.surnames_latin)} [a-z]{{2,8}}(?: [a-z]{{2,6}})?"
            rf"(?= ?[{_HAN}]| (?:zai|ba|gei|gen|cong|dui)\b)"
            # …or before a post in pinyin: wang jian jun fu ting zhang
            rf"|\b{_words(lex.surnames_latin)} [a-z]{{2,8}}(?: [a-z]{{2,6}})?"
            rf" {_words(lex.titles_latin)}\b)"
        )
        # Known by initials or pinyin: X处长, w局长, zjl. The letters were split from the
        # Chinese by `_split_scripts`, so 'x 处长'.
        # L处 takes cash: a letter and the office alone, the way a chief is called.
        self.initials = re.compile(
            rf"[a-z](?<!\w[a-z])[a-z]?\s?(?:{titles}|总|[处局科](?![{_HAN}]))"
        )
        consonant = "[bcdfghjklmnpqrstwxyz]"
        # wangxiaohong, lizhiqiang: a name in pinyin, a surname and one or two syllables.
        self.latin_word = re.compile(r"(?<![a-z])[a-z]{5,18}(?![a-z])")
        self.surnames_latin = tuple(sorted(lex.surnames_latin, key=len, reverse=True))
        self.syllables = syllables()
        self.pinyin_initials = re.compile(rf"{consonant}(?<!\w{consonant}){consonant}{{1,3}}\b")
        self.not_initials = frozenset(lex.not_initials)
        # 举报刘卫东, 举报王局长: a bare 举报 naming whom.
        self.report_name = re.compile(
            rf"举报\s?(?:{compound}|(?!{not_name}){common})"
            rf"(?:[{_HAN}]{{1,2}}(?:$|[{_STOP}的]|{titles}|{acts}|{_words(lex.deeds)}|{_ASKED_WHERE})"
            rf"|某|{titles})"
            # 举报营口鲅鱼圈的陈立新: a place, then the name, closing the clause
            rf"|举报[^{_STOP}]{{1,10}}?的(?:{compound}|(?!{not_name}){common})[{_HAN}]{{1,2}}"
            rf"(?=$|[{_STOP}])"
        )
        # 举报他, 举报她!: a report aimed at one person (not 他们)
        self.report_pronoun = re.compile(r"举报[他她](?!们)")
        self.report_verb = re.compile(
            f"{_flat(lex.report_verbs)}|{_flat(lex.investigation_requests)}"
        )
        # How a report opens (matched at the start only): 举报:…, 举报锦州市公安局长…
        self.report_opening = re.compile(
            r"\s?(?:举报\s?[:,]|report\s?:|ju ?bao\b|报告\s?[!:,]"
            r"|举报(?!电话|信|材料|方式|途径|渠道|的|需要|要|怎么|什么|哪|人|了|后|完|是|能|可以|有))"
        )
        self.investigate = re.compile(_flat(lex.investigation_requests))
        # 想查查我那个案子审到哪了: one's own case looked up, nobody to investigate
        self.own_matter = re.compile(
            r"我(?:的|那个|家的?)(?:案子|官司|事|档案|社保|工资|成绩|快递|材料|信|房子)"
        )
        # 看看账就清楚了, 查一查就知道了: a look that would tell, not a question
        self.go_and_check = re.compile(
            rf"{_flat(lex.go_and_check)}|[查看翻问][^{_STOP}]{{0,3}}就全?(?:知道|明白|清楚)"
        )
        self.directed = re.compile(_flat(lex.directed))
        # Sending material to the bot, or asking it to pass something on. Posting material to
        # the group's PO box (寄材料) is a question for the mail topic, not this.
        self.send = re.compile(
            r"(?:发|传|交|提供|寄)[给到]?(?:你|您|机器人|这里|这儿|这)|上传|附件"
            rf"|(?:发|传)[^{_STOP}]{{0,4}}给(?:你|您)|给(?:你|您)(?:们)?(?:发|传|寄)"
            # 你给个信箱我发过去: asking where to send it, to send it over
            r"|我(?:们)?(?:再|就|马上|这就)?(?:发|传|寄|送)(?:过去|过来)|给(?:你|您)们?送过去"
            # 加个微信我把东西发过去: what is sent, said with 把
            rf"|我把[^{_STOP}]{{0,6}}(?:发|传|寄)(?:过去|过来)"
            # 行车记录仪都录下来了 要不要给你们; 门牌号我都能告诉你们: offered to the bot
            r"|要不要给(?:你|您)|(?:你|您)们?要不要|要不要(?:寄|发|送)过去|我(?:都|也)?(?:能|可以)告诉(?:你|您)"
            # 寄6008号信箱还是直接给你们: handing it to the bot is one of the two offered
            r"|还是直接(?:交)?给(?:你|您)"
            rf"|{_words(['send', 'dm', 'upload', 'email', 'share', 'forward'], prefix=True)}"
            r" (?:you|u|it to you|them to you)\b"
        )
        self.read_back = frozenset(lex.read_back)
        self.forward = re.compile(
            rf"{_flat(lex.forward_requests)}"
            r"|帮我把.{0,12}(?:交|转|递|送|带)给"
            # 这个事情 巡视组 告诉一下: asked to tell the group, in either order
            r"|(?:帮我|替我|你|您)(?:去)?(?:告诉|转告)(?:一下)?巡视组|巡视组 ?(?:告诉|转告)一下"
        )
        # Evidence the writer holds: 我有他收钱的视频, 我偷拍了视频 (偷偷 folds to 悄悄); told,
        # it is offered; supposed (如果我有视频证据 是寄U盘还是…), it is a question of process.
        self.holds = re.compile(
            r"我这?有[^,.!?]{0,8}"
            r"(?:视频|录音|录像|照片|截图|证据|账本|u ?盘|硬盘|复印件|房产证|流水)"
            r"|拍了(?:视频|照片)"
            # U盘里是视频, 手机里有录音: where the evidence is kept, then what it is
            r"|(?:u ?盘|硬盘|手机|相机)里(?:是|有|存着)[^,.!?]{0,4}(?:视频|录音|录像|照片|截图)"
            # 照片在我这: the evidence, then where it is
            r"|(?:照片|视频|录音|证据|材料)在我(?:这|手里|手上)"
            # 我把证据整理好了: holding it said with 把
            r"|我(?:已经)?把(?:证据|材料|录音|视频|照片)[^,.!?]{0,4}(?:整理好|准备好)"
            # 材料我已经准备了二十多页: the evidence first, then that it is ready
            r"|(?:证据|材料|录音|视频|照片)我(?:已经|早就|都|也){0,2}(?:准备|整理|收集)"
            # 我把他们收钱的视频拍下来了: recorded, said with 把
            r"|我(?:已经)?把[^,.!?]{0,10}(?:拍下来|录下来)"
            # 照片合同我都有, 证据我都整理好了: the evidence first, then that one holds it
            r"|(?:照片|视频|录音|证据|材料|合同|账本)[^,.!?]{0,4}我(?:都|手里|手上)?"
            r"(?:有|整理好|准备好|拍好)"
            rf"|{_latin('i')} (?:have|got) (?:the |some |bank )?"
            r"(?:photos|pictures|recordings?|documents|records|evidence|proof|statements|files"
            r"|screenshots|receipts)"
        )
        # Asking the bot itself to register or file: 帮我登记一下, 麻烦你们给我立个案, please
        # log this (one space allowed: English words are spaced).
        self.filing = re.compile(
            # (还不给我立案 complains of the police: 不, 没 before the request deny it)
            rf"(?<![不没])(?<!不肯)(?<!不愿){_words(lex.requests_to_bot)}[^{_STOP}]{{0,6}}\s?"
            rf"{_words(lex.filing_requests)}"
        )
        self.private = re.compile(_flat(lex.private))
        self.to_you = re.compile(r"[给发传](?:你|您)")
        self.material = re.compile(_flat(lex.materials))
        # 一份材料,关于抚顺市委一位领导的事: what the material is about, one post-holder pointed
        # at (一位, 那个); 关于省领导的材料寄哪 points at nobody.
        self.about_one = re.compile(
            rf"(?:关于|有关)[^{_STOP}]{{0,12}}?(?:一位|那位|这位|某位|那个|这个|某个|某|我们|咱们)"
            rf"[^{_STOP}]{{0,3}}?{titles}"
        )
        self.praise = re.compile(_flat(lex.praise))
        self.insinuation = re.compile(_flat(lex.insinuations))
        self.disclaimer = re.compile(_flat(lex.disclaimers) or "(?!)")
        self.income = re.compile(_flat(lex.income))
        self.wealth = re.compile(_flat(lex.wealth))
        # Small talk and asides (在吗, 该不该说) ask the bot nothing; cut before `question`.
        # 马什么马国庆: a surname, 什么, the surname again, is a name being recalled; 什么活都能
        # 揽到 is "every job", no question.
        # An aside takes its question mark with it: 手上戴百达翡丽 这钱哪来的? asks nothing.
        self.smalltalk = re.compile(
            rf"(?:{_flat(lex.asides)})[\s?]{{0,3}}|{_flat(lex.smalltalk)}|(?P<sn>{surname})什么(?P=sn)"
            # 这不是骗补是什么: a rhetorical question asks nothing
            rf"|这不是[^{_STOP}]{{1,8}}?是什么[\s?]{{0,3}}"
            rf"|什么[{_HAN}]?都(?![^{_STOP}]{{0,8}}[吗么?])"
        )
        self.question = re.compile(
            rf"{_flat(lex.question_words)}|\?"
            # 几 asks, but not in 好几, 那几年, 这几天, 前几年, 十几趟 (a few, those few, a dozen)
            r"|(?<![那这前好头十])几(?![十百千万])|哪(?=$|[\s,.!?])"
            # A choice: 是去乡纪委还是县纪委 (还是 alone is "still": 路到现在还是土的)
            rf"|是[^{_STOP}]{{1,12}}?还是"
            # Northeastern yes/no questions end in 不 or 没: 能找巡视组不?
            # (手续一样没有, 什么都没有: "none at all", no question)
            rf"|不(?<=[^{_STOP}]不)(?:$|[{_STOP}])"
            rf"|没(?<=[^{_STOP}都也样么点全]没)(?:有)?(?:$|[{_STOP}])"
            # 归不归, 管不管, 有没有
            rf"|不(?<=([{_HAN}])不)\1|没(?<=([{_HAN}])没)\2"
        )
        self.hypothetical = re.compile(
            rf"{_flat(lex.hypotheticals)}|万(?<![\d一二三四五六七八九十百千几]万)一"
            # 收了五万算受贿吗, 五千够立案吗: does it count, not did it happen
            rf"|算[^{_STOP}]{{0,4}}吗|够[^{_STOP}]{{0,4}}吗"
        )
        self.supposition = re.compile(_flat(lex.suppositions) or "(?!)")
        # 一个局长, 我知道个局长: anyone holding a post, in a short question (那个局长 is one,
        # 几个局里的领导 some who are told of); in a long story it is a particular one
        # (…收钱的人说是给一个副厅长的辛苦费).
        self.indefinite = re.compile(
            r"(?<![那这哪几两三四五六七八九十0-9])个[^\s,.!?]{0,3}(?:长|书记|领导|干部)"
        )
        self.remit = re.compile(_flat(lex.remit_questions))
        self.remit_of_post = re.compile(_flat(lex.remit_of_posts) or "(?!)")
        self.what_to_do = re.compile(_flat(lex.what_to_do))
        self.went = re.compile(r"[上去]哪儿?去了")
        self.harm = re.compile(_flat(lex.harms) or "(?!)")
        self.impostor = re.compile(_flat(lex.impostors))
        # Asks how or to whom to report: 咋反映, 能跟巡视组反映不, who should i tell.
        self.asks_how = re.compile(
            r"(?:怎么|如何|咋|能|可以|该|向谁|找谁|跟谁|上哪|去哪|往哪|到哪)[^\s,.!?]{0,6}"
            r"(?:反映|举报|检举)"
            r"|(?:反映|举报)(?:不|吗|给谁|找谁)"
            # 举报省里的领导要怎么做: the how after the one to report
            r"|(?:反映|举报|检举)[^\s,.!?]{0,8}怎么(?:做|弄)"
            # 街道办的人违纪 找中央巡视组有用吗: whether the group is the place to go
            r"|(?:找|跟|向)(?:中央)?巡视组(?:说|反映)?(?:有用|管用|好使|行不行|能行|合适)"
            # 副局长违纪,能直接找中央巡视组吗: whether one may go to the group
            r"|(?:能|可以)(?:直接)?(?:找|跟|向)(?:中央)?巡视组"
            # 举报省里的领导 打哪个电话: by which line to report
            # (举报省里的领导,信往哪寄: past a comma too)
            r"|(?:反映|举报)[^.!?]{0,12}"
            r"(?:打哪个电话|打什么电话|往哪打|往哪寄|寄到哪|寄哪|去哪|上哪|到哪|找谁)"
            # 材料往哪送: where the material goes is how to report
            r"|(?:材料|举报信)[^\s,.!?]{0,4}(?:往哪|寄哪|送哪|交哪|给谁)"
            # 该怎么跟巡视组说, 能跟你们说吗: telling the group is reporting to it
            r"|(?:怎么|如何|该|能|可以)[^\s,.!?]{0,4}(?:跟|向|对)(?:巡视组|你们|您)(?:说|讲)"
            rf"|{_latin('who')} (?:should|do|can|would) i (?:tell|report|contact|call)"
            rf"|{_latin('how')} (?:do|can|should) i report"
        )
        # One person spoken of (他, not 他们: "快递公司说不归他们管" is about a company).
        self.third = re.compile(rf"他(?!们)|她(?!们)|{_flat(['his', 'her', 'he', 'she'])}")
        self.long_digits = re.compile(r"\d(?<!\d\d)\d{6,19}")
        # A licence plate, or a company's registration code: a specific vehicle or company. A
        # plate may have a separator after any character (辽A·12345, 辽-h-m3327, 辽 b 6 t 2 9 1),
        # or its province in pinyin, then a digit somewhere in it (liao a-9q2l7).
        sep = r"[\s·.\-•]"
        self.code = re.compile(
            rf"[{_PLATE_PROVINCES}]{sep}{{0,2}}[a-z]{sep}{{0,2}}[a-z0-9](?:{sep}?[a-z0-9]){{4,5}}"
            r"(?![a-z0-9])"
            rf"|l(?<![a-z]l)iao {sep}{{0,2}}[a-z]{sep}{{0,2}}"
            r"(?=[a-z]{0,5}\d)[a-z0-9]{5,6}(?![a-z0-9])"
        )
        self.registration = re.compile(r"[0-9a-z](?<![0-9a-z][0-9a-z])[0-9a-z]{14}")
        # Ways to find a person or their money: e-mail, web links, WeChat ids, card numbers,
        # addresses. Each run starts only where a run can start (the lookbehinds).
        self.contact = re.compile(
            r"@(?<=[\w.+-]@)[\w-]{1,63}\.[\w.]{1,63}"  # a local part before the @ is enough
            r"|h(?<![\w/]h)ttps?://\S{1,200}|w(?<![\w/]w)ww\.\S{1,200}"
            r"|微信[是:\s]{0,3}[a-z][\w-]{4,30}|微信号[是:\s]{0,3}[a-z][\w-]{4,30}|wxid_\w{1,40}"
            r"|路\d{1,5}号|街\d{1,5}号|道\d{1,5}号|巷\d{1,5}号|尾号\s?\d{4}"
        )
        # A card number in groups of four, a building, a unit, a flat.
        self.address_digits = re.compile(
            r"\d(?<!\d\d)\d{3}[\s-]\d{4}[\s-]\d{4}(?:[\s-]?\d{1,7})?"
            r"|\d{1,4}(?:栋|单元|号楼)|\d{3,4}室"
        )
        self.units = re.compile(r"[a-z0-9]{1,20}|[^\sa-z0-9]")  # a character or a Latin word
        self.split_scripts = _SPLIT_SCRIPTS
        # 王 建 国: characters typed one by one with spaces; joined back before matching; so
        # are initials spelt out (l d h, from L.D.H; z.y). Words dictated one by one are joined by
        # `_join_dictated`.
        self.spaced = re.compile(
            rf"[{_HAN}](?<![{_HAN}][{_HAN}])(?: [{_HAN}](?![{_HAN}])){{1,30}}"
            # 周·某·平: a name set apart by dots
            rf"|[{_HAN}](?<![{_HAN}][{_HAN}])(?:·[{_HAN}](?![{_HAN}])){{1,3}}"
            r"|[a-z](?<![a-z][a-z])(?:[ .·][a-z](?![a-z])){2,5}"
            # Z.Y., W·G: two initials are enough when dots set them apart (z y may be anything)
            r"|[a-z](?<![a-z][a-z])[.·][a-z](?![a-z])"
        )
        self.short_word = re.compile(rf"[{_HAN}]{{1,{_DICTATED_WORD}}}")
        # 盘锦的周 建 华, 陈 德 明 副市长: a surname and one or two characters, each set apart
        # by a space, is a name spelt out so as not to be matched (read before the join); a
        # particle, a pronoun or a verb is no part of one, and a digit ends none (几百块钱 嗯 这个:
        # 钱 after 块 is money; 低保金 打12345: 打 is the call).
        given = f"(?![{_NOT_GIVEN}])[{_HAN}]"
        self.spaced_name = re.compile(
            rf"(?<![{not_before}]){surname} (?:{given}|x(?= {given}))(?: {given})?(?=$|[\s,.!?])"
        )  # 刘 X 明: a character held back by an x

    def all(self) -> Iterator[tuple[str, re.Pattern[str]]]:
        """(name, pattern) of every pattern, for the linear-time test."""
        for name, value in vars(self).items():
            if isinstance(value, re.Pattern):
                yield name, value


# Never a given name's character in a name spelt out with spaces: particles, pronouns, links.
_NOT_GIVEN = "嗯啊呢吧吗哦呀了的是这那个我你他她们就都也还在和跟说有没不打去找给要能想问让被把叫"

# A narrative this long that accuses someone is a report even when phrased as a question.
NARRATIVE = 40
# A named person in a message this long is being told about, not asked about.
NAMED_STORY = 15
# An accusation this long is a story told, even with a question at its end (…这事你们管不管?).
STORY = 22


# `fold` already cuts here; the guard cuts again for any caller that folded otherwise.
MAX_CHARS = MAX_FOLDED


def _join_dictated(text: str, p: Patterns) -> str:
    """Runs of short Chinese words between single spaces, joined; a plain split and scan, so
    linear whatever the input."""
    parts = text.split(" ")
    out: list[str] = []
    run: list[str] = []
    for part in [*parts, ""]:
        if part and p.short_word.fullmatch(part):
            run.append(part)
            continue
        if len(run) >= _DICTATED_RUN:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        out.append(part)
    return " ".join(out[:-1])


def _pinyin_name(word: str, p: Patterns) -> bool:
    """wangxiaohong → wang + xiao + hong: a surname, then one or two syllables (bounded: at
    most six letters each)."""

    def given(rest: str, count: int) -> bool:
        if rest in p.syllables:
            return True
        return count > 1 and any(
            rest[:k] in p.syllables and given(rest[k:], count - 1)
            for k in range(1, min(6, len(rest) - 1) + 1)
        )

    return any(
        word.startswith(s) and len(word) > len(s) and given(word[len(s) :], 2)
        for s in p.surnames_latin
    )


def prepare(folded: str, p: Patterns) -> str:
    """Cut at MAX_CHARS; spaced characters joined (王 建 国 → 王建国); Latin split from
    Chinese (x处长 → x 处长); a word that only looks like a post or a deed renamed (班主任 →
    老师: the 主任 in it is no official; 签收了 → 签到了: no 收了)."""
    joined = p.spaced.sub(lambda m: m.group()[::2], folded[:MAX_CHARS])  # 王 建 国, l.d.h
    joined = _join_dictated(joined, p)
    joined = p.not_title.sub(lambda m: p.not_titles[m.group()], joined)
    return p.split_scripts.sub(" ", joined)


@dataclass(frozen=True, slots=True)
class Features:
    """Everything the rules look at, computed once per message by `of`."""

    deed: bool  # any misconduct word (收了, 违纪, 公款)
    concrete: bool  # a deed done, not only a kind of problem (收了一套房, not 违纪)
    title: bool  # a post (局长, 一把手, mayor)
    body: bool  # an office or body (教育局, 医院)
    third: bool  # one person spoken of (他, 她)
    question: bool  # asks something, outside small talk (在吗 does not count)
    smalltalk: bool  # thanks, greetings, 顺便说一句, 不知道该不该说
    report_verb: bool  # 我要举报, 揭发, 彻查
    bare_report_name: bool  # 举报刘卫东
    report_pronoun: bool  # 举报她
    person: bool  # a name, 张某, 某某, initials
    named: bool  # a person other than the anonymous 某某
    initials: bool  # X处长, L总: letters for a name, next to a post
    letters: bool  # zjl: pinyin initials standing alone, among Chinese words
    known: bool  # 我们局长, 营口港的刘总
    amount: bool  # 50万, 十万, wu wan
    code: bool  # a licence plate or a registration code
    contact: bool  # an e-mail, a link, a WeChat id, an address
    traces: bool  # contact, or a long number that is not ours
    investigate: bool  # 彻查, 查一下
    go_and_check: bool  # 去查就知道了
    directed: bool  # 你们去…, 巡视组来…
    send: bool  # 发给你, 上传
    forward: bool  # 帮我转交, 转给组长
    holds: bool  # 我有录音, 拍了视频
    filing: bool  # 帮我登记, 给我立个案
    private: bool  # 私下, 加我
    to_you: bool  # 给你, 发您
    material: bool  # 材料, 证据
    about_one: bool  # 关于…一位领导: what is told is about one post-holder
    praise: bool  # 真有本事
    disclaims: bool  # 俺不是告哪个干部: the writer says he reports nobody
    insinuation: bool  # 你懂的, 大家都懂
    income: bool  # 工资, 月薪
    wealth: bool  # 别墅, 房子一套接一套
    hypothetical: bool  # 如果, 要是, 算不算
    supposed: bool  # 如果, 要是: supposed outright, not only "does it count"
    remit: bool  # 归巡视组管不管, 属于…范围
    asks_how: bool  # 咋反映, 能举报吗, who should i tell
    what_to_do: bool  # 该怎么办, 找谁, what should i do
    impostor: bool  # 冒充领导, 骗子, 让我转: someone posing as an official, a fraud
    harmed: bool  # 让人偷捞了, 推了我一把: the writer's own loss or hurt
    service: bool  # 医院多收了三百: a service's overcharge, no official named (no deed then)
    sure: bool  # the learned model is sure it is a report (bot.learned.SURE)
    units: int  # length in characters and Latin words

    @property
    def story(self) -> bool:
        return self.units >= STORY

    @property
    def seeks_a_channel(self) -> bool:
        """It asks how to report, or where to go with it (咋反映, 找谁, 去哪说)."""
        return self.asks_how or self.what_to_do

    @property
    def accuse(self) -> bool:
        """An office or a body that did wrong: 局长受贿, 国土分局违规批地."""
        return (self.title or self.body) and self.deed

    @property
    def particular_other(self) -> bool:
        """Someone or some body other than the writer is told of: a person, a body, a plate
        or a trace (not a deed alone)."""
        return self.someone or self.person or self.body or self.code or self.traces

    @property
    def particular(self) -> bool:
        """Something in particular is told: someone or a body, or a deed, riches, a figure or
        material (你给个邮箱我发过去 offers material; 公家报销 is a deed)."""
        return self.particular_other or self.deed or self.wealth or self.amount or self.material

    @property
    def told_of_anyone(self) -> bool:
        """Anything told of someone: a post, a person, a deed, riches, a figure, material or a
        trace (a body alone, 转给纪委, is where a thing goes, not whom it is about)."""
        # `particular` without the body: someone, a deed, riches, a figure, material or a trace.
        told = self.deed or self.wealth or self.amount or self.material
        return told or self.someone or self.person or self.code or self.traces

    @property
    def identifying(self) -> bool:
        """Something to trace one case by: a name, a figure, a plate, a contact or a number."""
        return self.named or self.amount or self.code or self.traces

    @property
    def fraud_on_the_writer(self) -> bool:
        """Impostors after the writer's money, with no official told of (冒充公安让我转账): a
        matter for 110, not a report."""
        return self.impostor and not (self.person or self.title or self.known)

    @property
    def writer_harmed(self) -> bool:
        """The writer's own loss or hurt, by impostors or anyone, with no official or person
        told of (海参圈让人偷捞了 损失好几万; 那民警推了我一把 我想投诉他): a matter for 110 or
        a complaint line, not a report."""
        return self.fraud_on_the_writer or (
            self.harmed and not (self.person or self.title or self.known or self.letters)
        )

    @property
    def someone(self) -> bool:
        """Somebody in particular is spoken of (w处, zjl: by initials too)."""
        return self.title or self.known or self.third or self.named or self.initials or self.letters

    def fired(self) -> tuple[str, ...]:
        """The names of the features present, for `explain`."""
        return tuple(
            f.name for f in fields(self) if f.name != "units" and getattr(self, f.name)
        )

    @classmethod
    def of(
        cls, folded: str, known_numbers: frozenset[str], p: Patterns, sure: bool = False
    ) -> Features:
        text = prepare(folded, p)
        unsplit = folded[:MAX_CHARS]
        deeds = [m.group() for m in p.deed.finditer(text)]
        deeds += [m.group() for m in p.lone_deed.finditer(folded[:MAX_CHARS])]  # before joining
        deeds += [m.group() for m in p.took_unpaid.finditer(text)]
        title = bool(p.title.search(text))
        known = bool(p.known.search(text))
        names = [m.group() for m in p.name.finditer(text)]
        # 医院多收费: a service's overcharge is a complaint; 科长多收费, 计生办的赵某…不开票 are
        # an official's or a person's deed. So is what a doctor or a teacher does, no official
        # named (卫生院大夫收红包: 12320); 院长让大夫收红包 names one.
        # 船检站…多收八千 is an office's deed: only a hospital's or a school's bill is a service's.
        bodies = p.body.findall(text)
        official = title or known or bool(names) or any(b not in p.service_body for b in bodies)
        # 医院乱收费 住院三天收了一万多: beside an overcharge, 收了 is the bill itself.
        overcharged = all(d in p.service_deed or d in p.bill for d in deeds) and any(
            d in p.service_deed for d in deeds
        )
        professional = bool(p.professional.search(text))
        service = bool(deeds) and not official and (overcharged or professional)
        if service:
            deeds = []
        # 判决了法院不执行,对方照样开豪车: the riches of the other side of a lawsuit or a debt,
        # no post named, are no official's deed.
        if not title and p.counterpart.search(text):
            deeds = [d for d in deeds if not p.wealth.fullmatch(d)]
        if p.own_pay.search(text):
            deeds = [d for d in deeds if d not in p.pay_deed]
        initials = bool(p.initials.search(text))  # X处长: a letter for a name
        spelt_out = bool(p.spaced_name.search(unsplit))
        holds = bool(p.holds.search(text))
        income, wealth = bool(p.income.search(text)), bool(p.wealth.search(text))
        # zjl stands for a name only among Chinese words ("my" in English is a word), and
        # only with a deed (the rule): gdp in a long message is no one.
        letters = has_cjk(text) and (
            any(m.group() not in p.not_initials for m in p.pinyin_initials.finditer(text))
            or any(_pinyin_name(m.group(), p) for m in p.latin_word.finditer(text))
        )
        contact = bool(p.contact.search(text) or p.address_digits.search(text))
        numbers = {m.group() for m in p.long_digits.finditer(text.replace("-", ""))}
        asked = p.smalltalk.sub(" ", text)
        units = len(p.units.findall(text))
        amount = bool(
            p.amount.search(text)
            or p.amount_in_words.search(text)
            or p.amount_in_pinyin.search(text)
        )
        return cls(
            deed=bool(deeds)
            or (amount and bool(p.took.search(text)))
            or (amount and (letters or bool(names) or initials) and bool(p.took_zh.search(text))),
            concrete=any(d not in p.kind_of_problem for d in deeds),
            title=title,
            body=bool(bodies),
            third=bool(p.third.search(text)),
            question=bool(p.question.search(asked)),
            smalltalk=asked != text,
            report_verb=bool(p.report_verb.search(text) or p.report_opening.match(text)),
            bare_report_name=bool(p.report_name.search(text)),
            report_pronoun=bool(p.report_pronoun.search(text)),
            person=bool(names) or initials or spelt_out,
            named=any(n != "某某" for n in names) or initials or spelt_out,
            initials=initials,
            letters=letters,
            known=known,
            amount=amount,
            # 辽A00888 is one token: looked for before the split
            code=bool(p.code.search(unsplit) or p.registration.search(unsplit)),
            contact=contact,
            traces=contact or bool(numbers - known_numbers),
            investigate=bool(p.investigate.search(text)) and not p.own_matter.search(text),
            go_and_check=bool(p.go_and_check.search(text)),
            directed=bool(p.directed.search(text)),
            send=bool(p.send.search(text)),
            # 024-8888-1977 我念一遍你听听: one of our numbers read back to be checked
            forward=any(
                not (m.group() in p.read_back and numbers & known_numbers)
                for m in p.forward.finditer(text)
            ),
            holds=holds,
            filing=bool(p.filing.search(text)),
            private=bool(p.private.search(text)),
            to_you=bool(p.to_you.search(text)),
            material=bool(p.material.search(text)),
            about_one=bool(p.about_one.search(text)),
            praise=bool(p.praise.search(text)),
            disclaims=bool(p.disclaimer.search(text)),
            insinuation=bool(p.insinuation.search(text)),
            income=income,
            wealth=wealth,
            # 一个处级干部,媳妇不上班,一口气买了五套房,这得攒多少年工资; 一个县委书记老家盖了七层楼:
            # "a" post-holder whose riches are told is told of, not supposed (要是 still supposes);
            # so is one with a figure (一个副市长一晚上输了两千万) or on a video one holds.
            # (工资够吗 is an aside, rhetorical: it supposes nothing)
            hypothetical=bool(p.hypothetical.search(asked))
            or (
                units < NARRATIVE
                and bool(p.indefinite.search(text))
                and not (wealth or amount or holds)
            ),
            supposed=bool(p.supposition.search(text)),
            remit=bool(p.remit.search(text)) or (title and bool(p.remit_of_post.search(text))),
            asks_how=bool(p.asks_how.search(text)),
            # 钱上哪去了 asks where the money went, not where to go with it
            what_to_do=bool(p.what_to_do.search(p.went.sub(" ", text))),
            impostor=bool(p.impostor.search(text)),
            harmed=bool(p.harm.search(text)),
            service=service,
            sure=sure,
            units=units,
        )
