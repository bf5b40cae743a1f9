"""Per-user burst limit: a flood from one user must not slow the bot down for everyone else.

A token bucket per user, in REAL monotonic time (the injectable clock is domain time, frozen in
tests): `burst` commands or button presses at once, then `rate` per second. The first refused one
in a throttled stretch is told when to try again; the rest of that stretch is dropped quietly, so
a flooder can't make the bot flood back. The stretch ends with the next allowed update.

Not aiolimiter (which the outbound queue uses): its limiter is built to make a caller wait for
capacity, while this must decide at once, without awaiting, whether to refuse; and its time is
the event loop's, where these tests step a clock by hand.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

# Beyond this many users tracked at once, buckets that have refilled are forgotten.
_TRACKED = 10_000


class Verdict(Enum):
    ALLOW = "allow"
    TELL = "tell"  # refused, first of a stretch: say when to try again
    QUIET = "quiet"  # refused again: drop it without a word


@dataclass
class _Bucket:
    tokens: float
    at: float
    told: bool = False


class Throttle:
    def __init__(
        self, burst: int, rate: float, ticks: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = burst
        self.rate = rate
        self.ticks = ticks  # real monotonic seconds; tests may step it by hand
        self._buckets: dict[int, _Bucket] = {}

    def check(self, user_id: int) -> Verdict:
        """Take one token for the user's update, or say how it is refused."""
        now = self.ticks()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) >= _TRACKED:
                self._forget_full(now)
            bucket = self._buckets[user_id] = _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.told = False
            return Verdict.ALLOW
        if bucket.told:
            return Verdict.QUIET
        bucket.told = True
        return Verdict.TELL

    def wait_seconds(self, user_id: int) -> int:
        """Whole seconds until the user's next update is taken (at least 1)."""
        bucket = self._buckets.get(user_id)
        missing = 1 - bucket.tokens if bucket is not None else 0
        return max(1, math.ceil(missing / self.rate))

    def _forget_full(self, now: float) -> None:
        self._buckets = {
            uid: b
            for uid, b in self._buckets.items()
            if b.tokens + (now - b.at) * self.rate < self.burst
        }
