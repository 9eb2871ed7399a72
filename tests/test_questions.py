"""The evaluation sets (tests/data/*.yaml): their shape, and how well the bot answers them.

Each set was written independently of the FAQ's examples and keywords (holdout.yaml and
holdout2.yaml by people who saw neither the FAQ's examples nor the other sets) and stands in
for the held-out questions the project is judged on, so the FAQ must not simply copy them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain
from bot.evaluate import Result, evaluate, load_cases
from bot.knowledge import read_yaml

DATA = Path(__file__).parent / "data" / "questions.yaml"
SETS = sorted(DATA.parent.glob("*.yaml"))
# The newest blind sets (data/blind/), written for today (after the campaign), are measured
# at that instant only, and held at what they reached after their first run's patterns were
# fixed (README: first run and now). They have not been fixed to 100 %: a floor keeps them
# from sliding back, and their failures stay visible with `bot eval … -v`.
BLIND = sorted((DATA.parent / "blind").glob("*.yaml"))
BLIND_FLOOR = {
    "holdout11.yaml": 0.96,
    "holdout12.yaml": 0.97,
    "holdout13.yaml": 0.96,
    "holdout14.yaml": 0.97,
    "holdout15.yaml": 0.97,  # round 2: first run 86.4 % (scored as routes covering outside)
    "holdout16.yaml": 0.96,  # round 2: first run 87.0 %
    "holdout17.yaml": 0.96,  # round 2, the last: first run 87.7 %, run once after every fix
    "holdout18.yaml": 0.95,  # round 3: first run 84.1 %
    "holdout19.yaml": 0.96,  # round 3: first run 84.5 %
    "holdout20.yaml": 0.94,  # round 3: first run 83.6 %
    "holdout21.yaml": 0.97,  # round 4: first run 85.9 %
    "holdout22.yaml": 0.98,  # round 5: first run 93.2 %
    "holdout23.yaml": 0.97,  # round 6: first run 90.5 %
    "holdout24.yaml": 0.97,  # round 7: first run 86.4 %
    "holdout25.yaml": 0.98,  # round 8: first run 91.8 %
    "holdout26.yaml": 0.97,  # round 9: first run 89.1 %
    "holdout27.yaml": 0.97,  # round 10: first run 90.0 %
    "holdout28.yaml": 0.95,  # round 11: first run 91.8 %
    "holdout29.yaml": 0.97,  # round 12: first run 86.8 %
    "holdout30.yaml": 0.97,  # round 13: first run 91.4 %
    "holdout31.yaml": 0.94,  # round 14: first run 90.0 %
    "holdout32.yaml": 0.95,  # round 15: first run 91.8 %
    "holdout33.yaml": 0.97,  # round 16: first run 93.2 %
    "holdout34.yaml": 0.97,  # round 17: first run 89.1 %
    "holdout35.yaml": 0.95,  # round 18: first run 88.6 %
    "holdout36.yaml": 0.97,  # round 19: first run 94.5 %
    "holdout37.yaml": 0.97,  # round 20: first run 91.8 %
    "holdout38.yaml": 0.97,  # round 21: first run 91.4 %
    "holdout39.yaml": 0.97,  # round 22: first run 91.8 %
    "holdout40.yaml": 0.96,  # round 23: first run 91.8 %
    "holdout41.yaml": 0.94,  # round 24: first run 88.2 %
    "holdout42.yaml": 0.98,  # round 25: first run 95.5 %
    "holdout43.yaml": 0.97,  # round 26: first run 93.6 %
    "holdout44.yaml": 0.98,  # round 27: first run 97.3 %
    "holdout45.yaml": 0.96,  # round 28: first run 90.5 %
    "holdout46.yaml": 0.94,  # round 29: first run 92.7 %
    "holdout47.yaml": 0.99,  # round 30: first run 92.3 %
    "holdout48.yaml": 0.97,  # round 31: first run 93.6 %
    "holdout49.yaml": 0.97,  # round 32: first run 93.2 %
    "holdout50.yaml": 0.98,  # round 33: first run 94.1 %
    "holdout51.yaml": 0.95,  # round 34: first run 90.5 %
    "holdout52.yaml": 0.97,  # round 35: first run 92.3 %
    "holdout53.yaml": 0.96,  # round 36: first run 93.2 %
    "holdout54.yaml": 0.97,  # round 37: first run 95.9 %
    "holdout55.yaml": 0.97,  # round 38: first run 95.5 %
    "holdout56.yaml": 0.96,  # round 39: first run 93.6 %
    "holdout57.yaml": 0.95,  # round 40: first run 92.3 %
    "holdout58.yaml": 0.96,  # round 41: first run 95.0 %
    "holdout59.yaml": 0.98,  # round 42: first run 92.3 %
    "holdout60.yaml": 0.97,  # round 43: first run 94.5 %
    "holdout61.yaml": 0.97,  # round 44: first run 94.1 %
    "holdout62.yaml": 0.97,  # round 45: first run 92.7 %
    "holdout63.yaml": 0.96,  # round 46: first run 92.3 %
    "holdout64.yaml": 0.98,  # round 47: first run 92.7 %
    "holdout65.yaml": 0.98,  # round 48: first run 92.3 %
    "holdout66.yaml": 0.98,  # round 49: first run 94.1 %
    "holdout67.yaml": 0.98,  # round 50: first run 95.0 %
    "holdout68.yaml": 0.97,  # round 51: first run 92.7 %
    "holdout69.yaml": 0.97,  # round 52: first run 94.1 %
    "holdout70.yaml": 0.98,  # round 53: first run 96.4 %
    "holdout71.yaml": 0.98,  # round 54: first run 96.4 %
    "holdout72.yaml": 0.94,  # round 55: first run 92.3 %
    "holdout73.yaml": 0.97,  # round 56: first run 94.1 %
    "holdout74.yaml": 0.98,  # round 57: first run 95.9 %
    "holdout75.yaml": 0.96,  # round 58: first run 94.5 %
    "holdout76.yaml": 0.98,  # round 59: first run 93.2 %
    "holdout77.yaml": 0.96,  # round 60: first run 93.2 %
    "holdout78.yaml": 0.97,  # round 61: first run 95.5 %
    "holdout79.yaml": 0.97,  # round 62: first run 94.5 %
    "holdout80.yaml": 0.96,  # round 63: first run 93.6 %
    "holdout81.yaml": 0.98,  # round 64: first run 96.8 %
    "holdout82.yaml": 0.97,  # round 65: first run 94.5 %
    "holdout83.yaml": 0.98,  # round 66: first run 93.2 %
    "holdout84.yaml": 0.98,  # round 67: first run 96.4 %
    "holdout85.yaml": 0.98,  # round 68: first run 95.0 %
    "holdout86.yaml": 0.97,  # round 69: first run 93.2 %
    "holdout87.yaml": 0.96,  # round 70: first run 95.9 %
    "holdout88.yaml": 0.97,  # round 71: first run 92.7 %
    "holdout89.yaml": 0.97,  # round 72: first run 93.6 %
    "holdout90.yaml": 0.95,  # round 73: first run 90.9 %
    "holdout91.yaml": 0.96,  # round 74: first run 94.1 %
    "holdout92.yaml": 0.97,  # round 75: first run 94.1 %
    "holdout93.yaml": 0.97,  # round 76: first run 94.1 %
    "holdout94.yaml": 0.97,  # round 77: first run 96.4 %
    "holdout95.yaml": 0.92,  # round 78: first run 91.4 %
    "holdout96.yaml": 0.98,  # round 79: first run 94.5 %
    "holdout97.yaml": 0.98,  # round 80: first run 94.1 %
    "holdout98.yaml": 0.94,  # round 81: first run 93.2 %
    "holdout99.yaml": 0.97,  # round 82: first run 95.0 %
    "holdout100.yaml": 0.95,  # round 83: first run 92.7 %
    "holdout101.yaml": 0.95,  # round 84: first run 93.6 %
    "holdout102.yaml": 0.97,  # round 84: first run 95.5 %
    "holdout103.yaml": 0.96,  # round 84: first run 94.5 %
    "holdout104.yaml": 0.94,  # round 84: first run 89.1 %
    "holdout105.yaml": 0.96,  # round 85: first run 95.0 %
    "holdout106.yaml": 0.97,  # round 85: first run 94.1 %
    "holdout107.yaml": 0.96,  # round 85: first run 93.6 %
    "holdout108.yaml": 0.97,  # round 86: first run 93.6 %
    "holdout109.yaml": 0.98,  # round 86: first run 94.5 %
    "holdout110.yaml": 0.98,  # round 86: first run 93.2 %
    "holdout111.yaml": 0.98,  # round 86: first run 95.9 %
    "holdout112.yaml": 0.98,  # round 87: first run 94.5 %
    "holdout113.yaml": 0.96,  # round 87: first run 94.5 %
    "holdout114.yaml": 0.95,  # round 87: first run 92.7 %
    "holdout115.yaml": 0.96,  # round 87: first run 89.5 %
    "holdout116.yaml": 0.97,  # round 88: first run 95.0 %
    "holdout117.yaml": 0.95,  # round 88: first run 92.7 %
    "holdout118.yaml": 0.97,  # round 88: first run 95.0 %
    "holdout119.yaml": 0.93,  # round 88: first run 92.7 %
}
BEIJING = ZoneInfo("Asia/Shanghai")
# Two instants: inside the campaign and the hours, and years later in the evening
# (what a user meets today). The facts must be in the reply either way.
INSTANTS = {
    "during": datetime(2016, 3, 10, 10, 30, tzinfo=BEIJING),
    "after": datetime(2026, 5, 20, 21, 15, tzinfo=BEIJING),
}
KINDS = {"faq", "route", "report_guard", "fallback", "smalltalk"}
GROUPS = {"smalltalk", "report", "multi", "english", "nonsense", "traditional", "typo", "dialect"}
KEYS = {"q", "category", "kind", "topics", "must", "must_not"}
# Minimum questions per category, so the set cannot quietly shrink to the easy ones.
MINIMUM = {"report": 25, "multi": 20, "english": 15, "nonsense": 15, "traditional": 20,
           "typo": 20, "dialect": 20, "smalltalk": 10}  # fmt: skip
OVERALL, PER_CATEGORY = 0.95, 0.85


@cache
def brain() -> Brain:
    return Brain.load()


@cache
def questions(path: Path = DATA) -> tuple[Mapping[str, Any], ...]:
    return tuple(read_yaml(path).data)


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _squash(text: str) -> str:
    """Only spelling folded (width, script, case, punctuation), never words: a copy stays a copy."""
    return re.sub(r"[\W_]+", "", _t2s().convert(unicodedata.normalize("NFKC", text).lower()))


def test_the_set_is_well_formed() -> None:
    items = questions()
    assert len(items) >= 300
    intents = {i.id: i.kind for i in brain().knowledge.intents}
    categories = {i for i, kind in intents.items() if kind != "smalltalk"} | GROUPS
    bad = []
    for n, item in enumerate(items):
        where = f"#{n} {item.get('q')!r}"
        if not isinstance(item, dict) or set(item) - KEYS or "q" not in item:
            bad.append(f"{where}: keys {sorted(item) if isinstance(item, dict) else item}")
            continue
        if not isinstance(item["q"], str) or not item["q"].strip():
            bad.append(f"{where}: empty question")
        if item.get("category") not in categories:
            bad.append(f"{where}: unknown category {item.get('category')!r}")
        if "kind" in item and item["kind"] not in KINDS:
            bad.append(f"{where}: unknown kind {item['kind']!r}")
        for key in ("topics", "must", "must_not"):
            value = item.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                bad.append(f"{where}: {key} must be a list of non-empty strings")
        unknown = [t for t in item.get("topics", []) if t not in intents]
        if unknown:
            bad.append(f"{where}: unknown topics {unknown}")
        if not ("kind" in item or item.get("topics") or item.get("must")):
            bad.append(f"{where}: expects nothing, so it cannot fail")
        if item.get("category") == "report" and not (
            item.get("kind") == "report_guard" and item.get("must_not")
        ):
            bad.append(f"{where}: a report needs kind report_guard and must_not")
    assert not bad, "\n".join(bad)

    counts = Counter(item["category"] for item in items)
    short = {c: counts[c] for c, kind in intents.items() if kind == "faq" and counts[c] < 10}
    short |= {c: counts[c] for c, kind in intents.items() if kind == "route" and counts[c] < 8}
    short |= {c: counts[c] for c, n in MINIMUM.items() if counts[c] < n}
    assert not short, f"too few questions: {short}"
    dupes = [q for q, n in Counter(i["q"] for i in items).items() if n > 1]
    assert not dupes, f"duplicate questions: {dupes}"


@pytest.mark.parametrize("path", SETS + BLIND, ids=lambda p: p.name)
def test_the_faq_does_not_copy_the_set(path: Path) -> None:
    """A held-out set copied into the examples would measure nothing.

    The canonical short questions (举报电话是多少, 第几巡视组, can I report anonymously) are
    what everyone writes first: the FAQ had several before any set existed, and the blind
    sets' authors, who never saw the examples, wrote them again. So only questions long
    enough to be someone's own wording count: 10 Chinese characters, or 30 Latin letters.
    """
    examples = {_squash(e): (i.id, e) for i in brain().knowledge.intents for e in i.examples}

    def own_wording(squashed: str) -> bool:
        return len(squashed) >= (30 if squashed.isascii() else 10)

    copied = [
        f"{item['q']!r} = {examples[_squash(item['q'])]}"
        for item in questions(path)
        if own_wording(_squash(item["q"])) and _squash(item["q"]) in examples
    ]
    assert not copied, "FAQ examples copied from the evaluation set:\n" + "\n".join(copied)


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
@pytest.mark.parametrize("instant", sorted(INSTANTS))
def test_accuracy(instant: str, path: Path) -> None:
    report = evaluate(brain(), load_cases(path), INSTANTS[instant])
    overall = report.overall.accuracy
    weak = {
        c: round(t.accuracy, 3)
        for c, t in sorted(report.by_category().items())
        if t.accuracy < PER_CATEGORY
    }
    failures = "\n".join(f"  [{r.case.category}] {r.case.q!r}: {why(r)}" for r in report.failures)
    assert overall >= OVERALL and not weak, (
        f"accuracy {overall:.3f} (need {OVERALL}); below {PER_CATEGORY}: {weak}\n{failures}"
    )


def why(result: Result) -> str:
    """What the reply got wrong, in one line."""
    reply, case = result.reply, result.case
    wrong = [] if result.kind_ok else [f"kind {reply.kind}, expected {case.kind}"]
    if not result.topics_ok:
        wrong.append(f"topics {list(reply.topics)}, expected {list(case.topics)}")
    wrong += [f"lacks {s!r}" for s in result.missing]
    wrong += [f"contains {s!r}" for s in result.forbidden]
    return "; ".join(wrong)


def test_every_blind_set_has_a_floor() -> None:
    assert {p.name for p in BLIND} == set(BLIND_FLOOR)


@pytest.mark.parametrize("path", BLIND, ids=lambda p: p.name)
def test_blind_set_holds_its_floor(path: Path) -> None:
    report = evaluate(brain(), load_cases(path), INSTANTS["after"])
    floor = BLIND_FLOOR[path.name]
    # A detail of a report is never repeated, whatever the accuracy.
    echoed = [r.case.q for r in report.results if r.case.kind == "report_guard" and r.forbidden]
    assert not echoed, f"details of a report repeated: {echoed}"
    assert report.overall.accuracy >= floor, f"{report.overall.accuracy:.3f} < {floor}"

