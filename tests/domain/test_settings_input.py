"""Settings: day start, niche, handles, quiet hours, goals."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain.schedule import QuietHours
from bot.domain.settings_input import (
    GoalChange,
    parse_day_start,
    parse_goal_change,
    parse_handle,
    parse_niche,
    parse_quiet_hours,
)
from tests.helpers import error_key


def test_day_start_is_at_most_four() -> None:
    assert parse_day_start("04:00") == time(4)
    assert error_key(lambda: parse_day_start("04:01")) == "error.daystart_range"


def test_parse_niche() -> None:
    niche = parse_niche("Budget cooking for students #Recipes #budget #recipes")
    assert niche.sentence == "Budget cooking for students"
    assert niche.tags == ("recipes", "budget")
    assert parse_niche("#美食").tags == ("美食",)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("   ", "error.niche_missing"),
        ("x" * 201, "error.niche_too_long"),
        ("n " + " ".join(f"#t{i}" for i in range(6)), "error.niche_too_many_tags"),
    ],
)
def test_parse_niche_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_niche(text)) == key


def test_parse_handle() -> None:
    assert parse_handle("tiktok maya.cooks").handle == "@maya.cooks"
    assert parse_handle("ig https://instagram.com/maya").handle == "https://instagram.com/maya"
    assert parse_handle("tiktok -").handle is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tiktok", "error.handle_missing"),
        ("tiktok <script>", "error.handle_shape"),
        ("tiktok @" + "a" * 65, "error.handle_shape"),
        ("mars @me", "error.unknown_platform"),
    ],
)
def test_parse_handle_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_handle(text)) == key


def test_quiet_hours_and_goals() -> None:
    assert parse_quiet_hours("23:00-08:00") == QuietHours(time(23), time(8))
    assert parse_quiet_hours("23 ～ 8") == QuietHours(time(23), time(8))
    assert parse_quiet_hours("22:30 to 07:15") == QuietHours(time(22, 30), time(7, 15))
    assert parse_quiet_hours("off") is None
    changes = parse_goal_change("followers 1.2k 小红书", 10, 10**9, 3)
    assert [(c.field, c.value) for c in changes] == [
        ("follower_target", 1200),
        ("follower_target_platform", "xiaohongshu"),
        ("follower_goal_kind", "total"),
    ]
    gain = parse_goal_change("followers ＋150", 10, 10**9, 3)
    assert [(c.field, c.value) for c in gain] == [
        ("follower_target", 150),
        ("follower_target_platform", None),
        ("follower_goal_kind", "gain"),
    ]
    # one setting: the days off a week are the days not posted
    assert parse_goal_change("rest 0", 10, 10, 6)[0] == GoalChange("posting_days_per_week", 7)
    assert parse_goal_change("rest 2", 10, 10, 6)[0] == GoalChange("posting_days_per_week", 5)
