"""Metrics follow-ups ~24 h and ~72 h after a post, with one tap to answer."""

from __future__ import annotations

from datetime import timedelta

from bot.fakeapi import Person, Session, StoredMessage
from tests.helpers import rows, utc


def followups(person: Person, sent: list[StoredMessage]) -> list[StoredMessage]:
    return [m for m in sent if m.chat_id == person.user_id and m.text.startswith("📈")]


async def test_asked_after_a_day_and_after_three_and_a_hit_is_noticed(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/nudge off")
    await session.send(maya, "/post tiktok Dumplings")  # Monday 12:00 UTC
    assert followups(maya, await session.at(utc(2026, 3, 3, 11, 59))) == []
    (first,) = followups(maya, await session.at(utc(2026, 3, 3, 12, 0)))
    assert first.text == (
        "📈 A day on: how is #1 · TikTok · “Dumplings” doing? Saves are what make a hit."
    )
    ask = await session.press(maya, first, "✍️ Enter numbers")
    assert ask.last.text == (
        "Send the numbers for #1 · TikTok · “Dumplings”: saves likes views, "
        "e.g. 12 80 1500 (or saves=12)."
    )
    wrong = await session.send(maya, "lots")
    assert wrong.text.startswith("“lots” should look like saves=12.")
    answered = await session.send(maya, "6 80 1.5k")
    assert answered.text == (
        "📊 #1 · TikTok · “Dumplings”\n6 saves · 80 likes · 1,500 views\n"
        "🎉 A hit! 6 people saved it (your hit threshold is 5). "
        "Look at what worked and do it again."
    )
    assert rows(session, "SELECT saves, likes, views FROM post_metrics") == [(6, 80, 1500)]
    assert rows(session, "SELECT awaiting FROM users") == [(None,)]
    (second,) = followups(maya, await session.at(utc(2026, 3, 5, 12, 0)))
    assert second.text == (
        "📈 Three days on: how did #1 · TikTok · “Dumplings” do?\nLast time: 6 saves."
    )
    assert followups(maya, await session.at(utc(2026, 3, 9, 12, 0))) == []


async def test_followups_at_a_sensible_hour_and_never_in_quiet_hours(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/nudge off")
    await session.send(maya, "/quiet 12:00-14:00")
    session.clock.set(utc(2026, 3, 2, 23, 0))
    await session.send(maya, "/post tiktok late night")
    assert followups(maya, await session.at(utc(2026, 3, 3, 23, 0))) == []
    assert len(followups(maya, await session.at(utc(2026, 3, 4, 9, 0)))) == 1


async def test_turning_followups_off(session: Session, maya: Person) -> None:
    await session.send(maya, "/nudge off")
    await session.send(maya, "/post tiktok one")
    (first,) = followups(maya, await session.at(utc(2026, 3, 3, 12, 0)))
    stopped = await session.press(maya, first, "Stop asking")
    assert "Follow-ups on your posts: off" in stopped.last.text
    assert followups(maya, await session.at(utc(2026, 3, 5, 12, 0))) == []
    session.clock.set(utc(2026, 3, 6, 12, 0))
    await session.send(maya, "/post tiktok two")
    assert followups(maya, await session.at(utc(2026, 3, 7, 12, 0))) == []
    await session.send(maya, "/nudge followups on")
    await session.send(maya, "/post tiktok three")
    assert len(followups(maya, await session.at(utc(2026, 3, 8, 12, 0)))) == 1


async def test_no_followup_for_a_post_already_measured_or_removed(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/nudge off")
    await session.send(maya, "/post tiktok one")
    session.clock.set(utc(2026, 3, 3, 6, 0))
    await session.send(maya, "/metrics last saves=2")
    assert followups(maya, await session.at(utc(2026, 3, 3, 12, 0))) == []
    session.clock.set(utc(2026, 3, 3, 13, 0))
    await session.send(maya, "/post tiktok two")
    confirm = await session.send(maya, "/undo")
    await session.press(maya, confirm.last, confirm.last.buttons[0][0])
    assert followups(maya, await session.at(utc(2026, 3, 4, 13, 0))) == []


async def test_another_users_followup_button_reaches_nothing(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/nudge off")
    await session.send(maya, "/post tiktok mine")
    (first,) = followups(maya, await session.at(utc(2026, 3, 3, 12, 0)))
    mallory = session.person("Mallory")
    pressed = await session.press(mallory, first, "✍️ Enter numbers")
    assert pressed.alerts == ["That post isn't there any more."]
    assert rows(session, "SELECT user_id, awaiting FROM users ORDER BY user_id") == [
        (maya.user_id, None),
        (mallory.user_id, None),
    ]


async def test_four_posts_get_one_followup_a_day_listing_each_with_its_own_button(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/nudge off")
    for title, hour in (("one", 12), ("two", 12), ("three", 13), ("four", 15)):
        session.clock.set(utc(2026, 3, 2, hour, 0))
        await session.send(maya, f"/post tiktok {title}")
    (day1,) = followups(maya, await session.at(utc(2026, 3, 3, 12, 0)))
    assert day1.text == (
        "📈 How are your posts doing? Saves are what make a hit.\n"
        "• #1 · TikTok · “one” — a day on\n"
        "• #2 · TikTok · “two” — a day on\n"
        "• #3 · TikTok · “three” — a day on\n"
        "• #4 · TikTok · “four” — a day on\n"
        "Tap a post to send its numbers, or type e.g. /metrics 1 saves=12 likes=80."
    )
    labels = [text for text, _ in day1.buttons]
    assert labels == ["✍️ #1", "✍️ #2", "✍️ #3", "✍️ #4", "Stop asking"]
    assert followups(maya, await session.walk(utc(2026, 3, 4, 23, 0), timedelta(hours=1))) == []
    ask = await session.press(maya, day1, "✍️ #3")
    assert ask.last.text.startswith("Send the numbers for #3 · TikTok · “three”")
    await session.send(maya, "9 90 900")
    assert rows(session, "SELECT post_id, saves FROM post_metrics") == [(3, 9)]
    (day3,) = followups(maya, await session.walk(utc(2026, 3, 5, 23, 0), timedelta(hours=1)))
    assert day3.text.splitlines()[1:4] == [
        "• #1 · TikTok · “one” — three days on",
        "• #2 · TikTok · “two” — three days on",
        "• #3 · TikTok · “three” — three days on · last time: 9 saves",
    ]
    assert followups(maya, await session.walk(utc(2026, 3, 9, 12, 0), timedelta(hours=3))) == []
    assert rows(session, "SELECT COUNT(*) FROM deliveries WHERE kind = 'followup'") == [(2,)]
