"""The slowest crafted message, as a multiple of an ordinary one (issue 8: at most 100×).

Every crafted input is 4,096 characters, Telegram's limit for one message, and aims at a
way a regular expression or a normaliser can be made slow: long runs that a quantifier
eats and gives back, characters that NFKC expands (⒛ → "20."), words that every position
could start, e-mails and links that never end. Each is answered by `Brain.answer`, as a
user's message is; the figure is the median of several runs over the median time of the
ordinary questions of tests/data/questions.yaml. Times are the process's CPU time, so that
other work on a shared machine does not count as ours.

    .venv/bin/python benchmarks/hostile.py [--runs 5]

Not a test: the figures depend on the machine. Exits 1 when the worst is over the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, without installing

from bot.answer import Brain  # noqa: E402
from bot.guard import explain  # noqa: E402
from bot.knowledge import read_yaml  # noqa: E402
from bot.text import fold  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions.yaml"
NOW = datetime(2016, 3, 10, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
LIMIT = 4096  # characters in one Telegram message
TARGET = 100.0


def _fill(unit: str, head: str = "") -> str:
    """`head`, then `unit` repeated, cut at exactly LIMIT characters."""
    body = head + unit * (LIMIT // len(unit) + 1)
    return body[:LIMIT]


# name → a crafted message of LIMIT characters
HOSTILE: dict[str, str] = {
    "digits": _fill("1"),
    "⒛ (NFKC: 20.)": _fill("⒛"),
    "局 + ⒛": _fill("⒛", "局"),
    "full-width digits": _fill("１"),
    "digits and commas": _fill("1,"),
    "digits and spaces": _fill("1 "),
    "digit groups (card-like)": _fill("1234 "),
    "repeated titles": _fill("局长"),
    "repeated surnames": _fill("王"),
    "surname + title": _fill("王局长"),
    "某 run": _fill("某"),
    "举报 repeated": _fill("举报"),
    "不 repeated": _fill("不"),
    "spaced characters": _fill("王 "),
    "e-mail without @": _fill("a.b"),
    "e-mail without a domain end": _fill("a", "x@"),
    "@ repeated": _fill("a@"),
    "long URL": _fill("a", "http://"),
    "www and dots": _fill("www."),
    "alternating CJK/latin": _fill("a中"),
    "latin words": _fill("boss "),
    "pinyin initials": _fill("zjl "),
    "plate-like": _fill("辽a"),
    "WeChat id": _fill("a", "微信号"),
    "ordinary text, long": _fill("请问巡视组的值班电话是多少,"),
    "a long report": _fill("我们局长收了50万,他的微信号是abc12345,"),
    "punctuation": _fill("?!,."),
    "emoji": _fill("👍"),
    "ﷺ (NFKC: 18 characters)": _fill("ﷺ"),
    # The round-2 patterns: 举报…的+name, 是…还是, kin…post, short forms, near-miss numbers
    "举报 … 的 repeated": _fill("举报营口的"),
    "是 … 还是 repeated": _fill("是去"),
    "kin then posts": _fill("姐夫在局里"),
    "short forms alone": _fill("88 dh "),
    "near-miss lines": _fill("88818177 "),
    # The round-3 patterns: subjects heard by their sound, "the other ones", spoken digits,
    # numbered rounds and terms, the asker's place then "there"
    "subjects by sound": _fill("电化巡事", "黑龙江"),
    "other … 省 repeated": _fill("其他另外", "巡视组"),
    "spoken digits": _fill("八八八"),
    "rounds and terms": _fill("十九届第一轮"),
    "asker's place repeated": _fill("我是内蒙的"),
    # The round-4 patterns: words dictated one by one, initials spelt with dots, digits in
    # pinyin, 老 and a surname, places after 在 and compared with ours, a name recalled aloud
    "dictated words": _fill("我们 村 书记 "),
    "initials with dots": _fill("l.d.h "),
    "pinyin digits": _fill("ling er si ba "),
    "老 and a surname": _fill("老高 "),
    "在 + abbreviation, 跟辽宁": _fill("在鲁的跟辽宁一样"),
    "马什么马": _fill("马什么马"),
    # The patterns of rounds 12-15: numbered lists, abbreviations after 驻 with 了吗, where the
    # asker came from, a whole name in pinyin, earlier rounds of our own province
    "numbered list": _fill("1电话2信箱3几点"),
    "驻 + abbreviation + 了吗": _fill("进驻赣了吗"),
    "came from": _fill("自台湾返乡"),
    "pinyin name": _fill("wang jian guo 这"),
    "earlier round of ours": _fill("上一次巡视辽宁"),
    # The patterns of rounds 16-21: a name held back or pointed at, evidence named before one
    # says one holds it, an office's initials, a pinyin sentence about someone, lists counted
    # in words, a group's bare number, a year and a follow-up, the asker's own clause, one
    # symbol typed over and over
    "某 … 的 post": _fill("某厅的副厅长"),
    "管 … 的那位": _fill("管调度的那位"),
    "evidence, then 我都有": _fill("照片合同我都"),
    "office initials": _fill("GA局的LJ "),
    "pinyin sentence": _fill("li ming zai "),
    "一是 … 二是": _fill("一是电话二是"),
    "group's bare number": _fill(" 8组的"),
    "year and follow-up": _fill("2020年的呢"),
    "asker's own clause": _fill("我是护士 "),
    "one symbol repeated": _fill("👍"),
    # …and of rounds 22-25: a name after 告了, an office's 老 and surname, thousands taken
    "告了 + name": _fill("告了周大彪才"),
    "office + 老 + surname": _fill("管理处老赵"),
    "thousands taken": _fill("收了我八千,"),
    # …and of rounds 28-35: flats owned somewhere, the centre's 巡察, "a little", the group
    # come again, another province's matters, a group of today with a place, the Bingtuan's
    # own group, a professional's deed, evidence kept on a stick
    "在 + place + flats": _fill("在三亚有三套房"),
    "中央第三巡察": _fill("中央第三巡察"),
    "一点不": _fill("一点不"),
    "again, heard of": _fill("听说又来了"),
    "another province's matters": _fill("江苏的事"),
    "today's group + place": _fill("现在在辽宁的"),
    "the Bingtuan's group": _fill("新疆生产建设兵团的"),
    "a doctor's deed": _fill("大夫收红包"),
    "evidence on a stick": _fill("u盘里是视频"),
    "a name spelt out": _fill("周 建 "),
    "central firms inspected": _fill("巡央企的"),
    # …and of rounds 44-51: a commission's own line, whom one tells (跟他们反映), filmed 我把…,
    # a whole name in pinyin, a bare abbreviation and follow-up words, "a" chief, a season
    # between a year and 来的那个组
    "a commission's line": _fill("县纪委的"),
    "whom one tells": _fill("我们反映"),
    "filmed, with 把": _fill("我把他们"),
    "a whole pinyin name": _fill("wangxiaohong "),
    "abbreviation alone": _fill("川的呢 "),
    "'a' chief": _fill("知道个局"),
    "a season's group": _fill("今年春天来的那个"),
    # …and of rounds 56-63: one's own pay docked, material "already prepared", "after" and a
    # round, an asker from another province, a group still to come
    "one's own pay docked": _fill("我扣了"),
    "material already prepared": _fill("证据我已经"),
    "after, then a round": _fill("巡视之后的那"),
    "an asker elsewhere": _fill("我是湖南的巡视组电话"),
    "a group still to come": _fill("明年还有个组"),
    # …and of rounds 66-80: a round without 第, material about one post-holder, a name set
    # apart by dots, 王局, a province's part, something similar asked by an asker elsewhere,
    # an office beside a post, a short first clause ending in 的
    "a round without 第": _fill("十二轮巡视"),
    "material about one": _fill("关于那个局"),
    "a dotted name": _fill("周·某·"),
    "surname and office": _fill("给王局"),
    "a province's part": _fill("滇西"),
    "similar, elsewhere": _fill("我在台湾类似的"),
    "an office beside a post": _fill("省交通厅厅长归巡视组管吗"),
    "who asks, in a word": _fill("药店的 "),
    # rounds 84–85: abbreviations in a spaced list, a name typed with spaces, an aside with its
    # question marks, a choice between ways, the group beside another channel
    "abbreviations spaced": _fill("辽 "),
    "a name spaced": _fill("辽 宁 "),
    "an aside's marks": _fill("钱哪来的???"),
    "a choice of ways": _fill("打电话还是写信"),
    "beside another channel": _fill("巡视组跟12388有啥区别"),
    # rounds 86–88: questions chained by 还有, a country asked after, abbreviations before the
    # inspection, goods taken unpaid, a name before a post in pinyin
    "chained by 还有": _fill("电话还有"),
    "a country asked after": _fill("日本那边有"),
    "abbreviations before 的巡视": _fill("京津冀的"),
    "taken unpaid": _fill("拿两斤"),
    "a pinyin name and post": _fill("wang jian jun "),
}


def median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    return 1000 * statistics.median(times)


def ordinary_median(brain: Brain, passes: int = 5) -> float:
    """Median time of one ordinary question, over every question of the set."""
    questions = [str(c["q"]) for c in read_yaml(QUESTIONS).data]
    for q in questions:  # warm-up: caches, the converters' dictionaries
        brain.answer(q, NOW)
    times = []
    for _ in range(passes):
        for q in questions:
            start = time.process_time()
            brain.answer(q, NOW)
            times.append(time.process_time() - start)
    return 1000 * statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each crafted input")
    args = parser.parse_args()

    brain = Brain.load()
    base = ordinary_median(brain)
    rows = []
    for name, text in HOSTILE.items():
        whole = median_ms(lambda t=text: brain.answer(t, NOW), args.runs)
        folded = fold(text)
        guard = median_ms(lambda f=folded: explain(f), args.runs)  # the guard's own share
        rows.append((name, whole, guard, len(folded)))
    rows.sort(key=lambda r: -r[1])
    print(f"ordinary question: median {base:.3f} ms; each crafted input is {LIMIT} characters\n")
    print("| crafted input | folded length | `answer()` median | × ordinary | of which the guard |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, ms, guard, length in rows:
        print(f"| {name} | {length:,} | {ms:.1f} ms | {ms / base:.0f}× | {guard:.1f} ms |")
    worst_name, worst = rows[0][:2]
    ratio = worst / base
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"\nslowest: {worst_name}, {ratio:.0f}× the ordinary median", end=" ")
    print(f"(target ≤ {TARGET:.0f}×: {verdict})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
