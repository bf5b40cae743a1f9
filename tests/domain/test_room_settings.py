"""A room's settings read like a user's own: the same timezones and language names."""

from __future__ import annotations

import pytest

from bot.domain.room_settings import MAX_GROUP_GOAL_POSTS, parse_room_goal, parse_room_setting
from tests.helpers import error_key


def test_room_goals() -> None:
    assert parse_room_goal(["days", "5"]) == {"goal_kind": "days", "goal_value": 5}
    assert parse_room_goal(["POSTS", "40"]) == {"goal_kind": "posts", "goal_value": 40}
    assert parse_room_goal(["off"]) == {"goal_kind": None, "goal_value": None}


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (["days"], "error.groupgoal_shape"),
        (["weeks", "2"], "error.groupgoal_shape"),
        (["days", "8"], "error.goal_range"),
        (["posts", str(MAX_GROUP_GOAL_POSTS + 1)], "error.goal_range"),
        (["posts", "1" + "0" * 30], "error.goal_range"),
        (["posts", "-3"], "error.groupgoal_number"),
        (["posts", "١٢"], "error.groupgoal_number"),
    ],
)
def test_room_goals_refused(words: list[str], key: str) -> None:
    assert error_key(lambda: parse_room_goal(words)) == key


def test_room_settings() -> None:
    assert parse_room_setting(["time", "20:30"], None) == ("time", {"digest_time": "20:30"})
    assert parse_room_setting(["timezone", "北京"], None) == (
        "timezone",
        {"timezone": "Asia/Shanghai"},
    )
    assert parse_room_setting(["lang", "English"], None) == ("lang", {"language": "en"})
    assert parse_room_setting(["lang", "中文"], None) == ("lang", {"language": "zh"})
    assert parse_room_setting(["mention", "on"], None) == ("mention", {"mention_missing": True})
    assert parse_room_setting(["topic"], 77) == ("topic", {"topic_id": 77})
    assert parse_room_setting(["topic", "off"], 77) == ("topic", {"topic_id": None})


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (["colour", "red"], "error.groupsettings_shape"),
        (["time"], "error.groupsettings_shape"),
        (["time", "20:00", "extra"], "error.groupsettings_shape"),
        (["timezone", "Mars/Olympus"], "error.timezone"),
        (["lang", "fr"], "error.lang"),
        (["board", "likes"], "error.board_metric"),
        (["time", "25:00"], "error.time_shape"),
    ],
)
def test_room_settings_refused(words: list[str], key: str) -> None:
    assert error_key(lambda: parse_room_setting(words, None)) == key
