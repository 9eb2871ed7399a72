"""Loading the FAQ: the shipped file, renderings, and every way a maintainer can break it.

Broken files are copies of tests/fixtures/knowledge/faq.yaml with one edit. Expected
line numbers are found by searching the edited file for a marker, so the assertions
check the reported line without hard-coding it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from bot import knowledge as kb
from bot.knowledge import KnowledgeError, Problem, load, use_language, yaml_safe

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "knowledge"
SHIPPED = ROOT / "knowledge"

PHONES = ("024-88881877", "024-88881977")


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests assert the English wording (BOT_LANG=en); the Chinese default is
    tested on its own in test_knowledge.py, "messages for the maintainer"."""
    monkeypatch.setenv("BOT_LANG", "en")
    use_language(None)


# --------------------------------------------------------------------------- helpers


def edited(
    tmp_path: Path,
    *edits: tuple[str, str],
    notice_edits: tuple[tuple[str, str], ...] = (),
    source: Path = FIXTURE,
    everywhere: bool = False,
) -> Path:
    """A copy of a knowledge folder with each (old, new) replaced once (or everywhere in
    the FAQ); returns the copy's faq.yaml."""
    faq, notice = (
        (source / "faq.yaml").read_text("utf-8"),
        (source / "notice.txt").read_text("utf-8"),
    )
    for old, new in edits:
        assert old in faq, f"fixture changed: {old!r} not found"
        faq = faq.replace(old, new, -1 if everywhere else 1)
    for old, new in notice_edits:
        assert old in notice, f"notice changed: {old!r} not found"
        notice = notice.replace(old, new)
    folder = tmp_path / "knowledge"
    folder.mkdir(exist_ok=True)
    (folder / "faq.yaml").write_text(faq, "utf-8")
    (folder / "notice.txt").write_text(notice, "utf-8")
    return folder / "faq.yaml"


def line_of(path: Path, marker: str | tuple[str, int]) -> int:
    """1-based line of the first (or (marker, nth)) line containing marker."""
    text, nth = marker if isinstance(marker, tuple) else (marker, 1)
    found = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line]
    assert len(found) >= nth, f"{text!r} not in {path} {nth} times"
    return found[nth - 1]


