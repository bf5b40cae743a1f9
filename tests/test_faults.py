"""Faults, bounded in time: the Bot API failing in every way for a while, the database refusing
writes, and the bot killed mid-stream. Nothing acknowledged is lost; nothing is sent twice."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time

import pytest

from bot.fakeapi import Person, Session
from bot.fakeapi.server import HANG, RESET
from tests.helpers import ROOM, room_of, rows, set_up, to, unthrottled, utc

STORAGE = "Sorry, I couldn't save that just now: my storage is unavailable."


@pytest.fixture(params=["aiohttp", "httpx"])
def on_each_transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The network faults, on the default transport and on PTB's httpx one (HTTP_TRANSPORT):
    each maps "never left" and "may have arrived" its own way, and both must hold."""
    monkeypatch.setenv("HTTP_TRANSPORT", request.param)
    return str(request.param)


each_transport = pytest.mark.usefixtures("on_each_transport")


async def pragma(session: Session, sql: str) -> int | None:
    """A pragma on the bot's own connection: what the operating system would do to its file."""
    connection = session.bot.services.store.db._conn
    async with connection.execute(sql) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else None


async def test_a_locked_database(
    session: Session, maya: Person, caplog: pytest.LogCaptureFixture
) -> None:
    await session.send(maya, "/post tiktok before")
    blocker = sqlite3.connect(session.database_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    refused = await session.send(maya, "/post tiktok locked out")
    assert refused.text.startswith(STORAGE)
    assert "the database refused a write (database is locked): nothing was stored" in caplog.text
    assert time.monotonic() - started < 10  # waited the busy timeout once, then answered
    blocker.rollback()
    blocker.close()
    assert (await session.send(maya, "/post tiktok after")).text.startswith("✅ Logged #2")
    assert rows(session, "SELECT title FROM posts ORDER BY number") == [("before",), ("after",)]


async def test_a_read_only_database(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok before")
    await pragma(session, "PRAGMA query_only = ON")
    refused = await session.send(maya, "/followers tiktok 100")
    assert refused.text.startswith(STORAGE)
    pressed = await session.press(maya, (await session.send(maya, "/undo")).last, "Yes, remove it")
    assert pressed.alerts == ["Couldn't save that just now. Try again in a few minutes."]
    assert (await session.send(maya, "/today")).text.startswith("Today, 2026-03-02")  # reads work
    await pragma(session, "PRAGMA query_only = OFF")
    assert (await session.send(maya, "/followers tiktok 100")).text.startswith("📈")
    assert rows(session, "SELECT COUNT(*) FROM posts") == [(1,)]


async def test_a_full_disk_leaves_no_partial_rows(session: Session, maya: Person) -> None:
    unthrottled(session)  # 80 posts at once, on purpose
    pages = await pragma(session, "PRAGMA page_count")
    await pragma(session, f"PRAGMA max_page_count = {pages}")
    acknowledged = 0
    refused = 0
    for n in range(80):
        reply = await session.send(maya, f"/post tiktok {'x' * 150} {n} #tag{n} #more{n}")
        if reply.text.startswith("✅ Logged"):
            acknowledged += 1
        else:
            assert reply.text.startswith(STORAGE)
            refused += 1
    assert refused > 0
    await pragma(session, "PRAGMA max_page_count = 1073741823")
    assert rows(session, "SELECT COUNT(*) FROM posts") == [(acknowledged,)]
    orphans = "SELECT COUNT(*) FROM post_tags WHERE post_id NOT IN (SELECT post_id FROM posts)"
    assert rows(session, orphans) == [(0,)]
    assert rows(session, "SELECT COUNT(*) FROM post_tags") == [(2 * acknowledged,)]
    assert (await session.send(maya, "/today")).text.startswith("Today, 2026-03-02")


@each_transport
async def test_api_errors_resets_and_floods_during_a_fan_out_send_nothing_twice(
    session: Session,
) -> None:
    people = [session.person(f"P{n}") for n in range(12)]
    for person in people:
        await set_up(session, person, "UTC", "20:00")
    server = session.server
    server.fail("sendMessage", 500, "Internal Server Error", times=4)
    server.fail("sendMessage", RESET, "", times=3)
    server.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, times=3)
    await session.at(utc(2026, 3, 2, 20, 0))
    received = {p.user_id: len(to(p, server.bot_messages(p.user_id))) for p in people}
    assert sorted(received.values()) == [0] * 7 + [1] * 5
    # A 500 or a dropped connection may come after Telegram sent the message: the bot can't
    # tell, so it never sends again (`unknown`); a 429 says nothing was done: retried.
    statuses = "SELECT status, COUNT(*) FROM deliveries GROUP BY status ORDER BY status"
    assert rows(session, statuses) == [("sent", 5), ("unknown", 7)]
    # …and replies go on working.
    assert (await session.send(people[0], "/today")).text.startswith("Today, 2026-03-02")


@each_transport
async def test_ten_nudges_whose_answers_are_lost_arrive_once_each(session: Session) -> None:
    people = [session.person(f"P{n}") for n in range(10)]
    for person in people:
        await set_up(session, person, "UTC", "20:00")
    server = session.server
    server.fail("sendMessage", RESET, "", times=2, after_work=True)
    server.fail("sendMessage", 502, "Bad Gateway", after_work=True)
    server.fail("sendMessage", 500, "Internal Server Error", after_work=True)
    await session.at(utc(2026, 3, 2, 20, 0))
    received = {p.user_id: len(to(p, server.bot_messages(p.user_id))) for p in people}
    assert received == {p.user_id: 1 for p in people}  # Telegram stored each nudge once
    lost = {c.params["chat_id"] for c in server.calls_to("sendMessage") if c.error is not None}
    assert len(lost) == 4
    # The bot never heard back about those four: it says so rather than guess `sent`.
    unknown = "SELECT chat_id FROM deliveries WHERE kind = 'nudge' AND status = 'unknown'"
    assert {chat for (chat,) in rows(session, unknown)} == lost
    assert rows(session, "SELECT COUNT(*) FROM deliveries WHERE status = 'sent'") == [(6,)]


async def test_a_room_digest_whose_answer_is_lost_arrives_once(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    await session.send(maya, "/post tiktok one", chat_id=ROOM)
    session.server.fail("sendMessage", 502, "Bad Gateway", after_work=True)
    await session.at(utc(2026, 3, 2, 21, 0))
    (digest,) = session.server.bot_messages(ROOM)[-1:]
    assert digest.text.startswith("📣 Group 100555 · 2026-03-02")
    digests = [m for m in session.server.bot_messages(ROOM) if m.text.startswith("📣")]
    assert len(digests) == 1
    ledger = "SELECT status FROM deliveries WHERE chat_id = ? AND kind = 'digest'"
    assert rows(session, ledger, ROOM) == [("unknown",)]


async def test_a_long_digest_stops_at_a_part_whose_answer_is_lost(session: Session) -> None:
    people = [session.person("N" * 60 + str(n)) for n in range(90)]
    for person in people:
        await session.send(person, "/join", chat_id=ROOM)
        await session.send(person, "/post tiktok x")
    before = len(session.server.bot_messages(ROOM))
    session.server.fail("sendMessage", RESET, "", after_work=True)
    await session.at(utc(2026, 3, 2, 21, 0))
    (lost,) = [c for c in session.server.calls_to("sendMessage") if c.error is not None]
    assert lost.params["chat_id"] == ROOM  # the digest's first part reached the room…
    sent = session.server.bot_messages(ROOM)[before:]
    assert [m.text[:1] for m in sent] == ["📣"]  # …once, and the rest was not sent after it
    ledger = "SELECT status FROM deliveries WHERE chat_id = ? AND kind = 'digest'"
    assert rows(session, ledger, ROOM) == [("unknown",)]


async def test_a_long_digest_whose_last_part_is_lost_repeats_no_part(session: Session) -> None:
    people = [session.person("N" * 60 + str(n)) for n in range(90)]
    for person in people:
        await session.send(person, "/join", chat_id=ROOM)
        await session.send(person, "/post tiktok x")
    before = len(session.server.bot_messages(ROOM))
    session.server.fail("sendMessage", 502, "Bad Gateway", after_work=True, skip=1)
    await session.at(utc(2026, 3, 2, 21, 0))
    sent = session.server.bot_messages(ROOM)[before:]
    assert len(sent) == 2  # both parts, once each: the first is not sent again after the loss
    assert len({m.text for m in sent}) == 2
    (lost,) = [c for c in session.server.calls_to("sendMessage") if c.error is not None]
    assert lost.result["message_id"] == sent[1].message_id
    ledger = "SELECT status FROM deliveries WHERE chat_id = ? AND kind = 'digest'"
    assert rows(session, ledger, ROOM) == [("unknown",)]


@each_transport
@pytest.mark.parametrize(("code", "description"), [(RESET, ""), (502, "Bad Gateway")])
async def test_a_reply_whose_answer_is_lost_is_seen_once_without_an_apology(
    session: Session,
    maya: Person,
    caplog: pytest.LogCaptureFixture,
    code: int,
    description: str,
) -> None:
    await session.send(maya, "/today")
    session.server.fail("sendMessage", code, description, after_work=True)
    reply = await session.send(maya, "/today")
    assert len(reply.messages) == 1  # what Telegram showed Maya: the reply, once
    assert reply.text.startswith("Today, 2026-03-02")
    assert "went wrong" not in reply.text
    assert [r.levelname for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "may have reached" in caplog.text  # a warning says what happened
    assert (await session.send(maya, "/today")).text.startswith("Today, 2026-03-02")


@each_transport
async def test_a_button_whose_answer_is_lost_gets_no_apology(
    session: Session, maya: Person, caplog: pytest.LogCaptureFixture
) -> None:
    undo = (await session.send(maya, "/post tiktok one")).last
    confirm = (await session.send(maya, "/undo")).last
    session.server.fail("editMessageText", 502, "Bad Gateway", after_work=True)
    pressed = await session.press(maya, confirm, "Yes, remove it")
    assert all("wrong" not in alert for alert in pressed.alerts)
    assert [r.levelname for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert rows(session, "SELECT COUNT(*) FROM posts") == [(0,)]
    assert undo.text.startswith("✅ Logged #1")


@each_transport
async def test_a_reply_while_telegram_refuses_connections_is_retried_and_arrives_once(
    session: Session, maya: Person, caplog: pytest.LogCaptureFixture
) -> None:
    await session.send(maya, "/today")
    await session.server.refuse_connections(0.5)
    reply = await session.send(maya, "/today")
    assert reply.texts == [reply.last.text]
    assert reply.text.startswith("Today, 2026-03-02")
    assert len(session.server.calls_to("sendMessage")) == 2  # the refused tries never arrived
    assert [r.levelname for r in caplog.records if r.levelno >= logging.ERROR] == []
    await session.server.reachable()


@each_transport
async def test_an_answer_that_never_comes_is_not_sent_again(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    session.server.fail("sendMessage", HANG, "", times=1)
    await session.at(utc(2026, 3, 2, 20, 0))  # the bot gives up after its 5 s read timeout
    await asyncio.sleep(1.5)  # …and the fake Telegram finishes the send a moment later
    await session.tick()
    nudges = to(maya, session.server.bot_messages(maya.user_id))
    assert len(nudges) == 1  # Telegram got it once; the bot did not try again
    assert rows(session, "SELECT status FROM deliveries WHERE kind = 'nudge'") == [("unknown",)]
