"""Opt-in log of questions the bot could not answer well, kept safe for whistleblowers.

Only the normalised question is stored, cut at 100 characters, after masking anything
that could identify a person (phone, ID-card, bank-card numbers, e-mail addresses, names
next to 某 or to an official's title), with the date but not the time and no user or chat
id. Messages the report guard caught are never written. Entries older than the retention
period are purged when the log is opened and once a day after that.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from bot import learned
from bot.answer import LOW_CONFIDENCE
from bot.reply import Reply
from bot.text import fold, normalise

log = logging.getLogger(__name__)

MAX_CHARS = 100
DEFAULT_DAYS = 30

MASK = "＊＊"

# --- masking -------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+\s*(?:@|＠)\s*[\w-]+(?:\s*\.\s*[\w-]+)+", re.ASCII | re.IGNORECASE)
# A run of digits, possibly broken by spaces, dashes or brackets ("138 0013 8000",
# "024-88881877", "6222 0202 0000 1234 567"), ending optionally in the ID-card check
# letter X. Shorter runs (house numbers, the 6008 PO box, a year) are kept.
_DIGITS = re.compile(r"(?<!\d)\+?\d(?:[\d \-‐‑–—－()（）]*\d)?[Xx]?(?!\d)")
_DATE = re.compile(r"(?:19|20)\d\d[- ](?:0?[1-9]|1[0-2])[- ](?:0?[1-9]|[12]\d|3[01])")
# Numbers spelt in characters, a common way round filters: 一三八零零一三八零零零.
_CJK_DIGITS = re.compile(r"[零〇一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖]{7,}")
_SEPARATORS = re.compile(r"[^\dXx]")

_CJK = r"[\u3400-\u4dbf\u4e00-\u9fff]"
# Characters that are not part of a name: particles, pronouns, and the words that
# build titles (县委书记, 副局长, 教育局局长). Masking stops at them, so
# "县委书记" stays readable while "王建国局长" becomes "＊＊局长".
_NOT_NAME = (
    "的了是在和与及跟找给把被对说让叫这那个位们我你他她它啥谁"
    "副正委县市省区镇乡村局厅部处科所院校厂队站办室组支"
)
_NAME_CHAR = rf"(?:(?![{_NOT_NAME}]){_CJK})"
_TITLES = (
    "局长|书记|主任|县长|市长|省长|区长|镇长|乡长|村长|厂长|所长|科长|处长|部长|厅长|"
    "校长|院长|行长|站长|队长|庭长|主席|经理|董事长|总经理|检察长|秘书长"
)
_BEFORE_TITLE = re.compile(rf"{_NAME_CHAR}{{1,3}}(?=(?:常务)?副?(?:{_TITLES}))")
# 某 anonymises a name ("张某", "张某某"), but people also write "李某明", where the
# character after 某 is still part of the name: mask it, unless 某 starts a common word
# (某些, 某个, 某天, 某局) rather than a name.
_AFTER_MOU = re.compile(
    rf"某某|某(?![些个种天日年月时地处位次类样单部局县市省区镇乡村{_NOT_NAME}]){_CJK}"
)
# Names written after a title ("局长王建国"): masked when they start with a common surname,
# so "局长贪污" stays readable.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
    "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷"
    "詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
)
_AFTER_TITLE = re.compile(rf"({_TITLES})[{_SURNAMES}](?:{_CJK}){{1,2}}")


_TOKENS = {
    "email": "〔邮箱〕",
    "idcard": "〔身份证号〕",
    "card": "〔银行卡号〕",
    "phone": "〔电话〕",
    "number": "〔号码〕",
}
# Numbers and e-mail addresses must be found before normalisation, which turns the
# punctuation they are written with ("@", ".", "-") into spaces. They are replaced by
# latin sentinels that normalisation leaves alone, and become the tokens above after it.
_SENTINEL = re.compile(r"\s*zqx([a-z]+)xqz\s*")


def _sentinel(kind: str) -> str:
    return f" zqx{kind}xqz "


def _digits_kind(match: re.Match[str]) -> str | None:
    found = match.group()
    digits = _SEPARATORS.sub("", found)
    n = len(digits)
    if n < 7 or _DATE.fullmatch(found.strip()):
        return None
    if n == 18:
        return "idcard"
    if digits[-1] in "Xx" or n > 19:
        return "number"
    if n >= 16:
        return "card"
    return "phone"


def _hide_numbers(text: str) -> str:
    """E-mail addresses and long numbers → sentinels (applied to the raw message)."""
    text = _EMAIL.sub(_sentinel("email"), text)
    text = _CJK_DIGITS.sub(_sentinel("number"), text)

    def digits(match: re.Match[str]) -> str:
        kind = _digits_kind(match)
        return match.group() if kind is None else _sentinel(kind)

    return _DIGITS.sub(digits, text)


def _hide_names(text: str) -> str:
    text = _AFTER_MOU.sub("某" + MASK, text)
    text = _BEFORE_TITLE.sub(MASK, text)
    return _AFTER_TITLE.sub(lambda m: m.group(1) + MASK, text)


def _show_tokens(text: str) -> str:
    return _SENTINEL.sub(lambda m: _TOKENS.get(m.group(1), "〔号码〕"), text)


def mask(text: str) -> str:
    """Hide what could identify someone in a text; over-masking is fine, leaking is not."""
    return _show_tokens(_hide_names(_hide_numbers(unicodedata.normalize("NFKC", text))))


def scrub(text: str) -> str:
    """What is stored for one question: masked, normalised, cut at MAX_CHARS.

    Numbers are hidden before normalisation (which drops the punctuation they are written
    with), names after it (so traditional characters are folded first), and the cut comes
    last so that nothing split by it can escape the masking.
    """
    hidden = _hide_numbers(unicodedata.normalize("NFKC", text))
    # Numbers again after normalisation, in case it revealed any (defence in depth).
    norm = _hide_numbers(normalise(hidden))
    return " ".join(_show_tokens(_hide_names(norm)).split())[:MAX_CHARS]


def low_confidence_threshold() -> float:
    """The answer engine's own threshold, so "low confidence" means the same in both."""
    return LOW_CONFIDENCE


