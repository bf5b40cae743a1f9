"""Parsing settings: the day start, the niche, handles, quiet hours and goals. Every failure is
an InputError naming a text key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from bot.domain.days import MAX_DAY_START
from bot.domain.errors import InputError
from bot.domain.parsing import (
    OFF_WORDS,
    URL,
    clean_text,
    parse_clock,
    parse_count,
    parse_platform,
    parse_tag,
    split_words,
)
from bot.domain.schedule import QuietHours
from bot.domain.timezones import TimezoneError, parse_timezone

MAX_NICHE = 200
MAX_NICHE_TAGS = 5
MAX_HANDLE = 64
MAX_PROFILE_URL = 300
_HANDLE = re.compile(rf"^@?([\w.\-]{{1,{MAX_HANDLE}}})$")


def parse_day_start(text: str) -> time:
    value = parse_clock(text)
    if value > MAX_DAY_START:
        raise InputError("error.daystart_range")
    return value


@dataclass(frozen=True)
class Niche:
    sentence: str
    tags: tuple[str, ...]


def parse_niche(text: str) -> Niche:
    words = split_words(text)
    tags: list[str] = []
    sentence_words: list[str] = []
    for word in words:
        tag = parse_tag(word)
        if tag is None:
            sentence_words.append(word)
        elif tag not in tags:
            tags.append(tag)
    sentence = " ".join(sentence_words)
    if not sentence and not tags:
        raise InputError("error.niche_missing")
    if len(sentence) > MAX_NICHE:
        raise InputError("error.niche_too_long", limit=MAX_NICHE, count=MAX_NICHE)
    if len(tags) > MAX_NICHE_TAGS:
        raise InputError("error.niche_too_many_tags", limit=MAX_NICHE_TAGS)
    return Niche(sentence, tuple(tags))


@dataclass(frozen=True)
class HandleInput:
    platform: str
    handle: str | None  # None removes the handle


def parse_handle_value(text: str) -> str:
    raw = clean_text(text).strip()
    if URL.match(raw):
        if len(raw) > MAX_PROFILE_URL:
            raise InputError("error.handle_shape")
        return raw
    match = _HANDLE.match(raw)
    if match is None:
        raise InputError("error.handle_shape")
    return "@" + match[1]


def parse_handle(text: str) -> HandleInput:
    words = split_words(text)
    if len(words) != 2:
        raise InputError("error.handle_missing")
    platform = parse_platform(words[0])
    if words[1] in ("-", "off", "none", "删除"):
        return HandleInput(platform.key, None)
    return HandleInput(platform.key, parse_handle_value(words[1]))


def parse_quiet_hours(text: str) -> QuietHours | None:
    """`23:00-08:00` (also `23-8`, `23:00 08:00`, `23:00～08:00`); `off` clears them."""
    cleaned = clean_text(text).strip()
    if cleaned.casefold() in OFF_WORDS:
        return None
    parts = [p for p in re.split(r"\s*(?:-|–|—|~|～|to|到|至)\s*|\s+", cleaned) if p]
    if len(parts) != 2:
        raise InputError("error.quiet_shape", given=text.strip()[:30])
    start, end = (parse_clock(p) for p in parts)
    if start == end:
        raise InputError("error.quiet_empty")
    return QuietHours(start, end)


@dataclass(frozen=True)
class GoalChange:
    field: str  # a users column
    value: int | str | None
    platform_given: bool = False


_GOAL_NAMES = {
    "days": "days",
    "day": "days",
    "posting": "days",
    "天": "days",
    "hit": "hit",
    "hits": "hit",
    "saves": "hit",
    "爆款": "hit",
    "followers": "followers",
    "follower": "followers",
    "fans": "followers",
    "粉丝": "followers",
    "rest": "rest",
    "休息": "rest",
}


def parse_goal_change(
    text: str, max_hit: int, max_followers: int, max_rest: int
) -> list[GoalChange]:
    """`days 5` · `hit 10` · `followers 500 [platform|total]` · `rest 2`."""
    words = split_words(text)
    if not words:
        raise InputError("error.goal_missing")
    name = _GOAL_NAMES.get(words[0].casefold())
    if name is None:
        raise InputError("error.goal_unknown", given=words[0][:30])
    if len(words) < 2:
        raise InputError("error.goal_missing_value")
    if name == "followers":
        if len(words) > 3:
            raise InputError("error.goal_extra")
        # "+150": followers to gain during the program; "5000": a total to reach.
        given = clean_text(words[1]).strip()
        gain = given.startswith(("+", "＋"))
        target = parse_count(given[1:] if gain else given)
        if not 1 <= target <= max_followers:
            raise InputError("error.goal_range", low=1, high=f"{max_followers:,}")
        platform: str | None = None
        if len(words) == 3 and words[2].casefold() not in ("total", "all", "总", "全部"):
            platform = parse_platform(words[2]).key
        return [
            GoalChange("follower_target", target),
            GoalChange("follower_target_platform", platform, platform_given=True),
            GoalChange("follower_goal_kind", "gain" if gain else "total"),
        ]
    if len(words) > 2:
        raise InputError("error.goal_extra")
    value = parse_count(words[1])
    low, high, column = {
        "days": (1, 7, "posting_days_per_week"),
        "hit": (1, max_hit, "hit_threshold"),
        "rest": (0, max_rest, "rest_days_per_week"),
    }[name]
    if not low <= value <= high:
        raise InputError("error.goal_range", low=low, high=f"{high:,}")
    if column == "rest_days_per_week":
        # One setting: the days off a week are the days not posted (see `bot.domain.streaks`).
        return [GoalChange("posting_days_per_week", 7 - value)]
    return [GoalChange(column, value)]


def parse_zone_name(text: str) -> str:
    """A timezone as stored: an IANA key or a fixed offset, from whatever people type."""
    try:
        return parse_timezone(text).name
    except TimezoneError:
        raise InputError("error.timezone", given=text.strip()[:64]) from None
