"""The learned topic vote: the plain-Python scorer, its weights file, and where the brain uses it.

The examples here are our own, not copied from any evaluation set.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from weights import ROOT, cases, exported_vectorizer, rare_ngrams

from bot import learned, learned_topics
from bot.answer import Brain
from bot.knowledge import load
from bot.learned_topics import NONE, TopicModel
from bot.text import fold

SHIPPED = ROOT / "knowledge" / learned_topics.MODEL_NAME
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
MUMBLE = "我琢磨了好几天这个事还是想不明白"  # a message the matcher cannot place


@cache
def shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    learned_topics.model.cache_clear()
    monkeypatch.setattr(learned_topics, "model_path", lambda: None)
    yield
    learned_topics.model.cache_clear()


# -- the scorer --------------------------------------------------------------------------


def test_the_plain_python_probabilities_are_sklearns_predict_proba() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn is not installed (dev extra: make test)")
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    data = shipped()
    vectorizer = exported_vectorizer(data)
    coef = np.zeros((len(data["classes"]), len(data["vocabulary"])))
    for j, row in enumerate(data["weights"]):
        for k, w in zip(row[::2], row[1::2], strict=True):
            coef[k, j] = w
    classifier = LogisticRegression()
    classifier.classes_ = np.array(data["classes"])
    classifier.coef_ = coef
    classifier.intercept_ = np.array(data["bias"])

    texts = [fold(c.q) for c in cases()[::12]]
    texts += [fold(q) for q in ("", "  ", "电话" * 600, "What is the phone number", MUMBLE)]
    assert len(texts) >= 300
    expected = classifier.predict_proba(vectorizer.transform(map(learned.prepare, texts)))
    model = learned_topics.model()
    assert model is not None
    worst = max(
        abs(a - b)
        for text, row in zip(texts, expected, strict=True)
        for a, b in zip(model.probabilities(text), row, strict=True)
    )
    assert worst <= 1e-9


def test_the_best_class_is_the_most_probable() -> None:
    model = learned_topics.model()
    assert model is not None
    p = model.probabilities(fold("巡视组的值班电话是多少"))
    topic, best = model.best(fold("巡视组的值班电话是多少"))
    assert topic == "phone" and best == max(p) and abs(sum(p) - 1.0) < 1e-9


def test_the_vote_keeps_only_what_it_is_sure_of(monkeypatch: pytest.MonkeyPatch) -> None:
    model = learned_topics.model()
    assert model is not None
    sure = fold("巡视组的值班电话是多少")
    assert learned_topics.vote(sure) == model.best(sure)
    monkeypatch.setattr(TopicModel, "best", lambda self, folded: ("consumer", 0.01))
    assert model.vote(sure) is None  # below the exported threshold
    assert model.vote(sure, threshold=0.005) == ("consumer", 0.01)  # a threshold of one's own
    monkeypatch.setattr(TopicModel, "best", lambda self, folded: (NONE, 0.99))
    assert model.vote(sure) is None  # "nothing the bot knows" is no topic


def test_without_a_weights_file_the_matcher_decides_alone(no_model: None) -> None:
    assert learned_topics.model() is None
    assert learned_topics.vote(fold("电话多少")) is None
    assert Brain.load().answer("电话多少", NOW).topics == ("phone",)


@pytest.mark.parametrize(
    "broken",
    [
        "{",
        "[]",
        '{"classes": ["a"], "vocabulary": ["x"], "idf": [1.0], "weights": [[0]], "bias": [0.0],'
        ' "threshold": 0.5, "ngram_range": [1, 4], "sublinear_tf": true}',  # half a pair
        '{"classes": ["a"], "vocabulary": ["x"], "idf": [1.0], "weights": [[3, 1.0]],'
        ' "bias": [0.0], "threshold": 0.5, "ngram_range": [1, 4], "sublinear_tf": true}',
    ],
)
def test_a_broken_weights_file_leaves_the_matcher_alone(
    broken: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "topic_model.json"
    path.write_text(broken, encoding="utf-8")
    learned_topics.model.cache_clear()
    monkeypatch.setattr(learned_topics, "model_path", lambda: path)
    try:
        assert learned_topics.vote(fold("电话多少")) is None
        assert "unusable" in caplog.text and str(path) in caplog.text
    finally:
        learned_topics.model.cache_clear()


# -- the file: small, complete, and holding no one's details ----------------------------


def test_the_file_is_small_and_complete() -> None:
    data = shipped()
    assert SHIPPED.stat().st_size <= 600 * 1024
    assert len(data["vocabulary"]) == len(data["idf"]) == len(data["weights"])
    assert data["vocabulary"] == sorted(set(data["vocabulary"]))
    assert len(data["bias"]) == len(data["classes"]) and NONE in data["classes"]
    faq = {i.id for i in load(ROOT / "knowledge" / "faq.yaml").intents}
    assert set(data["classes"]) - {NONE} <= faq  # every class is a topic of the FAQ
    assert 0 < data["threshold"] < 1
    assert TopicModel.from_json(data).classes == tuple(data["classes"])


def test_no_detail_of_a_report_and_no_rare_n_gram_is_a_feature() -> None:
    vocabulary = set(shipped()["vocabulary"])
    rare = rare_ngrams(vocabulary)
    assert not rare, f"n-grams too rare to share (data changed? run make train): {rare[:20]}"
    details = {
        learned.prepare(fold(d)) for c in cases() if c.kind == "report_guard" for d in c.must_not
    }
    questions = [learned.prepare(fold(c.q)) for c in cases() if c.kind != "report_guard"]
    private = {d for d in details if len(d) >= 2 and not any(d in q for q in questions)}
    assert not [d for d in private if any(d in gram for gram in vocabulary)]


# -- where the brain asks it --------------------------------------------------------------


def _brain(vote: tuple[str, float] | None) -> Brain:
    return Brain(load(ROOT / "knowledge" / "faq.yaml"), topic_vote=lambda folded: vote)


def test_the_vote_answers_where_the_matcher_would_say_not_understood() -> None:
    assert Brain.load().answer(MUMBLE, NOW).kind == "fallback"
    reply = _brain(("consumer", 0.9)).answer(MUMBLE, NOW)
    assert reply.kind == "route" and reply.topics == ("consumer",) and "12315" in reply.text


def test_the_vote_never_overrides_what_the_matcher_is_sure_of() -> None:
    assert _brain(("consumer", 0.99)).answer("巡视组电话多少", NOW).topics == ("phone",)


@pytest.mark.parametrize("topic", ["thanks", "off_topic", "no_such_topic"])
def test_small_talk_or_an_unknown_topic_is_never_voted(topic: str) -> None:
    assert _brain((topic, 0.99)).answer(MUMBLE, NOW).kind == "fallback"


def test_reports_and_other_provinces_are_decided_before_any_vote() -> None:
    voting = _brain(("phone", 0.99))
    assert voting.answer("我们处长真有本事,工资不高,房子一套接一套", NOW).kind == "report_guard"
    reply = voting.answer("江西的巡视组电话多少", NOW)
    assert reply.kind == "boundary" and "88881877" not in reply.text


def test_ones_own_troubles_are_never_voted_for_someones_wrongdoing() -> None:
    reply = _brain(("grievance", 0.99)).answer("要是有个科长收钱 我琢磨了好几天还是想不明白", NOW)
    assert "grievance" not in reply.topics


def test_a_short_message_says_too_little_for_a_vote() -> None:
    reply = _brain(("phone", 0.99)).answer("巡视组的那个", NOW)
    assert reply.kind == "fallback" and reply.suggestions