def problems_of(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(KnowledgeError) as info:
        load(path)
    return info.value.problems


def only_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def run_check(path: Path | str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FAQ_PATH", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


# --------------------------------------------------------------------------- shipped FAQ


@pytest.fixture(scope="module")
def shipped() -> kb.Knowledge:
    return load(SHIPPED / "faq.yaml")


def test_shipped_faq_loads_with_every_kind_in_file_order(shipped: kb.Knowledge) -> None:
    kinds = [i.kind for i in shipped.intents]
    assert kinds == sorted(kinds, key=["faq", "route", "smalltalk"].index)
    assert {"faq", "route", "smalltalk"} <= set(kinds)
    assert shipped.notice_path == SHIPPED / "notice.txt"
    for intent in shipped.intents:
        assert shipped.intent(intent.id) is intent
        assert intent.answer.strip()
        assert intent.line > 0
        if intent.kind == "faq":
            assert intent.source and len(intent.examples) >= kb.MIN_EXAMPLES
        if intent.kind == "route":
            assert intent.source is None and len(intent.examples) >= kb.MIN_EXAMPLES
    with pytest.raises(KeyError):
        shipped.intent("no_such_topic")


def test_shipped_renderings_are_exact(shipped: kb.Knowledge) -> None:
    zh, en = shipped.values, shipped.values_en
    assert zh["phones"] == "024-88881877、024-88881977"
    assert en["phones"] == "024-88881877 or 024-88881977"
    assert zh["hours"] == "每天 8:00—20:00(北京时间)"
    assert en["hours"] == "8:00–20:00 every day (Beijing time)"
    assert (zh["open"], zh["close"]) == ("8:00", "20:00")
    assert zh["period"] == "2016年2月27日至4月28日"
    assert en["period"] == "27 February to 28 April 2016"
    assert (zh["start"], zh["end"]) == ("2016年2月27日", "2016年4月28日")
    assert (en["start"], en["end"]) == ("27 February 2016", "28 April 2016")
    assert zh["year"] == "2016"
    assert zh["po_box"] == "辽宁省沈阳市第6008号信箱" and zh["postcode"] == "110034"
    assert zh["disciplines"] == "政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律"
    assert zh["channel.discipline"] == "当地纪委监委(12388)"
    assert "12388" in shipped.external_numbers


def test_shipped_typed_facts(shipped: kb.Knowledge) -> None:
    facts = shipped.facts
    assert tuple(facts.phones) == PHONES
    assert facts.hours.opens == time(8, 0) and facts.hours.closes == time(20, 0)
    assert str(facts.hours.zone) == "Asia/Shanghai"
    assert (facts.period.start, facts.period.end) == (date(2016, 2, 27), date(2016, 4, 28))


def test_shipped_texts_keep_only_dynamic_placeholders(shipped: kb.Knowledge) -> None:
    texts = [*shipped.messages.values(), *shipped.messages_en.values()]
    for intent in shipped.intents:
        texts += [intent.answer, intent.answer_en or "", intent.title, intent.title_en or ""]
    for text in texts:
        assert set(kb.placeholders(text)) <= kb.DYNAMIC, text
    assert any("{now}" in t for t in texts)  # the "can I call now" answer is filled per question


def test_every_answer_follows_the_phone_fact(tmp_path: Path) -> None:
    """One edit in facts (and the notice) changes every answer that states the number."""
    before = load(SHIPPED / "faq.yaml")
    new = "024-88881999"
    path = edited(
        tmp_path,
        (PHONES[1], new),  # the fact, and the source sentences quoting the notice
        notice_edits=((PHONES[1], new),),
        source=SHIPPED,
        everywhere=True,
    )
    after = load(path)

    def texts(k: kb.Knowledge) -> dict[str, str]:
        out = {f"{i.id}.answer": i.answer for i in k.intents}
        out |= {f"{i.id}.answer_en": i.answer_en or "" for i in k.intents}
        out |= {f"messages.{n}": t for n, t in k.messages.items()}
        return out | {f"messages_en.{n}": t for n, t in k.messages_en.items()}

    old_texts, new_texts = texts(before), texts(after)
    mentioning = [name for name, text in old_texts.items() if PHONES[1] in text]
    assert len(mentioning) >= 5  # phone, contact, report_guard, status messages, …
    for name in mentioning:
        assert new in new_texts[name] and PHONES[1] not in new_texts[name], name
    assert not any(PHONES[1] in t for t in new_texts.values())


def test_default_path_and_faq_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FAQ_PATH", raising=False)
    monkeypatch.chdir(tmp_path)  # works from any directory
    assert kb.default_path() == SHIPPED / "faq.yaml"
    assert load().path == SHIPPED / "faq.yaml"
    monkeypatch.setenv("FAQ_PATH", str(FIXTURE / "faq.yaml"))
    assert load().path == FIXTURE / "faq.yaml"


# --------------------------------------------------------------------------- fixture renderings


@pytest.fixture(scope="module")
def small() -> kb.Knowledge:
    return load(FIXTURE / "faq.yaml")


def test_answers_are_rendered_from_facts(small: kb.Knowledge) -> None:
    phone = small.intent("phone")
    assert (
        phone.answer
        == "中央第三巡视组值班电话:024-88881877、024-88881977。受理时间:每天 8:00—20:00(北京时间)。"
    )
    assert (
        phone.answer_en == "Call 024-88881877 or 024-88881977, 8:00–20:00 every day (Beijing time)."
    )
    mail = small.intent("mail")
    assert (
        mail.answer
        == "信箱:辽宁省沈阳市第6008号信箱,邮编:110034。巡视期间:2016年2月27日至4月28日,共2个月。"
    )
    assert mail.answer_en == (
        "Write to PO Box No. 6008, Shenyang, Liaoning, postcode 110034, "
        "27 February 2016 to 28 April 2016."
    )
    route = small.intent("lower_level")
    assert route.answer == "基层干部的问题请向当地纪委监委(12388)反映;紧急情况拨打报警电话(110)。"
    # a channel without name_en falls back to its Chinese name
    assert (
        route.answer_en
        == "Contact the local discipline commission (12388); emergencies: 报警电话 (110)."
    )
    assert route.kind == "route" and route.source is None


def test_messages_and_smalltalk(small: kb.Knowledge) -> None:
    assert small.messages["greeting"] == "您好!我回答中央第三巡视组公告的问题:来信、来电、来访。"
    assert (
        small.messages["status_open"]
        == "现在在受理时间内(8:00至20:00),可以拨打024-88881877、024-88881977。"
    )
    assert (
        small.messages["status_after"]
        == "本次巡视已于2016年4月28日结束(2016年),请找当地纪委监委(12388)。"
    )
    # messages_en holds only what is translated; the answer engine falls back to Chinese
    assert set(small.messages_en) == {"greeting", "status_open"}
    assert small.messages_en["status_open"] == "Open now (8:00–20:00 every day (Beijing time))."
    greeting = small.intent("greeting")
    assert greeting.answer == small.messages["greeting"]
    assert greeting.answer_en == small.messages_en["greeting"]
    assert greeting.title == "greeting"
    thanks = small.intent("thanks")
    assert (thanks.answer, thanks.answer_en) == ("不客气。", None)


def test_tests_entries_and_lines(small: kb.Knowledge) -> None:
    path = FIXTURE / "faq.yaml"
    assert [t.topics for t in small.tests] == [("phone", "mail"), ("lower_level",)]
    assert small.tests[1].line == line_of(path, "q: 村支书贪污找谁")
    assert small.tests[1].path == "tests[1]"
    phone = small.intent("phone")
    assert phone.line == line_of(path, "- id: phone") and phone.path == "topics[0]"
    assert len(phone.example_lines) == len(phone.examples)
    assert phone.example_lines[0] == line_of(path, "举报电话是多少")
    assert phone.example_lines[-1] == line_of(path, "电话打多少")


def test_dynamic_placeholders_are_left_for_the_answer_engine(tmp_path: Path) -> None:
    path = edited(tmp_path, ('answer: "不客气。"', 'answer: "现在是{now}。{status}{year}"'))
    assert load(path).intent("thanks").answer == "现在是{now}。{status}2016"


def test_unquoted_times_and_leading_zeros_stay_text(tmp_path: Path) -> None:
    """YAML 1.1 would read 20:00 as 1200 (base 60) and 010034 as octal."""
    path = edited(tmp_path, ('close: "20:00"', "close: 20:00"))
    assert load(path).values["close"] == "20:00"
    path = edited(tmp_path, ('postcode: "110034"', "postcode: 010034"))
    assert only_problem(path).message.startswith("010034 does not occur")


# --------------------------------------------------------------------------- broken files

BROKEN = {
    # name: (edit, marker on the expected line or None for no line, field, message part)
    "syntax": (("    days: 每天\n", "    days: 每天: 8点\n"), "每天: 8点", "", "YAML syntax error"),
    "wrong type": (
        ('phones: ["024-88881877", "024-88881977"]', "phones: 5"),
        "phones: 5",
        "facts.phones",
        "expected a list, got 5",
    ),
    "missing fact": (("  leader: 叶青纯\n", ""), "facts:", "facts.leader", "missing fact"),
    "unknown fact": (
        ("受理时间:{hours}", "受理时间:{phone}"),
        "受理时间:{phone}",
        "topics[0].answer",
        "unknown fact {phone} (did you mean 'phones'?)",
    ),
    "unknown channel": (
        ("{channel.police}。", "{channel.polise}。"),
        "{channel.polise}",
        "routes[0].answer",
        "unknown fact {channel.polise}",
    ),
    "unmatched brace": (
        ("受理时间:{hours}", "受理时间:{hours"),
        "受理时间:{hours",
        "topics[0].answer",
        "unmatched",
    ),
    "alias bomb": (
        ("facts:\n", 'a: &a ["lol","lol","lol"]\nb: &b [*a,*a,*a]\nc: &c [*b,*b,*b]\nfacts:\n'),
        "a: &a",
        "",
        "anchors and aliases are not allowed",
    ),
    "typo in a field name": (
        ('    answer_en: "Call', '    anwser_en: "Call'),
        "anwser_en:",
        "topics[0].anwser_en",
        "unknown field 'anwser_en' (did you mean 'answer_en'?)",
    ),
    "typo in a section name": (
        ("smalltalk:\n", "smaltalk:\n"),
        "smaltalk:",
        "smaltalk",
        "did you mean 'smalltalk'",
    ),
    "source in a route": (
        ("    title: 基层干部问题\n", "    title: 基层干部问题\n    source: 村干部\n"),
        "source: 村干部",
        "routes[0].source",
        "unknown field 'source'",
    ),
    "duplicate id": (
        ("  - id: thanks\n", "  - id: greeting\n"),
        ("- id: greeting", 2),
        "smalltalk[1].id",
        "duplicate id 'greeting' (also smalltalk[0], line ",
    ),
    "duplicate key": (
        ("    keywords: [电话, 号码]\n", "    keywords: [电话, 号码]\n    keywords: [热线]\n"),
        "keywords: [热线]",
        "topics[0].keywords",
        "appears twice",
    ),
    "duplicate example": (
        ("科长受贿归谁管", "邮编多少"),
        "邮编多少, 乡里",
        "routes[0].examples[4]",
        "example '邮编多少' is also topics[1].examples[2] (line ",
    ),
    "too few examples": (
        ("打哪个号能找到巡视组, 有没有热线电话, 巡视组联系电话给一个, 电话打多少", "电话打多少"),
        "examples: [举报电话是多少",
        "topics[0].examples",
        "has 5 examples; at least 8",
    ),
    "bad id": (
        ("  - id: thanks\n", "  - id: Thanks!\n"),
        "id: Thanks!",
        "smalltalk[1].id",
        "lower-case",
    ),
    "empty answer": (
        ('answer: "不客气。"', 'answer: " "'),
        'answer: " "',
        "smalltalk[1].answer",
        "must not be empty",
    ),
    "answer and message": (
        ('    answer: "不客气。"\n', '    answer: "不客气。"\n    message: greeting\n'),
        "- id: thanks",
        "smalltalk[1]",
        "either answer",
    ),
    "unknown message": (
        ("    message: greeting\n", "    message: greting\n"),
        "message: greting",
        "smalltalk[0].message",
        "did you mean 'greeting'",
    ),
    "missing message": (
        ('  non_text: "我只能读文字。"\n', ""),
        "messages:",
        "messages",
        "missing message 'non_text'",
    ),
    "unknown english message": (
        ('  status_open: "Open', '  status_opn: "Open'),
        "status_opn",
        "messages_en.status_opn",
        "unknown message",
    ),
    "test names an unknown topic": (
        ("topics: [lower_level]}", "topics: [lower_levl]}"),
        "lower_levl",
        "tests[1].topics[0]",
        "unknown topic 'lower_levl'",
    ),
    "bad time zone": (
        ("tz: Asia/Shanghai", "tz: Asia/Beijing"),
        "tz:",
        "facts.hours.tz",
        "unknown time zone",
    ),
    "bad time": (('close: "20:00"', 'close: "24:30"'), "close:", "facts.hours.close", "not a time"),
    "close before open": (
        ('close: "20:00"', 'close: "08:00"'),
        "close:",
        "facts.hours.close",
        "not after",
    ),
    "number not in quotes": (
        ('postcode: "110034"', "postcode: 110034"),
        "postcode:",
        "facts.postcode",
        "put it in quotes",
    ),
    "period reversed": (
        ("start: 2016-02-27\n    end: 2016-04-28", "start: 2016-04-28\n    end: 2016-02-27"),
        "end: 2016-02-27",
        "facts.period.end",
        "end 2016-02-27 is before start 2016-04-28",
    ),
    "phone not in the notice": (
        ('"024-88881977"]', '"024-8888197"]'),
        "phones:",
        "facts.phones[1]",
        "024-8888197 does not occur in",
    ),
    "wrong number typed into an answer": (
        ("受理时间:{hours}。", "受理时间:{hours}。也可拨打024-88881878。"),
        "024-88881878",
        "topics[0].answer",
        "024-88881878 does not occur in",
    ),
    "wrong number in an english answer": (
        ('"Call {phones}, {hours}."', '"Call {phones} or 12389."'),
        "12389",
        "topics[0].answer_en",
        "12389 does not occur",
    ),
    "source not in the notice": (
        ('source: "专门邮政信箱', 'source: "专门的邮政信箱'),
        "专门的邮政信箱",
        "topics[1].source",
        "does not occur in",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_file_is_located(tmp_path: Path, name: str) -> None:
    edit, marker, field, message = BROKEN[name]
    path = edited(tmp_path, edit)
    problem = only_problem(path)
    assert problem.file == str(path)  # outside the working directory: absolute
    assert problem.field == field
    assert message in problem.message
    assert problem.line == line_of(path, marker)
    assert str(problem).startswith(f"{path}:{problem.line} {field}".rstrip())


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        ("受理时间:{hours}", "受理时间:{hour}"),
        ('"024-88881977"]', '"024-8888197"]'),
        ("    message: greeting\n", "    message: greting\n"),
        ("科长受贿归谁管, ", ""),
        ('"Open now ({hours})."', '"Open now, call 024-88881878."'),
    )
    fields = [p.field for p in problems_of(path)]
    assert sorted(fields) == [
        "facts.phones[1]",  # reported once, at the fact, not again in each answer
        "messages_en.status_open",
        "routes[0].examples",
        "smalltalk[0].message",
        "topics[0].answer",
    ]


def test_schema_problems_in_facts_are_all_reported(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        ("tz: Asia/Shanghai", "tz: Mars/Olympus"),
        ('open: "08:00"', 'open: "8点"'),
        ("  leader: 叶青纯\n", ""),
    )
    fields = sorted(p.field for p in problems_of(path))
    assert fields == ["facts.hours.open", "facts.hours.tz", "facts.leader"]


def test_a_broken_entry_does_not_cascade(tmp_path: Path) -> None:
    """A typo in the phone topic is one problem, not also one per test naming 'phone'."""
    path = edited(tmp_path, ('    answer_en: "Call', '    anwser_en: "Call'))
    assert [p.field for p in problems_of(path)] == ["topics[0].anwser_en"]


def test_billion_laughs_is_refused_before_expanding(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 12)]
    path = tmp_path / "faq.yaml"
    path.write_text("\n".join(lines) + "\n")
    problem = only_problem(path)  # 10**12 strings if expanded: this returns at once
    assert (problem.line, problem.message) == (1, "anchors and aliases are not allowed")


def test_oversized_file_is_refused_unparsed(tmp_path: Path) -> None:
    path = edited(tmp_path)
    with path.open("a") as fh:
        fh.write("# " + "x" * kb.MAX_BYTES + "\n")
    problem = only_problem(path)
    assert problem.line is None and "1 MB" in problem.message


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("facts:\n  group: caf\xe9\n".encode("latin-1"), 2, "not valid UTF-8"),
        (b"facts:\n  group: a\x07b\n", 2, "not allowed in YAML"),
        (
            b"facts: !!python/object/apply:os.system ['true']\n",
            1,
            "could not determine a constructor",
        ),
        (b"facts: {}\n---\nfacts: {}\n", 2, "single document"),
        (b"- just\n- a list\n", 1, "must be a mapping"),
        (b"", None, "must be a mapping"),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, line: int | None, message: str) -> None:
    path = tmp_path / "faq.yaml"
    path.write_bytes(content)
    (tmp_path / "notice.txt").write_text("notice")
    problem = problems_of(path)[0]
    assert problem.line == line and message in problem.message


def test_missing_files(tmp_path: Path) -> None:
    assert "cannot read the file" in only_problem(tmp_path / "nope.yaml").message
    faq = edited(tmp_path)
    (faq.parent / "notice.txt").unlink()
    problem = only_problem(faq)
    assert (
        problem.file == str(faq.parent / "notice.txt")
        and "cannot read the notice" in problem.message
    )


def test_the_pure_python_parser_refuses_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without libyaml the fallback loader must be just as safe and as precise."""
    monkeypatch.setattr(yaml_safe, "CParser", None)
    assert load(FIXTURE / "faq.yaml").values["phones"] == "024-88881877、024-88881977"
    for name in ("alias bomb", "syntax", "unknown fact"):
        edit, marker, field, message = BROKEN[name]
        path = edited(tmp_path, edit)
        problem = only_problem(path)
        assert (problem.line, problem.field) == (line_of(path, marker), field)
        assert message in problem.message


# --------------------------------------------------------------------------- provenance


@pytest.mark.parametrize(
    ("edit", "field", "stated"),
    [
        (
            ("po_box: 辽宁省沈阳市第6008号信箱", "po_box: 辽宁省沈阳市第6009号信箱"),
            "facts.po_box",
            "第6009号",
        ),
        (('postcode: "110034"', 'postcode: "10034"'), "facts.postcode", "10034"),  # part of 110034
        (('open: "08:00"', 'open: "09:00"'), "facts.hours.open", "9:00"),
        (("days: 每天", "days: 工作日"), "facts.hours.days", "工作日"),
        (("start: 2016-02-27", "start: 2016-02-26"), "facts.period.start", "2月26日"),
        (("end: 2016-04-28", "end: 2016-04-29"), "facts.period.end", "4月29日"),
        (("duration: 2个月", "duration: 3个月"), "facts.period.duration", "3个月"),
        (("leader: 叶青纯", "leader: 叶清纯"), "facts.leader", "叶清纯"),
        (("group: 中央第三巡视组", "group: 中央第二巡视组"), "facts.group", "中央第二巡视组"),
        (("  - 重要岗位领导干部\n", "  - 重要部门领导干部\n"), "facts.targets[2]", "重要部门"),
        (("廉洁纪律, 群众纪律", "廉政纪律, 群众纪律"), "facts.disciplines[2]", "廉政纪律"),
        (
            ("contact_forms: [来信, 来电, 来访]", "contact_forms: [来信, 来电, 网络]"),
            "facts.contact_forms[2]",
            "网络",
        ),
        (("outside_remit: 其他", "outside_remit: 所有"), "facts.outside_remit", "所有"),
    ],
)
def test_each_fact_must_occur_in_the_notice(
    tmp_path: Path, edit: tuple[str, str], field: str, stated: str
) -> None:
    path = edited(tmp_path, edit)
    matching = [p for p in problems_of(path) if p.field == field]
    assert len(matching) == 1
    assert stated in matching[0].message and "does not occur in" in matching[0].message
    assert matching[0].message.endswith(str(path.parent / "notice.txt"))


def test_the_notice_is_the_reference(tmp_path: Path) -> None:
    """Change the notice, not the FAQ: the fact and the source quoting it both fail."""
    path = edited(tmp_path, notice_edits=(("024-88881877", "024-88881800"),))
    fields = sorted(p.field for p in problems_of(path))
    assert fields == ["facts.phones[0]", "topics[0].source"]


def test_year_and_declared_channels_may_appear_in_answers(tmp_path: Path) -> None:
    ok = edited(tmp_path, ('answer: "不客气。"', 'answer: "2016年的巡视;12388;110。"'))
    assert load(ok).intent("thanks").answer == "2016年的巡视;12388;110。"
    bad = edited(tmp_path, ('answer: "不客气。"', 'answer: "2017年的巡视。"'))
    problem = only_problem(bad)
    assert problem.field == "smalltalk[1].answer" and problem.message.startswith(
        "2017 does not occur"
    )


def test_short_numbers_and_times_are_not_checked(tmp_path: Path) -> None:
    path = edited(
        tmp_path, ('answer: "不客气。"', 'answer: "请在8:30后、第2天或3到10个工作日内再问。"')
    )
    assert "8:30" in load(path).intent("thanks").answer


def test_english_fact_translations_are_number_checked(tmp_path: Path) -> None:
    path = edited(tmp_path, ('po_box: "PO Box No. 6008,', 'po_box: "PO Box No. 6009,'))
    fields = {p.field for p in problems_of(path)}
    assert fields == {"facts_en.po_box", "topics[1].answer_en"}


def test_source_comparison_ignores_spacing_and_width(tmp_path: Path) -> None:
    path = edited(tmp_path, ('source: "专门邮政信箱:辽宁', 'source: "专门邮政信箱: 辽宁'))
    assert load(path).intent("mail").source == "专门邮政信箱: 辽宁省沈阳市第6008号信箱,邮编:110034"


def test_occurs_and_numbers() -> None:
    notice = kb.canonical("电话:024-88881877;邮编:110034。时间 早8:00—晚20:00。12月27日")
    assert kb.occurs("024-88881877", notice)
    assert not kb.occurs("024-8888187", notice)
    assert not kb.occurs("10034", notice)
    assert kb.occurs("8:00", notice) and kb.occurs("20:00", notice)
    assert not kb.occurs("2月27日", notice)  # only as part of 12月27日
    assert kb.occurs("邮编: 110034", notice)  # full-width and spacing do not matter
    assert kb.numbers("拨打024-88881877或12388,8:00后,第2天,２０１６年") == [
        "024-88881877",
        "12388",
        "2016",
    ]


# --------------------------------------------------------------------------- paths and CLI


def test_problem_text() -> None:
    assert str(Problem("k/faq.yaml", 42, "topics[3].answer", "unknown fact {phone}")) == (
        "k/faq.yaml:42 topics[3].answer: unknown fact {phone}"
    )
    assert str(Problem("k/faq.yaml", 3, "", "bad")) == "k/faq.yaml:3: bad"
    assert str(Problem("k/faq.yaml", None, "", "too big")) == "k/faq.yaml: too big"
    error = KnowledgeError([Problem("a", 1, "x", "m"), Problem("b", 2, "y", "n")])
    assert str(error) == "a:1 x: m\nb:2 y: n"


def test_paths_are_shown_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = edited(tmp_path, ("  leader: 叶青纯\n", ""))
    monkeypatch.chdir(tmp_path)
    assert str(only_problem(Path("knowledge/faq.yaml"))).startswith("knowledge/faq.yaml:")
    assert only_problem(path).file == "knowledge/faq.yaml"


CLI_CASES = [
    "syntax",
    "wrong type",
    "missing fact",
    "unknown fact",
    "alias bomb",
    "typo in a field name",
    "duplicate id",
    "too few examples",
    "phone not in the notice",
    "wrong number typed into an answer",
]


@pytest.mark.parametrize("name", CLI_CASES)
def test_check_cli_exits_2_with_file_line_and_field(tmp_path: Path, name: str) -> None:
    edit, marker, field, message = BROKEN[name]
    path = edited(tmp_path, edit)
    done = run_check("knowledge/faq.yaml", cwd=tmp_path)
    assert done.returncode == 2
    first = done.stderr.splitlines()[0]
    assert first.startswith(f"knowledge/faq.yaml:{line_of(path, marker)} {field}".rstrip())
    assert message in first
    assert "Traceback" not in done.stderr + done.stdout


def test_check_cli_refuses_oversized_and_missing_files(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * (kb.MAX_BYTES + 10))
    for path in (big, tmp_path / "missing.yaml"):
        done = run_check(path)
        assert done.returncode == 2
        assert done.stderr.startswith(f"{path}: ")
        assert "Traceback" not in done.stderr + done.stdout


def test_check_cli_on_a_copy_of_the_shipped_faq_outside_the_repo(tmp_path: Path) -> None:
    """Exit 2 only for invalid files: a valid copy passes loading wherever it is."""
    folder = tmp_path / "k"
    shutil.copytree(SHIPPED, folder)
    done = run_check(folder / "faq.yaml")
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith(f"{folder / 'faq.yaml'}: valid")


# --------------------------------------------------------------------------- maintainer messages


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default: no BOT_LANG at all."""
    monkeypatch.delenv("BOT_LANG", raising=False)
    use_language(None)


# (old, new) on a copy of the real FAQ; the marker on the line the mistake is on;
# the words the message must use. Each is a mistake a Notepad user makes.
SYNTAX = {
    "full-width colon": (
        ("    title: 值班电话\n", "    title：值班电话\n"), "title：值班电话", "全角冒号"
    ),
    "unclosed quote": (
        ('  postcode: "110034"\n', '  postcode: "110034\n'), 'postcode: "110034', "引号没有闭合"
    ),
    "first item one space short": (
        ("      - 举报电话是多少\n", "     - 举报电话是多少\n"), "     - 举报电话是多少", "缩进不齐"
    ),
    "later item one space short": (
        ("      - 巡视组的电话号码\n", "     - 巡视组的电话号码\n"),
        "     - 巡视组的电话号码",
        "缩进不齐",
    ),
    "tab": (('    close: "20:00"\n', '\tclose: "20:00"\n'), '\tclose: "20:00"', "Tab 字符"),
    "colon in a value": (("    days: 每天\n", "    days: 每天: 8点\n"), "每天: 8点", "冒号+空格"),
    "unclosed bracket": (
        ('phones: ["024-88881877", "024-88881977"]\n', 'phones: ["024-88881877", "024-88881977"\n'),
        "  phones: [",
        "没有配对",
    ),
}


@pytest.mark.parametrize("name", list(SYNTAX))
def test_yaml_mistakes_in_chinese_at_their_line(chinese: None, tmp_path: Path, name: str) -> None:
    edit, marker, words = SYNTAX[name]
    path = edited(tmp_path, edit, source=SHIPPED)
    problem = only_problem(path)
    assert problem.line == line_of(path, marker), str(problem)
    assert words in problem.message, str(problem)
    assert problem.cause and problem.fix  # the likely cause and what to do
    text = str(problem)
    assert text.startswith(f"{path}:{problem.line}")
    assert "可能的原因:" in text and "怎么改:" in text
    assert "could not find" not in text and "expected" not in text  # no parser jargon


def test_the_full_width_colon_of_the_issue_is_reported_at_line_81(
    chinese: None, tmp_path: Path
) -> None:
    """The issue's own case: `title：值班电话` on line 81, once reported at 82."""
    line = line_of(SHIPPED / "faq.yaml", "    title: 值班电话")  # 81 then; the FAQ has grown
    path = edited(tmp_path, ("    title: 值班电话", "    title：值班电话"), source=SHIPPED)
    problem = only_problem(path)
    assert (problem.line, problem.code) == (line, "yaml_fullwidth_colon")
    assert "全角冒号" in problem.message and "英文冒号" in problem.fix


@pytest.mark.parametrize("name", list(BROKEN))
def test_every_broken_case_is_worded_in_chinese(chinese: None, tmp_path: Path, name: str) -> None:
    """The same line and field as in English, in Chinese, with a cause and a fix."""
    edit, marker, field, _english = BROKEN[name]
    path = edited(tmp_path, edit)
    problem = only_problem(path)
    assert (problem.line, problem.field) == (line_of(path, marker), field)
    assert re.search(r"[\u4e00-\u9fff]", problem.message), problem.message
    assert problem.cause and problem.fix, problem


def test_english_on_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = edited(tmp_path, ("    title: 值班电话", "    title：值班电话"), source=SHIPPED)
    problem = only_problem(path)  # BOT_LANG=en from the module's fixture
    assert "full-width colon" in problem.message and "ASCII colon" in problem.fix
    assert "likely cause: " in str(problem) and "what to do: " in str(problem)
    monkeypatch.delenv("BOT_LANG")
    use_language("en")  # what `check --lang en` would do, whatever BOT_LANG says
    try:
        assert "full-width colon" in only_problem(path).message
    finally:
        use_language(None)


def test_every_message_has_both_languages() -> None:
    import string

    from bot.knowledge.messages import CATALOG

    for code, langs in CATALOG.items():
        assert set(langs) == {"zh", "en"}, code
        for lang, (what, cause, fix) in langs.items():
            assert what or cause, (code, lang)
            assert bool(cause) == bool(fix), (code, lang)  # a cause always comes with a fix
            for part in (what, cause, fix):
                names = [n for _, n, _, _ in string.Formatter().parse(part) if n]
                part.format(**{n.split("!")[0]: "x" for n in names})  # no stray braces


# --------------------------------------------------------------------------- warnings


def test_chinese_quotes_around_a_whole_value_are_warned(tmp_path: Path) -> None:
    path = edited(tmp_path, ('answer: "不客气。"', "answer: “不客气。”"))
    knowledge = load(path)
    assert knowledge.intent("thanks").answer == "“不客气。”"  # what users would get
    [warning] = knowledge.warnings
    assert (warning.field, warning.line) == ("smalltalk[1].answer", line_of(path, "“不客气。”"))
    assert warning.code == "chinese_quotes"
    # Quotes inside a value are meant: 巡视“回头看”.
    assert load(FIXTURE / "faq.yaml").warnings == ()


@pytest.mark.parametrize(
    ("keyword", "kind"),
    [
        ("叶清风", "a person"),  # a 3-character keyword starting with a surname
        ("第五巡视组", "a group ordinal"),
        ("第5组", "a group ordinal"),
        ('"6009"', "a number"),  # 3+ digits
        ("湖北", "a place"),
        ("机动巡视", "a campaign kind"),  # 专项巡视 is in this notice: no leftover
    ],
)
def test_a_keyword_naming_what_the_notice_does_not_is_a_leftover(
    tmp_path: Path, keyword: str, kind: str
) -> None:
    path = edited(tmp_path, ("keywords: [电话, 号码]", f"keywords: [电话, 号码, {keyword}]"))
    [warning] = load(path).warnings
    assert warning.code == "leftover" and warning.field == "topics[0].keywords[2]"
    assert kind in warning.message and keyword.strip('"') in warning.message


def test_an_example_naming_a_leftover_person_is_warned_too(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        ("keywords: [电话, 号码]", "keywords: [电话, 号码, 叶清风]"),
        ("电话打多少]", "电话打多少, 叶清风的电话]"),
    )
    fields = sorted(w.field for w in load(path).warnings)
    assert fields == ["topics[0].examples[8]", "topics[0].keywords[2]"]


def test_what_the_notice_names_is_no_leftover(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        # The notice's own leader, group, box, postcode, province, a channel, the year, 2 digits.
        (
            "keywords: [电话, 号码]",
            'keywords: [电话, 号码, 叶青纯, 第三巡视组, "6008", "110034", 沈阳, 回头看, '
            '"12388", "2016", 24小时, 周末]',
        ),
    )
    assert load(path).warnings == ()


# --------------------------------------------------------------------------- contact facts


def test_a_channel_number_typo_is_refused_naming_both(chinese: None, tmp_path: Path) -> None:
    """12388 typed as 12389, a real number: the police-supervision line."""
    path = edited(tmp_path, ('number: "12388"', 'number: "12389"'))
    problem = only_problem(path)
    assert (problem.field, problem.line) == ("channels.discipline.number", line_of(path, "12389"))
    assert "12389 是公安机关投诉举报电话" in problem.message
    assert "不是“当地纪委监委”" in problem.message and "12388" in problem.message


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (('number: "12388"', 'number: "12399"'), "not in the built-in registry"),
        (("police: {name: 报警电话", "police: {name: 火警电话"), "110 is the police emergency"),
        (("police: {name: 报警电话", "police: {name: 公安机关投诉举报电话"), "12389"),
    ],
)
def test_channels_must_agree_with_the_registry(
    tmp_path: Path, edit: tuple[str, str], words: str
) -> None:
    problem = only_problem(edited(tmp_path, edit))
    assert problem.field.startswith("channels.") and words in problem.message


