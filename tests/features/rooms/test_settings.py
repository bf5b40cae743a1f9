"""The room's settings: for admins only (anonymous admins too), the room's language, and a forum
topic for replies and digests."""

from __future__ import annotations

from bot.fakeapi import Person, Session
from tests.helpers import ROOM, in_room, room_of, rows, utc


async def test_admin_only_settings(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    refused = await session.send(maya, "/groupsettings time 20:00", chat_id=ROOM)
    assert refused.text == "Only the group's admins can do that."
    refused = await session.send(maya, "/groupgoal days 5", chat_id=ROOM)
    assert refused.text == "Only the group's admins can do that."
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    done = await session.send(maya, "/groupsettings time 20:00", chat_id=ROOM)
    assert "Digest: 20:00 (UTC)" in done.text
    anonymous = await session.send(maya, "/groupsettings lang zh", chat_id=ROOM, anonymous=True)
    assert anonymous.text.startswith("Saved.") is False
    assert "语言：zh" in anonymous.text
    assert rows(session, "SELECT digest_time, language FROM groups") == [("20:00", "zh")]
    joined = await session.send(maya, "/join", chat_id=ROOM, anonymous=True)
    assert joined.text == "这个操作请用自己的身份，不要匿名以群身份发送。"
    seen = await session.send(maya, "/board", chat_id=ROOM, anonymous=True)
    assert seen.text.startswith("🏆 本周")  # reading the room needs no person
    board = await session.send(maya, "/board", chat_id=ROOM)
    assert board.text.startswith("🏆 本周")


async def test_replies_and_digests_in_a_forum_topic(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    reply = await session.send(maya, "/board", chat_id=ROOM, topic=77)
    assert reply.last.thread_id == 77
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    await session.send(maya, "/groupsettings topic", chat_id=ROOM, topic=77)
    (digest,) = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert digest.thread_id == 77
