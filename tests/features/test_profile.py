from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import rows


def profile_row(session: Session, person: Person) -> tuple[object, ...]:
    return rows(
        session,
        "SELECT language, timezone, nudge_time, day_start, niche, niche_tags, onboarded"
        " FROM users WHERE user_id = ?",
        person.user_id,
    )[0]


async def test_onboarding_walks_every_step(session: Session, maya: Person) -> None:
    step = (await session.send(maya, "/start")).last
    assert step.text.startswith("👋 Welcome to Postpact.")
    assert step.text.endswith("Which language?")
    step = (await session.press(maya, step, "English")).last
    assert step.text.startswith("Your timezone? Now: UTC.")
    step = (await session.press(maya, step, "Shanghai (UTC+8)")).last
    assert step.text == (
        "When should I remind you to post, if you haven't yet? Now: 20:00. "
        "Pick one, or type a time like 19:30."
    )
    step = (await session.press(maya, step, "21:00")).last
    assert step.text.startswith("Your niche in one sentence, plus up to 5 #tags. Now: not set")
    step = (await session.send(maya, "Budget cooking for students #Food #budget")).last
    assert step.text == "Where do you post? Tap all that apply, then Done."
    step = (await session.press(maya, step, "TikTok")).last
    step = (await session.press(maya, step, "Xiaohongshu")).last
    assert ("✅ TikTok", "1|set|o|platforms|tiktok") in step.buttons
    step = (await session.press(maya, step, "Done ✅")).last
    assert step.text.startswith("Your handles")
    step = (await session.press(maya, step, "TikTok: add")).last
    assert step.text == "Your TikTok handle (@name) or profile URL:"
    step = (await session.send(maya, "maya.cooks")).last
    assert [label for label, _ in step.buttons][:2] == ["TikTok: @maya.cooks", "Xiaohongshu: add"]
    done = (await session.press(maya, step, "Done ✅")).last
    assert done.text == (
        "All set. Log your first post with /post — /help shows everything.\n\n"
        "Your profile\nLanguage: English\nTimezone: Asia/Shanghai (UTC+8)\nReminder: 21:00\n"
        "Day starts: 00:00\nNiche: Budget cooking for students #food #budget\n"
        "Platforms: TikTok (@maya.cooks), Xiaohongshu\n\n"
        "🗓 The 3-month program, one goal a month:\n"
        "Month 1 — the habit: post on your posting days.\n"
        "Month 2 — a hit: a post people save.\n"
        "Month 3 — growth: more followers. A review closes each month.\n"
        "Tap Start to begin today, or /plan start 2026-03-09 to pick the day."
    )
    assert [label for label, _ in done.buttons] == ["🚀 Start"]
    assert profile_row(session, maya) == (
        "en", "Asia/Shanghai", "21:00", "00:00", "Budget cooking for students",
        "food budget", 1,
    )  # fmt: skip
    # Finishing onboarding starts the reminders: 21:00 in Shanghai, an hour from now, is 13:00 UTC.
    assert rows(session, "SELECT next_nudge_at, next_review_period FROM users") == [
        ("2026-03-02T13:00:00.000000Z", "month:2026-03")
    ]
    started = await session.press(maya, done, "🚀 Start")
    assert started.last.text.startswith("🚀 Cycle 1 is on.")
    assert rows(session, "SELECT cycle, start_date FROM programs") == [(1, "2026-03-02")]


