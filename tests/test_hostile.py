"""Property-based hostile input: random text (up to Telegram's 4,096 characters) to every command,
sent plainly, edited, forwarded, as a channel or as the group itself, and in a channel; random
callback data (up to 64 bytes, numbers of any size and sign, any alphabet) pressed on the buttons
of many commands' messages, in private and in a room; the fuzzed user sometimes a room admin.

Whatever happens: no ERROR log line, no "something went wrong" in any chat the bot wrote to, and
nothing of another user's (Jo's) changed or shown outside Jo's own chat."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.fakeapi import Exchange, Person, Session, StoredMessage
from bot.render.callbacks import MAX_INT
from tests.helpers import ROOM, every_button_kind, room_of, rows, unthrottled

PRIVATE_COMMANDS = (
    "/post", "/undo", "/followers", "/metrics", "/today", "/streak", "/progress", "/lang",
    "/timezone", "/daystart", "/niche", "/handle", "/plan", "/goals", "/review", "/rest",
    "/nudge", "/quiet", "/pause", "/resume", "/share", "/insights", "/chart", "/settings",
    "/start", "/help", "/cancel", "/forget", "",
)  # fmt: skip
ROOM_COMMANDS = ("/post", "/board", "/mutual", "/followed", "/buddy", "/groupgoal",
                 "/groupsettings", "/insights", "/help", "/join", "/leave", "/post@PostpactBot",
                 "")  # fmt: skip
UNEXPECTED = ("Sorry, something went wrong", "抱歉，出了点问题")
CHANNEL = -100777
HYPOTHESIS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
hostile_text = (
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
    | st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=200, max_size=4096)
    | st.integers(min_value=-(10**40), max_value=10**40).map(str)
    | st.sampled_from([
        "-1", "0", "1" * 40, "'; DROP TABLE posts; --", "<b>", "&", "@jo", "#x", "x" * 4096,
        "𝓜" * 2048, "\u202e" * 100, "tiktok " + "9" * 4000, "tiktok https://x.y/" + "a" * 4000,
        "me", "days 7", "on", "lang zh", "board growth", "topic", "@jo tiktok", "Jo",
    ])
)  # fmt: skip
SHAPES = ("plain", "edited", "forwarded")
ROOM_SHAPES = (*SHAPES, "as a channel", "as the group", "in a channel")


def joes_rows(session: Session, jo: Person) -> list[Any]:
    return [
        rows(session, "SELECT * FROM posts WHERE user_id = ?", jo.user_id),
        rows(session, "SELECT * FROM follower_counts WHERE user_id = ?", jo.user_id),
        rows(session, "SELECT * FROM post_metrics WHERE post_id IN"
                      " (SELECT post_id FROM posts WHERE user_id = ?)", jo.user_id),
        rows(session, "SELECT * FROM programs WHERE user_id = ?", jo.user_id),
        rows(session, "SELECT language, timezone, nudge_time, niche, hit_threshold, share_posts"
                      " FROM users WHERE user_id = ?", jo.user_id),
        rows(session, "SELECT * FROM user_platforms WHERE user_id = ?", jo.user_id),
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


@pytest.fixture
def errors(caplog: pytest.LogCaptureFixture) -> Callable[[], list[str]]:
    """Every ERROR (or worse) line logged so far in this test."""
    caplog.set_level(logging.INFO)
    return lambda: [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def everything_since(session: Session, mark: int) -> list[StoredMessage | str]:
    """What the bot did after call `mark`, in every chat: messages sent or edited, and alerts."""
    seen: list[StoredMessage | str] = []
    for call in session.server.calls[mark:]:
        if call.method == "answerCallbackQuery":
            seen.append(str(call.params.get("text") or ""))
        elif isinstance(call.result, dict) and "chat" in call.result:
            stored = session.server.message(call.result["chat"]["id"], call.result["message_id"])
            if stored is not None:
                seen.append(stored)
    return seen


def assert_clean(session: Session, mark: int, jo: Person, errors: Callable[[], list[str]]) -> None:
    """No apology anywhere, no ERROR line, and nothing of Jo's outside Jo's own chat."""
    assert errors() == []
    for item in everything_since(session, mark):
        text = item if isinstance(item, str) else item.text
        assert not any(marker in text for marker in UNEXPECTED), text
        if isinstance(item, StoredMessage) and item.chat_id == jo.user_id:
            continue
        for secret in ("jo-secret-title", "7654321", "7,654,321"):
            assert secret not in text


async def say(session: Session, maya: Person, text: str, shape: str, room: bool) -> Exchange:
    """Maya sends `text` in her private chat or the room, in one of the shapes Telegram has."""
    chat = ROOM if room else None
    if shape == "edited":
        await session.send(maya, "/today", chat_id=chat)
        return await session.edit(maya, None, text, chat_id=chat)
    if shape == "forwarded":
        origin = session.person("Forwarded", user_id=777_001)
        return await session.forward(maya, text, origin, chat_id=chat)
    if shape == "as a channel":
        return await session.send(maya, text, chat_id=ROOM, channel=CHANNEL)
    if shape == "as the group":
        return await session.send(maya, text, chat_id=ROOM, anonymous=True)
    if shape == "in a channel":
        return await session.channel_post(maya, text, channel=CHANNEL)
    return await session.send(maya, text, chat_id=chat)


@HYPOTHESIS
@given(command=st.sampled_from(PRIVATE_COMMANDS), args=hostile_text, shape=st.sampled_from(SHAPES))
async def test_any_text_to_any_private_command(
    session: Session,
    maya: Person,
    jo: Person,
    errors: Callable[[], list[str]],
    command: str,
    args: str,
    shape: str,
) -> None:
    before, mark = joes_rows(session, jo), len(session.server.calls)
    await say(session, maya, f"{command} {args}"[:4096], shape, room=False)
    assert_clean(session, mark, jo, errors)
    assert joes_rows(session, jo) == before


@HYPOTHESIS
@given(
    command=st.sampled_from(ROOM_COMMANDS),
    args=hostile_text,
    shape=st.sampled_from(ROOM_SHAPES),
    admin=st.booleans(),
)
async def test_any_text_to_any_room_command(
    session: Session,
    maya: Person,
    jo: Person,
    errors: Callable[[], list[str]],
    command: str,
    args: str,
    shape: str,
    admin: bool,
) -> None:
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator" if admin else "member"
    before, mark = joes_rows(session, jo), len(session.server.calls)
    await say(session, maya, f"{command} {args}"[:4096], shape, room=True)
    assert_clean(session, mark, jo, errors)
    assert joes_rows(session, jo) == before


@pytest.fixture
async def buttons(session: Session, maya: Person, jo: Person) -> list[StoredMessage]:
    """Messages with buttons from many commands, in Maya's private chat and in the room."""
    for text in (
        "/settings",
        "/post",
        "/post tiktok mine",
        "/undo",
        "/plan",
        "/plan start",
        "/plan stop",
        "/share",
        "/lang",
        "/timezone",
        "/handle",
        "/daystart",
        "/followers tiktok 100",
        "/followers tiktok 90000000",
        "https://vm.tiktok.com/abc",
        "/forget",
        "/niche",
    ):
        await session.send(maya, text)  # fmt: skip
    await session.send(maya, "/post tiktok in the room", chat_id=ROOM)
    await session.send(jo, "/post tiktok jo in the room", chat_id=ROOM)
    found = [m for chat in (maya.user_id, ROOM) for m in session.server.bot_messages(chat)]
    pool = [replace(m) for m in found if any(data for _, data in m.buttons)]  # as sent
    assert len({data.split("|")[1] for m in pool for _, data in m.buttons if data}) >= 8
    return pool


