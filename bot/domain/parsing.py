"""Parsing what users type into commands. Every failure is an InputError naming a text key.

Limits live here so every entry point (commands, buttons, free-text answers) enforces the same ones.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit, urlunsplit

from bot.domain.days import MAX_DAY_START
from bot.domain.errors import InputError
from bot.domain.models import METRIC_NAMES, Metrics, PostDraft
from bot.domain.platforms import Platform, resolve_platform
from bot.domain.schedule import QuietHours

MAX_TITLE = 200
MAX_LINK = 500
MAX_TAGS = 10
MAX_TAG = 40
MAX_NICHE = 200
MAX_NICHE_TAGS = 5
MAX_HANDLE = 64
MAX_PROFILE_URL = 300
MAX_COUNT = 100_000_000_000  # bigger than any real audience, well inside SQLite's int64

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_TAG = re.compile(r"^#([^\W_][\w\-]*)$")
_COUNT = re.compile(
    r"^(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>k|m|w|万|千|亿)?$", re.IGNORECASE | re.ASCII
)
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$", re.ASCII)
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?:[:：.](?P<m>\d{2}))?$", re.ASCII)
_HANDLE = re.compile(r"^@?([\w.\-]{1,64})$")
_UNITS = {"k": 1_000, "千": 1_000, "m": 1_000_000, "w": 10_000, "万": 10_000, "亿": 100_000_000}

_METRIC_ALIASES: dict[str, str] = {
    **{name: name for name in METRIC_NAMES},
    "save": "saves",
    "collects": "saves",
    "collect": "saves",
    "bookmarks": "saves",
    "收藏": "saves",
    "like": "likes",
    "hearts": "likes",
    "点赞": "likes",
    "赞": "likes",
    "view": "views",
    "plays": "views",
    "播放": "views",
    "浏览": "views",
    "阅读": "views",
    "comment": "comments",
    "评论": "comments",
    "share": "shares",
    "reposts": "shares",
    "分享": "shares",
    "转发": "shares",
}


def clean_text(text: str) -> str:
    """Normalise width (full-width digits and colons from Chinese keyboards) and drop controls."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def split_words(text: str) -> list[str]:
    return clean_text(text).split()


def parse_platform(text: str) -> Platform:
    found = resolve_platform(text)
    if found is None:
        raise InputError("error.unknown_platform", given=text[:40])
    return found


def normalise_link(link: str) -> str:
    """Two spellings of one link must count as a duplicate: lower-case scheme and host, no trailing
    slash, no fragment."""
    parts = urlsplit(link)
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def parse_tag(word: str) -> str | None:
    match = _TAG.match(word)
    if match is None:
        return None
    tag = match[1].casefold()
    if len(tag) > MAX_TAG:
        raise InputError("error.tag_too_long", limit=MAX_TAG)
    return tag


def parse_post(text: str) -> PostDraft:
    """`[yesterday] <platform> [link] [title words] [#tag ...]`, in any order after the platform."""
    words = split_words(text)
    yesterday = bool(words) and words[0].casefold() in ("yesterday", "昨天", "y")
    if yesterday:
        words = words[1:]
    if not words:
        raise InputError("error.post_missing_platform")
    platform = parse_platform(words[0])
    link: str | None = None
    tags: list[str] = []
    title_words: list[str] = []
    for word in words[1:]:
        if _URL.match(word):
            if link is not None:
                raise InputError("error.post_two_links")
            if len(word) > MAX_LINK:
                raise InputError("error.link_too_long", limit=MAX_LINK)
            link = normalise_link(word)
        elif (tag := parse_tag(word)) is not None:
            if tag not in tags:
                tags.append(tag)
        else:
            title_words.append(word)
    if len(tags) > MAX_TAGS:
        raise InputError("error.too_many_tags", limit=MAX_TAGS)
    title = " ".join(title_words) or None
    if title is not None and len(title) > MAX_TITLE:
        raise InputError("error.title_too_long", limit=MAX_TITLE)
    return PostDraft(platform.key, link, title, tuple(tags), yesterday)


def parse_count(text: str) -> int:
    """A follower or metric count: `1234`, `1,234`, `1.2k`, `3.5w`, `1.2万`."""
    raw = clean_text(text).strip().replace("_", "")
    if raw.startswith(("-", "−")):
        raise InputError("error.count_negative")
    if _GROUPED.match(raw):
        raw = raw.replace(",", "")
    match = _COUNT.match(raw)
    if match is None:
        raise InputError("error.count_not_number", given=text[:20])
    try:
        value = Decimal(match["num"]) * _UNITS.get((match["unit"] or "").lower(), 1)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only decimals
        raise InputError("error.count_not_number", given=text[:20]) from exc
    if value > MAX_COUNT:
        raise InputError("error.count_too_large", limit=MAX_COUNT)
    if value != value.to_integral_value() and match["unit"] is None:
        raise InputError("error.count_not_number", given=text[:20])
    return int(value)


@dataclass(frozen=True)
class FollowersInput:
    platform: str
    count: int


