"""`python -m bot check` and `python -m bot eval`: what they run, what they print, exit codes.

Most tests use a scripted brain, so they test the checking and reporting rather than the
matcher; the subprocess tests run the real Brain end to end.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import check, evaluate
from bot.knowledge import Knowledge, KnowledgeError, load, use_language
from bot.reply import Reply, Suggestion

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "knowledge"

Answer = tuple[str, tuple[str, ...]]  # (kind, topics)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests assert the English wording (BOT_LANG=en); the Chinese default is
    tested on its own in test_knowledge.py, "messages for the maintainer"."""
    monkeypatch.setenv("BOT_LANG", "en")
    use_language(None)


class ScriptedBrain:
    """Answers an example with its own intent, a scripted question as scripted, else falls back."""

    def __init__(self, knowledge: Knowledge, script: Mapping[str, Answer] | None = None) -> None:
        self.knowledge = knowledge
        self.script = dict(script or {})
        self.calls: list[tuple[str, datetime, bool]] = []
        self._owner = {q: i for i in knowledge.intents for q in i.examples}

    def answer(self, text: str, now: datetime, *, holdout: bool = False) -> Reply:
        self.calls.append((text, now, holdout))
        if text in self.script:
            kind, topics = self.script[text]
        elif text in self._owner:
            kind, topics = self._owner[text].kind, (self._owner[text].id,)
        else:
            kind, topics = "fallback", ()
        return Reply(text=f"answer to {text}", kind=kind, topics=topics)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def small() -> Knowledge:
    return load(FIXTURE / "faq.yaml")


TESTS_OK: dict[str, Answer] = {
    "电话和邮编分别是多少": ("faq", ("mail", "phone")),  # order does not matter
    "村支书贪污找谁": ("route", ("lower_level",)),
}


def line_of(path: Path, marker: str) -> int:
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if marker in line:
            return n
    raise AssertionError(marker)


# --------------------------------------------------------------------------- run()


def test_examples_are_held_out_and_tests_are_not(small: Knowledge) -> None:
    brain = ScriptedBrain(small, TESTS_OK)
    result = check.run(brain)  # type: ignore[arg-type]
    n_examples = sum(len(i.examples) for i in small.intents)
    assert len(result.examples) == n_examples and len(result.tests) == 2
    assert [holdout for _, _, holdout in brain.calls] == [True] * n_examples + [False, False]
    assert result.ok and not result.failures and result.problems() == []
    # a fixed instant inside the hours and the period: the same result whenever it runs
    assert {now for _, now, _ in brain.calls} == {
        datetime(2016, 2, 27, 12, tzinfo=ZoneInfo("Asia/Shanghai"))
    }


def test_what_counts_as_correct(small: Knowledge) -> None:
    script: dict[str, Answer] = {
        "举报电话是多少": ("faq", ("mail", "phone")),  # phone among several topics: correct
        "邮编多少": ("fallback", ()),  # a did-you-mean names no topic: not an answer
        "你好": ("faq", ("phone",)),
        "电话和邮编分别是多少": ("faq", ("phone", "mail", "lower_level")),  # tests: exact set
        "村支书贪污找谁": ("route", ("lower_level",)),
    }
    result = check.run(ScriptedBrain(small, script))  # type: ignore[arg-type]
    wrong = {(o.q, o.field) for o in result.failures}
    assert wrong == {
        ("邮编多少", "topics[1].examples[2]"),
        ("你好", "smalltalk[0].examples[0]"),
        ("电话和邮编分别是多少", "tests[0]"),
    }
    assert not result.ok
    path = FIXTURE / "faq.yaml"
    problems = result.problems()
    shown = re.escape(
        str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)
    )
    assert re.fullmatch(
        rf"{shown}:{line_of(path, '邮编多少,')} topics\[1\]\.examples\[2\]: '邮编多少' "
        r"answered as \(fallback\), expected mail",
        problems[0].splitlines()[0],
    )
    assert problems[-1].splitlines()[0].endswith(
        "tests[0]: '电话和邮编分别是多少' answered as phone+mail+lower_level, expected phone+mail"
    )


# --------------------------------------------------------------------------- the report


def rendered_report(result: check.CheckResult, verbose: bool = False) -> str:
    import io

    out = io.StringIO()
    check.report(result, verbose=verbose, out=out)
    return out.getvalue()


