"""Which Telegram updates were handled, so one delivered again is handled once.

Telegram sends a batch again when the `getUpdates` call that would confirm it fails or never comes
(a 502, a crash, a stop whose last call failed). Handling is idempotent:

- the processor (`bot.ordering.Once`) skips an update already recorded here, and otherwise handles
  it with the update *in hand* (`db.handling`);
- the first transaction that runs for the update in hand records it in that same transaction
  (`db.claim`), so the write and "handled" commit together or not at all;
- writes that give the same result however often they run happen in `db.bookkeeping()` and claim
  nothing, so the write that matters still claims;
- an update that wrote nothing is recorded once it was handled (`record`), so a /today is answered
  once.

Records older than `KEEP` are forgotten by a sweep.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.store.db import (
    AlreadyHandledError,
    Queries,
    UpdateInHand,
    bookkeeping,
    handling,
    record_handled,
    to_db_instant,
)

__all__ = ["KEEP", "AlreadyHandledError", "HandledUpdates", "bookkeeping", "handling"]

# Telegram keeps an unconfirmed update for 24 hours; a few days leaves room for a long outage.
KEEP = timedelta(days=3)


class HandledUpdates(Queries):
    async def seen(self, update_id: int) -> bool:
        found = await self._db.one(
            "SELECT 1 FROM handled_updates WHERE update_id = ?", (update_id,), bool
        )
        return found is not None

    async def highest(self) -> int:
        """The highest update id recorded (-1: none)."""
        found = await self._db.one("SELECT MAX(update_id) FROM handled_updates", (), lambda r: r[0])
        return -1 if found is None else int(found)

    async def record(self, in_hand: UpdateInHand) -> None:
        """An update that wrote nothing (or whose writes were all bookkeeping), once handled."""
        with bookkeeping():
            await self._db.work(lambda conn: record_handled(conn, in_hand))
        in_hand.recorded = True

    async def forget_before(self, instant: datetime) -> int:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM handled_updates WHERE handled_at < ?", (to_db_instant(instant),)
            )
            return cursor.rowcount
