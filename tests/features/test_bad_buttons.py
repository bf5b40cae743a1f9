"""Forged data for each of the bot's own button actions: an alert, nothing changed, no apology."""

from __future__ import annotations

import dataclasses
import logging
import typing

import pytest

from bot.fakeapi import Person, Session
from bot.render.callbacks import MAX_INT, ButtonData
from tests.helpers import every_button_kind, plausible, snapshot

EXPIRED = "That button is out of date. Send the command again."
UNEXPECTED = "Sorry, something went wrong. Please try again."


@pytest.mark.parametrize(
    ("data", "alert"),
    [
        ("1|post", EXPIRED.split(".")[0]),  # no platform at all
        ("1|post|mars|t|1", "I don't know the platform “mars”"),
        ("1|post|tiktok|t|999", "Already logged."),  # a seen-token that isn't the latest
        ("1|post|tiktok|t|", "Already logged."),
        ("1|undo|", EXPIRED),
        ("1|undo|-1", EXPIRED),
        ("1|undo|99999999999999999999", EXPIRED),  # longer than any id we send
        ("1|undo|9999999999999999", EXPIRED),  # above MAX_INT: never an id we sent
        (f"1|undo|{MAX_INT}", "Already done: that entry is removed."),
        ("1|undo|１", EXPIRED),  # full-width digit
        ("1|shared", EXPIRED),
        ("1|shared|abc|t", EXPIRED),
        ("1|shared|-1|t", EXPIRED),
        ("1|shared|99999999999999999999|t", EXPIRED),
        ("1|shared|999999|t", EXPIRED),  # no such share of this user's
        ("1|shared|1|z", EXPIRED),
        ("1|shared|1|t|extra", EXPIRED),
        ("1|fcount", EXPIRED),
        ("1|fcount|tiktok|-5|s", EXPIRED),
        ("1|fcount|tiktok|100000000001|s", EXPIRED),  # above the largest count we take
        ("1|fcount|tiktok|5|x", EXPIRED),
        ("1|fcount|mars|5|s", "I don't know the platform “mars”"),
        ("1|set", EXPIRED),
        ("1|set|e", EXPIRED),
        ("1|set|x|tz|UTC", EXPIRED),
        ("1|set|e|nope|x", EXPIRED),
        ("1|set|e|tz|Mars/Olympus", "I don't know the timezone “Mars/Olympus”"),
        ("1|set|e|lang|fr", "I speak English (en) and Chinese (zh)."),
        ("1|set|e|nudge|25:00", "“25:00” is not a time."),
        ("1|set|e|daystart|05:00", "Your day can start between 00:00 and 04:00."),
        ("1|set|e|daystart|type", EXPIRED),  # no typed answer for this step
        ("1|set|e|lang|type", EXPIRED),
        ("1|set|o|daystart|01:00", EXPIRED),  # onboarding never asks for the day start
        ("1|set|o|daystart|skip", EXPIRED),
        ("1|set|e|platforms|mars", "I don't know the platform “mars”"),
        ("1|set|e|handles|mars", "I don't know the platform “mars”"),
        ("1|set|e|niche|'; DROP TABLE users; --", EXPIRED),
        ("1|nudge", EXPIRED),
        ("1|nudge|fly|2026-03-02", EXPIRED),
        ("1|nudge|snooze|1999-01-01", "That reminder was for another day."),
        ("1|nudge|rest|'; DROP TABLE users; --", "That reminder was for another day."),
        ("1|keep", EXPIRED),
        ("1|keep|never", EXPIRED),
        ("1|keep|'; DROP TABLE users; --", EXPIRED),
        ("1|remind", EXPIRED),
        ("1|remind|everything", EXPIRED),
        ("1|followup", EXPIRED),
        ("1|followup|enter|abc", EXPIRED),
        ("1|followup|enter|１", EXPIRED),
        ("1|followup|enter|99999", "That post isn't there any more."),
        ("1|plan", EXPIRED),
        ("1|program", EXPIRED),
        ("1|program|abc", EXPIRED),
        ("1|program|2", EXPIRED),
        ("1|program|99999999999999999999", EXPIRED),
        ("1|plan|stop|1", "That button is out of date. /plan shows where you are."),
        ("1|plan|next|1", "That button is out of date. /plan shows where you are."),
        ("1|plan|next|", "That button is out of date. /plan shows where you are."),
        ("1|plan|stop|" + "9" * 40, EXPIRED),  # once an unhandled OverflowError
        ("1|plan|next|" + "9" * 17, EXPIRED),
        ("1|plan|stop|１", EXPIRED),  # full-width digit
        ("1|plan|stop|-1", EXPIRED),
        ("1|cheer|" + "9" * 40, EXPIRED),
        ("1|cheer|-1", EXPIRED),
        ("1|cheer|0", EXPIRED),
        ("1|forget|yes|" + "9" * 40, EXPIRED),
        ("1|followup|enter|" + "9" * 40, EXPIRED),
        ("1|shared|0|t", EXPIRED),
        ("1|post|tiktok|t|" + "9" * 40, "Already logged."),
    ],
)
async def test_forged_button_data(session: Session, maya: Person, data: str, alert: str) -> None:
    await session.send(maya, "/post tiktok first")
    message = (await session.send(maya, "/settings")).last
    before = snapshot(session)
    pressed = await session.press(maya, message, data=data)
    assert len(pressed.alerts) == 1
    assert pressed.alerts[0].startswith(alert)
    assert pressed.alerts[0] != UNEXPECTED
    assert pressed.messages == []
    assert snapshot(session) == before


OUT_OF_RANGE = ("9" * 40, str(2**63), "-1", "١٢", "１", "", " 1", "1e3", "0x1")


@pytest.mark.parametrize("kind", every_button_kind(), ids=lambda kind: kind.action)
async def test_every_argument_of_every_button_kind_is_range_checked(
    session: Session, maya: Person, kind: type[ButtonData], caplog: pytest.LogCaptureFixture
) -> None:
    """Each argument in turn gets huge, negative, non-ASCII and malformed values: a number field
    says "out of date"; nothing says "something went wrong" or logs an ERROR line."""
    await session.send(maya, "/post tiktok first")
    message = (await session.send(maya, "/settings")).last
    template = plausible(kind)
    hints = typing.get_type_hints(kind)
    numbers = {f.name for f in dataclasses.fields(kind) if hints[f.name] is int}
    for position, field in enumerate(dataclasses.fields(kind)):
        for bad in OUT_OF_RANGE:
            args = [*template[:position], bad, *template[position + 1 :]]
            data = "|".join(["1", kind.action, *args])
            pressed = await session.press(maya, message, data=data)
            assert UNEXPECTED not in [*pressed.alerts, *pressed.texts], data
            if field.name in numbers:
                assert pressed.alerts == [EXPIRED], data
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
