"""Delivering proactive messages: exactly once across restarts and downtime, Telegram's 403 and
429, the per-chat limit, timezone changes, and DST through the whole stack."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session, StoredMessage
from bot.fakeapi.session import FAST_LIMITS
from bot.outbound import Limits
from tests.helpers import rows, set_up, to, utc


def nudged(people: list[Person], sent: list[StoredMessage]) -> dict[int, int]:
    return {p.user_id: len(to(p, sent)) for p in people}


async def test_changing_timezone_after_the_nudge_does_not_nudge_twice_that_day(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "Europe/Berlin", "20:00")
    assert len(to(maya, await session.at(utc(2026, 3, 2, 19, 0)))) == 1  # 20:00 in Berlin
    moved = await session.send(maya, "/timezone America/New_York")  # it is 14:00 there
    assert "America/New_York" in moved.text
    sent = await session.walk(utc(2026, 3, 3, 4, 59), timedelta(minutes=30))
    assert to(maya, sent) == []  # 20:00 in New York is still March 2nd: already nudged
    assert len(to(maya, await session.at(utc(2026, 3, 4, 1, 0)))) == 1  # March 3rd, 20:00 EST


async def test_changing_the_nudge_time_the_same_day(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.send(maya, "/nudge 18:00")
    assert len(to(maya, await session.at(utc(2026, 3, 2, 18, 0)))) == 1
    await session.send(maya, "/nudge 21:00")  # later the same day: no second nudge
    assert to(maya, await session.at(utc(2026, 3, 2, 21, 0))) == []
    assert len(to(maya, await session.at(utc(2026, 3, 3, 21, 0)))) == 1


async def test_dst_spring_forward_through_the_whole_stack(session: Session, maya: Person) -> None:
    await set_up(session, maya, "America/New_York", "02:30")
    nudges = []
    for day in range(3, 10):
        sent = to(maya, await session.walk(utc(2026, 3, day, 0, 0), timedelta(minutes=30)))
        for nudge in sent:  # answered, so nudges stay daily
            await session.press(maya, nudge, "Rest day")
        nudges += sent
    times = [datetime.fromtimestamp(m.date, UTC) for m in nudges]
    assert utc(2026, 3, 8, 7, 30) in times  # 03:30 EDT, the hour 02:00–03:00 does not exist
    assert len(times) == 6  # one a day, March 3rd to 8th


async def test_dst_fall_back_nudges_once_in_the_repeated_hour(
    tmp_path: Path, clock: ControllableClock
) -> None:
    clock.set(utc(2026, 10, 31, 12, 0))
    async with Session(tmp_path, clock) as session:
        maya = session.person("Maya")
        await set_up(session, maya, "America/New_York", "01:30")
        sent = await session.walk(utc(2026, 11, 1, 12, 0), timedelta(minutes=30))
        times = [datetime.fromtimestamp(m.date, UTC) for m in to(maya, sent)]
        assert times == [utc(2026, 11, 1, 5, 30)]  # 01:30 EDT; not again at 01:30 EST


async def test_six_hours_of_downtime(tmp_path: Path, clock: ControllableClock) -> None:
    async with Session(tmp_path, clock) as session:
        late = session.person("Late", user_id=501)  # nudge during downtime, day not over
        gone = session.person("Gone", user_id=502)  # nudge during downtime, day over by restart
        hush = session.person("Hush", user_id=503)  # day not over, but quiet hours by restart
        await set_up(session, late, "UTC", "14:00")
        await set_up(session, gone, "Asia/Shanghai", "21:00")  # 13:00 UTC, day ends 16:00 UTC
        await set_up(session, hush, "UTC", "15:00")
        await session.send(hush, "/quiet 17:00-23:30")
    clock.set(utc(2026, 3, 2, 18, 0))  # six hours later
    async with Session(tmp_path, clock) as session:
        sent = await session.tick()
        assert nudged([late, gone, hush], sent) == {501: 1, 502: 0, 503: 0}
        # Hush's nudge goes out when the quiet hours end, still March 2nd.
        assert len(to(hush, await session.at(utc(2026, 3, 2, 23, 30)))) == 1
        # Gone is nudged again the next day as usual.
        assert len(to(gone, await session.at(utc(2026, 3, 3, 13, 0)))) == 1


async def test_a_restart_in_the_middle_of_a_fan_out_loses_and_repeats_nothing(
    tmp_path: Path, clock: ControllableClock
) -> None:
    slow = Limits(per_second=20, chat_interval=0.001, group_interval=0.001, backoff=0.01)
    people: list[Person] = []
    async with Session(tmp_path, clock, limits=slow) as first:
        for n in range(30):
            person = first.person(f"P{n}", user_id=600 + n)
            people.append(person)
            await set_up(first, person, "UTC", "20:00")
        clock.set(utc(2026, 3, 2, 20, 0))
        await first.bot.sweeps.run_now()  # all 30 claimed and queued: 1.5 s at 20/s
        while first.bot.outbox.stats.sent < 8:  # noqa: ASYNC110 - watching another task's counter
            await asyncio.sleep(0.01)
        sent_first = first._sent_since(0)
    async with Session(tmp_path, clock, limits=slow) as second:  # resends what was pending
        sent_second = second._sent_since(0)
        sent_second += await second.tick()
    first_count = nudged(people, sent_first)
    total = nudged(people, sent_first + sent_second)
    assert 8 <= sum(first_count.values()) < 30  # it really was cut in the middle
    assert set(total.values()) == {1}
    assert rows(second, "SELECT DISTINCT status FROM deliveries") == [("sent",)]


async def test_a_user_who_blocked_the_bot_is_left_alone_until_they_are_back(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    session.server.blocked_by.add(maya.user_id)
    mark = len(session.server.calls)
    assert to(maya, await session.at(utc(2026, 3, 2, 20, 0))) == []
    assert len(session.server.calls_to("sendMessage", mark)) == 1  # tried once: 403
    assert rows(session, "SELECT blocked_at IS NOT NULL FROM users") == [(1,)]
    mark = len(session.server.calls)
    await session.at(utc(2026, 3, 3, 20, 0))
    assert session.server.calls_to("sendMessage", mark) == []  # not even tried
    session.server.blocked_by.discard(maya.user_id)
    await session.send(maya, "/today")  # writing again unblocks
    assert rows(session, "SELECT blocked_at FROM users") == [(None,)]
    assert len(to(maya, await session.at(utc(2026, 3, 4, 20, 0)))) == 1


async def test_block_and_unblock_updates(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.member_status(maya, "kicked")
    assert rows(session, "SELECT blocked_at IS NOT NULL FROM users") == [(1,)]
    assert to(maya, await session.at(utc(2026, 3, 2, 20, 0))) == []
    await session.member_status(maya, "member")
    assert len(to(maya, await session.at(utc(2026, 3, 3, 20, 0)))) == 1


async def test_429s_are_honoured_and_nothing_is_lost_or_doubled(session: Session) -> None:
    people = [session.person(f"P{n}") for n in range(20)]
    for person in people:
        await set_up(session, person, "UTC", "20:00")
    session.server.enforce_send_limit(5)
    sent = await session.at(utc(2026, 3, 2, 20, 0))
    assert set(nudged(people, sent).values()) == {1}
    assert session.bot.outbox.stats.throttled > 0
    refused = [c for c in session.server.calls_to("sendMessage") if c.error is not None]
    assert refused
    assert all(c.error is not None and c.error.code == 429 for c in refused)


async def test_one_message_a_second_per_chat(tmp_path: Path, clock: ControllableClock) -> None:
    limits = Limits(per_second=1000, chat_interval=1.0, backoff=0.01)
    async with Session(tmp_path, clock, limits=limits) as session:
        maya = session.person("Maya")
        await set_up(session, maya, "UTC", "12:00")
        await session.send(maya, "/post tiktok x")  # a follow-up due tomorrow at 12:00
        clock.set(utc(2026, 3, 3, 12, 0))  # …as is tomorrow's nudge
        started = time.monotonic()
        sent = await session.tick()
        elapsed = time.monotonic() - started
    arrivals = [c.at for c in session.server.calls_to("sendMessage") if c.at >= started]
    assert len(sent) == 2  # the nudge and the follow-up
    assert arrivals[1] - arrivals[0] >= 0.9
    assert elapsed < 5


async def test_replies_do_not_wait_behind_a_fan_out(session: Session, maya: Person) -> None:
    people = [session.person(f"P{n}") for n in range(40)]
    for person in people:
        await set_up(session, person, "UTC", "20:00")
    await set_up(session, maya, "UTC", "21:00")
    session.server.enforce_send_limit(None)
    slow = session.bot.outbox
    slow.budget.ceiling = 20  # 40 nudges: two seconds of fan-out
    clock = session.clock
    clock.set(utc(2026, 3, 2, 20, 0))
    await session.bot.sweeps.run_now()
    started = time.monotonic()
    reply = await session.send(maya, "/today")
    assert reply.text.startswith("Today, 2026-03-02")
    assert time.monotonic() - started < 1.0
    assert slow.backlog > 0 or slow.stats.sent < 41
    await slow.drained()
    assert FAST_LIMITS.per_second > 30


async def test_a_reply_that_hits_a_429_is_retried_and_pauses_the_queue(
    session: Session, maya: Person
) -> None:
    session.server.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    started = time.monotonic()
    reply = await session.send(maya, "/today")
    assert reply.text.startswith("Today, 2026-03-02")  # arrived, a second late
    assert time.monotonic() - started >= 1.0
    refused = [c for c in session.server.calls_to("sendMessage") if c.error is not None]
    assert len(refused) == 1


async def test_paid_broadcast_is_asked_for_only_when_the_operator_turned_it_on(
    tmp_path: Path, clock: ControllableClock
) -> None:
    for paid in (False, True):
        limits = dataclasses.replace(FAST_LIMITS, paid_broadcast=paid)
        async with Session(tmp_path / str(paid), clock, limits=limits) as session:
            maya = session.person("Maya")
            await set_up(session, maya, "UTC", "20:00")
            mark = len(session.server.calls)
            assert len(to(maya, await session.at(utc(2026, 3, 2 + paid, 20, 0)))) == 1
            nudges = session.server.calls_to("sendMessage", since=mark)
            assert [c.params.get("allow_paid_broadcast") for c in nudges] == [
                True if paid else None
            ]


async def test_a_nudge_while_telegram_refuses_connections_is_retried_and_arrives_once(
    tmp_path: Path, clock: ControllableClock
) -> None:
    limits = Limits(per_second=1000, chat_interval=0.001, backoff=0.2)  # 0.2, 0.4, 0.8… s
    async with Session(tmp_path, clock, limits=limits) as session:
        maya = session.person("Maya")
        await set_up(session, maya, "UTC", "20:00")
        await session.server.refuse_connections(0.5)  # the request can't leave: safe to retry
        await session.at(utc(2026, 3, 2, 20, 0))
        assert len(to(maya, session.server.bot_messages(maya.user_id))) == 1
        assert rows(session, "SELECT status FROM deliveries WHERE kind = 'nudge'") == [("sent",)]
        await session.server.reachable()
