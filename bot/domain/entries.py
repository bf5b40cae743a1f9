"""What a user entered, as /undo sees it: the most recent entry of any kind, and whether it is
still recent enough to take back.

Every check-in (a post, a follower count, a metrics reading, a rest day) is written to one journal
in the order it was made, so "the most recent entry" never depends on two clocks agreeing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.domain.models import FollowerCount, Metrics, Post

UNDO_WINDOW = timedelta(hours=24)


class EntryKind(StrEnum):
    POST = "post"
    FOLLOWERS = "followers"
    METRICS = "metrics"
    REST = "rest"


@dataclass(frozen=True)
class Entry:
    """One journal row with what it refers to; exactly one of the details is set, by `kind`."""

    entry_id: int
    kind: EntryKind
    recorded_at: datetime
    post: Post | None = None  # the post itself, or the post a metrics reading was for
    count: FollowerCount | None = None
    reading: Metrics | None = None
    rest_day: date | None = None

    def undoable(self, now: datetime) -> bool:
        return now - self.recorded_at <= UNDO_WINDOW
