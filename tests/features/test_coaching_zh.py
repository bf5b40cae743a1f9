"""The coach speaks Chinese to Chinese users: nudges, buttons, reviews."""

from __future__ import annotations

from bot.fakeapi import Session
from tests.helpers import reviews, to, utc


async def test_nudge_and_review_in_chinese(session: Session) -> None:
    li = session.person("小李", language_code="zh-hans")
    await session.send(li, "/timezone 北京")
    await session.send(li, "/nudge 21:00")
    (nudge,) = to(li, await session.at(utc(2026, 3, 2, 13, 0)))
    assert [label for label, _ in nudge.buttons] == ["已发布 ✅", "1 小时后提醒", "今天休息"]
    assert "小李" in nudge.text or "今天" in nudge.text
    session.clock.set(utc(2026, 3, 3, 4, 0))
    await session.send(li, "/post 小红书 秋天穿搭 #穿搭")
    (review,) = reviews(li, await session.at(utc(2026, 4, 1, 13, 0)))
    assert review.text.splitlines()[:4] == [
        "📅 月度复盘 · 2026-03-01 → 2026-03-31",
        "目标：31 天里发布 27 天 — ❌ 未达成",  # one day off a week
        "",
        "你能掌控的",
    ]
    settings = await session.send(li, "/nudge")
    assert settings.text.startswith("⏰ 提醒\n每日提醒：21:00")