ACTIONS = sorted({kind.action for kind in every_button_kind()})
argument = (
    st.integers(min_value=-(10**40), max_value=10**40).map(str)
    | st.sampled_from(["0", "-0", "", str(MAX_INT), str(MAX_INT + 1), "9" * 40, "１", "٣"])
    | st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20)
)
button_data = (
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=64)
    | st.builds(lambda a, args: "|".join(["1", a, *args]), st.sampled_from(ACTIONS),
                st.lists(argument, max_size=4))
)  # fmt: skip


def mutated(data: str, position: int, value: str) -> str:
    """A real button's data with one argument replaced."""
    parts = data.split("|")
    parts[2 + position % max(1, len(parts) - 2)] = value
    return "|".join(parts)


def within_64_bytes(data: str) -> str:
    return data.encode()[:64].decode(errors="ignore")


@HYPOTHESIS
@given(
    pick=st.integers(min_value=0),
    data=button_data,
    real=st.booleans(),
    position=st.integers(min_value=0, max_value=3),
    value=argument,
    admin=st.booleans(),
)
async def test_any_callback_data_on_any_message(
    session: Session,
    maya: Person,
    jo: Person,
    buttons: list[StoredMessage],
    errors: Callable[[], list[str]],
    pick: int,
    data: str,
    real: bool,
    position: int,
    value: str,
    admin: bool,
) -> None:
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator" if admin else "member"
    message = buttons[pick % len(buttons)]
    if real:
        sent = [d for _, d in message.buttons if d]
        data = mutated(sent[pick % len(sent)], position, value)
    before, mark = joes_rows(session, jo), len(session.server.calls)
    await session.press(maya, message, data=within_64_bytes(data))
    assert_clean(session, mark, jo, errors)
    assert joes_rows(session, jo) == before


