"""The benchmark can't rot: the ceiling bot and the check-in row run end to end, each bot in its
own process against the fake Bot API, in a few seconds (`make bench` runs the full-size rows)."""

from __future__ import annotations

from bench import checkins
from bench.harness import percentile


async def test_the_check_in_row_compares_postpact_with_the_ceiling_bot() -> None:
    row = await checkins.compare(0.0, users=5, posts=2, rate=20.0, seconds=0.5)
    assert row.updates == 10
    for bot in (row.postpact, row.ceiling):
        assert bot.per_second > 0
        assert bot.cpu_ms_per_update >= 0
        assert 0 < bot.p50_ms <= bot.p99_ms
    assert row.ratio > 0
    assert "ceiling" in checkins.describe_throughput(row)
    assert "offered to each" in checkins.describe_latency(row)


def test_a_percentile_is_a_value_from_the_list() -> None:
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.99), percentile([3.0], 0.99)) == (
        50.0,
        99.0,
        3.0,
    )