async def test_a_reminder_time_chosen_in_settings_moves_the_next_nudge(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/nudge 20:00")
    profile = (await session.send(maya, "/settings")).last
    step = (await session.press(maya, profile, "Reminder time")).last
    await session.press(maya, step, "21:00")
    assert rows(session, "SELECT next_nudge_at FROM users") == [("2026-03-02T21:00:00.000000Z",)]


async def test_every_onboarding_step_can_be_skipped(session: Session, maya: Person) -> None:
    step = (await session.send(maya, "/start")).last
    for _ in range(3):  # language, timezone, reminder
        step = (await session.press(maya, step, "Skip ⏭")).last
    step = (await session.press(maya, step, "Skip ⏭")).last  # niche
    step = (await session.press(maya, step, "Done ✅")).last  # no platforms
    assert step.text == "No platforms chosen, so no handles to add."
    done = (await session.press(maya, step, "Done ✅")).last
    assert done.text.startswith("All set.")
    assert profile_row(session, maya)[-1] == 1
    again = (await session.send(maya, "/start")).last
    assert again.text.startswith("Your profile\nLanguage: English\nTimezone: UTC (UTC+0)")
    assert [label for label, _ in again.buttons] == [
        "Language", "Timezone", "Reminder time", "Day start", "Niche", "Platforms", "Handles",
    ]  # fmt: skip


async def test_profile_edit_with_a_typed_timezone(session: Session, maya: Person) -> None:
    profile = (await session.send(maya, "/settings")).last
    step = (await session.press(maya, profile, "Timezone")).last
    step = (await session.press(maya, step, "Type another…")).last
    assert step.text.startswith("Type your timezone")
    wrong = await session.send(maya, "Atlantis")
    assert wrong.text == (
        "I don't know the timezone “Atlantis”. Try an IANA name like Asia/Shanghai, an offset "
        "like UTC+8, or a city like Berlin.\nTry again, or send /cancel."
    )
    right = (await session.send(maya, "berlin")).last
    assert "Timezone: Europe/Berlin (UTC+1)" in right.text
    assert profile_row(session, maya)[1] == "Europe/Berlin"
    # The question is answered: free text is back to a pointer.
    assert (await session.send(maya, "berlin")).text.startswith("I read commands.")


async def test_cancel_drops_a_pending_question(session: Session, maya: Person) -> None:
    profile = (await session.send(maya, "/settings")).last
    await session.press(maya, profile, "Niche")
    assert (await session.send(maya, "/cancel")).text == "OK, nothing pending."
    assert (await session.send(maya, "Cooking")).text.startswith("I read commands.")
    assert profile_row(session, maya)[4] == ""


async def test_direct_setting_commands(session: Session, maya: Person) -> None:
    assert (await session.send(maya, "/timezone UTC+5:30")).text == (
        "Timezone: UTC+05:30 (UTC+5:30). Your local time now: 2026-03-02 17:30."
    )
    assert (await session.send(maya, "/daystart 3")).text == "Your day now starts at 03:00."
    assert (await session.send(maya, "/niche Street food in Chengdu #food #成都")).text == (
        "Niche: Street food in Chengdu #food #成都"
    )
    assert (await session.send(maya, "/handle ig https://instagram.com/maya")).text == (
        "Instagram: https://instagram.com/maya"
    )
    assert (await session.send(maya, "/handle ig -")).text == "Removed your Instagram handle."
    assert profile_row(session, maya)[1:6] == (
        "UTC+05:30", "20:00", "03:00", "Street food in Chengdu", "food 成都",
    )  # fmt: skip


async def test_commands_without_arguments_show_the_choices(session: Session, maya: Person) -> None:
    shown = (await session.send(maya, "/daystart")).last
    assert shown.text.startswith("When does your day start?")
    assert "How to use it\n/daystart HH:MM" in shown.text
    chosen = (await session.press(maya, shown, "02:00")).last
    assert "Day starts: 02:00" in chosen.text


async def test_language_switch_and_telegram_language(session: Session) -> None:
    li = session.person("Li", language_code="zh-hans")
    assert (await session.send(li, "/today")).text.startswith("今天 2026-03-02")
    assert (await session.send(li, "/lang en")).text == "I'll speak English."
    assert (await session.send(li, "/today")).text.startswith("Today, 2026-03-02")
    assert (await session.send(li, "/lang 中文")).text == "好的，我会说中文。"
    posted = await session.send(li, "/post 小红书 秋日穿搭 #穿搭")
    assert posted.text == (
        "✅ 已记录 #1 · 小红书 · 《秋日穿搭》 #穿搭\n"
        "今天第 1 条 · 连续 1 天\n"
        "本月（2026-03）：1/27 天 ▰▱▱▱▱▱▱▱▱▱"
    )


@pytest.mark.parametrize(
    ("command", "shows"),
    [
        ("/lang", "Which language?"),
        ("/timezone", "Your timezone? Now: UTC."),
        ("/daystart", "When does your day start?"),
        ("/handle", "No platforms chosen, so no handles to add."),
        ("/niche", "Your niche in one sentence, plus up to 5 #tags. Now: not set"),
    ],
)
async def test_every_bare_setting_command_offers_a_way_forward(
    session: Session, maya: Person, command: str, shows: str
) -> None:
    reply = (await session.send(maya, command)).last
    assert reply.text.startswith(shows)
    assert "out of date" not in reply.text
    assert reply.buttons  # a choice, or a way back


async def test_bare_niche_takes_the_next_message(session: Session, maya: Person) -> None:
    await session.send(maya, "/niche")
    answered = (await session.send(maya, "Street food in Chengdu #food")).last
    assert "Niche: Street food in Chengdu #food" in answered.text
    assert profile_row(session, maya)[4:6] == ("Street food in Chengdu", "food")


async def test_onboarding_takes_typed_answers_at_the_step_without_type_another(
    session: Session, maya: Person
) -> None:
    step = (await session.send(maya, "/start")).last
    step = (await session.press(maya, step, "English")).last
    assert "type any city or offset" in step.text
    wrong = await session.send(maya, "Atlantis")
    assert wrong.text.startswith("I don't know the timezone “Atlantis”.")
    assert wrong.text.endswith("Try again, or send /cancel.")
    step = (await session.send(maya, "berlin")).last
    assert step.text == (
        "When should I remind you to post, if you haven't yet? Now: 20:00. "
        "Pick one, or type a time like 19:30."
    )
    step = (await session.send(maya, "19:30")).last
    assert step.text.startswith("Your niche in one sentence")
    step = (await session.send(maya, "Street food in Berlin #food")).last
    assert step.text == "Where do you post? Tap all that apply, then Done."
    assert profile_row(session, maya)[1:6] == (
        "Europe/Berlin", "19:30", "00:00", "Street food in Berlin", "food",
    )  # fmt: skip
    # Platforms take no typed answer: text there is a pointer again.
    assert (await session.send(maya, "tiktok")).text.startswith("I read commands.")


async def test_a_bare_timezone_command_takes_the_next_message(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/timezone")
    answered = await session.send(maya, "UTC+8")
    assert "Timezone: UTC+08:00" in answered.text or "UTC+8" in answered.text
    assert profile_row(session, maya)[1] != "UTC"
