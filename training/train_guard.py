"""Train the learned report guard and export it for `bot.learned` (`make train`).

    .venv/bin/python training/train_guard.py               # fit, cross-validate, write the JSON
    .venv/bin/python training/train_guard.py --cross-sets  # held-out-set table, writes nothing

The data: every case of `tests/data/*.yaml` and `tests/data/blind/*.yaml` (the blind sets once
run; `kind: report_guard` is a report, any other kind is not) and every example of
`knowledge/faq.yaml` (not reports), de-duplicated by folded text.
The model: TF-IDF over character 1–4-grams of `bot.learned.prepare(bot.text.fold(q))`, then
logistic regression. The threshold is chosen on out-of-fold scores of a stratified 5-fold
cross-validation: the lowest that refuses at most 2 % of the non-reports.

Privacy: no message is stored, and `prepare` drops digits. The vocabulary keeps only n-grams
found in at least 3 different training messages, those with a run of 3+ Latin letters (a
WeChat id, a name in pinyin) only if found in at least 5, and none that contains a detail a
report's authors marked `must_not` which no question uses (王海涛 recurs in the reports of
four sets, so the count alone would keep it; 麻将 also occurs in questions, so it stays).
Size: only the n-grams that weigh most are kept (--features), and the model is fitted again.

Deterministic: sorted data, fixed folds, lbfgs, rounded floats and sorted keys, so the same
data gives the same file; its "date" is that of the data's last commit, not of the run.
scikit-learn is a development dependency, imported only here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, without installing

from bot import knowledge as kb  # noqa: E402
from bot.evaluate import load_cases  # noqa: E402
from bot.guard import looks_like_report  # noqa: E402
from bot.learned import MAX_CHARS, MODEL_NAME, SURE, prepare  # noqa: E402
from bot.text import fold  # noqa: E402

DATA = ROOT / "tests" / "data"
FAQ = ROOT / "knowledge" / "faq.yaml"
OUT = ROOT / "knowledge" / MODEL_NAME

NGRAMS = (1, 4)
MIN_MESSAGES = 3  # an n-gram must occur in this many different training messages…
MIN_MESSAGES_RISKY = 5  # …or this many if it holds a digit or 3+ Latin letters in a row
_RISKY = re.compile(r"\d|[a-z]{3}")
TARGET_FALSE_ALARMS = 0.02
FOLDS = 5
SEED = 0
C = 10.0
FEATURES = 6000
DIGITS = 6  # decimals kept in the file: far below any difference the threshold can see


@dataclass(frozen=True)
class Corpus:
    """Unique folded messages, their labels (1 = report), the sets each came from, and the
    details each report's authors marked as never to be repeated (its `must_not`)."""

    texts: tuple[str, ...]
    labels: np.ndarray
    sources: tuple[frozenset[str], ...]
    details: tuple[frozenset[str], ...]

    def subset(self, keep: np.ndarray) -> Corpus:
        index = np.flatnonzero(keep)
        return Corpus(
            tuple(self.texts[i] for i in index),
            self.labels[index],
            tuple(self.sources[i] for i in index),
            tuple(self.details[i] for i in index),
        )


def training_files() -> list[Path]:
    """tests/data/*.yaml and the blind sets once run (tests/data/blind/*.yaml): labelled data.
    A set not yet run (the final unseen check) is never in tests/data, so never learned from."""
    return sorted([*DATA.glob("*.yaml"), *(DATA / "blind").glob("*.yaml")])


def load_corpus() -> Corpus:
    """Every labelled message once; a message labelled both ways counts as a report."""
    labels: dict[str, int] = {}
    sources: dict[str, set[str]] = {}
    details: dict[str, set[str]] = {}
    for path in training_files():
        for case in load_cases(path):
            folded = fold(case.q)
            report = case.kind == "report_guard"
            labels[folded] = max(labels.get(folded, 0), int(report))
            sources.setdefault(folded, set()).add(path.name)
            if report:
                details.setdefault(folded, set()).update(prepare(fold(d)) for d in case.must_not)
    for intent in kb.load(FAQ).intents:
        for example in intent.examples:
            folded = fold(example)
            labels.setdefault(folded, 0)
            sources.setdefault(folded, set()).add(FAQ.name)
    texts = tuple(sorted(t for t in labels if prepare(t)))
    return Corpus(
        texts,
        np.array([labels[t] for t in texts], dtype=int),
        tuple(frozenset(sources[t]) for t in texts),
        tuple(frozenset(details.get(t, ())) for t in texts),
    )


