"""The store: one database, its queries grouped by aggregate."""

from __future__ import annotations

from pathlib import Path

from bot.store.activity import ActivityCounts
from bot.store.announcements import Announcements
from bot.store.checkins import CheckIns
from bot.store.db import Database
from bot.store.deliveries import Deliveries
from bot.store.entries import Entries
from bot.store.followers import Followers
from bot.store.inbox import Inbox
from bot.store.operations import Operations
from bot.store.posts import Posts
from bot.store.privacy import Privacy
from bot.store.programs import Programs, RestDays
from bot.store.reminders import Reminders
from bot.store.rooms import Rooms
from bot.store.shares import SharedLinks
from bot.store.updates import HandledUpdates
from bot.store.users import Users


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.users = Users(db)
        self.posts = Posts(db)
        self.checkins = CheckIns(db)
        self.followers = Followers(db)
        self.programs = Programs(db)
        self.rest_days = RestDays(db)
        self.reminders = Reminders(db)
        self.deliveries = Deliveries(db)
        self.rooms = Rooms(db)
        self.privacy = Privacy(db)
        self.entries = Entries(db)
        self.shared_links = SharedLinks(db)
        self.updates = HandledUpdates(db)
        self.inbox = Inbox(db)
        self.activity = ActivityCounts(db)
        self.announcements = Announcements(db)
        self.operations = Operations(db)

    @classmethod
    async def open(cls, path: Path) -> Store:
        return cls(await Database.open(path))

    @classmethod
    async def open_reader(cls, path: Path) -> Store:
        """Reads only, on connections of its own (see `bot.offload`)."""
        return cls(await Database.open_reader(path))

    async def close(self) -> None:
        await self.db.close()
