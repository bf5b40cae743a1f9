"""Reading the room: the board's order and ties, handles and follows, and that nothing a member
did not share reaches the room (board, handles, digests, summaries)."""

from __future__ import annotations

from datetime import timedelta

from bot.fakeapi import Person, Session
from tests.helpers import ROOM, in_room, room_of, utc


async def test_nothing_a_member_did_not_share_appears_in_the_room(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    await session.send(maya, "/share streaks off")
    await session.send(maya, "/share posts off")
    await session.send(maya, "/followers tiktok 1234")
    await session.send(maya, "/handle tiktok @maya.secret")
    await session.send(jo, "/share handles on")
    await session.send(jo, "/handle tiktok @jo.open")
    checkin = await session.send(maya, "/post tiktok hidden", chat_id=ROOM)
    assert "🔥" not in checkin.text
    seen = [checkin.text]
    seen.append((await session.send(jo, "/board", chat_id=ROOM)).text)
    seen.append((await session.send(jo, "/mutual", chat_id=ROOM)).text)
    session.clock.set(utc(2026, 3, 8, 12, 0))
    await session.send(maya, "/followers tiktok 1500")
    seen += [
        m.text for m in in_room(await session.walk(utc(2026, 4, 2, 0, 0), timedelta(hours=12)))
    ]
    room_text = "\n".join(seen)
    for secret in ("1,234", "1234", "1,500", "1500", "maya.secret"):
        assert secret not in room_text
    assert "@jo.open" in room_text
    assert "Maya — — · 🔥 — · 🎯 — ·" in room_text  # on the board, without numbers


async def test_the_board_order_and_ties(session: Session, maya: Person) -> None:
    jo, kim, lee = session.person("Jo"), session.person("Kim"), session.person("Lee")
    await room_of(session, maya, jo, kim, lee)
    for dom, people in ((2, (maya, jo, kim)), (3, (jo, kim)), (4, (kim,))):
        session.clock.set(utc(2026, 3, dom, 12, 0))
        for person in people:
            await session.send(person, "/post tiktok x")
    await session.send(lee, "/share posts off")
    board = await session.send(maya, "/board", chat_id=ROOM)
    assert board.text.splitlines()[2:] == [
        "1. Kim — 3 · 🔥 3 · 🎯 0 · —",
        "2. Jo — 2 · 🔥 2 · 🎯 0 · —",
        "3. Maya — 1 · 🔥 1 · 🎯 0 · —",  # Tuesday missed, covered by the week's rest day
        "4. Lee — — · 🔥 0 · 🎯 — · —",
    ]
    session.clock.set(utc(2026, 3, 4, 13, 0))
    await session.send(jo, "/post tiktok y")
    await session.send(maya, "/post tiktok z")
    await session.send(maya, "/post tiktok zz")
    tied = await session.send(maya, "/board", chat_id=ROOM)
    assert tied.text.splitlines()[2:4] == [
        "=1 Jo — 3 · 🔥 3 · 🎯 0 · —",
        "=1 Kim — 3 · 🔥 3 · 🎯 0 · —",
    ]


async def test_mutual_follows_and_reciprocity(session: Session, maya: Person) -> None:
    jo, kim = session.person("Jo", username="jo_makes"), session.person("Kim")
    await room_of(session, maya, jo, kim)
    for person, handle in ((maya, "@maya.cooks"), (jo, "@jo.draws"), (kim, "kimvlogs")):
        await session.send(person, "/share handles on")
        await session.send(person, f"/handle tiktok {handle}")
    await session.send(kim, "/handle xhs 小金")
    listed = await session.send(jo, "/mutual", chat_id=ROOM)
    assert 'href="https://www.tiktok.com/@maya.cooks"' in listed.last.html
    assert "Xiaohongshu: Kim @小金" in listed.text
    noted = await session.send(maya, "/followed @jo_makes tiktok", chat_id=ROOM)
    assert noted.text == "Noted: you follow Jo on TikTok."
    back = await session.send(jo, "/followed Maya", chat_id=ROOM)
    assert back.text == "Noted: you follow Maya. You follow each other 🤝"
    await session.send(maya, "/followed Kim", chat_id=ROOM)
    me = await session.send(kim, "/mutual me", chat_id=ROOM)
    assert me.text == "You haven't followed yet: Maya, Jo\nHaven't followed you back: nobody"
    unknown = await session.send(maya, "/followed @nobody", chat_id=ROOM)
    assert unknown.text.startswith("“@nobody” isn't a member of this room.")
    weekly = in_room(await session.at(utc(2026, 3, 9, 21, 0)))
    assert any("🤝 Follows: 1 of 2 pairs are mutual" in m.text for m in weekly), [
        m.text for m in weekly
    ]
