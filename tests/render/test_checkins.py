"""What check-ins say: plain values in, exact text and buttons out."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from telegram import InlineKeyboardMarkup

from bot.domain.entries import Entry, EntryKind
from bot.domain.hits import hit_standing
from bot.domain.models import FollowerCount, Metrics, Post, PostDraft
from bot.domain.platforms import PLATFORMS
from bot.domain.progress import FollowerChange, MonthFrame, Period, Standing, this_month
from bot.domain.streaks import Streak
from bot.render.callbacks import MAX_BYTES, MAX_INT, ButtonExpired, Callback
from bot.render.checkins import (
    PostPick,
    UndoPress,
    When,
    followers_recorded,
    metrics_recorded,
    platform_picker,
    post_logged,
    undo_confirm,
    undo_done,
    undo_question,
)

DAY = date(2026, 3, 2)
POST = Post(7, 1, 12, "tiktok", None, "Dumplings", ("food",), datetime(2026, 3, 2, tzinfo=UTC), DAY)
MARCH = MonthFrame(this_month(DAY), 30)
NOW = Standing(Streak(current=3, best=5, posted_today=True), 2, 4, 30, MARCH)
TODAY = PostDraft("tiktok", title="Dumplings", tags=("food",))


def data(keyboard: InlineKeyboardMarkup) -> list[list[str]]:
    return [[str(b.callback_data) for b in row] for row in keyboard.inline_keyboard]


def test_a_logged_post_in_both_languages() -> None:
    assert post_logged("en", POST, TODAY, NOW) == (
        "✅ Logged #12 · TikTok · “Dumplings” #food\n"
        "2 posts today · streak 3 days\n"
        "This month (2026-03): 4/30 days ▰▱▱▱▱▱▱▱▱▱"
    )
    assert post_logged("zh", POST, TODAY, NOW) == (
        "✅ 已记录 #12 · TikTok · 《Dumplings》 #food\n"
        "今天第 2 条 · 连续 3 天\n"
        "本月（2026-03）：4/30 天 ▰▱▱▱▱▱▱▱▱▱"
    )


def test_a_shortened_caption_is_told_in_both_languages() -> None:
    cut = PostDraft("tiktok", title="Dumplings", title_shortened=True)
    assert post_logged("en", POST, cut, NOW).endswith(
        "\n✂️ The caption was longer than 200 characters: its first 200 are the title."
    )
    assert post_logged("zh", POST, cut, NOW).endswith(
        "\n✂️ 文案超过 200 个字符：标题只保留了前 200 个字符。"
    )


def test_a_logged_post_counts_in_the_program_month_while_one_runs() -> None:
    month_2 = MonthFrame(Period(date(2026, 3, 19), date(2026, 4, 17)), 26, program_month=2)
    now = Standing(Streak(1, 1, True), 1, 5, 26, month_2)
    assert post_logged("en", POST, TODAY, now).endswith("Program month 2: 5/26 days ▰▰▱▱▱▱▱▱▱▱")
    assert post_logged("zh", POST, TODAY, now).endswith("计划第 2 个月：5/26 天 ▰▰▱▱▱▱▱▱▱▱")


def test_the_picker_offers_the_users_platforms_or_the_common_ones() -> None:
    assert data(platform_picker("en", ["xiaohongshu", "tiktok"], True, 12)) == [
        ["1|post|xiaohongshu|y|12", "1|post|tiktok|y|12"]
    ]
    common = data(platform_picker("en", [], False, 0))
    assert common[0] == ["1|post|tiktok|t|0", "1|post|douyin|t|0", "1|post|xiaohongshu|t|0"]
    assert all("|other|" not in data for row in common for data in row)


def test_a_pick_is_fresh_only_while_its_post_number_is_the_latest() -> None:
    pick = PostPick.offered("tiktok", False, 12)
    assert pick.still_fresh(12)
    assert not pick.still_fresh(13)
    assert not PostPick("tiktok", When.TODAY, "").still_fresh(0)


def test_undo_buttons_and_the_undo_reply() -> None:
    entry = Entry(7, EntryKind.POST, POST.logged_at, post=POST)
    assert data(undo_confirm("en", entry)) == [["1|undo|7", "1|undo|keep"]]
    assert undo_done("en", entry, 1) == "Removed post #12 · TikTok · “Dumplings”. Streak: 1 day."
    assert UndoPress("7").is_for(entry)
    assert not UndoPress("9999999999999999").is_for(entry)
    assert not UndoPress("keep").is_for(entry)


def test_the_undo_question_names_the_entry_and_when_it_was_made() -> None:
    at = datetime(2026, 3, 2, 12, 3, tzinfo=UTC)
    count = Entry(3, EntryKind.FOLLOWERS, at, count=FollowerCount("douyin", 10**11 - 1, at, DAY))
    assert undo_question("en", count, UTC, DAY) == (
        "Remove the follower count Douyin 99,999,999,999 from 12:03?"
    )
    assert undo_question("en", count, UTC, date(2026, 3, 3)) == (
        "Remove the follower count Douyin 99,999,999,999 from 2026-03-02 12:03?"
    )
    assert undo_question("zh", count, UTC, DAY) == "撤销 12:03 记录的粉丝数 抖音 99,999,999,999？"


def test_a_pick_without_a_platform_is_out_of_date() -> None:
    with pytest.raises(ButtonExpired):
        PostPick.decode(("", "t", "1"))


@pytest.mark.parametrize("post", ["", "-1", "１", "abc"])
def test_undo_refuses_anything_but_a_number_or_keep(post: str) -> None:
    with pytest.raises(ButtonExpired):
        UndoPress.decode((post,))


def test_follower_changes() -> None:
    first = FollowerChange("tiktok", 1200, None, None, None, None, 1200, 0)
    assert followers_recorded("en", first) == (
        "📈 TikTok: 1,200 followers\n"
        "Your first count here: the next one will show the change.\n"
        "All platforms: 1,200 (±0 since your first counts)"
    )
    later = FollowerChange("tiktok", 1150, -50, DAY, 30, date(2026, 2, 1), 1300, 30)
    assert followers_recorded("en", later).splitlines()[1:3] == [
        "−50 since the last count (2026-03-02)",
        "+30 since the first count (2026-02-01)",
    ]


def test_metrics_celebrate_then_count_down() -> None:
    hit = metrics_recorded("en", POST, Metrics(saves=6, likes=10), hit_standing(6, 5, True))
    assert hit.splitlines() == [
        "📊 #12 · TikTok · “Dumplings”",
        "6 saves · 10 likes",
        "🎉 <b>A hit!</b> 6 people saved it (your hit threshold is 5). "
        "Look at what worked and do it again.",
    ]
    still = metrics_recorded("en", POST, Metrics(saves=9), hit_standing(9, 5, False))
    assert still.splitlines()[-1] == "Still a hit 🎯"
    short = metrics_recorded("zh", POST, Metrics(saves=4), hit_standing(4, 5, False))
    assert short.splitlines()[1:] == ["收藏 4", "再有 1 个收藏就是爆款（5）。"]
    unknown = metrics_recorded("en", POST, Metrics(likes=3), hit_standing(None, 5, False))
    assert unknown.splitlines()[1:] == ["3 likes"]


def test_the_largest_buttons_fit_and_read_back() -> None:
    longest = max((p.key for p in PLATFORMS), key=len)
    biggest = str(MAX_INT)
    for button in (
        PostPick(longest, When.YESTERDAY, biggest),
        UndoPress(biggest),
        UndoPress("keep"),
    ):
        encoded = button.encode()
        assert len(encoded.encode()) <= MAX_BYTES
        decoded = Callback.decode(encoded)
        assert decoded is not None
        assert type(button).decode(decoded.args) == button
