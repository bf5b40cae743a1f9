"""Writing the journal of entries (see `entries.py`), inside the transaction of each check-in."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.domain.entries import EntryKind
from bot.store.db import to_db_instant


def journal(
    conn: sqlite3.Connection, user_id: int, kind: EntryKind, ref: object, at: datetime
) -> None:
    """Write down an entry, inside the `work` unit that stores it."""
    conn.execute(
        "INSERT INTO entries (user_id, kind, ref, recorded_at) VALUES (?, ?, ?, ?)",
        (user_id, kind.value, str(ref), to_db_instant(at)),
    )


def unjournal(conn: sqlite3.Connection, user_id: int, kind: EntryKind, ref: object) -> None:
    """Forget the journal rows of an entry that is replaced or removed."""
    conn.execute(
        "DELETE FROM entries WHERE user_id = ? AND kind = ? AND ref = ?",
        (user_id, kind.value, str(ref)),
    )
