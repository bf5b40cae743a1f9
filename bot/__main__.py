"""Start-up: read settings, set up logging, run the bot until SIGINT/SIGTERM.

A missing or invalid setting prints one clear line per problem and exits with status 2; the token's
value is never printed.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from urllib.parse import quote

from pydantic import ValidationError

from bot.app import running_bot
from bot.clock import SystemClock
from bot.config import Settings
from bot.logs import configure_logging
from bot.store import SchemaTooNewError

EXIT_CONFIG = 2

BOTFATHER_HELP = """\
postpact: BOT_TOKEN is not set, so there is no bot to run yet.
  1. In Telegram, open @BotFather and send /newbot; choose a name and a username ending in "bot".
  2. BotFather replies with a token like 123456789:AAE...; keep it secret.
  3. Put it in a file named .env next to this README:  BOT_TOKEN=123456789:AAE...
     (or export BOT_TOKEN in your shell), then run `make run` again.
Every other setting is optional: see .env.example."""


def load_settings() -> Settings:
    try:
        return Settings()  # type: ignore[call-arg]  # values come from the environment
    except ValidationError as error:
        problems = error.errors()
        if any(p["loc"] == ("bot_token",) and p["type"] == "missing" for p in problems):
            print(BOTFATHER_HELP, file=sys.stderr)
        else:
            for problem in problems:
                name = ".".join(str(part) for part in problem["loc"]).upper()
                print(f"postpact: setting {name} is invalid: {problem['msg']}", file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from None


async def serve(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running_bot(settings, SystemClock()):
        await stop.wait()


def main() -> None:
    settings = load_settings()
    token = settings.bot_token.get_secret_value()
    configure_logging(settings.log_level, [token, quote(token, safe="")])
    try:
        asyncio.run(serve(settings))
    except SchemaTooNewError as error:
        print(f"postpact: {error}", file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from None


if __name__ == "__main__":
    main()
