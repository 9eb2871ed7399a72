"""The notice's own ways of writing times and dates, reduced to one canonical form.

`canonical(text)` is how provenance compares a fact, or a quoted sentence, with the
notice: both sides are canonicalised, then searched. It is also what `python -m bot
init` can use to read a notice. It is pure, linear in the text, and idempotent
(`canonical(canonical(t)) == canonical(t)`).

What it does, in order, with an example of each:

1. Unicode NFKC: full-width digits, letters and colons become ASCII
   (`０２４－８８８８１８７７` -> `024-88881877`, `8：00` -> `8:00`).
2. Whitespace is dropped (`邮编: 110034` -> `邮编:110034`): line breaks in a copied
   sentence do not matter.
3. Clock times become `H:MM` on the 24-hour clock, keeping the word before them:
   `8时30分` -> `8:30`, `8时` -> `8:00`, `8点半` -> `8:30`, `08:00` -> `8:00`,
   `下午5时` -> `下午17:00`, `晚8点` -> `晚20:00`, `晚20:00` stays `晚20:00`.
   (`点` counts only with minutes, 半 or a word such as 上午 before it, so `3点意见`
   is not a time.)
4. `次年` (and `翌年`) before a month: with `year` given, the following year
   (`次年1月20日`, year=2026 -> `2027年1月20日`); without, it stays `次年1月20日`, in
   which `1月20日` can still be found.
5. `截止到`, `截止至` and `截至` become `至`, and the dashes between two dates
   (`—`, `–`, `~`, `～`) become `—`: `2月27日截止到4月28日` -> `2月27日至4月28日`.
6. A phone listed after another without its area code inherits it, when its local
   part has the same length: `020-83881234、83881235` -> `020-83881234、020-83881235`
   (separators `、` `;` `,` `/` `—` 或 和).

Chinese numerals (二〇二六年, 八时) are not converted.
"""

from __future__ import annotations

import re
import unicodedata

_PM = frozenset({"下午", "晚上", "傍晚", "晚", "夜间", "夜里"})
_TIME = re.compile(
    r"(?P<pre>上午|下午|早上|晚上|中午|傍晚|凌晨|夜间|夜里|早|晚)?"
    r"(?<![0-9:])(?P<h>[0-9]{1,2})"
    r"(?:时(?P<m1>[0-9]{1,2})分?|时半|时整|时|点(?P<m2>[0-9]{1,2})分|点半|点整|点|:(?P<m3>[0-9]{2}))"
    r"(?![0-9])"
)
_NEXT_YEAR = re.compile(r"(?:次年|翌年)(?=[0-9]{1,2}月)")
# A run of 截 before it goes too (截截至 → 至, not 截至, which a second pass would change).
_UNTIL = re.compile(r"截+(?:止到|止至|至)")
# A phone with its area code, then bare local numbers each after one separator. The
# separators are not digits, so each repetition starts unambiguously: linear time.
_PHONE_LIST = re.compile(
    r"(?<![0-9-])(?P<area>0[0-9]{2,3})-(?P<local>[0-9]{7,8})"
    r"(?P<rest>(?:(?:[、;,/—]|或|和)[0-9]{7,8}(?![0-9-]))+)"
)
_SEPARATED = re.compile(r"((?:[、;,/—]|或|和))([0-9]{7,8})")
_DATE_DASH = re.compile(r"(?<=日)[—–~～](?=[0-9]|次年|翌年)")


def _clock(match: re.Match[str]) -> str:
    pre, hour = match["pre"] or "", int(match["h"])
    whole = match.group(0)
    if "点" in whole and not pre and not ("分" in whole or "半" in whole or "整" in whole):
        return whole  # 3点意见: a count, not a time
    minute = match["m1"] or match["m2"] or match["m3"] or ("30" if "半" in whole else "00")
    if int(minute) > 59 or hour > 24:
        return whole
    if pre in _PM and hour < 12:
        hour += 12
    return f"{pre}{hour}:{int(minute):02d}"


def _inherit_area_code(match: re.Match[str]) -> str:
    area, local = match["area"], match["local"]

    def one(m: re.Match[str]) -> str:
        same = len(m.group(2)) == len(local)
        return f"{m.group(1)}{area}-{m.group(2)}" if same else m.group(0)

    return f"{area}-{local}" + _SEPARATED.sub(one, match["rest"])


def canonical(text: str, year: int | None = None) -> str:
    """`text` in the canonical form described in the module docstring.

    canonical("上午8时30分至下午5时") -> "上午8:30至下午17:00"
    canonical("次年1月20日", year=2026) -> "2027年1月20日"
    """
    out = "".join(unicodedata.normalize("NFKC", text).split())
    out = _TIME.sub(_clock, out)
    if year is not None:
        out = _NEXT_YEAR.sub(f"{year + 1}年", out)
    out = _UNTIL.sub("至", out)
    out = _PHONE_LIST.sub(_inherit_area_code, out)
    return _DATE_DASH.sub("—", out)
