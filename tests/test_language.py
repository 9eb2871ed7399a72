"""The shared language data is found beside the FAQ first, then with the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.language import _BUNDLED, language_file


def test_beside_the_faq_wins(tmp_path: Path) -> None:
    own = tmp_path / "language" / "guard.yaml"
    own.parent.mkdir()
    own.write_text("x", "utf-8")
    assert language_file("guard.yaml", tmp_path / "faq.yaml") == own


def test_the_first_campaign_of_faq_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "a" / "language" / "regions.yaml"
    own.parent.mkdir(parents=True)
    own.write_text("x", "utf-8")
    monkeypatch.setenv("FAQ_PATH", f"{tmp_path / 'a' / 'faq.yaml'}, {tmp_path / 'b' / 'faq.yaml'}")
    assert language_file("regions.yaml") == own


def test_else_the_bundled_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAQ_PATH", str(tmp_path / "faq.yaml"))  # a folder without language/
    assert language_file("privacy.yaml") == _BUNDLED / "privacy.yaml"
    assert (_BUNDLED / "privacy.yaml").is_file()


def test_else_the_working_directorys_knowledge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An installed package has no knowledge folder beside it; the image runs in /app.
    monkeypatch.setattr("bot.language._BUNDLED", tmp_path / "nowhere")
    monkeypatch.delenv("FAQ_PATH", raising=False)
    (tmp_path / "knowledge" / "language").mkdir(parents=True)
    (tmp_path / "knowledge" / "language" / "guard.yaml").write_text("x", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert language_file("guard.yaml") == Path("knowledge") / "language" / "guard.yaml"
