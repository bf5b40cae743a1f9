"""The ceiling: the least a PTB bot can do for a check-in, to compare Postpact against.

A minimal PTB `Application` on the same transport as Postpact (its HTTP_TRANSPORT setting when it
has one, else PTB's HTTPXRequest), long polling, updates handled concurrently (256 at once, like
Postpact); `/post` does one aiosqlite INSERT and one reply, anything else just one reply. It reads
the same settings as `python -m bot` (BOT_TOKEN, BOT_API_BASE_URL, DATABASE_PATH) and exits on
SIGTERM. Run with `python -m bench.ceiling`; the benchmark starts it beside Postpact.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

import aiosqlite
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters
from telegram.request import BaseRequest, HTTPXRequest

from bot.config import Settings
from bot.runtime import settle_after_start

CONCURRENT_UPDATES = 256
POOL = 256  # PTB's default connection pool for the bot's calls


def transport(settings: Settings) -> tuple[BaseRequest, BaseRequest]:
    """The same transport Postpact is configured with: (bot calls, getUpdates)."""
    chosen = getattr(settings, "http_transport", "httpx")
    if chosen == "aiohttp":  # bot.transport lands with the transport part of issue 17
        request_class: Any = importlib.import_module("bot.transport").AiohttpRequest
    else:
        request_class = HTTPXRequest
    calls = request_class(connection_pool_size=POOL)
    updates = request_class(connection_pool_size=1, read_timeout=35)
    return calls, updates


def build(settings: Settings) -> Application[Any, Any, Any, Any, Any, Any]:
    calls, updates = transport(settings)
    app = (
        ApplicationBuilder()
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.bot_api_base_url)
        .request(calls)
        .get_updates_request(updates)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(_open_database)
        .post_shutdown(_close_database)
        .build()
    )
    app.bot_data["path"] = settings.database_path
    app.add_handler(MessageHandler(filters.ALL, _answer))
    return app


async def _open_database(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    path = app.bot_data["path"]
    path.parent.mkdir(parents=True, exist_ok=True)
    db = await aiosqlite.connect(path, isolation_level=None)
    await db.execute("PRAGMA journal_mode = WAL")
    await db.execute("PRAGMA synchronous = NORMAL")
    await db.execute(
        "CREATE TABLE IF NOT EXISTS posts (post_id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL,"
        " text TEXT NOT NULL)"
    )
    app.bot_data["db"] = db


async def _close_database(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    await app.bot_data["db"].close()


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/post`: one INSERT (autocommit) and one reply; anything else: one reply."""
    message = update.effective_message
    if message is None or message.from_user is None:
        return
    text = message.text or ""
    if text.startswith("/post"):
        db: aiosqlite.Connection = context.bot_data["db"]
        await db.execute(
            "INSERT INTO posts (user_id, text) VALUES (?, ?)", (message.from_user.id, text)
        )
        await message.reply_text("✅ Logged")
    else:
        await message.reply_text("ok")


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()  # type: ignore[call-arg]  # values come from the environment
    settle_after_start()  # the same process tuning as Postpact's, so the two compare
    build(settings).run_polling(drop_pending_updates=False, close_loop=False)


if __name__ == "__main__":
    main()
