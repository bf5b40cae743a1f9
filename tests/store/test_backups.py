"""The backup copy under a writer that never pauses: it finishes, from one snapshot."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from bot.store import Store, backups
from bot.store.backups import Backup, check_database, take_backup


def test_a_backup_finishes_while_another_connection_keeps_writing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "PAGES_PER_STEP", 8)  # hundreds of steps for a writer to upset
    monkeypatch.setattr(backups, "PAUSE_SECONDS", 0.001)
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE filler (blob BLOB)")
        conn.executemany("INSERT INTO filler VALUES (?)", [(b"x" * 3000,) for _ in range(3000)])
    before = 3000
    stop = threading.Event()
    written = [0]

    def write() -> None:
        # A writer that never pauses: without one snapshot, every step of the copy would see a
        # change and start over.
        with sqlite3.connect(database, isolation_level=None) as writer:
            while not stop.is_set():
                writer.execute("INSERT INTO filler VALUES (?)", (b"y" * 100,))
                written[0] += 1

    thread = threading.Thread(target=write)
    thread.start()
    made: list[Backup] = []
    copying = threading.Thread(
        target=lambda: made.append(take_backup(database, tmp_path / "copy.sqlite3"))
    )
    copying.start()
    copying.join(timeout=15)  # the writer is still writing all this time
    finished_while_writing = not copying.is_alive()
    stop.set()
    thread.join()
    copying.join()
    assert finished_while_writing
    backup = made[0]
    check_database(backup.path)
    with sqlite3.connect(backup.path) as conn:
        copied = conn.execute("SELECT COUNT(*) FROM filler").fetchone()[0]
    assert before <= copied <= before + written[0]
