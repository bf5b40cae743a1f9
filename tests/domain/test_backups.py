"""The backup rules: names, when the daily backup is due, which copies go."""

from __future__ import annotations

from bot.domain.backups import backup_due, backup_name, last_due, taken_at, to_delete
from tests.helpers import utc

DB = "postpact.sqlite3"


def test_a_backup_name_carries_its_utc_instant_and_reads_back() -> None:
    name = backup_name(DB, utc(2026, 3, 2, 3, 0))
    assert name == "postpact.sqlite3.backup-20260302T030000Z.sqlite3"
    assert taken_at(DB, name) == utc(2026, 3, 2, 3, 0)


def test_names_that_are_not_ours_are_not_backups() -> None:
    for other in (
        "notes.txt",
        "postpact.sqlite3",
        "postpact.sqlite3.backup-20260302T030000Z.sqlite3-wal",
        "other.sqlite3.backup-20260302T030000Z.sqlite3",
        "postpact.sqlite3.backup-2026-03-02.sqlite3",
        "postpact.sqlite3.backup-20261399T030000Z.sqlite3",
    ):
        assert taken_at(DB, other) is None, other


def test_the_daily_backup_is_due_at_its_hour_once_a_day() -> None:
    hour = 3
    assert last_due(utc(2026, 3, 2, 2, 59), hour) == utc(2026, 3, 1, 3)
    assert last_due(utc(2026, 3, 2, 3, 0), hour) == utc(2026, 3, 2, 3)
    taken = utc(
        2026,
        3,
        2,
        3,
        0,
    )
    assert not backup_due(utc(2026, 3, 2, 12), hour, taken)
    assert not backup_due(utc(2026, 3, 3, 2, 59), hour, taken)
    assert backup_due(utc(2026, 3, 3, 3, 0), hour, taken)


def test_a_start_with_no_backup_or_an_old_one_backs_up_at_once() -> None:
    assert backup_due(utc(2026, 3, 2, 12), 3, None)
    assert backup_due(utc(2026, 3, 2, 12), 3, utc(2026, 3, 1, 11))


def test_the_newest_copies_are_kept_and_foreign_files_never_listed() -> None:
    names = [backup_name(DB, utc(2026, 3, day, 3)) for day in (5, 1, 3, 2, 4)]
    names += ["postpact.sqlite3", "my-own-copy.sqlite3", "postpact.sqlite3.lock"]
    assert to_delete(DB, names, 3) == [
        backup_name(DB, utc(2026, 3, 1, 3)),
        backup_name(DB, utc(2026, 3, 2, 3)),
    ]
    assert to_delete(DB, names, 7) == []
