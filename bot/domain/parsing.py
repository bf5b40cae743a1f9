"""Parsing the words and values every command shares: platforms, counts, clocks, switches, days,
dates and tags. Every failure is an InputError naming a text key.

Limits live beside their parser, so every entry point (commands, buttons, free-text answers)
enforces the same ones. What a check-in says is read in `checkin_input.py`, settings in
`settings_input.py`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from decimal import Decimal, InvalidOperation

from bot.domain.errors import InputError
from bot.domain.platforms import Platform, resolve_platform

MAX_TAG = 40
MAX_COUNT = 100_000_000_000  # bigger than any real audience, well inside SQLite's int64

URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_TAG = re.compile(r"^#([^\W_][\w\-]*)$")
COUNT_SHAPE = re.compile(
    r"^(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>k|m|w|万|千|亿)?$", re.IGNORECASE | re.ASCII
)
GROUPED_COUNT = re.compile(r"^\d{1,3}(?:,\d{3})+$", re.ASCII)
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?:[:：.](?P<m>\d{2}))?$", re.ASCII)
_UNITS = {"k": 1_000, "千": 1_000, "m": 1_000_000, "w": 10_000, "万": 10_000, "亿": 100_000_000}


def clean_text(text: str) -> str:
    """Normalise width (full-width digits and colons from Chinese keyboards) and drop controls:
    for reading values. What is stored as the user wrote it goes through `without_controls`."""
    return without_controls(unicodedata.normalize("NFKC", text))


# Category Cc in ASCII, less the two kept (newline, tab); ASCII has no Cf or Cs.
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def without_controls(text: str) -> str:
    """The text as the user wrote it, less control and invisible format characters: right-to-left
    overrides, embeddings and isolates, zero-width spaces and joiners, byte-order marks (Unicode's
    categories Cc, Cf and Cs; characters newer than Python's tables, such as this year's emoji,
    are kept). What emoji need is kept too: a zero-width
    joiner between two pictographs (woman, joiner, laptop: one "technologist" emoji) and the tag
    characters of a subdivision flag (Scotland's). This is the one cleaning for stored text
    (titles, niches) and for every name or text a message shows."""
    if text.isascii():  # nearly every text: only ASCII's own controls can be in it
        return _ASCII_CONTROLS.sub("", text)
    return "".join(
        ch
        for i, ch in enumerate(text)
        if ch in "\n\t" or unicodedata.category(ch) not in _INVISIBLE or _emoji_part(text, i)
    )


_INVISIBLE = frozenset({"Cc", "Cf", "Cs"})
ZWJ = "\u200d"
_FLAG, _TAGS = "\U0001f3f4", ("\U000e0020", "\U000e007f")
# What may sit between a pictograph and a joiner: the emoji presentation selector, skin tones.
_MODIFIERS = frozenset("\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")


def _emoji_part(text: str, index: int) -> bool:
    """Whether the invisible character at `index` belongs to an emoji sequence."""
    ch = text[index]
    if ch == ZWJ:
        before = index - 1
        while before >= 0 and text[before] in _MODIFIERS:
            before -= 1
        after = text[index + 1 : index + 2]
        return before >= 0 and _pictograph(text[before]) and after != "" and _pictograph(after)
    if _TAGS[0] <= ch <= _TAGS[1]:
        start = index
        while start > 0 and _TAGS[0] <= text[start - 1] <= _TAGS[1]:
            start -= 1
        return start > 0 and text[start - 1] == _FLAG
    return False


def _pictograph(ch: str) -> bool:
    return unicodedata.category(ch) == "So"


def split_words(text: str) -> list[str]:
    return clean_text(text).split()


def parse_platform(text: str) -> Platform:
    found = resolve_platform(text)
    if found is None:
        raise InputError("error.unknown_platform", given=text[:40])
    return found


def parse_tag(word: str) -> str | None:
    match = _TAG.match(word)
    if match is None:
        return None
    tag = match[1].casefold()
    if len(tag) > MAX_TAG:
        raise InputError("error.tag_too_long", limit=MAX_TAG, count=MAX_TAG)
    return tag


def parse_count(text: str) -> int:
    """A follower or metric count: `1234`, `1,234`, `1.2k`, `3.5w`, `1.2万`."""
    raw = clean_text(text).strip().replace("_", "")
    if raw.startswith(("-", "−")):
        raise InputError("error.count_negative")
    if GROUPED_COUNT.match(raw):
        raw = raw.replace(",", "")
    match = COUNT_SHAPE.match(raw)
    if match is None:
        raise InputError("error.count_not_number", given=text[:20])
    try:
        value = Decimal(match["num"]) * _UNITS.get((match["unit"] or "").lower(), 1)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only decimals
        raise InputError("error.count_not_number", given=text[:20]) from exc
    if value > MAX_COUNT:
        raise InputError("error.count_too_large", limit=MAX_COUNT)
    if value != value.to_integral_value() and match["unit"] is None:
        raise InputError("error.count_not_number", given=text[:20])
    return int(value)


def parse_clock(text: str) -> time:
    """`20:00`, `8:30`, `20`, `20.30`, `２０：００` (full-width, from Chinese keyboards)."""
    match = _CLOCK.match(clean_text(text).strip())
    if match is None:
        raise InputError("error.time_shape", given=text[:20])
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if hour > 23 or minute > 59:
        raise InputError("error.time_shape", given=text[:20])
    return time(hour, minute)


OFF_WORDS = frozenset({"off", "no", "stop", "关", "关闭", "不要"})
ON_WORDS = frozenset({"on", "yes", "start", "开", "打开", "开启"})


def parse_switch(text: str) -> bool:
    """`on` / `off` (and their Chinese forms)."""
    word = clean_text(text).strip().casefold()
    if word in ON_WORDS:
        return True
    if word in OFF_WORDS:
        return False
    raise InputError("error.switch", given=text.strip()[:20])


def parse_days(text: str, maximum: int) -> int:
    """A whole number of days, 1..maximum (`7`, `7d`, `7 days`, `7天`)."""
    cleaned = clean_text(text).strip().casefold()
    match = re.fullmatch(r"(\d{1,6})\s*(?:d|day|days|天)?", cleaned, re.ASCII)
    if match is None:
        raise InputError("error.days_shape", given=text.strip()[:20])
    days = int(match[1])
    if not 1 <= days <= maximum:
        raise InputError("error.days_range", maximum=maximum, count=maximum)
    return days


def parse_iso_date(text: str) -> date:
    try:
        return date.fromisoformat(clean_text(text).strip())
    except ValueError:
        raise InputError("error.date_shape", given=text.strip()[:20]) from None
