"""What a check-in says: posts, follower counts, a post's numbers."""

from __future__ import annotations

import pytest

from bot.domain.checkin_input import (
    parse_followers,
    parse_metrics,
    parse_post,
    parse_post_ref,
    parse_quick_metrics,
)
from bot.domain.errors import InputError
from bot.domain.models import Metrics, PostDraft
from tests.helpers import error_key


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
        ("'; DROP TABLE posts; --", "error.unknown_platform"),
    ],
)
def test_parse_post_refuses(text: str, key: str) -> None:
    assert error_key(lambda: parse_post(text)) == key


def test_parse_followers_accepts_either_order() -> None:
    assert parse_followers("tiktok 1.2k") == parse_followers("1.2k TikTok")
    assert parse_followers("快手 300").platform == "kuaishou"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error.followers_shape"),
        ("tiktok", "error.followers_missing_count"),
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


def test_quick_metrics_answer_a_follow_up() -> None:
    assert parse_quick_metrics("12 80 1,500") == Metrics(saves=12, likes=80, views=1500)
    assert parse_quick_metrics("收藏=3") == Metrics(saves=3)
    with pytest.raises(InputError):
        parse_quick_metrics("1 2 3 4")
