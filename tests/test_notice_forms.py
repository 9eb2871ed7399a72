"""notice_forms.canonical: the notice's ways of writing times and dates, made one form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge import canonical, occurs


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("８时３０分", "8:30"),  # full-width digits are digits
        ("０２４－８８８８１８７７", "024-88881877"),
        ("8时30分", "8:30"),
        ("8时30", "8:30"),
        ("8时", "8:00"),
        ("8点半", "8:30"),
        ("8点30分", "8:30"),
        ("08:00", "8:00"),
        ("8：00", "8:00"),  # a full-width colon
        ("上午8时30分至下午5时", "上午8:30至下午17:00"),
        ("下午5时", "下午17:00"),
        ("晚8点", "晚20:00"),
        ("早8:00—晚20:00", "早8:00—晚20:00"),  # already 24-hour: unchanged
        ("中午12时", "中午12:00"),
        ("2月27日截止到4月28日", "2月27日至4月28日"),
        ("截至4月28日", "至4月28日"),
        ("11月8日～次年1月8日", "11月8日—次年1月8日"),
        ("邮编: 110034", "邮编:110034"),  # spacing does not matter
        # A second phone without its area code inherits the first one's.
        ("020-83881234、83881235", "020-83881234、020-83881235"),
        ("0731-84561234或84565678", "0731-84561234或0731-84565678"),
        ("024-88881877;024-88881977", "024-88881877;024-88881977"),
        ("电话024-88881877;邮编110034", "电话024-88881877;邮编110034"),
        ("024-88881877,110034", "024-88881877,110034"),  # not a local number
        # Not times: a count with 点, hours as a length, phone numbers, years.
        ("3点意见", "3点意见"),
        ("24小时", "24小时"),
        ("024-88881877", "024-88881877"),
        ("2016年", "2016年"),
        ("25时", "25时"),
    ],
)
def test_forms(written: str, expected: str) -> None:
    assert canonical(written) == expected


def test_next_year_with_and_without_the_year() -> None:
    assert canonical("次年1月20日", year=2026) == "2027年1月20日"
    assert canonical("翌年1月20日", year=2026) == "2027年1月20日"
    assert canonical("次年1月20日") == "次年1月20日"  # 1月20日 can still be found in it
    assert occurs("1月20日", canonical("巡视期间(11月20日—次年1月20日)"))
    assert not occurs("1月20日", canonical("11月20日"))  # never inside 11月20日


def test_provenance_reads_a_fact_in_the_notice_own_form() -> None:
    notice = canonical("受理电话的时间为:上午８时３０分至下午5时,电话:０２４－８８８８１８７７")
    for fact in ("8:30", "08:30", "17:00", "024-88881877"):
        assert occurs(fact, notice), fact
    assert not occurs("5:00", notice)  # 下午5时 is 17:00, not 5:00


FORMS = "上下午晚早时点分半整:：0123456789０１２３次年月日截止到至—~、;- "


@given(st.text(alphabet=FORMS, max_size=40))
def test_canonical_is_idempotent(text: str) -> None:
    once = canonical(text)
    assert canonical(once) == once
