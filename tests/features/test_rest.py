"""/rest takes today (the default), yesterday (or 昨天), or undo; anything else gets the usage."""

from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import rows, utc

USAGE = "/rest or /rest today — rest today"


async def test_rest_yesterday_rests_yesterday_not_today(session: Session, maya: Person) -> None:
    session.clock.set(utc(2026, 3, 4, 12, 0))  # a Wednesday
    reply = await session.send(maya, "/rest yesterday")
    assert reply.text.startswith("😌 Yesterday (2026-03-03) is a rest day.")
    assert rows(session, "SELECT local_date FROM rest_days") == [("2026-03-03",)]
    again = await session.send(maya, "/rest 昨天")
    assert again.text.startswith("That day is already a rest day.")


async def test_rest_today_and_undo(session: Session, maya: Person) -> None:
    await session.send(maya, "/goals rest 2")
    today = await session.send(maya, "/rest today")
    assert today.text.startswith("😌 Rest day.")
    undone = await session.send(maya, "/rest undo")
    assert undone.text == "Rest day on 2026-03-02 taken back."
    assert rows(session, "SELECT local_date FROM rest_days") == []
    assert (await session.send(maya, "/rest undo")).text.startswith(
        "No rest day today or yesterday to take back."
    )


async def test_rest_yesterday_after_posting_that_day(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok monday")
    session.clock.set(utc(2026, 3, 3, 12, 0))
    reply = await session.send(maya, "/rest yesterday")
    assert reply.text.startswith("You posted that day, no rest needed.")


@pytest.mark.parametrize(
    "args", ["tomorrow", "today yesterday", "2026-03-01", "<b>x</b>", "x" * 5000, "-1"]
)
async def test_rest_refuses_anything_else_with_the_usage(
    session: Session, maya: Person, args: str
) -> None:
    reply = await session.send(maya, f"/rest {args}")
    assert reply.text.startswith("I didn't understand that.")
    assert USAGE in reply.text
    assert len(reply.text) < 1000
    assert rows(session, "SELECT local_date FROM rest_days") == []