def test_report_all_correct(small: Knowledge) -> None:
    text = rendered_report(check.run(ScriptedBrain(small, TESTS_OK)))  # type: ignore[arg-type]
    lines = text.splitlines()
    assert "valid; every fact and number found in" in lines[0]
    assert "(2 topics, 1 routes, 2 smalltalk, 2 tests)" in lines[0]
    assert re.search(r"^intent\s+kind\s+examples\s+correct\s+accuracy$", text, re.M)
    assert re.search(r"^phone\s+faq\s+8\s+8\s+100\.0%$", text, re.M)
    assert re.search(r"^lower_level\s+route\s+8\s+8\s+100\.0%$", text, re.M)
    assert re.search(r"^thanks\s+smalltalk\s+1\s+1\s+100\.0%$", text, re.M)
    assert re.search(r"^all examples\s+27\s+27\s+100\.0%$", text, re.M)
    assert "tests: 2/2 passed" in text
    assert "confusions" not in text
    assert lines[-1] == "OK: every example and test answered correctly"


def test_report_confusions_and_failing_tests(small: Knowledge) -> None:
    script: dict[str, Answer] = {
        **TESTS_OK,
        "举报电话是多少": ("faq", ("mail",)),
        "值班电话多少": ("faq", ("mail",)),
        "电话打多少": ("fallback", ()),
        "村支书贪污找谁": ("route", ("lower_level", "mail")),
    }
    result = check.run(ScriptedBrain(small, script))  # type: ignore[arg-type]
    text = rendered_report(result)
    assert re.search(r"^phone\s+faq\s+8\s+5\s+62\.5%  <$", text, re.M)
    assert re.search(r"^all examples\s+27\s+24\s+88\.9%$", text, re.M)
    assert "  phone → mail: 2 (举报电话是多少, 值班电话多少)" in text
    assert "  phone → (fallback): 1 (电话打多少)" in text
    assert text.index("phone → mail") < text.index("phone → (fallback)")  # most frequent first
    line = line_of(FIXTURE / "faq.yaml", "q: 村支书贪污找谁")
    assert re.search(
        rf"^  FAIL \S*faq\.yaml:{line} tests\[1\]: '村支书贪污找谁' expected lower_level, "
        r"answered as lower_level\+mail$",
        text,
        re.M,
    )
    assert "tests: 1/2 passed" in text
    assert text.splitlines()[-1].startswith("FAILED: 3 example(s) and 1 test(s)")
    assert "failed examples:" not in text

    verbose = rendered_report(result, verbose=True)
    example_line = line_of(FIXTURE / "faq.yaml", "举报电话是多少")
    assert re.search(
        rf"^  \S*faq\.yaml:{example_line} topics\[0\]\.examples\[0\]: "
        r"'举报电话是多少' answered as mail, expected phone$",
        verbose,
        re.M,
    )


def test_confusions_list_three_questions_unless_verbose(small: Knowledge) -> None:
    phone = small.intent("phone").examples
    script: dict[str, Answer] = {**TESTS_OK, **{q: ("faq", ("mail",)) for q in phone[:5]}}
    result = check.run(ScriptedBrain(small, script))  # type: ignore[arg-type]
    assert f"phone → mail: 5 ({', '.join(phone[:3])}, …)" in rendered_report(result)
    assert f"phone → mail: 5 ({', '.join(phone[:5])})" in rendered_report(result, verbose=True)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2016, 2, 26), "warning: this campaign has not started yet; it starts on 2016-02-27"),
        (date(2016, 2, 27), None),
        (date(2016, 4, 28), None),
        (date(2016, 4, 29), "warning: this campaign ended on 2016-04-28;"),
    ],
)
def test_campaign_warnings(small: Knowledge, today: date, expected: str | None) -> None:
    warnings = check.campaign_warnings(small, today)
    if expected is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warnings[0].startswith(expected)


# --------------------------------------------------------------------------- main() and the CLI


