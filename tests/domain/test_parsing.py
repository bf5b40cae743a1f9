from __future__ import annotations

from datetime import time

import pytest

from bot.domain.errors import InputError
from bot.domain.models import Metrics, PostDraft
from bot.domain.parsing import (
    MAX_COUNT,
    clean_text,
    parse_clock,
    parse_count,
    parse_day_start,
    parse_days,
    parse_followers,
    parse_goal_change,
    parse_handle,
    parse_metrics,
    parse_niche,
    parse_post,
    parse_post_ref,
    parse_quick_metrics,
    parse_quiet_hours,
    parse_switch,
)
from bot.domain.schedule import QuietHours


def error_key(call: object) -> str:
    assert callable(call)
    with pytest.raises(InputError) as caught:
        call()
    return caught.value.key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tiktok", PostDraft("tiktok")),
        ("TikTok My first video", PostDraft("tiktok", title="My first video")),
        (
            "xhs https://XHSLINK.com/abc/ #Food #food #旅行",
            PostDraft("xiaohongshu", link="https://xhslink.com/abc", tags=("food", "旅行")),
        ),
        ("yesterday 小红书 秋日穿搭", PostDraft("xiaohongshu", title="秋日穿搭", yesterday=True)),
        ("昨天 b站 vlog", PostDraft("bilibili", title="vlog", yesterday=True)),
        ("channels #daily", PostDraft("wechat-channels", tags=("daily",))),
        ("yt https://youtu.be/x#t=3", PostDraft("youtube", link="https://youtu.be/x")),
        ("ig  title\twith\u200bzero width", PostDraft("instagram", title="title withzero width")),
    ],
)
def test_parse_post(text: str, expected: PostDraft) -> None:
    assert parse_post(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error.post_missing_platform"),
        ("yesterday", "error.post_missing_platform"),
        ("mars title", "error.unknown_platform"),
        ("tiktok https://a.com https://b.com", "error.post_two_links"),
        ("tiktok https://a.com/" + "x" * 600, "error.link_too_long"),
        ("tiktok " + " ".join(f"#t{i}" for i in range(11)), "error.too_many_tags"),
        ("tiktok #" + "a" * 41, "error.tag_too_long"),
        ("tiktok " + "word " * 1000, "error.title_too_long"),
        ("'; DROP TABLE posts; --", "error.unknown_platform"),
    ],
)
def test_parse_post_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_post(text)) == key


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("1234", 1234),
        ("1,234", 1234),
        ("1_000", 1000),
        ("1.2k", 1200),
        ("3.5w", 35000),
        ("1.2万", 12000),
        ("2亿", 200_000_000),
        ("１２００", 1200),  # full-width digits from a Chinese keyboard
        ("1M", 1_000_000),
    ],
)
def test_parse_count(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("-5", "error.count_negative"),
        ("−5", "error.count_negative"),
        ("1e30", "error.count_not_number"),
        ("1" + "0" * 30, "error.count_too_large"),
        (str(MAX_COUNT + 1), "error.count_too_large"),
        ("12.5", "error.count_not_number"),
        ("abc", "error.count_not_number"),
        ("1,23", "error.count_not_number"),
        ("🔥", "error.count_not_number"),
        ("", "error.count_not_number"),
    ],
)
def test_parse_count_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_count(text)) == key


def test_parse_followers_accepts_either_order() -> None:
    assert parse_followers("tiktok 1.2k") == parse_followers("1.2k TikTok")
    assert parse_followers("快手 300").platform == "kuaishou"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error.followers_shape"),
        ("tiktok", "error.followers_shape"),
        ("tiktok 1 2", "error.followers_shape"),
        ("mars 100", "error.unknown_platform"),
        ("tiktok lots", "error.count_not_number"),
    ],
)
def test_parse_followers_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_followers(text)) == key


