"""Is a follower count believable next to the platform's previous one? A mistyped count (one digit
too many) would otherwise ruin the chart and /insights, so an implausible jump is asked about
before it is stored, with the likely intended number when one is obvious."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FACTOR = 10  # more than ×10 up or ÷10 down at once
MAX_GAIN = 50_000  # or more than this many new followers at once
NEAR = 1.5  # a suggested number must be this close to the previous count


@dataclass(frozen=True)
class Jump:
    """An implausible count: from `previous` to `count`, and the number probably meant."""

    previous: int
    count: int
    likely: int | None

    @property
    def change(self) -> int:
        return self.count - self.previous


def implausible_jump(previous: int | None, count: int) -> Jump | None:
    """The jump from the platform's previous count, when it is too big to believe; else None."""
    if previous is None:
        return None
    # From zero any growth is "×∞": only the absolute limit applies.
    up = (previous > 0 and count > previous * MAX_FACTOR) or count - previous > MAX_GAIN
    down = count * MAX_FACTOR < previous
    if not (up or down):
        return None
    return Jump(previous, count, _one_digit_too_many(previous, count) if up else None)


def _one_digit_too_many(previous: int, count: int) -> int | None:
    """The number left by dropping one digit that is closest to the previous count, if that one
    is near it (within ×1.5): a double-typed key is the common slip; anything else is a guess."""
    digits = str(count)
    candidates = {int(digits[:i] + digits[i + 1 :]) for i in range(len(digits))}
    near = [c for c in candidates if previous / NEAR <= c <= previous * NEAR]
    if not near:
        return None
    return min(near, key=lambda c: (abs(c - previous), c))
