"""Typed button data: what a button carries, how it is written, and what a forged press gets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import ClassVar

import pytest

from bot.render.callbacks import (
    MAX_INT,
    ButtonData,
    ButtonExpired,
    Callback,
    pattern,
    read_number,
)
from bot.render.checkins import UndoPress
from bot.render.review import PlanPress


class Choice(StrEnum):
    YES = "y"
    NO = "n"


@dataclass(frozen=True)
class Sample(ButtonData):
    action: ClassVar[str] = "sample"
    number: int
    flag: bool
    day: date
    choice: Choice
    word: str


GOOD = Sample(12, True, date(2026, 3, 2), Choice.NO, "tiktok")


def test_a_button_is_written_in_the_versioned_wire_format_and_read_back() -> None:
    data = GOOD.encode()
    assert data == "1|sample|12|1|2026-03-02|n|tiktok"
    decoded = Callback.decode(data)
    assert decoded is not None
    assert decoded.action == "sample"
    assert Sample.decode(decoded.args) == GOOD


@pytest.mark.parametrize(
    "args",
    [
        pytest.param((), id="missing"),
        pytest.param(("12", "1", "2026-03-02", "n"), id="too few"),
        pytest.param(("12", "1", "2026-03-02", "n", "x", "extra"), id="too many"),
        pytest.param(("9" * 40, "1", "2026-03-02", "n", "x"), id="huge number"),
        pytest.param((str(MAX_INT + 1), "1", "2026-03-02", "n", "x"), id="just too big"),
        pytest.param(("-1", "1", "2026-03-02", "n", "x"), id="negative"),
        pytest.param(("١٢", "1", "2026-03-02", "n", "x"), id="non-ascii digits"),
        pytest.param(("12", "yes", "2026-03-02", "n", "x"), id="bad flag"),
        pytest.param(("12", "1", "2026-02-30", "n", "x"), id="no such day"),
        pytest.param(("12", "1", "20260302", "n", "x"), id="compact date"),
        pytest.param(("12", "1", "2026-03-02", "maybe", "x"), id="unknown choice"),
    ],
)
def test_anything_the_bot_never_wrote_is_out_of_date(args: tuple[str, ...]) -> None:
    with pytest.raises(ButtonExpired):
        Sample.decode(args)


def test_the_largest_number_still_decodes() -> None:
    assert Sample.decode((str(MAX_INT), "0", "2026-03-02", "y", "")).number == MAX_INT


def test_data_over_64_bytes_is_refused_when_the_button_is_built() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        Sample(1, True, date(2026, 3, 2), Choice.YES, "x" * 40).encode()
    with pytest.raises(ValueError, match="does not fit"):
        Sample(1, True, date(2026, 3, 2), Choice.YES, "a|b").encode()


@pytest.mark.parametrize(
    "data", [None, "", "2|sample|1", "1|", "x" * 65, "1|" + "é" * 40], ids=repr
)
def test_foreign_or_future_data_is_not_ours(data: str | None) -> None:
    assert Callback.decode(data) is None


def test_a_handler_claims_its_own_action_only() -> None:
    import re

    claims = re.compile(pattern("post"))
    assert claims.match("1|post|tiktok|t|0")
    assert claims.match("1|post")
    assert not claims.match("1|postx|tiktok")
    assert not claims.match("2|post|tiktok")


@pytest.mark.parametrize(
    "text", ["9" * 40, str(MAX_INT + 1), "-1", "+1", " 1", "١٢", "１", "", "1.0", "0x10"]
)
def test_a_number_kept_as_text_is_range_checked_too(text: str) -> None:
    """Undo's entry and a plan's program are kept as sent, and read through the same check."""
    with pytest.raises(ButtonExpired):
        read_number(text)
    with pytest.raises(ButtonExpired):
        UndoPress.decode((text,))
    if text:
        with pytest.raises(ButtonExpired):
            PlanPress.decode(("stop", text))


def test_the_smallest_and_largest_numbers_are_read() -> None:
    assert read_number("0") == 0
    assert read_number(str(MAX_INT)) == MAX_INT
    assert PlanPress.decode(("keep",)).program == ""
    assert PlanPress.decode(("stop", str(MAX_INT))).program == str(MAX_INT)
