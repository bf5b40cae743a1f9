"""The shared words and values: counts, clocks, days, switches, clean text."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain.parsing import (
    MAX_COUNT,
    clean_text,
    parse_clock,
    parse_count,
    parse_days,
    parse_switch,
)
from tests.helpers import error_key


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("1234", 1234),
        ("1,234", 1234),
        ("1_000", 1000),
        ("1.2k", 1200),
        ("3.5w", 35000),
        ("1.2万", 12000),
        ("2亿", 200_000_000),
        ("１２００", 1200),  # full-width digits from a Chinese keyboard
        ("1M", 1_000_000),
    ],
)
def test_parse_count(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("-5", "error.count_negative"),
        ("−5", "error.count_negative"),
        ("1e30", "error.count_not_number"),
        ("1" + "0" * 30, "error.count_too_large"),
        (str(MAX_COUNT + 1), "error.count_too_large"),
        ("12.5", "error.count_not_number"),
        ("abc", "error.count_not_number"),
        ("1,23", "error.count_not_number"),
        ("🔥", "error.count_not_number"),
        ("", "error.count_not_number"),
    ],
)
def test_parse_count_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_count(text)) == key


@pytest.mark.parametrize(
    ("text", "value"),
    [("20:00", time(20)), ("8:30", time(8, 30)), ("7", time(7)), ("２０：１５", time(20, 15))],
)
def test_parse_clock(text: str, value: time) -> None:
    assert parse_clock(text) == value


@pytest.mark.parametrize("text", ["24:00", "12:60", "noon", "", "1:2", "-1"])
def test_parse_clock_refuses(text: str) -> None:
    assert error_key(lambda: parse_clock(text)) == "error.time_shape"


def test_clean_text_drops_controls_and_keeps_chinese() -> None:
    assert clean_text("a\x00b\x1b[31mc\u202e") == "ab[31mc"
    assert clean_text("小红书　笔记") == "小红书 笔记"


def test_days_and_switches() -> None:
    assert parse_days("7", 90) == 7
    assert parse_days("7天", 90) == 7
    assert parse_days("30 days", 90) == 30
    assert parse_switch("开") is True
    assert parse_switch("OFF") is False
