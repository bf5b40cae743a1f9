"""/share in private: what a member lets rooms see, by command and by button, and its refusals."""

from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import HOSTILE, rows


async def test_share_settings_in_private(session: Session, maya: Person) -> None:
    shown = await session.send(maya, "/share")
    assert shown.text.startswith("👀 What your rooms see\nStreaks: on\nPosts and days posted: on")
    pressed = await session.press(maya, shown.last, "Follower counts: off")
    assert "Follower counts: on" in pressed.last.text
    assert rows(session, "SELECT share_followers FROM users") == [(1,)]


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.parametrize("template", ["/share {}", "/share followers {}"])
async def test_share_refuses_bad_input(
    session: Session, maya: Person, template: str, case: str
) -> None:
    await session.send(maya, "/share")
    before = rows(
        session, "SELECT share_streaks, share_posts, share_followers, share_handles FROM users"
    )
    reply = await session.send(maya, template.format(HOSTILE[case]))
    assert "/share followers on" in reply.text
    assert (
        rows(
            session, "SELECT share_streaks, share_posts, share_followers, share_handles FROM users"
        )
        == before
    )
