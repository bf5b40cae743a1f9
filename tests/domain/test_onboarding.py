"""The profile's steps as a table: the onboarding walk, what each press does, what each answer
saves, and the stored `awaiting` text (including rows written before the table existed)."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.domain.errors import InputError
from bot.domain.models import Profile
from bot.domain.onboarding import (
    STEPS,
    Asked,
    Awaiting,
    Mode,
    Move,
    Press,
    Step,
    awaiting_for,
    choices_for,
    move_for,
    moves_schedule,
    onboarding_steps,
    parse_language,
    typed_rule,
)

ONB, EDIT = Mode.ONBOARDING, Mode.EDITING


def a_profile(platforms: tuple[str, ...] = ()) -> Profile:
    return Profile(
        user_id=1, first_name="Maya", language=None, telegram_language="en", timezone="UTC",
        nudge_time=time(20), day_start=time(0), niche="", niche_tags=(), platforms=platforms,
        handles={}, posting_days_per_week=7, hit_threshold=5, awaiting=None, onboarded=False,
        created_at=datetime(2026, 3, 2, tzinfo=UTC),
    )  # fmt: skip


def test_onboarding_walks_six_steps_in_order() -> None:
    assert onboarding_steps() == (
        Step.LANG, Step.TIMEZONE, Step.NUDGE, Step.NICHE, Step.PLATFORMS, Step.HANDLES,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("step", "then"),
    [
        (Step.LANG, Step.TIMEZONE),
        (Step.TIMEZONE, Step.NUDGE),
        (Step.NUDGE, Step.NICHE),
        (Step.DAY_START, None),  # only in /settings
        (Step.NICHE, Step.PLATFORMS),
        (Step.PLATFORMS, Step.HANDLES),
        (Step.HANDLES, None),  # the last: onboarding is done
    ],
)
def test_every_steps_next_step(step: Step, then: Step | None) -> None:
    assert STEPS[step].then is then


def test_the_profile_edits_every_step_in_the_tables_order() -> None:
    assert list(STEPS) == [
        Step.LANG, Step.TIMEZONE, Step.NUDGE, Step.DAY_START, Step.NICHE, Step.PLATFORMS,
        Step.HANDLES,
    ]  # fmt: skip
    assert [s for s in STEPS if not STEPS[s].onboarding] == [Step.DAY_START]


def test_only_timezone_nudge_and_niche_take_typed_answers() -> None:
    typed = {step: rule.typed for step, rule in STEPS.items() if rule.typed is not None}
    assert typed == {
        Step.TIMEZONE: Asked.TIMEZONE, Step.NUDGE: Asked.NUDGE, Step.NICHE: Asked.NICHE,
    }  # fmt: skip
    assert [s for s in STEPS if STEPS[s].typed_only] == [Step.NICHE]


def test_handles_offer_the_users_platforms_and_others_their_fixed_choices() -> None:
    profile = a_profile(platforms=("tiktok", "x"))
    assert choices_for(STEPS[Step.HANDLES], profile) == ("tiktok", "x")
    assert choices_for(STEPS[Step.LANG], profile) == ("en", "zh")
    assert choices_for(STEPS[Step.DAY_START], profile)[-1] == "04:00"
    assert "tiktok" in choices_for(STEPS[Step.PLATFORMS], a_profile())


@pytest.mark.parametrize(
    ("mode", "step", "value", "move"),
    [
        (EDIT, Step.PROFILE, Press.OPEN, Move.PROFILE),
        (EDIT, Step.PROFILE, "anything", Move.PROFILE),
        (ONB, Step.PROFILE, Press.OPEN, Move.PROFILE),
        (EDIT, Step.TIMEZONE, Press.OPEN, Move.OPEN),
        (EDIT, Step.TIMEZONE, "", Move.OPEN),
        (ONB, Step.LANG, Press.SKIP, Move.NEXT),
        (EDIT, Step.NICHE, Press.SKIP, Move.NEXT),
        (ONB, Step.PLATFORMS, Press.DONE, Move.NEXT),
        (EDIT, Step.HANDLES, Press.DONE, Move.NEXT),
        (EDIT, Step.TIMEZONE, Press.DONE, Move.SAVE),  # a zone called "done": refused when parsed
        (EDIT, Step.TIMEZONE, Press.TYPE, Move.ASK),
        (ONB, Step.NUDGE, Press.TYPE, Move.ASK),
        (EDIT, Step.NICHE, Press.TYPE, Move.ASK),
        (ONB, Step.LANG, "zh", Move.SAVE),
        (EDIT, Step.DAY_START, "05:00", Move.SAVE),  # refused when parsed
        (ONB, Step.PLATFORMS, "tiktok", Move.TOGGLE),
        (ONB, Step.HANDLES, "tiktok", Move.ASK_HANDLE),
    ],
)
def test_what_a_press_does(mode: Mode, step: Step, value: str, move: Move) -> None:
    assert move_for(mode, step, value) is move


@pytest.mark.parametrize(
    ("mode", "step", "value"),
    [
        (EDIT, Step.LANG, Press.TYPE),
        (EDIT, Step.DAY_START, Press.TYPE),
        (EDIT, Step.PLATFORMS, Press.TYPE),
        (EDIT, Step.HANDLES, Press.TYPE),
        (EDIT, Step.PROFILE, Press.TYPE),
        (EDIT, Step.NICHE, "'; DROP TABLE users; --"),  # a niche is typed, never a button
        (ONB, Step.DAY_START, "01:00"),  # onboarding never asks for the day start
        (ONB, Step.DAY_START, Press.SKIP),
        (ONB, Step.DAY_START, Press.OPEN),
    ],
)
def test_presses_the_bot_never_offers_are_out_of_date(mode: Mode, step: Step, value: str) -> None:
    with pytest.raises(InputError) as refused:
        move_for(mode, step, value)
    assert refused.value.key == "error.button_expired"


@pytest.mark.parametrize(
    ("step", "answer", "fields"),
    [
        (Step.LANG, " 中文 ", {"language": "zh"}),
        (Step.TIMEZONE, "berlin", {"timezone": "Europe/Berlin"}),
        (Step.TIMEZONE, "UTC+5:30", {"timezone": "UTC+05:30"}),
        (Step.NUDGE, "21:00", {"nudge_time": time(21)}),
        (Step.DAY_START, "3", {"day_start": time(3)}),
        (Step.NICHE, "Cooking #Food", {"niche": "Cooking", "niche_tags": ("food",)}),
    ],
)
def test_what_each_answer_saves(step: Step, answer: str, fields: dict[str, object]) -> None:
    saves = STEPS[step].saves
    assert saves is not None
    assert saves(answer) == fields


def test_steps_of_many_answers_save_nothing_themselves() -> None:
    assert STEPS[Step.PLATFORMS].saves is None
    assert STEPS[Step.HANDLES].saves is None


def test_an_unknown_timezone_names_what_was_typed() -> None:
    saves = STEPS[Step.TIMEZONE].saves
    assert saves is not None
    with pytest.raises(InputError) as refused:
        saves("  Atlantis  ")
    assert (refused.value.key, refused.value.params) == ("error.timezone", {"given": "Atlantis"})


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("en", "en"),
        ("ZH", "zh"),
        ("中文", "zh"),
        ("Chinese", "zh"),
        ("english", "en"),
        ("cn", "zh"),
    ],
)
def test_language_names_people_type(typed: str, language: str) -> None:
    assert parse_language(typed) == language


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(InputError) as refused:
        parse_language("fr")
    assert refused.value.key == "error.lang"


def test_settings_that_move_the_schedule() -> None:
    assert moves_schedule({"timezone": "UTC", "awaiting": None})
    assert moves_schedule({"onboarded": True})
    assert not moves_schedule({"language": "zh", "awaiting": None})
    assert not moves_schedule({"niche": "x", "niche_tags": ()})


def test_a_steps_typed_answer_and_back() -> None:
    assert awaiting_for(Step.NICHE, ONB) == Awaiting(Asked.NICHE, ONB)
    assert awaiting_for(Step.TIMEZONE, EDIT) == Awaiting(Asked.TIMEZONE, EDIT)
    assert typed_rule(Asked.NUDGE).step is Step.NUDGE
    for refused in (lambda: awaiting_for(Step.LANG, EDIT), lambda: typed_rule(Asked.METRICS)):
        with pytest.raises(InputError):
            refused()


# Stored before the table existed: these rows must keep parsing after a deploy.
@pytest.mark.parametrize(
    ("stored", "awaiting"),
    [
        ("tz:o", Awaiting(Asked.TIMEZONE, ONB)),
        ("tz:e", Awaiting(Asked.TIMEZONE, EDIT)),
        ("nudge:o", Awaiting(Asked.NUDGE, ONB)),
        ("nudge:e", Awaiting(Asked.NUDGE, EDIT)),
        ("niche:o", Awaiting(Asked.NICHE, ONB)),
        ("niche:e", Awaiting(Asked.NICHE, EDIT)),
        ("handle:tiktok:o", Awaiting(Asked.HANDLE, ONB, "tiktok")),
        ("handle:xiaohongshu:e", Awaiting(Asked.HANDLE, EDIT, "xiaohongshu")),
        ("metrics:12", Awaiting(Asked.METRICS, subject="12")),
        ("metrics:9007199254740992", Awaiting(Asked.METRICS, subject="9007199254740992")),
    ],
)
def test_awaiting_round_trips_through_its_stored_text(stored: str, awaiting: Awaiting) -> None:
    assert Awaiting.decode(stored) == awaiting
    assert awaiting.encode() == stored


def test_a_followups_numbers_are_awaited_by_post_id() -> None:
    assert Awaiting.metrics(12).encode() == "metrics:12"


@pytest.mark.parametrize(
    "stored", ["", "tz", "tz:", "tz:x", "lang:o", "profile:e", "handle:tiktok", "nope:1", ":o"]
)
def test_awaiting_text_never_stored_is_not_read(stored: str) -> None:
    assert Awaiting.decode(stored) is None
