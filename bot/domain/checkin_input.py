"""Parsing check-ins: a post (`/post`), a follower count (`/followers`), a post's numbers
(`/metrics` and the answer to a follow-up). Every failure is an InputError naming a text key."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from bot.domain.errors import InputError
from bot.domain.models import METRIC_NAMES, Metrics, PostDraft
from bot.domain.parsing import (
    COUNT_SHAPE,
    GROUPED_COUNT,
    URL,
    clean_text,
    parse_count,
    parse_platform,
    parse_tag,
    split_words,
)
from bot.domain.platforms import resolve_platform

MAX_TITLE = 200
MAX_LINK = 500
MAX_TAGS = 10
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


def normalise_link(link: str) -> str:
    """Two spellings of one link must count as a duplicate: lower-case scheme and host, no trailing
    slash, no fragment."""
    parts = urlsplit(link)
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


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
        if URL.match(word):
            if link is not None:
                raise InputError("error.post_two_links")
            if len(word) > MAX_LINK:
                raise InputError("error.link_too_long", limit=MAX_LINK, count=MAX_LINK)
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
        raise InputError("error.title_too_long", limit=MAX_TITLE, count=MAX_TITLE)
    return PostDraft(platform.key, link, title, tuple(tags), yesterday)


@dataclass(frozen=True)
class FollowersInput:
    platform: str
    count: int


def parse_followers(text: str) -> FollowersInput:
    words = split_words(text)
    if len(words) == 1 and resolve_platform(words[0]) is not None:
        raise InputError("error.followers_missing_count", given=words[0])
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


def parse_quick_metrics(text: str) -> Metrics:
    """A follow-up answer: `12 80 1500` (saves, likes, views in that order) or named pairs."""
    words = split_words(text)
    if words and all(COUNT_SHAPE.match(clean_text(w)) or GROUPED_COUNT.match(w) for w in words):
        if len(words) > 3:
            raise InputError("error.quick_metrics")
        return Metrics(
            **dict(zip(("saves", "likes", "views"), map(parse_count, words), strict=False))
        )
    return parse_metrics("last " + text).metrics
