"""Backups and restores of the database file, with SQLite's own tools (synchronous: the daily
backup runs them in a thread, the `backup`/`restore` commands directly).

A backup uses the online backup API, a few pages at a time with a short sleep between steps. The
copy reads one snapshot: a read transaction is held on the source for the whole copy, so writes
by the running bot (WAL lets them go on) neither block it nor make it start over, and what it
holds is the database as it was at one instant — every check-in committed before it started. It
is written under a temporary name and renamed once `PRAGMA integrity_check` says "ok", so a half
or damaged copy never carries a backup's name.

A restore takes the database's lock first (no bot may be running on it), checks the backup, moves
the current database aside with its -wal and -shm, and copies the backup into place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.domain.backups import aside_name, to_delete
from bot.store.database_file import DatabaseUnavailable, held_for_life
from bot.store.db import load_migrations

PAGES_PER_STEP = 256  # 1 MiB at SQLite's default 4 KiB pages
PAUSE_SECONDS = 0.002
_SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupError(RuntimeError):
    """A backup or restore that can't be done; the message says why, in one line."""


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int  # bytes
    seconds: float


@dataclass(frozen=True)
class Restore:
    database: Path
    restored_from: Path
    moved_aside: Path | None  # the database it replaced; None when there was none


def take_backup(database: Path, target: Path) -> Backup:
    """Copy `database` to `target` (which must not exist) while a bot may be writing to it."""
    if not database.is_file():
        raise BackupError(f"there is no database at {database} to back up")
    if target.exists():
        raise BackupError(f"{target} already exists: name a new file")
    if not target.parent.is_dir():
        problem = "is not a folder" if target.parent.exists() else "does not exist"
        raise BackupError(f"cannot write the backup to {target}: {target.parent} {problem}")
    partial = target.with_name(target.name + ".partial")
    started = time.perf_counter()
    try:
        _copy(database, partial)
        check_database(partial)
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise BackupError(f"the backup of {database} failed: {error}") from None
    except OSError as error:
        raise BackupError(f"cannot write the backup to {target}: {error.strerror}") from None
    finally:
        _remove_with_side_files(partial)
    return Backup(target, target.stat().st_size, time.perf_counter() - started)


def _copy(database: Path, target: Path) -> None:
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True, isolation_level=None)
    try:
        copy = sqlite3.connect(target)
        try:
            # One snapshot for the whole copy: without it every write by the bot between two
            # steps would start the copy over, and a busy bot would keep it from ever finishing.
            source.execute("BEGIN")
            source.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            source.backup(copy, pages=PAGES_PER_STEP, sleep=PAUSE_SECONDS)
            source.execute("COMMIT")
            # A backup is one file on its own: no -wal beside it to lose when it is copied on.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    finally:
        source.close()


def check_database(path: Path) -> None:
    """`PRAGMA integrity_check` must say "ok", and the file must be Postpact's (its schema is
    versioned and it has the users table); otherwise BackupError saying what is wrong."""
    try:
        # Read-write (nothing is written): a read-only connection would leave a WAL-mode file's
        # -wal and -shm behind.
        with closing(sqlite3.connect(path)) as conn:
            verdict = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            users = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'"
            ).fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database ({error})") from None
    if verdict != ["ok"]:
        raise BackupError(f"{path} failed its integrity check: {'; '.join(verdict[:3])}")
    if version < 1 or users is None:
        raise BackupError(f"{path} is an SQLite database, but not Postpact's")
    known = len(load_migrations())
    if version > known:
        raise BackupError(
            f"{path} was written by a newer Postpact (schema version {version}, this one knows"
            f" up to {known}): upgrade Postpact first"
        )


def keep_newest(folder: Path, database_name: str, keep: int) -> list[Path]:
    """Delete our backups of `database_name` in `folder` beyond the newest `keep`; return them."""
    names = [entry.name for entry in folder.iterdir() if entry.is_file()]
    deleted = [folder / name for name in to_delete(database_name, names, keep)]
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


def restore(database: Path, backup: Path, now: datetime) -> Restore:
    """Put `backup` in place of `database`, which no bot may be running on."""
    if not backup.is_file():
        raise BackupError(f"there is no backup file at {backup}")
    try:
        with held_for_life(database):
            check_database(backup)
            return _swap(database, backup, now)
    except DatabaseUnavailable as error:
        if "already running" in str(error):
            raise BackupError(
                f"a Postpact bot is running on {database}: stop it first, then restore"
            ) from None
        raise BackupError(str(error)) from None
    except OSError as error:
        raise BackupError(f"the restore into {database} failed: {error.strerror}") from None


def _swap(database: Path, backup: Path, now: datetime) -> Restore:
    incoming = database.with_name(database.name + ".restoring")
    shutil.copyfile(backup, incoming)
    aside: Path | None = None
    if database.exists():
        _checkpoint(database)
        aside = database.with_name(aside_name(database.name, now))
        os.replace(database, aside)
        # Whatever the checkpoint left beside it belongs to the moved file, not the restored one.
        for suffix in _SIDE_FILES:
            side = database.with_name(database.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
    os.replace(incoming, database)
    return Restore(database, backup, aside)


def _checkpoint(database: Path) -> None:
    """Fold the -wal into the file, so the moved-aside database is whole on its own."""
    try:
        with closing(sqlite3.connect(database)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError:
        pass  # not a usable database: moved aside as it is, with whatever lies beside it


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
