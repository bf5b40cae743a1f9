"""The store: one database, its queries grouped by aggregate."""

from __future__ import annotations

from pathlib import Path

from bot.store.db import Database
from bot.store.followers import Followers
from bot.store.posts import Posts
from bot.store.users import Users


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.users = Users(db)
        self.posts = Posts(db)
        self.followers = Followers(db)

    @classmethod
    async def open(cls, path: Path) -> Store:
        return cls(await Database.open(path))

    async def close(self) -> None:
        await self.db.close()
