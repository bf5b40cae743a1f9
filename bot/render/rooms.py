"""What a room is told in reply to its commands: the bot's introduction, joining and leaving,
check-ins and their cheer button, the board, handles and follows, buddies, the room's goal and
settings. The room's own messages (digest, summaries, cheers told in private) are in
`render.digests`; what a member shares is set in private (`render.sharing`).

Everything here takes plain values and returns text or keyboards: what a member does not share
arrives here as None already (see `domain.rooms.view`) and is shown as "—".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.models import Language, Post
from bot.domain.platforms import platform
from bot.domain.progress import Period
from bot.domain.rooms import FollowGaps, Group, MemberView, Ranked, SharedHandle
from bot.render import format as fmt
from bot.render.callbacks import ButtonData
from bot.render.keyboards import btn, markup
from bot.texts import Html, h, shown, t


@dataclass(frozen=True)
class CheerPress(ButtonData):
    """The cheer button under a check-in: `1|cheer|<post id>`. Anyone in the room may press it."""

    action: ClassVar[str] = "cheer"
    post_id: int


# --- the bot in a group, joining and leaving ----------------------------------------------------


def intro_text(lang: Language, bot_username: str) -> str:
    """What the bot says when it is added to a group."""
    return t(lang, "room.intro", bot=bot_username)


def room_help_text(lang: Language, bot_username: str) -> str:
    return t(lang, "room.help", bot=bot_username)


def connect_link(bot_username: str, chat_id: int) -> str:
    """The deep link that opens a private chat and says which room sent them (`/start g<id>`)."""
    return f"https://t.me/{bot_username}?start=g{chat_id}"


def joined_reply(
    lang: Language, name: str, members: int, joined: bool, connect: str | None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """`/join`'s answer; `connect` is the private-chat link for someone the bot can't write to."""
    text = t(lang, "room.joined" if joined else "room.already_member", name=name, count=members)
    if connect is None:
        return text, None
    button = InlineKeyboardButton(t(lang, "btn.open_private"), url=connect)
    return text + "\n" + t(lang, "room.open_private"), InlineKeyboardMarkup([[button]])


def left_text(lang: Language, name: str, left: bool) -> str:
    return t(lang, "room.left" if left else "room.not_member", name=name)


# --- checking in and cheers ---------------------------------------------------------------------


def checkin_reply(
    lang: Language, name: str, post: Post, streak: int | None, joined: bool
) -> tuple[str, InlineKeyboardMarkup]:
    """A check-in in the room, with its cheer button; the streak only when the member shares it,
    and a note when posting made them a member."""
    parts = [t(lang, "room.checkin", name=name, label=fmt.post_label(lang, post))]
    if streak is not None:
        parts.append(t(lang, "room.checkin_streak", streak=h(lang, "streak.days", count=streak)))
    text = " · ".join(parts)
    if joined:
        text += "\n" + t(lang, "room.joined_by_posting")
    return text, cheer_keyboard(lang, post.post_id, 0)


def cheer_keyboard(lang: Language, post_id: int, cheers: int) -> InlineKeyboardMarkup:
    label = t(lang, "btn.cheer") + (f" · {cheers}" if cheers else "")
    return markup([[btn(label, CheerPress(post_id))]])


# --- the board ------------------------------------------------------------------------------------


def board_text(lang: Language, week: Period, ranked: Sequence[Ranked]) -> str:
    lines = [t(lang, "board.heading", start=week.start, end=week.end)]
    for place in ranked:
        m = place.member
        lines.append(
            t(
                lang,
                "board.line",
                rank=f"={place.rank}" if place.tied else f"{place.rank}.",
                name=m.name,
                days=_or_dash(m.days),
                streak=_or_dash(m.streak),
                hits=_or_dash(m.hits),
                growth=growth_text(m),
            )
        )
    return "\n".join(lines)


def growth_text(member: MemberView) -> str:
    """Follower growth as the room may see it: the change when counts are shared, else a share."""
    growth = member.growth
    if growth is None:
        return "—"
    if member.followers is not None:
        return fmt.signed(growth.change)
    return "—" if growth.percent is None else f"{fmt.signed(growth.percent)}%"


def member_line(lang: Language, member: MemberView) -> str:
    """A member's line under a weekly summary or monthly review."""
    return t(
        lang,
        "summary.member",
        name=member.name,
        days=_or_dash(member.days),
        posts=_or_dash(member.posts),
        streak=_or_dash(member.streak),
        growth=growth_text(member),
    )


