"""The kinds of proactive message, and the period each one is about.

A delivery is unique per chat, kind and period: that is what makes a message go out once. The period
is stored as text; each kind has exactly one period type here with the one way to write and read it,
so a sweep that claims a message and the composer that writes it can never disagree on its shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Protocol, Self


class DeliveryKind(StrEnum):
    NUDGE = "nudge"
    SNOOZE = "snooze"  # the nudge again, an hour after the user pressed "Snooze"
    LAST_CALL = "last_call"
    KEEP_ASKING = "keep_asking"  # "Keep reminding me?", once, after seven ignored nudges
    FOLLOWUP = "followup"  # one a day at most, about every post that is due
    REVIEW = "review"
    DIGEST = "digest"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    CHEERS = "cheers"
    REST_USED = "rest_used"  # next morning: "Yesterday used your rest day — streak safe"
    ANNOUNCE = "announce"  # the owner's `/admin announce`, once per recipient

    @classmethod
    def parse(cls, text: str) -> DeliveryKind | None:
        try:
            return cls(text)
        except ValueError:
            return None


class PeriodCodec(Protocol):
    def encode(self) -> str: ...


@dataclass(frozen=True)
class DayPeriod:
    """One local day: a nudge, a last call, the day's follow-up, a room's digest, a weekly
    summary (its Monday)."""

    day: date

    def encode(self) -> str:
        return self.day.isoformat()

    @classmethod
    def decode(cls, text: str) -> Self | None:
        try:
            return cls(date.fromisoformat(text))
        except ValueError:
            return None


@dataclass(frozen=True)
class SnoozePeriod:
    """A snoozed nudge: its day and the time it was moved to, so each snooze is its own message."""

    day: date
    at: time

    def encode(self) -> str:
        return f"{self.day.isoformat()}@{self.at:%H%M}"

    @classmethod
    def decode(cls, text: str) -> Self | None:
        day, _, at = text.partition("@")
        try:
            return cls(date.fromisoformat(day), datetime.strptime(at, "%H%M").time())
        except ValueError:
            return None


@dataclass(frozen=True)
class MonthPeriod:
    """A calendar month (a room's monthly review), written `YYYY-MM`."""

    first: date

    def encode(self) -> str:
        return f"{self.first:%Y-%m}"

    @classmethod
    def decode(cls, text: str) -> Self | None:
        try:
            return cls(datetime.strptime(text, "%Y-%m").date())
        except ValueError:
            return None


@dataclass(frozen=True)
class KeyPeriod:
    """A period named by a key its feature owns: a review's period key, a cheers notice."""

    key: str

    def encode(self) -> str:
        return self.key

    @classmethod
    def decode(cls, text: str) -> Self | None:
        return cls(text) if text else None


AnyPeriod = DayPeriod | SnoozePeriod | MonthPeriod | KeyPeriod

# The one period type of each kind.
PERIOD_OF: dict[DeliveryKind, type[AnyPeriod]] = {
    DeliveryKind.NUDGE: DayPeriod,
    DeliveryKind.SNOOZE: SnoozePeriod,
    DeliveryKind.LAST_CALL: DayPeriod,
    DeliveryKind.KEEP_ASKING: DayPeriod,
    DeliveryKind.FOLLOWUP: DayPeriod,
    DeliveryKind.REVIEW: KeyPeriod,
    DeliveryKind.DIGEST: DayPeriod,
    DeliveryKind.WEEKLY: DayPeriod,
    DeliveryKind.MONTHLY: MonthPeriod,
    DeliveryKind.CHEERS: KeyPeriod,
    DeliveryKind.REST_USED: DayPeriod,  # the frozen day
    DeliveryKind.ANNOUNCE: KeyPeriod,  # the announcement's id
}
