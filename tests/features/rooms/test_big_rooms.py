"""Big rooms and odd names: every message fits Telegram's 4,096 UTF-16 code units, split between
lines and never inside a tag; names that would reorder or hide text are shown without their
invisible characters."""

from __future__ import annotations

import logging

import pytest

from bot.fakeapi import Person, Session, StoredMessage
from tests.helpers import ROOM, in_room, utc

UNEXPECTED = "Sorry, something went wrong"
# Mathematical script letters: one character each, two UTF-16 code units each.
FANCY = "𝓜𝓪𝔂𝓪𝓐𝓑𝓒𝓓𝓔𝓕𝓖𝓗𝓘𝓙𝓚𝓛𝓝𝓞𝓟𝓠𝓡𝓢𝓣𝓤𝓥𝓦𝓧𝓨𝓩"


def fancy_name(n: int) -> str:
    """A 64-character first name (Telegram's longest) in a fancy font, unique by its number."""
    digits = "".join("𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"[int(d)] for d in f"{n:03d}")
    return (FANCY * 3)[: 64 - len(digits)] + digits


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def crowd(session: Session, size: int, *, handles: bool = False) -> list[Person]:
    """`size` members with fancy names, queued all at once (each person's updates in order)."""
    people = [session.person(fancy_name(n)) for n in range(size)]
    for n, person in enumerate(people):
        if handles:
            await session.queue(person, "/share handles on")
            await session.queue(person, f"/handle tiktok @creator_{n:03d}_with_a_long_handle")
        await session.queue(person, "/join", chat_id=ROOM)
    await session.settle()
    return people


def assert_fits(parts: list[StoredMessage]) -> None:
    assert parts, "nothing was sent"
    for part in parts:
        assert UNEXPECTED not in part.text
        assert utf16(part.text) <= 4096


@pytest.fixture(autouse=True)
def no_error_lines(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)


async def test_a_board_of_150_fancy_names_arrives_in_parts_with_every_line_whole(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    people = await crowd(session, 150)
    board = await session.send(people[0], "/board", chat_id=ROOM)
    assert len(board.messages) > 1
    assert_fits(board.messages)
    lines = [line for part in board.texts for line in part.splitlines()]
    for person in people:
        (line,) = [line for line in lines if person.first_name in line]
        assert line.endswith("· —")  # the whole line, in one part
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_mutual_with_150_handles_arrives_in_parts_and_every_link_works(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    people = await crowd(session, 150, handles=True)
    mutual = await session.send(people[0], "/mutual", chat_id=ROOM)
    assert len(mutual.messages) > 1
    assert_fits(mutual.messages)
    shown = "\n".join(mutual.texts)
    for n in range(150):
        assert f"{fancy_name(n)} @creator_{n:03d}_with_a_long_handle" in shown
    links = "".join(m.html for m in mutual.messages)
    assert links.count("<a href=") == 150 == links.count("</a>")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_120_member_digest_with_fancy_names_reaches_the_room(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    people = await crowd(session, 120)
    for person in people:
        await session.queue(person, "/post tiktok x")
    await session.settle()
    digest = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert len(digest) > 1
    assert_fits(digest)
    shown = "\n".join(m.text for m in digest)
    assert all(person.first_name in shown for person in people)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_name_with_a_right_to_left_override_does_not_reorder_the_board(
    session: Session, maya: Person
) -> None:
    tricky = session.person("\u202eevil\u2066\u200b", username="tricky")
    for person in (maya, tricky):
        await session.send(person, "/join", chat_id=ROOM)
        await session.send(person, "/post tiktok x")
    board = await session.send(maya, "/board", chat_id=ROOM)
    assert board.text.splitlines()[2:] == [
        "=1 Maya — 1 · 🔥 1 · 🎯 0 · —",
        "=1 evil — 1 · 🔥 1 · 🎯 0 · —",
    ]
    digest = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert "Maya, evil" in digest[0].text
