"""Sharing a post the way phones do: the app's share text, pasted after /post or sent as is."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ControllableClock
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


DOUYIN = "7.89 复制打开抖音，看看【秋天第一杯奶茶】 https://v.douyin.com/iRNBho6u/ KJV:/ 04/17"


async def test_a_shared_link_sent_as_a_message_asks_to_log_it(
    session: Session, maya: Person
) -> None:
    ask = (await session.send(maya, DOUYIN)).last
    assert ask.text == "Log this as today's Douyin post?\n“秋天第一杯奶茶”"
    assert [label for label, _ in ask.buttons] == ["Log it", "Yesterday", "No"]
    assert count(session, "posts") == 0  # nothing is stored before the answer
    logged = await session.press(maya, ask, "Log it")
    assert logged.text.startswith("✅ Logged #1 · Douyin · “秋天第一杯奶茶”\n1 post today")
    assert rows(session, "SELECT platform, link, title, local_date FROM posts") == [
        ("douyin", "https://v.douyin.com/iRNBho6u", "秋天第一杯奶茶", "2026-03-02")
    ]
    # A second press (a double tap, or the same message later) logs nothing more.
    again = await session.press(maya, ask, "Yesterday")
    assert again.alerts == ["Already logged as post #1."]
    assert count(session, "posts") == 1


async def test_a_shared_link_can_be_logged_for_yesterday_or_not_at_all(
    session: Session, maya: Person
) -> None:
    first = (await session.send(maya, XHS)).last
    assert first.text == "Log this as today's Xiaohongshu post?\nxhslink.com/a/abc123"
    yesterday = await session.press(maya, first, "Yesterday")
    assert yesterday.text.startswith("✅ Logged for yesterday: #1 · Xiaohongshu")
    assert rows(session, "SELECT local_date FROM posts") == [("2026-03-01",)]
    second = (await session.send(maya, "https://youtu.be/dQw4w9WgXcQ")).last
    declined = await session.press(maya, second, "No")
    assert declined.text == "OK, not logged."
    late = await session.press(maya, second, "Log it")
    assert late.alerts == ["You said No to this one. Send the link again to log it."]
    assert count(session, "posts") == 1


async def test_a_share_answered_the_next_day_logs_the_day_it_was_shared(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    ask = (await session.send(maya, DOUYIN)).last
    clock.advance(timedelta(days=1))
    logged = await session.press(maya, ask, "Log it")
    assert logged.text.startswith("✅ Logged for yesterday: #1 · Douyin")
    assert rows(session, "SELECT local_date FROM posts") == [("2026-03-02",)]
    old = (await session.send(maya, "https://b23.tv/abc")).last
    clock.advance(timedelta(days=1))
    refused = await session.press(maya, old, "Yesterday")
    assert refused.alerts == [
        "That was shared on 2026-03-03: I can log today or yesterday only. Use /post."
    ]
    assert count(session, "posts") == 1


async def test_a_shared_link_already_logged_says_so(session: Session, maya: Person) -> None:
    await session.send(maya, "/post douyin https://v.douyin.com/iRNBho6u/")
    ask = (await session.send(maya, DOUYIN)).last
    pressed = await session.press(maya, ask, "Log it")
    assert pressed.alerts == ["That link is already logged as post #1."]
    assert count(session, "posts") == 1


async def test_other_text_still_gets_the_pointer(session: Session, maya: Person) -> None:
    for text in ("hello", "see https://example.com/x", "https://b23.tv/a https://b23.tv/b"):
        assert (await session.send(maya, text)).text.startswith("I read commands.")
    assert count(session, "shared_links") == 0


async def test_an_awaited_answer_goes_before_a_shared_link(session: Session, maya: Person) -> None:
    await session.send(maya, "/niche")
    answered = (await session.send(maya, "Food vlogs https://v.douyin.com/abc")).last
    assert "Niche: Food vlogs" in answered.text
    assert count(session, "shared_links") == 0
    # Once answered, the next link is a check-in again.
    ask = (await session.send(maya, "https://v.douyin.com/abc")).last
    assert ask.text.startswith("Log this as today's Douyin post?")


async def test_another_users_share_button_reaches_nothing(session: Session, maya: Person) -> None:
    ben = session.person("Ben")
    ask = (await session.send(maya, DOUYIN)).last
    share_data = ask.buttons[0][1]
    own = (await session.send(ben, "/settings")).last
    pressed = await session.press(ben, own, data=share_data)
    assert pressed.alerts == ["That button is out of date. Send the command again."]
    assert count(session, "posts") == 0


async def test_hostile_and_huge_shared_messages_are_handled_kindly(
    session: Session, maya: Person
) -> None:
    hostile = (await session.send(maya, "<b>x</b> & <script> https://v.douyin.com/x")).last
    assert hostile.text == "Log this as today's Douyin post?\n“<b>x</b> & <script>”"
    logged = await session.press(maya, hostile, "Log it")
    assert "“<b>x</b> & <script>”" in logged.text
    huge = (await session.send(maya, "https://b23.tv/abc " + "长" * 4000)).last
    assert huge.text.startswith("Log this as today's Bilibili post?\n“" + "长" * 199)
    logged = await session.press(maya, huge, "Log it")
    assert "its first 200 are the title" in logged.text
    assert rows(session, "SELECT length(title) FROM posts WHERE number = 2") == [(200,)]
    # A link far too long to be a post's is not offered: the pointer answers.
    too_long = await session.send(maya, "https://b23.tv/" + "x" * 600)
    assert too_long.text.startswith("I read commands.")
