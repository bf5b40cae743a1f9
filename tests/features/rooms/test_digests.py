"""What rooms are sent on their own: the daily digest with its hits and milestones, the weekly
summary with the group goal, the 4,096-character boundary, and the group send limit."""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session
from bot.outbound import Limits
from tests.helpers import ROOM, in_room, room_of, utc


async def test_the_daily_digest(session: Session, maya: Person) -> None:
    jo, kim = session.person("Jo"), session.person("Kim")
    await room_of(session, maya, jo, kim)
    await session.send(maya, "/post tiktok one", chat_id=ROOM)
    await session.send(jo, "/post xhs two")  # in private: still counts for the room
    sent = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert [m.text for m in sent] == [
        "📣 Group 100555 · 2026-03-02\n"
        "✅ Posted today (2 of 3): Maya, Jo\n"
        "🔥 Longest streak: Maya, 1 day"
    ]
    admin = session.person("Ada")
    session.server.chat_members[(ROOM, admin.user_id)] = "administrator"
    await session.send(admin, "/groupsettings mention on", chat_id=ROOM)
    sent = in_room(await session.at(utc(2026, 3, 3, 21, 0)))
    assert sent[0].text.endswith("🌱 Still to post today: Maya, Jo, Kim. There's time.")


async def test_the_digest_celebrates_hits_and_follower_milestones(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    await session.send(maya, "/share followers on")
    session.clock.set(utc(2026, 3, 1, 12, 0))
    await session.send(maya, "/followers tiktok 90")
    await session.send(jo, "/followers tiktok 450")  # Jo doesn't share counts
    session.clock.set(utc(2026, 3, 2, 12, 0))
    await session.send(maya, "/followers tiktok 120")
    await session.send(jo, "/followers tiktok 520")
    await session.send(jo, "/post xhs Autumn", chat_id=ROOM)
    await session.send(jo, "/metrics last saves=9")
    (digest,) = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert digest.text.splitlines()[2:] == [
        "🔥 Longest streak: Jo, 1 day",
        "🎉 Maya passed 100 followers",  # Jo passed 500, but keeps his counts to himself
        "🎯 New hit: Jo — #1 · Xiaohongshu · “Autumn”",
    ]


async def test_group_goal_in_the_weekly_summary(session: Session, maya: Person) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    session.server.chat_members[(ROOM, maya.user_id)] = "creator"
    goal = await session.send(maya, "/groupgoal days 2", chat_id=ROOM)
    assert goal.text == "Saved.\n🎯 Group goal: every member posts 2 days a week."
    for dom in (3, 4):
        session.clock.set(utc(2026, 3, dom, 12, 0))
        await session.send(maya, "/post tiktok x")
    await session.send(jo, "/post tiktok y")
    weekly = [m for m in in_room(await session.at(utc(2026, 3, 9, 21, 0))) if "the week" in m.text]
    assert weekly[0].text.splitlines() == [
        "📊 Group 100555 · the week 2026-03-02 → 2026-03-08",
        "Together: 3 posts on 3 member-days (2 members).",
        "🎯 Goal, 2 days each: 1 of 2 made it ❌ not met",
        "🏅 Most consistent: Maya, 2 days",
        "🤝 Follows: 0 of 0 pairs are mutual",
        "",
        "• Maya: days 2 · posts 2 · 🔥 0 · —",
        "• Jo: days 1 · posts 1 · 🔥 0 · —",
    ]


async def test_a_long_digest_is_split_under_4096_characters(session: Session) -> None:
    people = [session.person("N" * 60 + str(n)) for n in range(90)]
    for person in people:
        await session.send(person, "/join", chat_id=ROOM)
        await session.send(person, "/post tiktok x")
    admin = people[0]
    session.server.chat_members[(ROOM, admin.user_id)] = "administrator"
    sent = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert len(sent) == 2  # ~5,900 characters of names: two messages, nobody cut off
    assert all(len(m.text) <= 4096 for m in sent)
    names = "\n".join(m.text for m in sent).split("Longest streak")[0]
    assert all(person.first_name in names for person in people)


async def test_group_sends_keep_to_the_group_limit(
    tmp_path: Path, clock: ControllableClock
) -> None:
    limits = Limits(per_second=1000, chat_interval=0.001, group_interval=0.5, backoff=0.01)
    async with Session(tmp_path, clock, limits=limits) as session:
        maya = session.person("Maya")
        await room_of(session, maya)
        started = time.monotonic()
        # A Monday: the weekly card, the summary, the digest; the card counts as a message too.
        sent = in_room(await session.at(utc(2026, 3, 9, 21, 0)))
    calls = session.server.calls_to("sendPhoto") + session.server.calls_to("sendMessage")
    arrivals = sorted(c.at for c in calls if c.at >= started)
    assert [m.kind for m in sent] == ["photo", "text", "text"]
    assert all(later - earlier >= 0.45 for earlier, later in pairwise(arrivals))


async def test_a_day_nobody_posted_ends_with_a_digest_that_says_so(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo", language_code="zh")
    await room_of(session, maya, jo)
    (digest,) = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert digest.text == "📣 Group 100555 · 2026-03-02\nNobody posted today."
    admin = session.person("Ada")
    session.server.chat_members[(ROOM, admin.user_id)] = "administrator"
    await session.send(admin, "/groupsettings lang zh", chat_id=ROOM)
    (digest,) = in_room(await session.at(utc(2026, 3, 3, 21, 0)))
    assert digest.text.splitlines()[1] == "今天没有人发布。"


async def test_a_room_added_by_a_known_creator_takes_their_timezone_and_evening(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/timezone Asia/Shanghai")
    await session.bot_added(maya, ROOM)
    await room_of(session, maya)
    session.server.chat_members[(ROOM, maya.user_id)] = "creator"
    settings = await session.send(maya, "/groupsettings", chat_id=ROOM)
    assert "Digest: 21:00 (Asia/Shanghai)" in settings.text
    assert in_room(await session.at(utc(2026, 3, 2, 12, 59))) == []
    (digest,) = in_room(await session.at(utc(2026, 3, 2, 13, 0)))  # 21:00 in Shanghai
    assert digest.text.startswith("📣 Group 100555 · 2026-03-02")


async def test_a_night_owls_room_gets_its_digest_after_their_reminder(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/timezone Europe/Berlin")
    await session.send(maya, "/nudge 22:30")
    await session.bot_added(maya, ROOM)
    session.server.chat_members[(ROOM, maya.user_id)] = "creator"
    settings = await session.send(maya, "/groupsettings", chat_id=ROOM)
    assert "Digest: 23:30 (Europe/Berlin)" in settings.text


async def test_a_room_added_by_a_stranger_keeps_the_default_evening(
    session: Session, maya: Person
) -> None:
    stranger = session.person("Sam")
    await session.bot_added(stranger, ROOM)
    session.server.chat_members[(ROOM, stranger.user_id)] = "creator"
    settings = await session.send(stranger, "/groupsettings", chat_id=ROOM)
    assert "Digest: 21:00 (UTC)" in settings.text
