"""Checking in from a room and cheers: the check-in line, the cheer button and its refusals (and a
forged share button pressed in the room), cheers told once in private, and nothing private to
someone who only used the room."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import ROOM, room_of, room_snapshot, rows, utc

# The same behaviour whether updates arrive by long polling or by webhook.
pytestmark = pytest.mark.both_transports


async def test_checking_in_and_cheers(session: Session, maya: Person) -> None:
    jo, kim, stranger = session.person("Jo"), session.person("Kim"), session.person("Stranger")
    await room_of(session, maya, jo, kim)
    checkin = await session.send(maya, "/post tiktok Dumplings #food", chat_id=ROOM)
    assert checkin.text == "✅ Maya posted: #1 · TikTok · “Dumplings” · 🔥 1 day"
    assert rows(session, "SELECT user_id, platform, title FROM posts") == [
        (maya.user_id, "tiktok", "Dumplings")
    ]
    message = checkin.last
    own = await session.press(maya, message, "👏 Cheer")
    assert own.alerts == ["You can't cheer your own post 🙂"]
    outsider = await session.press(stranger, message, "👏 Cheer")
    assert outsider.alerts == ["Join the room to cheer: /join"]
    first = await session.press(jo, message, "👏 Cheer")
    assert first.last.buttons[0][0] == "👏 Cheer · 1"
    twice = await session.press(jo, message, "👏 Cheer")
    assert twice.alerts == ["You've cheered this one already."]
    second = await session.press(kim, first.last, "👏 Cheer · 1")
    assert second.last.buttons[0][0] == "👏 Cheer · 2"
    # Told once, privately, after the batching window.
    assert [m for m in await session.tick() if m.chat_id == maya.user_id] == []
    told = await session.at(session.clock.now() + timedelta(minutes=6))
    assert [m.text for m in told if m.chat_id == maya.user_id] == [
        "👏 Jo, Kim cheered your post #1 in Group 100555."
    ]
    assert [m for m in await session.tick() if m.chat_id == maya.user_id] == []


async def test_a_bare_post_in_a_room_asks_for_the_platform(session: Session, maya: Person) -> None:
    reply = await session.send(maya, "/post", chat_id=ROOM)
    assert reply.text.startswith("In a room, say where you posted.")
    assert "/post &lt;platform&gt;" not in reply.text
    assert "/post <platform> [link or title]" in reply.text


@pytest.mark.parametrize(
    ("data", "alert"),
    [
        ("1|cheer", "That button is out of date. Send the command again."),
        ("1|cheer|abc", "That button is out of date. Send the command again."),
        ("1|cheer|99999", "That button is out of date. Send the command again."),
        ("1|share|everything", "That button is out of date. Send the command again."),
    ],
)
async def test_forged_room_buttons(session: Session, maya: Person, data: str, alert: str) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    checkin = await session.send(maya, "/post tiktok x", chat_id=ROOM)
    before = room_snapshot(session)
    pressed = await session.press(jo, checkin.last, data=data)
    assert pressed.alerts == [alert]
    assert room_snapshot(session) == before


async def test_a_cheer_for_a_post_of_someone_outside_the_room(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, jo)
    mine = await session.send(maya, "/post tiktok private")  # Maya is not in the room
    checkin = await session.send(jo, "/post tiktok x", chat_id=ROOM)
    post_id = rows(session, "SELECT post_id FROM posts WHERE user_id = ?", maya.user_id)[0][0]
    assert mine.text.startswith("✅ Logged")
    pressed = await session.press(jo, checkin.last, data=f"1|cheer|{post_id}")
    assert pressed.alerts == ["That button is out of date. Send the command again."]
    assert rows(session, "SELECT COUNT(*) FROM cheers") == [(0,)]


async def test_no_private_messages_to_someone_who_only_used_the_room(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/post tiktok only here", chat_id=ROOM)
    mark = len(session.server.calls)
    await session.walk(utc(2026, 3, 6, 12, 0), timedelta(hours=12))
    assert [c for c in session.server.calls_to("sendMessage", mark)
            if c.params.get("chat_id") in (maya.user_id, str(maya.user_id))] == []  # fmt: skip
