"""The weekly summary comes with a card: a room sees a 1080×1350 picture of its week first, then
the summary's text — in a forum topic as much as in the group, before every part of a long one —
and the monthly review stays text."""

from __future__ import annotations

import io

import pytest
from matplotlib import image

from bot.fakeapi import Person, Session
from bot.fakeapi.messages import StoredMessage
from bot.features.rooms import digests
from bot.store import Store
from tests.helpers import ROOM, in_room, room_of, utc

MONDAY_EVENING = utc(2026, 3, 9, 21, 0)  # the summary of the week Mar 2 – Mar 8 is due


def size_of(photo: StoredMessage) -> tuple[int, int]:
    pixels = image.imread(io.BytesIO(photo.content))
    return int(pixels.shape[1]), int(pixels.shape[0])


def summary_and_card(sent: list[StoredMessage]) -> list[StoredMessage]:
    """The room's messages of the weekly summary: its card and its text (not the day's digest)."""
    room = in_room(sent)
    return [m for m in room if m.kind == "photo" or "the week" in m.text or "本周" in m.text]


async def a_week_of_posts(session: Session, *people: Person) -> None:
    for dom in (3, 4, 5):
        session.clock.set(utc(2026, 3, dom, 12, 0))
        for person in people:
            await session.send(person, "/post tiktok x")


async def test_a_room_gets_its_weekly_summary_as_a_card_then_the_text(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    await a_week_of_posts(session, maya)
    card, text = summary_and_card(await session.at(MONDAY_EVENING))
    assert (card.kind, card.chat_id) == ("photo", ROOM)
    assert size_of(card) == (1080, 1350)
    assert card.file_size > 20_000  # a drawn card, not an empty canvas
    assert text.kind == "text"
    assert text.text.startswith("📊 Group 100555 · the week 2026-03-02 → 2026-03-08")


async def test_the_card_goes_into_the_rooms_forum_topic_with_the_text(
    session: Session, maya: Person
) -> None:
    await room_of(session, maya)
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    await session.send(maya, "/groupsettings topic", chat_id=ROOM, topic=77)
    await a_week_of_posts(session, maya)
    card, text = summary_and_card(await session.at(MONDAY_EVENING))
    assert (card.kind, card.thread_id) == ("photo", 77)
    assert text.thread_id == 77


async def test_a_long_summary_in_parts_still_comes_after_its_one_card(session: Session) -> None:
    people = [session.person("N" * 60 + str(n)) for n in range(90)]
    for person in people:
        await session.send(person, "/join", chat_id=ROOM)
    await a_week_of_posts(session, *people[:3])
    sent = in_room(await session.at(MONDAY_EVENING))
    kinds = [m.kind for m in sent]
    assert kinds.count("photo") == 1
    first = kinds.index("photo")
    summary = [m for m in sent[first + 1 :] if m.kind == "text"]
    assert summary[0].text.startswith("📊 Group 100555 · the week")
    lines = "\n".join(m.text for m in summary)
    assert all(person.first_name in lines for person in people)  # nobody lost after the card


async def test_a_chinese_room_gets_its_card_too(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    await session.send(maya, "/groupsettings lang zh", chat_id=ROOM)
    await a_week_of_posts(session, maya)
    room = in_room(await session.at(MONDAY_EVENING))
    photos = [m for m in room if m.kind == "photo"]
    assert len(photos) == 1
    assert size_of(photos[0]) == (1080, 1350)
    after = room[room.index(photos[0]) + 1]
    assert after.kind == "text"
    assert "本周" in after.text


async def test_the_monthly_review_stays_text(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    await a_week_of_posts(session, maya)
    await session.at(utc(2026, 3, 31, 21, 0))  # March's weekly summaries, each with its card
    sent = in_room(await session.at(utc(2026, 4, 1, 21, 0)))  # a Wednesday: the March review
    assert any("the month" in m.text for m in sent)
    assert [m.kind for m in sent] == ["text"] * len(sent)


async def test_a_week_before_the_room_existed_gets_no_card(session: Session, maya: Person) -> None:
    await room_of(session, maya)  # the room starts on Monday, Mar 2
    sent = in_room(await session.at(utc(2026, 3, 2, 21, 0)))  # the week of Feb 23 isn't the room's
    assert [m.kind for m in sent] == ["text"]


async def cannot_draw(_store: Store, card: object) -> bytes:
    """In place of the card's job (it runs in the worker process, so it is found by name)."""
    raise RuntimeError("no fonts today")


async def test_a_card_that_cannot_be_drawn_leaves_the_summary_text_to_arrive(
    session: Session, maya: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(digests, "room_card_png", cannot_draw)
    await room_of(session, maya)
    await a_week_of_posts(session, maya)
    (text,) = summary_and_card(await session.at(MONDAY_EVENING))
    assert text.kind == "text"
    assert text.text.startswith("📊 Group 100555 · the week")
