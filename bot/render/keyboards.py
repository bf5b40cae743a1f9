"""Inline keyboards. Every button's data is built with `Callback`, so its size is checked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.models import Language
from bot.domain.platforms import PLATFORMS, platform
from bot.render.callbacks import ButtonData, Callback
from bot.texts import t

Row = list[InlineKeyboardButton]


def btn(text: str, data: ButtonData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data.encode())


def legacy_btn(text: str, action: str, *args: str) -> InlineKeyboardButton:
    """(Being replaced by `btn` with a typed `ButtonData`.)"""
    return InlineKeyboardButton(text, callback_data=Callback(action, tuple(args)).encode())


def rows(buttons: Iterable[InlineKeyboardButton], per_row: int) -> list[Row]:
    items = list(buttons)
    return [items[i : i + per_row] for i in range(0, len(items), per_row)]


def markup(*groups: Sequence[Row]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([row for group in groups for row in group])


def platform_picker(
    lang: Language, keys: Sequence[str], yesterday: bool, seen: int
) -> InlineKeyboardMarkup:
    """Buttons that log a post on one platform: the user's own platforms, or the common ones.

    `seen` is the user's latest post number when the picker was offered; a press only logs while it
    is still the latest, so a double tap or an old picker cannot log the same post twice.
    """
    chosen = keys or [p.key for p in PLATFORMS if p.key != "other"]
    when = "y" if yesterday else "t"
    return markup(
        rows((legacy_btn(platform(k).name(lang), "post", k, when, str(seen)) for k in chosen), 3)
    )


def undo_confirm(lang: Language, post_id: int) -> InlineKeyboardMarkup:
    return markup(
        [
            [
                legacy_btn(t(lang, "btn.undo_yes"), "undo", str(post_id)),
                legacy_btn(t(lang, "btn.undo_no"), "undo", "keep"),
            ]
        ]
    )
