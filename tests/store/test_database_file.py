"""One bot per database: the lock beside the file is held for the block's life, then free."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.store import DatabaseUnavailable, held_for_life


def test_a_second_holder_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    database = tmp_path / "data" / "postpact.sqlite3"
    with held_for_life(database):
        assert (tmp_path / "data" / "postpact.sqlite3.lock").exists()
        refused = pytest.raises(DatabaseUnavailable, match="another Postpact is already running")
        with refused, held_for_life(database):
            pass  # pragma: no cover
    with held_for_life(database):  # free again
        pass
