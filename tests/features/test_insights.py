"""Charts and /insights (private and in a room) through the fake Bot API."""

from __future__ import annotations

import io

import pytest
from matplotlib import image

from bot.fakeapi import Exchange, Person, Session
from bot.pictures.style import EMPTY, FROZEN, GOAL, HIT, POSTED_SHADES, RESTED
from tests.helpers import HOSTILE, ROOM, room_of, utc
from tests.pictures.checks import Pixels, share_of


async def day(session: Session, person: Person, dom: int, hour: int, *texts: str) -> None:
    session.clock.set(utc(2026, 3, dom, hour, 0))
    for text in texts:
        await session.send(person, text)


async def test_followers_chart_and_calendar(session: Session, maya: Person) -> None:
    await day(session, maya, 2, 9, "/followers tiktok 100", "/followers xhs 40")
    await day(session, maya, 3, 9, "/post tiktok one #food", "/metrics last saves=9")
    await day(session, maya, 5, 9, "/followers tiktok 130")
    chart = await session.send(maya, "/chart followers")
    assert chart.last.kind == "photo"
    assert chart.last.file_size > 5_000
    assert chart.last.content[:4] == b"\x89PNG"
    assert chart.last.text.startswith("📈 Followers, a panel per platform;")
    one = await session.send(maya, "/chart followers xhs")
    assert one.last.kind == "photo"
    empty = await session.send(maya, "/chart followers youtube")
    assert empty.text == "No follower counts to draw yet. /followers tiktok 1200 records one."
    calendar = await session.send(maya, "/chart calendar")
    assert calendar.last.kind == "photo"
    assert calendar.last.text.startswith("🗓 Blue: posted")
    chinese = await session.send(session.person("小李", language_code="zh"), "/chart calendar")
    assert chinese.last.text.startswith("🗓 蓝色：发布")


def picture(reply: Exchange) -> Pixels:
    assert reply.last.kind == "photo"
    pixels: Pixels = image.imread(io.BytesIO(reply.last.content))
    assert pixels.shape[1] == 1080
    return pixels


async def test_a_creator_on_two_platforms_sees_a_panel_each_and_their_goal(
    session: Session, maya: Person
) -> None:
    await day(session, maya, 2, 9, "/followers tiktok 37", "/followers xhs 1200")
    await day(session, maya, 3, 9, "/post tiktok one", "/metrics last saves=9")
    await day(session, maya, 5, 9, "/followers tiktok 52", "/followers xhs 1230")
    both = picture(await session.send(maya, "/chart followers"))
    tiktok = picture(await session.send(maya, "/chart followers tiktok"))
    assert both.shape[0] > tiktok.shape[0] * 1.6  # the sum, TikTok and Xiaohongshu: a panel each
    assert share_of(both, HIT) > 0  # the hit's star
    # The default goal, +100 across platforms, is drawn on the panel of their sum...
    assert share_of(both, GOAL) > 0
    assert share_of(tiktok, GOAL) == 0  # ...not on one platform's
    await session.send(maya, "/goals followers 80 tiktok")
    assert share_of(picture(await session.send(maya, "/chart followers tiktok")), GOAL) > 0
    assert share_of(picture(await session.send(maya, "/chart followers xhs")), GOAL) == 0


async def test_the_calendar_shows_posted_rest_and_covered_days_in_their_colours(
    session: Session, maya: Person
) -> None:
    await day(session, maya, 2, 9, "/post tiktok one")  # a Monday
    await day(session, maya, 3, 9, "/rest")  # the week's one day off
    await day(session, maya, 9, 9, "/post tiktok two", "/post tiktok three")
    await day(session, maya, 11, 9, "/post tiktok four")  # the 10th missed: the allowance covers it
    pixels = picture(await session.send(maya, "/chart calendar"))
    grid = pixels[150:-110]  # above the legend's swatches
    for colour in (*POSTED_SHADES[:2], RESTED, FROZEN, EMPTY):
        assert share_of(grid, colour) > 0.001, colour


@pytest.mark.parametrize("case", HOSTILE)
async def test_chart_refuses_bad_input(session: Session, maya: Person, case: str) -> None:
    reply = await session.send(maya, f"/chart {HOSTILE[case]}")
    assert "/chart followers [platform] — followers over time" in reply.text
    assert len(reply.text) < 1500


async def test_insights_with_exact_numbers(session: Session, maya: Person) -> None:
    await session.send(maya, "/niche Home cooking #food")
    await day(session, maya, 2, 9, "/followers tiktok 100")
    await day(session, maya, 2, 12, "/post tiktok a #food", "/metrics last saves=6")
    await day(session, maya, 3, 12, "/post tiktok b #food #quick", "/metrics last saves=2")
    await day(session, maya, 4, 9, "/followers tiktok 130")
    await day(session, maya, 4, 12, "/post tiktok c #quick", "/metrics last saves=1")
    await day(session, maya, 5, 9, "/followers tiktok 134")
    reply = await session.send(maya, "/insights")
    lines = reply.text.splitlines()
    assert lines[:6] == [
        "🔎 What works for you",
        "",
        "What brings followers (per post, between two counts)",
        "• #food: +15.0 per post (2 posts)",
        "• #quick: +9.5 per post (2 posts)",
        "• TikTok: +11.3 per post (3 posts)",
    ]
    assert "• #food: 1 of 2 (50%)" in lines
    assert "This month 67% of posts on your niche tags; last month —." in lines
    assert "Habit strength" in reply.text
    assert "Not enough data to project 234" in reply.text  # no program: +100 from today's 134


async def test_insights_say_when_there_is_too_little(session: Session, maya: Person) -> None:
    reply = await session.send(maya, "/insights")
    assert reply.text.count("Too little data") == 3
    assert reply.text.endswith("Send /followers <platform> <count> so I can measure your growth.")


async def test_room_insights_only_from_what_members_share(session: Session, maya: Person) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    await session.send(maya, "/share posts off")
    for dom in (2, 3, 4):
        await day(session, maya, dom, 12, "/post tiktok secret #hidden")
        await day(session, jo, dom, 12, "/post xhs open #shown")
    reply = await session.send(jo, "/insights", chat_id=ROOM)
    assert reply.text.startswith("🔎 Group 100555: what works here")
    assert "#hidden" not in reply.text
    assert "TikTok" not in reply.text
    assert "• Xiaohongshu: 0 of 3 (0%)" in reply.text
    assert "Only from what members share (/share)." in reply.text


async def test_the_monthly_review_carries_a_summary_card(session: Session, maya: Person) -> None:
    await session.send(maya, "/nudge 20:00")
    await session.send(maya, "/post tiktok one")
    await session.at(utc(2026, 4, 1, 20, 0))
    photos = [m for m in session.server.bot_messages(maya.user_id) if m.kind == "photo"]
    assert len(photos) == 1
    assert photos[0].file_size > 5_000
    pixels = image.imread(io.BytesIO(photos[0].content))
    assert pixels.shape[:2] == (1350, 1080)  # the portrait review card, to post as it is
