"""小林 writes in Chinese and shares her posts straight from the apps: a Xiaohongshu share sent
to the bot as it is, a Douyin share after /post. Every post is logged on the right platform with
its own title, none of the apps' boilerplate, and her characters as she typed them."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from bot.fakeapi import Session
from tests.helpers import rows
from tests.personas.diary import Diary, Step, live

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIRST = date(2026, 3, 2)  # a Monday


def shares(n: int, day: date) -> list[Step]:
    if day.weekday() == 6:
        return []  # Sundays off: one day off a week
    if n % 2 == 0:
        xhs = f"第{n}天：早餐 http://xhslink.com/a/ab{n}，复制本条信息，打开【小红书】App查看精彩内容！"
        return [(time(12, 0), xhs, "记录")]
    douyin = f"7.89 复制打开抖音，看看【晚饭｜第{n}天】 https://v.douyin.com/x{n}/ KJV:/ 04/17"
    return [(time(19, 0), "/post " + douyin)]


async def test_a_chinese_creator_logs_her_posts_by_sharing_them(session: Session) -> None:
    lin = session.person("小林", language_code="zh-hans")
    session.clock.set(session.clock.now().replace(hour=1))
    for text in ("/timezone 上海", "/nudge 21:00", "/goals days 6", "/plan start"):
        await session.send(lin, text)

    diary = await live(session, Diary(lin, SHANGHAI), FIRST, 90, shares, minutes=60)

    stored = rows(session, "SELECT platform, link, title FROM posts ORDER BY number")
    assert len(stored) == 78  # every day but the twelve Sundays
    assert stored[0] == ("xiaohongshu", "http://xhslink.com/a/ab0", "第0天：早餐")
    assert stored[1] == ("douyin", "https://v.douyin.com/x1", "晚饭｜第1天")
    assert all("复制" not in title and "App" not in title for _, _, title in stored)
    replies = [r.text for day in sorted(diary.replies) for r in diary.replies[day]]
    assert all(text.startswith("✅ 已记录") for text in replies), replies[:2]
    streak = await session.send(lin, "/streak")
    # Sundays are her day off: the week's allowance covers them, the streak counts posted days.
    assert streak.text.splitlines()[0] == "🔥 当前连续：78 天"
    goals = [
        next(line for line in text.splitlines() if line.startswith("目标："))
        for _, text in diary.texts("📅")
    ]
    assert len(goals) == 2  # months 1 and 2 (month 3 ends on the 90th day, its review after)
    assert "✅ 达成" in goals[0]  # month 1: 26 of 26 posting days
    assert diary.busiest_day() <= 3
