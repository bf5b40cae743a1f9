"""Reading what the bot stored, straight from the SQLite file (as an operator would)."""

from __future__ import annotations

import sqlite3
from typing import Any

from bot.fakeapi import Session


def rows(session: Session, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(session.database_path) as conn:
        return conn.execute(sql, params).fetchall()


def count(session: Session, table: str) -> int:
    return int(rows(session, f"SELECT COUNT(*) FROM {table}")[0][0])
