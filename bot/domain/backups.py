"""Backups' rules, pure: what a backup file is called, when the daily one is due, which to keep.

A backup's name carries the UTC instant it was taken (`postpact.sqlite3.backup-20260302T030000Z
.sqlite3`), so "the newest backup" and "which to delete" are read from names, never from file
times a copy or a restore may have changed, and a file that doesn't match the pattern is never
one of ours (so never deleted).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

_STAMP = "%Y%m%dT%H%M%SZ"
_STAMP_SHAPE = r"\d{8}T\d{6}Z"
DAY = timedelta(days=1)


def backup_name(database_name: str, at: datetime) -> str:
    """The file name of a backup of `database_name` taken at `at`."""
    return f"{database_name}.backup-{at.astimezone(UTC).strftime(_STAMP)}.sqlite3"


def aside_name(database_name: str, at: datetime) -> str:
    """Where a restore moves the database it replaces."""
    return f"{database_name}.before-restore-{at.astimezone(UTC).strftime(_STAMP)}"


def taken_at(database_name: str, file_name: str) -> datetime | None:
    """When the backup named `file_name` was taken; None when the name isn't one of ours."""
    shape = rf"{re.escape(database_name)}\.backup-({_STAMP_SHAPE})\.sqlite3"
    match = re.fullmatch(shape, file_name)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    except ValueError:  # shaped like a stamp, but no real instant (month 13)
        return None


def last_due(now: datetime, hour: int) -> datetime:
    """The latest daily backup time (`hour`:00 UTC) at or before `now`."""
    today = now.astimezone(UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    return today if today <= now else today - DAY


def backup_due(now: datetime, hour: int, newest: datetime | None) -> bool:
    """Due when no backup was taken since the latest daily time: at `hour`:00 UTC each day, and
    at the first look after a start when the newest backup predates it (so always when it is
    more than a day old, or there is none)."""
    return newest is None or newest < last_due(now, hour)


def to_delete(database_name: str, file_names: Iterable[str], keep: int) -> list[str]:
    """Our backups beyond the newest `keep`, oldest first; other files are never listed."""
    ours = sorted(
        (stamp, name) for name in file_names if (stamp := taken_at(database_name, name)) is not None
    )
    return [name for _, name in ours[: max(len(ours) - keep, 0)]]
