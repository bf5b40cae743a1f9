"""Callback data: what a button means, versioned so buttons sent before a deploy still parse.

Format: `1|action|arg|arg…`. Telegram allows at most 64 bytes; `encode` refuses more, so a too-long
button is a bug caught in tests rather than a 400 from Telegram in production.
"""

from __future__ import annotations

from dataclasses import dataclass

VERSION = "1"
MAX_BYTES = 64
SEPARATOR = "|"


@dataclass(frozen=True)
class Callback:
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


def pattern(action: str) -> str:
    """The regex a CallbackQueryHandler uses to claim one action."""
    return rf"^{VERSION}\|{action}(\||$)"
