"""A learned second opinion on "is this a report?", beside the rules of `bot.guard`.

`training/train_guard.py` (`make train`) fits TF-IDF over character 1–4-grams with logistic
regression on the labelled sets and exports the weights to `knowledge/language/report_model.json`;
this module scores a message with those weights in plain Python, so the bot never imports
scikit-learn and starts as fast as before. The features are exactly sklearn's
`TfidfVectorizer(analyzer="char", ngram_range=(1, 4), sublinear_tf=True, norm="l2")` with the
exported vocabulary and idf, and `report_score` equals the fitted model's `predict_proba`
(a test checks it to 1e-9).

Privacy: the model stores no message, only n-grams that occur in several training messages
(see the training script's pruning), and it returns numbers; `explain` names the n-grams that
weighed most, for `eval -v` only; it is never logged.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

from bot.language import language_file

log = logging.getLogger(__name__)
M = TypeVar("M")

# The score reads at most this many characters: the cost per message is bounded, and a long
# letter is a report long before its 512th character.
MAX_CHARS = 512
# Above this score the model is sure enough to refuse beside the rules, when the message tells
# of something in particular and asks nothing (the guard's `corroborated` rule). Chosen on
# held-out sets (`train_guard.py --cross-sets`: each set scored by a model that never saw it):
# at 0.9 it refused no question the rules did not, while 0.8 refused 物业把小区绿地铲了改成
# 停车位,还按月收钱, a complaint for 12345.
SURE = 0.9
MODEL_NAME = Path("language") / "report_model.json"

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def prepare(folded: str) -> str:
    """The text the n-grams are taken from, shared with the training script.

    Digits are dropped: the words around a number decide, not the number. In the training
    sets most numbers are in reports (amounts, ID and phone numbers), so a model that saw
    digits took 88881877总是忙音 (our own line, quoted back) for a report; without them it reads
    总是忙音 换个号打, and 收了80万 still reads 收了万. No number of a training report can become
    a feature either. Blank runs read as one space (as sklearn's char analyzer would); only the
    first MAX_CHARS characters count.
    """
    return _SPACES.sub(" ", _DIGITS.sub("", folded[:MAX_CHARS])).strip()


def ngrams(text: str, low: int, high: int) -> Counter[str]:
    """Character n-grams of `text`, as sklearn's `analyzer="char"` counts them."""
    return Counter(
        text[i : i + n]
        for n in range(low, min(high, len(text)) + 1)
        for i in range(len(text) - n + 1)
    )


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: the score cache keys on it
class Model:
    """The exported weights: per n-gram (idf, weight), and the decision's bias and threshold."""

    features: dict[str, tuple[float, float]]
    bias: float
    threshold: float
    ngram_range: tuple[int, int]
    sublinear_tf: bool

    @classmethod
    def from_json(cls, data: dict) -> Model:
        vocabulary, idf, weights = data["vocabulary"], data["idf"], data["weights"]
        if not len(vocabulary) == len(idf) == len(weights):
            raise ValueError("vocabulary, idf and weights differ in length")
        low, high = data["ngram_range"]
        return cls(
            features={
                g: (float(i), float(w)) for g, i, w in zip(vocabulary, idf, weights, strict=True)
            },
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            ngram_range=(int(low), int(high)),
            sublinear_tf=bool(data["sublinear_tf"]),
        )

    def contributions(self, folded: str) -> dict[str, float]:
        """Each known n-gram's share of the decision value (weight × its l2-normed tf-idf)."""
        values: dict[str, tuple[float, float]] = {}
        for gram, count in ngrams(prepare(folded), *self.ngram_range).items():
            known = self.features.get(gram)
            if known is not None:
                tf = 1.0 + math.log(count) if self.sublinear_tf else float(count)
                values[gram] = (tf * known[0], known[1])
        norm = math.sqrt(sum(v * v for v, _ in values.values()))
        if norm == 0.0:
            return {}
        return {gram: w * v / norm for gram, (v, w) in values.items()}

    def score(self, folded: str) -> float:
        z = self.bias + math.fsum(self.contributions(folded).values())
        # The logistic function, written so that neither branch can overflow.
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)


def model_path() -> Path | None:
    """Beside the FAQ (a campaign may bring its own), else the bundled one, else ./knowledge."""
    found = language_file(Path(MODEL_NAME).name)
    return found if found.is_file() else None


def read_weights(
    path: Path | None, name: Path, parse: Callable[[dict], M], instead: str
) -> M | None:
    """The weights file at `path` parsed, or None when there is none (`name` is what was looked
    for) or it is unusable, reported with what runs `instead`: a broken file must not stop the
    bot from answering."""
    if path is None:
        log.warning("no %s found: %s", name, instead)
        return None
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s is unusable (%s): %s", path, exc, instead)
        return None


@cache
def model() -> Model | None:
    """The model, read once; None (the rules alone decide) when no usable weights file is found."""
    instead = "the report guard runs on its rules alone"
    return read_weights(model_path(), MODEL_NAME, Model.from_json, instead)


def report_score(folded: str) -> float:
    """The probability that `folded` (after `text.fold`) is a report; 0.0 without a model."""
    m = model()
    return _score(m, folded) if m is not None else 0.0


@lru_cache(maxsize=64)
def _score(m: Model, folded: str) -> float:
    # The guard and the brain both ask about the same message: it is scored once.
    return m.score(folded)


def is_report(folded: str) -> bool:
    """The model's opinion: is the score at or above the threshold chosen by cross-validation?"""
    m = model()
    return m is not None and _score(m, folded) >= m.threshold


def is_sure(folded: str) -> bool:
    """Is the model sure (SURE) that `folded` is a report? False without a model."""
    return report_score(folded) >= SURE


def explain(folded: str, top: int = 5) -> list[tuple[str, float]]:
    """The n-grams that pushed the score up most, strongest first (for `eval -v`; never logged).

    E.g. 我们处长真有本事,房子一套接一套 (score 0.96) → [(',', 1.08), ('长', 0.87), ('我们', 0.55),
    …]: a told story (the comma), about a post (长), of one's own people (我们).
    """
    m = model()
    if m is None:
        return []
    ranked = sorted(m.contributions(folded).items(), key=lambda kv: (-kv[1], kv[0]))
    return [(gram, value) for gram, value in ranked[:top] if value > 0]
