"""What the handlers and sweeps are built with (`Services`: settings, the store and the clock), and
the small services that more than one feature needs, each in its own module: logging a post
(`posting`), a buddy's day for the nudge (`buddies`).

A service combines the store and the domain; it knows nothing of Telegram and writes no text.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.clock import Clock
from bot.config import Settings
from bot.store import Store


@dataclass(frozen=True)
class Services:
    settings: Settings
    store: Store
    clock: Clock
    # Reschedules a user who is back after blocking the bot (the planner's, set when the
    # application is built): every way back goes through `identify`, which calls it.
    welcome_back: Callable[[int], Awaitable[None]] | None = None
