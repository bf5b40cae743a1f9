"""What a year of one active creator costs on disk, for the README's capacity arithmetic.

A year of the program's habit, written through the store as the bot writes it: a post a day (a
link, a title, two tags), a follower count a week, a metrics reading on every third post, a nudge
on half the days and a review a month (their delivery rows). Measured on a database of many such
users, after VACUUM, less the same database with only the users: the per-user growth per year.
"""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.domain.deliveries import DayPeriod, DeliveryKind, KeyPeriod
from bot.domain.models import Metrics, PostDraft
from bot.store import Store

START = datetime(2026, 1, 1, 12, tzinfo=UTC)
DAYS = 365


@dataclass(frozen=True)
class Yearly:
    users: int
    bytes_per_user: float
    empty_bytes: int


async def _year_of(store: Store, user_id: int) -> None:
    for n in range(DAYS):
        now, day = START + timedelta(days=n), date(2026, 1, 1) + timedelta(days=n)
        link = f"https://www.tiktok.com/@creator{user_id}/video/{7_300_000_000_000 + n}"
        draft = PostDraft("tiktok", link=link, title=f"Weeknight dinner idea {n}",
                          tags=("food", "quick"))  # fmt: skip
        post = await store.posts.add(user_id, draft, now, day, now + timedelta(days=1))
        if n % 3 == 0:
            reading = Metrics(saves=n % 9, likes=40 + n, views=900 + 10 * n)
            await store.posts.record_metrics(post, reading, 5, now, day)
        if n % 7 == 6:
            await store.followers.record(user_id, "tiktok", 40 + n, now, day)
        if n % 2 == 0:
            sent = await store.deliveries.claim(user_id, DeliveryKind.NUDGE, DayPeriod(day), now)
            if sent is not None:
                await store.deliveries.set_status(sent.delivery_id, "sent", now)
        if day.day == 1:
            about = KeyPeriod(f"month:{day:%Y-%m}")
            await store.deliveries.claim(user_id, DeliveryKind.REVIEW, about, now)


def _vacuumed_size(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
    return path.stat().st_size


async def measure(users: int = 50) -> Yearly:
    with tempfile.TemporaryDirectory(prefix="postpact-yearly-") as scratch:
        path = Path(scratch) / "year.sqlite3"
        store = await Store.open(path)
        try:
            for user_id in range(1, users + 1):
                await store.users.contact(user_id, f"Creator {user_id}", None, "en", "UTC", START)
            await store.close()
            empty = await asyncio.to_thread(_vacuumed_size, path)
            store = await Store.open(path)
            for user_id in range(1, users + 1):
                await _year_of(store, user_id)
        finally:
            await store.close()
        full = await asyncio.to_thread(_vacuumed_size, path)
    return Yearly(users, (full - empty) / users, empty)


def describe(y: Yearly) -> str:
    per_user, empty = y.bytes_per_user / 1024, y.empty_bytes / 1024
    return (f"{per_user:.0f} KiB per active creator per year "
            f"({y.users} creators, a post a day; the empty database {empty:.0f} KiB)")  # fmt: skip


def main() -> None:
    print(describe(asyncio.run(measure())))


if __name__ == "__main__":
    main()
