"""A button pressed long before the bot answers it (it was down, or restarting): Telegram
refuses the late answer, and that is expected - the press still does its work, quietly."""

from __future__ import annotations

import logging

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import count

pytestmark = pytest.mark.both_transports


def loud(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


async def test_a_press_answered_too_late_still_logs_the_post_quietly(
    session: Session, maya: Person, caplog: pytest.LogCaptureFixture
) -> None:
    picker = (await session.send(maya, "/post")).last
    session.server.query_answer_timeout = 0.0  # every answer comes too late
    mark = len(session.server.calls)
    with caplog.at_level(logging.DEBUG):
        logged = await session.press(maya, picker, "Douyin")
    assert count(session, "posts") == 1
    assert logged.last.message_id == picker.message_id  # the picker became the confirmation
    assert logged.texts[0].startswith("✅ Logged #1 · Douyin")
    assert loud(caplog) == []
    methods = [c.method for c in session.server.calls[mark:] if c.method != "getUpdates"]
    assert methods == ["editMessageText", "answerCallbackQuery"]  # no apology, nothing else
    assert "answered too late" in caplog.text


async def test_a_refused_press_answered_too_late_gets_no_apology(
    session: Session, maya: Person, caplog: pytest.LogCaptureFixture
) -> None:
    picker = (await session.send(maya, "/post")).last
    await session.press(maya, picker, "Douyin")
    session.server.query_answer_timeout = 0.0
    mark = len(session.server.calls)
    again = await session.press(maya, picker, "Douyin")  # an alert ("already logged"), too late
    assert again.alerts == ["Already logged. Send /post again for another post."]
    assert count(session, "posts") == 1
    assert loud(caplog) == []
    methods = [c.method for c in session.server.calls[mark:] if c.method != "getUpdates"]
    assert methods == ["answerCallbackQuery"]
