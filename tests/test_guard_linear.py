"""Every pattern of the guard runs in linear time, whatever the message.

Python's `re` backtracks: a quantifier that can run to the end of the text, tried at every
start, costs O(n²) ('1'*4096 against `\\d[\\d,.]*万`), and nested quantifiers cost more. The
guard's patterns are written so that neither can happen: every quantifier has an upper
bound and none is inside another, so each start position costs at most the pattern's
bounded width. This is checked on the parsed patterns, not by timing (the timings are in
benchmarks/hostile.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import pytest

from bot.guard import explain, patterns
from bot.text import fold

MAX_WIDTH = 300  # characters one match can span: the longest is a URL of 200


def problems(pattern: re.Pattern[str]) -> list[str]:
    """What could make `pattern` super-linear: an unbounded or a nested quantifier."""
    found: list[str] = []

    def walk(items: Iterable[tuple[object, object]], repeated: bool) -> None:
        for op, av in items:
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                low, high, item = av  # type: ignore[misc]
                if high == c.MAXREPEAT:
                    found.append(f"unbounded quantifier {{{low},}}")
                if repeated and high > 1:
                    found.append("a quantifier inside a quantifier")
                walk(item, repeated or high > 1)
            elif op is c.SUBPATTERN:
                walk(av[-1], repeated)  # type: ignore[index]
            elif op is c.BRANCH:
                for branch in av[1]:  # type: ignore[index]
                    walk(branch, repeated)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(av[1], repeated)  # type: ignore[index]
            elif op is c.ATOMIC_GROUP:
                walk(av, repeated)  # type: ignore[arg-type]
            elif op is c.GROUPREF_EXISTS:
                for branch in av[1:]:  # type: ignore[index]
                    if branch is not None:
                        walk(branch, repeated)

    tree = _parser.parse(pattern.pattern, pattern.flags)
    walk(tree, False)
    if not found and tree.getwidth()[1] > MAX_WIDTH:
        found.append(f"a match can span {tree.getwidth()[1]} characters")
    return found


@pytest.mark.parametrize(
    "quadratic",
    [
        r"\d[\d,.]*\s*(?:万|元)",  # the old amount pattern
        r"[\w.+-]+@[\w-]+\.[\w.]+",  # the old e-mail pattern
        r"(?:a+)+b",
        r"(?:ab{0,5}){1,9}",
        r"x.{0,1000}y",
        r"(?=a*)b",
    ],
)
def test_the_check_catches_what_backtracks(quadratic: str) -> None:
    assert problems(re.compile(quadratic))


def test_every_guard_pattern_is_linear() -> None:
    compiled = dict(patterns().all())
    assert len(compiled) >= 30  # the walk really sees the guard's patterns
    bad = {name: problems(p) for name, p in compiled.items() if problems(p)}
    assert not bad


@pytest.mark.parametrize(
    ("hostile", "feature"),
    [
        ("1" * 4000 + "万", "amount"),  # a bound on the run still finds its unit
        ("⒛" * 1300 + "他收了", "deed"),  # 3,900 characters once folded
        ("x" * 4000 + " zhang.san@example.com", "contact"),
        ("局长" * 2048, "title"),
        ("1" * 4096, "traces"),
    ],
)
def test_long_runs_are_still_read(hostile: str, feature: str) -> None:
    assert feature in explain(fold(hostile)).features


def test_folding_never_makes_a_message_longer_than_telegram_allows() -> None:
    # ﷺ is 18 letters after NFKC: 4,096 of them would be 73,728 characters to match.
    assert len(fold("ﷺ" * 4096)) == 4096
    assert fold("电话多少") == "电话多少"
