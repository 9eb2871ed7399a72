"""Live reload keeps the last good FAQ, swaps atomically, and feeds /stats."""

from __future__ import annotations

import logging
import os
import re
import shutil
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import live
from bot.live import LiveBrain, ReloadResult
from bot.reply import Reply
from bot.stats import Stats

SHIPPED = Path(__file__).resolve().parent.parent / "knowledge"
NOW = datetime(2016, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # inside the period
OLD_PHONES = ("024-88881877", "024-88881977")
NEW_PHONES = ("024-66660011", "024-66660022")


@dataclass(frozen=True)
class Version:
    """A FAQ and the notice it is checked against: every notice phone must be a fact, so
    version B (new phones) comes with its own notice."""

    faq: str
    notice: str


def write(path: Path, text: str, stamp: int | None = None) -> None:
    """Replace a file the way a careful editor does (write aside, rename), and give it a
    distinct mtime so that a poll on a coarse-clock filesystem still sees the change."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    if stamp is not None:
        os.utime(path, ns=(stamp, stamp))


def put(kdir: Path, version: Version, stamp: int | None = None) -> None:
    """The maintainer's edit: the notice first, then the FAQ."""
    write(kdir / "notice.txt", version.notice, stamp)
    write(kdir / "faq.yaml", version.faq, None if stamp is None else stamp + 1)


@pytest.fixture
def kdir(tmp_path: Path) -> Path:
    shutil.copy(SHIPPED / "faq.yaml", tmp_path / "faq.yaml")
    shutil.copy(SHIPPED / "notice.txt", tmp_path / "notice.txt")
    return tmp_path


@pytest.fixture
def version_a(kdir: Path) -> Version:
    return Version((kdir / "faq.yaml").read_text("utf-8"), (kdir / "notice.txt").read_text("utf-8"))


@pytest.fixture
def version_b(version_a: Version) -> Version:
    faq, notice = version_a.faq, version_a.notice
    for old, new in zip(OLD_PHONES, NEW_PHONES, strict=True):
        assert old in faq and old in notice, "the shipped phones changed; update this test"
        faq, notice = faq.replace(old, new), notice.replace(old, new)
    return Version(faq, notice)


@pytest.fixture
def version_bad(version_a: Version) -> Version:
    # A phone number that the notice does not contain: provenance must refuse it.
    return Version(version_a.faq.replace(OLD_PHONES[1], "024-99990000", 1), version_a.notice)


def phones_in(reply: Reply) -> set[str]:
    return {p for p in (*OLD_PHONES, *NEW_PHONES) if p in reply.text}


# --- reload and poll --------------------------------------------------------------------


def test_starts_with_the_file_and_answers_from_it(kdir: Path) -> None:
    lb = LiveBrain(kdir / "faq.yaml")
    reply = lb.current.answer("值班电话是多少", NOW)
    assert phones_in(reply) == set(OLD_PHONES)
    assert lb.history == []


def test_an_existing_brain_is_used_as_is(kdir: Path) -> None:
    from bot.answer import Brain

    brain = Brain.load(kdir / "faq.yaml")
    assert LiveBrain(kdir / "faq.yaml", brain).current is brain


def test_good_edit_is_taken(kdir: Path, version_b: Version) -> None:
    lb = LiveBrain(kdir / "faq.yaml")
    put(kdir, version_b)
    result = lb.reload()
    assert result.ok and result.changed
    assert result.at.tzinfo is not None
    # The shipped campaign is over: accepted, with check's warning for the admin.
    assert "这一轮巡视已于 2016-04-28 结束" in result.message  # Chinese by default
    assert phones_in(lb.current.answer("值班电话是多少", NOW)) == set(NEW_PHONES)
    assert lb.history == [result]


def test_reload_without_change_reports_unchanged(kdir: Path) -> None:
    lb = LiveBrain(kdir / "faq.yaml")
    before = lb.current
    result = lb.reload()
    assert result.ok and not result.changed
    assert lb.current is not before  # rebuilt, but the same content
    assert phones_in(lb.current.answer("值班电话是多少", NOW)) == set(OLD_PHONES)


def test_broken_edit_keeps_the_last_good_version(
    kdir: Path, version_bad: Version, caplog: pytest.LogCaptureFixture
) -> None:
    lb = LiveBrain(kdir / "faq.yaml")
    good = lb.current
    put(kdir, version_bad)
    with caplog.at_level(logging.WARNING, logger="bot.live"):
        result = lb.reload()
    assert not result.ok and not result.changed
    assert lb.current is good
    # The problem names the file, the line and the field.
    assert re.search(r"faq\.yaml:\d+ facts\.phones\[1\]", result.message), result.message
    assert "024-99990000" in result.message
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings and "facts.phones[1]" in warnings[0].getMessage()
    assert phones_in(lb.current.answer("值班电话是多少", NOW)) == set(OLD_PHONES)


def test_yaml_syntax_error_is_refused_with_its_line(kdir: Path, version_a: Version) -> None:
    lb = LiveBrain(kdir / "faq.yaml")
    good = lb.current
    write(kdir / "faq.yaml", version_a.faq.replace("  province: 辽宁省", "  province: [辽宁省", 1))
    result = lb.reload()
    assert not result.ok
    assert re.search(r"faq\.yaml:\d+", result.message)
    assert lb.current is good


def test_an_example_answered_wrongly_is_refused(kdir: Path, version_a: Version) -> None:
    # Schema and provenance are fine; the FAQ's own tests fail. `check` refuses this,
    # so a reload must refuse it too.
    assert version_a.faq.rstrip().splitlines()[-1].startswith("  - {q:"), "tests: is not last"
    wrong = version_a.faq.rstrip() + "\n  - {q: 值班电话是多少, topics: [mail]}\n"
    lb = LiveBrain(kdir / "faq.yaml")
    good = lb.current
    write(kdir / "faq.yaml", wrong)
    result = lb.reload()
    assert not result.ok
    assert "值班电话是多少" in result.message
    assert lb.current is good


def test_missing_file_is_refused(kdir: Path) -> None:
    lb = LiveBrain(kdir / "faq.yaml")
    good = lb.current
    (kdir / "faq.yaml").unlink()
    result = lb.reload()
    assert not result.ok
    assert "faq.yaml" in result.message
    assert lb.current is good


def test_poll_reloads_only_on_change(kdir: Path, version_b: Version, version_bad: Version) -> None:
    faq = kdir / "faq.yaml"
    lb = LiveBrain(faq)
    assert lb.poll() is None
    assert lb.poll() is None

    put(kdir, version_bad, stamp=1_000_000_000_000_000_000)
    bad = lb.poll()
    assert bad is not None and not bad.ok
    assert lb.poll() is None  # a broken file is reported once, not at every poll

    put(kdir, version_b, stamp=1_000_000_001_000_000_000)
    good = lb.poll()
    assert good is not None and good.ok and good.changed
    assert phones_in(lb.current.answer("值班电话是多少", NOW)) == set(NEW_PHONES)
    assert lb.poll() is None
    assert [r.ok for r in lb.history] == [False, True]


def test_poll_notices_a_changed_notice(kdir: Path) -> None:
    lb = LiveBrain(kdir / "faq.yaml")
    notice = kdir / "notice.txt"
    # Without the phone line the FAQ's numbers no longer occur in the notice.
    text = notice.read_text(encoding="utf-8").replace("024-88881977", "024-88881900")
    good = lb.current
    write(notice, text, stamp=1_000_000_000_000_000_000)
    result = lb.poll()
    assert result is not None and not result.ok
    assert "notice" in result.message
    assert lb.current is good


def test_history_is_bounded(kdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(live, "HISTORY", 3)
    lb = LiveBrain(kdir / "faq.yaml")
    results = [lb.reload() for _ in range(5)]
    assert lb.history == results[-3:]


# --- atomicity ---------------------------------------------------------------------------


def test_questions_during_reloads_see_exactly_one_version(
    kdir: Path, version_a: Version, version_b: Version, version_bad: Version
) -> None:
    """Four threads answer while the FAQ is reloaded with good and broken files in turn:
    every reply states version A's phones or version B's, never a mix, never an error."""
    faq = kdir / "faq.yaml"
    lb = LiveBrain(faq)
    questions = ["值班电话是多少", "电话和邮编分别是多少", "巡视组电话多少"]
    done = threading.Event()
    seen: list[frozenset[str]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def ask(worker: int) -> None:
        n = 0
        while not done.is_set() or n < 20:
            try:
                reply = lb.current.answer(questions[(n + worker) % len(questions)], NOW)
            except BaseException as exc:  # an exception is a failure, recorded below
                with lock:
                    errors.append(exc)
                return
            with lock:
                seen.append(frozenset(phones_in(reply)))
            n += 1

    threads = [threading.Thread(target=ask, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    results: list[ReloadResult] = []
    try:
        for version in [version_b, version_bad, version_a, version_bad, version_b, version_a]:
            put(kdir, version)
            results.append(lb.reload())
    finally:
        done.set()
        for t in threads:
            t.join()

    assert errors == []
    assert [r.ok for r in results] == [True, False, True, False, True, True]
    allowed = {frozenset(OLD_PHONES), frozenset(NEW_PHONES)}
    assert seen and set(seen) <= allowed, set(seen) - allowed
    assert set(seen) == allowed  # both versions were really served during the test
    assert phones_in(lb.current.answer("值班电话是多少", NOW)) == set(OLD_PHONES)


# --- /stats -----------------------------------------------------------------------------


def test_stats_counts_kinds_and_topics_without_text() -> None:
    start = datetime(2024, 5, 1, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    stats = Stats(started=start)
    secret = "我举报王建国"
    stats.record(Reply("……", "faq", ("phone",), 0.9))
    stats.record(Reply("……", "faq", ("phone", "mail"), 0.9))
    stats.record(Reply("……", "route", ("labour",), 0.8))
    stats.record(Reply(secret, "report_guard", (), 1.0))
    stats.record(Reply("……", "fallback", (), 0.1))
    assert stats.total == 5
    assert stats.by_kind() == {"faq": 2, "route": 1, "report_guard": 1, "fallback": 1}
    assert stats.by_topic() == {"phone": 2, "mail": 1, "labour": 1}

    text = stats.summary([], now=start + timedelta(days=1, hours=2, minutes=3))
    assert "1天2小时3分钟" in text
    assert "回复总数:5" in text
    assert "faq 2" in text and "report_guard 1" in text and "smalltalk 0" in text
    assert "phone 2 · labour 1 · mail 1" in text
    assert "(无记录)" in text
    assert secret not in text


def test_stats_summary_lists_reloads_with_their_problems() -> None:
    at = datetime(2024, 5, 1, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    history = [
        ReloadResult(True, True, "FAQ reloaded", at),
        ReloadResult(False, False, "faq.yaml:17 facts.phones[1]: not in the notice", at),
        ReloadResult(True, False, "FAQ unchanged", at),
    ]
    text = Stats(started=at).summary(history, now=at)
    assert "最近 3 次" in text
    assert text.count("2024-05-01 09:30:00") == 3
    assert "成功,内容已更新" in text and "成功,内容未变" in text
    assert "失败,仍用上一个正确版本" in text
    assert "faq.yaml:17 facts.phones[1]" in text


def test_stats_from_real_replies_and_reloads(kdir: Path, version_bad: Version) -> None:
    lb = LiveBrain(kdir / "faq.yaml")
    stats = Stats()
    for q in ["值班电话是多少", "邮编多少", "你好"]:
        stats.record(lb.current.answer(q, NOW))
    put(kdir, version_bad)
    lb.reload()
    text = stats.summary(lb.history)
    assert stats.total == 3
    assert "phone 1" in text and "mail 1" in text
    assert "facts.phones[1]" in text


def test_the_reload_reply_does_not_repeat_the_summary(kdir: Path, version_b: Version) -> None:
    """/reload words its own first line; live's Chinese summary is not said twice."""
    from bot.tg.handlers import RELOAD_SAYS, reload_reply

    lb = LiveBrain(kdir / "faq.yaml")
    put(kdir, version_b)
    result = lb.reload()
    assert result.message.splitlines()[0] == "知识库已重新加载,内容已更新"
    reply = reload_reply(result).splitlines()
    assert reply[0] == RELOAD_SAYS[True, True] and "知识库已重新加载,内容已更新" not in reply
    assert reply[1].startswith("提醒:这一轮巡视已于 2016-04-28 结束")