def parse_followers(text: str) -> FollowersInput:
    words = split_words(text)
    if len(words) != 2:
        raise InputError("error.followers_shape")
    # Accept either order: `/followers tiktok 1200` and `/followers 1200 tiktok`.
    first, second = words
    if resolve_platform(first) is None and resolve_platform(second) is not None:
        first, second = second, first
    return FollowersInput(parse_platform(first).key, parse_count(second))


@dataclass(frozen=True)
class PostRef:
    """Which post a command means: a number, or None for the latest."""

    number: int | None


def parse_post_ref(word: str) -> PostRef:
    lowered = word.casefold()
    if lowered in ("last", "latest", "最近", "最新", "上一条"):
        return PostRef(None)
    digits = lowered.removeprefix("#")
    if digits.isascii() and digits.isdigit() and len(digits) <= 9 and int(digits) > 0:
        return PostRef(int(digits))
    raise InputError("error.post_ref", given=word[:20])


@dataclass(frozen=True)
class MetricsInput:
    ref: PostRef
    metrics: Metrics


def parse_metrics(text: str) -> MetricsInput:
    words = split_words(text)
    if not words:
        raise InputError("error.metrics_missing")
    ref = parse_post_ref(words[0])
    values: dict[str, int] = {}
    for word in words[1:]:
        key, sep, value = word.partition("=")
        if not sep:
            key, sep, value = word.partition(":")
        name = _METRIC_ALIASES.get(key.casefold())
        if not sep or not value:
            raise InputError("error.metrics_pair", given=word[:30])
        if name is None:
            raise InputError("error.metrics_unknown", given=key[:30])
        if name in values:
            raise InputError("error.metrics_repeated", given=name)
        values[name] = parse_count(value)
    if not values:
        raise InputError("error.metrics_missing")
    return MetricsInput(ref, Metrics(**values))


def parse_clock(text: str) -> time:
    """`20:00`, `8:30`, `20`, `20.30`, `２０：００` (full-width, from Chinese keyboards)."""
    match = _CLOCK.match(clean_text(text).strip())
    if match is None:
        raise InputError("error.time_shape", given=text[:20])
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if hour > 23 or minute > 59:
        raise InputError("error.time_shape", given=text[:20])
    return time(hour, minute)


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
        raise InputError("error.niche_too_long", limit=MAX_NICHE)
    if len(tags) > MAX_NICHE_TAGS:
        raise InputError("error.niche_too_many_tags", limit=MAX_NICHE_TAGS)
    return Niche(sentence, tuple(tags))


@dataclass(frozen=True)
class HandleInput:
    platform: str
    handle: str | None  # None removes the handle


def parse_handle_value(text: str) -> str:
    raw = clean_text(text).strip()
    if _URL.match(raw):
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


OFF_WORDS = frozenset({"off", "no", "stop", "关", "关闭", "不要"})
ON_WORDS = frozenset({"on", "yes", "start", "开", "打开", "开启"})


def parse_switch(text: str) -> bool:
    """`on` / `off` (and their Chinese forms)."""
    word = clean_text(text).strip().casefold()
    if word in ON_WORDS:
        return True
    if word in OFF_WORDS:
        return False
    raise InputError("error.switch", given=text.strip()[:20])


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


def parse_days(text: str, maximum: int) -> int:
    """A whole number of days, 1..maximum (`7`, `7d`, `7 days`, `7天`)."""
    cleaned = clean_text(text).strip().casefold()
    match = re.fullmatch(r"(\d{1,6})\s*(?:d|day|days|天)?", cleaned, re.ASCII)
    if match is None:
        raise InputError("error.days_shape", given=text.strip()[:20])
    days = int(match[1])
    if not 1 <= days <= maximum:
        raise InputError("error.days_range", maximum=maximum)
    return days


def parse_iso_date(text: str) -> date:
    try:
        return date.fromisoformat(clean_text(text).strip())
    except ValueError:
        raise InputError("error.date_shape", given=text.strip()[:20]) from None


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
        target = parse_count(words[1])
        if not 1 <= target <= max_followers:
            raise InputError("error.goal_range", low=1, high=f"{max_followers:,}")
        platform: str | None = None
        if len(words) == 3 and words[2].casefold() not in ("total", "all", "总", "全部"):
            platform = parse_platform(words[2]).key
        return [
            GoalChange("follower_target", target),
            GoalChange("follower_target_platform", platform, platform_given=True),
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
    return [GoalChange(column, value)]


def parse_quick_metrics(text: str) -> Metrics:
    """A follow-up answer: `12 80 1500` (saves, likes, views in that order) or named pairs."""
    words = split_words(text)
    if words and all(_COUNT.match(clean_text(w)) or _GROUPED.match(w) for w in words):
        if len(words) > 3:
            raise InputError("error.quick_metrics")
        return Metrics(
            **dict(zip(("saves", "likes", "views"), map(parse_count, words), strict=False))
        )
    return parse_metrics("last " + text).metrics
