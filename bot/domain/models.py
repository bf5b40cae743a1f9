"""Plain data passed between the store, the domain and the features."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

from bot.domain.schedule import QuietHours
from bot.domain.timezones import Zone, zone

Language = Literal["en", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "zh")

METRIC_NAMES: tuple[str, ...] = ("saves", "likes", "views", "comments", "shares")


@dataclass(frozen=True)
class Sharing:
    """What a member lets their group rooms see (set with /share)."""

    streaks: bool = True
    posts: bool = True
    followers: bool = False
    handles: bool = False


@dataclass(frozen=True)
class Profile:
    user_id: int
    first_name: str
    language: Language | None  # the user's explicit choice; None means "follow Telegram"
    telegram_language: str | None
    timezone: str
    nudge_time: time
    day_start: time
    niche: str
    niche_tags: tuple[str, ...]
    platforms: tuple[str, ...]  # chosen platform keys, in the order chosen
    handles: Mapping[str, str]  # platform key → handle or profile URL
    posting_days_per_week: int
    hit_threshold: int
    awaiting: str | None  # the typed answer we asked for, as `domain.onboarding.Awaiting` stores it
    onboarded: bool
    created_at: datetime
    follower_target: int = 100
    follower_platform: str | None = None  # None: the target is the total across platforms
    follower_goal_kind: str = "gain"  # "gain": followers won during the program; "total": reach
    nudges_on: bool = True
    last_call_on: bool = False
    followups_on: bool = True
    quiet_hours: QuietHours | None = None
    paused_until: date | None = None  # the last local date without nudges
    blocked: bool = False  # the user blocked the bot; nothing proactive until they are back
    sharing: Sharing = field(default_factory=Sharing)  # what group rooms may see
    private_chat: bool = False  # has talked to the bot in private (so it can write to them)
    username: str | None = None  # the Telegram @username, without the @
    news_on: bool = True  # the owner's announcements (`/news off`: none)

    @property
    def rest_days_per_week(self) -> int:
        """The week's days off: one setting with the posting days (see `bot.domain.streaks`)."""
        return 7 - self.posting_days_per_week

    @property
    def lang(self) -> Language:
        """The language every message to this user is written in."""
        return language_for(self.language, self.telegram_language)

    @property
    def zone(self) -> Zone:
        """The stored timezone text, parsed (once: `zone` is cached) into the one value every
        local-time rule uses."""
        return zone(self.timezone)


@dataclass(frozen=True)
class PostDraft:
    """A post as parsed from a command, before it is stored."""

    platform: str
    link: str | None = None
    title: str | None = None
    tags: tuple[str, ...] = ()
    yesterday: bool = False
    title_shortened: bool = False  # a long caption: only its first characters are the title


@dataclass(frozen=True)
class Post:
    post_id: int
    user_id: int
    number: int
    platform: str
    link: str | None
    title: str | None
    tags: tuple[str, ...]
    logged_at: datetime
    local_date: date
    hit_date: date | None = None


@dataclass(frozen=True)
class Metrics:
    saves: int | None = None
    likes: int | None = None
    views: int | None = None
    comments: int | None = None
    shares: int | None = None

    def merged(self, newer: Metrics) -> Metrics:
        """Fields the newer reading gives win; fields it leaves out keep their last value."""
        return Metrics(
            **{
                name: getattr(newer, name)
                if getattr(newer, name) is not None
                else getattr(self, name)
                for name in METRIC_NAMES
            }
        )

    def given(self) -> dict[str, int]:
        return {n: v for n in METRIC_NAMES if (v := getattr(self, n)) is not None}


@dataclass(frozen=True)
class FollowerCount:
    platform: str
    count: int
    recorded_at: datetime
    local_date: date


@dataclass(frozen=True)
class DayActivity:
    """How many posts carry one local date."""

    day: date
    posts: int


def language_for(choice: Language | None, telegram_language: str | None) -> Language:
    """The user's explicit choice wins; otherwise Telegram's language, Chinese or English."""
    if choice is not None:
        return choice
    if telegram_language and telegram_language.lower().startswith("zh"):
        return "zh"
    return "en"