# -- the model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Fitted:
    vectorizer: TfidfVectorizer
    classifier: LogisticRegression

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        return self.classifier.predict_proba(self.vectorizer.transform(map(prepare, texts)))[:, 1]


def personal_details(corpus: Corpus) -> frozenset[str]:
    """The reports' details (2+ characters) that no other training message uses: a name, a
    place, a plate. 麻将 or 收钱 also occur in questions, so they are language, not a detail.
    """
    others = [prepare(t) for t, label in zip(corpus.texts, corpus.labels, strict=True) if not label]
    details = {d for ds in corpus.details for d in ds if len(d) >= 2}
    return frozenset(d for d in details if not any(d in text for text in others))


def _holds_any(gram: str, details: frozenset[str]) -> bool:
    return any(gram[i:j] in details for i in range(len(gram)) for j in range(i + 2, len(gram) + 1))


def shareable_vocabulary(prepared: Sequence[str], details: frozenset[str]) -> list[str]:
    """The n-grams common enough to carry no one's details (see the module's docstring)."""
    counter = CountVectorizer(
        analyzer="char", ngram_range=NGRAMS, lowercase=False, binary=True, min_df=MIN_MESSAGES
    )
    counts = counter.fit_transform(prepared)
    messages = np.asarray(counts.sum(axis=0)).ravel()
    return sorted(
        gram
        for gram, column in counter.vocabulary_.items()
        if messages[column] >= (MIN_MESSAGES_RISKY if _RISKY.search(gram) else MIN_MESSAGES)
        and not _holds_any(gram, details)
    )


def _fit_on(prepared: list[str], labels: np.ndarray, vocabulary: list[str], c: float) -> Fitted:
    vectorizer = TfidfVectorizer(
        analyzer="char",
        ngram_range=NGRAMS,
        lowercase=False,
        sublinear_tf=True,
        norm="l2",
        vocabulary=vocabulary,
    )
    matrix = vectorizer.fit_transform(prepared)
    classifier = LogisticRegression(C=c, class_weight="balanced", solver="lbfgs", max_iter=5000)
    classifier.fit(matrix, labels)
    return Fitted(vectorizer, classifier)


def fit(corpus: Corpus, features: int = FEATURES, c: float = C) -> Fitted:
    """Fit on the shareable n-grams, keep the `features` that weigh most, and fit again."""
    prepared = [prepare(t) for t in corpus.texts]
    vocabulary = shareable_vocabulary(prepared, personal_details(corpus))
    first = _fit_on(prepared, corpus.labels, vocabulary, c)
    if len(vocabulary) <= features:
        return first
    weights = np.abs(first.classifier.coef_[0])
    names = first.vectorizer.get_feature_names_out()
    # Ties broken by the n-gram itself, so that the choice is the same on every run.
    order = sorted(range(len(names)), key=lambda i: (-weights[i], names[i]))
    vocabulary = sorted(str(names[i]) for i in order[:features])
    return _fit_on(prepared, corpus.labels, vocabulary, c)


def threshold_for(negatives: np.ndarray, target: float = TARGET_FALSE_ALARMS) -> float:
    """The lowest threshold at which at most `target` of the non-reports score at or above it.

    E.g. 1,000 non-reports, target 2 %: halfway between the 20th and the 21st highest score.
    """
    ranked = np.sort(negatives)[::-1]
    allowed = int(np.floor(target * len(ranked)))
    if allowed >= len(ranked):
        return 0.0
    above = ranked[allowed - 1] if allowed > 0 else 1.0
    return float((ranked[allowed] + above) / 2)


