"""The daily backup: a sweep that, once a day at BACKUP_HOUR (UTC), copies the database into
BACKUP_DIR with the online backup API, checks the copy, and keeps the newest BACKUP_KEEP.

It is declared like every other sweep, but the copy runs in a worker thread: the event loop (and
every user's replies) carries on while it reads. A failure is one ERROR line, and the next try is
at the next day's hour (or the next start), not at every tick: a full disk shouldn't flood the log,
and the bot keeps running either way.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from pathlib import Path

from bot.clock import Clock
from bot.config import StorageSettings
from bot.domain.backups import backup_due, backup_name, last_due, taken_at
from bot.store.backups import Backup, BackupError, keep_newest, take_backup

log = logging.getLogger(__name__)


class DailyBackup:
    """The sweep; call it every tick, it backs up when one is due."""

    def __init__(self, settings: StorageSettings, folder: Path, clock: Clock) -> None:
        self._database = settings.database_path
        self._folder = folder
        self._keep = settings.backup_keep
        self._hour = settings.backup_hour
        self._clock = clock
        self._failed_for: datetime | None = None  # the daily time whose backup failed

    async def __call__(self) -> int:
        now = self._clock.now()
        if self._failed_for == last_due(now, self._hour):
            return 0
        try:
            made = await asyncio.to_thread(self._back_up_if_due, now)
        except BackupError as error:
            self._failed_for = last_due(now, self._hour)
            log.error(
                "the daily backup failed: %s; the next try is at %02d:00 UTC", error, self._hour
            )
            return 0
        if made is not None:
            backup, deleted = made
            log.info(
                "daily backup %s: %d bytes in %.2f s, integrity ok; %d older deleted",
                backup.path,
                backup.size,
                backup.seconds,
                deleted,
            )
        return 0  # it queues no messages

    def _back_up_if_due(self, now: datetime) -> tuple[Backup, int] | None:
        name = self._database.name
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            stamps = [taken_at(name, entry.name) for entry in self._folder.iterdir()]
        except OSError as error:
            raise BackupError(f"BACKUP_DIR {self._folder} can't be used: {error}") from None
        newest = max((stamp for stamp in stamps if stamp is not None), default=None)
        if not backup_due(now, self._hour, newest):
            return None
        backup = take_backup(self._database, self._folder / backup_name(name, now))
        try:
            deleted = keep_newest(self._folder, name, self._keep)
        except OSError as error:
            raise BackupError(f"old backups in {self._folder} can't be deleted: {error}") from None
        return backup, len(deleted)
