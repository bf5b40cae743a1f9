"""What reminders say: plain values in, exact text and buttons out."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest
from telegram import InlineKeyboardMarkup

from bot.domain.backoff import NudgeBackoff
from bot.domain.deliveries import DeliveryKind
from bot.domain.errors import InputError
from bot.domain.models import Post, Profile
from bot.domain.rest import nudge_day
from bot.domain.rooms import BuddyDay
from bot.domain.schedule import QuietHours
from bot.render.callbacks import MAX_BYTES, MAX_INT, ButtonData, Callback
from bot.render.nudges import (
    FollowupChoice,
    FollowupPress,
    NudgeChoice,
    NudgePress,
    RemindToggle,
    Switch,
    followup_buttons,
    followup_text,
    nudge_buttons,
    nudge_text,
    rest_taken,
    settings_view,
    toggles,
)

DAY = date(2026, 3, 2)
MAYA = Profile(
    user_id=1,
    first_name="Maya <3",
    language=None,
    telegram_language="en",
    timezone="Europe/Berlin",
    nudge_time=time(20, 0),
    day_start=time(0),
    niche="",
    niche_tags=(),
    platforms=(),
    handles={},
    posting_days_per_week=7,
    hit_threshold=5,
    awaiting=None,
    onboarded=True,
    created_at=datetime(2026, 3, 1, tzinfo=UTC),
)
POST = Post(9, 1, 4, "tiktok", None, "Dumplings", (), datetime(2026, 3, 1, tzinfo=UTC), DAY)


def data(keyboard: InlineKeyboardMarkup) -> list[list[str]]:
    return [[str(b.callback_data) for b in row] for row in keyboard.inline_keyboard]


def labels(keyboard: InlineKeyboardMarkup) -> list[str]:
    return [b.text for row in keyboard.inline_keyboard for b in row]


def test_a_nudge_greets_by_name_with_the_streak_and_the_buddy() -> None:
    # The wording is picked by day and user: (ordinal + user id) % 7 is 2 on this day.
    text = nudge_text("en", DeliveryKind.NUDGE, MAYA, DAY, 3, [BuddyDay("Jo", False)])
    assert text.splitlines() == [
        "Small and done beats perfect and planned. What are you posting today, Maya &lt;3?",
        "🔥 Streak: 3 days — keep it going.",
        "🤝 Your buddy Jo hasn't posted yet either: nudge each other!",
    ]


def test_a_snoozed_nudge_comes_back_in_other_words() -> None:
    assert nudge_text("en", DeliveryKind.SNOOZE, MAYA, DAY, 0, []) == (
        "Checking in, Maya &lt;3: has today's post gone out?"
    )


def test_a_last_call() -> None:
    text = nudge_text("en", DeliveryKind.LAST_CALL, MAYA, DAY, 0, [BuddyDay("Jo", None)])
    assert text.splitlines() == [
        "⏳ Maya &lt;3, 90 minutes left today. Still time for one post.",
        "🤝 Your buddy this week: Jo",
    ]


def test_nudge_buttons_carry_the_day() -> None:
    assert data(nudge_buttons("en", DAY)) == [
        ["1|nudge|posted|2026-03-02"],
        ["1|nudge|snooze|2026-03-02", "1|nudge|rest|2026-03-02"],
    ]
    assert nudge_day(NudgePress.on(NudgeChoice.REST, DAY).day, DAY) == DAY
    with pytest.raises(InputError):
        nudge_day(NudgePress(NudgeChoice.REST, "'; DROP TABLE users; --").day, DAY)


def test_a_rest_day_in_both_languages() -> None:
    assert rest_taken("en", 4, 0) == (
        "😌 Rest day. Your streak stays at 4 days; 0 rest days left this week."
    )
    assert rest_taken("zh", 1, 1).startswith("😌")


def test_followups() -> None:
    assert followup_text("en", 1, POST, None) == (
        "📈 A day on: how is #4 · TikTok · “Dumplings” doing? Saves are what make a hit."
    )
    assert followup_text("en", 2, POST, 1200).splitlines() == [
        "📈 Three days on: how did #4 · TikTok · “Dumplings” do?",
        "Last time: 1,200 saves.",
    ]
    assert data(followup_buttons("en", 9)) == [["1|followup|enter|9"], ["1|followup|off"]]


def test_the_settings_view_and_its_toggles() -> None:
    quiet = replace(MAYA, quiet_hours=QuietHours(time(23), time(7)))
    text = settings_view(
        "en", quiet, date(2026, 3, 9), datetime(2026, 3, 10, 20, 0), NudgeBackoff(), saved=True
    )
    assert text == (
        "Saved.\n\n⏰ <b>Reminders</b>\n"
        "Daily nudge: 20:00\n"
        "Last call (90 min before the day ends): off\n"
        "Follow-ups on your posts: on\n"
        "Quiet hours: 23:00-07:00\n"
        "Paused: until 2026-03-09\n"
        "Times are in Europe/Berlin.\n"
        "Next reminder: 2026-03-10 20:00"
    )
    assert "Paused: off" in settings_view("en", MAYA, None, None, NudgeBackoff())
    keyboard = toggles("en", MAYA)
    assert labels(keyboard) == ["Daily nudge: on", "Last call: off", "Follow-ups: on"]
    assert data(keyboard) == [["1|remind|nudges"], ["1|remind|lastcall"], ["1|remind|followups"]]


@pytest.mark.parametrize(
    "button",
    [
        NudgePress(NudgeChoice.SNOOZE, "2026-12-31"),
        RemindToggle(Switch.FOLLOWUPS),
        FollowupPress(FollowupChoice.ENTER, MAX_INT),
        FollowupPress(FollowupChoice.OFF),
    ],
)
def test_the_largest_buttons_fit_and_read_back(button: ButtonData) -> None:
    encoded = button.encode()
    assert len(encoded.encode()) <= MAX_BYTES
    decoded = Callback.decode(encoded)
    assert decoded is not None
    assert type(button).decode(decoded.args) == button
