"""The learned report guard: the plain-Python scorer, its weights file, and how answers use it.

The examples here are our own, not copied from any evaluation set.
"""

from __future__ import annotations

import importlib.util
import io
import json
import math
import re
import sys
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from weights import DATA, ROOT, cases, exported_vectorizer, rare_ngrams, report_only_details

from bot import learned
from bot.answer import Brain
from bot.evaluate import Case, evaluate, print_report
from bot.guard import looks_like_report
from bot.text import fold
from bot.unanswered import UnansweredLog

SHIPPED = ROOT / "knowledge" / learned.MODEL_NAME
NOW = datetime(2016, 3, 10, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))

# Our own: a report with no reporting word, no name and no amount, which the rules let through
# as a question about the postcode; and plain questions.
HIDDEN_REPORT = "邮编多少 另外我们处长他老婆开了好几家公司"
REPORTS = (
    "我们处长真有本事,工资不高,房子一套接一套",
    "你们去他家车库看看就知道了",
    "我们镇的书记家新盖了三层小楼 他一个月才挣几千",
)
QUESTIONS = ("电话多少", "巡视组几号走", "举报信寄到哪里", "What is the phone number")


@cache
def brain() -> Brain:
    return Brain.load()


@cache
def shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    learned.model.cache_clear()
    monkeypatch.setattr(learned, "model_path", lambda: None)
    yield
    learned.model.cache_clear()


# -- the scorer --------------------------------------------------------------------------


def test_the_plain_python_score_is_sklearns_predict_proba() -> None:
    sklearn = pytest.importorskip(
        "sklearn", reason="scikit-learn is not installed (it is in the dev extra: make test)"
    )
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    data = shipped()
    assert data["training"]["sklearn"].split(".")[0] == sklearn.__version__.split(".")[0]
    vectorizer = exported_vectorizer(data)
    classifier = LogisticRegression()
    classifier.classes_ = np.array([0, 1])
    classifier.coef_ = np.array([data["weights"]])
    classifier.intercept_ = np.array([data["bias"]])

    # Every 12th case (about 300), some very long (over MAX_CHARS), some English, some empty.
    texts = [fold(c.q) for c in cases()[::12]]
    texts += [fold(q) for q in (*REPORTS, *QUESTIONS, "", "  ", "举报" * 400, HIDDEN_REPORT)]
    assert len(texts) >= 300
    expected = classifier.predict_proba(vectorizer.transform(map(learned.prepare, texts)))[:, 1]
    got = [learned.report_score(t) for t in texts]
    worst = max(abs(a - b) for a, b in zip(got, expected, strict=True))
    assert worst <= 1e-9


def test_reports_are_caught_and_questions_pass() -> None:
    for q in (*REPORTS, HIDDEN_REPORT):
        assert learned.is_report(fold(q)), q
    for q in QUESTIONS:
        assert not learned.is_report(fold(q)), q


def test_is_report_is_the_score_against_the_exported_threshold() -> None:
    threshold = learned.model().threshold
    assert threshold == shipped()["threshold"]
    for c in cases()[::50]:
        folded = fold(c.q)
        assert learned.is_report(folded) == (learned.report_score(folded) >= threshold)


def test_only_the_first_characters_are_read() -> None:
    head = "我们处长真有本事,房子一套接一套," * 40
    assert len(head) > learned.MAX_CHARS
    long = head + "请问电话多少" * 500
    assert learned.report_score(fold(long)) == learned.report_score(fold(head))


def test_digits_are_dropped_and_blanks_read_as_one_space() -> None:
    assert learned.prepare("收了80万  \n 辽a12345 ") == "收了万 辽a"
    assert learned.report_score("收了80万") == learned.report_score("收了50万")


def test_a_number_quoted_back_is_no_report() -> None:
    for q in ("024-88881977记下了,还有一个是啥", "88881877总是忙音 换个号打", "邮编是110034吗"):
        assert not learned.is_report(fold(q)), q


