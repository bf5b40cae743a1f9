from __future__ import annotations

import pytest

from bot.domain.follower_checks import Jump, implausible_jump


@pytest.mark.parametrize(
    ("previous", "count", "expected"),
    [
        (None, 99_999_999_999, None),  # a first count has nothing to compare with
        (1_000, 10_000, None),  # exactly ×10 is still believable
        (1_000, 10_001, Jump(1_000, 10_001, 1_000)),
        (1_000, 99, Jump(1_000, 99, None)),  # ÷10 down: no digit to drop
        (1_000, 100, None),
        (100_000, 150_000, None),  # +50,000 exactly
        (100_000, 150_001, Jump(100_000, 150_001, None)),  # no slip near
        (9_999, 99_999, Jump(9_999, 99_999, 9_999)),
        (0, 11, None),  # from zero only the absolute limit applies
        (0, 50_001, Jump(0, 50_001, None)),
        (1_200, 12_150, Jump(1_200, 12_150, 1_210)),
        (50, 999_999, Jump(50, 999_999, None)),  # no single slip explains it
    ],
)
def test_implausible_jumps(previous: int | None, count: int, expected: Jump | None) -> None:
    assert implausible_jump(previous, count) == expected
