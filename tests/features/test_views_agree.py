"""Every view tells the same story: after each kind of entry (post, follower count, metrics, rest
day, undo), /today, /streak, /progress, /plan and /nudge agree with each other.

These compare the views with one another (and with what was just entered), not with the rules
for rest days and streaks themselves, which have their own tests."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.fakeapi import Person, Session
from tests.helpers import unthrottled


def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found is not None, (pattern, text)
    return int(found[1])


@dataclass(frozen=True)
class Views:
    today: str
    streak: str
    progress: str
    plan: str
    nudge: str

    @property
    def streaks(self) -> set[int]:
        """The current streak as each view that shows it tells it."""
        return {
            _number(r"Streak: (\d+) day", self.today),
            _number(r"Current streak: (\d+) day", self.streak),
            _number(r"🔥 Streak (\d+) day", self.progress),
        }

    @property
    def month_days(self) -> set[int]:
        """Days posted this month (the program started on the month's first posting day)."""
        progress_month = self.progress.split("This month")[1]
        return {
            _number(r"Days posted: (\d+)/", progress_month),
            _number(r"Days posted: (\d+) of", self.plan),
        }

    @property
    def followers_this_week(self) -> str:
        week = self.progress.split("This month")[0]
        found = re.search(r"Followers: (.*)", week)
        assert found is not None
        return found[1]

    @property
    def next_reminder(self) -> str:
        found = re.search(r"Next reminder: (.*)", self.nudge)
        assert found is not None
        return found[1]


async def views(session: Session, person: Person) -> Views:
    texts = [
        (await session.send(person, command)).text
        for command in ("/today", "/streak", "/progress", "/plan", "/nudge")
    ]
    return Views(*texts)


async def _undo(session: Session, person: Person) -> None:
    confirm = (await session.send(person, "/undo")).last
    await session.press(person, confirm, "Yes, remove it")


async def test_progress_counts_followers_right_after_two_counts(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/followers tiktok 1000")
    await session.send(maya, "/followers tiktok 1200")  # a correction: replaces the first
    await session.send(maya, "/followers douyin 50")
    progress = (await session.send(maya, "/progress")).text
    assert "no counts yet" not in progress
    assert progress.count("Followers: ±0") == 2  # this week and this month


async def test_nudge_does_not_promise_todays_reminder_after_today_is_logged(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/nudge 19:30")
    await session.send(maya, "/post tiktok first")
    assert "Next reminder: 2026-03-03 19:30" in (await session.send(maya, "/nudge")).text
    await _undo(session, maya)
    assert "Next reminder: 2026-03-02 19:30" in (await session.send(maya, "/nudge")).text
    await session.send(maya, "/rest today")
    assert "Next reminder: 2026-03-03 19:30" in (await session.send(maya, "/nudge")).text


async def test_after_each_kind_of_entry_every_view_agrees(session: Session, maya: Person) -> None:
    unthrottled(session)  # every view after every entry: many commands at once
    await session.send(maya, "/nudge 19:30")
    await session.send(
        maya, "/plan start"
    )  # the program starts today, so its month is this month's
    start = await views(session, maya)
    assert start.streaks == {0}
    assert start.month_days == {0}
    assert start.next_reminder == "2026-03-02 19:30"

    await session.send(maya, "/post tiktok first")
    posted = await views(session, maya)
    assert posted.streaks == {1}
    assert posted.month_days == {1}
    assert "Today is done" in posted.streak
    assert "1 post:" in posted.today
    assert posted.next_reminder == "2026-03-03 19:30"

    await session.send(maya, "/followers tiktok 1000")
    counted = await views(session, maya)
    assert counted.followers_this_week == "±0"
    assert (counted.streaks, counted.month_days) == (posted.streaks, posted.month_days)

    await session.send(maya, "/metrics last saves=40")
    measured = await views(session, maya)
    assert "Hits: 1" in measured.progress
    assert (measured.streaks, measured.month_days) == (posted.streaks, posted.month_days)
    assert measured.next_reminder == posted.next_reminder

    await _undo(session, maya)  # the metrics reading
    assert "Hits: 0" in (await views(session, maya)).progress
    await _undo(session, maya)  # the follower count
    assert (await views(session, maya)).followers_this_week == "no counts yet (/followers)"
    await _undo(session, maya)  # the post
    undone = await views(session, maya)
    assert (undone.streaks, undone.month_days) == (start.streaks, start.month_days)
    assert undone.next_reminder == start.next_reminder
    assert "Nothing logged yet" in undone.today

    await session.send(maya, "/rest today")
    rested = await views(session, maya)
    assert len(rested.streaks) == 1  # whatever a rest day does to a streak, every view agrees
    assert rested.month_days == {0}
    assert rested.next_reminder == "2026-03-03 19:30"  # no nudge on a rest day
    await _undo(session, maya)  # the rest day
    back = await views(session, maya)
    assert (back.streaks, back.month_days) == (start.streaks, start.month_days)
    assert back.next_reminder == start.next_reminder
