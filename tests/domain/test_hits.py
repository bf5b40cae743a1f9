"""The hit rule: saved by at least the threshold; celebrated once; a correction takes it back."""

from __future__ import annotations

import pytest

from bot.domain.hits import HitChange, HitNews, hit_change, hit_standing, is_hit


@pytest.mark.parametrize(
    ("saves", "threshold", "hit"),
    [(None, 5, False), (0, 5, False), (4, 5, False), (5, 5, True), (6, 5, True), (0, 0, True)],
)
def test_a_hit_is_saved_by_at_least_the_threshold(
    saves: int | None, threshold: int, hit: bool
) -> None:
    assert is_hit(saves, threshold) is hit


@pytest.mark.parametrize(
    ("was_hit", "saves", "change"),
    [
        (False, 6, HitChange.BECAME),
        (True, 9, HitChange.UNCHANGED),  # celebrated once
        (True, 2, HitChange.STOPPED),  # a correction below the threshold
        (True, None, HitChange.STOPPED),
        (False, 3, HitChange.UNCHANGED),
        (False, None, HitChange.UNCHANGED),
    ],
)
def test_what_a_reading_does_to_the_stored_hit(
    was_hit: bool, saves: int | None, change: HitChange
) -> None:
    assert hit_change(was_hit, saves, 5) is change


def test_the_reply_celebrates_only_the_reading_that_made_the_hit() -> None:
    assert hit_standing(6, 5, became_hit=True).news is HitNews.BECAME
    assert hit_standing(9, 5, became_hit=False).news is HitNews.STILL


def test_the_reply_counts_the_saves_still_to_go() -> None:
    short = hit_standing(3, 5, became_hit=False)
    assert (short.news, short.saves_to_go) == (HitNews.SHORT, 2)
    assert hit_standing(None, 5, became_hit=False).news is HitNews.UNKNOWN
