"""Backups an operator can trust: taken while the bot runs (mid-burst), restored whole, kept
daily without touching anyone else's files, and refused clearly when they can't be done."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.clock import ControllableClock
from bot.config import StorageSettings
from bot.domain.backups import backup_name, taken_at
from bot.fakeapi import Session
from bot.store.backups import BackupError, check_database, restore, take_backup
from tests.conftest import START
from tests.helpers import count, environment, utc

DB = "postpact.sqlite3"


def ours(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if taken_at(DB, p.name) is not None)


async def test_a_backup_mid_burst_restores_every_acknowledged_post(
    tmp_path: Path, clock: ControllableClock
) -> None:
    async with Session(tmp_path / "live", clock, user_limits={"user_burst": 1000}) as session:
        people = [session.person(f"Creator{i}") for i in range(40)]
        links = {
            f"https://t.co/{p.user_id}/{n}": p for n in range(3) for p in people
        }  # 120 posts from 40 creators, all at once
        sending = {
            asyncio.ensure_future(session.send(person, f"/post tiktok {link}")): link
            for link, person in links.items()
        }
        pending = set(sending)
        while len(pending) > len(sending) // 2:
            _, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        acknowledged = {link for task, link in sending.items() if task.done()}
        target = tmp_path / "mid-burst.sqlite3"
        backing_up = asyncio.ensure_future(
            asyncio.to_thread(take_backup, session.database_path, target)
        )
        await asyncio.gather(backing_up, *pending)
        backup = backing_up.result()
    assert 0 < len(acknowledged) < len(links)
    restored = tmp_path / "fresh" / DB
    restored.parent.mkdir()
    restore(restored, backup.path, clock.now())
    check_database(restored)
    with sqlite3.connect(restored) as conn:
        stored = {row[0] for row in conn.execute("SELECT link FROM posts")}
    assert acknowledged <= stored
    assert stored <= set(links)


async def test_a_backup_while_the_bot_runs_and_writes(session: Session) -> None:
    maya = session.person("Maya")
    await session.send(maya, "/post tiktok first")
    backup = take_backup(session.database_path, session.folder / "copy.sqlite3")
    await session.send(maya, "/post tiktok second")
    check_database(backup.path)
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 1


async def test_restore_is_refused_while_a_bot_runs_on_the_database(session: Session) -> None:
    backup = take_backup(session.database_path, session.folder / "copy.sqlite3")
    with pytest.raises(BackupError, match=r"a Postpact bot is running on .*: stop it first"):
        restore(session.database_path, backup.path, START)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"just some notes\n" * 100, "not a usable SQLite database"),
        (b"", "not Postpact's"),
    ],
)
def test_restore_of_a_file_that_is_not_a_postpact_database_is_refused(
    tmp_path: Path, content: bytes, says: str
) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(content)
    with pytest.raises(BackupError, match=says):
        restore(tmp_path / DB, bogus, START)
    assert not (tmp_path / DB).exists()


def test_restore_of_another_programs_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(BackupError, match="not Postpact's"):
        restore(tmp_path / DB, other, START)


async def test_a_restore_moves_the_current_database_aside(
    tmp_path: Path, clock: ControllableClock
) -> None:
    async with Session(tmp_path, clock) as session:
        await session.send(session.person("Maya"), "/post tiktok kept")
        backup = take_backup(session.database_path, tmp_path / "copy.sqlite3")
        await session.send(session.person("Ana"), "/post tiktok after")
    done = restore(tmp_path / DB, backup.path, utc(2026, 3, 2, 13))
    assert done.moved_aside == tmp_path / f"{DB}.before-restore-20260302T130000Z"
    with sqlite3.connect(done.moved_aside) as conn:
        assert conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 2
    with sqlite3.connect(tmp_path / DB) as conn:
        assert conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 1
    assert not (tmp_path / f"{DB}-wal").exists()


async def test_the_daily_backup_keeps_exactly_backup_keep_and_leaves_other_files(
    tmp_path: Path, clock: ControllableClock
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    foreign = [
        "notes.txt",
        f"{DB}.backup-by-hand.sqlite3",
        "other.sqlite3.backup-20200101T000000Z.sqlite3",
    ]
    for name in foreign:
        (folder / name).write_text("mine")
    settings = {"backup_dir": folder, "backup_keep": 3}
    async with Session(tmp_path, clock, user_limits=settings) as session:
        await session.tick()  # the first look after a start: there is no backup yet
        assert ours(folder) == [backup_name(DB, START)]
        for day in range(3, 9):
            await session.at(utc(2026, 3, day, 2, 59))
            await session.at(utc(2026, 3, day, 3, 0))
    assert ours(folder) == [backup_name(DB, utc(2026, 3, day, 3)) for day in (6, 7, 8)]
    for name in ours(folder):
        check_database(folder / name)
    assert all((folder / name).read_text() == "mine" for name in foreign)


async def test_a_failing_daily_backup_logs_one_error_and_the_bot_keeps_running(
    tmp_path: Path, clock: ControllableClock, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    async with Session(tmp_path, clock, user_limits={"backup_dir": blocker}) as session:
        for minutes in range(3):
            await session.at(utc(2026, 3, 2, 12, minutes))
        reply = await session.send(session.person("Maya"), "/post tiktok still here")
        assert count(session, "posts") == 1
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "the daily backup failed: BACKUP_DIR" in errors[0].getMessage()
    assert len(reply.texts) == 1  # answered as ever
    assert "Traceback" not in errors[0].getMessage()
    assert errors[0].exc_info is None  # one line, no traceback


# --- the commands, as an operator runs them ------------------------------------------------------


async def postpact(cwd: Path, *args: str, **settings: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env=environment(**settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_backup_and_restore_commands_while_and_after_the_bot_runs(
    tmp_path: Path, clock: ControllableClock
) -> None:
    database = str(tmp_path / DB)
    async with Session(tmp_path, clock) as session:
        await session.send(session.person("Maya"), "/post tiktok kept")
        status, out, err = await postpact(tmp_path, "backup", DATABASE_PATH=database)
        assert (status, err) == (0, ""), err
        assert "integrity check: ok" in out
        made = ours(tmp_path)
        assert len(made) == 1
        assert f"{tmp_path / made[0]}" in out
        assert " bytes in " in out
        status, out, err = await postpact(
            tmp_path, "restore", str(tmp_path / made[0]), DATABASE_PATH=database
        )
        assert status == 2
        assert "a Postpact bot is running on" in err
        assert "stop it first" in err
        assert "Traceback" not in err
    status, out, err = await postpact(
        tmp_path, "restore", str(tmp_path / made[0]), DATABASE_PATH=database
    )
    assert (status, err) == (0, ""), err
    assert f"restored {database} from" in out
    assert ".before-restore-" in out


async def test_backup_goes_to_backup_dir_or_the_path_given(tmp_path: Path) -> None:
    take_backup_source = tmp_path / DB
    async with Session(tmp_path, ControllableClock(START)):
        pass
    assert take_backup_source.exists()
    folder = tmp_path / "nightly"
    status, _, err = await postpact(
        tmp_path, "backup", DATABASE_PATH=str(take_backup_source), BACKUP_DIR=str(folder)
    )
    assert (status, err, len(ours(folder))) == (0, "", 1)
    status, _out, err = await postpact(
        tmp_path, "backup", "mine.sqlite3", DATABASE_PATH=str(take_backup_source)
    )
    assert (status, err) == (0, "")
    check_database(tmp_path / "mine.sqlite3")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("restore",), "usage: postpact restore PATH"),
        (("restore", ""), "usage: postpact restore PATH"),
        (("restore", "a", "b"), "usage: postpact restore PATH"),
        (("restore", "nowhere.sqlite3"), "there is no backup file at nowhere.sqlite3"),
        (("restore", "notes.txt"), "is not a usable SQLite database"),
        (("backup", "a", "b"), "usage: postpact"),
        (("backup", "notes.txt/x.sqlite3"), "notes.txt is not a folder"),
        (("backup", "no/such/folder/x.sqlite3"), "no/such/folder does not exist"),
        (("backup", "notes.txt"), "notes.txt already exists: name a new file"),
    ],
)
async def test_bad_backup_and_restore_arguments_get_one_clear_line(
    tmp_path: Path, clock: ControllableClock, args: tuple[str, ...], says: str
) -> None:
    async with Session(tmp_path, clock):
        pass
    (tmp_path / "notes.txt").write_text("x" * 5000)
    status, _out, err = await postpact(tmp_path, *args, DATABASE_PATH=str(tmp_path / DB))
    assert status == 2
    assert says in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"BACKUP_KEEP": "0"}, "BACKUP_KEEP"),
        ({"BACKUP_KEEP": "366"}, "BACKUP_KEEP"),
        ({"BACKUP_KEEP": "many"}, "BACKUP_KEEP"),
        ({"BACKUP_HOUR": "24"}, "BACKUP_HOUR"),
        ({"DATABASE_PATH": " "}, "DATABASE_PATH"),
    ],
)
async def test_bad_backup_settings_are_named(
    tmp_path: Path, settings: dict[str, str], named: str
) -> None:
    status, _, err = await postpact(tmp_path, "backup", **settings)
    assert status == 2
    assert err.startswith(f"postpact: setting {named} is invalid")


async def test_backup_of_a_missing_database_says_so(tmp_path: Path) -> None:
    status, _, err = await postpact(tmp_path, "backup", DATABASE_PATH=str(tmp_path / DB))
    assert (status, err.strip()) == (
        2,
        f"postpact: there is no database at {tmp_path / DB} to back up",
    )


def test_restore_of_a_database_from_a_newer_postpact_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as conn:
        conn.execute("CREATE TABLE users (user_id INTEGER)")
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(BackupError, match=r"written by a newer Postpact .*upgrade Postpact first"):
        restore(tmp_path / DB, newer, START)


def test_an_empty_backup_dir_means_no_daily_backup() -> None:
    assert StorageSettings(backup_dir="", _env_file=None).backup_dir is None  # type: ignore[arg-type, call-arg]
