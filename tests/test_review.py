"""`python -m bot review`: grouping, proposals, YAML snippets, and the loop closing."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot import review
from bot.answer import Brain
from bot.reply import Reply
from bot.unanswered import UnansweredLog

SHIPPED = Path(__file__).resolve().parent.parent / "knowledge"
NOW = datetime(2016, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
WEAK = Reply("抱歉", "fallback", (), 0.0)


def write_log(path: Path, rows: list[tuple[str, str]]) -> None:
    path.write_text(
        "".join(json.dumps({"date": d, "q": q}, ensure_ascii=False) + "\n" for d, q in rows),
        encoding="utf-8",
    )


# --- grouping ---------------------------------------------------------------------------


def test_similar_questions_are_grouped_and_counted() -> None:
    groups = review.cluster(
        [
            ("2024-05-01", "电话打不通怎么办"),
            ("2024-05-02", "电话打不通怎么办"),
            ("2024-05-02", "电话一直打不通"),
            ("2024-05-03", "电话占线怎么办"),
            ("2024-05-03", "能匿名举报"),
            ("2024-05-04", "匿名举报可以"),
            ("2024-05-04", "巡视组食堂伙食怎么样"),
        ]
    )
    assert [g.size for g in groups] == [4, 2, 1]
    phone, anonymous, food = groups
    assert phone.representative == "电话打不通怎么办"  # the most frequent question
    assert phone.questions()[0] == "电话打不通怎么办"
    assert phone.counts["电话打不通怎么办"] == 2
    assert set(anonymous.questions()) == {"能匿名举报", "匿名举报可以"}
    assert food.questions() == ["巡视组食堂伙食怎么样"]
    assert sorted(phone.dates) == ["2024-05-01", "2024-05-02", "2024-05-02", "2024-05-03"]


def test_unrelated_questions_stay_apart() -> None:
    groups = review.cluster([("2024-05-01", q) for q in ["电话打不通", "巡视组伙食好", "天气"]])
    assert len(groups) == 3


def test_masks_do_not_make_questions_similar() -> None:
    # Two questions that share only their masks must not be grouped by them.
    groups = review.cluster([("2024-05-01", "＊＊局长〔电话〕"), ("2024-05-01", "＊＊书记快递")])
    assert len(groups) == 2


@given(st.text(max_size=40))
def test_yaml_items_round_trip(question: str) -> None:
    item = review._yaml_item(question)
    assert "\n" not in item
    assert yaml.safe_load(item) == [question]


# --- proposals ---------------------------------------------------------------------------


def test_proposal_comes_from_the_faq() -> None:
    brain = Brain.load(SHIPPED / "faq.yaml")
    (phone,) = review.cluster([("2024-05-01", "值班电话是多少")])
    proposal = review.propose(brain, phone, NOW)
    assert (proposal.intent_id, proposal.section) == ("phone", "topics")
    assert proposal.title == brain.knowledge.intent("phone").title
    (labour,) = review.cluster([("2024-05-01", "老板拖欠工资不给")])
    assert review.propose(brain, labour, NOW).section == "routes"


def test_a_report_is_never_proposed_as_an_example() -> None:
    brain = Brain.load(SHIPPED / "faq.yaml")
    report = "我实名举报＊＊局长收受贿赂三百万元还包养情妇"
    assert brain.answer(report, NOW).kind == "report_guard"
    (group,) = review.cluster([("2024-05-01", report)])
    proposal = review.propose(brain, group, NOW)
    assert proposal.report and proposal.intent_id is None
    snippet = review.render_yaml([group], [proposal], brain)
    assert "贿赂" not in snippet


# --- the command ---------------------------------------------------------------------------


def test_without_unanswered_log_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("UNANSWERED_LOG", raising=False)
    assert review.main(as_yaml=False) == 2
    assert "UNANSWERED_LOG" in capsys.readouterr().err


def test_missing_log_file_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("UNANSWERED_LOG", str(tmp_path / "nope.jsonl"))
    assert review.main(as_yaml=True) == 2
    assert "nope.jsonl" in capsys.readouterr().err


def test_empty_log_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "u.jsonl"
    log.write_text("")
    monkeypatch.setenv("UNANSWERED_LOG", str(log))
    out = io.StringIO()
    assert review.main(as_yaml=False, out=out) == 0
    assert "没有记录" in out.getvalue()


def test_text_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "u.jsonl"
    write_log(
        log,
        [
            ("2024-05-01", "值班电话是多少"),
            ("2024-05-01", "值班电话是多少呀"),
            ("2024-05-03", "值班电话是几号"),
            ("2024-05-02", "老板拖欠工资不给"),
        ],
    )
    (log.parent / "junk").write_text("")
    with log.open("a", encoding="utf-8") as f:
        f.write("not json\n")
    monkeypatch.setenv("UNANSWERED_LOG", str(log))
    monkeypatch.setenv("FAQ_PATH", str(SHIPPED / "faq.yaml"))
    out = io.StringIO()
    assert review.main(as_yaml=False, out=out) == 0
    text = out.getvalue()
    assert "4 条,分成 2 组(2024-05-01 至 2024-05-03)" in text
    assert "【1】3 条" in text and "topics[id=phone].examples" in text
    assert "【2】1 条" in text and "routes[id=labour].examples" in text


def test_the_loop_closes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Logged questions go through review, its YAML is pasted under the topics it names,
    the FAQ still loads, and the same questions are then answered with those topics.
    (Which topic review proposes is the matcher's business; the loop must hold whatever
    it proposes.)"""
    kdir = tmp_path / "knowledge"
    kdir.mkdir()
    for name in ("faq.yaml", "notice.txt"):
        shutil.copy(SHIPPED / name, kdir / name)
    faq = kdir / "faq.yaml"
    brain = Brain.load(faq)

    questions = ["值班那条线打几号", "信该往哪个箱子投", "电话打不通咋整"]
    log = UnansweredLog(tmp_path / "u.jsonl", today=date(2024, 5, 1))
    for question in questions:
        # Logged as after a weak reply (which replies are weak is tested elsewhere).
        assert log.maybe_record(question, WEAK, brain.knowledge, today=date(2024, 5, 1))
    stored = [e["q"] for e in log.entries()]

    monkeypatch.setenv("UNANSWERED_LOG", str(log.path))
    monkeypatch.setenv("FAQ_PATH", str(faq))
    out = io.StringIO()
    assert review.main(as_yaml=True, out=out) == 0
    snippet = out.getvalue()
    assert yaml.safe_load(snippet) is not None  # the whole output is valid YAML

    # Paste each group's lines under the examples of the topic it names, as the guide says.
    lines = faq.read_text(encoding="utf-8").splitlines()
    target: str | None = None
    pasted: dict[str, list[str]] = {}
    for line in snippet.splitlines():
        if line.startswith("# add to topics[id=") or line.startswith("# add to routes[id="):
            target = line.split("[id=")[1].split("]")[0]
        elif line.startswith("      - ") and target:
            pasted.setdefault(target, []).append(line)
        elif not line.strip():
            target = None
    assert pasted, snippet
    for topic, items in pasted.items():
        start = lines.index(f"  - id: {topic}")
        at = next(i for i in range(start, len(lines)) if lines[i].strip() == "examples:")
        lines[at + 1 : at + 1] = items
    faq.write_text("\n".join(lines) + "\n", encoding="utf-8")

    after = Brain.load(faq)
    answered = 0
    for topic, items in pasted.items():
        examples = after.knowledge.intent(topic).examples
        assert len(examples) == len(brain.knowledge.intent(topic).examples) + len(items)
        for question in stored:
            if review._yaml_item(question) in items:
                reply = after.answer(question, NOW)
                assert reply.kind in ("faq", "route") and topic in reply.topics, (question, reply)
                answered += 1
    assert answered == sum(len(items) for items in pasted.values())