def _or_dash(value: int | None) -> int | str:
    return "—" if value is None else value


# --- handles and follows --------------------------------------------------------------------------


def handles_text(lang: Language, handles: Mapping[str, Sequence[SharedHandle]]) -> str:
    """`/mutual`: the shared handles by platform, each a link where the platform has profiles."""
    lines = [t(lang, "mutual.heading")]
    lines += [
        t(
            lang,
            "mutual.platform",
            platform=fmt.platform_name(lang, key),
            handles=Html(", ".join(handle_link(key, s.handle, s.name) for s in shared)),
        )
        for key, shared in handles.items()
    ] or [t(lang, "mutual.none")]
    lines.append(t(lang, "mutual.hint"))
    return "\n".join(lines)


def handle_link(platform_key: str, handle: str, name: str) -> str:
    """`Maya @maya.cooks`, a tappable link where the platform has profile URLs."""
    if handle.startswith("http"):
        return fmt.link(handle, name)
    template = platform(platform_key).profile_url
    label = f"{name} @{handle.removeprefix('@')}"
    if template is None:
        return shown(label)
    return fmt.link(template.format(handle=handle.removeprefix("@")), label)


def follow_gaps_text(lang: Language, gaps: FollowGaps) -> str:
    """`/mutual me`."""
    nobody = t(lang, "mutual.nobody")
    return "\n".join(
        (
            t(lang, "mutual.me_not_followed", names=", ".join(gaps.not_followed) or nobody),
            t(lang, "mutual.me_not_back", names=", ".join(gaps.not_back) or nobody),
        )
    )


def followed_text(lang: Language, name: str, platform_key: str | None, mutual: bool) -> str:
    """`/followed`'s answer; `platform_key` None for a follow everywhere."""
    where = (
        h(lang, "followed.on", platform=fmt.platform_name(lang, platform_key))
        if platform_key is not None
        else ""
    )
    return t(lang, "followed.mutual" if mutual else "followed.noted", name=name, where=where)


# --- buddies --------------------------------------------------------------------------------------


def buddies_switched_text(lang: Language, on: bool) -> str:
    return t(lang, "buddy.on" if on else "buddy.off")


def buddy_text(lang: Language, name: str | None) -> str:
    """This week's buddy; None when their profile is gone (they asked to be forgotten)."""
    return t(lang, "buddy.yours", name="?" if name is None else name)


# --- the room's goal and settings -------------------------------------------------------------


def room_goal_text(lang: Language, group: Group) -> str:
    if group.goal_kind is None or group.goal_value is None:
        return t(lang, "groupgoal.none")
    return t(lang, f"groupgoal.{group.goal_kind}", value=group.goal_value, count=group.goal_value)


def room_goal_saved_text(lang: Language, group: Group) -> str:
    return t(lang, "saved") + "\n" + room_goal_text(lang, group)


def settings_text(lang: Language, group: Group) -> str:
    on, off = t(lang, "word.on"), t(lang, "word.off")
    return t(
        lang,
        "groupsettings.show",
        time=group.digest_time,
        zone=group.zone.name,
        language=group.language or "—",
        mention=on if group.mention_missing else off,
        board=group.board_metric,
        topic=str(group.topic_id) if group.topic_id else off,
        buddies=on if group.buddies_on else off,
    )


def settings_saved_text(lang: Language, group: Group) -> str:
    return t(lang, "saved") + "\n\n" + settings_text(lang, group)
