"""The owner's commands: /admin stats, /admin announce, /admin user; and /news for everyone."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session, StoredMessage
from bot.outbound import Limits
from tests.helpers import rows, utc

OWNER = 4242
UNKNOWN = "I don't know that command. /help lists the ones I do."


@pytest.fixture
async def session(tmp_path: Path, clock: ControllableClock) -> AsyncIterator[Session]:
    async with Session(tmp_path, clock, user_limits={"owner_ids": frozenset({OWNER})}) as running:
        yield running


@pytest.fixture
def owner(session: Session) -> Person:
    return session.person("Olga", username="olga", user_id=OWNER)


def announcements_to(person: Person, sent: list[StoredMessage], words: str) -> list[StoredMessage]:
    return [m for m in sent if m.chat_id == person.user_id and words in m.text]


# --- who gets /admin ------------------------------------------------------------------------------


@pytest.mark.parametrize("args", ["", " stats", " announce hi", " user 1", " frobnicate"])
async def test_someone_who_is_not_the_owner_gets_the_unknown_command_reply(
    session: Session, maya: Person, args: str
) -> None:
    exchange = await session.send(maya, "/admin" + args)
    assert exchange.texts == [UNKNOWN]
    assert exchange.texts == (await session.send(maya, "/nosuchcommand")).texts


async def test_the_owner_in_a_group_gets_what_any_unknown_command_gets(
    session: Session, owner: Person
) -> None:
    group = -100777
    await session.bot_added(owner, group)
    name = session.server.bot_user["username"]
    assert (await session.send(owner, "/admin stats", chat_id=group)).texts == []
    addressed = await session.send(owner, f"/admin@{name} stats", chat_id=group)
    unknown = await session.send(owner, f"/nosuch@{name} stats", chat_id=group)
    assert addressed.texts == unknown.texts != []


async def test_admin_is_on_no_menu_and_not_in_help(session: Session, owner: Person) -> None:
    calls = session.server.calls_to("setMyCommands")
    assert calls
    for call in calls:
        commands = call.params["commands"]
        listed = json.loads(commands) if isinstance(commands, str) else commands
        assert "admin" not in {entry["command"] for entry in listed}
    assert "/admin" not in (await session.send(owner, "/help")).text


async def test_an_owner_id_that_is_not_a_number_is_refused_at_start_up() -> None:
    from pydantic import ValidationError

    from bot.config import Settings

    with pytest.raises(ValidationError, match="not a Telegram user id"):
        Settings(bot_token="1:abcdefg", owner_ids="12, @olga", _env_file=None)  # type: ignore[arg-type, call-arg]
    parsed = Settings(bot_token="1:abcdefg", owner_ids=" 12, 34 ,", _env_file=None)  # type: ignore[arg-type, call-arg]
    assert parsed.owner_ids == {12, 34}
    assert Settings(bot_token="1:abcdefg", owner_ids="", _env_file=None).owner_ids == set()  # type: ignore[arg-type, call-arg]


# --- /admin stats ---------------------------------------------------------------------------------


async def test_the_owner_sees_the_numbers_that_were_stored(
    session: Session, owner: Person, maya: Person
) -> None:
    kim = session.person("Kim", user_id=5001)
    await session.send(maya, "/post tiktok one")
    await session.send(maya, "/post tiktok two")
    await session.send(kim, "/post xhs three")
    await session.bot_added(kim, -100888)
    session.clock.set(utc(2026, 3, 10, 9, 0))  # a week later: only the owner is active today
    text = (await session.send(owner, "/admin stats")).text
    assert "Users: 3 · active today 1 · this week 1" in text
    assert "Rooms: 1" in text
    assert "Posts today: 0" in text
    assert "Postpact 0.1.0" in text
    assert "up 189h" in text or "up 7d 21h" in text  # since the bot started at START
    session.clock.set(utc(2026, 3, 10, 10, 0))
    await session.send(maya, "/post tiktok four")
    text = (await session.send(owner, "/admin stats")).text
    assert "Users: 3 · active today 2 · this week 2" in text
    assert "Posts today: 1" in text
    assert "0 failed · 0 queued" in text


# --- /admin user ----------------------------------------------------------------------------------


async def test_the_owner_looks_a_user_up_by_id_and_by_name_without_their_content(
    session: Session, owner: Person, maya: Person
) -> None:
    await session.send(maya, "/post tiktok My secret title https://www.tiktok.com/@maya/video/1")
    await session.send(maya, "/followers tiktok 1200")
    await session.send(maya, "/news off")
    by_id = (await session.send(owner, f"/admin user {maya.user_id}")).text
    by_name = (await session.send(owner, "/admin user @MAYA")).text
    assert by_id == by_name
    assert f"User {maya.user_id} @maya" in by_id
    assert "Posts 1 · follower counts 1 · rooms 0" in by_id
    assert "Blocked the bot: no" in by_id
    assert "News: off · nudges: on" in by_id
    assert "secret" not in by_id
    assert "tiktok.com" not in by_id


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ("", "What would you like to see or do?"),
        ("frobnicate", "“frobnicate” is not an /admin command."),
        ("user", "Which user?"),
        ("user -5", "“-5” is not a user id"),
        ("user 0", "“0” is not a user id"),
        ("user 99999999999999999999", "is not a user id"),
        ("user <b>x</b>", "“<b>x</b>” is not a user id"),
        ("user @nobody", "No user @nobody has talked to this bot."),
        ("user 31337", "No user 31337 has talked to this bot."),
        ("announce", "What should the announcement say?"),
        ("announce   ", "What should the announcement say?"),
    ],
)
async def test_bad_admin_arguments_get_a_friendly_reply(
    session: Session, owner: Person, args: str, says: str
) -> None:
    text = (await session.send(owner, f"/admin {args}")).text
    assert says in text
    assert rows(session, "SELECT COUNT(*) FROM announcements") == [(0,)]


# --- /admin announce ------------------------------------------------------------------------------


async def test_an_announcement_is_previewed_then_sent_once_to_everyone_who_wants_news(
    session: Session, owner: Person, maya: Person
) -> None:
    quiet = session.person("Quiet", user_id=5101)
    gone = session.person("Gone", user_id=5102)  # blocked the bot, and we know it
    leaving = session.person("Leaving", user_id=5103)  # blocked the bot: we learn it on send
    zh = session.person("Li", user_id=5104, language_code="zh-hans")
    for person in (owner, maya, quiet, gone, leaving, zh):
        await session.send(person, "/today")
    await session.send(quiet, "/news off")
    await session.member_status(gone, "kicked")
    session.server.blocked_by.add(leaving.user_id)

    preview = await session.send(owner, "/admin announce New: <b>cards</b> & more\nTry /card")
    heading, shown = preview.messages
    assert "Send delivers this to 4 users" in heading.text
    assert shown.text.startswith("New: <b>cards</b> & more\nTry /card\n\n")  # as typed
    assert [label for label, _ in shown.buttons] == ["Send to 4 users", "Cancel"]
    assert await session.tick() == []  # nothing goes out before Send

    mark = len(session.server.calls)
    await session.press(owner, shown, "Send to 4 users")
    await session.tick()
    await session.tick()  # the next sweep reports the final count
    sent = session._sent_since(mark)
    words = "<b>cards</b> & more"
    for person in (owner, maya, zh):
        assert len(announcements_to(person, sent, words)) == 1
    assert "来自机器人主人" in announcements_to(zh, sent, words)[0].text
    for person in (quiet, gone, leaving):
        assert announcements_to(person, sent, words) == []
    assert rows(session, "SELECT blocked_at IS NOT NULL FROM users WHERE user_id = ?", 5103) == [
        (1,)
    ]
    report = [m for m in sent if m.chat_id == OWNER and "Announcement done" in m.text]
    assert len(report) == 1
    assert "3 of 4 users reached · 0 failed · 1 had blocked the bot" in report[0].text
    assert await session.tick() == []  # reported once, sent once
    stats = (await session.send(owner, "/admin stats")).text
    assert "Messages today: 3 sent · 1 failed · 0 queued" in stats


async def test_pressing_send_twice_sends_one_announcement(session: Session, owner: Person) -> None:
    people = [session.person(f"P{n}", user_id=5200 + n) for n in range(3)]
    for person in people:
        await session.send(person, "/today")
    preview = await session.send(owner, "/admin announce Hello all")
    shown = preview.last
    mark = len(session.server.calls)
    first = await session.press(owner, shown, "Send to 4 users")
    second = await session.press(owner, shown, "Send to 4 users")
    assert first.alerts == [""]
    assert second.alerts == ["This announcement was already sent or cancelled."]
    await session.tick()
    sent = session._sent_since(mark)
    assert Counter(m.chat_id for m in sent if "Hello all" in m.text) == Counter(
        {p.user_id: 1 for p in [*people, owner]}
    )
    assert rows(session, "SELECT COUNT(*) FROM deliveries WHERE kind = 'announce'") == [(4,)]


async def test_cancel_sends_nothing_and_send_after_cancel_is_refused(
    session: Session, owner: Person, maya: Person
) -> None:
    await session.send(maya, "/today")
    shown = (await session.send(owner, "/admin announce Not yet")).last
    cancelled = await session.press(owner, shown, "Cancel")
    assert cancelled.last.text == "Cancelled: nothing was sent."
    again = await session.press(owner, shown, "Send to 2 users")
    assert again.alerts == ["This announcement was already sent or cancelled."]
    assert await session.tick() == []
    assert rows(session, "SELECT COUNT(*) FROM deliveries") == [(0,)]


async def test_someone_else_pressing_the_owner_s_send_button_sends_nothing(
    session: Session, owner: Person, maya: Person
) -> None:
    shown = (await session.send(owner, "/admin announce Secret plan")).last
    pressed = await session.press(maya, shown, data=shown.buttons[0][1])
    assert pressed.alerts == ["That button is out of date. Send the command again."]
    forged = await session.press(owner, shown, data="1|announce|send|999")
    assert forged.alerts == ["That button is out of date. Send the command again."]
    assert rows(session, "SELECT status FROM announcements") == [("draft",)]


@pytest.mark.parametrize(
    "text",
    ["x" * 5000, "🔥" * 2100, "&" * 4096, "<b>" * 1400],
)
async def test_an_announcement_too_long_for_one_message_is_refused_with_the_limit(
    session: Session, owner: Person, text: str
) -> None:
    reply = (await session.send(owner, f"/admin announce {text}")).text
    assert "An announcement must fit one message (its limit: 4096" in reply
    assert rows(session, "SELECT COUNT(*) FROM announcements") == [(0,)]


async def test_an_announcement_just_under_the_limit_goes_out_whole(
    session: Session, owner: Person
) -> None:
    text = "y" * 4000
    shown = (await session.send(owner, f"/admin announce {text}")).last
    assert text in shown.text
    mark = len(session.server.calls)
    await session.press(owner, shown, "Send to 1 user")
    await session.tick()
    assert len([m for m in session._sent_since(mark) if text in m.text]) == 1


async def test_a_restart_in_the_middle_of_an_announcement_continues_without_repeats(
    tmp_path: Path, clock: ControllableClock
) -> None:
    slow = Limits(per_second=20, chat_interval=0.001, group_interval=0.001, backoff=0.01)
    owners = {"owner_ids": frozenset({OWNER})}
    people: list[Person] = []
    async with Session(tmp_path, clock, limits=slow, user_limits=owners) as first:
        owner = first.person("Olga", user_id=OWNER)
        for n in range(30):
            people.append(first.person(f"P{n}", user_id=5300 + n))
            await first.send(people[-1], "/today")
        shown = (await first.send(owner, "/admin announce Big news")).last
        mark = len(first.server.calls)  # the preview itself is not the announcement
        await first.press(owner, shown, "Send to 31 users")
        while first.bot.outbox.stats.sent < 8:  # noqa: ASYNC110 - watching another task's counter
            await asyncio.sleep(0.01)
        sent_first = first._sent_since(mark)
    async with Session(tmp_path, clock, limits=slow, user_limits=owners) as second:
        sent_second = second._sent_since(0)
        sent_second += await second.tick()
        sent_second += await second.tick()
    got = Counter(m.chat_id for m in sent_first + sent_second if "Big news" in m.text)
    assert 8 <= sum(Counter(m.chat_id for m in sent_first if "Big news" in m.text).values()) < 31
    assert set(got.values()) == {1}
    assert len(got) == 31
    finals = [m for m in sent_second if "Announcement done" in m.text]
    assert len(finals) == 1
    assert "31 of 31 users reached" in finals[0].text


# --- /news ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ("maybe", "“maybe” should be on or off."),
        ("on off", "Say on or off, e.g. /news off."),
        ("<b>", "“<b>” should be on or off."),
        ("x" * 5000, "should be on or off."),
    ],
)
async def test_bad_news_arguments_get_a_friendly_reply(
    session: Session, maya: Person, args: str, says: str
) -> None:
    text = (await session.send(maya, f"/news {args}")).text
    assert says in text
    assert "/news off — no announcements" in text  # the usage follows


async def test_news_off_and_on_are_remembered(session: Session, maya: Person) -> None:
    assert "News from the bot's owner: on" in (await session.send(maya, "/news")).text
    assert (await session.send(maya, "/news off")).text.startswith("🔕 News is off")
    assert rows(session, "SELECT news_on FROM users") == [(0,)]
    assert "News from the bot's owner: off" in (await session.send(maya, "/news")).text
    assert (await session.send(maya, "/news 开")).text.startswith("📣 News is on")
    assert rows(session, "SELECT news_on FROM users") == [(1,)]


async def test_last_seen_is_a_statistic_a_read_only_database_does_not_stop_a_reply(
    session: Session, maya: Person
) -> None:
    from tests.test_faults import pragma

    await session.send(maya, "/today")
    session.clock.set(utc(2026, 3, 3, 12, 0))  # a new day: last seen would be written
    await pragma(session, "PRAGMA query_only = ON")
    assert (await session.send(maya, "/today")).text.startswith("Today, 2026-03-03")
    await pragma(session, "PRAGMA query_only = OFF")
    await session.send(maya, "/today")
    assert rows(session, "SELECT last_seen_at FROM users") == [("2026-03-03T12:00:00.000000Z",)]
