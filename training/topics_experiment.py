"""Experiment (nothing is shipped): would a learned topic model help the ranker?

    .venv/bin/python training/topics_experiment.py

The same features as the report guard (TF-IDF over character 1–4-grams of the prepared,
folded text) with multinomial logistic regression over the FAQ's topics. Measured on every
case of `tests/data` that expects exactly one topic (reports left out), against the topic the
bot answers today (`Brain.answer(...).topics[0]`):

- "FAQ only": trained on the FAQ's examples alone, so every case is unseen;
- "sets held out": trained on the FAQ and every other set, tested on the set left out.

The last columns say how often the model is right where the bot is wrong, and the reverse:
the room for a combined signal, and its risk.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import knowledge as kb  # noqa: E402
from bot.answer import Brain  # noqa: E402
from bot.evaluate import load_cases  # noqa: E402
from bot.learned import prepare  # noqa: E402
from bot.text import fold  # noqa: E402

DATA = ROOT / "tests" / "data"
FAQ = ROOT / "knowledge" / "faq.yaml"
NOW = datetime(2016, 3, 10, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def fit(texts: Sequence[str], topics: Sequence[str]) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(
        analyzer="char", ngram_range=(1, 4), lowercase=False, sublinear_tf=True, min_df=2
    )
    matrix = vectorizer.fit_transform([prepare(fold(t)) for t in texts])
    classifier = LogisticRegression(C=10.0, max_iter=5000).fit(matrix, topics)
    return vectorizer, classifier


def predict(model: tuple[TfidfVectorizer, LogisticRegression], texts: Sequence[str]) -> list[str]:
    vectorizer, classifier = model
    return list(classifier.predict(vectorizer.transform([prepare(fold(t)) for t in texts])))


def single_topic(path: Path) -> list[tuple[str, str]]:
    """(question, topic) for each case that expects one topic and is no report."""
    return [
        (c.q, c.topics[0])
        for c in load_cases(path)
        if len(c.topics) == 1 and c.kind != "report_guard"
    ]


def main() -> int:
    knowledge = kb.load(FAQ)
    brain = Brain(knowledge)
    faq = [(e, i.id) for i in knowledge.intents for e in i.examples]
    sets = {p.name: single_topic(p) for p in sorted(DATA.glob("*.yaml"))}
    faq_only = fit([q for q, _ in faq], [t for _, t in faq])
    print("| set | cases | bot today | model, FAQ only | model, sets held out "
          "| model right, bot wrong | bot right, model wrong |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    totals = [0] * 6
    for name, cases in sets.items():
        if not cases:
            continue
        others = faq + [pair for other, pairs in sets.items() if other != name for pair in pairs]
        held_out = fit([q for q, _ in others], [t for _, t in others])
        questions, truth = [q for q, _ in cases], [t for _, t in cases]
        bot = [(brain.answer(q, NOW).topics or ("-",))[0] for q in questions]
        alone, rotated = predict(faq_only, questions), predict(held_out, questions)
        right = [
            sum(a == t for a, t in zip(guess, truth, strict=True))
            for guess in (bot, alone, rotated)
        ]
        gain = sum(r == t != b for b, r, t in zip(bot, rotated, truth, strict=True))
        loss = sum(b == t != r for b, r, t in zip(bot, rotated, truth, strict=True))
        row = [len(cases), *right, gain, loss]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(_row(name, row))
    print(_row("**all**", totals))
    return 0


def _row(name: str, row: list[int]) -> str:
    n = row[0]
    cells = [f"{100 * x / n:.1f} %" for x in row[1:4]] + [str(row[4]), str(row[5])]
    return f"| {name} | {n} | " + " | ".join(cells) + " |"


if __name__ == "__main__":
    sys.exit(main())