def test_parse_metrics() -> None:
    parsed = parse_metrics("last saves=7 点赞=1.2k views:3,400")
    assert parsed.ref.number is None
    assert parsed.metrics == Metrics(saves=7, likes=1200, views=3400)
    assert parse_metrics("#12 shares=0").ref.number == 12


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error.metrics_missing"),
        ("last", "error.metrics_missing"),
        ("0 saves=1", "error.post_ref"),
        ("-1 saves=1", "error.post_ref"),
        ("9999999999 saves=1", "error.post_ref"),
        ("first saves=1", "error.post_ref"),
        ("last saves", "error.metrics_pair"),
        ("last saves=", "error.metrics_pair"),
        ("last hearts2=5", "error.metrics_unknown"),
        ("last saves=1 collects=2", "error.metrics_repeated"),
        ("last saves=-1", "error.count_negative"),
    ],
)
def test_parse_metrics_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_metrics(text)) == key


def test_post_ref() -> None:
    assert parse_post_ref("最近").number is None
    assert parse_post_ref("#3").number == 3


@pytest.mark.parametrize(
    ("text", "value"),
    [("20:00", time(20)), ("8:30", time(8, 30)), ("7", time(7)), ("２０：１５", time(20, 15))],
)
def test_parse_clock(text: str, value: time) -> None:
    assert parse_clock(text) == value


@pytest.mark.parametrize("text", ["24:00", "12:60", "noon", "", "1:2", "-1"])
def test_parse_clock_refuses(text: str) -> None:
    assert error_key(lambda: parse_clock(text)) == "error.time_shape"


def test_day_start_is_at_most_four() -> None:
    assert parse_day_start("04:00") == time(4)
    assert error_key(lambda: parse_day_start("04:01")) == "error.daystart_range"


def test_parse_niche() -> None:
    niche = parse_niche("Budget cooking for students #Recipes #budget #recipes")
    assert niche.sentence == "Budget cooking for students"
    assert niche.tags == ("recipes", "budget")
    assert parse_niche("#美食").tags == ("美食",)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("   ", "error.niche_missing"),
        ("x" * 201, "error.niche_too_long"),
        ("n " + " ".join(f"#t{i}" for i in range(6)), "error.niche_too_many_tags"),
    ],
)
def test_parse_niche_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_niche(text)) == key


def test_parse_handle() -> None:
    assert parse_handle("tiktok maya.cooks").handle == "@maya.cooks"
    assert parse_handle("ig https://instagram.com/maya").handle == "https://instagram.com/maya"
    assert parse_handle("tiktok -").handle is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tiktok", "error.handle_missing"),
        ("tiktok <script>", "error.handle_shape"),
        ("tiktok @" + "a" * 65, "error.handle_shape"),
        ("mars @me", "error.unknown_platform"),
    ],
)
def test_parse_handle_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_handle(text)) == key


def test_clean_text_drops_controls_and_keeps_chinese() -> None:
    assert clean_text("a\x00b\x1b[31mc\u202e") == "ab[31mc"
    assert clean_text("小红书　笔记") == "小红书 笔记"


def test_reminder_and_goal_parsing() -> None:
    assert parse_quiet_hours("23:00-08:00") == QuietHours(time(23), time(8))
    assert parse_quiet_hours("23 ～ 8") == QuietHours(time(23), time(8))
    assert parse_quiet_hours("22:30 to 07:15") == QuietHours(time(22, 30), time(7, 15))
    assert parse_quiet_hours("off") is None
    assert parse_days("7", 90) == 7
    assert parse_days("7天", 90) == 7
    assert parse_days("30 days", 90) == 30
    assert parse_switch("开") is True
    assert parse_switch("OFF") is False
    changes = parse_goal_change("followers 1.2k 小红书", 10, 10**9, 3)
    assert [(c.field, c.value) for c in changes] == [
        ("follower_target", 1200),
        ("follower_target_platform", "xiaohongshu"),
    ]
    assert parse_goal_change("rest 0", 10, 10, 3)[0].value == 0
    assert parse_quick_metrics("12 80 1,500") == Metrics(saves=12, likes=80, views=1500)
    assert parse_quick_metrics("收藏=3") == Metrics(saves=3)
    with pytest.raises(InputError):
        parse_quick_metrics("1 2 3 4")
