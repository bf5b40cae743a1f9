"""Parsing a room's settings: `/groupgoal` and `/groupsettings`. Every failure is an InputError
naming a text key. Timezones and languages read exactly as they do in a user's own settings."""

from __future__ import annotations

from bot.domain.errors import InputError
from bot.domain.onboarding import parse_language
from bot.domain.parsing import parse_clock, parse_switch
from bot.domain.rooms import BOARD_METRICS
from bot.domain.settings_input import parse_zone_name

MAX_GROUP_GOAL_POSTS = 100_000
SETTINGS = ("time", "timezone", "lang", "mention", "board", "topic")


def parse_room_goal(words: list[str]) -> dict[str, object]:
    """`off`, `days <1-7>` (each member, per week) or `posts <n>` (together)."""
    kind = words[0].casefold()
    if kind in ("off", "none") and len(words) == 1:
        return {"goal_kind": None, "goal_value": None}
    if kind not in ("days", "posts") or len(words) != 2:
        raise InputError("error.groupgoal_shape")
    value = words[1]
    if not (value.isascii() and value.isdigit()):
        raise InputError("error.groupgoal_number", given=value[:20])
    number = int(value)
    high = 7 if kind == "days" else MAX_GROUP_GOAL_POSTS
    if not 1 <= number <= high:
        raise InputError("error.goal_range", low=1, high=f"{high:,}")
    return {"goal_kind": kind, "goal_value": number}


def parse_room_setting(words: list[str], topic_here: int | None) -> tuple[str, dict[str, object]]:
    """`<setting> <value>`: the setting's name and the group's columns it changes. `topic_here`
    is the forum topic the command was sent in (`topic` alone means "here")."""
    name, values = words[0].casefold(), words[1:]
    if name not in SETTINGS or (name != "topic" and len(values) != 1) or len(values) > 1:
        raise InputError("error.groupsettings_shape")
    return name, _setting_fields(name, values[0] if values else "here", topic_here)


def _setting_fields(name: str, value: str, topic_here: int | None) -> dict[str, object]:
    if name == "time":
        return {"digest_time": f"{parse_clock(value):%H:%M}"}
    if name == "timezone":
        return {"timezone": parse_zone_name(value)}
    if name == "lang":
        return {"language": parse_language(value)}
    if name == "mention":
        return {"mention_missing": parse_switch(value)}
    if name == "board":
        if value.casefold() not in BOARD_METRICS:
            raise InputError("error.board_metric")
        return {"board_metric": value.casefold()}
    return {"topic_id": None if value.casefold() == "off" else topic_here}
