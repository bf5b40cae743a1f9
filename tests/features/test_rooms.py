"""Group rooms through the fake Bot API: joining, sharing, cheers, digests, the board, follows,
admin settings, migration, removal, topics and the 4,096-character boundary."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session
from bot.outbound import Limits
from tests.helpers import HOSTILE, ROOM, in_room, room_of, rows, to, utc


async def test_the_bot_introduces_itself_and_stops_when_removed(
    session: Session, maya: Person
) -> None:
    added = await session.bot_added(maya, ROOM)
    assert added.text.startswith("👋 Hi! I'm Postpact")
    assert "/join" in added.text
    await room_of(session, maya)
    await session.bot_added(maya, ROOM, removed=True)
    assert rows(session, "SELECT active FROM groups") == [(0,)]
    assert in_room(await session.at(utc(2026, 3, 2, 21, 0))) == []  # no digest to a gone group
    again = await session.bot_added(maya, ROOM)
    assert again.text.startswith("👋 Hi!")
    assert len(in_room(await session.at(utc(2026, 3, 3, 21, 0)))) == 1


async def test_join_leave_and_the_private_chat_link(session: Session, maya: Person) -> None:
    joined = await session.send(maya, "/join", chat_id=ROOM)
    assert joined.text.startswith("✅ Maya joined the room. 1 member now.\nOpen a private chat")
    ((label, _),) = joined.last.buttons
    assert label == "Open Postpact"
    url = joined.last.reply_markup["inline_keyboard"][0][0]["url"]  # type: ignore[index]
    assert url == f"https://t.me/PostpactTestBot?start=g{ROOM}"
    connected = await session.send(maya, f"/start g{ROOM}")
    assert (
        connected.texts[0] == "🔗 Connected: your reminders and cheers from your rooms arrive here."
    )
    again = await session.send(maya, "/join", chat_id=ROOM)
    assert again.text == "Maya, you're already in this room (1 member)."
    assert again.last.buttons == []  # she has a private chat now
    left = await session.send(maya, "/leave", chat_id=ROOM)
    assert left.text == "👋 Maya left the room. Their posts stay theirs."
    assert (await session.send(maya, "/leave", chat_id=ROOM)).text == (
        "Maya, you're not in this room."
    )


async def test_checking_in_and_cheers(session: Session, maya: Person) -> None:
    jo, kim, stranger = session.person("Jo"), session.person("Kim"), session.person("Stranger")
    await room_of(session, maya, jo, kim)
    checkin = await session.send(maya, "/post tiktok Dumplings #food", chat_id=ROOM)
    assert checkin.text == "✅ Maya posted: #1 · TikTok · “Dumplings” · 🔥 1 day"
    assert rows(session, "SELECT user_id, platform, title FROM posts") == [
        (maya.user_id, "tiktok", "Dumplings")
    ]
    message = checkin.last
    own = await session.press(maya, message, "👏 Cheer")
    assert own.alerts == ["You can't cheer your own post 🙂"]
    outsider = await session.press(stranger, message, "👏 Cheer")
    assert outsider.alerts == ["Join the room to cheer: /join"]
    first = await session.press(jo, message, "👏 Cheer")
    assert first.last.buttons[0][0] == "👏 Cheer · 1"
    twice = await session.press(jo, message, "👏 Cheer")
    assert twice.alerts == ["You've cheered this one already."]
    second = await session.press(kim, first.last, "👏 Cheer · 1")
    assert second.last.buttons[0][0] == "👏 Cheer · 2"
    # Told once, privately, after the batching window.
    assert [m for m in await session.tick() if m.chat_id == maya.user_id] == []
    told = await session.at(session.clock.now() + timedelta(minutes=6))
    assert [m.text for m in told if m.chat_id == maya.user_id] == [
        "👏 Jo, Kim cheered your post #1 in Group 100555."
    ]
    assert [m for m in await session.tick() if m.chat_id == maya.user_id] == []


async def test_a_bare_post_in_a_room_asks_for_the_platform(session: Session, maya: Person) -> None:
    reply = await session.send(maya, "/post", chat_id=ROOM)
    assert reply.text.startswith("In a room, say where you posted.")
    assert "/post &lt;platform&gt;" not in reply.text
    assert "/post <platform> [link or title]" in reply.text


async def test_the_daily_digest(session: Session, maya: Person) -> None:
    jo, kim = session.person("Jo"), session.person("Kim")
    await room_of(session, maya, jo, kim)
    await session.send(maya, "/post tiktok one", chat_id=ROOM)
    await session.send(jo, "/post xhs two")  # in private: still counts for the room
    sent = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert [m.text for m in sent] == [
        "📣 Group 100555 · 2026-03-02\n"
        "✅ Posted today (2 of 3): Maya, Jo\n"
        "🔥 Longest streak: Maya, 1 day"
    ]
    admin = session.person("Ada")
    session.server.chat_members[(ROOM, admin.user_id)] = "administrator"
    await session.send(admin, "/groupsettings mention on", chat_id=ROOM)
    sent = in_room(await session.at(utc(2026, 3, 3, 21, 0)))
    assert sent[0].text.endswith("🌱 Still to post today: Maya, Jo, Kim. There's time.")


async def test_nothing_a_member_did_not_share_appears_in_the_room(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    await session.send(maya, "/share streaks off")
    await session.send(maya, "/share posts off")
    await session.send(maya, "/followers tiktok 1234")
    await session.send(maya, "/handle tiktok @maya.secret")
    await session.send(jo, "/share handles on")
    await session.send(jo, "/handle tiktok @jo.open")
    checkin = await session.send(maya, "/post tiktok hidden", chat_id=ROOM)
    assert "🔥" not in checkin.text
    seen = [checkin.text]
    seen.append((await session.send(jo, "/board", chat_id=ROOM)).text)
    seen.append((await session.send(jo, "/mutual", chat_id=ROOM)).text)
    session.clock.set(utc(2026, 3, 8, 12, 0))
    await session.send(maya, "/followers tiktok 1500")
    seen += [
        m.text for m in in_room(await session.walk(utc(2026, 4, 2, 0, 0), timedelta(hours=12)))
    ]
    room_text = "\n".join(seen)
    for secret in ("1,234", "1234", "1,500", "1500", "maya.secret"):
        assert secret not in room_text
    assert "@jo.open" in room_text
    assert "Maya — — · 🔥 — · 🎯 — ·" in room_text  # on the board, without numbers


async def test_the_board_order_and_ties(session: Session, maya: Person) -> None:
    jo, kim, lee = session.person("Jo"), session.person("Kim"), session.person("Lee")
    await room_of(session, maya, jo, kim, lee)
    for dom, people in ((2, (maya, jo, kim)), (3, (jo, kim)), (4, (kim,))):
        session.clock.set(utc(2026, 3, dom, 12, 0))
        for person in people:
            await session.send(person, "/post tiktok x")
    await session.send(lee, "/share posts off")
    board = await session.send(maya, "/board", chat_id=ROOM)
    assert board.text.splitlines()[2:] == [
        "1. Kim — 3 · 🔥 3 · 🎯 0 · —",
        "2. Jo — 2 · 🔥 2 · 🎯 0 · —",
        "3. Maya — 1 · 🔥 0 · 🎯 0 · —",
        "4. Lee — — · 🔥 0 · 🎯 — · —",
    ]
    session.clock.set(utc(2026, 3, 4, 13, 0))
    await session.send(jo, "/post tiktok y")
    await session.send(maya, "/post tiktok z")
    await session.send(maya, "/post tiktok zz")
    tied = await session.send(maya, "/board", chat_id=ROOM)
    assert tied.text.splitlines()[2:4] == [
        "=1 Jo — 3 · 🔥 3 · 🎯 0 · —",
        "=1 Kim — 3 · 🔥 3 · 🎯 0 · —",
    ]


async def test_mutual_follows_and_reciprocity(session: Session, maya: Person) -> None:
    jo, kim = session.person("Jo", username="jo_makes"), session.person("Kim")
    await room_of(session, maya, jo, kim)
    for person, handle in ((maya, "@maya.cooks"), (jo, "@jo.draws"), (kim, "kimvlogs")):
        await session.send(person, "/share handles on")
        await session.send(person, f"/handle tiktok {handle}")
    await session.send(kim, "/handle xhs 小金")
    listed = await session.send(jo, "/mutual", chat_id=ROOM)
    assert 'href="https://www.tiktok.com/@maya.cooks"' in listed.last.html
    assert "Xiaohongshu: Kim @小金" in listed.text
    noted = await session.send(maya, "/followed @jo_makes tiktok", chat_id=ROOM)
    assert noted.text == "Noted: you follow Jo on TikTok."
    back = await session.send(jo, "/followed Maya", chat_id=ROOM)
    assert back.text == "Noted: you follow Maya. You follow each other 🤝"
    await session.send(maya, "/followed Kim", chat_id=ROOM)
    me = await session.send(kim, "/mutual me", chat_id=ROOM)
    assert me.text == "You haven't followed yet: Maya, Jo\nHaven't followed you back: nobody"
    unknown = await session.send(maya, "/followed @nobody", chat_id=ROOM)
    assert unknown.text.startswith("“@nobody” isn't a member of this room.")
    weekly = in_room(await session.at(utc(2026, 3, 9, 21, 0)))
    assert any("🤝 Follows: 1 of 2 pairs are mutual" in m.text for m in weekly), [
        m.text for m in weekly
    ]


async def test_admin_only_settings(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    refused = await session.send(maya, "/groupsettings time 20:00", chat_id=ROOM)
    assert refused.text == "Only the group's admins can do that."
    refused = await session.send(maya, "/groupgoal days 5", chat_id=ROOM)
    assert refused.text == "Only the group's admins can do that."
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    done = await session.send(maya, "/groupsettings time 20:00", chat_id=ROOM)
    assert "Digest: 20:00 (UTC)" in done.text
    anonymous = await session.send(maya, "/groupsettings lang zh", chat_id=ROOM, anonymous=True)
    assert anonymous.text.startswith("Saved.") is False
    assert "语言：zh" in anonymous.text
    assert rows(session, "SELECT digest_time, language FROM groups") == [("20:00", "zh")]
    joined = await session.send(maya, "/join", chat_id=ROOM, anonymous=True)
    assert joined.text == "这个操作请用自己的身份，不要匿名以群身份发送。"
    seen = await session.send(maya, "/board", chat_id=ROOM, anonymous=True)
    assert seen.text.startswith("🏆 本周")  # reading the room needs no person
    board = await session.send(maya, "/board", chat_id=ROOM)
    assert board.text.startswith("🏆 本周")


async def test_group_goal_in_the_weekly_summary(session: Session, maya: Person) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    session.server.chat_members[(ROOM, maya.user_id)] = "creator"
    goal = await session.send(maya, "/groupgoal days 2", chat_id=ROOM)
    assert goal.text == "Saved.\n🎯 Group goal: every member posts 2 days a week."
    for dom in (3, 4):
        session.clock.set(utc(2026, 3, dom, 12, 0))
        await session.send(maya, "/post tiktok x")
    await session.send(jo, "/post tiktok y")
    weekly = [m for m in in_room(await session.at(utc(2026, 3, 9, 21, 0))) if "the week" in m.text]
    assert weekly[0].text.splitlines() == [
        "📊 Group 100555 · the week 2026-03-02 → 2026-03-08",
        "Together: 3 posts on 3 member-days (2 members).",
        "🎯 Goal, 2 days each: 1 of 2 members made it ❌ not met",
        "🏅 Most consistent: Maya, 2 days",
        "🤝 Follows: 0 of 0 pairs are mutual",
        "",
        "• Maya: days 2 · posts 2 · 🔥 0 · —",
        "• Jo: days 1 · posts 1 · 🔥 0 · —",
    ]


async def test_migration_moves_the_room(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    await session.send(maya, "/post tiktok x", chat_id=ROOM)
    new = -1009999
    await session.migrate(maya, ROOM, new)
    assert rows(session, "SELECT chat_id FROM groups") == [(new,)]
    assert rows(session, "SELECT chat_id FROM memberships") == [(new,)]
    board = await session.send(maya, "/board", chat_id=new)
    assert "1. Maya — 1" in board.text


async def test_replies_and_digests_in_a_forum_topic(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    reply = await session.send(maya, "/board", chat_id=ROOM, topic=77)
    assert reply.last.thread_id == 77
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    await session.send(maya, "/groupsettings topic", chat_id=ROOM, topic=77)
    (digest,) = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert digest.thread_id == 77


async def test_a_long_digest_is_split_under_4096_characters(session: Session) -> None:
    people = [session.person("N" * 60 + str(n)) for n in range(90)]
    for person in people:
        await session.send(person, "/join", chat_id=ROOM)
        await session.send(person, "/post tiktok x")
    admin = people[0]
    session.server.chat_members[(ROOM, admin.user_id)] = "administrator"
    sent = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert len(sent) == 2  # ~5,900 characters of names: two messages, nobody cut off
    assert all(len(m.text) <= 4096 for m in sent)
    names = "\n".join(m.text for m in sent).split("Longest streak")[0]
    assert all(person.first_name in names for person in people)


async def test_buddies_appear_in_the_nudge(session: Session, maya: Person) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    on = await session.send(maya, "/buddy on", chat_id=ROOM)
    assert on.text.startswith("🤝 Buddies are on")
    assert (await session.send(jo, "/buddy", chat_id=ROOM)).text == "🤝 Your buddy this week: Maya"
    await session.send(maya, "/nudge 20:00")
    await session.send(jo, "/post tiktok done")
    (nudge,) = to(maya, await session.at(utc(2026, 3, 2, 20, 0)))
    assert nudge.text.endswith("🤝 Your buddy Jo has posted today.")
    refused = await session.send(jo, "/buddy off", chat_id=ROOM)
    assert refused.text == "Only the group's admins can do that."


async def test_share_settings_in_private(session: Session, maya: Person) -> None:
    shown = await session.send(maya, "/share")
    assert shown.text.startswith("👀 What your rooms see\nStreaks: on\nPosts and days posted: on")
    pressed = await session.press(maya, shown.last, "Follower counts: off")
    assert "Follower counts: on" in pressed.last.text
    assert rows(session, "SELECT share_followers FROM users") == [(1,)]


ROOM_TABLES = ("groups", "memberships", "cheers", "follows", "buddies", "posts")
ROOM_REFUSING = {
    "/post {}": set(),
    "/mutual {}": set(),
    "/followed {}": set(),
    "/followed Jo {}": set(),
    "/buddy {}": set(),
    "/groupgoal {}": set(),
    "/groupgoal days {}": set(),
    "/groupsettings {}": set(),
    "/groupsettings time {}": set(),
    "/groupsettings board {}": set(),
    "/groupsettings timezone {}": {"negative"},  # "-5" is the offset UTC-5
}
ROOM_USAGE = {
    "post": "/post <platform> [link or title] [#tag …]",
    "mutual": "/mutual — members' handles",
    "followed": "/followed @member [platform]",
    "buddy": "/buddy — your buddy this week",
    "groupgoal": "/groupgoal days 5 — every member posts 5 days a week",
    "groupsettings": "/groupsettings time 21:00",
}


def room_snapshot(session: Session) -> list[object]:
    return [rows(session, f"SELECT * FROM {table}") for table in ROOM_TABLES]


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.parametrize("template", ROOM_REFUSING)
async def test_room_commands_refuse_bad_input_with_usage(
    session: Session, maya: Person, template: str, case: str
) -> None:
    if case in ROOM_REFUSING[template]:
        pytest.skip("a valid argument for this command")
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    session.server.chat_members[(ROOM, maya.user_id)] = "administrator"
    before = room_snapshot(session)
    reply = await session.send(maya, template.format(HOSTILE[case]), chat_id=ROOM)
    command = template.split()[0].removeprefix("/")
    assert len(reply.messages) == 1
    assert "How to use it" in reply.text
    assert ROOM_USAGE[command] in reply.text
    assert len(reply.text) < 1500
    assert room_snapshot(session) == before
    assert (await session.send(maya, "/board", chat_id=ROOM)).text.startswith("🏆 This week")


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.parametrize("template", ["/share {}", "/share followers {}"])
async def test_share_refuses_bad_input(
    session: Session, maya: Person, template: str, case: str
) -> None:
    await session.send(maya, "/share")
    before = rows(
        session, "SELECT share_streaks, share_posts, share_followers, share_handles FROM users"
    )
    reply = await session.send(maya, template.format(HOSTILE[case]))
    assert "/share followers on" in reply.text
    assert (
        rows(
            session, "SELECT share_streaks, share_posts, share_followers, share_handles FROM users"
        )
        == before
    )


@pytest.mark.parametrize(
    ("data", "alert"),
    [
        ("1|cheer", "That button is out of date. Send the command again."),
        ("1|cheer|abc", "That button is out of date. Send the command again."),
        ("1|cheer|99999", "That button is out of date. Send the command again."),
        ("1|share|everything", "That button is out of date. Send the command again."),
    ],
)
async def test_forged_room_buttons(session: Session, maya: Person, data: str, alert: str) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    checkin = await session.send(maya, "/post tiktok x", chat_id=ROOM)
    before = room_snapshot(session)
    pressed = await session.press(jo, checkin.last, data=data)
    assert pressed.alerts == [alert]
    assert room_snapshot(session) == before


async def test_a_cheer_for_a_post_of_someone_outside_the_room(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, jo)
    mine = await session.send(maya, "/post tiktok private")  # Maya is not in the room
    checkin = await session.send(jo, "/post tiktok x", chat_id=ROOM)
    post_id = rows(session, "SELECT post_id FROM posts WHERE user_id = ?", maya.user_id)[0][0]
    assert mine.text.startswith("✅ Logged")
    pressed = await session.press(jo, checkin.last, data=f"1|cheer|{post_id}")
    assert pressed.alerts == ["That button is out of date. Send the command again."]
    assert rows(session, "SELECT COUNT(*) FROM cheers") == [(0,)]


async def test_group_sends_keep_to_the_group_limit(
    tmp_path: Path, clock: ControllableClock
) -> None:
    limits = Limits(per_second=1000, chat_interval=0.001, group_interval=0.5, backoff=0.01)
    async with Session(tmp_path, clock, limits=limits) as session:
        maya = session.person("Maya")
        await room_of(session, maya)
        started = time.monotonic()
        sent = in_room(await session.at(utc(2026, 3, 9, 21, 0)))  # a Monday: summary + digest
    arrivals = [c.at for c in session.server.calls_to("sendMessage") if c.at >= started]
    assert len(sent) == 2
    assert arrivals[1] - arrivals[0] >= 0.45


async def test_the_digest_celebrates_hits_and_follower_milestones(
    session: Session, maya: Person
) -> None:
    jo = session.person("Jo")
    await room_of(session, maya, jo)
    await session.send(maya, "/share followers on")
    session.clock.set(utc(2026, 3, 1, 12, 0))
    await session.send(maya, "/followers tiktok 90")
    await session.send(jo, "/followers tiktok 450")  # Jo doesn't share counts
    session.clock.set(utc(2026, 3, 2, 12, 0))
    await session.send(maya, "/followers tiktok 120")
    await session.send(jo, "/followers tiktok 520")
    await session.send(jo, "/post xhs Autumn", chat_id=ROOM)
    await session.send(jo, "/metrics last saves=9")
    (digest,) = in_room(await session.at(utc(2026, 3, 2, 21, 0)))
    assert digest.text.splitlines()[2:] == [
        "🔥 Longest streak: Jo, 1 day",
        "🎉 Maya passed 100 followers",  # Jo passed 500, but keeps his counts to himself
        "🎯 New hit: Jo — #1 · Xiaohongshu · “Autumn”",
    ]


async def test_no_private_messages_to_someone_who_only_used_the_room(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/post tiktok only here", chat_id=ROOM)
    mark = len(session.server.calls)
    await session.walk(utc(2026, 3, 6, 12, 0), timedelta(hours=12))
    assert [c for c in session.server.calls_to("sendMessage", mark)
            if c.params.get("chat_id") in (maya.user_id, str(maya.user_id))] == []  # fmt: skip


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.parametrize(
    ("template", "answer"),
    [
        ("/join {}", "✅ Maya joined the room."),
        ("/board {}", "🏆 This week"),
        ("/help {}", "Postpact in a room"),
        ("/leave {}", "Maya, you're not in this room."),
    ],
)
async def test_room_commands_without_arguments_ignore_them(
    session: Session, maya: Person, template: str, answer: str, case: str
) -> None:
    await session.send(maya, "/today")
    if template.startswith("/board"):
        await session.send(maya, "/join", chat_id=ROOM)
    reply = await session.send(maya, template.format(HOSTILE[case]), chat_id=ROOM)
    assert reply.text.startswith(answer)
    assert len(reply.text) < 1500


@pytest.mark.parametrize("case", HOSTILE)
async def test_rest_ignores_arguments(session: Session, maya: Person, case: str) -> None:
    reply = await session.send(maya, f"/rest {HOSTILE[case]}")
    assert reply.text.startswith("😌 Rest day.")
    assert rows(session, "SELECT COUNT(*) FROM rest_days") == [(1,)]
