"""This week's buddies of a user, and how each is doing on their own day: a line in the nudge."""

from __future__ import annotations

from datetime import date

from bot.clock import Clock
from bot.domain.days import local_date, week_start
from bot.domain.models import Profile
from bot.domain.rooms import BuddyDay
from bot.store import Store


class Buddies:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    async def days_of(self, profile: Profile, day: date) -> list[BuddyDay]:
        """Each buddy of the week `day` falls in; whether they posted only if they share it."""
        found = []
        for _, buddy_id in await self.store.rooms.buddies_of(profile.user_id, week_start(day)):
            buddy = await self.store.users.get(buddy_id)
            if buddy is None:
                continue
            if not buddy.sharing.posts:
                found.append(BuddyDay(buddy.first_name, posted=None))
                continue
            buddy_today = local_date(self.clock.now(), buddy.zone.tz, buddy.day_start)
            posted = await self.store.posts.posted_on(buddy.user_id, buddy_today)
            found.append(BuddyDay(buddy.first_name, posted=posted))
        return found
