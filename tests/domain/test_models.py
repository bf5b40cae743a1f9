"""Which language a person is written to in."""

from __future__ import annotations

import pytest

from bot.domain.models import language_for


@pytest.mark.parametrize(
    ("choice", "telegram", "expected"),
    [
        ("en", "zh-hans", "en"),  # an explicit choice wins
        ("zh", "en", "zh"),
        (None, "zh-hans", "zh"),
        (None, "ZH-TW", "zh"),
        (None, "en-GB", "en"),
        (None, "fr", "en"),
        (None, None, "en"),
    ],
)
def test_the_choice_wins_then_telegrams_language(
    choice: str | None, telegram: str | None, expected: str
) -> None:
    assert language_for(choice, telegram) == expected  # type: ignore[arg-type]
