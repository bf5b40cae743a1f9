"""Nudges that back off when nobody answers them.

A nudge is *ignored* when its day passes with no post, no rest day and no button press. After
three ignored in a row the nudge comes every other day; after seven the bot asks once "Keep
reminding me?" and, with no answer, nudges weekly. Any post or button press starts over (daily),
except a weekly rhythm the user chose, which stays until they change it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

EVERY_OTHER_DAY_AFTER = 3  # ignored nudges in a row
ASK_AFTER = 7
WEEK = 7

# auto: daily, backing off by itself; asked: "Keep reminding me?" went unanswered; weekly: chosen.
BackoffMode = Literal["auto", "asked", "weekly"]
Cadence = Literal["daily", "every_other_day", "weekly"]
NudgeStep = Literal["nudge", "ask", "skip"]


@dataclass(frozen=True)
class NudgeBackoff:
    ignored: int = 0  # nudges in a row whose day passed unanswered
    unanswered: date | None = None  # the day of the last nudge, until it is answered or counted
    last_sent: date | None = None
    mode: BackoffMode = "auto"

    @property
    def cadence(self) -> Cadence:
        if self.mode != "auto":
            return "weekly"
        return "every_other_day" if self.ignored >= EVERY_OTHER_DAY_AFTER else "daily"

    def counted(self, today: date, answered_then: bool) -> NudgeBackoff:
        """The last nudge's day is over: it counts as ignored unless that day was logged or
        rested (a press or a post has cleared `unanswered` already)."""
        if self.unanswered is None or self.unanswered >= today:
            return self
        return replace(self, ignored=0 if answered_then else self.ignored + 1, unanswered=None)

    def step(self, today: date) -> NudgeStep:
        gap = {"daily": 1, "every_other_day": 2, "weekly": WEEK}[self.cadence]
        if self.last_sent is not None and (today - self.last_sent).days < gap:
            return "skip"
        return "ask" if self.mode == "auto" and self.ignored >= ASK_AFTER else "nudge"

    def sent(self, today: date, step: NudgeStep) -> NudgeBackoff:
        mode: BackoffMode = "asked" if step == "ask" else self.mode
        return replace(self, unanswered=today, last_sent=today, mode=mode)