def test_the_registry_knows_the_national_numbers() -> None:
    numbers = kb.registry()
    wanted = "12388 12345 12333 12315 12305 12306 12309 12320 12328 12336 12338 12348 "
    wanted += "12350 12356 12366 12368 12369 12377 12378 12380 12386 12389 12393 110 119 120 122"
    for number in wanted.split():
        assert number in numbers and numbers[number].words, number
    assert "纪检" in numbers["12388"].purpose and "公安" in numbers["12389"].purpose
    for channel in load(SHIPPED / "faq.yaml").channels.values():
        assert channel.number in numbers


def test_a_duplicated_phone_is_refused(tmp_path: Path) -> None:
    problems = problems_of(edited(tmp_path, ('"024-88881977"]', '"024-88881877"]')))
    by_field = {p.field: p for p in problems}
    assert "listed twice" in by_field["facts.phones[1]"].message
    # …and the notice's second line is then stated by no fact.
    assert "024-88881977 is not stated" in by_field["facts.phones"].message


@pytest.mark.parametrize(
    ("edit", "missing"),
    [
        (('phones: ["024-88881877", "024-88881977"]', 'phones: ["024-88881877"]'), "024-88881977"),
        (("(北京时间)", ""), None),
    ],
)
def test_every_notice_phone_box_and_postcode_is_stated(
    tmp_path: Path, edit: tuple[str, str], missing: str | None
) -> None:
    if missing is None:  # the notice gives a third line and a second box: both named
        path = edited(tmp_path, notice_edits=(
            ("024-88881977,", "024-88881977;024-88881999,"),
            ("第6008号信箱,", "第6008号信箱、第6010号信箱,"),
        ))  # fmt: skip
        problems = [p for p in problems_of(path) if p.code == "notice_not_stated"]
        named = {p.message.split(" is not")[0] for p in problems}
        assert named == {"the notice's phone 024-88881999", "the notice's PO box 6010"}
        return
    problem = only_problem(edited(tmp_path, edit))
    assert (problem.field, problem.code) == ("facts.phones", "notice_not_stated")
    assert missing in problem.message


