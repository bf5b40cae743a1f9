"""Property-based hostile input: random text to every command, random callback data (and data
copied from another user's buttons) to every button. Never an unexpected error; never another
user's data touched or shown."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.fakeapi import Person, Session
from tests.helpers import ROOM, room_of, rows, unthrottled

PRIVATE_COMMANDS = (
    "/post", "/undo", "/followers", "/metrics", "/today", "/streak", "/progress", "/lang",
    "/timezone", "/daystart", "/niche", "/handle", "/plan", "/goals", "/review", "/rest",
    "/nudge", "/quiet", "/pause", "/resume", "/share", "/insights", "/chart", "/settings",
    "/start", "/help", "/cancel", "/forget",
)  # fmt: skip
ROOM_COMMANDS = ("/post", "/board", "/mutual", "/followed", "/buddy", "/groupgoal",
                 "/groupsettings", "/insights", "/help", "/join")  # fmt: skip
UNEXPECTED = ("Sorry, something went wrong", "抱歉，出了点问题")
HYPOTHESIS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
hostile_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]), max_size=200
) | st.sampled_from(["-1", "0", "1" * 40, "'; DROP TABLE posts; --", "<b>", "&", "@jo", "#x"])


def joes_rows(session: Session, jo: Person) -> list[Any]:
    return [
        rows(session, "SELECT * FROM posts WHERE user_id = ?", jo.user_id),
        rows(session, "SELECT * FROM follower_counts WHERE user_id = ?", jo.user_id),
        rows(session, "SELECT * FROM post_metrics WHERE post_id IN"
                      " (SELECT post_id FROM posts WHERE user_id = ?)", jo.user_id),
        rows(session, "SELECT * FROM programs WHERE user_id = ?", jo.user_id),
        rows(session, "SELECT language, timezone, nudge_time, niche, hit_threshold, share_posts"
                      " FROM users WHERE user_id = ?", jo.user_id),
    ]  # fmt: skip


@pytest.fixture(autouse=True)
def _fuzzing(session: Session) -> None:
    """Hundreds of inputs from one user, on purpose: the burst limit has its own tests."""
    unthrottled(session)


@pytest.fixture
async def jo(session: Session, maya: Person) -> Person:
    """Jo, whose data Maya's input must never reach: posts, counts, metrics, a program."""
    jo = session.person("Jo", username="jo")
    await room_of(session, maya, jo)
    await session.send(jo, "/post tiktok jo-secret-title #jo")
    await session.send(jo, "/followers tiktok 7654321")
    await session.send(jo, "/metrics last saves=3")
    await session.send(jo, "/plan start")
    return jo


def assert_clean(texts: list[str], jo_secret: bool = True) -> None:
    for text in texts:
        assert not any(marker in text for marker in UNEXPECTED), text
        if jo_secret:
            assert "jo-secret-title" not in text
            assert "7654321" not in text
            assert "7,654,321" not in text


@HYPOTHESIS
@given(command=st.sampled_from(PRIVATE_COMMANDS), args=hostile_text)
async def test_any_text_to_any_private_command(
    session: Session, maya: Person, jo: Person, command: str, args: str
) -> None:
    before = joes_rows(session, jo)
    reply = await session.send(maya, f"{command} {args}")
    assert_clean(reply.texts + reply.alerts)
    assert joes_rows(session, jo) == before


@HYPOTHESIS
@given(command=st.sampled_from(ROOM_COMMANDS), args=hostile_text)
async def test_any_text_to_any_room_command(
    session: Session, maya: Person, jo: Person, command: str, args: str
) -> None:
    before = joes_rows(session, jo)
    reply = await session.send(maya, f"{command} {args}", chat_id=ROOM)
    assert_clean(reply.texts + reply.alerts)
    assert joes_rows(session, jo) == before


ACTIONS = ("post", "undo", "set", "nudge", "keep", "remind", "followup", "plan", "program", "share",
           "cheer", "forget")  # fmt: skip
button_data = (
    st.text(max_size=64)
    | st.builds(lambda a, args: "|".join(["1", a, *args]), st.sampled_from(ACTIONS),
                st.lists(st.text(alphabet="0123456789abcdefyt-|:", max_size=12), max_size=4))
)  # fmt: skip


@HYPOTHESIS
@given(data=button_data)
async def test_any_callback_data(session: Session, maya: Person, jo: Person, data: str) -> None:
    message = (await session.send(maya, "/settings")).last
    before = joes_rows(session, jo)
    pressed = await session.press(maya, message, data=data[:64])
    assert_clean([m.text for m in pressed.messages] + pressed.alerts)
    assert joes_rows(session, jo) == before


async def test_buttons_copied_from_another_users_messages(
    session: Session, maya: Person, jo: Person
) -> None:
    """Every button Jo was ever sent, pressed by Maya: nothing of Jo's changes or shows."""
    await session.send(jo, "/undo")
    await session.send(jo, "/plan stop")
    await session.send(jo, "/nudge")
    await session.send(jo, "/share")
    await session.send(jo, "/forget")
    await session.send(jo, "/post")
    jo_buttons = [(m, data) for m in session.server.bot_messages(jo.user_id)
                  for _, data in m.buttons if data]  # fmt: skip
    assert len(jo_buttons) > 20
    before = joes_rows(session, jo)
    for message, data in jo_buttons:
        pressed = await session.press(maya, message, data=data)
        assert_clean([m.text for m in pressed.messages] + pressed.alerts)
    assert joes_rows(session, jo) == before
    assert rows(session, "SELECT COUNT(*) FROM users WHERE user_id = ?", jo.user_id) == [(1,)]