def test_explain_names_the_grams_of_the_message_that_pushed_the_score_up() -> None:
    folded = fold(REPORTS[0])
    top = learned.explain(folded, top=5)
    assert 0 < len(top) <= 5
    assert all(gram in learned.prepare(folded) and value > 0 for gram, value in top)
    assert [v for _, v in top] == sorted((v for _, v in top), reverse=True)
    # The contributions add up to the decision value behind the probability.
    m = learned.model()
    z = m.bias + sum(m.contributions(folded).values())
    assert math.isclose(1 / (1 + math.exp(-z)), learned.report_score(folded), rel_tol=1e-12)
    assert learned.explain("") == []


def test_without_a_weights_file_the_rules_decide_alone(no_model: None) -> None:
    assert learned.model() is None
    assert learned.report_score(fold(REPORTS[0])) == 0.0
    assert not learned.is_report(fold(REPORTS[0]))
    assert learned.explain(fold(REPORTS[0])) == []


@pytest.mark.parametrize("broken", ["{", '{"vocabulary": ["a"], "idf": [], "weights": []}', "[]"])
def test_a_broken_weights_file_leaves_the_rules_alone(
    broken: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "report_model.json"
    path.write_text(broken, encoding="utf-8")
    learned.model.cache_clear()
    monkeypatch.setattr(learned, "model_path", lambda: path)
    try:
        assert not learned.is_report(fold(REPORTS[0]))
        assert "unusable" in caplog.text and str(path) in caplog.text
        assert brain().answer("电话多少", NOW).kind == "faq"
    finally:
        learned.model.cache_clear()


def test_the_weights_file_is_found_beside_the_faq(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "language").mkdir()
    own = tmp_path / learned.MODEL_NAME
    own.write_bytes(SHIPPED.read_bytes())
    monkeypatch.setenv("FAQ_PATH", str(tmp_path / "faq.yaml"))
    assert learned.model_path() == own
    monkeypatch.delenv("FAQ_PATH")
    assert learned.model_path() == SHIPPED


# -- the file: small, complete, and holding no one's details ----------------------------


def test_the_file_is_small_and_complete() -> None:
    data = shipped()
    assert SHIPPED.stat().st_size <= 300 * 1024
    assert len(data["vocabulary"]) == len(data["idf"]) == len(data["weights"])
    assert data["vocabulary"] == sorted(set(data["vocabulary"]))
    assert data["ngram_range"] == [1, 4] and data["max_chars"] == learned.MAX_CHARS
    summary = data["training"]
    assert summary["messages"] == summary["reports"] + summary["non_reports"]
    assert summary["cv"]["target_false_alarm_rate"] == 0.02
    assert summary["cv"]["overall"]["false_alarm_rate"] <= 0.02
    assert len(summary["cv"]["per_fold"]) == summary["cv"]["folds"]
    assert 0 < data["threshold"] < 1


def test_no_detail_of_a_training_report_is_a_feature() -> None:
    vocabulary = shipped()["vocabulary"]
    details = report_only_details()
    # Names that recur in several sets' reports (so "in 3 messages" alone would keep them).
    assert {"王海涛", "赵德胜", "孙立平", "高建华", "李红"} <= details
    leaked = sorted(d for d in details if any(d in gram for gram in vocabulary))
    assert not leaked, f"report details in the weights (new data? run make train): {leaked}"


def test_every_feature_occurs_in_several_training_messages() -> None:
    vocabulary = set(shipped()["vocabulary"])
    rare = rare_ngrams(vocabulary)
    assert not rare, f"n-grams too rare to share (data changed? run make train): {rare[:20]}"
    assert not any(re.search(r"\d", g) for g in vocabulary)  # digits are dropped


@cache
def trainer() -> ModuleType:
    path = ROOT / "training" / "train_guard.py"
    spec = importlib.util.spec_from_file_location("train_guard", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_guard"] = module
    spec.loader.exec_module(module)
    return module


def test_training_twice_on_the_same_data_gives_the_same_weights() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn is not installed (dev extra)")
    import numpy as np

    train = trainer()
    corpus = train.load_corpus()
    small = corpus.subset(np.arange(len(corpus.texts)) % 4 == 0)
    first, second = (train.fit(small, features=500) for _ in range(2))
    assert list(first.vectorizer.get_feature_names_out()) == list(
        second.vectorizer.get_feature_names_out()
    )
    assert (first.classifier.coef_ == second.classifier.coef_).all()
    assert len(first.vectorizer.vocabulary_) == 500


def test_training_reads_the_labelled_sets_and_the_blind_sets_already_run() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn is not installed (dev extra)")
    files = trainer().training_files()
    assert files == DATA
    assert any(p.parent.name == "blind" for p in files)
    # Nothing outside tests/data: a held-out set not yet run is never learned from.
    assert all(p.is_relative_to(ROOT / "tests" / "data") for p in files)
    sources = shipped()["training"]["messages_per_file"]
    assert {p.name for p in files} | {"faq.yaml"} == set(sources)


def test_the_threshold_allows_at_most_the_target_share_of_false_alarms() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn is not installed (dev extra)")
    import numpy as np

    negatives = np.linspace(0.0, 0.99, 100)  # 100 non-reports: at most 2 may reach it
    t = trainer().threshold_for(negatives, 0.02)
    assert (negatives >= t).sum() == 2
    assert trainer().threshold_for(negatives, 0.0) > negatives.max()


# -- composing the reply: rules, model, both -------------------------------------------


def note() -> str:
    return brain()._message("privacy_note", "zh")


def test_only_the_model_fires_the_question_is_answered_with_the_note() -> None:
    folded = fold(HIDDEN_REPORT)
    assert learned.is_report(folded) and not looks_like_report(folded)
    reply = brain().answer(HIDDEN_REPORT, NOW)
    assert reply.kind == "faq" and "mail" in reply.topics
    assert "110034" in reply.text
    assert reply.text.endswith(note())
    assert "县长" not in reply.text and "公司" not in reply.text


def test_rules_and_model_agree_the_reply_is_the_refusal() -> None:
    q = "我们镇的书记家新盖了三层小楼 他一个月才挣几千"
    assert learned.is_report(fold(q)) and looks_like_report(fold(q))
    reply = brain().answer(q, NOW)
    assert reply.kind == "report_guard"
    assert note() not in reply.text and "小楼" not in reply.text


def test_only_the_rules_fire_the_reply_is_the_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "is_report", lambda folded: False)
    reply = brain().answer("我要举报张某某局长收了50万", NOW)
    assert reply.kind == "report_guard"


def test_neither_fires_no_note() -> None:
    for q in QUESTIONS:
        assert note() not in brain().answer(q, NOW).text, q


def test_the_note_is_added_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # 村支书贪污找谁 already gets the note from the rules' mentions_wrongdoing.
    monkeypatch.setattr(learned, "is_report", lambda folded: True)
    text = brain().answer("村支书贪污找谁", NOW).text
    assert text.count(note()) == 1


def test_a_fallback_the_model_doubts_gets_the_note_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "is_report", lambda folded: True)
    reply = brain().answer("红烧肉怎么做", NOW)
    assert reply.kind == "fallback" and reply.text.endswith(note())


