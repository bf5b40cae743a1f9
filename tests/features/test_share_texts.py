"""Sharing a post the way phones do: the app's share text, pasted after /post or sent as is."""

from __future__ import annotations

from bot.fakeapi import Person, Session
from tests.helpers import count, rows

XHS = "http://xhslink.com/a/abc123，复制本条信息，打开【小红书】App查看精彩内容！"


async def test_a_xiaohongshu_share_text_logs_only_its_link(session: Session, maya: Person) -> None:
    reply = await session.send(maya, f"/post 小红书 {XHS}")
    assert reply.text.startswith("✅ Logged #1 · Xiaohongshu · xhslink.com/a/abc123\n")
    assert rows(session, "SELECT platform, link, title FROM posts") == [
        ("xiaohongshu", "http://xhslink.com/a/abc123", None)
    ]


async def test_a_title_keeps_the_users_full_width_punctuation(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/post 小红书 秋日穿搭：第１期 http://xhslink.com/a/x1")
    assert rows(session, "SELECT title FROM posts") == [("秋日穿搭：第１期",)]


async def test_the_platform_comes_from_the_link_when_omitted(
    session: Session, maya: Person
) -> None:
    reply = await session.send(maya, "/post https://v.douyin.com/abc/")
    assert reply.text.startswith("✅ Logged #1 · Douyin · v.douyin.com/abc\n")
    douyin = (
        "7.89 复制打开抖音，看看【秋天第一杯奶茶】 " + "https://v.douyin.com/iRNBho6u/ KJV:/ 04/17"
    )
    second = await session.send(maya, f"/post {douyin}")
    assert second.text.startswith("✅ Logged #2 · Douyin · “秋天第一杯奶茶”\n")
    assert rows(session, "SELECT platform, link FROM posts ORDER BY number") == [
        ("douyin", "https://v.douyin.com/abc"),
        ("douyin", "https://v.douyin.com/iRNBho6u"),
    ]


async def test_a_link_from_an_unknown_site_asks_for_the_platform(
    session: Session, maya: Person
) -> None:
    reply = await session.send(maya, "/post https://example.com/my-video")
    assert reply.text.startswith("I can't tell the platform from that link.")
    assert count(session, "posts") == 0


async def test_a_long_caption_is_stored_shortened_and_the_reply_says_so(
    session: Session, maya: Person
) -> None:
    caption = "今天分享一个超级简单的秋日穿搭，" * 20  # 320 characters
    reply = await session.send(maya, f"/post 小红书 {caption}")
    assert rows(session, "SELECT title FROM posts") == [(caption[:200],)]
    assert "The caption was longer than 200 characters: its first 200 are the title." in reply.text
    # A huge one too: the title is never longer than 200 characters.
    huge = await session.send(maya, "/post tiktok " + "x" * 5000)
    assert huge.text.startswith("✅ Logged #2 · TikTok")
    assert rows(session, "SELECT length(title) FROM posts WHERE number = 2") == [(200,)]
