"""Living through weeks with the real bot: a persona's days, on the fake Bot API.

Each day the scheduler's sweeps run every half hour (as the running bot's do, on its interval) and
the persona does what its plan says at the local times it says. The diary keeps every message the
bot sent on its own, by the persona's local day, so a test can read a month the way the person
lived it: what arrived, when, and how many a day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.fakeapi import Exchange, Person, Session, StoredMessage
from tests.helpers import unthrottled

# A day's plan: (local time, text to send) pairs; a third item names a button to press on the
# bot's answer.
Step = tuple[time, str] | tuple[time, str, str]
Plan = Callable[[int, date], Sequence[Step]]


@dataclass
class Diary:
    person: Person
    zone: ZoneInfo
    proactive: dict[date, list[StoredMessage]] = field(default_factory=dict)
    replies: dict[date, list[Exchange]] = field(default_factory=dict)

    def arrived(self, day: date) -> list[StoredMessage]:
        return self.proactive.get(day, [])

    def messages_on(self, day: date) -> int:
        """How many messages arrived on their own that day. A review's card is sent just before
        its text, as one review: the picture (no caption) and its text count once."""
        return sum(1 for m in self.arrived(day) if not (m.kind == "photo" and not m.text))

    def busiest_day(self) -> int:
        return max((self.messages_on(day) for day in self.proactive), default=0)

    def texts(self, starting: str) -> list[tuple[date, str]]:
        """Every proactive message whose text starts so, with its local day."""
        return [
            (day, m.text)
            for day, sent in sorted(self.proactive.items())
            for m in sent
            if m.text.startswith(starting)
        ]


async def live(
    session: Session, diary: Diary, first: date, days: int, plan: Plan, minutes: int = 30
) -> Diary:
    """Live `days` local days from `first`: sweeps every `minutes` (the running bot sweeps every
    30 s; a reminder found within half an hour is on time for a person), the plan's messages on
    time."""
    unthrottled(session)  # months of a person's commands pass in seconds of real time
    zone = diary.zone
    for n in range(days):
        day = first + timedelta(days=n)
        midnight = datetime.combine(day, time(0), zone)
        events: list[tuple[datetime, Step | None]] = [
            (midnight + timedelta(minutes=m), None) for m in range(0, 24 * 60, minutes)
        ]
        events += [(datetime.combine(day, step[0], zone), step) for step in plan(n, day)]
        for instant, step in sorted(events, key=lambda e: (e[0], e[1] is not None)):
            if step is None:
                sent = await session.at(instant)
                mine = [m for m in sent if m.chat_id == diary.person.user_id]
                diary.proactive.setdefault(day, []).extend(mine)
                continue
            session.clock.set(instant)
            reply = await session.send(diary.person, step[1])
            if len(step) == 3:
                reply = await session.press(diary.person, reply.last, step[2])
            diary.replies.setdefault(day, []).append(reply)
    return diary
