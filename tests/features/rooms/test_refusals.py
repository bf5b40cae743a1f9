"""Room commands given bad input: refused with their usage and nothing stored; commands that take
no arguments ignore them (and /rest, in private, likewise)."""

from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import HOSTILE, ROOM, room_of, room_snapshot, rows

ROOM_REFUSING = {
    "/post {}": set(),
    "/mutual {}": set(),
    "/followed {}": set(),
    "/followed Jo {}": set(),
    "/buddy {}": set(),
    "/groupgoal {}": set(),
    "/groupgoal days {}": set(),
    "/groupsettings {}": set(),
    "/groupsettings time {}": set(),
    "/groupsettings board {}": set(),
    "/groupsettings timezone {}": {"negative"},  # "-5" is the offset UTC-5
}


ROOM_USAGE = {
    "post": "/post <platform> [link or title] [#tag …]",
    "mutual": "/mutual — members' handles",
    "followed": "/followed @member [platform]",
    "buddy": "/buddy — your buddy this week",
    "groupgoal": "/groupgoal days 5 — every member posts 5 days a week",
    "groupsettings": "/groupsettings time 21:00",
}


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.parametrize("template", ROOM_REFUSING)
async def test_room_commands_refuse_bad_input_with_usage(
    session: Session, maya: Person, template: str, case: str
) -> None:
    if case in ROOM_REFUSING[template]:
        pytest.skip("a valid argument for this command")
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    before = room_snapshot(session)
    reply = await session.send(maya, template.format(HOSTILE[case]), chat_id=ROOM)
    command = template.split()[0].removeprefix("/")
    assert len(reply.messages) == 1
    assert "How to use it" in reply.text
    assert ROOM_USAGE[command] in reply.text
    assert len(reply.text) < 1500
    assert room_snapshot(session) == before
    assert (await session.send(maya, "/board", chat_id=ROOM)).text.startswith("🏆 This week")


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.parametrize(
    ("template", "answer"),
    [
        ("/join {}", "✅ Maya joined the room."),
        ("/board {}", "🏆 This week"),
        ("/help {}", "Postpact in a room"),
        ("/leave {}", "Maya, you're not in this room."),
    ],
)
async def test_room_commands_without_arguments_ignore_them(
    session: Session, maya: Person, template: str, answer: str, case: str
) -> None:
    await session.send(maya, "/today")
    if template.startswith("/board"):
        await session.send(maya, "/join", chat_id=ROOM)
    reply = await session.send(maya, template.format(HOSTILE[case]), chat_id=ROOM)
    assert reply.text.startswith(answer)
    assert len(reply.text) < 1500


@pytest.mark.parametrize("case", HOSTILE)
async def test_rest_refuses_unknown_arguments(session: Session, maya: Person, case: str) -> None:
    """/rest takes today, yesterday or undo: anything else gets the usage and rests no day."""
    reply = await session.send(maya, f"/rest {HOSTILE[case]}")
    assert reply.text.startswith("I didn't understand that.")
    assert "/rest yesterday — rest yesterday" in reply.text
    assert rows(session, "SELECT COUNT(*) FROM rest_days") == [(0,)]
