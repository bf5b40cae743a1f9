"""The small pieces every message shares."""

from __future__ import annotations

from datetime import date

import pytest

from bot.render.format import bar, day_strip, number, signed


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
