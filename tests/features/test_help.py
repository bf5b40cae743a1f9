from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from bot.features.help import MENU


async def test_help_names_every_command(session: Session, maya: Person) -> None:
    text = (await session.send(maya, "/help")).text
    for name in (*MENU, "start", "lang", "timezone", "daystart", "niche", "handle", "cancel"):
        assert f"/{name}" in text


async def test_unknown_commands_and_free_text_point_to_help(session: Session, maya: Person) -> None:
    assert (await session.send(maya, "/fly")).text == (
        "I don't know that command. /help lists the ones I do."
    )
    assert (await session.send(maya, "just chatting")).text == (
        "I read commands. Send /help to see them all, or /post to log a post."
    )


async def test_command_menu_is_published_in_both_languages(session: Session) -> None:
    english = session.server.commands[("all_private_chats", "")]
    chinese = session.server.commands[("all_private_chats", "zh")]
    assert [c["command"] for c in english] == list(MENU)
    assert [c["command"] for c in chinese] == list(MENU)
    assert chinese[0]["description"] == "记录一条发布"


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
    "data", ["", "garbage", "0|post|tiktok|t|0", "1|nope", "1|" + "x" * 62, "9|set|e|tz|open"]
)
async def test_stale_or_foreign_buttons_get_an_alert(
    session: Session, maya: Person, data: str
) -> None:
    message = (await session.send(maya, "/help")).last
    pressed = await session.press(maya, message, data=data)
    assert pressed.alerts == ["That button is out of date. Send the command again."]
    assert pressed.messages == []
