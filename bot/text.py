"""Normalisation of what people type on a phone, before any matching.

NFKC folds full-width forms, OpenCC folds traditional characters, a small table folds
colloquial and Northeastern phrasing onto standard words, and fillers are dropped, so the
matcher sees one spelling of each question.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Protocol

# Longest first, so that 啥时候 is rewritten before 啥.
_PHRASES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            # Northeastern and colloquial forms → standard Mandarin
            "咋整": "怎么办",
            "咋办": "怎么办",
            "咋弄": "怎么办",
            "咋地": "怎么",
            "咋的": "怎么",
            "咋": "怎么",
            "嘎哈": "干什么",
            "干哈": "干什么",
            "整啥": "干什么",
            "啥时候": "什么时候",
            "啥前儿": "什么时候",
            "多前儿": "什么时候",
            "偷偷": "悄悄",  # "secretly": not the 偷 of theft
            "啥时": "什么时候",
            "多会儿": "什么时候",
            "多咱": "什么时候",
            "哪嘎达": "哪里",
            "哪旮旯": "哪里",
            "哪疙瘩": "哪里",
            "哪旮": "哪里",
            "啥": "什么",
            "甚么": "什么",
            "神马": "什么",
            "么子": "什么",
            "哪儿": "哪里",
            "这会儿": "现在",
            "这会": "现在",
            "这时候": "现在",
            "这工夫": "现在",
            "这阵儿": "现在",
            "眼下": "现在",
            "这个点": "现在",
            "几儿": "几号",
            "多钱": "多少",
            "多少号": "号码",
            "手机号": "电话",
            "联系电话": "电话",
            "电话号": "电话",
            "电话号码": "电话",
            "号码": "电话",
            "热线": "电话",
            "邮递区号": "邮编",
            "郵遞區號": "邮编",
            "邮政编码": "邮编",
            "信箱号": "信箱",
            "邮箱": "信箱",
            "邮政信箱": "信箱",
            "周六日": "周末",
            "礼拜天": "周末",
            "礼拜六": "周末",
            "星期天": "周末",
            "星期六": "周末",
            "星期日": "周末",
            "周六": "周末",
            "周日": "周末",
            "双休日": "周末",
            "中纪委": "纪委",
            "俺们": "我们",
            "俺": "我",
            "屯子": "村里",
            "屯里": "村里",
            "扒了": "拆了",
            "给扒": "给拆",
            "唠嗑": "聊天",
            "整明白": "弄明白",
            "啥玩意": "什么",
            # Cantonese (after traditional → simplified)
            "喺边度": "在哪里",
            "边度": "哪里",
            "几时": "什么时候",
            "而家": "现在",
            "有冇": "有没有",
            "冇": "没",
            "点样": "怎么",
            "边个": "谁",
            "几多": "多少",
            "乜嘢": "什么",
            "系唔系": "是不是",
            "唔": "不",
            "咩": "什么",
            "嘅": "的",
            "喺": "在",
            "佢哋": "他们",
            "佢": "他",
            "哋": "们",
            "畀": "给",
            "咗": "了",
            "嗰": "那",
            "利是": "红包",
            "万蚊": "万块",
            # Sichuan and Wu
            "啥子": "什么",
            "咋个": "怎么",
            "晓得": "知道",
            "啥物事": "什么",
            "阿拉": "我们",
            "侬": "你",
            # Emoji that carry the whole message
            "👍": "好的",
            "👌": "好的",
            "🙏": "谢谢",
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)

# Politeness and fillers carry no meaning for matching.
_FILLERS = (
    "请问一下",
    "麻烦问一下",
    "麻烦问下",
    "想问一下",
    "想问下",
    "问一下",
    "问下",
    "请问",
    "打听一下",
    "打扰一下",
    "打扰了",
    "麻烦您",
    "麻烦你",
    "您好",
    "你好",
    "老铁",
    "大哥",
    "大姐",
    "同志",
    "那个",
    "就是说",
)
_FILLER_RE = re.compile("|".join(map(re.escape, _FILLERS)))
_PARTICLE_RE = re.compile(r"[啊呀呢吗嘛呗啦哦哇吧噢嗯呐咧]")
# NFKC leaves these as they are; the patterns downstream expect ASCII punctuation.
_CJK_PUNCT = str.maketrans(
    {"。": ".", "、": ",", "～": "~", "「": '"', "」": '"', "『": '"', "』": '"'}
)
_ZERO_WIDTH_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_IN_CJK_RE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_PUNCT_RUN_RE = re.compile(r"[^\w\u3400-\u9fff\uf900-\ufaff]+")
_CJK_RE = re.compile(rf"[{_CJK}]")
_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE_RE = re.compile(rf"{_NUMBER}月{_NUMBER}[号日]")
_WU_QUESTION_RE = re.compile(r"伐(?=$|[\s,.!?])")
_CLOCK_RE = re.compile(
    r"(?<![几\d])(?:\d{1,2}|[一二三四五六七八九十两]{1,3})[点:]钟?(?:半|\d\d|[一二三四五]刻)?"
)
# Clause boundaries in normalised text, where punctuation has become a space.
_CLAUSE_BREAK_RE = re.compile(r" |还有|另外|以及|顺便|再问|再就是|然后")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _t2s() -> _Converter:
    import opencc  # imported lazily: it loads its dictionaries on first use

    return opencc.OpenCC("t2s")


def _join_spaced_characters(text: str) -> str:
    """电 话 多 少 is one word typed with spaces; 寄哪 他们几号走 is two clauses."""
    chunks = text.split()
    cjk = [c for c in chunks if has_cjk(c)]
    if len(cjk) >= 2 and sum(len(c) for c in cjk) <= 1.5 * len(cjk):
        return _SPACE_IN_CJK_RE.sub("", text)
    return text


# Telegram's limit for one message. NFKC can make a message far longer (ﷺ → 18 letters, ⒛ →
# "20."); nothing beyond this many characters is read, so no crafted message costs more than
# a long ordinary one (issue 8).
MAX_FOLDED = 4096


def fold(text: str) -> str:
    """Width, case, script and invisible characters folded; punctuation kept (for splitting)."""
    text = unicodedata.normalize("NFKC", text)[:MAX_FOLDED].translate(_CJK_PUNCT)
    text = _ZERO_WIDTH_RE.sub("", text)
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    text = _t2s().convert(text.lower())
    text = _join_spaced_characters(text)
    for old, new in _PHRASES:
        if old in text:
            text = text.replace(old, new)
    # Wu's final 伐 is 吗.
    return _WU_QUESTION_RE.sub("吗", text)


def strip_fillers(text: str) -> str:
    """Drop fillers and particles, unless nothing would be left (a bare 你好 is a greeting)."""
    stripped = _PARTICLE_RE.sub("", _FILLER_RE.sub(" ", text))
    return stripped if stripped.strip(" ,.?!") else text


def normalise(text: str) -> str:
    """One spelling of a question: folded, fillers dropped, punctuation runs as single spaces."""
    return normalise_folded(fold(text))


def normalise_folded(folded: str) -> str:
    """`normalise` for text that has already been through `fold`.

    For matching only, a time of day reads as 几点 (下午五点还能打吗 asks about the hours) and a
    date as 几月几号 (4月20号还来得及 asks about the period); the report guard sees them as
    written.
    """
    text = _DATE_RE.sub("几月几号", _CLOCK_RE.sub("几点", folded))
    return _PUNCT_RUN_RE.sub(" ", strip_fillers(text)).strip()


def clause_starts(norm: str) -> list[int]:
    """Where each clause after the first begins in a normalised message (寄哪 他们几号走)."""
    return [m.end() for m in _CLAUSE_BREAK_RE.finditer(norm)]


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None
