"""Language data as checked YAML (text.yaml, boundary.yaml), and the cap on what is read."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain
from bot.boundary import boundary_data
from bot.knowledge import KnowledgeError
from bot.language import language_path, load_model
from bot.text import MAX_CHARS, TextData, _check, _fold_script, fold, language_data, normalise

SHIPPED = Path(__file__).resolve().parents[1] / "knowledge" / "language"


def _campaign(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    (tmp_path / "language").mkdir(exist_ok=True)
    (tmp_path / "language" / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("FAQ_PATH", str(tmp_path / "faq.yaml"))


def test_the_shipped_language_files_load() -> None:
    data = language_data()
    assert ("啥时候", "什么时候") in data.phrases
    # Longest first, so that 啥时候 is rewritten before 啥.
    keys = [k for k, _ in data.phrases]
    assert keys.index("啥时候") < keys.index("啥")
    assert boundary_data().subjects


def test_the_phrases_fold_as_before() -> None:
    assert normalise("请问一下咋整啊") == "怎么办"
    assert normalise("巡视组搁哪嘎达办公呢") == "巡视组搁哪里办公"
    assert fold("佢喺边度") == "他在哪里"


def test_every_phrase_and_filler_survives_folding() -> None:
    """A word that folding rewrites first (traditional, width, case) could never match."""
    doc = load_model("text.yaml", TextData)
    for word in [*doc.phrases, *doc.fillers]:
        assert _fold_script(word) == word, word


def test_a_word_folding_would_rewrite_is_reported_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        'phrases:\n  "咋整": "怎么办"\n  "郵編": "邮编"\n'
        "fillers: [请问, 請問]\nparticles: [啊, 呀呀]\n"
    )
    _campaign(tmp_path, monkeypatch, "text.yaml", text)
    assert language_path("text.yaml") == tmp_path / "language" / "text.yaml"
    with pytest.raises(KnowledgeError) as caught:
        load_model("text.yaml", TextData, _check)
    problems = [str(p) for p in caught.value.problems]
    assert any("text.yaml:3 phrases.郵編" in p and "邮编" in p for p in problems), problems
    assert any("text.yaml:4 fillers[1]" in p for p in problems), problems
    assert any("text.yaml:5 particles[1]" in p for p in problems), problems


def test_a_missing_section_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _campaign(tmp_path, monkeypatch, "text.yaml", "phrases: {}\nfillers: []\n")
    with pytest.raises(KnowledgeError) as caught:
        load_model("text.yaml", TextData, _check)
    assert any("particles" in str(p) for p in caught.value.problems)


def test_without_its_own_language_folder_a_campaign_uses_the_bundled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAQ_PATH", str(tmp_path / "faq.yaml"))
    assert language_path("text.yaml") == SHIPPED / "text.yaml"


@pytest.mark.parametrize("text", ["⒛" * 4096, "局" + "⒛" * 4095, "1" * 4096, "电话" * 5000])
def test_the_folded_text_is_capped_whatever_the_input(text: str) -> None:
    assert len(fold(text)) <= MAX_CHARS  # ⒛ would triple to "20." under NFKC
    assert len(normalise(text)) <= MAX_CHARS


def test_a_hostile_message_is_still_answered() -> None:
    brain = Brain.load()
    now = datetime(2026, 1, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    for text in ("⒛" * 4096, "局" + "⒛" * 4095, "电话" + "啊" * 5000):
        reply = brain.answer(text, now)
        assert reply.text and len(reply.text) <= 4096
