"""Programs (one running at a time, numbered in cycles) and rest days."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.store import Store
from bot.store.programs import ProgramRunningError
from tests.store.conftest import NOW, TODAY


async def test_one_program_runs_at_a_time_and_cycles_count_up(store: Store) -> None:
    first = await store.programs.start(1, TODAY, NOW)
    assert (first.cycle, first.start_date) == (1, TODAY)
    with pytest.raises(ProgramRunningError):
        await store.programs.start(1, TODAY, NOW)
    assert await store.programs.end(1, first.program_id, "stopped", NOW) is True
    assert await store.programs.end(1, first.program_id, "stopped", NOW) is False  # once
    assert await store.programs.current(1) is None
    second = await store.programs.start(1, TODAY + timedelta(days=1), NOW)
    assert second.cycle == 2
    assert await store.programs.latest(1) == second
    assert await store.programs.current(1) == second


async def test_a_program_is_only_found_by_its_owner(store: Store) -> None:
    mine = await store.programs.start(1, TODAY, NOW)
    assert await store.programs.by_id(1, mine.program_id) == mine
    assert await store.programs.by_id(2, mine.program_id) is None
    assert await store.programs.end(2, mine.program_id, "stopped", NOW) is False
    assert await store.programs.current(2) is None


async def test_rest_days_are_kept_once_and_in_order(store: Store) -> None:
    later, earlier = TODAY, TODAY - timedelta(days=3)
    assert await store.rest_days.add(1, later) is True
    assert await store.rest_days.add(1, earlier) is True
    assert await store.rest_days.add(1, later) is False
    assert await store.rest_days.all(1) == [earlier, later]
    assert await store.rest_days.on(1, later) is True
    assert await store.rest_days.on(2, later) is False
