"""Each kind of proactive message has one period type, written and read one way."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.domain.deliveries import (
    PERIOD_OF,
    AnyPeriod,
    DayPeriod,
    DeliveryKind,
    KeyPeriod,
    MonthPeriod,
    SnoozePeriod,
)

EXAMPLES: dict[type[AnyPeriod], tuple[AnyPeriod, str]] = {
    DayPeriod: (DayPeriod(date(2026, 3, 2)), "2026-03-02"),
    SnoozePeriod: (SnoozePeriod(date(2026, 3, 2), time(21, 5)), "2026-03-02@2105"),
    MonthPeriod: (MonthPeriod(date(2026, 2, 1)), "2026-02"),
    KeyPeriod: (KeyPeriod("p7m2"), "p7m2"),
}


@pytest.mark.parametrize("kind", list(DeliveryKind))
def test_every_kind_has_a_period_that_round_trips(kind: DeliveryKind) -> None:
    period_type = PERIOD_OF[kind]
    value, text = EXAMPLES[period_type]
    assert value.encode() == text
    assert period_type.decode(text) == value
    assert DeliveryKind.parse(kind.value) is kind


@pytest.mark.parametrize(
    ("period_type", "text"),
    [
        (DayPeriod, "2026-02-30"),
        (DayPeriod, "yesterday"),
        (SnoozePeriod, "2026-03-02"),
        (SnoozePeriod, "2026-03-02@2561"),
        (MonthPeriod, "2026-13"),
        (KeyPeriod, ""),
    ],
)
def test_a_period_this_version_never_wrote_is_none(
    period_type: type[AnyPeriod],
    text: str,
) -> None:
    assert period_type.decode(text) is None


def test_an_unknown_kind_is_none() -> None:
    assert DeliveryKind.parse("from_the_future") is None
