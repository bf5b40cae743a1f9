"""Rest days: a day off that keeps the streak, within the weekly allowance set with /goals rest.

/rest takes today (the default) or yesterday (a forgotten evening), never a day already posted,
once a day, and at most `allowance` times in a Monday-to-Sunday week; `/rest undo` takes back the
latest rest day of today or yesterday.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from enum import Enum

from bot.domain.errors import InputError
from bot.domain.parsing import split_words
from bot.domain.progress import this_week

MAX_REST_ARGS = 40  # longer input is nobody's "yesterday"


class RestChoice(Enum):
    TODAY = "today"
    YESTERDAY = "yesterday"
    UNDO = "undo"


_REST_WORDS = {
    "today": RestChoice.TODAY,
    "今天": RestChoice.TODAY,
    "yesterday": RestChoice.YESTERDAY,
    "昨天": RestChoice.YESTERDAY,
    "undo": RestChoice.UNDO,
    "撤销": RestChoice.UNDO,
}


def parse_rest(text: str) -> RestChoice:
    """`/rest` alone is today; one known word picks the day or undoes; anything else is refused."""
    words = split_words(text[:MAX_REST_ARGS]) if len(text) <= MAX_REST_ARGS else ["?", "?"]
    if not words:
        return RestChoice.TODAY
    choice = _REST_WORDS.get(words[0].casefold()) if len(words) == 1 else None
    if choice is None:
        raise InputError("error.rest_shape")
    return choice


def rest_day(choice: RestChoice, today: date) -> date:
    return today - timedelta(days=1) if choice is RestChoice.YESTERDAY else today


def rest_days_left(
    day: date, posted: bool, rests: Sequence[date], allowance: int, today: date | None = None
) -> int:
    """How many rest days are left in `day`'s week once `day` is one; `InputError` if it cannot
    be. `today` (default `day`) only picks the wording: "today" or "that day"."""
    earlier = today is not None and day != today
    if posted:
        raise InputError("rest.already_posted_that_day" if earlier else "rest.already_posted")
    if day in rests:
        raise InputError("rest.already_that_day" if earlier else "rest.already")
    week = this_week(day)
    used = sum(1 for d in rests if d in week)
    if allowance == 0:
        raise InputError("rest.not_allowed")
    if used >= allowance:
        raise InputError("rest.none_left", count=allowance)
    return allowance - used - 1


def rest_to_undo(rests: Sequence[date], today: date) -> date:
    """The rest day `/rest undo` takes back: today's, else yesterday's — older ones are history."""
    for day in (today, today - timedelta(days=1)):
        if day in rests:
            return day
    raise InputError("rest.nothing_to_undo")


def nudge_day(given: str, today: date) -> date:
    """The day a nudge's "Posted" and "Rest day" buttons act on: the nudge's own, while it is
    still today or yesterday (a post or a rest can be backfilled one day); `InputError` for an
    older or unreadable one."""
    try:
        day = date.fromisoformat(given)
    except ValueError:
        raise InputError("nudge.other_day") from None
    if day not in (today, today - timedelta(days=1)):
        raise InputError("nudge.other_day")
    return day


def week_already_done(posted: Iterable[date], day: date, days_per_week: int) -> bool:
    """This week's posting target is met before `day`: the rest of the week is the user's days
    off, so a reminder on one of them would only nag (a five-days-a-week creator's weekend)."""
    week = this_week(day)
    return sum(1 for d in set(posted) if week.start <= d < day) >= days_per_week