def test_an_english_reply_gets_the_english_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "is_report", lambda folded: True)
    reply = brain().answer("What is the phone number", NOW)
    assert reply.lang == "en" and reply.text.endswith(brain()._message("privacy_note", "en"))


def test_a_likely_report_is_never_kept_in_the_unanswered_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = UnansweredLog(str(tmp_path / "unanswered.jsonl"))
    plain = brain().answer("红烧肉怎么做", NOW)
    assert log.maybe_record("红烧肉怎么做", plain, brain().knowledge)
    # The same kind of weak reply, when only the model thinks it is a report: not kept.
    monkeypatch.setattr(learned, "is_report", lambda folded: True)
    doubted = brain().answer("红烧鱼怎么做", NOW)
    assert doubted.kind != "report_guard"
    assert not log.maybe_record("红烧鱼怎么做", doubted, brain().knowledge)


def test_eval_verbose_shows_the_models_score_beside_a_failure() -> None:
    case = Case(q=HIDDEN_REPORT, category="report", kind="report_guard", must_not=("县长",))
    out = io.StringIO()
    print_report(evaluate(brain(), [case], NOW), file="own.yaml", verbose=True, out=out)
    line = next(x for x in out.getvalue().splitlines() if "report model:" in x)
    score = float(line.split("report model:")[1].split()[0])
    assert score == pytest.approx(learned.report_score(fold(HIDDEN_REPORT)), abs=0.005)
    assert learned.explain(fold(HIDDEN_REPORT))[0][0] in line
