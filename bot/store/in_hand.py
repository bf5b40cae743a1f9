"""The update in hand: which update this task is handling, and its claim in the handled-updates
record (see `bot.store.updates` for the rules; `bot.store.db` runs the claim in each write)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.store.rows import Conn, to_db_instant


class AlreadyHandledError(Exception):
    """This update was already handled (Telegram delivered it again): nothing more to do."""

    def __init__(self, update_id: int) -> None:
        super().__init__(f"update {update_id} was already handled")
        self.update_id = update_id


@dataclass
class UpdateInHand:
    """The update being handled in this task: recorded once its first write commits."""

    update_id: int
    received_at: datetime
    recorded: bool = False
    bookkeeping: int = 0  # depth of `bookkeeping()` scopes: their writes claim nothing
    refused: bool = False  # the database refused a write: nothing to record (it would wait too)


_in_hand: ContextVar[UpdateInHand | None] = ContextVar("update_in_hand", default=None)


@contextmanager
def handling(update_id: int, now: datetime) -> Iterator[UpdateInHand]:
    """Everything written inside belongs to this update (each update runs in its own task)."""
    in_hand = UpdateInHand(update_id, now)
    token = _in_hand.set(in_hand)
    try:
        yield in_hand
    finally:
        _in_hand.reset(token)


@contextmanager
def bookkeeping() -> Iterator[None]:
    """Writes inside are the same however often they run (refreshing the user's row, creating a
    room's): they don't mark the update handled, so a crash after them loses nothing."""
    in_hand = _in_hand.get()
    if in_hand is not None:
        in_hand.bookkeeping += 1
    try:
        yield
    finally:
        if in_hand is not None:
            in_hand.bookkeeping -= 1


def refused() -> None:
    in_hand = _in_hand.get()
    if in_hand is not None:
        in_hand.refused = True


async def claim(conn: aiosqlite.Connection) -> UpdateInHand | None:
    """Inside a transaction: record the update in hand, if this is its first write. Returns the
    update to mark recorded once the transaction commits (None: nothing claimed)."""
    in_hand = _in_hand.get()
    if in_hand is None or in_hand.recorded or in_hand.bookkeeping:
        return None
    if not await insert_handled(conn, in_hand):
        raise AlreadyHandledError(in_hand.update_id)
    return in_hand


_INSERT_HANDLED = (
    "INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?)"
    " ON CONFLICT (update_id) DO NOTHING"
)


async def insert_handled(conn: aiosqlite.Connection, in_hand: UpdateInHand) -> bool:
    cursor = await conn.execute(
        _INSERT_HANDLED, (in_hand.update_id, to_db_instant(in_hand.received_at))
    )
    return cursor.rowcount > 0


def record_handled(conn: Conn, in_hand: UpdateInHand) -> bool:
    """`insert_handled` inside a `work` unit: False when the update was already recorded."""
    params = (in_hand.update_id, to_db_instant(in_hand.received_at))
    changed: int = conn.execute(_INSERT_HANDLED, params).rowcount
    return changed > 0


def claimable() -> UpdateInHand | None:
    """The update a write now would claim (see `claim`), read on the event loop: the context
    variable doesn't reach aiosqlite's thread."""
    in_hand = _in_hand.get()
    if in_hand is None or in_hand.recorded or in_hand.bookkeeping:
        return None
    return in_hand
