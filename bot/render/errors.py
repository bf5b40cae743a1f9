"""How a refusal reads: the explanation of an `InputError`, with the command's usage when the
input was malformed; shorter, for a button's alert."""

from __future__ import annotations

from bot.domain.errors import InputError
from bot.domain.models import Language
from bot.render.format import MAX_ALERT, clipped
from bot.texts import t


def error_text(lang: Language, error: InputError) -> str:
    text = t(lang, error.key, **error.params)
    if error.usage:
        text += "\n\n" + t(lang, "usage.heading") + "\n" + t(lang, f"usage.{error.usage}")
    return text


def refusal_text(lang: Language, error: InputError, usage: str | None) -> str:
    """A command's refusal. Malformed input (`error.*`) is followed by the command's usage; a
    refusal about the user's state (a duplicate, nothing to undo) is not: it was typed right."""
    if error.usage is None and usage is not None and error.key.startswith("error."):
        error = error.with_usage(usage)
    return error_text(lang, error)


def alert_text(lang: Language, error: InputError) -> str:
    """A refused button press, as the alert Telegram shows over the chat."""
    return clipped(t(lang, error.key, **error.params), MAX_ALERT)


def slow_down_text(lang: Language, seconds: int) -> str:
    """A user sending faster than the per-user limit: when their next one is taken."""
    return t(lang, "limit.slow_down", count=seconds)


def slow_down_alert(lang: Language) -> str:
    return t(lang, "limit.slow_down_short")


def apology(lang: Language, storage: bool, short: bool = False) -> str:
    """Something went wrong on our side: no details, and whether trying again later will work
    (the database refused a write) — short for a button's alert."""
    key = "error.storage" if storage else "error.unexpected"
    return t(lang, key + ("_short" if short else ""))
