"""A learned second opinion on the topic, for when the matcher's words and examples are unsure.

`training/train_topics.py` (`make train`) fits TF-IDF over character 1–4-grams (the report
model's features, `bot.learned.prepare`) with multinomial logistic regression over the FAQ's
topics and routes, on the labelled sets and the FAQ's examples, and exports the weights to
`knowledge/language/topic_model.json`; this module scores a message with them in plain
Python (the bot never imports scikit-learn). `probabilities` equals the fitted model's
`predict_proba` (a test checks it to 1e-9).

The brain asks it only where it would otherwise say "not understood" or "did you mean", and
takes its topic only at or above the threshold chosen on held-out sets (see the training
script): 理发店办的卡,店说关门就关门了 names no word of the consumer route, and the model,
having read a thousand complaints, still knows it for one.

Privacy: like the report model, the file holds only n-grams found in several training
messages, never a message, and the model returns numbers; it is never logged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from bot.language import language_file
from bot.learned import ngrams, prepare, read_weights

MODEL_NAME = Path("language") / "topic_model.json"
NONE = "_none"  # the class of messages that ask nothing the bot knows (nonsense, jokes)


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: the score cache keys on it
class TopicModel:
    """Per n-gram its idf and its non-zero weights by class; per class a bias."""

    classes: tuple[str, ...]
    features: dict[str, tuple[float, tuple[tuple[int, float], ...]]]
    bias: tuple[float, ...]
    threshold: float
    ngram_range: tuple[int, int]
    sublinear_tf: bool

    @classmethod
    def from_json(cls, data: dict) -> TopicModel:
        classes = tuple(str(c) for c in data["classes"])
        vocabulary, idf, weights = data["vocabulary"], data["idf"], data["weights"]
        if not len(vocabulary) == len(idf) == len(weights):
            raise ValueError("vocabulary, idf and weights differ in length")
        if len(data["bias"]) != len(classes):
            raise ValueError("one bias per class")
        features = {}
        for gram, gram_idf, row in zip(vocabulary, idf, weights, strict=True):
            # row: [class, weight, class, weight, …], only the weights that count
            if len(row) % 2:
                raise ValueError(f"the weights of {gram!r} are not class, weight pairs")
            pairs = tuple((int(k), float(w)) for k, w in zip(row[::2], row[1::2], strict=True))
            if any(not 0 <= k < len(classes) for k, _ in pairs):
                raise ValueError(f"a weight of {gram!r} names no class")
            features[str(gram)] = (float(gram_idf), pairs)
        low, high = data["ngram_range"]
        return cls(
            classes=classes,
            features=features,
            bias=tuple(float(b) for b in data["bias"]),
            threshold=float(data["threshold"]),
            ngram_range=(int(low), int(high)),
            sublinear_tf=bool(data["sublinear_tf"]),
        )

    def probabilities(self, folded: str) -> list[float]:
        """The probability of each class (in `classes` order) for a folded message."""
        values: list[tuple[float, tuple[tuple[int, float], ...]]] = []
        for gram, count in ngrams(prepare(folded), *self.ngram_range).items():
            known = self.features.get(gram)
            if known is not None:
                tf = 1.0 + math.log(count) if self.sublinear_tf else float(count)
                values.append((tf * known[0], known[1]))
        norm = math.sqrt(math.fsum(v * v for v, _ in values)) or 1.0
        z = list(self.bias)
        for value, pairs in values:
            for k, weight in pairs:
                z[k] += weight * value / norm
        top = max(z)
        exp = [math.exp(v - top) for v in z]  # softmax, shifted so that nothing overflows
        total = math.fsum(exp)
        return [e / total for e in exp]

    def best(self, folded: str) -> tuple[str, float]:
        """The most probable class and its probability."""
        p = self.probabilities(folded)
        k = max(range(len(p)), key=p.__getitem__)
        return self.classes[k], p[k]

    def vote(self, folded: str, threshold: float | None = None) -> tuple[str, float] | None:
        """The best class and its probability if it is a topic (not NONE) and at or above
        `threshold` (the exported one unless given, as the training script tries others)."""
        topic, p = self.best(folded)
        sure = p >= (self.threshold if threshold is None else threshold)
        return (topic, p) if sure and topic != NONE else None


def model_path() -> Path | None:
    """Beside the FAQ (a campaign may bring its own), else the bundled one."""
    found = language_file(Path(MODEL_NAME).name)
    return found if found.is_file() else None


@cache
def model() -> TopicModel | None:
    """The model, read once; None (the matcher alone decides) when no usable file is found."""
    instead = "topics are found by the matcher alone"
    return read_weights(model_path(), MODEL_NAME, TopicModel.from_json, instead)


def vote(folded: str) -> tuple[str, float] | None:
    """The model's topic for a folded message and its probability, if it is sure enough (at
    or above its threshold) and the topic is one it knows; None otherwise."""
    m = model()
    return _vote(m, folded) if m is not None else None


@lru_cache(maxsize=64)
def _vote(m: TopicModel, folded: str) -> tuple[str, float] | None:
    return m.vote(folded)
