"""The bot and the people in a room: the bot added and removed, /join and /leave with the private
chat link, and a group becoming a supergroup."""

from __future__ import annotations

from bot.fakeapi import Person, Session
from tests.helpers import ROOM, in_room, room_of, rows, utc


async def test_the_bot_introduces_itself_and_stops_when_removed(
    session: Session, maya: Person
) -> None:
    added = await session.bot_added(maya, ROOM)
    assert added.text.startswith("👋 Hi! I'm Postpact")
    assert "/join" in added.text
    await room_of(session, maya)
    await session.bot_added(maya, ROOM, removed=True)
    assert rows(session, "SELECT active FROM groups") == [(0,)]
    assert in_room(await session.at(utc(2026, 3, 2, 21, 0))) == []  # no digest to a gone group
    again = await session.bot_added(maya, ROOM)
    assert again.text.startswith("👋 Hi!")
    assert len(in_room(await session.at(utc(2026, 3, 3, 21, 0)))) == 1


async def test_join_leave_and_the_private_chat_link(session: Session, maya: Person) -> None:
    joined = await session.send(maya, "/join", chat_id=ROOM)
    assert joined.text.startswith("✅ Maya joined the room. 1 member now.\nOpen a private chat")
    ((label, _),) = joined.last.buttons
    assert label == "Open Postpact"
    url = joined.last.reply_markup["inline_keyboard"][0][0]["url"]  # type: ignore[index]
    assert url == f"https://t.me/PostpactTestBot?start=g{ROOM}"
    connected = await session.send(maya, f"/start g{ROOM}")
    assert (
        connected.texts[0] == "🔗 Connected: your reminders and cheers from your rooms arrive here."
    )
    again = await session.send(maya, "/join", chat_id=ROOM)
    assert again.text == "Maya, you're already in this room (1 member)."
    assert again.last.buttons == []  # she has a private chat now
    left = await session.send(maya, "/leave", chat_id=ROOM)
    assert left.text == "👋 Maya left the room. Their posts stay theirs."
    assert (await session.send(maya, "/leave", chat_id=ROOM)).text == (
        "Maya, you're not in this room."
    )


async def test_migration_moves_the_room(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    await session.send(maya, "/post tiktok x", chat_id=ROOM)
    new = -1009999
    await session.migrate(maya, ROOM, new)
    assert rows(session, "SELECT chat_id FROM groups") == [(new,)]
    assert rows(session, "SELECT chat_id FROM memberships") == [(new,)]
    board = await session.send(maya, "/board", chat_id=new)
    assert "1. Maya — 1" in board.text
