"""What the bot does when handling an update fails: the error handler PTB calls.

Every failure is logged once; the user is told something went wrong only when it is true and
helpful (see `on_error`).
"""

from __future__ import annotations

import logging
import sqlite3

from telegram import Update
from telegram.error import NetworkError

from bot.domain.models import language_for
from bot.features.commands import AnyContext
from bot.render.errors import apology
from bot.request_layer import lost_in_transit, never_left, stale_query
from bot.store.updates import AlreadyHandledError

log = logging.getLogger(__name__)


async def on_error(update: object, context: AnyContext) -> None:
    """Log an unexpected failure once, and tell the user something went wrong (no details).

    The database refusing a write (locked, read-only, disk full) gets its own clear log line and
    reply: the transaction was rolled back, nothing half-written, and trying again later works.

    A network failure gets a warning and no apology: a reply that may have arrived was not sent
    again (`never_left`), and "something went wrong" under an answer the user did get would be
    false; one that never left after its retries means Telegram is out of reach, and so would be
    the apology. An update Telegram delivered again, found handled at its first write, is no
    error at all; nor is Telegram refusing to answer a press past its time limit (`stale_query`:
    the request layer takes it quietly, so it lands here only from outside it), and an apology
    would be one more answer to that same stale query."""
    if isinstance(context.error, AlreadyHandledError):
        log.info("%s: nothing more to do", context.error)
        return
    if context.error is not None and stale_query(context.error):
        log.debug("a button press was answered too late for Telegram: %s", context.error)
        return
    if isinstance(context.error, NetworkError) and lost_in_transit(context.error):
        _lost_reply(context.error)
        return
    storage = isinstance(context.error, sqlite3.OperationalError | sqlite3.DatabaseError)
    if storage:
        log.error("the database refused a write (%s): nothing was stored", context.error)
    else:
        log.error("unhandled error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_user is None:
        return
    lang = language_for(None, update.effective_user.language_code)
    try:
        if update.callback_query is not None:
            alert = apology(lang, storage, short=True)
            await update.callback_query.answer(alert, show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(apology(lang, storage))
    except Exception:  # the apology itself failed (network, blocked): already logged above
        log.warning("could not tell user about the error", exc_info=True)


def _lost_reply(error: NetworkError) -> None:
    if never_left(error):
        log.warning("Telegram could not be reached for a reply (%s): none was sent", error)
    else:
        log.warning(
            "a reply may have reached the user, its answer was lost (%s): not resent", error
        )
