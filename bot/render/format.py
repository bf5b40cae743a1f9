"""Small formatting pieces shared by every message."""

from __future__ import annotations

import html
from datetime import date, timedelta

from bot.domain.models import Language, Post
from bot.domain.platforms import platform
from bot.texts import Html, h


def number(value: int) -> str:
    return f"{value:,}"


def counted(lang: Language, noun: str, value: int) -> Html:
    """`1 post`, `1,500 saves`: a number with its noun in the right form (`counted.*`)."""
    return h(lang, f"counted.{noun}", number=number(value), count=value)


def signed(value: int) -> str:
    if value == 0:
        return "±0"
    return f"+{value:,}" if value > 0 else f"−{-value:,}"


def bar(done: int, total: int, width: int = 10) -> str:
    """A progress bar that fits a phone screen: ▰▰▰▱▱▱▱▱▱▱."""
    filled = 0 if total <= 0 else min(width, round(width * done / total))
    if done > 0 and filled == 0:
        filled = 1  # any progress shows: one day of 31 is not nothing
    if done < total and filled == width:
        filled = width - 1  # and only a met target shows full: 96 of 100 is not done
    return "▰" * filled + "▱" * (width - filled)


def day_strip(
    posted: set[date],
    today: date,
    rested: set[date] | None = None,
    days: int = 14,
    frozen: frozenset[date] = frozenset(),
) -> str:
    """The last `days` days, oldest first: 🟩 posted, 🟦 rest day (/rest), 🧊 a missed day the
    week's rest allowance covered, ⬜ none of these."""
    strip = []
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        mark = "🟩" if day in posted else "🟦" if rested and day in rested else "⬜"
        strip.append("🧊" if mark == "⬜" and day in frozen else mark)
    return "".join(strip)


def platform_name(lang: Language, key: str) -> str:
    return platform(key).name(lang)


def link(url: str, text: str) -> Html:
    return Html(f'<a href="{html.escape(url, quote=True)}">{html.escape(text, quote=False)}</a>')


def post_label(lang: Language, post: Post) -> Html:
    """`#12 · TikTok · “My title”` — the way a post is named in every message."""
    parts = [f"#{post.number}", html.escape(platform_name(lang, post.platform), quote=False)]
    if post.title:
        parts.append(h(lang, "post.title_quoted", title=post.title))
    elif post.link:
        parts.append(short_link(post.link))
    return Html(" · ".join(parts))


def short_link(url: str) -> Html:
    """A link shown by its address, without the scheme and cut to fit a line."""
    return link(url, _short(url))


def _short(url: str, limit: int = 40) -> str:
    bare = url.split("://", 1)[-1]
    return bare if len(bare) <= limit else bare[: limit - 1] + "…"
