from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session
from tests.helpers import count, rows

# The same behaviour whether updates arrive by long polling or by webhook.
pytestmark = pytest.mark.both_transports


async def test_post_logs_and_replies_with_number_streak_and_month(
    session: Session, maya: Person
) -> None:
    reply = await session.send(maya, "/post tiktok https://vm.tiktok.com/abc/ My first #Recipes")
    assert reply.texts == [
        "✅ Logged #1 · TikTok · “My first” #recipes\n"
        "1 post today · streak 1 day\n"
        "This month (2026-03): 1/27 days ▰▱▱▱▱▱▱▱▱▱"
    ]
    assert rows(session, "SELECT number, platform, link, title, local_date FROM posts") == [
        (1, "tiktok", "https://vm.tiktok.com/abc", "My first", "2026-03-02")
    ]
    assert rows(session, "SELECT tag FROM post_tags") == [("recipes",)]
    second = await session.send(maya, "/post xhs")
    assert "#2 · Xiaohongshu" in second.text
    assert "2 posts today" in second.text


async def test_the_same_link_twice_is_a_duplicate(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok https://vm.tiktok.com/abc")
    reply = await session.send(maya, "/post tiktok HTTPS://VM.TIKTOK.COM/abc/")
    assert reply.text == "That link is already logged as post #1."
    assert count(session, "posts") == 1


async def test_post_without_arguments_offers_platform_buttons(
    session: Session, maya: Person
) -> None:
    picker = (await session.send(maya, "/post")).last
    assert picker.text == "Where did you post?"
    assert ("TikTok", "1|post|tiktok|t|0") in picker.buttons
    logged = await session.press(maya, picker, "Douyin")
    assert logged.texts == [
        "✅ Logged #1 · Douyin\n1 post today · streak 1 day\n"
        "This month (2026-03): 1/27 days ▰▱▱▱▱▱▱▱▱▱"
    ]
    assert logged.last.message_id == picker.message_id  # the picker became the confirmation
    assert logged.alerts == [""]
    # A second tap on the same picker (a double tap, or an old one) logs nothing more.
    again = await session.press(maya, picker, "Douyin")
    assert again.alerts == ["Already logged. Send /post again for another post."]
    assert count(session, "posts") == 1


async def test_picker_shows_only_the_users_platforms(session: Session, maya: Person) -> None:
    await session.send(maya, "/handle youtube @maya")  # choosing a handle adds the platform
    picker = (await session.send(maya, "/post yesterday")).last
    assert picker.text == "Where did you post yesterday?"
    assert [label for label, _ in picker.buttons] == ["YouTube"]
    logged = await session.press(maya, picker, "YouTube")
    assert "Logged for yesterday" in logged.text
    assert rows(session, "SELECT local_date FROM posts") == [("2026-03-01",)]


async def test_yesterday_backfills_one_day_only(session: Session, maya: Person) -> None:
    reply = await session.send(maya, "/post 昨天 小红书 秋日穿搭")
    assert "Logged for yesterday: #1 · Xiaohongshu · “秋日穿搭”" in reply.text
    assert "streak 1 day" in reply.text
    assert rows(session, "SELECT local_date FROM posts") == [("2026-03-01",)]
    # There is no way to go further back: "yesterday yesterday" is not a platform.
    refused = await session.send(maya, "/post yesterday yesterday tiktok")
    assert refused.text.startswith("I don't know the platform “yesterday”")
    assert count(session, "posts") == 1


async def test_night_owl_post_counts_for_the_evening_before(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    await session.send(maya, "/timezone Asia/Shanghai")
    await session.send(maya, "/daystart 03:00")
    clock.set(clock.now().replace(hour=17, minute=30))  # 01:30 on 3 March in Shanghai
    await session.send(maya, "/post tiktok late one")
    assert rows(session, "SELECT local_date FROM posts") == [("2026-03-02",)]


async def test_changing_timezone_never_rewrites_history(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    clock.set(clock.now().replace(hour=23))  # 23:00 UTC on 2 March
    await session.send(maya, "/post tiktok")
    await session.send(maya, "/timezone UTC+8")  # now it is already 3 March there
    assert rows(session, "SELECT local_date FROM posts") == [("2026-03-02",)]
    streak = await session.send(maya, "/streak")
    assert "Current streak: 1 day" in streak.text  # yesterday's post keeps the run alive


async def test_undo_asks_then_removes_the_latest_post(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok one")
    await session.send(maya, "/post tiktok two")
    ask = (await session.send(maya, "/undo")).last
    assert ask.text == "Remove post #2 · TikTok · “two” from 12:00?"
    done = await session.press(maya, ask, "Yes, remove it")
    assert done.text == "Removed post #2 · TikTok · “two”. Streak: 1 day."
    assert rows(session, "SELECT title FROM posts") == [("one",)]
    # The confirm button is spent: pressing it again removes nothing else.
    stale = await session.press(maya, ask, "Yes, remove it")
    assert stale.alerts == ["Already done: that entry is removed."]
    assert count(session, "posts") == 1


async def test_undo_can_be_declined(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok")
    ask = (await session.send(maya, "/undo")).last
    kept = await session.press(maya, ask, "Keep it")
    assert kept.text == "Kept it."
    assert count(session, "posts") == 1


async def test_undo_only_within_24_hours(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    await session.send(maya, "/post tiktok")
    ask = (await session.send(maya, "/undo")).last
    clock.advance(timedelta(hours=24, minutes=1))
    assert (await session.send(maya, "/undo")).text == (
        "There is nothing from the last 24 hours to remove."
    )
    late = await session.press(maya, ask, "Yes, remove it")
    assert late.alerts == ["There is nothing from the last 24 hours to remove."]
    assert count(session, "posts") == 1


async def test_nobody_can_undo_someone_elses_post(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok mine")
    ask = (await session.send(maya, "/undo")).last
    mallory = session.person("Mallory")
    await session.send(mallory, "/post tiktok theirs")
    # Mallory replays Maya's button data on a message of her own.
    own = (await session.send(mallory, "/undo")).last
    forged = await session.press(mallory, own, data=ask.buttons[0][1])
    assert forged.alerts == ["Already done: that entry is removed."]
    assert count(session, "posts") == 2


async def test_followers_reports_changes_per_platform_and_total(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    first = await session.send(maya, "/followers tiktok 1200")
    assert first.text == (
        "📈 TikTok: 1,200 followers\n"
        "Your first count here: the next one will show the change.\n"
        "All platforms: 1,200 (±0 since your first counts)"
    )
    await session.send(maya, "/followers 小红书 300")
    clock.advance(timedelta(days=2))
    await session.send(maya, "/followers tiktok 1150")
    clock.advance(timedelta(days=1))
    latest = await session.send(maya, "/followers 1.3k tiktok")
    assert latest.text == (
        "📈 TikTok: 1,300 followers\n"
        "+150 since the last count (2026-03-04)\n"
        "+100 since the first count (2026-03-02)\n"
        "All platforms: 1,600 (+100 since your first counts)"
    )
    assert count(session, "follower_counts") == 4


async def test_metrics_celebrate_a_hit_once(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok Dumplings")
    partial = await session.send(maya, "/metrics last saves=3 likes=40")
    assert partial.text == (
        "📊 #1 · TikTok · “Dumplings”\n3 saves · 40 likes\n2 more saves to make it a hit (5)."
    )
    hit = await session.send(maya, "/metrics 1 收藏=7")
    assert "🎉 A hit! 7 people saved it (your hit threshold is 5)." in hit.text
    assert "7 saves · 40 likes" in hit.text
    again = await session.send(maya, "/metrics #1 views=2.5k")
    assert "Still a hit 🎯" in again.text
    assert "A hit!" not in again.text
    assert rows(session, "SELECT saves, likes, views FROM post_metrics") == [(7, 40, 2500)]
    assert rows(session, "SELECT hit_date FROM posts") == [("2026-03-02",)]


async def test_metrics_for_missing_posts(session: Session, maya: Person) -> None:
    assert (
        "You haven't logged a post yet" in (await session.send(maya, "/metrics last saves=1")).text
    )
    await session.send(maya, "/post tiktok")
    missing = await session.send(maya, "/metrics 7 saves=1")
    assert missing.text.startswith("You have no post #7.")
    assert count(session, "post_metrics") == 0


async def test_a_second_count_the_same_day_replaces_the_first_and_says_so(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    await session.send(maya, "/followers tiktok 1200")
    clock.advance(timedelta(hours=2))
    fixed = await session.send(maya, "/followers tiktok 1250")
    assert fixed.text.splitlines()[:2] == [
        "📈 TikTok: 1,250 followers",
        "This replaces today's earlier count (1,200).",
    ]
    assert rows(session, "SELECT count FROM follower_counts") == [(1250,)]


async def test_followers_without_a_count_says_the_count_is_missing(
    session: Session, maya: Person
) -> None:
    reply = await session.send(maya, "/followers tiktok")
    assert reply.text.startswith("The count is missing: how many followers on tiktok?")
    assert "/followers <platform> <count>" in reply.text
    assert count(session, "follower_counts") == 0


async def test_an_implausible_jump_asks_before_storing(session: Session, maya: Person) -> None:
    await session.send(maya, "/followers 抖音 9999")
    ask = (await session.send(maya, "/followers 抖音 99999")).last
    assert ask.text == ("Did you mean that? Douyin jumps from 9,999 to 99,999 (+90,000) at once.")
    assert [label for label, _ in ask.buttons] == ["Store 99,999", "I meant 9,999", "Cancel"]
    assert rows(session, "SELECT count FROM follower_counts") == [(9999,)]
    stored = await session.press(maya, ask, "Store 99,999")
    assert stored.text.startswith("📈 Douyin: 99,999 followers")
    again = await session.press(maya, ask, "Store 99,999")
    assert again.alerts == ["Already done."]
    # The same day, so it replaced the first count.
    assert rows(session, "SELECT count FROM follower_counts") == [(99999,)]


async def test_an_implausible_drop_can_be_cancelled_or_corrected(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    await session.send(maya, "/followers tiktok 1200")
    clock.advance(timedelta(days=1))
    ask = (await session.send(maya, "/followers tiktok 12")).last
    assert ask.text.startswith("Did you mean that? TikTok drops from 1,200 to 12")
    cancelled = await session.press(maya, ask, "Cancel")
    assert cancelled.text == "Not stored."
    assert count(session, "follower_counts") == 1
    big = (await session.send(maya, "/followers tiktok 12150")).last
    fixed = await session.press(maya, big, "I meant 1,210")
    assert fixed.text.startswith("📈 TikTok: 1,210 followers")
    assert rows(session, "SELECT count FROM follower_counts") == [(1200,), (1210,)]


async def test_one_save_is_singular(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok one")
    reply = await session.send(maya, "/metrics last saves=1 likes=1 views=2")
    assert "1 save · 1 like · 2 views" in reply.text
