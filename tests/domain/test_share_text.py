"""Share texts as the apps write them: the link is found, the app's words are not a title."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.checkin_input import parse_post
from bot.domain.models import PostDraft
from bot.domain.platforms import platform_of_link
from bot.domain.share_text import ShareChoice, days_back, find_link
from tests.helpers import error_key

XHS_OLD = "http://xhslink.com/a/abc123，复制本条信息，打开【小红书】App查看精彩内容！"
XHS_NOTE = (
    "Maya发布了一篇小红书笔记，快来看吧！ 😆 4UKSK8ESbTOQTvi 😆 "
    "http://xhslink.com/a/Kx9QeR，复制本条信息，打开【小红书】App查看精彩内容！"
)
XHS_NEW = (
    "【秋日穿搭：三件套 - Maya | 小红书 - 你的生活指南】 😆 8PPuNrtZkm2pqGe 😆 "
    "https://www.xiaohongshu.com/discovery/item/6532a1b2000000001e03c9f1?source=webshare"
)
DOUYIN = (
    "7.89 复制打开抖音，看看【秋天第一杯奶茶】 https://v.douyin.com/iRNBho6u/ KJV:/ 04/17 b@A.Gv "
)
DOUYIN_AUTHOR = (
    "5.89 nqE:/ 复制打开抖音，看看【Maya的作品】今天的晚餐 #家常菜 #美食  "
    "https://v.douyin.com/ieFvvPLX/ 复制此链接，打开Dou音搜索，直接观看视频！"
)
BILIBILI = "【【4K】秋日京都散步-哔哩哔哩】 https://b23.tv/BV1xK4y1"
KUAISHOU = (
    "https://v.kuaishou.com/Lh1Hjk 秋天的奶茶 #美食 "
    "该作品在快手被播放过1.2万次，点击链接，打开【快手】直接观看！"
)
CHANNELS = "我的视频号：秋日vlog https://weixin.qq.com/sph/AKxVmM"
TIKTOK = "Check out Maya's video! #TikTok > https://vm.tiktok.com/ZM6abcdEf/"
YOUTUBE = "My morning routine https://youtu.be/dQw4w9WgXcQ?si=AbC123xyz"
INSTAGRAM = "https://www.instagram.com/reel/C9xYz12AbCd/?igsh=MWQ1ZGUxMzBkMA=="


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (XHS_OLD, PostDraft("xiaohongshu", link="http://xhslink.com/a/abc123")),
        (XHS_NOTE, PostDraft("xiaohongshu", link="http://xhslink.com/a/Kx9QeR")),
        (
            XHS_NEW,
            PostDraft(
                "xiaohongshu",
                link="https://www.xiaohongshu.com/discovery/item/6532a1b2000000001e03c9f1"
                "?source=webshare",
                title="秋日穿搭：三件套",
            ),
        ),
        (DOUYIN, PostDraft("douyin", link="https://v.douyin.com/iRNBho6u", title="秋天第一杯奶茶")),
        (
            DOUYIN_AUTHOR,
            PostDraft(
                "douyin",
                link="https://v.douyin.com/ieFvvPLX",
                title="今天的晚餐",
                tags=("家常菜", "美食"),
            ),
        ),
        (
            BILIBILI,
            PostDraft("bilibili", link="https://b23.tv/BV1xK4y1", title="【4K】秋日京都散步"),
        ),
        (
            KUAISHOU,
            PostDraft(
                "kuaishou", link="https://v.kuaishou.com/Lh1Hjk", title="秋天的奶茶", tags=("美食",)
            ),
        ),
        (
            CHANNELS,
            PostDraft(
                "wechat-channels",
                link="https://weixin.qq.com/sph/AKxVmM",
                title="我的视频号：秋日vlog",
            ),
        ),
        (TIKTOK, PostDraft("tiktok", link="https://vm.tiktok.com/ZM6abcdEf")),
        (
            YOUTUBE,
            PostDraft(
                "youtube",
                link="https://youtu.be/dQw4w9WgXcQ?si=AbC123xyz",
                title="My morning routine",
            ),
        ),
        (
            INSTAGRAM,
            PostDraft(
                "instagram", link="https://www.instagram.com/reel/C9xYz12AbCd?igsh=MWQ1ZGUxMzBkMA=="
            ),
        ),
    ],
)
def test_a_share_text_from_each_app_logs_its_link_and_title(text: str, expected: PostDraft) -> None:
    # Pasted as is (the platform inferred from the link), and after the platform's name.
    assert parse_post(text) == expected
    assert parse_post(f"{expected.platform} {text}") == expected
    assert parse_post(f"yesterday {text}") == PostDraft(
        expected.platform, expected.link, expected.title, expected.tags, yesterday=True
    )


def test_the_platform_given_wins_over_the_links_domain() -> None:
    # Cross-posting the same clip: the user said TikTok.
    assert parse_post("tiktok https://v.douyin.com/abc/").platform == "tiktok"


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("see https://youtu.be/x.", "https://youtu.be/x"),
        ("(https://youtu.be/x)", "https://youtu.be/x"),
        ("https://zh.wikipedia.org/wiki/A_(B)", "https://zh.wikipedia.org/wiki/A_(B)"),
        ("链接：https://b23.tv/abc。好看！", "https://b23.tv/abc"),
        ("https://b23.tv/abc」", "https://b23.tv/abc"),
        ("HTTPS://B23.TV/abc", "HTTPS://B23.TV/abc"),
        ("no link here", None),
        ("http://", None),
        ("https://，", None),
    ],
)
def test_the_link_ends_at_the_first_character_that_cannot_be_in_a_url(
    text: str, link: str | None
) -> None:
    found = find_link(text)
    assert (found.url if found else None) == link


@pytest.mark.parametrize(
    ("link", "key"),
    [
        ("https://v.douyin.com/abc/", "douyin"),
        ("https://www.iesdouyin.com/share/video/1/", "douyin"),
        ("http://xhslink.com/a/abc", "xiaohongshu"),
        ("https://www.xiaohongshu.com/explore/1", "xiaohongshu"),
        ("https://b23.tv/abc", "bilibili"),
        ("https://www.bilibili.com/video/BV1", "bilibili"),
        ("https://v.kuaishou.com/x", "kuaishou"),
        ("https://weixin.qq.com/sph/AKxVmM", "wechat-channels"),
        ("https://channels.weixin.qq.com/x", "wechat-channels"),
        ("https://vm.tiktok.com/ZM/", "tiktok"),
        ("https://youtu.be/x", "youtube"),
        ("https://m.youtube.com/shorts/x", "youtube"),
        ("https://instagram.com/p/x", "instagram"),
        ("https://x.com/maya/status/1", "x"),
        ("https://mp.weixin.qq.com/s/abc", None),  # an article, not Channels
        ("https://notdouyin.com/x", None),
        ("https://douyin.com.evil.example/x", None),
        ("https://example.com", None),
    ],
)
def test_the_platform_comes_from_the_links_domain(link: str, key: str | None) -> None:
    found = platform_of_link(link)
    assert (found.key if found else None) == key


def test_the_users_characters_are_kept_in_the_title() -> None:
    # Full-width colon and digits stay as typed; only the parsing reads them normalised.
    draft = parse_post("小红书 秋日穿搭：第１期 ＃穿搭")
    assert draft.title == "秋日穿搭：第１期"
    assert draft.tags == ("穿搭",)
    # A bracket inside a typed title is the user's, not a share's.
    assert parse_post("tiktok 【重要】my video").title == "【重要】my video"


def test_a_long_caption_is_shortened_to_200_characters() -> None:
    caption = "秋" * 150 + " " + "a" * 150
    draft = parse_post(f"douyin {caption} https://v.douyin.com/x/")
    assert draft.title == caption[:200]
    assert draft.title_shortened


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("https://example.com/x", "error.link_platform_unknown"),
        ("my video https://example.com/x", "error.link_platform_unknown"),
        ("https://b23.tv/a https://b23.tv/b", "error.post_two_links"),
        ("https://b23.tv/" + "x" * 600, "error.link_too_long"),
        ("复制打开抖音，看看", "error.unknown_platform"),
    ],
)
def test_a_share_text_without_one_known_link_is_refused(text: str, key: str) -> None:
    assert error_key(lambda: parse_post(text)) == key


def test_a_share_is_logged_on_the_day_it_was_sent() -> None:
    sent = date(2026, 3, 2)
    assert days_back(sent, sent, ShareChoice.TODAY) == 0
    assert days_back(sent, sent, ShareChoice.YESTERDAY) == 1
    assert days_back(sent, date(2026, 3, 3), ShareChoice.TODAY) == 1  # answered next morning
    assert days_back(sent, date(2026, 3, 3), ShareChoice.YESTERDAY) == 2  # too far back
    assert days_back(sent, date(2026, 3, 1), ShareChoice.TODAY) == 0  # a timezone moved west


def test_an_apps_suffix_leaves_the_title() -> None:
    assert parse_post("My vlog - YouTube https://youtu.be/x").title == "My vlog"
    assert parse_post("Bilibili 【我的vlog_哔哩哔哩_bilibili】").title == "我的vlog"
