"""The opt-in unanswered-questions log keeps nothing that could identify anyone."""

from __future__ import annotations

import json
import stat
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.reply import Reply, Suggestion
from bot.unanswered import MAX_CHARS, UnansweredLog, low_confidence_threshold, mask, scrub

TODAY = date(2024, 5, 20)
FALLBACK = Reply(text="抱歉,我没有理解您的问题。", kind="fallback", confidence=0.1)
DID_YOU_MEAN = Reply(
    text="您是想问哪一个?",
    kind="fallback",
    confidence=0.5,
    suggestions=(Suggestion("phone", "值班电话"),),
)
CONFIDENT = Reply(text="值班电话……", kind="faq", topics=("phone",), confidence=0.99)
WEAK = Reply(text="值班电话……", kind="faq", topics=("phone",), confidence=0.0)
GUARD = Reply(text="本机器人不能接收……", kind="report_guard", confidence=0.0)


def lines(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    return tmp_path / "unanswered.jsonl"


# --- opt-in and what gets recorded ----------------------------------------------------


@pytest.mark.parametrize("value", [None, "", "   "])
def test_disabled_unless_a_path_is_set(value: str | None) -> None:
    assert UnansweredLog.from_settings(value) is None


def test_enabled_with_a_path_creates_a_private_file(log_path: Path) -> None:
    log = UnansweredLog.from_settings(str(log_path), 7)
    assert log is not None
    assert log.days == 7
    assert log_path.exists()
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600


def test_an_existing_permissive_file_is_made_private(log_path: Path) -> None:
    log_path.write_text("")
    log_path.chmod(0o644)
    UnansweredLog(log_path)
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600


def test_days_must_be_positive(log_path: Path) -> None:
    with pytest.raises(ValueError, match="UNANSWERED_DAYS"):
        UnansweredLog(log_path, days=0)


def test_fallback_and_did_you_mean_are_recorded(log_path: Path) -> None:
    log = UnansweredLog(log_path, today=TODAY)
    assert log.maybe_record("巡视组食堂伙食怎么样", FALLBACK, today=TODAY)
    assert log.maybe_record("电话打不通咋整", DID_YOU_MEAN, today=TODAY)
    entries = lines(log_path)
    assert [e["date"] for e in entries] == ["2024-05-20", "2024-05-20"]
    assert entries[0]["q"] == scrub("巡视组食堂伙食怎么样")
    assert "食堂" in entries[0]["q"]
    # Exactly these two keys: no user id, chat id, time or reply.
    assert all(set(e) == {"date", "q"} for e in entries)


def test_low_confidence_is_recorded_and_confident_answers_are_not(log_path: Path) -> None:
    log = UnansweredLog(log_path, today=TODAY, threshold=0.6)
    assert not log.maybe_record("值班电话多少", CONFIDENT, today=TODAY)
    assert log.maybe_record("电话那个啥", WEAK, today=TODAY)
    assert [e["q"] for e in lines(log_path)] == [scrub("电话那个啥")]


def test_threshold_is_the_answer_engines(log_path: Path) -> None:
    from bot.answer import LOW_CONFIDENCE

    assert UnansweredLog(log_path).threshold == LOW_CONFIDENCE == low_confidence_threshold()


def test_report_guard_is_never_recorded(log_path: Path) -> None:
    log = UnansweredLog(log_path, today=TODAY, threshold=1.1)  # everything else is "weak"
    report = "我举报张三局长贪污受贿,他的电话13800138000"
    assert not log.maybe_record(report, GUARD, today=TODAY)
    assert log_path.read_text() == ""
    assert log.maybe_record("别的问题", FALLBACK, today=TODAY)
    assert "张三" not in log_path.read_text()


def test_real_answers_feed_the_log_only_when_weak(log_path: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.answer import Brain

    now = datetime(2016, 3, 1, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    brain = Brain.load()
    log = UnansweredLog(log_path, today=TODAY)
    assert not log.maybe_record("值班电话是多少", brain.answer("值班电话是多少", now), TODAY)
    report = "我要实名举报沈阳市王建国局长收受贿赂三百万元"
    guarded = brain.answer(report, now)
    assert guarded.kind == "report_guard"
    assert not log.maybe_record(report, guarded, TODAY)
    assert log.maybe_record("乌拉乌拉呜呜呜", brain.answer("乌拉乌拉呜呜呜", now), TODAY)
    assert len(lines(log_path)) == 1


# --- masking -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret", "token"),
    [
        ("我电话13800138000打不通巡视组", "13800138000", "〔电话〕"),
        ("我手机 138 0013 8000", "0013", "〔电话〕"),
        ("打024-88881877没人接", "88881877", "〔电话〕"),
        ("电话：１３８００１３８０００", "8000", "〔电话〕"),
        ("身份证号11010519491231002X能查吗", "110105", "〔身份证号〕"),
        ("身份证110105194912310021", "110105", "〔身份证号〕"),
        ("卡号6222 0202 0000 1234 567被冻结", "6222", "〔银行卡号〕"),
        ("银行卡6222020200001234567", "6222", "〔银行卡号〕"),
        ("我的邮箱 zhang.san@qq.com 能回复吗", "zhang", "〔邮箱〕"),
        ("mail Bob.Smith@Example.org please", "smith", "〔邮箱〕"),
        ("QQ123456789加我", "123456789", "〔电话〕"),
        ("我电话一三八零零一三八零零零", "一三八", "〔号码〕"),
    ],
)
def test_numbers_and_addresses_are_masked(text: str, secret: str, token: str) -> None:
    stored = scrub(text)
    assert secret.lower() not in stored.lower()
    assert token in stored


@pytest.mark.parametrize(
    ("text", "expected_part", "secret"),
    [
        ("张某某", "张某＊＊", "某某"),
        ("李某明欺负人", "李某＊＊", "明"),
        ("張某某局長的事", "某＊＊局长", "某某"),
        ("王建国局长贪污", "＊＊局长贪污", "建国"),
        ("举报王建国局长", "举报＊＊局长", "王建国"),
        ("我们村的李书记", "＊＊书记", "李"),
        ("张副局长", "＊＊副局长", "张"),
        ("赵刚县长", "＊＊县长", "赵刚"),
        ("局长王建国收钱", "局长＊＊", "王建国"),
        ("刘主任怎么办", "＊＊主任", "刘"),
    ],
)
def test_names_near_mou_and_titles_are_masked(text: str, expected_part: str, secret: str) -> None:
    stored = scrub(text)
    assert expected_part in stored
    assert secret not in stored


@pytest.mark.parametrize(
    "text",
    [
        "县委书记的问题找谁",
        "局长贪污怎么办",
        "某些领导不作为",
        "6008号信箱邮编110034",
        "巡视期间2016-02-27到2016-04-28",
    ],
)
def test_ordinary_words_stay_readable(text: str) -> None:
    # Masking must not destroy what the maintainer needs to read.
    assert "＊" not in scrub(text) and "〔" not in scrub(text)
    assert mask(text) == text


def test_cut_at_100_characters_after_masking() -> None:
    long = "巡视组" * 40 + "13800138000"
    stored = scrub(long)
    assert len(stored) == MAX_CHARS
    # A number straddling the cut is masked before cutting, so no digits leak.
    straddling = "问" * 95 + "13800138000"
    assert not any(ch.isdigit() for ch in scrub(straddling))


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.text(max_size=30),
    digits=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    suffix=st.text(max_size=30),
)
def test_no_mobile_number_survives(prefix: str, digits: str, suffix: str) -> None:
    stored = scrub(prefix + " " + digits + " " + suffix)
    assert digits not in "".join(ch for ch in stored if ch.isdigit())
    assert len(stored) <= MAX_CHARS


# --- retention ------------------------------------------------------------------------


def test_old_entries_are_purged_on_open(log_path: Path) -> None:
    old = (TODAY - timedelta(days=31)).isoformat()
    edge = (TODAY - timedelta(days=30)).isoformat()
    log_path.write_text(
        "\n".join(
            [
                json.dumps({"date": old, "q": "很久以前的问题"}, ensure_ascii=False),
                json.dumps({"date": edge, "q": "三十天前的问题"}, ensure_ascii=False),
                "not json at all",
                json.dumps({"date": TODAY.isoformat(), "q": "今天的问题"}, ensure_ascii=False),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    log = UnansweredLog(log_path, days=30, today=TODAY)
    assert [e["q"] for e in log.entries()] == ["三十天前的问题", "今天的问题"]
    assert "很久以前" not in log_path.read_text(encoding="utf-8")
    assert "not json" not in log_path.read_text(encoding="utf-8")
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600


def test_purge_runs_again_when_the_day_changes(log_path: Path) -> None:
    log = UnansweredLog(log_path, days=2, today=TODAY)
    log.maybe_record("第一天的问题", FALLBACK, today=TODAY)
    log.maybe_record("第二天的问题", FALLBACK, today=TODAY + timedelta(days=1))
    assert len(log.entries()) == 2
    log.maybe_record("第四天的问题", FALLBACK, today=TODAY + timedelta(days=3))
    assert [e["q"] for e in log.entries()] == [scrub("第二天的问题"), scrub("第四天的问题")]


def test_only_the_date_is_stored(log_path: Path) -> None:
    log = UnansweredLog(log_path)
    log.maybe_record("随便问问", FALLBACK)
    (entry,) = lines(log_path)
    assert entry["date"] == date.today().isoformat()
    assert len(entry["date"]) == 10  # YYYY-MM-DD, no time


def test_concurrent_writers_never_interleave(log_path: Path) -> None:
    log = UnansweredLog(log_path, today=TODAY)

    def write(n: int) -> None:
        for i in range(50):
            log.maybe_record(f"线程{n}的第{i}个问题", FALLBACK, today=TODAY)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    entries = lines(log_path)  # every line parses: no torn writes
    assert len(entries) == 200
    assert len({e["q"] for e in entries}) == 200


def test_a_write_error_does_not_raise(log_path: Path) -> None:
    log = UnansweredLog(log_path, today=TODAY)
    log_path.unlink()
    log_path.mkdir()  # now the path cannot be opened for appending
    assert log.maybe_record("问题", FALLBACK, today=TODAY) is False