# --------------------------------------------------------------------------- periods


def cross_year(tmp_path: Path, end: str = "2027-01-08", source: Path = FIXTURE) -> Path:
    """The campaign of 2026-11-08 to 2027-01-08, its notice saying 11月8日—次年1月8日."""
    return edited(
        tmp_path,
        ("year: 2016", "year: 2026"),
        ("start: 2016-02-27", "start: 2026-11-08"),
        ("end: 2016-04-28", f"end: {end}"),
        *([("2月27日—4月28日", "11月8日—次年1月8日")] if source == SHIPPED else []),
        notice_edits=(("2月27日—4月28日", "11月8日—次年1月8日"),),
        source=source,
    )


def test_a_period_may_cross_new_year(tmp_path: Path) -> None:
    knowledge = load(cross_year(tmp_path))
    assert knowledge.values["period"] == "2026年11月8日至2027年1月8日"
    assert knowledge.values_en["period"] == "8 November 2026 to 8 January 2027"
    assert knowledge.facts.period.years == {2026, 2027}


@pytest.mark.parametrize(
    ("end", "code"),
    [("2028-01-08", "end_not_in_year"), ("2026-01-08", "period_reversed")],
)
def test_a_period_crosses_one_new_year_at_most(tmp_path: Path, end: str, code: str) -> None:
    codes = {p.code for p in problems_of(cross_year(tmp_path, end))}
    assert code in codes


