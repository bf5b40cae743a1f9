"""/card and the review cards through the fake Bot API: a creator asks for this month's card, or
gets one with the monthly and the final review, and can post it as it is."""

from __future__ import annotations

import io
from datetime import date

import pytest
from matplotlib import image

from bot.domain.review import calendar_review
from bot.fakeapi import Person, Session
from bot.features.cards import month_card_png
from bot.store import Store
from tests.helpers import HOSTILE, utc


def size_of(photo: bytes) -> tuple[int, int]:
    pixels = image.imread(io.BytesIO(photo))
    return int(pixels.shape[1]), int(pixels.shape[0])


async def test_card_sends_this_month_so_far_as_a_picture_to_share(
    session: Session, maya: Person
) -> None:
    session.clock.set(utc(2026, 3, 3, 9, 0))
    await session.send(maya, "/post tiktok Braised pork")
    session.clock.set(utc(2026, 3, 4, 9, 0))
    await session.send(maya, "/metrics last saves=12")
    reply = await session.send(maya, "/card")
    assert reply.last.kind == "photo"
    assert reply.last.text == "🖼 Your month so far, as a picture to share."
    assert size_of(reply.last.content) == (1080, 1350)
    # The same data as /review: the calendar month counted up to today.
    store = await Store.open_reader(session.database_path)
    try:
        profile = await store.users.get(maya.user_id)
        assert profile is not None
        review = calendar_review(date(2026, 3, 4))
        expected = await month_card_png(store, profile, review, date(2026, 3, 4), "PostpactTestBot")
    finally:
        await store.close()
    assert reply.last.content == expected


async def test_card_in_chinese(session: Session) -> None:
    xiaoli = session.person("小李", language_code="zh")
    reply = await session.send(xiaoli, "/card")
    assert reply.last.kind == "photo"
    assert reply.last.text == "🖼 你这个月到目前为止的成绩图，可以直接分享。"
    assert size_of(reply.last.content) == (1080, 1350)


@pytest.mark.parametrize("case", HOSTILE)
async def test_card_takes_nothing_after_it(session: Session, maya: Person, case: str) -> None:
    reply = await session.send(maya, f"/card {HOSTILE[case]}")
    assert [m.kind for m in reply.messages] == ["text"]
    assert reply.text.startswith("/card takes nothing after it.")
    assert "/card — this month so far, as a picture to share" in reply.text
    assert len(reply.text) < 1500


async def test_card_is_private(session: Session, maya: Person) -> None:
    group = -100123
    addressed = await session.send(maya, "/card@PostpactTestBot", chat_id=group)
    assert addressed.text == "I don't know that command here. /help shows what works in a room."
    assert (await session.send(maya, "/card", chat_id=group)).messages == []  # maybe another bot's
    assert session.server.bot_messages(maya.user_id) == []
