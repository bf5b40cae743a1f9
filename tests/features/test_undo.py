"""/undo takes back the most recent entry of any kind — a post, a follower count, a metrics
reading, a rest day — within 24 hours, after a confirm that names exactly what goes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session
from tests.helpers import count, rows

# The same behaviour whether updates arrive by long polling or by webhook.
pytestmark = pytest.mark.both_transports


async def test_a_mistyped_follower_count_can_be_undone(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    await session.send(maya, "/post tiktok")
    clock.advance(timedelta(minutes=3))
    await session.send(maya, "/followers 抖音 99999999999")
    ask = (await session.send(maya, "/undo")).last
    assert ask.text == "Remove the follower count Douyin 99,999,999,999 from 12:03?"
    done = await session.press(maya, ask, "Yes, remove it")
    assert done.text == "Removed the follower count Douyin 99,999,999,999."
    assert count(session, "follower_counts") == 0
    assert count(session, "posts") == 1  # only the most recent entry goes
    again = await session.press(maya, ask, "Yes, remove it")
    assert again.alerts == ["Already done: that entry is removed."]
    assert count(session, "posts") == 1


async def test_undo_then_undo_again_walks_back_one_entry_at_a_time(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/post tiktok one")
    await session.send(maya, "/followers tiktok 1200")
    first = (await session.send(maya, "/undo")).last
    await session.press(maya, first, "Yes, remove it")
    second = (await session.send(maya, "/undo")).last
    assert second.text == "Remove post #1 · TikTok · “one” from 12:00?"


async def test_undoing_a_metrics_reading_restores_the_numbers_before_it(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/post tiktok Dumplings")
    await session.send(maya, "/metrics last saves=3 likes=40")
    await session.send(maya, "/metrics last saves=7")  # a hit now
    ask = (await session.send(maya, "/undo")).last
    assert ask.text == "Remove the numbers 7 saves for #1 · TikTok · “Dumplings” from 12:00?"
    done = await session.press(maya, ask, "Yes, remove it")
    assert done.text == "Removed the numbers 7 saves for #1 · TikTok · “Dumplings”."
    assert rows(session, "SELECT saves, likes FROM post_metrics") == [(3, 40)]
    assert rows(session, "SELECT hit_date FROM posts") == [(None,)]
    ask = (await session.send(maya, "/undo")).last
    await session.press(maya, ask, "Yes, remove it")
    assert count(session, "post_metrics") == 0
    assert count(session, "posts") == 1


async def test_a_rest_day_can_be_undone(session: Session, maya: Person) -> None:
    await session.send(maya, "/rest")
    ask = (await session.send(maya, "/undo")).last
    assert ask.text == "Remove the rest day 2026-03-02 from 12:00?"
    done = await session.press(maya, ask, "Yes, remove it")
    assert done.text == "Removed the rest day 2026-03-02. Streak: 0 days."
    assert count(session, "rest_days") == 0


async def test_an_old_confirm_after_a_newer_entry_is_out_of_date(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/post tiktok")
    ask = (await session.send(maya, "/undo")).last
    await session.send(maya, "/followers tiktok 500")
    late = await session.press(maya, ask, "Yes, remove it")
    assert late.alerts == ["That is out of date: you entered something newer. Send /undo again."]
    assert (count(session, "posts"), count(session, "follower_counts")) == (1, 1)


async def test_nothing_to_undo(session: Session, maya: Person) -> None:
    reply = await session.send(maya, "/undo")
    assert reply.text == "There is nothing from the last 24 hours to remove."


async def test_a_rest_day_taken_back_with_rest_undo_is_not_offered_by_undo(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/post tiktok monday")
    session.clock.set(session.clock.now() + timedelta(days=1))
    await session.send(maya, "/rest")
    await session.send(maya, "/rest undo")
    ask = (await session.send(maya, "/undo")).last
    assert ask.text.startswith("Remove post #1")
