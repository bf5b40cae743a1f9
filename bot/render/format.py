"""Small formatting pieces shared by every message, and Telegram's sizes: how long a text is as
Telegram counts it (UTF-16 code units of what the reader sees) and the one way a long message is
split into parts that fit."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date, timedelta

from bot.domain.models import Language, Post
from bot.domain.platforms import platform
from bot.texts import Html, h, shown, t

# Telegram's limits, in UTF-16 code units of the visible text (after the HTML is parsed).
MAX_MESSAGE = 4096
MAX_CAPTION = 1024
MAX_ALERT = 200


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
    return Html(f'<a href="{html.escape(url, quote=True)}">{shown(text)}</a>')


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


def telegram_length(text: str) -> int:
    """A plain text's length as Telegram counts it: UTF-16 code units, so an emoji or a fancy-font
    letter (𝓜) is two. Every Telegram limit on text (message, caption, alert) is counted so."""
    return len(text.encode("utf-16-le")) // 2


def clipped(text: str, limit: int) -> str:
    """A plain text cut to `limit` UTF-16 code units, with "…" when it was cut (an alert)."""
    if telegram_length(text) <= limit:
        return text
    kept = text[: limit - 1]
    while telegram_length(kept) > limit - 1:
        kept = kept[:-1]
    return kept + "…"


# A tag, an entity, or one character: the units a message is measured and cut in.
_TOKEN = re.compile(r"<[^<>]*>|&#?\w+;|.", re.DOTALL)


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """`text` (Telegram HTML) in as few parts as fit in `limit` UTF-16 code units of visible text.

    Parts break between lines; a line longer than a whole message is wrapped after a comma or at a
    space (a hard cut only when it has neither). A tag is never cut, and one that is open where a
    part ends is closed there and opened again at the start of the next, so every part is valid
    HTML on its own. Blank lines at a part's edges are dropped. A text that fits comes back as is.
    """
    # Tags show nothing and an entity is shorter than its source, so a text whose raw length fits
    # fits: every reply is measured this fast way, only a long one token by token.
    if telegram_length(text) <= limit or _width(_TOKEN.findall(text)) <= limit:
        return [text]
    parts = _Parts(limit)
    for line in text.split("\n"):
        parts.add_line(_TOKEN.findall(line))
    return parts.finish()


class _Parts:
    """The parts of a message being split, and the tags open where the current part stops."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.done: list[str] = []
        self.lines: list[list[str]] = []  # the current part's lines, as tokens
        self.width = 0  # the current part's visible width
        self.open: list[str] = []  # opening tags in force at the end of the current part

    def add_line(self, line: list[str]) -> None:
        width = _width(line)
        if self.lines and self.width + 1 + width > self.limit:
            if width > self.limit:  # it will be wrapped anyway: its head fills this part first
                head, line = _wrap(line, self.limit - self.width - 1, hard=False)
                if head:
                    self._append(head)
                width = _width(line)
            self._close()
        if not self.lines and not line:
            return  # no blank line at the top of a part
        while width > self.limit:  # too long for any part: whole parts of it, then the rest
            head, line = _wrap(line, self.limit)
            self._append(head)
            self._close()
            width = _width(line)
        self._append(line)

    def _append(self, line: list[str]) -> None:
        self.width += _width(line) + (1 if self.lines else 0)
        self.lines.append(line)

    def _close(self) -> None:
        while self.lines and not self.lines[-1]:
            self.lines.pop()  # no blank line at the end of a part
        reopened = "".join(self.open)
        for line in self.lines:
            for token in line:
                _track(self.open, token)
        closing = "".join(f"</{_tag_name(tag)}>" for tag in reversed(self.open))
        body = "\n".join("".join(line) for line in self.lines)
        if body:
            self.done.append(reopened + body + closing)
        self.lines, self.width = [], 0

    def finish(self) -> list[str]:
        self._close()
        return self.done


def _wrap(line: list[str], limit: int, *, hard: bool = True) -> tuple[list[str], list[str]]:
    """The longest head of a line that fits, cut after a comma, else at a space (dropped), else
    (when `hard`) between two characters, never inside a tag, an entity or a character's
    combining marks. Without a place to cut the head is empty."""
    width, fits = 0, 0
    while fits < len(line) and width + _width(line[fits : fits + 1]) <= limit:
        width += _width(line[fits : fits + 1])
        fits += 1
    spaces = [i for i in range(1, min(fits + 1, len(line))) if line[i] == " "]
    cut = max((i for i in spaces if line[i - 1] == ","), default=0) or max(spaces, default=0)
    if cut:
        return line[:cut], line[cut + 1 :]
    if not hard:
        return [], line
    while fits > 1 and _clings(line[fits]):
        fits -= 1
    return line[:fits], line[fits:]


def _clings(token: str) -> bool:
    """A character that belongs with the one before it: a combining mark, a joiner, a selector."""
    return len(token) == 1 and unicodedata.category(token) in ("Mn", "Me", "Mc", "Cf", "Sk")


def visible_length(text: str) -> int:
    """A Telegram HTML text's length as Telegram counts it once the tags are parsed."""
    return _width(_TOKEN.findall(text))


def _width(tokens: list[str]) -> int:
    """The visible width of tokens: a tag shows nothing, an entity one character."""
    total = 0
    for token in tokens:
        if token.startswith("<") and len(token) > 1:
            continue
        total += telegram_length(html.unescape(token) if token.startswith("&") else token)
    return total


def _track(open_tags: list[str], token: str) -> None:
    if not token.startswith("<") or len(token) == 1:
        return
    if token.startswith("</"):
        if open_tags:
            open_tags.pop()
    elif not token.endswith("/>"):
        open_tags.append(token)


def _tag_name(tag: str) -> str:
    return tag[1:-1].split(maxsplit=1)[0]


def month_names(lang: Language) -> list[str]:
    """Short month names, January first: "Jan" / "1月"."""
    return t(lang, "picture.months").split()


def short_date(lang: Language, day: date) -> str:
    """A day as every picture writes it: "Apr 1" / "4月1日"."""
    return t(lang, "picture.date", month=month_names(lang)[day.month - 1], day=day.day)
