"""The profile's messages from plain values: the profile view, step questions and their buttons,
typed questions, confirmations, and the `set` button's data."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time

import pytest
from telegram import InlineKeyboardMarkup

from bot.domain.errors import InputError
from bot.domain.models import Profile
from bot.domain.onboarding import STEPS, Asked, Awaiting, Mode, Press, Step, choices_for
from bot.domain.platforms import PLATFORMS
from bot.domain.timezones import COMMON_ZONES, zone
from bot.render.callbacks import MAX_BYTES, Callback
from bot.render.profile import (
    SetButton,
    ask_again,
    command_menu,
    confirmation,
    handle_changed,
    profile_text,
    profile_view,
    step_view,
    typed_question,
    utc_offset,
    with_usage,
)
from bot.texts import t

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
MAYA = Profile(
    user_id=1, first_name="Maya", language=None, telegram_language="en", timezone="UTC",
    nudge_time=time(20), day_start=time(0), niche="", niche_tags=(), platforms=(), handles={},
    posting_days_per_week=7, hit_threshold=5, awaiting=None, onboarded=False, created_at=NOW,
)  # fmt: skip
COOK = replace(
    MAYA,
    timezone="Asia/Shanghai",
    nudge_time=time(21),
    niche="Budget cooking",
    niche_tags=("food", "budget"),
    platforms=("tiktok", "xiaohongshu"),
    handles={"tiktok": "@maya.cooks"},
)


def buttons(keyboard: InlineKeyboardMarkup) -> list[list[tuple[str, str]]]:
    return [[(b.text, str(b.callback_data)) for b in row] for row in keyboard.inline_keyboard]


def test_the_largest_set_button_fits_and_reads_back() -> None:
    step = max(Step, key=lambda s: len(s.value))
    values = [*COMMON_ZONES, *(p.key for p in PLATFORMS), *Press]
    value = max(values, key=lambda v: len(v.encode()))
    largest = SetButton(Mode.ONBOARDING, step, value)
    data = largest.encode()
    assert len(data.encode()) <= MAX_BYTES
    decoded = Callback.decode(data)
    assert decoded is not None
    assert decoded.action == "set"
    assert SetButton.decode(decoded.args) == largest


def test_set_buttons_keep_their_wire_format() -> None:
    assert (
        SetButton(Mode.ONBOARDING, Step.PLATFORMS, "tiktok").encode() == "1|set|o|platforms|tiktok"
    )
    assert SetButton(Mode.EDITING, Step.PROFILE, Press.OPEN).encode() == "1|set|e|profile|open"


@pytest.mark.parametrize(
    ("name", "offset"),
    [
        ("UTC", "UTC+0"),
        ("Asia/Shanghai", "UTC+8"),
        ("Asia/Kolkata", "UTC+5:30"),
        ("America/New_York", "UTC−5"),
        ("UTC-03:30", "UTC−3:30"),
    ],
)
def test_utc_offset(name: str, offset: str) -> None:
    assert utc_offset(zone(name), NOW) == offset


def test_profile_view_in_english_with_an_edit_button_per_step() -> None:
    text, keyboard = profile_view("en", COOK, zone(COOK.timezone), NOW)
    assert text == (
        "<b>Your profile</b>\nLanguage: English\nTimezone: Asia/Shanghai (UTC+8)\n"
        "Reminder: 21:00\nDay starts: 00:00\nNiche: Budget cooking #food #budget\n"
        "Platforms: TikTok (@maya.cooks), Xiaohongshu"
    )
    assert buttons(keyboard) == [
        [("Language", "1|set|e|lang|open"), ("Timezone", "1|set|e|tz|open")],
        [("Reminder time", "1|set|e|nudge|open"), ("Day start", "1|set|e|daystart|open")],
        [("Niche", "1|set|e|niche|open"), ("Platforms", "1|set|e|platforms|open")],
        [("Handles", "1|set|e|handles|open")],
    ]


def test_profile_text_in_chinese_with_nothing_set() -> None:
    assert profile_text("zh", MAYA, zone("UTC"), NOW) == (
        "<b>我的资料</b>\n语言：中文\n时区：UTC（UTC+0）\n提醒：20:00\n一天开始：00:00\n"
        "定位：未设置\n平台：未设置"
    )


def test_timezone_step_in_onboarding() -> None:
    text, keyboard = step_view("en", MAYA, Step.TIMEZONE, Mode.ONBOARDING, NOW)
    assert text == "Your timezone? Now: UTC. Pick one, or type any city or offset."
    rows = buttons(keyboard)
    assert rows[0] == [("Shanghai (UTC+8)", "1|set|o|tz|Asia/Shanghai"),
                       ("Tokyo (UTC+9)", "1|set|o|tz|Asia/Tokyo")]  # fmt: skip
    assert rows[3][1] == ("Los Angeles (UTC−8)", "1|set|o|tz|America/Los_Angeles")
    assert rows[-2:] == [
        [("Type another…", "1|set|o|tz|type")],
        [("Skip ⏭", "1|set|o|tz|skip")],
    ]


def test_every_step_offers_its_choices_then_a_way_on() -> None:
    for step, rule in STEPS.items():
        if rule.typed_only:
            continue
        _, keyboard = step_view("en", COOK, step, Mode.EDITING, NOW)
        rows = buttons(keyboard)
        offered = [data.split("|")[-1] for row in rows for _, data in row]
        assert offered[: len(choices_for(rule, COOK))] == list(choices_for(rule, COOK))
        way_on = (
            ("Done ✅", f"1|set|e|{step}|done") if rule.done else ("« Back", "1|set|e|profile|open")
        )
        assert rows[-1] == [way_on]


def test_reminder_and_language_steps_in_chinese() -> None:
    text, keyboard = step_view("zh", MAYA, Step.NUDGE, Mode.EDITING, NOW)
    assert text == "如果当天还没发布，几点提醒你？当前：20:00。选一个，或直接输入时间，例如 19:30。"
    assert [len(row) for row in buttons(keyboard)] == [3, 3, 1, 1]
    _, keyboard = step_view("zh", MAYA, Step.LANG, Mode.ONBOARDING, NOW)
    assert buttons(keyboard) == [
        [("English", "1|set|o|lang|en"), ("中文", "1|set|o|lang|zh")],
        [("跳过 ⏭", "1|set|o|lang|skip")],
    ]


def test_platforms_are_ticked_and_handles_show_what_is_set() -> None:
    _, keyboard = step_view("en", COOK, Step.PLATFORMS, Mode.ONBOARDING, NOW)
    assert buttons(keyboard)[0][0] == ("✅ TikTok", "1|set|o|platforms|tiktok")
    assert buttons(keyboard)[0][1] == ("Douyin", "1|set|o|platforms|douyin")
    text, keyboard = step_view("en", COOK, Step.HANDLES, Mode.ONBOARDING, NOW)
    assert text.startswith("Your handles")
    assert buttons(keyboard) == [
        [("TikTok: @maya.cooks", "1|set|o|handles|tiktok")],
        [("Xiaohongshu: add", "1|set|o|handles|xiaohongshu")],
        [("Done ✅", "1|set|o|handles|done")],
    ]


def test_handles_without_platforms() -> None:
    text, keyboard = step_view("en", MAYA, Step.HANDLES, Mode.EDITING, NOW)
    assert text == "No platforms chosen, so no handles to add."
    assert buttons(keyboard) == [[("Done ✅", "1|set|e|handles|done")]]


def test_typed_questions_and_their_way_back() -> None:
    text, keyboard = typed_question("en", COOK, Awaiting(Asked.HANDLE, Mode.ONBOARDING, "tiktok"))
    assert text == "Your TikTok handle (@name) or profile URL:"
    assert buttons(keyboard) == [[("« Back", "1|set|o|handles|open")]]
    text, keyboard = typed_question("zh", MAYA, Awaiting(Asked.NICHE, Mode.ONBOARDING))
    assert text.startswith("用一句话说说你的定位，可加最多 5 个 #标签。当前：未设置\n")
    assert buttons(keyboard) == [[("跳过 ⏭", "1|set|o|niche|skip")]]
    text, keyboard = typed_question("en", COOK, Awaiting(Asked.NICHE, Mode.EDITING))
    assert "Now: Budget cooking #food #budget" in text
    assert buttons(keyboard) == [[("« Back", "1|set|e|profile|open")]]
    text, _ = typed_question("en", COOK, Awaiting(Asked.TIMEZONE, Mode.EDITING))
    assert text.startswith("Type your timezone")


def test_confirmations_after_a_setting_command() -> None:
    kolkata = replace(MAYA, timezone="Asia/Kolkata", day_start=time(3))
    place = zone("Asia/Kolkata")
    assert confirmation("en", STEPS[Step.TIMEZONE], kolkata, place, NOW) == (
        "Timezone: Asia/Kolkata (UTC+5:30). Your local time now: 2026-03-02 17:30."
    )
    assert confirmation("en", STEPS[Step.DAY_START], kolkata, place, NOW) == (
        "Your day now starts at 03:00."
    )
    assert confirmation("zh", STEPS[Step.LANG], kolkata, place, NOW) == "好的，我会说中文。"
    assert confirmation("en", STEPS[Step.NICHE], COOK, place, NOW) == (
        "Niche: Budget cooking #food #budget"
    )
    assert confirmation("en", STEPS[Step.NUDGE], COOK, place, NOW) == "Saved."


def test_handle_set_and_removed() -> None:
    assert handle_changed("en", "instagram", "@maya") == "Instagram: @maya"
    assert handle_changed("zh", "xiaohongshu", None) == "已删除你的小红书账号。"


def test_usage_and_retry_tails() -> None:
    assert with_usage("en", "Which language?", "lang") == (
        "Which language?\n\n<b>How to use it</b>\n<code>/lang en</code> or <code>/lang zh</code>"
    )
    refused = ask_again("en", InputError("error.lang"))
    assert refused.endswith("\nTry again, or send /cancel.")
    assert refused.startswith(t("en", "error.lang"))


def test_command_menu() -> None:
    menu = command_menu("zh", [("post", "menu.post"), ("help", "menu.room_help")])
    assert [c.command for c in menu] == ["post", "help"]
    assert [c.description for c in menu] == ["记录一条发布", "我在群里能做什么"]
