"""One budget for everything the bot sends: replies first, bulk messages take what is left.

Telegram lets a bot send about 30 messages a second in all — replies to people and proactive
messages alike — and answers 429 beyond that. So the budget remembers every recent send, replies
and bulk together, at one ceiling (`SEND_RATE_PER_SECOND`):
- a reply goes out at once and is only recorded: the person talking to the bot never waits;
- a bulk message (nudge, review, digest, announcement) takes a slot only when the last window's
  sends leave room, and about 1/ceiling after the previous bulk one, so the fan-out is evenly
  spaced rather than a burst each second. Its slot counts from when it actually leaves
  (`leaving`): the queue writes "sending" to the database in between, and that write can take
  tens of milliseconds while the other workers carry on.
When no one talks to the bot the fan-out runs at the ceiling less one slot; when replies flow, the
bulk rate is what they leave.

This is not an aiolimiter bucket: a leaky bucket can't be told about a send it did not schedule
(a reply that already went out), so it could only yield a guessed slot after the fact — which is
what left the old queue at 25/s. The per-chat and per-group limits are still aiolimiter's
(`bot.outbound`).
"""

from __future__ import annotations

import asyncio
import bisect
import math
from collections.abc import Callable

# The window the budget counts sends over: Telegram's second. A send is recorded as it leaves and
# counted by the server as it arrives; the time in between varies (measured against the fake Bot
# API on this 2-core machine, fan-outs of 120 at 30/s: 1.4 ms typical, 6 ms at the 99th
# percentile, ~100 ms when a garbage collection stalls the process). Rather than a longer window,
# which would cost its whole length in rate (1.02 s: 2%), the margin is in the spacing and the
# reserve: bulk sends are never closer than CATCH_UP/ceiling (17 ms at 30/s), so 31 sends span
# more than a second plus that, and a reply slot is kept free, which also absorbs the one send a
# stall can hold between being recorded and reaching the wire. Measured: 0 × 429 with and without
# replies flowing (tests/test_outbound_rate.py).
WINDOW = 1.0
# How much closer than the ceiling's even spacing bulk sends may come while catching up.
CATCH_UP = 0.5
# Slots bulk leaves free in every window for a reply that may come at any moment; one more while
# people are talking (replies come in clusters: two within one slot's time). Idle, the fan-out
# runs at (ceiling - 1)/s: 29/s, 96.7% of Telegram's 30.
RESERVE_QUIET = 1
RESERVE_TALKING = 2


class SendBudget:
    """The recent sends of the whole bot, and the one rule for when a bulk message may go."""

    def __init__(
        self, ceiling: float, now: Callable[[], float] | None = None, window: float = WINDOW
    ) -> None:
        self.ceiling = ceiling
        self._window = window
        self._now = now or (lambda: asyncio.get_running_loop().time())
        self._sent: list[float] = []  # when each send in the window left, in order
        self._replies: list[float] = []  # the replies among them
        self._next_bulk = -math.inf  # the evenly spaced turn of the next bulk message
        self._paused_until = -math.inf
        self._turn = asyncio.Lock()  # bulk messages take their slots in the order they asked

    def reply(self) -> None:
        """A reply is going out now: it is recorded, never held back."""
        now = self._now()
        self._sent.append(now)
        self._replies.append(now)

    def pause(self, seconds: float) -> None:
        """No bulk message for `seconds` (Telegram said to slow down); a later pause extends it."""
        self._paused_until = max(self._paused_until, self._now() + seconds)

    async def take(self) -> float:
        """Wait until a bulk message may go and record it; returns its slot for `leaving`."""
        async with self._turn:
            due = self._now()
            # A deadline, not an event: a reply or a pause while sleeping moves it.
            while (delay := self.wait()) > 0:
                due = self._now() + delay
                await asyncio.sleep(delay)
            slot = self._now()
            # Spaced from when it was due, not from when the loop got round to it: a late
            # wake-up must not push every later message back. It may catch up, at twice the
            # pace at most, so that 31 sends always span more than a second (see WINDOW).
            self._next_bulk = max(due + 1 / self.ceiling, slot + CATCH_UP / self.ceiling)
            self._sent.append(slot)
            return slot

    def leaving(self, slot: float) -> None:
        """The bulk message that took `slot` leaves now: it counts from now on (later, never
        earlier, so the window only grows more careful)."""
        index = bisect.bisect_left(self._sent, slot)
        if index < len(self._sent) and self._sent[index] == slot:
            del self._sent[index]
        self._sent.append(self._now())

    def wait(self) -> float:
        """How long a bulk message must wait from now (0: it may go)."""
        now = self._now()
        self._forget_before(now - self._window)
        reserve = RESERVE_TALKING if self._replies else RESERVE_QUIET
        room = max(1, math.floor(self.ceiling) - reserve)
        full = 0.0
        if len(self._sent) >= room:  # wait for the oldest sends to leave the window
            full = self._sent[len(self._sent) - room] + self._window - now
        return max(0.0, full, self._next_bulk - now, self._paused_until - now)

    def _forget_before(self, start: float) -> None:
        del self._sent[: bisect.bisect_right(self._sent, start)]
        del self._replies[: bisect.bisect_right(self._replies, start)]