@dataclass(frozen=True)
class Rates:
    reports: int
    caught: int
    others: int
    alarms: int

    @classmethod
    def of(cls, labels: np.ndarray, fired: np.ndarray) -> Rates:
        return cls(
            int(labels.sum()),
            int((fired & (labels == 1)).sum()),
            int((labels == 0).sum()),
            int((fired & (labels == 0)).sum()),
        )

    @property
    def recall(self) -> float:
        return self.caught / self.reports if self.reports else 0.0

    @property
    def false_alarms(self) -> float:
        return self.alarms / self.others if self.others else 0.0

    def __str__(self) -> str:
        return (
            f"recall {100 * self.recall:5.1f}% ({self.caught}/{self.reports}), "
            f"false alarms {100 * self.false_alarms:4.1f}% ({self.alarms}/{self.others})"
        )

    def as_dict(self) -> dict[str, float | int]:
        return {
            "reports": self.reports,
            "caught": self.caught,
            "non_reports": self.others,
            "false_alarms": self.alarms,
            "recall": round(self.recall, 4),
            "false_alarm_rate": round(self.false_alarms, 4),
        }


@dataclass(frozen=True)
class CrossValidation:
    threshold: float
    folds: tuple[Rates, ...]
    overall: Rates


def cross_validate(corpus: Corpus, features: int, c: float, quiet: bool = False) -> CrossValidation:
    """Out-of-fold scores of a stratified k-fold, the threshold they give, and each fold's rates."""
    scores = np.zeros(len(corpus.texts))
    splits = list(
        StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(scores, corpus.labels)
    )
    for train, test in splits:
        fitted = fit(corpus.subset(np.isin(np.arange(len(scores)), train)), features, c)
        scores[test] = fitted.scores([corpus.texts[i] for i in test])
    threshold = threshold_for(scores[corpus.labels == 0])
    fired = scores >= threshold
    folds = tuple(Rates.of(corpus.labels[test], fired[test]) for _, test in splits)
    overall = Rates.of(corpus.labels, fired)
    if not quiet:
        for n, rates in enumerate(folds, 1):
            print(f"  fold {n}: {rates}")
        print(f"  overall: {overall} at threshold {threshold:.4f}")
    return CrossValidation(threshold, folds, overall)


# -- the file ------------------------------------------------------------------------------


def data_date() -> str:
    """The date of the training data: its last commit when committed, else today."""
    inputs = [str(p.relative_to(ROOT)) for p in [*training_files(), FAQ]]
    try:
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", *inputs],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        last = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", *inputs],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        dirty, last = "unknown", ""
    return last if last and not dirty else datetime.now(UTC).date().isoformat()


def digest(corpus: Corpus) -> str:
    """A fingerprint of the training data (texts and labels), to tell two trainings apart."""
    h = hashlib.sha256()
    for text, label in zip(corpus.texts, corpus.labels, strict=True):
        h.update(f"{label}\t{text}\n".encode())
    return h.hexdigest()


# How the n-grams are taken: the same for every model trained here, read by bot.learned.
FEATURES_SPEC = {
    "format": 1,
    "analyzer": "char",
    "ngram_range": list(NGRAMS),
    "sublinear_tf": True,
    "norm": "l2",
    "max_chars": MAX_CHARS,
    "preprocess": "bot.learned.prepare(bot.text.fold(text))",
}


def export(fitted: Fitted, cv: CrossValidation, corpus: Corpus, features: int, c: float) -> dict:
    vocabulary = [str(g) for g in fitted.vectorizer.get_feature_names_out()]
    sources: dict[str, int] = {}
    for names in corpus.sources:
        for name in names:
            sources[name] = sources.get(name, 0) + 1
    return {
        **FEATURES_SPEC,
        "vocabulary": vocabulary,
        "idf": [round(float(x), DIGITS) for x in fitted.vectorizer.idf_],
        "weights": [round(float(x), DIGITS) for x in fitted.classifier.coef_[0]],
        "bias": round(float(fitted.classifier.intercept_[0]), DIGITS),
        "threshold": round(cv.threshold, DIGITS),
        "training": {
            "date": data_date(),
            "messages": len(corpus.texts),
            "reports": int(corpus.labels.sum()),
            "non_reports": int((corpus.labels == 0).sum()),
            "messages_per_file": dict(sorted(sources.items())),
            "data_sha256": digest(corpus),
            "features": len(vocabulary),
            "C": c,
            "class_weight": "balanced",
            "pruning": {
                "min_messages": MIN_MESSAGES,
                "min_messages_with_digit_or_latin_run": MIN_MESSAGES_RISKY,
                "kept_by_weight": features,
            },
            "cv": {
                "folds": FOLDS,
                "seed": SEED,
                "target_false_alarm_rate": TARGET_FALSE_ALARMS,
                "per_fold": [r.as_dict() for r in cv.folds],
                "overall": cv.overall.as_dict(),
            },
            "sklearn": sklearn.__version__,
        },
    }