OUT_OF_RANGE = ("9" * 40, str(MAX_INT + 1), "-1", "0", "", "１")


async def test_every_real_button_with_each_argument_out_of_range(
    session: Session,
    maya: Person,
    jo: Person,
    buttons: list[StoredMessage],
    errors: Callable[[], list[str]],
) -> None:
    """Not left to chance: each button the pool's messages carry, each of its arguments in turn
    replaced by a huge, negative, zero, empty or non-ASCII number, pressed where it was sent."""
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    where = {(m.chat_id, data): m for m in buttons for _, data in m.buttons if data}
    assert len(where) > 30
    before, mark = joes_rows(session, jo), len(session.server.calls)
    for (_, data), message in where.items():
        for position in range(len(data.split("|")) - 2):
            for value in OUT_OF_RANGE:
                forged = within_64_bytes(mutated(data, position, value))
                await session.press(maya, message, data=forged)
    assert_clean(session, mark, jo, errors)
    assert joes_rows(session, jo) == before


async def test_buttons_copied_from_another_users_messages(
    session: Session, maya: Person, jo: Person, errors: Callable[[], list[str]]
) -> None:
    """Every button Jo was ever sent, pressed by Maya: nothing of Jo's changes or shows."""
    for text in ("/undo", "/plan stop", "/nudge", "/share", "/forget", "/post", "/settings"):
        await session.send(jo, text)
    await session.send(jo, "/post tiktok jo in the room", chat_id=ROOM)
    jo_buttons = [(m, data) for chat in (jo.user_id, ROOM)
                  for m in session.server.bot_messages(chat)
                  for _, data in m.buttons if data]  # fmt: skip
    assert len(jo_buttons) > 20
    before, mark = joes_rows(session, jo), len(session.server.calls)
    for message, data in jo_buttons:
        await session.press(maya, message, data=data)
    assert_clean(session, mark, jo, errors)
    assert joes_rows(session, jo) == before
    assert rows(session, "SELECT COUNT(*) FROM users WHERE user_id = ?", jo.user_id) == [(1,)]


SENDERS: dict[str, Callable[[Session, Person], Awaitable[Exchange]]] = {
    "edited": lambda s, p: s.edit(p, None, "/post tiktok edited", chat_id=ROOM),
    "forwarded": lambda s, p: s.forward(p, "/post tiktok fwd", s.person("Kim"), chat_id=ROOM),
    "as a channel": lambda s, p: s.send(p, "/board", chat_id=ROOM, channel=CHANNEL),
    "in a channel": lambda s, p: s.channel_post(p, "/post tiktok x", channel=CHANNEL),
}


def read_as_ptb_would(update: dict[str, Any]) -> dict[str, object]:
    parsed = Update.de_json(update, None)
    message = parsed.effective_message
    assert message is not None
    sender = message.sender_chat
    return {
        "edited": parsed.edited_message is not None,
        "forwarded": message.forward_origin is not None,
        "from": message.from_user.id if message.from_user else None,
        "sender_chat": (sender.id, sender.type) if sender else None,
        "channel_post": parsed.channel_post is not None,
    }


async def test_the_fake_api_builds_every_shape_of_message(session: Session, maya: Person) -> None:
    """The shapes the hostile tests send reach the bot as Telegram would send them."""
    await room_of(session, maya)
    seen = {}
    for shape, send in SENDERS.items():
        await send(session, maya)
        delivered = [u for c in session.server.calls_to("getUpdates") for u in c.result or []]
        seen[shape] = read_as_ptb_would(max(delivered, key=lambda u: int(u["update_id"])))
    plain = {"edited": False, "forwarded": False, "channel_post": False}
    assert seen == {
        "edited": plain | {"edited": True, "from": maya.user_id, "sender_chat": None},
        "forwarded": plain | {"forwarded": True, "from": maya.user_id, "sender_chat": None},
        "as a channel": plain | {"from": 136817688, "sender_chat": (CHANNEL, "channel")},
        "in a channel": plain
        | {"channel_post": True, "from": None, "sender_chat": (CHANNEL, "channel")},
    }