# --- the log ---------------------------------------------------------------------------


class UnansweredLog:
    """An append-only JSON-lines file of {"date": "YYYY-MM-DD", "q": masked question}."""

    def __init__(
        self,
        path: str | Path,
        days: int = DEFAULT_DAYS,
        *,
        threshold: float | None = None,
        today: date | None = None,
    ) -> None:
        if days < 1:
            raise ValueError(f"UNANSWERED_DAYS must be at least 1, got {days}")
        self.path = Path(path)
        self.days = days
        self.threshold = low_confidence_threshold() if threshold is None else threshold
        self._lock = threading.Lock()
        self._purged_on: date | None = None
        with self._lock:
            self._create()
            self._purge(today or date.today())

    @classmethod
    def from_settings(cls, path: str | None, days: int = DEFAULT_DAYS) -> UnansweredLog | None:
        """None when UNANSWERED_LOG is unset or empty: the log is opt-in."""
        if not path or not path.strip():
            return None
        return cls(path.strip(), days)

    def should_record(self, reply: Reply) -> bool:
        if reply.kind == "report_guard":  # a report is never kept, whatever its confidence
            return False
        return reply.kind == "fallback" or reply.confidence < self.threshold

    def maybe_record(self, text: str, reply: Reply, today: date | None = None) -> bool:
        """Append the scrubbed question if the reply was weak. Never raises: logging must
        not stop the bot from answering."""
        if not self.should_record(reply):
            return False
        if learned.is_report(fold(text)):  # a likely report, answered, is never kept either
            return False
        question = scrub(text)
        if not question:
            return False
        day = today or date.today()
        line = json.dumps({"date": day.isoformat(), "q": question}, ensure_ascii=False) + "\n"
        try:
            with self._lock:
                if self._purged_on != day:
                    self._purge(day)
                self._append(line)
        except OSError as exc:
            # The message text is deliberately not in the log record.
            log.warning("unanswered log %s not written: %s", self.path, exc.strerror or exc)
            return False
        return True

    def entries(self) -> list[dict[str, str]]:
        with self._lock:
            return list(read_entries(self.path))

    # All methods below run with self._lock held.

    def _create(self) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.fchmod(fd, 0o600)  # an older file may have been created more permissive
        finally:
            os.close(fd)

    def _append(self, line: str) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)

    def _purge(self, today: date) -> None:
        """Rewrite the file without entries older than the retention period (and without
        unreadable lines). Written to a temporary file and renamed, so a crash never
        leaves a half-written log."""
        oldest = today - timedelta(days=self.days)
        keep: list[str] = []
        dropped = 0
        for entry in read_entries(self.path, keep_bad=True):
            day = _entry_date(entry)
            if day is None or day < oldest:
                dropped += 1
            else:
                keep.append(json.dumps(entry, ensure_ascii=False) + "\n")
        self._purged_on = today
        if not dropped:
            return
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".unanswered-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.writelines(keep)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        log.info("unanswered log: purged %d entries older than %d days", dropped, self.days)


def _entry_date(entry: dict[str, str]) -> date | None:
    try:
        return date.fromisoformat(entry["date"])
    except (KeyError, TypeError, ValueError):
        return None


def read_entries(path: str | Path, *, keep_bad: bool = False) -> Iterator[dict[str, str]]:
    """The well-formed entries of a log file; malformed lines are skipped (or, with
    keep_bad, yielded as {} so the purge can count and drop them)."""
    try:
        handle = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    except FileNotFoundError:
        return
    with handle:
        for raw in handle:
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw)
            except json.JSONDecodeError:
                entry = None
            if isinstance(entry, dict) and isinstance(entry.get("q"), str):
                yield {"date": str(entry.get("date", "")), "q": entry["q"]}
            elif keep_bad:
                yield {}
