"""The guard's words as data: knowledge/language/guard.yaml, validated, and every word one
that folding leaves alone (a word `fold` rewrites can never be found in folded text).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from bot import knowledge as kb
from bot.check import main as check_main
from bot.guard import SURNAMES, lexicon  # SURNAMES: what bot.privacy imports
from bot.guard import words as guard_words
from bot.knowledge import KnowledgeError
from bot.text import fold, normalise

SHIPPED = Path(__file__).resolve().parents[1] / "knowledge" / "language" / "guard.yaml"


def rewritten(words: Iterable[str], how: Callable[[str], str]) -> dict[str, str]:
    """word → what `how` makes of it, for every word it changes."""
    return {w: how(w) for w in words if how(w) != unicodedata.normalize("NFKC", w).lower()}


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "guard.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# The shipped officials line, whole, so that adding a word to it does not break the tests below.
OFFICIALS = next(
    line for line in SHIPPED.read_text(encoding="utf-8").splitlines()
    if line.startswith("officials: [")
)


def problems(path: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        guard_words.load(path)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


# -- the fold test --------------------------------------------------------------------------


def test_the_fold_test_finds_words_that_can_never_match() -> None:
    found = rewritten(["哪来这么多钱", "哪儿", "咋", "该咋", "邮箱", "利是", "局长"], fold)
    assert found == {
        "哪来这么多钱": "哪来这么多少",
        "哪儿": "哪里",
        "咋": "怎么",
        "该咋": "该怎么",
        "邮箱": "信箱",
        "利是": "红包",
    }


def test_every_guard_word_is_written_as_folding_leaves_it() -> None:
    words = [w for _, w in lexicon().words()]
    assert len(words) > 500
    assert rewritten(words, fold) == {}


# The FAQ's keywords are matched after `normalise` (the matcher normalises them too, so they
# still match), but a keyword normalised into another word says something else: 电子邮箱
# becomes 电子信箱 (the PO box), 干嘛的 becomes 干的, 在吗 becomes 在. These are known and
# belong to knowledge/faq.yaml's maintainers; a new one fails this test.
KNOWN_FAQ_REWRITES = frozenset(
    {"号码", "热线", "联系电话", "邮政编码", "电话和邮箱", "电子邮箱", "e-mail",
     "要钱吗", "管用吗", "有用吗", "靠谱吗", "干嘛的", "在吗", "您好老师", "有人吗", "官方的吗"}
)  # fmt: skip


def test_no_new_faq_keyword_is_rewritten_by_normalising() -> None:
    words = [w for i in kb.load().intents for w in (*i.keywords, *(i.hints or ()))]
    assert set(rewritten(words, normalise)) <= KNOWN_FAQ_REWRITES


# The regions are looked for in folded text. 阿拉善 folds to 我们善 (Wu 阿拉 = 我们), so it
# can never be found; known, and for knowledge/language/regions.yaml's maintainers to fix.
KNOWN_REGION_REWRITES = frozenset({"阿拉善"})


def test_no_new_region_name_is_rewritten_by_folding() -> None:
    regions = kb.read_yaml(SHIPPED.parent / "regions.yaml").data["regions"]
    words = [w for r in regions for w in (r["name"], *r.get("short", ()), *r.get("cities", ()))]
    assert len(words) > 300
    assert set(rewritten(words, fold)) <= KNOWN_REGION_REWRITES


# -- the file -------------------------------------------------------------------------------


def test_surnames_for_the_masking_come_from_the_lexicon() -> None:
    assert frozenset(lexicon().surnames) == SURNAMES and len(SURNAMES) >= 165


def test_the_shipped_lexicon_is_valid_and_shared() -> None:
    lex = guard_words.load(SHIPPED)
    assert lex == lexicon()
    # What the masking of the unanswered log reuses:
    assert "王" in lex.surnames and "司马" in lex.compound_surnames
    assert "局长" in lex.titles and "教育局" not in lex.bodies and "局" in lex.bodies
    assert set(lex.common_surnames) <= set(lex.surnames)


def test_an_empty_list_is_named_with_its_line_in_chinese(tmp_path: Path) -> None:
    path = broken(tmp_path, OFFICIALS, "officials: []")
    assert problems(path) == [f"{path}:{line_of(path, 'officials:')} officials: 不能为空"]


def test_a_duplicate_an_unknown_field_and_a_missing_one(tmp_path: Path) -> None:
    path = broken(tmp_path, "titles: [局长, 书记,", "titles: [局长, 局长, 书记,")
    path.write_text(
        path.read_text(encoding="utf-8").replace("praise:", "praize:", 1), encoding="utf-8"
    )
    found = problems(path)
    assert f"{path}:{line_of(path, 'titles:')} titles: 重复的词:局长" in found
    assert any(p.startswith(f"{path}:{line_of(path, 'praize:')} praize: 不认识的项") for p in found)
    assert any(p.endswith("praise: 缺少这一项") for p in found)


def test_a_kind_of_problem_must_also_be_a_deed(tmp_path: Path) -> None:
    path = broken(tmp_path, "kinds_of_problem: [违纪,", "kinds_of_problem: [作风, 违纪,")
    line = line_of(path, "kinds_of_problem:")
    assert problems(path) == [f"{path}:{line} kinds_of_problem: 这些也要写进 deeds:作风"]


def test_surnames_are_single_characters(tmp_path: Path) -> None:
    path = broken(tmp_path, "surnames: >-\n  张王李", "surnames: >-\n  张王李a")
    (problem,) = problems(path)
    assert "surnames: 只能写汉字" in problem and problem.endswith("a")


def test_broken_yaml_is_located(tmp_path: Path) -> None:
    path = broken(tmp_path, "titles: [局长,", "titles: [局长,,]]")
    (problem,) = problems(path)
    assert problem.startswith(f"{path}:") and "YAML" in problem


def test_check_refuses_a_broken_lexicon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A campaign folder may bring its own language/guard.yaml; check validates it.
    folder = tmp_path / "knowledge"
    (folder / "language").mkdir(parents=True)
    for name in ("faq.yaml", "notice.txt"):
        (folder / name).write_bytes((SHIPPED.parents[1] / name).read_bytes())
    broken(folder / "language", OFFICIALS, "officials: []")
    assert check_main(str(folder / "faq.yaml")) == 2
    assert "officials: 不能为空" in capsys.readouterr().err


def test_a_folder_without_language_data_uses_the_shipped_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAQ_PATH", str(tmp_path / "faq.yaml"))
    assert guard_words.path() == SHIPPED
    (tmp_path / "language").mkdir()
    (tmp_path / "language" / "guard.yaml").write_text("titles: []\n", encoding="utf-8")
    assert guard_words.path() == tmp_path / "language" / "guard.yaml"