def test_check_passes_a_campaign_across_new_year(tmp_path: Path) -> None:
    done = run_check(cross_year(tmp_path, source=SHIPPED))
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_notice_in_its_own_forms_is_read(tmp_path: Path) -> None:
    """8时30分, 下午5时, full-width digits: the facts 08:30–17:00 and the phones match."""
    path = edited(
        tmp_path,
        ('open: "08:00"', 'open: "08:30"'),
        ('close: "20:00"', 'close: "17:00"'),
        ('source: "分别设专门值班电话:024-88881877;024-88881977"',
         'source: "分别设专门值班电话:０２４－８８８８１８７７;024-88881977"'),
        notice_edits=(("早8:00—晚20:00", "上午8时30分至下午5时"),
                      ("024-88881877", "０２４－８８８８１８７７")),
    )  # fmt: skip
    knowledge = load(path)
    assert knowledge.values["hours"] == "每天 8:30—17:00(北京时间)"


@pytest.mark.parametrize("name", list(SYNTAX))
def test_the_pure_python_parser_explains_the_same(
    chinese: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    monkeypatch.setattr(yaml_safe, "CParser", None)
    edit, marker, words = SYNTAX[name]
    path = edited(tmp_path, edit, source=SHIPPED)
    problem = only_problem(path)
    assert (problem.line, words in problem.message) == (line_of(path, marker), True), problem
