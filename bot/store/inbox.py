"""The inbox: updates long polling fetched and hasn't finished handling (see `bot.polling`).

Telegram forgets an update once a later `getUpdates` names an offset past it. Kept here first, in
one trip for a whole batch, an update survives a crash after that confirmation: the next start
handles what is still here. Handled ones are let go in the same trip as the next batch is kept, so
the table only ever holds what is in hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.store.db import Conn, Queries

PATIENCE_MS = 200


class Inbox(Queries):
    async def keep(self, arrived: Sequence[tuple[int, str]], handled: Sequence[int]) -> None:
        """Keep the updates that `arrived` (id, JSON) and let go of those `handled`: one trip.
        It waits little for a write lock held elsewhere (`PATIENCE_MS`): the updates are being
        handled meanwhile, and their own writes would queue behind it."""

        def unit(conn: Conn) -> None:
            conn.executemany("INSERT OR IGNORE INTO inbox (update_id, body) VALUES (?, ?)", arrived)
            conn.executemany("DELETE FROM inbox WHERE update_id = ?", [(i,) for i in handled])

        if arrived or handled:
            await self._db.work(unit, patience=PATIENCE_MS)

    async def waiting(self) -> list[str]:
        """What a run that stopped (or crashed) left unhandled, oldest first."""
        return await self._db.all("SELECT body FROM inbox ORDER BY update_id", (), lambda r: r[0])
