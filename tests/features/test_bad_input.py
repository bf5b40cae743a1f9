"""Every command against missing, wrong, negative, huge, very long, emoji/Chinese, SQL-looking,
HTML and control-character arguments: a friendly reply with the usage, nothing stored, and the bot
keeps serving."""

from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import HOSTILE, rows, snapshot

# Command templates whose every hostile argument must be refused, with the usage line shown.
# Some arguments are legitimately valid for some commands; they are listed as exceptions.
REFUSING = {
    "/post {}": set(),
    "/followers {}": set(),
    "/followers tiktok {}": set(),
    "/metrics {}": set(),
    "/metrics last saves={}": set(),
    "/lang {}": set(),
    "/timezone {}": {"negative"},  # "-5" is the offset UTC-5
    "/handle {}": set(),
    "/handle tiktok {}": {"wrong", "negative", "huge"},  # "@banana", "@-5", "@1000…" are fine
    "/daystart {}": set(),
    "/plan {}": set(),
    "/plan start {}": set(),
    "/goals {}": set(),
    "/goals days {}": set(),
    "/goals rest {}": set(),
    "/goals followers {}": set(),
    "/goals followers 500 {}": {"wrong", "negative", "huge", "long", "emoji", "sql", "html"},
    "/review {}": set(),
    "/nudge {}": set(),
    "/nudge lastcall {}": set(),
    "/quiet {}": set(),
    "/pause {}": set(),
    "/chart {}": set(),
    "/chart followers {}": set(),
}
USAGE_LINE = {
    "post": "/post <platform> [link or title] [#tag …]",
    "followers": "/followers <platform> <count>",
    "metrics": "/metrics <post number | last> saves=N",
    "lang": "/lang en or /lang zh",
    "timezone": "/timezone Asia/Shanghai",
    "handle": "/handle <platform> <@handle or profile URL>",
    "daystart": "/daystart HH:MM",
    "plan": "/plan start 2026-03-01 — start (or restart) it on a date",
    "goals": "/goals days 5 — posting days per week (1–7)",
    "review": "/review — this month so far",
    "nudge": "/nudge 20:30 — remind me at this time",
    "quiet": "/quiet 23:00-08:00 — nothing from me in these hours",
    "pause": "/pause 7 — no reminders for 7 days",
    "chart": "/chart followers [platform] — followers over time",
}
# Commands that take no arguments: whatever follows is ignored, the answer is the usual one.
IGNORING = {
    "/today {}": "Today, 2026-03-02",
    "/streak {}": "🔥 Current streak: 1 day",
    "/progress {}": "This week (2026-03-02 – 2026-03-08)",
    "/settings {}": "Your profile",
    "/start {}": "👋 Welcome to Postpact.",  # not onboarded yet: arguments never skip it
    "/help {}": "Postpact keeps you posting",
    "/cancel {}": "OK, nothing pending.",
    "/undo {}": "Remove the numbers ",  # the most recent entry: /metrics last saves=1
    "/resume {}": "Reminders aren't paused.",
    "/insights {}": "🔎 What works for you",
    "/forget {}": "Delete everything stored about you",
}


@pytest.fixture
async def seasoned(session: Session, maya: Person) -> Person:
    """Maya with a post, a count and a profile, so "nothing stored" has something to compare."""
    await session.send(maya, "/post tiktok first #food")
    await session.send(maya, "/followers tiktok 100")
    await session.send(maya, "/metrics last saves=1")
    return maya


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.parametrize("template", REFUSING)
async def test_refused_with_usage_and_nothing_stored(
    session: Session, seasoned: Person, template: str, case: str
) -> None:
    if case in REFUSING[template]:
        pytest.skip("a valid argument for this command")
    before = snapshot(session)
    reply = await session.send(seasoned, template.format(HOSTILE[case]))
    command = template.split()[0].removeprefix("/")
    assert len(reply.messages) == 1
    assert "How to use it" in reply.text
    assert USAGE_LINE[command] in reply.text
    assert len(reply.text) < 1500  # a 5,000-character argument is never echoed back whole
    assert snapshot(session) == before
    # …and the bot keeps serving.
    assert (await session.send(seasoned, "/today")).text.startswith("Today, 2026-03-02")


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.parametrize("template", IGNORING)
async def test_commands_without_arguments_ignore_them(
    session: Session, seasoned: Person, template: str, case: str
) -> None:
    before = snapshot(session)
    reply = await session.send(seasoned, template.format(HOSTILE[case]))
    assert IGNORING[template] in reply.text
    assert snapshot(session) == before


