"""The data that is yours: /export sends all of it, /forget deletes all of it and nobody else's."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from datetime import timedelta

import pytest

from bot.fakeapi import Person, Session
from bot.store.privacy import USER_ROWS
from tests.helpers import ROOM, room_of, rows, utc


def unzipped(content: bytes) -> dict[str, bytes]:
    """The export's files by name, in the archive's order."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


async def test_export_round_trip(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok Dumplings #food")
    await session.send(maya, "/followers tiktok 1200")
    await session.send(maya, "/metrics last saves=3")
    exchange = await session.send(maya, "/export")
    assert [(m.kind, m.file_name) for m in exchange.messages] == [
        ("document", "postpact-20260302.zip")  # one message, however many tables
    ]
    files = unzipped(exchange.messages[0].content)
    names = list(files)
    assert names[0] == "postpact-20260302.json"
    assert "postpact-20260302-posts.csv" in names
    exported = json.loads(files[names[0]])
    assert exported["posts"][0]["title"] == "Dumplings"
    assert exported["post_tags"] == [{"post_id": exported["posts"][0]["post_id"], "tag": "food"}]
    assert exported["follower_counts"][0]["count"] == 1200
    for name in names[1:]:
        table = name.removeprefix("postpact-20260302-").removesuffix(".csv")
        parsed = list(csv.DictReader(io.StringIO(files[name].decode("utf-8-sig"))))
        expected = [{k: "" if v is None else str(v) for k, v in row.items()}
                    for row in exported[table]]  # fmt: skip
        assert parsed == expected


async def test_forget_leaves_nothing(session: Session, maya: Person) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    await session.send(maya, "/nudge 20:00")
    await session.send(maya, "/plan start")
    await session.send(maya, "/rest")
    await session.send(jo, "/post xhs mine")  # Jo's data must survive
    checkin = await session.send(maya, "/post tiktok x #food", chat_id=ROOM)
    await session.press(jo, checkin.last, "👏 Cheer")
    jo_post = await session.send(jo, "/post tiktok jo2", chat_id=ROOM)
    await session.press(maya, jo_post.last, "👏 Cheer")
    await session.send(maya, "/followers tiktok 10")
    await session.send(maya, "/metrics last saves=2")
    await session.send(maya, "/followed Jo", chat_id=ROOM)
    await session.send(jo, "/followed Maya", chat_id=ROOM)
    await session.at(utc(2026, 3, 2, 20, 0))
    confirm = await session.send(maya, "/forget")
    kept = await session.press(maya, confirm.last, "Keep my data")
    assert kept.last.text == "Nothing was deleted."
    confirm = await session.send(maya, "/forget")
    done = await session.press(maya, confirm.last, "Delete everything")
    assert done.last.text.startswith("🗑 Done:")
    with sqlite3.connect(session.database_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            for column in columns:
                found = conn.execute(
                    f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (maya.user_id,)
                ).fetchone()[0]
                assert found == 0, f"{table}.{column} still holds Maya"
    assert rows(session, "SELECT title FROM posts") == [("mine",), ("jo2",)]


def test_every_table_with_user_data_is_covered(session: Session) -> None:
    with sqlite3.connect(session.database_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    # A group is the room's, not a member's; handled updates are bare update ids and times; the
    # inbox holds only updates in hand, each gone within one long poll of being handled.
    assert tables - set(USER_ROWS) == {"groups", "handled_updates", "inbox"}


@pytest.mark.parametrize("data", ["1|forget", "1|forget|maybe", "1|forget|YES"])
async def test_forged_forget_buttons(session: Session, maya: Person, data: str) -> None:
    await session.send(maya, "/post tiktok keep me")
    confirm = await session.send(maya, "/forget")
    pressed = await session.press(maya, confirm.last, data=data)
    assert pressed.alerts == ["That button is out of date. Send the command again."]
    assert rows(session, "SELECT title FROM posts") == [("keep me",)]


async def test_a_second_delete_everything_press_is_already_done_and_deletes_nothing_new(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/post tiktok old")
    session.clock.set(session.clock.now() + timedelta(minutes=1))
    confirm = await session.send(maya, "/forget")
    session.clock.set(session.clock.now() + timedelta(minutes=1))
    done = await session.press(maya, confirm.last, "Delete everything")
    assert done.last.text.startswith("🗑 Done:")
    again = await session.press(maya, confirm.last, "Delete everything")
    assert again.alerts == ["Already done."]
    assert again.messages == []
    session.clock.set(session.clock.now() + timedelta(hours=1))
    await session.send(maya, "/post tiktok fresh start")
    late = await session.press(maya, confirm.last, "Delete everything")
    assert late.alerts == ["Already done."]
    assert rows(session, "SELECT title FROM posts") == [("fresh start",)]


async def test_the_export_holds_others_rows_only_when_they_share_them_with_you(
    session: Session, maya: Person
) -> None:
    """Kim shares her posts and handles with the room; Lee shares neither. Both cheer Maya's post
    and follow her. Maya's export carries her own rows,
    Kim's cheer and follow, and nothing of Lee's."""
    kim, lee = session.person("Kim"), session.person("Lee")
    await room_of(session, maya, kim, lee)
    await session.send(kim, "/share handles on")
    await session.send(lee, "/share posts off")
    checkin = await session.send(maya, "/post tiktok x #food", chat_id=ROOM)
    for person in (kim, lee):
        await session.press(person, checkin.last, "👏 Cheer")
        await session.send(person, "/followed Maya", chat_id=ROOM)
    await session.send(maya, "/followed Kim", chat_id=ROOM)
    exchange = await session.send(maya, "/export")
    exported = json.loads(unzipped(exchange.messages[0].content)["postpact-20260302.json"])
    assert [c["user_id"] for c in exported["cheers"]] == [kim.user_id]
    assert {(f["follower_id"], f["followed_id"]) for f in exported["follows"]} == {
        (kim.user_id, maya.user_id),
        (maya.user_id, kim.user_id),
    }
    everything = json.dumps(exported)
    assert str(lee.user_id) not in everything