def write(model: dict, path: Path) -> None:
    """One sorted key per line: valid JSON, small, and a readable diff of the summary."""

    def compact(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    lines = [f"{json.dumps(key)}:{compact(model[key])}" for key in sorted(model)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def train(features: int, c: float, out: Path) -> int:
    corpus = load_corpus()
    reports = int(corpus.labels.sum())
    print(f"{len(corpus.texts)} messages ({reports} reports, {len(corpus.texts) - reports} not)")
    print(
        f"stratified {FOLDS}-fold cross-validation, at most {TARGET_FALSE_ALARMS:.0%} false alarms:"
    )
    cv = cross_validate(corpus, features, c)
    fitted = fit(corpus, features, c)
    write(export(fitted, cv, corpus, features, c), out)
    size = out.stat().st_size / 1024
    print(f"wrote {out}: {len(fitted.vectorizer.vocabulary_)} n-grams, {size:.0f} KB")
    return 0


# -- the honest table: one set held out at a time -------------------------------------------


def cross_sets(features: int, c: float) -> int:
    """Train on every set but one (and the FAQ), test on the one left out; rotate."""
    corpus = load_corpus()
    phones = frozenset(p.replace("-", "") for p in kb.load(FAQ).facts.phones)
    rules_fired = np.array([looks_like_report(t, phones, sure=False) for t in corpus.texts])
    columns = ["held-out set", "reports", "others"]
    for who in ("model", "rules", "rules OR model", "rules AND sure model"):
        columns += [f"{who} recall", f"{who} false alarms"]
    print("| " + " | ".join(columns) + " |")
    print("| --- | ---: | ---: |" + " ---: |" * 8)
    totals: dict[str, list[Rates]] = {"model": [], "rules": [], "either": [], "shipped": []}
    for path in training_files():
        held = np.array([path.name in s for s in corpus.sources])
        train_part, test_part = corpus.subset(~held), corpus.subset(held)
        # The threshold is chosen on the training part alone, as it will be for unseen messages.
        cv = cross_validate(train_part, features, c, quiet=True)
        scores = fit(train_part, features, c).scores(test_part.texts)
        model_fired = scores >= cv.threshold
        rows = {
            "model": Rates.of(test_part.labels, model_fired),
            "rules": Rates.of(test_part.labels, rules_fired[held]),
            "either": Rates.of(test_part.labels, model_fired | rules_fired[held]),
            # What the bot does: the rules, with the `corroborated` rule fed this model's view.
            "shipped": Rates.of(test_part.labels, np.array([
                looks_like_report(t, phones, sure=bool(s >= SURE))
                for t, s in zip(test_part.texts, scores, strict=True)
            ])),
        }
        for key, rates in rows.items():
            totals[key].append(rates)
        print(_row(path.name, rows), flush=True)
    pooled = {key: _pool(rs) for key, rs in totals.items()}
    print(_row("**all sets**", pooled))
    return 0


def _pool(rates: list[Rates]) -> Rates:
    return Rates(
        *(sum(getattr(r, f) for r in rates) for f in ("reports", "caught", "others", "alarms"))
    )


def _row(name: str, rows: dict[str, Rates]) -> str:
    m = rows["model"]
    cells = [name, str(m.reports), str(m.others)]
    for key in ("model", "rules", "either", "shipped"):
        r = rows[key]
        cells += [f"{100 * r.recall:.1f} %", f"{100 * r.false_alarms:.1f} %"]
    return "| " + " | ".join(cells) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cross-sets", action="store_true", help="hold out each set in turn")
    parser.add_argument("--features", type=int, default=FEATURES, help="n-grams kept")
    parser.add_argument("-C", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--out", type=Path, default=OUT, help="the JSON written")
    args = parser.parse_args(argv)
    if args.cross_sets:
        return cross_sets(args.features, args.C)
    return train(args.features, args.C, args.out)


if __name__ == "__main__":
    sys.exit(main())
