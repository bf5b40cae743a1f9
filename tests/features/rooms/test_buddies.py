"""Weekly buddies: turned on by an admin, told by /buddy, shown in the nudge."""

from __future__ import annotations

from bot.fakeapi import Person, Session
from tests.helpers import ROOM, room_of, to, utc


async def test_buddies_appear_in_the_nudge(session: Session, maya: Person) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    on = await session.send(maya, "/buddy on", chat_id=ROOM)
    assert on.text.startswith("🤝 Buddies are on")
    assert (await session.send(jo, "/buddy", chat_id=ROOM)).text == "🤝 Your buddy this week: Maya"
    await session.send(maya, "/nudge 20:00")
    await session.send(jo, "/post tiktok done")
    (nudge,) = to(maya, await session.at(utc(2026, 3, 2, 20, 0)))
    assert nudge.text.endswith("🤝 Your buddy Jo has posted today.")
    refused = await session.send(jo, "/buddy off", chat_id=ROOM)
    assert refused.text == "Only the group's admins can do that."
