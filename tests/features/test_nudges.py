"""Daily nudges through the real scheduler, the outbound queue and the fake Bot API."""

from __future__ import annotations

import itertools
from datetime import timedelta

from bot.fakeapi import Person, Session
from tests.helpers import rows, set_up, to, utc


async def test_a_nudge_comes_at_the_local_time_once_with_its_buttons(
    session: Session, maya: Person
) -> None:
    # 2026-03-02 12:00 UTC is 20:00 in Shanghai; the nudge is set for 21:00 there (13:00 UTC).
    await set_up(session, maya, "Asia/Shanghai", "21:00")
    assert to(maya, await session.at(utc(2026, 3, 2, 12, 59))) == []
    sent = to(maya, await session.at(utc(2026, 3, 2, 13, 0)))
    assert len(sent) == 1
    assert [label for label, _ in sent[0].buttons] == ["Posted ✅", "Snooze 1h", "Rest day"]
    assert to(maya, await session.tick()) == []  # a second sweep sends nothing
    assert rows(session, "SELECT kind, period, status FROM deliveries") == [
        ("nudge", "2026-03-02", "sent")
    ]


async def test_the_text_is_never_the_same_two_days_running(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.send(maya, "/goals days 7")  # every day a posting day: a nudge every day
    texts = []
    for day in range(2, 12):
        sent = to(maya, await session.at(utc(2026, 3, day, 20, 0)))
        assert len(sent) == 1
        texts.append(sent[0].text)
        await session.send(maya, f"/post tiktok day {day}")  # answered: nudges stay daily
    assert all(a != b for a, b in itertools.pairwise(texts))
    assert len(set(texts)) >= 5


async def test_no_nudge_on_a_day_already_logged(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.send(maya, "/post tiktok today's")
    assert to(maya, await session.at(utc(2026, 3, 2, 20, 0))) == []
    assert len(to(maya, await session.at(utc(2026, 3, 3, 20, 0)))) == 1


async def test_posted_button_logs_a_post_from_the_nudge(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    nudge = to(maya, await session.at(utc(2026, 3, 2, 20, 0)))[0]
    picker = await session.press(maya, nudge, "Posted ✅")
    assert picker.last.text == "Where did you post?"
    logged = await session.press(maya, picker.last, "TikTok")
    assert logged.last.text.startswith("✅ Logged #1 · TikTok")
    assert rows(session, "SELECT local_date FROM posts") == [("2026-03-02",)]


async def test_snooze_nudges_again_an_hour_later_with_another_text(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    nudge = to(maya, await session.at(utc(2026, 3, 2, 20, 0)))[0]
    snoozed = await session.press(maya, nudge, "Snooze 1h")
    assert snoozed.last.text == "⏰ OK, I'll remind you again at 21:00."
    assert to(maya, await session.at(utc(2026, 3, 2, 20, 59))) == []
    again = to(maya, await session.at(utc(2026, 3, 2, 21, 0)))
    assert len(again) == 1
    assert again[0].text != nudge.text
    # The next day's nudge is back on the usual time.
    assert len(to(maya, await session.at(utc(2026, 3, 3, 20, 0)))) == 1


async def test_snooze_refuses_to_land_past_the_day(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "23:30")
    nudge = to(maya, await session.at(utc(2026, 3, 2, 23, 30)))[0]
    pressed = await session.press(maya, nudge, "Snooze 1h")
    assert pressed.alerts == ["No time left today outside your quiet hours. Tomorrow, then!"]


async def test_rest_day_keeps_the_streak_and_stops_the_nudge(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.send(maya, "/post tiktok one")
    session.clock.set(utc(2026, 3, 3, 12, 0))
    await session.send(maya, "/post tiktok two")
    nudge = to(maya, await session.at(utc(2026, 3, 4, 20, 0)))[0]
    rested = await session.press(maya, nudge, "Rest day")
    assert rested.last.text == (
        "😌 Rest day. Your streak stays at 2 days; 0 rest days left this week."
    )
    session.clock.set(utc(2026, 3, 5, 12, 0))
    posted = await session.send(maya, "/post tiktok three")
    assert "streak 3 days" in posted.text  # the rest day bridged, and did not count
    streak = await session.send(maya, "/streak")
    assert streak.texts[0].splitlines()[:3] == [
        "🔥 Current streak: 3 days",
        "🏆 Best streak: 3 days",
        "⬜" * 10 + "🟩🟩🟦🟩",
    ]
    again = await session.send(maya, "/rest")
    assert again.text == "You've already posted today, no rest needed."
    session.clock.set(utc(2026, 3, 6, 12, 0))
    none_left = await session.send(maya, "/rest")
    assert none_left.text.startswith("You've used your 1 rest day this week.")


async def test_pause_and_resume(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    paused = await session.send(maya, "/pause 3")
    assert "Paused: until 2026-03-04" in paused.text
    assert "Next reminder: 2026-03-05 20:00" in paused.text
    sent = await session.walk(utc(2026, 3, 4, 23, 0), timedelta(hours=1))
    assert to(maya, sent) == []
    assert len(to(maya, await session.at(utc(2026, 3, 5, 20, 0)))) == 1
    await session.send(maya, "/pause 10")
    resumed = await session.send(maya, "/resume")
    assert "Paused: off" in resumed.text
    assert len(to(maya, await session.at(utc(2026, 3, 6, 20, 0)))) == 1
    assert (await session.send(maya, "/resume")).text.startswith("Reminders aren't paused.")


async def test_nudge_off_and_on(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    off = await session.send(maya, "/nudge off")
    assert "Daily nudge: off" in off.text
    assert to(maya, await session.at(utc(2026, 3, 2, 20, 0))) == []
    await session.send(maya, "/nudge on")
    assert len(to(maya, await session.at(utc(2026, 3, 3, 20, 0)))) == 1


async def test_last_call_comes_90_minutes_before_the_day_ends(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.send(maya, "/nudge lastcall on")
    assert len(to(maya, await session.at(utc(2026, 3, 2, 20, 0)))) == 1
    last = to(maya, await session.at(utc(2026, 3, 2, 22, 30)))
    assert len(last) == 1
    assert last[0].text.startswith("⏳")
    # With a post in between, no last call.
    session.clock.set(utc(2026, 3, 3, 21, 0))
    await session.send(maya, "/post tiktok late")
    assert to(maya, await session.at(utc(2026, 3, 3, 22, 30))) == []


async def test_quiet_hours_across_midnight(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "07:00")
    quiet = await session.send(maya, "/quiet 23:00-08:00")
    assert "Quiet hours: 23:00-08:00" in quiet.text
    # 07:00 is inside the quiet hours: the nudge waits for 08:00, the same day.
    assert to(maya, await session.at(utc(2026, 3, 3, 7, 0))) == []
    assert len(to(maya, await session.at(utc(2026, 3, 3, 8, 0)))) == 1
    # 23:30 is inside them too, and their end is tomorrow: no nudge that day at all.
    await session.send(maya, "/nudge 23:30")
    sent = await session.walk(utc(2026, 3, 5, 0, 0), timedelta(minutes=30))
    assert [m.date for m in to(maya, sent)] == []


async def test_a_hostile_name_is_escaped_in_the_nudge(session: Session) -> None:
    mallory = session.person("<b>Mallory & co")
    await set_up(session, mallory, "UTC", "20:00")
    for dom in range(2, 9):  # every variant that names the user gets sent once
        (nudge,) = to(mallory, await session.at(utc(2026, 3, dom, 20, 0)))
        assert "<b>" not in nudge.html
        await session.press(mallory, nudge, "Rest day")  # answered: nudges stay daily


async def test_a_user_who_never_answers_is_nudged_less_then_asked_once_and_a_post_brings_it_back(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    sent: dict[str, str] = {}
    first = utc(2026, 3, 2, 20, 0)
    for offset in range(60):
        day = first + timedelta(days=offset)
        for message in await session.at(day):
            if message.chat_id == maya.user_id:
                sent[f"{day:%m-%d}"] = message.text
    assert list(sent) == [
        *("03-02", "03-03", "03-04"),  # daily, until three in a row go unanswered
        *("03-06", "03-08", "03-10", "03-12"),  # every other day, until seven
        "03-14",  # asked once
        *("03-21", "03-28", "04-04", "04-11", "04-18", "04-25"),  # no answer: weekly
    ]
    assert sent["03-14"].startswith("🤔 I've nudged you 7 times")
    state = await session.send(maya, "/nudge")
    assert "Nudging weekly, since you didn't answer" in state.text
    session.clock.set(utc(2026, 5, 1, 12, 0))
    await session.send(maya, "/post tiktok back")
    assert "Nudging" not in (await session.send(maya, "/nudge")).text
    for may in (2, 3, 4):
        assert len(to(maya, await session.at(utc(2026, 5, may, 20, 0)))) == 1


async def test_every_other_day_shows_in_nudge_and_a_button_press_resets_it(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    for day in (2, 3, 4):
        assert len(to(maya, await session.at(utc(2026, 3, day, 20, 0)))) == 1
    assert to(maya, await session.at(utc(2026, 3, 5, 20, 0))) == []
    state = await session.send(maya, "/nudge")
    assert "Nudging every other day, since you didn't answer the last 3 nudges." in state.text
    (nudge,) = to(maya, await session.at(utc(2026, 3, 6, 20, 0)))
    await session.press(maya, nudge, "Snooze 1h")
    assert len(to(maya, await session.at(utc(2026, 3, 7, 20, 0)))) == 1
    assert len(to(maya, await session.at(utc(2026, 3, 8, 20, 0)))) == 1


async def test_keep_reminding_me_answers_weekly_yes_and_stop(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    asked = []
    for offset in range(13):
        for message in await session.at(utc(2026, 3, 2, 20, 0) + timedelta(days=offset)):
            if message.text.startswith("🤔"):
                asked.append(message)
    (question,) = asked
    assert [label for label, _ in question.buttons] == ["Yes", "Weekly", "Stop"]
    weekly = await session.press(maya, question, "Weekly")
    assert weekly.last.text == "OK: a nudge once a week. /nudge on brings daily nudges back."
    assert "Nudging weekly, as you chose." in (await session.send(maya, "/nudge")).text
    yes = await session.press(maya, question, "Yes")
    assert yes.last.text == "OK: daily nudges again."
    assert "Nudging" not in (await session.send(maya, "/nudge")).text
    stop = await session.press(maya, question, "Stop")
    assert stop.last.text == "OK: no more nudges. /nudge on turns them back on."
    assert rows(session, "SELECT nudges_on FROM users") == [(0,)]


async def test_no_nudge_once_the_weeks_posting_days_are_done(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.send(maya, "/goals days 5")
    for day in range(2, 7):  # Monday 2 March to Friday 6 March
        session.clock.set(utc(2026, 3, day, 12, 0))
        await session.send(maya, "/post tiktok weekday")
    assert to(maya, await session.at(utc(2026, 3, 7, 20, 0))) == []  # Saturday: a day off
    assert to(maya, await session.at(utc(2026, 3, 8, 20, 0))) == []  # Sunday too
    assert len(to(maya, await session.at(utc(2026, 3, 9, 20, 0)))) == 1  # a new week


async def test_a_six_day_week_still_nudges_on_saturday(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.send(maya, "/goals days 6")
    for day in range(2, 7):
        session.clock.set(utc(2026, 3, day, 12, 0))
        await session.send(maya, "/post tiktok weekday")
    assert len(to(maya, await session.at(utc(2026, 3, 7, 20, 0)))) == 1
