"""The small pieces every message shares."""

from __future__ import annotations

from datetime import date

import pytest

from bot.fakeapi.rules import check_html, visible_text
from bot.render.format import (
    MAX_CAPTION,
    bar,
    clipped,
    day_strip,
    number,
    signed,
    split_message,
    telegram_length,
)
from bot.texts import CATALOGS, Plural


@pytest.mark.parametrize(
    ("done", "total", "shown"),
    [
        (0, 30, "▱▱▱▱▱▱▱▱▱▱"),
        (1, 31, "▰▱▱▱▱▱▱▱▱▱"),  # any progress shows
        (15, 30, "▰▰▰▰▰▱▱▱▱▱"),
        (96, 100, "▰▰▰▰▰▰▰▰▰▱"),  # only a met target is full
        (100, 100, "▰▰▰▰▰▰▰▰▰▰"),
        (150, 100, "▰▰▰▰▰▰▰▰▰▰"),
    ],
)
def test_a_bar_is_full_only_when_the_target_is_met(done: int, total: int, shown: str) -> None:
    assert bar(done, total) == shown


def test_numbers_and_changes() -> None:
    assert number(1234567) == "1,234,567"
    assert (signed(0), signed(12), signed(-1200)) == ("±0", "+12", "−1,200")


def test_the_day_strip_marks_posted_and_rested_days() -> None:
    today = date(2026, 3, 8)
    strip = day_strip({date(2026, 3, 8), date(2026, 3, 6)}, today, {date(2026, 3, 7)}, days=4)
    assert strip == "⬜🟩🟦🟩"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_a_length_is_counted_as_telegram_counts_it() -> None:
    assert telegram_length("Maya") == 4
    assert telegram_length("𝓜𝓪𝔂𝓪") == 8  # mathematical script letters: two units each
    assert telegram_length("🔥") == 2
    assert telegram_length("火星") == 2
    assert clipped("🔥" * 150, 200) == "🔥" * 99 + "…"
    assert clipped("ok", 200) == "ok"


def test_split_message_at_the_boundary() -> None:
    assert split_message("a" * 4096) == ["a" * 4096]
    assert split_message("a" * 4000 + "\n" + "b" * 96) == ["a" * 4000, "b" * 96]
    assert split_message("a" * 4000 + "\n" + "b" * 95) == ["a" * 4000 + "\n" + "b" * 95]
    names = ", ".join(f"name{n:04d}" for n in range(800))  # ~8,000 characters
    parts = split_message("Posted: " + names)
    assert len(parts) == 2
    assert all(len(p) <= 4096 for p in parts)
    assert parts[0].endswith(",")  # cut after a comma, the space dropped
    assert "".join(parts).count("name") == 800
    assert split_message("x\n\ny") == ["x\n\ny"]


def test_split_message_counts_utf16_code_units() -> None:
    line = "𝓜" * 1000  # 1,000 characters, 2,000 units
    parts = split_message("\n".join([line] * 4))
    assert parts == ["\n".join([line] * 2), "\n".join([line] * 2)]
    assert all(utf16(p) <= 4096 for p in parts)


def test_split_message_measures_what_the_reader_sees_not_the_markup() -> None:
    link = '<a href="https://www.tiktok.com/@someone">Someone</a>'  # 7 visible characters
    text = "\n".join([link] * 500)  # 4,000 visible, 26,000 with the markup
    assert split_message(text) == [text]
    assert split_message("&amp;" * 4096) == ["&amp;" * 4096]  # an entity is one character


def test_a_part_never_cuts_a_tag_and_every_part_is_valid_html() -> None:
    items = ", ".join(f'<a href="https://x.example/{n}">Member {n}</a>' for n in range(600))
    text = f"<b>Handles</b>\n<i>{items}</i>\nend"
    parts = split_message(text, limit=1000)
    assert len(parts) > 3
    for part in parts:
        check_html(part)  # raises on a cut or unbalanced tag
        assert utf16(visible_text(part)) <= 1000
    assert all(part.startswith("<i>") for part in parts[1:-1])  # the open tag carries over
    assert "".join(visible_text(p) for p in parts).count("Member") == 600


def test_a_line_without_spaces_is_cut_between_characters_never_inside_one() -> None:
    text = "e\u0301" * 3000  # é as e + a combining accent: 6,000 code points
    parts = split_message(text)
    assert all(not p.startswith("\u0301") for p in parts)
    assert "".join(parts) == text


def test_blank_lines_never_start_or_end_a_part() -> None:
    text = "\n".join(["a" * 4000, "", "", "b" * 100, ""])
    assert split_message(text) == ["a" * 4000, "b" * 100]


def test_every_caption_fits_under_a_picture_or_file() -> None:
    """Captions are the catalog's own short texts (no user text): each fits Telegram's 1,024."""
    captions = [
        entry
        for catalog in CATALOGS.values()
        for key, value in catalog.items()
        if "caption" in key
        for entry in ((value.one, value.other) if isinstance(value, Plural) else (value,))
    ]
    assert len(captions) >= 6
    assert all(telegram_length(visible_text(c)) <= MAX_CAPTION for c in captions)
