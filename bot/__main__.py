"""Start-up: read settings, set up logging, run the bot until SIGINT/SIGTERM.

A missing or invalid setting prints one clear line per problem and exits with status 2; the token's
value is never printed.

    postpact                  run the bot (BOT_TOKEN required)
    postpact --or-sandbox     the same, or the sandbox when no BOT_TOKEN is set (`make run`)
    postpact sandbox          chat with the real bot in this terminal, no Telegram needed
    postpact demo [FOLDER]    play a 90-day story; reviews and charts go to FOLDER
    postpact backup [PATH]    copy the database, safely while the bot runs, and check the copy
    postpact restore PATH     put a backup in place of the database (the bot must be stopped)
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot import demo, sandbox
from bot.app import running_bot
from bot.clock import SystemClock
from bot.config import Settings, StorageSettings
from bot.domain.backups import backup_name
from bot.inbound import CannotListenError
from bot.logs import configure_logging
from bot.runtime import settle_after_start
from bot.store import DatabaseUnavailable, SchemaTooNewError
from bot.store.backups import BackupError, restore, take_backup

EXIT_CONFIG = 2
EXIT_NETWORK = 3

BOTFATHER_HELP = """\
postpact: BOT_TOKEN is not set, so there is no bot to run yet.
  1. In Telegram, open @BotFather and send /newbot; choose a name and a username ending in "bot".
  2. BotFather replies with a token like 123456789:AAE...; keep it secret.
  3. Put it in a file named .env next to this README:  BOT_TOKEN=123456789:AAE...
     (or export BOT_TOKEN in your shell), then run `make run` again.
Every other setting is optional: see .env.example."""


USAGE = "usage: postpact [--or-sandbox | sandbox | demo [FOLDER] | backup [PATH] | restore PATH]"
RESTORE_USAGE = "usage: postpact restore PATH (the backup file to put in place of the database)"
SANDBOX_INSTEAD = (
    "postpact: starting the sandbox instead — the real bot, a fake Telegram, no token.\n"
)


def load_settings(or_sandbox: bool = False) -> Settings | None:
    """The settings; None when there is no token and the sandbox should run instead. (It runs
    after this returns, not inside the `except`: its own errors must not chain to this one.)"""
    try:
        return Settings()  # type: ignore[call-arg]  # values come from the environment
    except ValidationError as error:
        problems = error.errors()
    if any(p["loc"] == ("bot_token",) and p["type"] == "missing" for p in problems):
        print(BOTFATHER_HELP, file=sys.stderr)
        if or_sandbox:
            print(SANDBOX_INSTEAD, file=sys.stderr)
            return None
    else:
        print_problems(problems)
    raise SystemExit(EXIT_CONFIG)


def print_problems(problems: list[ErrorDetails]) -> None:
    for problem in problems:
        name = ".".join(str(part) for part in problem["loc"]).upper()
        print(f"postpact: setting {name} is invalid: {problem['msg']}", file=sys.stderr)


def load_storage_settings() -> StorageSettings:
    """DATABASE_PATH and the backup settings: enough for `backup` and `restore`, no token."""
    try:
        return StorageSettings()
    except ValidationError as error:
        print_problems(error.errors())
    raise SystemExit(EXIT_CONFIG)


def backup_command(args: list[str]) -> None:
    """`postpact backup [PATH]`: PATH a new file, or a folder to put the backup in; without it,
    BACKUP_DIR when set, else beside the database."""
    settings = load_storage_settings()
    database = settings.database_path
    now = SystemClock().now()
    folder = settings.backup_dir or database.parent
    target = Path(args[0]) if args else folder / backup_name(database.name, now)
    if target.is_dir():
        target = target / backup_name(database.name, now)
    try:
        if not args and settings.backup_dir is not None:
            settings.backup_dir.mkdir(parents=True, exist_ok=True)
        made = take_backup(database, target)
    except BackupError as error:
        fail(str(error), EXIT_CONFIG)
    except OSError as error:
        fail(f"cannot write the backup to {target}: {error.strerror}", EXIT_CONFIG)
    print(
        f"postpact: backed up {database} to {made.path}"
        f" ({made.size:,} bytes in {made.seconds:.2f} s); integrity check: ok"
    )


def restore_command(args: list[str]) -> None:
    """`postpact restore PATH`: refused while a bot runs on the database."""
    if len(args) != 1 or not args[0].strip():
        fail(RESTORE_USAGE, EXIT_CONFIG)
    database = load_storage_settings().database_path
    try:
        done = restore(database, Path(args[0]), SystemClock().now())
    except BackupError as error:
        fail(str(error), EXIT_CONFIG)
    aside = f"; the database it replaced is now {done.moved_aside}" if done.moved_aside else ""
    print(f"postpact: restored {database} from {done.restored_from}{aside}")


async def serve(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running_bot(settings, SystemClock(), stopping=stop):
        settle_after_start()  # the garbage collector tuned for a long-running bot
        await stop.wait()


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["sandbox"] and len(args) == 1:
        sandbox.main()
        return
    if args[:1] == ["demo"] and len(args) <= 2:
        demo.main(args[1] if len(args) == 2 else None)
        return
    if args[:1] == ["backup"] and len(args) <= 2:
        backup_command(args[1:])
        return
    if args[:1] == ["restore"]:
        restore_command(args[1:])
        return
    if args not in ([], ["--or-sandbox"]):
        fail(USAGE, EXIT_CONFIG)
    settings = load_settings(or_sandbox=bool(args))
    if settings is None:
        sandbox.main()
        return
    token = settings.bot_token.get_secret_value()
    # The webhook's secret is redacted too: PTB logs setWebhook's parameters at DEBUG.
    secrets = [token, quote(token, safe=""), settings.webhook_secret_token]
    configure_logging(settings.log_level, secrets, settings.log_format)
    try:
        asyncio.run(serve(settings))
    except (SchemaTooNewError, DatabaseUnavailable, CannotListenError) as error:
        fail(str(error), EXIT_CONFIG)
    except InvalidToken:
        fail("Telegram refused BOT_TOKEN: copy it again from @BotFather", EXIT_CONFIG)
    except NetworkError as error:
        # The message names the problem, never the URL (which holds the token).
        fail(f"cannot reach the Bot API at BOT_API_BASE_URL ({type(error).__name__})", EXIT_NETWORK)
    except TelegramError as error:
        # Something answered, but not as the Bot API does (a web page where it should be, say).
        fail(
            f"the server at BOT_API_BASE_URL is not the Bot API, or not answering as one"
            f" ({error.message})",
            EXIT_NETWORK,
        )


def fail(message: str, status: int) -> NoReturn:
    print(f"postpact: {message}", file=sys.stderr)
    raise SystemExit(status) from None


if __name__ == "__main__":
    main()
