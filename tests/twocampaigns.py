"""Two campaigns for the tests: the shipped Liaoning FAQ, and the same rewritten for 湖南."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.answer import Brain

SHIPPED = Path(__file__).resolve().parent.parent / "knowledge"
LIAONING = ("024-88881877", "024-88881977", "6008", "110034")
HUNAN = ("0731-84561234", "0731-84565678", "1805", "410001")
# The Liaoning campaign, rewritten for 湖南 (another group, lines, box and postcode).
TO_HUNAN = [
    ("中央第三巡视组", "中央第八巡视组"),
    ("第三巡视组", "第八巡视组"),
    ("辽宁省沈阳市第6008号信箱", "湖南省长沙市第1805号信箱"),
    ("024-88881877", HUNAN[0]),
    ("024-88881977", HUNAN[1]),
    ("6008", "1805"),
    ("110034", "410001"),
    ("辽宁", "湖南"),
    ("Liaoning", "Hunan"),
    ("liaoning", "hunan"),  # the English examples are typed in lower case
    ("Shenyang", "Changsha"),
    ("the Third", "the Eighth"),
]


@dataclass
class Fixed:
    """A BrainSource that never reloads."""

    current: Brain


@cache
def liaoning() -> Brain:
    return Brain.load(SHIPPED / "faq.yaml")


def hunan_brain(folder: Path) -> Brain:
    folder.mkdir(exist_ok=True)
    for name in ("faq.yaml", "notice.txt"):
        text = (SHIPPED / name).read_text("utf-8")
        for old, new in TO_HUNAN:
            text = text.replace(old, new)
        (folder / name).write_text(text, "utf-8")
    return Brain.load(folder / "faq.yaml")
