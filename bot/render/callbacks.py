"""Callback data: what a button means, versioned so buttons sent before a deploy still parse.

Each kind of button is a frozen dataclass that subclasses `ButtonData` and names its `action`; its
fields, in order, are the button's arguments. On the wire that is `1|action|arg|arg…`: Telegram
allows at most 64 bytes, and `encode` refuses more, so a too-long button is a bug caught in tests
rather than a 400 from Telegram in production.

Reading is strict, because anyone can send any callback data: `decode` checks the count and the
type of every argument (an integer within `MAX_INT`, a known enum value, a real date; text is
bounded by the 64 bytes) and raises `ButtonExpired` otherwise, which the one button boundary
turns into "that button is out of date".
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, ClassVar, Self

VERSION = "1"
MAX_BYTES = 64
SEPARATOR = "|"
# Larger numbers are never ours (post ids, counts) and would overflow SQLite's integers.
MAX_INT = 2**53


class ButtonExpired(ValueError):
    """The data is not a button this version of the bot sent."""


@dataclass(frozen=True)
class Callback:
    """Raw callback data: an action and its text arguments."""

    action: str
    args: tuple[str, ...] = ()

    def encode(self) -> str:
        data = SEPARATOR.join((VERSION, self.action, *self.args))
        if len(data.encode()) > MAX_BYTES or any(SEPARATOR in a for a in (self.action, *self.args)):
            raise ValueError(f"callback data does not fit: {data!r}")
        return data

    @staticmethod
    def decode(data: str | None) -> Callback | None:
        """None for anything not ours or from an unknown version: the caller says "expired"."""
        if not data or len(data.encode()) > MAX_BYTES:
            return None
        version, _, rest = data.partition(SEPARATOR)
        if version != VERSION or not rest:
            return None
        action, *args = rest.split(SEPARATOR)
        return Callback(action, tuple(args))


@dataclass(frozen=True)
class ButtonData:
    """The base of every typed button. Subclasses are frozen dataclasses that set `action`."""

    action: ClassVar[str]

    def encode(self) -> str:
        return Callback(self.action, tuple(_write(v) for v in self._values())).encode()

    def _values(self) -> list[object]:
        return [getattr(self, f.name) for f in dataclasses.fields(self)]

    @classmethod
    def decode(cls, args: tuple[str, ...]) -> Self:
        """The button from its arguments; `ButtonExpired` for anything this class never wrote."""
        types = _field_types(cls)  # type: ignore[arg-type]  # classes are hashable
        if len(args) != len(types):
            raise ButtonExpired(cls.action)
        return cls(*(_read(kind, text) for kind, text in zip(types, args, strict=True)))


@cache
def _field_types(cls: type[ButtonData]) -> tuple[Any, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(hints[f.name] for f in dataclasses.fields(cls))


def _write(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _read(kind: Any, text: str) -> object:
    if kind is bool:
        if text not in ("0", "1"):
            raise ButtonExpired(text)
        return text == "1"
    if kind is int:
        return read_number(text)
    if kind is date:
        try:
            return date.fromisoformat(text) if len(text) == 10 else _refuse(text)
        except ValueError:
            raise ButtonExpired(text) from None
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(text)
        except ValueError:
            raise ButtonExpired(text) from None
    if kind is str:
        return text
    raise TypeError(f"a button field cannot be {kind!r}")  # a programming error


def read_number(text: str) -> int:
    """A whole number as this bot writes one: ASCII digits only (no sign, no spaces, no
    full-width or other scripts' digits), 0..`MAX_INT`. Every number a button carries is read
    here, whether its field is an `int` or text kept as sent; `ButtonExpired` otherwise."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_INT)):
        raise ButtonExpired(text)
    value = int(text)
    if value > MAX_INT:
        raise ButtonExpired(text)
    return value


def _refuse(text: str) -> date:
    raise ButtonExpired(text)


def pattern(action: str) -> str:
    """The regex a CallbackQueryHandler uses to claim one action."""
    return rf"^{VERSION}\|{action}(\||$)"
