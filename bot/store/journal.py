"""Writing the journal of entries (see `entries.py`), inside the transaction of each check-in."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from bot.domain.entries import EntryKind
from bot.store.db import to_db_instant


async def journal(
    conn: aiosqlite.Connection, user_id: int, kind: EntryKind, ref: object, at: datetime
) -> None:
    """Write down an entry, inside the transaction that stores it."""
    await conn.execute(
        "INSERT INTO entries (user_id, kind, ref, recorded_at) VALUES (?, ?, ?, ?)",
        (user_id, kind.value, str(ref), to_db_instant(at)),
    )


async def unjournal(conn: aiosqlite.Connection, user_id: int, kind: EntryKind, ref: object) -> None:
    """Forget the journal rows of an entry that is replaced or removed."""
    await conn.execute(
        "DELETE FROM entries WHERE user_id = ? AND kind = ? AND ref = ?",
        (user_id, kind.value, str(ref)),
    )