@pytest.mark.parametrize(
    ("text", "usage"),
    [
        ("/followers", "/followers <platform> <count>"),
        ("/metrics", "/metrics <post number | last>"),
        ("/handle tiktok", "/handle <platform>"),
        ("/metrics last", "/metrics <post number | last>"),
        ("/followers tiktok 12.5", "/followers <platform> <count>"),
        ("/metrics last saves=1 saves=2", "/metrics <post number | last>"),
        ("/niche " + "x" * 5000, "/niche <one sentence> #tag …"),
        ("/niche a #1 #2 #3 #4 #5 #6", "/niche <one sentence> #tag …"),
        ("/post tiktok https://a.example/" + "x" * 5000, "/post <platform>"),
        ("/post tiktok https://a.example/1 https://a.example/2", "/post <platform>"),
        ("/daystart 05:00", "/daystart HH:MM"),
        ("/plan start 2026-02-30", "/plan start 2026-03-01"),
        ("/plan start 2026-03-05 extra", "/plan start 2026-03-01"),
        ("/plan stop now", "/plan start 2026-03-01"),
        ("/goals days", "/goals days 5"),
        ("/goals rest 7", "/goals days 5"),
        ("/goals hit 0", "/goals days 5"),
        ("/goals hit 10 20", "/goals days 5"),
        ("/goals followers 0", "/goals days 5"),
        ("/goals followers 500 mars", "/goals days 5"),
        ("/goals followers 500 tiktok extra", "/goals days 5"),
        ("/nudge 24:00", "/nudge 20:30"),
        ("/nudge 20:00 21:00", "/nudge 20:30"),
        ("/nudge lastcall", "/nudge 20:30"),
        ("/nudge followups maybe", "/nudge 20:30"),
        ("/quiet", "/quiet 23:00-08:00"),
        ("/quiet 23:00", "/quiet 23:00-08:00"),
        ("/quiet 23:00-23:00", "/quiet 23:00-08:00"),
        ("/quiet 25:00-08:00", "/quiet 23:00-08:00"),
        ("/pause", "/pause 7"),
        ("/pause 0", "/pause 7"),
        ("/pause 91", "/pause 7"),
        ("/pause 2.5", "/pause 7"),
        ("/review last month please", "/review — this month so far"),
    ],
)
async def test_missing_and_malformed_parts(
    session: Session, seasoned: Person, text: str, usage: str
) -> None:
    before = snapshot(session)
    reply = await session.send(seasoned, text)
    assert usage in reply.text
    assert snapshot(session) == before


@pytest.mark.parametrize("case", ["sql", "html", "chinese", "emoji", "negative"])
async def test_hostile_text_is_stored_as_text_and_shown_escaped(
    session: Session, maya: Person, case: str
) -> None:
    hostile = HOSTILE[case]
    posted = await session.send(maya, f"/post tiktok {hostile}")
    assert f"“{hostile}”" in posted.text
    niche = await session.send(maya, f"/niche {hostile}")
    assert niche.text == f"Niche: {hostile}"
    assert rows(session, "SELECT title FROM posts") == [(hostile,)]
    assert rows(session, "SELECT niche FROM users") == [(hostile,)]
    assert (await session.send(maya, "/today")).text.count(hostile) == 1


async def test_a_hostile_name_cannot_break_a_reply(session: Session) -> None:
    mallory = session.person("<b>Mallory & co", username="x")
    assert (await session.send(mallory, "/post tiktok hi")).text.startswith("✅ Logged #1")


async def test_an_unexpected_failure_gets_an_apology_not_a_traceback(
    session: Session, maya: Person
) -> None:
    # Telegram refusing the reply is not the user's fault: the bot says sorry once and carries on.
    session.server.fail("sendMessage", 400, "Bad Request: chat not found")
    reply = await session.send(maya, "/today")
    assert reply.text == "Sorry, something went wrong on my side. Please try again in a moment."
    assert (await session.send(maya, "/today")).text.startswith("Today, 2026-03-02")
