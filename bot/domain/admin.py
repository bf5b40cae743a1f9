"""What the owner asked `/admin` for: the words after the command, read into one request.

`/admin stats`, `/admin announce <text>`, `/admin user <id|@name>`. Anything else is an
`InputError` naming the text that explains it (the usage follows)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.errors import InputError
from bot.domain.models import Profile

# Telegram user ids are positive and, today, below 2^52; a username is 5–32 of [A-Za-z0-9_]
# (4 for some old ones): anything else can't be a user, so it is refused before any lookup.
MAX_USER_ID = 2**52
_USERNAME = re.compile(r"^@([A-Za-z0-9_]{4,32})$")


@dataclass(frozen=True)
class AskStats:
    pass


@dataclass(frozen=True)
class AskAnnounce:
    text: str  # as typed, lines and spacing kept


@dataclass(frozen=True)
class AskUser:
    user_id: int | None
    username: str | None  # without the @


AdminRequest = AskStats | AskAnnounce | AskUser


def parse_admin(args: str) -> AdminRequest:
    # Split at any whitespace, once: `/admin announce` then a new line keeps the text's lines.
    words = args.split(maxsplit=1)
    head = words[0] if words else ""
    rest = words[1].strip() if len(words) > 1 else ""
    match head.casefold():
        case "stats":
            return AskStats()
        case "announce":
            if not rest:
                raise InputError("error.announce_missing")
            return AskAnnounce(rest)
        case "user":
            return parse_user_ref(rest)
        case "":
            raise InputError("error.admin_missing")
        case _:
            raise InputError("error.admin_unknown", given=head[:20])


def parse_user_ref(text: str) -> AskUser:
    """A user by id (`123456789`) or by @username (`@maya`)."""
    typed = text.strip()
    if not typed:
        raise InputError("error.admin_user_missing")
    if typed.isascii() and typed.isdigit() and len(typed) <= 16:
        user_id = int(typed)
        if 0 < user_id < MAX_USER_ID:
            return AskUser(user_id, None)
    named = _USERNAME.match(typed)
    if named is not None:
        return AskUser(None, named[1])
    raise InputError("error.admin_user_shape", given=typed[:40])


@dataclass(frozen=True)
class BotNumbers:
    users: int
    active_today: int  # sent the bot anything since UTC midnight
    active_week: int  # … in the last 7 days
    rooms: int  # groups the bot is in
    posts_today: int
    sent_today: int  # proactive messages delivered since UTC midnight
    failed_today: int
    queued: int  # proactive messages waiting to go out
    database_bytes: int


@dataclass(frozen=True)
class UserFacts:
    """A user as the support person needs them: the profile and how much they use the bot."""

    profile: Profile
    posts: int
    follower_counts: int
    rooms: int


@dataclass(frozen=True)
class FanOut:
    """Where an announcement's deliveries stand."""

    recipients: int
    sent: int
    failed: int
    blocked: int  # failed because the user blocked the bot
    unknown: int  # maybe delivered (the answer was lost): never resent
    skipped: int  # turned news off (or blocked) before their turn came

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.blocked + self.unknown + self.skipped

    @property
    def finished(self) -> bool:
        return self.done >= self.recipients
