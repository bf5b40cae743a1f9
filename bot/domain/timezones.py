"""Timezone input: IANA names, UTC offsets and a few city names people actually type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones


class TimezoneError(ValueError):
    pass


@dataclass(frozen=True)
class Zone:
    """A timezone as stored: `name` is an IANA key or a fixed offset like `UTC+05:30`."""

    name: str
    tz: tzinfo


# Common picks offered as buttons, in the order shown.
COMMON_ZONES: tuple[str, ...] = (
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "UTC",
)

# Names people type that are not IANA keys. Keys are casefolded with spaces/underscores removed.
_CITY_ALIASES: dict[str, str] = {
    "beijing": "Asia/Shanghai",
    "北京": "Asia/Shanghai",
    "上海": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "中国": "Asia/Shanghai",
    "hongkong": "Asia/Hong_Kong",
    "香港": "Asia/Hong_Kong",
    "台北": "Asia/Taipei",
    "东京": "Asia/Tokyo",
    "新加坡": "Asia/Singapore",
    "伦敦": "Europe/London",
    "纽约": "America/New_York",
    "洛杉矶": "America/Los_Angeles",
    "sanfrancisco": "America/Los_Angeles",
    "gmt": "UTC",
    "z": "UTC",
}

_OFFSET = re.compile(
    r"^(?:UTC|GMT)?\s*(?P<sign>[+\-−])\s*(?P<hours>\d{1,2})(?:[:：]?(?P<minutes>\d{2}))?$",
    re.IGNORECASE | re.ASCII,
)
MAX_INPUT = 64


@cache
def _iana_index() -> dict[str, str]:
    """casefolded key → IANA key, plus each zone's last component ("shanghai" → Asia/Shanghai)."""
    index: dict[str, str] = {}
    for key in sorted(available_timezones()):
        if key.startswith(("Etc/", "SystemV/")) or key in ("localtime", "Factory"):
            continue
        index[key.casefold()] = key
        city = _squash(key.rsplit("/", 1)[-1])
        index.setdefault(city, key)
    index["utc"] = "UTC"
    return index


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text.casefold())


def fixed_offset_name(total_minutes: int) -> str:
    sign = "+" if total_minutes >= 0 else "-"
    hours, minutes = divmod(abs(total_minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def parse_timezone(text: str) -> Zone:
    """Turn what a user typed into a Zone, or raise TimezoneError."""
    raw = text.strip()
    if not raw or len(raw) > MAX_INPUT:
        raise TimezoneError(text)
    if match := _OFFSET.match(raw):
        hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
        total = hours * 60 + minutes
        if minutes not in (0, 15, 30, 45) or total > 14 * 60:
            raise TimezoneError(text)
        if match["sign"] in "-−":
            total = -total
            if total < -12 * 60:
                raise TimezoneError(text)
        return zone(fixed_offset_name(total))
    index = _iana_index()
    key = index.get(raw.casefold()) or index.get(_squash(raw)) or _CITY_ALIASES.get(_squash(raw))
    if key is None:
        raise TimezoneError(text)
    return zone(key)


@cache
def zone(name: str) -> Zone:
    """The Zone for a stored name. Stored names are always valid; an unknown one is a bug."""
    if name.startswith("UTC") and len(name) == 9:
        sign = 1 if name[3] == "+" else -1
        minutes = sign * (int(name[4:6]) * 60 + int(name[7:9]))
        return Zone(name, timezone(timedelta(minutes=minutes), name))
    return Zone(name, ZoneInfo(name))
