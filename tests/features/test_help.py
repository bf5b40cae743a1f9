from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import unthrottled

# The private menu, as registered with the handlers (daily things first: features' order).
PRIVATE_MENU = [
    "post", "undo", "followers", "metrics", "today", "streak", "progress", "plan", "goals",
    "review", "card", "nudge", "rest", "chart", "insights", "share", "export", "forget", "settings",
    "help",
]  # fmt: skip
ROOM_MENU = ["join", "leave", "help", "post", "board", "mutual", "followed", "insights"]
ADMIN_MENU = ["join", "leave", "help", "post", "board", "mutual", "followed", "buddy",
              "groupgoal", "groupsettings", "insights"]  # fmt: skip


async def test_help_names_every_command(session: Session, maya: Person) -> None:
    text = (await session.send(maya, "/help")).text
    for name in (
        *PRIVATE_MENU,
        "start",
        "lang",
        "timezone",
        "daystart",
        "niche",
        "handle",
        "cancel",
    ):
        assert f"/{name}" in text


async def test_unknown_commands_and_free_text_point_to_help(session: Session, maya: Person) -> None:
    assert (await session.send(maya, "/fly")).text == (
        "I don't know that command. /help lists the ones I do."
    )
    assert (await session.send(maya, "just chatting")).text == (
        "I read commands. Send /help to see them all, or /post to log a post."
    )


def published(session: Session, scope: str, lang: str = "") -> list[str]:
    return [c["command"] for c in session.server.commands[(scope, lang)]]


def described(session: Session, scope: str, lang: str = "") -> dict[str, str]:
    return {c["command"]: c["description"] for c in session.server.commands[(scope, lang)]}


async def test_command_menu_is_published_in_both_languages(session: Session) -> None:
    assert published(session, "all_private_chats") == PRIVATE_MENU
    assert published(session, "all_private_chats", "zh") == PRIVATE_MENU
    chinese = session.server.commands[("all_private_chats", "zh")]
    assert chinese[0] == {"command": "post", "description": "记录一条发布"}


async def test_rooms_get_a_menu_and_their_admins_one_with_the_settings(session: Session) -> None:
    for lang in ("", "zh"):
        assert published(session, "all_group_chats", lang) == ROOM_MENU
        assert published(session, "all_chat_administrators", lang) == ADMIN_MENU
    english = described(session, "all_chat_administrators")
    assert english["post"] == "Log a post and tell the room"
    assert english["groupsettings"] == "Digest time, timezone, language, topic"
    chinese = described(session, "all_group_chats", "zh")
    assert chinese["join"] == "加入这个小组"


async def test_every_menu_entry_is_a_command_the_bot_answers(
    session: Session, maya: Person
) -> None:
    unthrottled(session)  # every command on every menu, at once
    group = -100123
    for name in PRIVATE_MENU:
        if name != "forget":  # asks before deleting; answered all the same
            assert (await session.send(maya, f"/{name}")).messages, name
    for name in ADMIN_MENU:
        assert (await session.send(maya, f"/{name}", chat_id=group)).messages, name


async def test_group_commands_answer_only_when_addressed(session: Session, maya: Person) -> None:
    group = -100123
    other = await session.send(maya, "/post@SomeOtherBot tiktok", chat_id=group)
    assert other.messages == []
    ours = await session.send(maya, "/post@PostpactTestBot tiktok", chat_id=group)
    assert ours.text.startswith("✅ Maya posted: #1 · TikTok")
    unknown = await session.send(maya, "/nonsense@PostpactTestBot", chat_id=group)
    assert unknown.text == "I don't know that command here. /help shows what works in a room."
    elsewhere = await session.send(maya, "/nonsense@SomeOtherBot", chat_id=group)
    assert elsewhere.messages == []
    assert session.server.bot_messages(maya.user_id) == []  # nothing said privately


@pytest.mark.parametrize(
    "text", ["/foo", "/streak", "/streak@OtherBot", "/start", "/settings", "/FOO bar", "/🙂"]
)
async def test_in_a_room_other_bots_commands_get_no_answer(
    session: Session, maya: Person, text: str
) -> None:
    """Several bots share a room: a bare command not on our room menu may be any bot's."""
    group = -100123
    assert (await session.send(maya, text, chat_id=group)).messages == []
    assert session.server.bot_messages(maya.user_id) == []


@pytest.mark.parametrize(
    "text", ["/board", "/help", "/start@PostpactTestBot", "/streak@postpacttestbot"]
)
async def test_in_a_room_our_bare_menu_commands_and_addressed_ones_are_answered(
    session: Session, maya: Person, text: str
) -> None:
    assert (await session.send(maya, text, chat_id=-100123)).messages != []


@pytest.mark.parametrize(
    "data", ["", "garbage", "0|post|tiktok|t|0", "1|nope", "1|" + "x" * 62, "9|set|e|tz|open"]
)
async def test_stale_or_foreign_buttons_get_an_alert(
    session: Session, maya: Person, data: str
) -> None:
    message = (await session.send(maya, "/help")).last
    pressed = await session.press(maya, message, data=data)
    assert pressed.alerts == ["That button is out of date. Send the command again."]
    assert pressed.messages == []
