"""What looking back says: /today, /streak and /progress (this week and this month)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.domain.models import Language, Post
from bot.domain.progress import PeriodProgress
from bot.domain.streaks import Streak
from bot.render import format as fmt
from bot.texts import Html, h, t


def today_view(
    lang: Language, today: date, posts_today: int, listed: Sequence[Post], streak: int
) -> str:
    """Today's posts; `listed` may be fewer than `posts_today` (a phone screen's worth)."""
    lines = [t(lang, "today.heading", date=today.isoformat())]
    if posts_today == 0:
        lines.append(t(lang, "today.nothing"))
    else:
        lines.append(t(lang, "today.count", count=posts_today))
        lines.extend(f"• {fmt.post_label(lang, p)}" for p in listed)
        if posts_today > len(listed):
            lines.append(t(lang, "today.more", count=posts_today - len(listed)))
    lines.append(t(lang, "today.streak", streak=h(lang, "streak.days", count=streak)))
    return "\n".join(lines)


def streak_view(
    lang: Language,
    streak: Streak,
    posted: set[date],
    today: date,
    rested: set[date],
    frozen: frozenset[date] = frozenset(),
) -> str:
    """The current and best streak, the last two weeks, and what to do today."""
    key = (
        "streak.alive_today"
        if streak.posted_today
        else ("streak.keep_alive" if streak.current else "streak.start")
    )
    return "\n".join(
        (
            t(lang, "streak.current", streak=h(lang, "streak.days", count=streak.current)),
            t(lang, "streak.best", streak=h(lang, "streak.days", count=streak.best)),
            fmt.day_strip(posted, today, rested, frozen=frozen),
            t(lang, key),
        )
    )


def progress_view(
    lang: Language, week: PeriodProgress, month: PeriodProgress, streak: Streak
) -> str:
    return "\n\n".join(
        (
            _period_block(lang, "progress.week", week),
            _period_block(lang, "progress.month", month),
            t(
                lang,
                "progress.streaks",
                current=h(lang, "streak.days", count=streak.current),
                best=h(lang, "streak.days", count=streak.best),
            ),
        )
    )


def _period_block(lang: Language, heading: str, p: PeriodProgress) -> str:
    growth: str | Html = (
        fmt.signed(p.follower_change)
        if p.follower_change is not None
        else h(lang, "progress.no_follower_data")
    )
    return t(
        lang,
        "progress.block",
        heading=h(lang, heading, start=p.period.start.isoformat(), end=p.period.end.isoformat()),
        posts=p.posts,
        days=p.days_posted,
        target=p.target_days,
        bar=fmt.bar(p.days_posted, p.target_days),
        growth=growth,
        hits=p.hits,
    )
