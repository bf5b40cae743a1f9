"""What counts as a hit: a post saved by at least the user's hit threshold (/goals hit).

One rule, used twice: when metrics are recorded, the store writes whether the post became a hit or
stopped being one (a correction below the threshold takes the hit back); and the reply to new
metrics says whether to celebrate, that it still is one, or how many saves are still to go.
A hit is celebrated once: only the reading that crosses the threshold becomes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


def is_hit(saves: int | None, threshold: int) -> bool:
    return saves is not None and saves >= threshold


class HitChange(Enum):
    """What a new reading does to a post's stored hit."""

    BECAME = "became"  # crossed the threshold now: record the hit's day, celebrate
    STOPPED = "stopped"  # corrected below the threshold: the hit is taken back
    UNCHANGED = "unchanged"


def hit_change(was_hit: bool, saves: int | None, threshold: int) -> HitChange:
    """`was_hit` is the stored state, not a caller's copy: two readings in a row must not both
    celebrate."""
    now_hit = is_hit(saves, threshold)
    if now_hit and not was_hit:
        return HitChange.BECAME
    if was_hit and not now_hit:
        return HitChange.STOPPED
    return HitChange.UNCHANGED


class HitNews(Enum):
    """What the reply to new metrics says about the hit."""

    BECAME = "became"  # celebrate
    STILL = "still"  # already a hit: no second celebration
    SHORT = "short"  # saves known, below the threshold: how many to go
    UNKNOWN = "unknown"  # no saves recorded: nothing to say


@dataclass(frozen=True)
class HitStanding:
    news: HitNews
    saves: int | None
    threshold: int

    @property
    def saves_to_go(self) -> int:
        return max(0, self.threshold - (self.saves or 0))


def hit_standing(saves: int | None, threshold: int, became_hit: bool) -> HitStanding:
    """Where a post stands after a reading; `became_hit` is what the store recorded."""
    if became_hit:
        news = HitNews.BECAME
    elif is_hit(saves, threshold):
        news = HitNews.STILL
    elif saves is not None:
        news = HitNews.SHORT
    else:
        news = HitNews.UNKNOWN
    return HitStanding(news, saves, threshold)
