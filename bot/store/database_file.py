"""Where the database lives: checking DATABASE_PATH before it is opened, naming what is wrong
with it in words an operator can act on, and the lock that keeps one bot per database.

Two bots on one file would both send every nudge and both claim every update; SQLite's own locks
don't stop that (each transaction is fine on its own), so a bot holds a lock beside the file for
its whole life. The operating system releases it when the process ends, however it ends.
"""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class DatabaseUnavailable(RuntimeError):
    """DATABASE_PATH can't be used; the message says why and what to do, in one line."""


def prepare(path: Path) -> None:
    """Make the folder the database goes in, or say clearly why the path can't hold one."""
    if path.is_dir():
        raise DatabaseUnavailable(
            f"DATABASE_PATH {path} is a directory: name a file inside it,"
            f" such as {path / 'postpact.sqlite3'}"
        )
    for ancestor in path.parents:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise DatabaseUnavailable(
                    f"DATABASE_PATH {path} cannot be created: {ancestor} is a file, not a folder"
                )
            break
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cannot_open(path, error) from None


# What SQLite says when the trouble is the file, not the SQL: the operator can fix these.
_FILE_TROUBLE = ("not a database", "locked", "unable to open", "readonly", "disk i/o", "full")


def about_the_file(error: sqlite3.Error) -> bool:
    return any(words in str(error).lower() for words in _FILE_TROUBLE)


def cannot_open(path: Path, error: BaseException) -> DatabaseUnavailable:
    """What SQLite (or the file system) refused, said for the operator."""
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    if isinstance(error, sqlite3.DatabaseError):
        if "not a database" in reason:
            return DatabaseUnavailable(
                f"DATABASE_PATH {path} is not an SQLite database ({reason}):"
                " point it at Postpact's database, or at a new file"
            )
        if "locked" in reason:
            return DatabaseUnavailable(
                f"the database at DATABASE_PATH {path} is locked by another program ({reason}):"
                " close it, then start again"
            )
    return DatabaseUnavailable(
        f"DATABASE_PATH {path} cannot be opened ({reason}):"
        " check that its folder exists and is writable"
    )


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextmanager
def held_for_life(path: Path) -> Iterator[None]:
    """Hold the database's lock while the block runs; refuse if another process holds it."""
    prepare(path)
    try:
        handle = lock_path(path).open("a")
    except OSError as error:
        raise cannot_open(path, error) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseUnavailable(
                f"another Postpact is already running on {path}: stop it first,"
                " or point DATABASE_PATH at another file"
            ) from None
        yield
