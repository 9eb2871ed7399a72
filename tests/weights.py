"""What the tests of the two learned models (report guard, topic vote) share: the labelled data
they are trained on, sklearn's view of an exported file, and the privacy checks on its n-grams."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from bot import learned
from bot.evaluate import Case, load_cases
from bot.knowledge import load
from bot.text import fold

ROOT = Path(__file__).resolve().parents[1]
# What the models are trained on: every labelled set, the blind sets once they have been run too.
DATA = sorted(
    [*(ROOT / "tests" / "data").glob("*.yaml"), *(ROOT / "tests" / "data" / "blind").glob("*.yaml")]
)


@cache
def cases() -> tuple[Case, ...]:
    return tuple(c for path in DATA for c in load_cases(path))


@cache
def faq_examples() -> tuple[str, ...]:
    return tuple(e for i in load(ROOT / "knowledge" / "faq.yaml").intents for e in i.examples)


def exported_vectorizer(data: dict) -> Any:
    """sklearn's TfidfVectorizer with the file's vocabulary and idf (needs scikit-learn)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        analyzer="char",
        ngram_range=tuple(data["ngram_range"]),
        lowercase=False,
        sublinear_tf=data["sublinear_tf"],
        norm=data["norm"],
        vocabulary=data["vocabulary"],
    )
    vectorizer.fit(["x"])  # sets up the fixed vocabulary; the idf is the exported one
    vectorizer.idf_ = np.array(data["idf"])
    return vectorizer


def rare_ngrams(vocabulary: set[str]) -> list[str]:
    """The n-grams of `vocabulary` found in fewer than 3 training messages (5 with a digit or
    3+ Latin letters in a row: a WeChat id, a name in pinyin): too rare to share."""
    seen: dict[str, int] = dict.fromkeys(vocabulary, 0)
    texts = {learned.prepare(fold(q)) for q in (*(c.q for c in cases()), *faq_examples())}
    for text in texts:
        for gram in learned.ngrams(text, 1, 4).keys() & vocabulary:
            seen[gram] += 1
    risky = re.compile(r"\d|[a-z]{3}")
    return [g for g, n in seen.items() if n < (5 if risky.search(g) else 3)]


def report_only_details() -> set[str]:
    """What the reports' authors marked as never to be repeated and no question uses (nor an
    example of the FAQ: 盖厂房 in a route's example is language, as the trainer counts it)."""
    reports = [c for c in cases() if c.kind == "report_guard"]
    questions = [c.q for c in cases() if c.kind != "report_guard"]
    others = [learned.prepare(fold(q)) for q in (*questions, *faq_examples())]
    details = {learned.prepare(fold(d)) for c in reports for d in c.must_not}
    return {d for d in details if len(d) >= 2 and not any(d in o for o in others)}
