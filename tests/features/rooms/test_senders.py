"""Who a room message is from: a person, an admin posting anonymously as the group, or someone
posting as their channel (refused: Telegram gives every channel the same placeholder sender)."""

from __future__ import annotations

from bot.fakeapi import Person, Session
from tests.helpers import ROOM, count, room_of, rows

ROOM_B = -100777
CHANNEL_BOT_ID = 136817688


async def test_posts_sent_as_channels_are_refused_and_never_merged(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, maya)
    await session.send(jo, "/join", chat_id=ROOM_B)
    refused = await session.send(maya, "/post tiktok mine", chat_id=ROOM, channel=-1001)
    assert refused.text == (
        "Post as yourself for that: a message sent as a channel can't be counted for a person."
    )
    await session.send(jo, "/post tiktok theirs", chat_id=ROOM_B, channel=-1002)
    await session.send(jo, "/join", chat_id=ROOM_B, channel=-1002)
    assert rows(session, "SELECT COUNT(*) FROM users WHERE user_id = ?", CHANNEL_BOT_ID) == [(0,)]
    assert count(session, "posts") == 0
    board = await session.send(jo, "/board", chat_id=ROOM_B)
    assert "Channel" not in board.text
    assert "mine" not in board.text


async def test_a_channel_post_in_chinese_room_is_refused_in_chinese(
    session: Session, maya: Person
) -> None:
    await room_of(session, maya)
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    await session.send(maya, "/groupsettings lang zh", chat_id=ROOM)
    refused = await session.send(maya, "/board", chat_id=ROOM, channel=-1001)
    assert refused.text == "这个操作请用自己的身份发送：以频道身份发的消息无法算在某个人名下。"


async def test_another_bots_command_sent_as_a_channel_gets_no_answer(
    session: Session, maya: Person
) -> None:
    await room_of(session, maya)
    assert (await session.send(maya, "/start", chat_id=ROOM, channel=-1001)).messages == []
    assert (await session.send(maya, "hello", chat_id=ROOM, channel=-1001)).messages == []


async def test_automatic_forwards_from_a_linked_channel_are_ignored(
    session: Session, maya: Person
) -> None:
    await room_of(session, maya)
    forwarded = await session.send(
        maya,
        "/post tiktok from the channel",
        chat_id=ROOM,
        channel=-1001,
        extra={"is_automatic_forward": True, "from": {"id": 777000, "is_bot": False,
                                                      "first_name": "Telegram"}},
    )  # fmt: skip
    assert forwarded.messages == []
    assert count(session, "posts") == 0


async def test_a_forged_group_sender_from_a_member_is_not_an_anonymous_admin(
    session: Session, maya: Person
) -> None:
    await room_of(session, maya)
    forged = await session.send(
        maya,
        "/groupsettings time 20:00",
        chat_id=ROOM,
        extra={"sender_chat": {"id": ROOM, "type": "supergroup", "title": "Group 100555"}},
    )
    assert forged.text == "Only the group's admins can do that."
    assert rows(session, "SELECT digest_time FROM groups") == [("21:00",)]
    real = await session.send(maya, "/groupsettings time 20:00", chat_id=ROOM, anonymous=True)
    assert "Digest: 20:00 (UTC)" in real.text
