"""Parsing check-ins: a post (`/post`, or an app's share text sent as a message), a follower count
(`/followers`), a post's numbers (`/metrics` and the answer to a follow-up). Every failure is an
InputError naming a text key. How a share text is read is `share_text.py`."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from bot.domain.errors import InputError
from bot.domain.models import METRIC_NAMES, Metrics, PostDraft
from bot.domain.parsing import (
    COUNT_SHAPE,
    GROUPED_COUNT,
    clean_text,
    parse_count,
    parse_platform,
    parse_tag,
    split_words,
    without_controls,
)
from bot.domain.platforms import platform_of_link, resolve_platform
from bot.domain.share_text import FoundLink, find_links, tidy_title, without_boilerplate

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


YESTERDAY_WORDS = ("yesterday", "昨天", "y")


def parse_post(text: str) -> PostDraft:
    """`[yesterday] [platform] [link or an app's share text] [title words] [#tag ...]`.

    The platform may be left out when the link names it (`/post https://v.douyin.com/abc/`); a
    platform typed first wins over the link's (the same clip cross-posted). The title keeps the
    user's characters; only the parsing reads them normalised."""
    words = without_controls(text).split()
    yesterday = bool(words) and clean_text(words[0]).casefold() in YESTERDAY_WORDS
    if yesterday:
        words = words[1:]
    if not words:
        raise InputError("error.post_missing_platform")
    named = resolve_platform(clean_text(words[0]))
    if named is not None:
        words = words[1:]
    rest = " ".join(words)
    link = _one_link(rest)
    if named is None:
        if link is None:
            raise InputError("error.unknown_platform", given=clean_text(words[0])[:40])
        named = platform_of_link(link.url)
        if named is None:
            raise InputError("error.link_platform_unknown")
    return _draft(named.key, rest, link, yesterday)


def parse_shared(text: str) -> PostDraft | None:
    """A plain message that is a post's share text: its link's platform is known. None for any
    other message (no link, a link to a site that is not a platform, two links)."""
    rest = " ".join(without_controls(text).split())
    try:
        link = _one_link(rest)
        found = None if link is None else platform_of_link(link.url)
        return None if found is None else _draft(found.key, rest, link, False)
    except InputError:
        return None


def _one_link(text: str) -> FoundLink | None:
    links = find_links(text)
    if len({normalise_link(link.url) for link in links}) > 1:
        raise InputError("error.post_two_links")
    if links and len(links[0].url) > MAX_LINK:
        raise InputError("error.link_too_long", limit=MAX_LINK, count=MAX_LINK)
    return links[0] if links else None


def _draft(key: str, text: str, link: FoundLink | None, yesterday: bool) -> PostDraft:
    """The post the words describe: the link taken out, the app's boilerplate dropped, #tags
    apart, and what is left the title (its first MAX_TITLE characters)."""
    for found in reversed(find_links(text)):  # the same link may be pasted twice
        text = text[: found.start] + " " + text[found.end :]
    tags: list[str] = []
    title_words: list[str] = []
    for word in without_boilerplate(text, key).split():
        if (tag := parse_tag(clean_text(word))) is not None:
            if tag not in tags:
                tags.append(tag)
        else:
            title_words.append(word)
    if len(tags) > MAX_TAGS:
        raise InputError("error.too_many_tags", limit=MAX_TAGS)
    title = tidy_title(" ".join(title_words), key)
    shortened = len(title) > MAX_TITLE
    return PostDraft(
        key,
        None if link is None else normalise_link(link.url),
        title[:MAX_TITLE].rstrip() or None,
        tuple(tags),
        yesterday,
        shortened,
    )


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
