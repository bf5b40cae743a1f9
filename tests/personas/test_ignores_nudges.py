"""Sam turned reminders on, ignored them for ten days, posted once, and went quiet again. The
bot backs off instead of nagging, and comes back to daily as soon as Sam posts."""

from __future__ import annotations

import itertools
from datetime import date, time
from zoneinfo import ZoneInfo

from bot.fakeapi import Session
from tests.helpers import to
from tests.personas.diary import Diary, live

BERLIN = ZoneInfo("Europe/Berlin")
FIRST = date(2026, 3, 2)


def plan(n: int, day: date) -> list[tuple[time, str]]:
    return [(time(12, 0), "/post tiktok back at it")] if n == 10 else []


async def test_ignored_nudges_back_off_and_a_post_brings_them_back(session: Session) -> None:
    sam = session.person("Sam")
    session.clock.set(session.clock.now().replace(hour=8))
    await session.send(sam, "/timezone Europe/Berlin")
    await session.send(sam, "/nudge 20:00")

    diary = await live(session, Diary(sam, BERLIN), FIRST, 90, plan, minutes=60)

    nudged = [(day - FIRST).days for day, sent in sorted(diary.proactive.items()) if to(sam, sent)]
    # Three ignored, then every other day; the post on day 10 brings the daily nudge back.
    assert nudged[:9] == [0, 1, 2, 4, 6, 8, 11, 12, 13]
    # Then silence again: every other day, the question once after seven, then weekly.
    asked = diary.texts("🤔")
    assert len(asked) == 1
    after = [n for n in nudged if n > (asked[0][0] - FIRST).days]
    assert len(after) >= 8
    assert all(b - a == 7 for a, b in itertools.pairwise(after))
    assert len(nudged) < 30  # not 90
    followed_up = [(day - FIRST).days for day, _ in diary.texts("📈")]
    assert followed_up == [11, 13]  # the day-10 post's follow-ups, at ~24 h and ~72 h
    assert diary.busiest_day() <= 3
