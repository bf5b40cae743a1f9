"""A room's replies, written from plain values: joining, check-ins and the cheer button, the board
(with a member who shares nothing), handles and follows, buddies, the goal and the settings."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain.models import Post
from bot.domain.progress import Period
from bot.domain.rooms import FollowGaps, Group, Growth, MemberView, Ranked, SharedHandle
from bot.domain.timezones import zone
from bot.render.callbacks import MAX_INT, Callback
from bot.render.rooms import (
    CheerPress,
    board_text,
    buddy_text,
    checkin_reply,
    cheer_keyboard,
    connect_link,
    follow_gaps_text,
    followed_text,
    growth_text,
    handles_text,
    joined_reply,
    member_line,
    room_goal_saved_text,
    room_goal_text,
    settings_saved_text,
    settings_text,
)

WEEK = Period(date(2026, 3, 2), date(2026, 3, 8))
POST = Post(41, 7, 12, "tiktok", None, "Dumplings & <tea>", (), datetime(2026, 3, 2, tzinfo=UTC),
            date(2026, 3, 2))  # fmt: skip
GROUP = Group(-100, "Room", None, zone("Asia/Shanghai"), "21:00", True, "streak", 77, False, "days",
              5, True)  # fmt: skip


def seen(
    name: str,
    days: int | None = 3,
    streak: int | None = 2,
    hits: int | None = 1,
    growth: Growth | None = None,
    followers: int | None = None,
) -> MemberView:
    return MemberView(1, name, days, days and days + 1, streak, None, hits, growth, followers)


SHARES_NOTHING = seen("Lee", days=None, streak=None, hits=None, growth=Growth(30, 15))


def test_joining_with_and_without_the_private_chat_link() -> None:
    link = connect_link("PostpactBot", -100555)
    assert link == "https://t.me/PostpactBot?start=g-100555"
    text, keyboard = joined_reply("en", "Maya", 3, True, link)
    assert text == (
        "✅ Maya joined the room. 3 members now.\n"
        "Open a private chat with me so your reminders and cheers can reach you:"
    )
    assert keyboard is not None
    assert keyboard.inline_keyboard[0][0].url == link
    again, none = joined_reply("en", "Maya", 1, False, None)
    assert (again, none) == ("Maya, you're already in this room (1 member).", None)


def test_a_check_in_with_and_without_the_streak() -> None:
    text, keyboard = checkin_reply("en", "Maya", POST, 4, False)
    assert text == "✅ Maya posted: #12 · TikTok · “Dumplings &amp; &lt;tea&gt;” · 🔥 4 days"
    assert keyboard.inline_keyboard[0][0].callback_data == "1|cheer|41"
    hidden, _ = checkin_reply("zh", "Maya", POST, None, True)
    assert hidden.splitlines() == [
        "✅ Maya 发布了：#12 · TikTok · 《Dumplings &amp; &lt;tea&gt;》",
        "（…并加入了本群打卡。）",
    ]


def test_the_cheer_button_counts() -> None:
    assert cheer_keyboard("en", 41, 0).inline_keyboard[0][0].text == "👏 Cheer"
    assert cheer_keyboard("zh", 41, 3).inline_keyboard[0][0].text == "👏 点赞 · 3"


def test_the_largest_cheer_button_fits_and_reads_back() -> None:
    largest = CheerPress(post_id=MAX_INT)
    data = largest.encode()
    assert len(data.encode()) <= 64
    decoded = Callback.decode(data)
    assert decoded is not None
    assert decoded.action == "cheer"
    assert CheerPress.decode(decoded.args) == largest


def test_the_board_with_ties_and_a_member_who_shares_nothing() -> None:
    ranked = [
        Ranked(1, True, seen("Jo", growth=Growth(12, 4), followers=312)),
        Ranked(1, True, seen("Kim", growth=Growth(5, None))),
        Ranked(3, False, SHARES_NOTHING),
    ]
    assert board_text("en", WEEK, ranked).splitlines() == [
        "🏆 <b>This week</b> · 2026-03-02 → 2026-03-08",
        "<i>days · 🔥 streak · 🎯 hits this month · followers</i>",
        "=1 Jo — 3 · 🔥 2 · 🎯 1 · +12",
        "=1 Kim — 3 · 🔥 2 · 🎯 1 · —",
        "3. Lee — — · 🔥 — · 🎯 — · +15%",
    ]
    assert board_text("zh", WEEK, ranked[2:]).splitlines()[2] == "3. Lee — — · 🔥 — · 🎯 — · +15%"


def test_growth_as_the_room_may_see_it() -> None:
    assert growth_text(seen("A")) == "—"
    assert growth_text(seen("A", growth=Growth(-1200, -3), followers=9000)) == "−1,200"
    assert growth_text(seen("A", growth=Growth(-1200, -3))) == "−3%"
    assert growth_text(seen("A", growth=Growth(0, 0))) == "±0%"
    assert growth_text(seen("A", growth=Growth(40, None))) == "—"


def test_a_members_line_in_a_summary() -> None:
    assert member_line("en", seen("Jo")) == "• Jo: days 3 · posts 4 · 🔥 2 · —"
    assert member_line("zh", SHARES_NOTHING) == "• Lee：— 天 · — 条 · 🔥 — · +15%"


def test_shared_handles_as_links_where_the_platform_has_profiles() -> None:
    text = handles_text(
        "en",
        {
            "tiktok": [SharedHandle("Maya", "@maya.cooks"), SharedHandle("Jo", "https://j.o/x")],
            "xiaohongshu": [SharedHandle("Kim <3", "小金")],
        },
    )
    assert text.splitlines() == [
        "🤝 <b>Follow each other</b>",
        '<b>TikTok</b>: <a href="https://www.tiktok.com/@maya.cooks">Maya @maya.cooks</a>,'
        ' <a href="https://j.o/x">Jo</a>',
        "<b>Xiaohongshu</b>: Kim &lt;3 @小金",
        "Followed someone? /followed @member [platform]",
    ]
    assert handles_text("en", {}).splitlines()[1] == (
        "Nobody shares their handles yet (/share handles on, in private)."
    )


def test_follow_gaps_and_a_noted_follow() -> None:
    assert follow_gaps_text("en", FollowGaps(("Maya", "Jo"), ())) == (
        "You haven't followed yet: Maya, Jo\nHaven't followed you back: nobody"
    )
    assert follow_gaps_text("zh", FollowGaps((), ("Kim",))) == "你还没关注：没有\n还没回关你：Kim"
    assert followed_text("en", "Jo", "tiktok", False) == "Noted: you follow Jo on TikTok."
    assert followed_text("en", "Maya", None, True) == (
        "Noted: you follow Maya. You follow each other 🤝"
    )


def test_a_buddy_whose_profile_is_gone() -> None:
    assert buddy_text("en", "Jo") == "🤝 Your buddy this week: Jo"
    assert buddy_text("en", None) == "🤝 Your buddy this week: ?"


def test_the_goal_and_the_settings() -> None:
    assert room_goal_text("en", GROUP) == "🎯 Group goal: every member posts 5 days a week."
    assert room_goal_saved_text("zh", GROUP) == "已保存。\n🎯 群目标：每人每周发布 5 天。"
    assert settings_text("en", GROUP).splitlines() == [
        "⚙️ <b>Room settings</b>",
        "Digest: 21:00 (Asia/Shanghai)",
        "Language: —",
        "Name who hasn't posted yet: on",
        "Board ranks by: streak",
        "Forum topic: 77",
        "Buddies: off",
    ]
    assert settings_saved_text("en", GROUP).startswith("Saved.\n\n⚙️ <b>Room settings</b>")