def test_main_exit_codes(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    small: Knowledge,
    tmp_path: Path,
) -> None:
    import bot.answer

    monkeypatch.setattr(bot.answer, "Brain", lambda k: ScriptedBrain(k, TESTS_OK))
    assert check.main(str(FIXTURE / "faq.yaml")) == 0
    assert "OK: every example" in capsys.readouterr().out

    monkeypatch.setattr(
        bot.answer, "Brain", lambda k: ScriptedBrain(k, {"邮编多少": ("faq", ("phone",))})
    )
    assert check.main(str(FIXTURE / "faq.yaml")) == 1
    assert "mail → phone: 1 (邮编多少)" in capsys.readouterr().out

    broken = tmp_path / "faq.yaml"
    broken.write_text(
        (FIXTURE / "faq.yaml").read_text("utf-8").replace("{hours}", "{hour}", 1), "utf-8"
    )
    (tmp_path / "notice.txt").write_text((FIXTURE / "notice.txt").read_text("utf-8"), "utf-8")
    assert check.main(str(broken)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"{broken}:{line_of(broken, '{hour}')} topics[0].answer: "
        "unknown fact {hour} (did you mean 'hours'?)",
        "  likely cause: a misspelt name in braces",
        "  what to do: use a name from the guide's table, e.g. {phones}",
        "1 problem(s); the FAQ was not loaded",
        "exit status 2: the file cannot be used (format or provenance)",
    ]


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FAQ_PATH", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_cli_exit_1_names_the_failing_test_with_the_real_brain(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    faq = (FIXTURE / "faq.yaml").read_text("utf-8")
    # an example of mail, declared as a test expecting phone: no matcher can pass it
    faq += "  - {q: 邮编多少, topics: [phone]}\n"
    (folder / "faq.yaml").write_text(faq, "utf-8")
    (folder / "notice.txt").write_text((FIXTURE / "notice.txt").read_text("utf-8"), "utf-8")
    done = run_cli("check", "knowledge/faq.yaml", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    line = len(faq.splitlines())
    assert re.search(
        rf"^  FAIL knowledge/faq\.yaml:{line} tests\[2\]: '邮编多少' expected phone, answered as ",
        done.stdout,
        re.M,
    )
    assert "Traceback" not in done.stdout + done.stderr


def test_cli_on_the_shipped_faq() -> None:
    done = run_cli("check")
    assert done.returncode in (0, 1), done.stderr  # 1 only if some example is answered wrongly
    assert "Traceback" not in done.stdout + done.stderr
    shipped = load(ROOT / "knowledge" / "faq.yaml")
    assert done.stdout.startswith(
        "knowledge/faq.yaml: valid; every fact and number found in knowledge/notice.txt"
    )
    for intent in shipped.intents:
        assert re.search(
            rf"^{intent.id}\s+{intent.kind}\s+{len(intent.examples)}\s+\d+\s+[\d.]+%",
            done.stdout,
            re.M,
        )
    last = done.stdout.splitlines()[-1]
    assert last.startswith("OK:") if done.returncode == 0 else last.startswith("FAILED:")
    if date.today() > shipped.facts.period.end:
        assert "warning: this campaign ended on 2016-04-28" in done.stderr


# --------------------------------------------------------------------------- evaluate


CASES_YAML = """\
# comment
- {q: 电话多少, category: phone, kind: faq, topics: [phone], must: [024-88881877, 6008]}
- {q: 邮编多少, category: mail, topics: [mail], must: [answer]}
- {q: 村支书贪污找谁, category: lower_level, kind: route, must_not: [村支书]}
- {q: what is the phone number, category: english, must: [answer]}
- {q: "🙂", category: nonsense, kind: fallback, note: emoji only}
"""


def test_load_cases(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(CASES_YAML, "utf-8")
    cases = evaluate.load_cases(path)
    assert [c.category for c in cases] == ["phone", "mail", "lower_level", "english", "nonsense"]
    assert [c.line for c in cases] == [2, 3, 4, 5, 6]
    assert cases[0].must == ("024-88881877", "6008")  # an unquoted number is its text
    assert [c.language for c in cases] == ["zh", "zh", "zh", "en", "other"]


@pytest.mark.parametrize(
    ("content", "line", "field", "message"),
    [
        ("- {q: a, category: x, kind: faqq}\n", 1, "[0].kind", "Input should be"),
        (
            "- {q: a, category: x}\n- {q: b, catgory: y}\n",
            2,
            "[1].catgory",
            "did you mean 'category'",
        ),
        ("- {q: a}\n", 1, "[0].category", "required but missing"),
        ("q: a\n", 1, "", "expected a YAML list"),
        ("- {q: [a\n", 1, "", "YAML syntax error"),  # where the [ is left open
    ],
)
def test_bad_case_files(tmp_path: Path, content: str, line: int, field: str, message: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(KnowledgeError) as info:
        evaluate.load_cases(path)
    matching = [p for p in info.value.problems if p.field == field]
    assert matching and matching[0].line == line and message in matching[0].message


class TextBrain:
    """Replies with fixed texts, to test judging."""

    def __init__(self, knowledge: Knowledge, replies: Mapping[str, Reply]) -> None:
        self.knowledge = knowledge
        self.replies = replies

    def answer(self, text: str, now: datetime, *, holdout: bool = False) -> Reply:
        return self.replies[text]


def test_evaluate_judges_kind_topics_and_substrings(tmp_path: Path, small: Knowledge) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(CASES_YAML, "utf-8")
    cases = evaluate.load_cases(path)
    replies = {
        "电话多少": Reply(
            "024-88881877 and 6008", "faq", ("phone", "mail")
        ),  # pass: extra topic ok
        "邮编多少": Reply("answer", "faq", ("phone",)),  # fail: topic missing
        "村支书贪污找谁": Reply(
            "村支书的问题请找纪委", "route", ("lower_level",)
        ),  # fail: must_not
        "what is the phone number": Reply("an answer", "faq", ("phone",), lang="en"),  # pass
        "🙂": Reply("?", "fallback", (), suggestions=(Suggestion("phone", "值班电话"),)),  # pass
    }
    report = evaluate.evaluate(TextBrain(small, replies), cases)  # type: ignore[arg-type]
    assert [r.passed for r in report.results] == [True, False, False, True, True]
    assert report.results[1].topics_ok is False
    assert report.results[2].forbidden == ("村支书",)
    assert (report.overall.count, report.overall.passed) == (5, 3)
    assert report.by_category()["mail"].accuracy == 0.0
    langs = report.by_language()
    assert list(langs) == ["zh", "en", "other"]
    assert (langs["zh"].count, langs["zh"].passed) == (3, 1)

    wrong_kind = evaluate.judge(cases[0], Reply("024-88881877 6008", "route", ("phone",)))
    assert not wrong_kind.passed and not wrong_kind.kind_ok
    missing = evaluate.judge(cases[0], Reply("024-88881877", "faq", ("phone",)))
    assert missing.missing == ("6008",)

    import io

    out = io.StringIO()
    evaluate.print_report(report, "q.yaml", verbose=True, out=out)
    text = out.getvalue()
    assert re.search(r"^mail\s+1\s+0\s+0\.0%  <$", text, re.M)
    assert re.search(r"^all\s+5\s+3\s+60\.0%$", text, re.M)
    assert "  Chinese: 1/3 = 33.3%" in text
    assert "  q.yaml:3 [mail] '邮编多少'" in text
    assert "      expected topics mail; got kind faq, topics phone" in text
    assert "      must not contain: '村支书'" in text


def test_eval_cli(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {q: a, category: x, kind: faqq}\n", "utf-8")
    done = run_cli("eval", str(bad))
    assert done.returncode == 2
    assert done.stderr.startswith(f"{bad}:1 [0].kind: ")
    assert "Traceback" not in done.stderr

    good = tmp_path / "good.yaml"
    good.write_text(CASES_YAML, "utf-8")
    done = run_cli("eval", str(good), "-v")
    assert done.returncode == 0, done.stderr  # a report, whatever the accuracy
    assert re.search(r"^all\s+5\s+\d\s+[\d.]+%$", done.stdout, re.M)


# --------------------------------------------------------------------------- why, and the exit line


def test_a_collision_names_the_keyword_the_two_topics_share(tmp_path: Path) -> None:
    """A new keyword 电话 in mail takes phone's questions: the report says it is shared."""
    faq = tmp_path / "faq.yaml"
    text = (FIXTURE / "faq.yaml").read_text("utf-8")
    faq.write_text(text.replace("keywords: [信箱, 邮编]", "keywords: [信箱, 邮编, 电话]"), "utf-8")
    (tmp_path / "notice.txt").write_text((FIXTURE / "notice.txt").read_text("utf-8"), "utf-8")
    knowledge = load(faq)
    script: dict[str, Answer] = {**TESTS_OK, "举报电话是多少": ("faq", ("mail",))}
    result = check.run(ScriptedBrain(knowledge, script))  # type: ignore[arg-type]
    report = rendered_report(result)
    shared = "    phone and mail share the keywords: 电话"
    assert f"  phone → mail: 1 (举报电话是多少)\n{shared}" in report
    [problem] = result.problems()
    assert "likely cause: phone and mail share the keywords: 电话" in problem
    assert "what to do: keep each shared keyword in one topic only" in problem


def test_why_an_answer_went_elsewhere(small: Knowledge) -> None:
    def why(q: str, got: tuple[str, ...]) -> str:
        outcome = check.Outcome(q, ("phone",), got, "faq", False, 1, "x")
        return check.why_wrong(small, outcome)[0]

    assert why("邮编电话", ("mail",)) == "the question has mail's keywords: 邮编"
    assert why("那个电话", ()).startswith("the question has phone's keywords (电话)")
    assert why("怎么联系", ()).startswith("the other examples do not lead to it")


def test_the_last_line_names_the_exit_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """make check exits 2 for any failure (GNU make), so check's own status is printed."""
    import bot.answer

    monkeypatch.setattr(
        bot.answer, "Brain", lambda k: ScriptedBrain(k, {"邮编多少": ("faq", ("phone",))})
    )
    monkeypatch.delenv("BOT_LANG")
    assert check.main(str(FIXTURE / "faq.yaml")) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "退出码 1:文件可以用,但有例句或测试答错"
    assert check.main(str(FIXTURE / "faq.yaml"), lang="en") == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "exit status 1: the file is valid, but examples or tests were answered wrongly"
    )
    use_language(None)
    missing = tmp_path / "faq.yaml"
    assert check.main(str(missing)) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "退出码 2:文件不能用(格式或来源有错)"
