"""Inline keyboards. Every button's data is built with `Callback`, so its size is checked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.render.callbacks import ButtonData, Callback

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
