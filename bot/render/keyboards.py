"""Inline keyboards. Every button carries typed `ButtonData`, so its size is checked when built."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.render.callbacks import ButtonData

Row = list[InlineKeyboardButton]


def btn(text: str, data: ButtonData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data.encode())


def rows(buttons: Iterable[InlineKeyboardButton], per_row: int) -> list[Row]:
    items = list(buttons)
    return [items[i : i + per_row] for i in range(0, len(items), per_row)]


def markup(*groups: Sequence[Row]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([row for group in groups for row in group])
