"""Reply → Telegram messages: escaping, splitting, buttons."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.reply import Reply, Suggestion
from bot.tg.render import (
    MAX_CALLBACK_DATA,
    callback_data,
    keyboard,
    parse_callback,
    render,
    split_text,
    utf16_len,
)

texts = st.text(
    alphabet=st.sampled_from(list("巡视组电话ab <>&\n。,! 😀")), min_size=0, max_size=3000
)


@given(text=texts, limit=st.integers(2, 400))
def test_split_pieces_fit_and_join_back_to_the_exact_text(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(utf16_len(p) <= limit for p in pieces)
    assert all(pieces[:-1])  # no empty piece in the middle


def test_split_prefers_paragraphs_then_sentences() -> None:
    para = "第一段。" * 400  # 1,600 characters; three do not fit in one message
    text = para + "\n\n" + para + "\n\n" + para
    pieces = split_text(text, 4096)
    assert pieces == [para + "\n\n" + para + "\n\n", para]
    sentences = "这是一句话。" * 1000  # 6,000 characters, no newline at all
    pieces = split_text(sentences, 4096)
    assert all(p.endswith("。") for p in pieces)
    assert "".join(pieces) == sentences


def test_split_counts_utf16_units_like_telegram() -> None:
    pieces = split_text("😀" * 3000, 4096)  # each emoji is two UTF-16 units
    assert [len(p) for p in pieces] == [2048, 952]


def test_short_text_is_one_piece() -> None:
    assert split_text("电话是多少") == ["电话是多少"]


def test_render_escapes_everything_and_puts_buttons_on_the_last_piece() -> None:
    text = "<b>粗体</b> & <a href='x'>链接</a>\n" * 400  # about 12,800 characters
    reply = Reply(text, "fallback", (), 0.3, (Suggestion("phone", "电话<>"),))
    out = render(reply)
    assert len(out) == 4
    assert "".join(html.unescape(o.html) for o in out) == text
    assert all("<" not in o.html for o in out)
    assert [o.markup is not None for o in out] == [False, False, False, True]
    button = out[-1].markup.inline_keyboard[0][0]  # type: ignore[union-attr]
    assert button.text == "电话<>"  # button labels are not HTML
    assert button.callback_data == "t:phone"


def test_a_reply_without_suggestions_has_no_keyboard() -> None:
    (only,) = render(Reply("电话:024-88881877", "faq", ("phone",), 1.0))
    assert only.markup is None
    assert only.html == "电话:024-88881877"


def test_keyboard_layout_one_per_row_for_few_two_for_a_menu() -> None:
    few = keyboard([Suggestion(f"t{i}", f"T{i}") for i in range(3)])
    menu = keyboard([Suggestion(f"t{i}", f"T{i}") for i in range(11)])
    assert few is not None and menu is not None
    assert [len(r) for r in few.inline_keyboard] == [1, 1, 1]
    assert [len(r) for r in menu.inline_keyboard] == [2, 2, 2, 2, 2, 1]


def test_callback_data_fits_64_bytes_or_the_button_is_left_out() -> None:
    long_id = "x" * 70
    markup = keyboard([Suggestion(long_id, "太长"), Suggestion("mail", "信箱")])
    assert markup is not None
    data = [b.callback_data for row in markup.inline_keyboard for b in row]
    assert data == ["t:mail"]
    assert all(len(str(d).encode()) <= MAX_CALLBACK_DATA for d in data)
    assert keyboard([Suggestion(long_id, "太长")]) is None


@pytest.mark.parametrize(("topic", "lang"), [("phone", "zh"), ("scope_what", "en")])
def test_callback_data_round_trips(topic: str, lang: str) -> None:
    assert parse_callback(callback_data(topic, lang)) == (topic, lang)


@pytest.mark.parametrize("data", [None, "", "t:", "x:phone", "t:phone:de", "phone"])
def test_foreign_callback_data_is_not_ours(data: str | None) -> None:
    assert parse_callback(data) is None
