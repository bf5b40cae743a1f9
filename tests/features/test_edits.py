"""Editing a message: commands react to new messages only; an edit of a `/post` the bot logged
corrects that post (link, title, tags) and says so; any other edit is ignored."""

from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import HOSTILE, ROOM, count, room_of, rows


async def test_editing_a_post_corrects_it_instead_of_logging_another(
    session: Session, maya: Person
) -> None:
    sent = await session.send(maya, "/post tiktok typo #oops")
    fixed = await session.edit(maya, sent, "/post tiktok fixed https://vm.tiktok.com/abc #recipes")
    assert fixed.text == "✏️ Corrected #1 · TikTok · “fixed” #recipes"
    assert rows(session, "SELECT number, title, link FROM posts") == [
        (1, "fixed", "https://vm.tiktok.com/abc")
    ]
    assert rows(session, "SELECT tag FROM post_tags") == [("recipes",)]
    assert count(session, "entries") == 1


async def test_an_edit_in_chinese_is_answered_in_chinese(session: Session) -> None:
    li = session.person("Li", language_code="zh-hans")
    sent = await session.send(li, "/post douyin 错字")
    fixed = await session.edit(li, sent, "/post douyin 改好了")
    assert fixed.text == "✏️ 已更正 #1 · 抖音 · 《改好了》"


async def test_an_edit_cannot_move_a_post_to_another_platform(
    session: Session, maya: Person
) -> None:
    sent = await session.send(maya, "/post tiktok typo")
    moved = await session.edit(maya, sent, "/post youtube typo")
    assert moved.text == (
        "An edit can change a post's link, title and tags, not its platform.\n\n"
        "Post #1 is unchanged."
    )
    assert rows(session, "SELECT platform, title FROM posts") == [("tiktok", "typo")]


async def test_an_edit_that_makes_the_post_invalid_changes_nothing(
    session: Session, maya: Person
) -> None:
    sent = await session.send(maya, "/post tiktok typo")
    broken = await session.edit(maya, sent, "/post banana")
    assert broken.text.startswith("I don't know the platform “banana”.")
    assert broken.text.endswith("Post #1 is unchanged.")
    gone = await session.edit(maya, sent, "just words")
    assert gone.text.endswith("Post #1 is unchanged.")
    assert rows(session, "SELECT title FROM posts") == [("typo",)]


async def test_an_edit_to_a_link_already_logged_is_refused(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok https://vm.tiktok.com/one")
    sent = await session.send(maya, "/post tiktok second")
    clash = await session.edit(maya, sent, "/post tiktok https://vm.tiktok.com/one")
    assert clash.text.startswith("That link is already logged as post #1.")
    assert rows(session, "SELECT title FROM posts ORDER BY number") == [(None,), ("second",)]


@pytest.mark.parametrize("case", HOSTILE)
async def test_hostile_edits_of_a_post_get_a_friendly_reply(
    session: Session, maya: Person, case: str
) -> None:
    sent = await session.send(maya, "/post tiktok typo")
    reply = await session.edit(maya, sent, f"/post {HOSTILE[case]}")
    assert "#1" in reply.text
    assert count(session, "posts") == 1


async def test_edits_of_anything_else_are_ignored(session: Session, maya: Person) -> None:
    today = await session.send(maya, "/today")
    assert (await session.edit(maya, today, "/today")).messages == []
    hello = await session.send(maya, "hello")
    assert (await session.edit(maya, hello, "hello again")).messages == []
    refused = await session.send(maya, "/post banana")
    assert (await session.edit(maya, refused, "/post tiktok now")).messages == []
    assert count(session, "posts") == 0


async def test_editing_a_post_in_a_room_corrects_it_there(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    sent = await session.send(maya, "/post tiktok typo", chat_id=ROOM)
    fixed = await session.edit(maya, sent, "/post tiktok fixed", chat_id=ROOM)
    assert fixed.text == "✏️ Corrected #1 · TikTok · “fixed”"
    assert fixed.last.chat_id == ROOM
    assert rows(session, "SELECT title FROM posts") == [("fixed",)]
    board = await session.send(maya, "/board", chat_id=ROOM)
    assert (await session.edit(maya, board, "/board")).messages == []
