"""Reading the share text an app copies: where its link is, and what of it is the post's title.

Creators paste what "Share → Copy link" gives them, not a clean URL: Xiaohongshu appends
`，复制本条信息，打开【小红书】App查看精彩内容！` straight after the link, Douyin wraps it
in a share score and codes (`7.89 复制打开抖音，看看【…】 https://v.douyin.com/…/ KJV:/`),
Bilibili puts the title in `【…-哔哩哔哩】`. Here:

- the link is the first `http(s)://` run of characters a URL may hold (RFC 3986, ASCII only), so
  it ends at a space, at full-width punctuation (`，。！】`) and at any other non-ASCII character;
  sentence punctuation right after it (`.`, `,`, an unbalanced `)`) is not part of it;
- each app's boilerplate (a table below, per platform) is dropped, and what is left is the
  title, in the user's own characters (nothing is normalised here: the title is stored as typed);
- a title that is a single `【…】` is unwrapped, and an app's suffix at its end (`-哔哩哔哩`,
  `- author | 小红书 - 你的生活指南`, ` - YouTube`) is dropped.

Which platform a link belongs to is `platforms.platform_of_link` (the one domain table). A link
sent as a plain message is asked about first ("Log this as today's Douyin post?"); the rule for
which day an answer logs is `days_back`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

URL_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
_LINK = re.compile(rf"https?://[{URL_CHARS}]+", re.IGNORECASE)
# Punctuation that ends a sentence rather than a URL: "see https://youtu.be/x."
_SENTENCE_END = ".,;:!?'"


@dataclass(frozen=True)
class FoundLink:
    """A link in a text: the URL as written, and where it stands."""

    url: str
    start: int
    end: int


def _trimmed(url: str) -> str:
    while url and (
        url[-1] in _SENTENCE_END or (url[-1] == ")" and url.count(")") > url.count("("))
    ):
        url = url[:-1]
    return url


def find_links(text: str) -> list[FoundLink]:
    """Every link in the text, in order; a bare `https://` with no host is not one."""
    found = []
    for match in _LINK.finditer(text):
        url = _trimmed(match[0])
        if len(url.split("://", 1)[1].strip("/")) == 0:
            continue
        found.append(FoundLink(url, match.start(), match.start() + len(url)))
    return found


def find_link(text: str) -> FoundLink | None:
    """The first link in the text, or None."""
    links = find_links(text)
    return links[0] if links else None


@dataclass(frozen=True)
class ShareShape:
    """What one app adds around a post when it is shared: phrases and codes to drop anywhere in
    the text, and a suffix to drop from a bracketed title."""

    boilerplate: tuple[re.Pattern[str], ...] = ()
    title_suffix: re.Pattern[str] | None = None


def _any(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


_ALONE = r"(?<!\S){}(?!\S)"  # a code standing alone as a word

SHAPES: dict[str, ShareShape] = {
    "douyin": ShareShape(
        _any(
            r"^\s*\d+\.\d+(?!\S)",  # the share score in front: `7.89`
            r".*?复制打开抖音[，,]?\s*看看",
            r"复制此链接[，,]\s*打开(?:抖音|Dou音)搜索[，,]\s*直接观看视频[！!]?",
            r"【[^【】]*的作品】",  # "【Maya's work】": the author, not the title
            _ALONE.format(r"[A-Za-z]{2,4}:/"),  # codes: `KJV:/`, `04/17`, `b@A.Gv`
            _ALONE.format(r"\d{2}/\d{2}"),
            _ALONE.format(r"[A-Za-z0-9]@[A-Za-z0-9]\.[A-Za-z]{2}"),
        )
    ),
    "xiaohongshu": ShareShape(
        _any(
            r"\S*发布了一篇小红书笔记[，,]\s*快来看吧[！!]?",
            r"😆\s*\S+\s*😆",
            r"[，,]?\s*复制本条信息[，,]\s*打开【小红书】App查看精彩内容[！!]?",
        ),
        re.compile(r"\s+-\s+[^|]*\|\s*小红书\s*-\s*你的生活指南$"),
    ),
    "bilibili": ShareShape(title_suffix=re.compile(r"[-_]哔哩哔哩(?:_bilibili)?$")),
    "kuaishou": ShareShape(
        _any(
            r"(?:该作品在快手被播放过[\d.,万亿]+次[，,]\s*)?(?:点击|复制)链接[，,]\s*"
            r"打开【快手(?:极速版)?】直接观看[！!]?"
        )
    ),
    "tiktok": ShareShape(_any(r"Check out [^!\n]{1,80}! #TikTok\s*>?")),
    "youtube": ShareShape(title_suffix=re.compile(r"\s+-\s+YouTube$")),
}


def without_boilerplate(text: str, platform_key: str) -> str:
    """The text with the platform's share boilerplate removed (the link already taken out)."""
    for pattern in SHAPES.get(platform_key, ShareShape()).boilerplate:
        text = pattern.sub(" ", text)
    return text


def tidy_title(title: str, platform_key: str) -> str:
    """A title that is one `【…】` unwrapped, and without the app's suffix (`-哔哩哔哩`)."""
    if title.startswith("【") and title.endswith("】") and _one_bracket(title):
        title = title[1:-1].strip()
    suffix = SHAPES.get(platform_key, ShareShape()).title_suffix
    return title if suffix is None else suffix.sub("", title).strip()


def _one_bracket(title: str) -> bool:
    """Whether the opening 【 is closed only by the final 】 (`【【4K】title】` is one)."""
    depth = 0
    for index, char in enumerate(title):
        depth += {"【": 1, "】": -1}.get(char, 0)
        if depth == 0:
            return index == len(title) - 1
    return False


# --- a link sent as a plain message ---------------------------------------------------------------


class ShareChoice(StrEnum):
    """The answers to "Log this as today's … post?"."""

    TODAY = "t"
    YESTERDAY = "y"
    NO = "n"


DECLINED = "no"


@dataclass(frozen=True)
class SharedLink:
    """A post link the user sent as a message, waiting for (or given) an answer."""

    share_id: int
    text: str  # the message as sent
    shared_on: date  # the user's day it arrived: the "today" of the question
    answer: str | None  # None while asked; DECLINED, or the number of the post it logged


def days_back(shared_on: date, today: date, choice: ShareChoice) -> int:
    """How many days before `today` the post is logged on: the question's "today" is the day the
    link was shared, so a press the next morning still logs that day. Over 1 is too far back."""
    offset = 1 if choice is ShareChoice.YESTERDAY else 0
    return max((today - shared_on).days, 0) + offset
