"""Nobody can flood the bot: a burst of 20 commands then 1 a second (real time), 200 posts and 50
follower counts in a user's local day, each refused politely and once."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from bot.fakeapi import Person, Session
from bot.throttle import Throttle, Verdict
from tests.helpers import count, rows


class Ticks:
    """The throttle's real-time source, stepped by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks(session: Session) -> Ticks:
    stepped = Ticks()
    session.bot.throttle.ticks = stepped
    return stepped


async def test_the_20th_command_is_answered_the_21st_told_to_wait_then_one_a_second(
    session: Session, maya: Person, ticks: Ticks
) -> None:
    for n in range(20):
        assert (await session.send(maya, "/today")).messages, f"command {n + 1} unanswered"
    told = await session.send(maya, "/today")
    assert told.texts == [
        "⏳ That's a lot at once. I'll take your next one in 1 second; "
        "until then I'm not answering."
    ]
    assert (await session.send(maya, "/today")).messages == []  # the same stretch: quiet
    assert (await session.send(maya, "/post tiktok flood")).messages == []
    assert count(session, "posts") == 0  # a dropped /post stores nothing
    ticks.now += 1.0
    assert (await session.send(maya, "/today")).messages  # one more, a second later
    again = await session.send(maya, "/today")  # a new stretch: told once more
    assert again.text.startswith("⏳")


async def test_a_flooder_does_not_hold_up_anyone_else(
    session: Session, maya: Person, ticks: Ticks
) -> None:
    kim = session.person("Kim")
    for _ in range(25):
        await session.send(maya, "/today")
    assert (await session.send(kim, "/today")).messages


async def test_button_presses_count_toward_the_burst(
    session: Session, maya: Person, ticks: Ticks
) -> None:
    settings = await session.send(maya, "/settings")
    for _ in range(18):
        await session.send(maya, "/today")
    pressed = await session.press(maya, settings.last, data=settings.last.buttons[0][1])
    assert "⏳" not in "".join(pressed.alerts)  # the 20th: answered
    refused = await session.press(maya, settings.last, data=settings.last.buttons[0][1])
    assert refused.alerts == ["⏳ Too many at once. Try again in a moment."]
    assert refused.messages == []
    quiet = await session.press(maya, settings.last, data=settings.last.buttons[0][1])
    assert quiet.alerts == []
    assert quiet.messages == []


async def test_the_chinese_user_is_told_in_chinese(session: Session, ticks: Ticks) -> None:
    li = session.person("Li", language_code="zh-hans")
    for _ in range(20):
        await session.send(li, "/today")
    assert (await session.send(li, "/today")).text.startswith("⏳ 一下子太多啦")


def seed_usage(session: Session, person: Person, kind: str, used: int) -> None:
    """As if `used` were already recorded today (2026-03-02, the session's local day)."""
    rows(
        session,
        "INSERT INTO daily_usage (user_id, kind, day, used) VALUES (?, ?, '2026-03-02', ?)",
        person.user_id,
        kind,
        used,
    )


async def test_the_200th_post_of_the_day_is_logged_the_201st_refused_tomorrow_again(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/start")
    seed_usage(session, maya, "posts", 198)
    assert (await session.send(maya, "/post tiktok 199th")).text.startswith("✅ Logged #1")
    assert (await session.send(maya, "/post tiktok 200th")).text.startswith("✅ Logged #2")
    refused = await session.send(maya, "/post tiktok 201st")
    assert refused.text == (
        "That's 200 posts today, the most I log in one day: this one isn't logged. "
        "Logging opens again when your next day starts (00:00 your time)."
    )
    assert count(session, "posts") == 2
    session.clock.advance(timedelta(days=1))
    assert (await session.send(maya, "/post tiktok next day")).text.startswith("✅ Logged #3")


async def test_a_duplicate_link_does_not_use_up_the_day(session: Session, maya: Person) -> None:
    await session.send(maya, "/start")
    seed_usage(session, maya, "posts", 198)
    await session.send(maya, "/post tiktok https://www.tiktok.com/@maya/video/1")
    dup = await session.send(maya, "/post tiktok https://www.tiktok.com/@maya/video/1")
    assert "already logged" in dup.text
    assert (await session.send(maya, "/post tiktok 200th")).text.startswith("✅ Logged #2")


async def test_the_50th_follower_count_is_stored_the_51st_refused_tomorrow_again(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/start")
    seed_usage(session, maya, "follower_counts", 49)
    assert (await session.send(maya, "/followers tiktok 1200")).text.startswith("📈")
    refused = await session.send(maya, "/followers tiktok 1210")
    assert refused.text.startswith("You've sent follower counts 50 times today")
    assert rows(session, "SELECT count FROM follower_counts") == [(1200,)]
    session.clock.advance(timedelta(days=1))
    assert (await session.send(maya, "/followers tiktok 1300")).text.startswith("📈")


def test_the_bucket_refills_in_real_time() -> None:
    now = [0.0]
    throttle = Throttle(burst=2, rate=1.0, ticks=lambda: now[0])
    assert [throttle.check(1) for _ in range(4)] == [
        Verdict.ALLOW, Verdict.ALLOW, Verdict.TELL, Verdict.QUIET
    ]  # fmt: skip
    assert throttle.wait_seconds(1) == 1
    now[0] = 0.5
    assert throttle.check(1) is Verdict.QUIET
    now[0] = 1.0
    assert throttle.check(1) is Verdict.ALLOW
    now[0] = 100.0
    assert [throttle.check(1) for _ in range(3)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.TELL]


async def test_a_post_that_is_not_stored_is_not_counted_and_its_update_can_come_again(
    session: Session, maya: Person
) -> None:
    """The day's count commits with the post or not at all: a post whose write fails (here a
    trigger refuses it) leaves no count and no "handled" record, so Telegram's redelivery of
    that update would store it."""
    await session.send(maya, "/start")
    with sqlite3.connect(session.database_path) as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON posts"
            " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )
    sent = await session.send(maya, "/post tiktok lost")
    assert sent.text.startswith("Sorry, I couldn't save that just now")
    assert rows(session, "SELECT * FROM daily_usage") == []
    assert rows(session, "SELECT COUNT(*) FROM handled_updates") == [(1,)]  # /start only
