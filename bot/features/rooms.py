"""Group accountability rooms: joining, checking in together, cheers, the board, digests and
reviews, mutual follows, buddies, and the room's settings. Plus /share, where each member decides
what rooms may see (in private)."""

from __future__ import annotations

import html
import logging
from datetime import date, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ChatMemberHandler, MessageHandler, filters

from bot.domain.days import week_start
from bot.domain.deliveries import DayPeriod, DeliveryKind, KeyPeriod
from bot.domain.digests import (
    due_sends,
    next_digest_at,
    room_day,
    room_period,
    summary_period,
)
from bot.domain.errors import InputError
from bot.domain.models import LANGUAGES, Language, Post, Profile
from bot.domain.parsing import (
    parse_clock,
    parse_platform,
    parse_post,
    parse_switch,
    split_words,
)
from bot.domain.platforms import platform
from bot.domain.progress import Period, this_week
from bot.domain.rooms import (
    BOARD_METRICS,
    Group,
    MemberView,
    board,
    pair_buddies,
    room_views,
    split_message,
)
from bot.domain.timezones import TimezoneError, parse_timezone
from bot.features.base import (
    AnyContext,
    AnyHandler,
    Caller,
    Room,
    answer,
    command,
    enter_room,
    group_command,
    is_admin,
    legacy_button,
    refreshed,
    standing_of,
)
from bot.outbound import Outbox, Outgoing, Render
from bot.render import format as fmt
from bot.render.keyboards import legacy_btn, markup
from bot.services import Services
from bot.services.posting import PostLog
from bot.store.reminders import Delivery
from bot.store.rooms import Member
from bot.sweeps import Sweep
from bot.texts import Html, h, language_for, t

log = logging.getLogger(__name__)

MAX_GROUP_GOAL_POSTS = 100_000
# Cheers are told to the author in one message per this window, not one per cheer.
CHEER_BATCH = timedelta(minutes=5)
SHARE_TOGGLES = {
    "streaks": "share_streaks",
    "posts": "share_posts",
    "followers": "share_followers",
    "handles": "share_handles",
}
SETTINGS = ("time", "timezone", "lang", "mention", "board", "topic")
# After downtime, summaries and reviews this many days back are still sent.
MAX_CATCH_UP_DAYS = 40


class Rooms:
    def __init__(self, services: Services, outbox: Outbox, posts: PostLog) -> None:
        self.services = services
        self.store = services.store
        self.posts = posts
        self.outbox = outbox

    def renderers(self) -> dict[DeliveryKind, Render]:
        return {
            DeliveryKind.DIGEST: self.render_digest,
            DeliveryKind.WEEKLY: self.render_summary,
            DeliveryKind.MONTHLY: self.render_summary,
            DeliveryKind.CHEERS: self.render_cheers,
        }

    def sweeps(self) -> dict[str, Sweep]:
        return {"digests": self.sweep_digests, "cheers": self.sweep_cheers}

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            group_command(s, "join", self.join),
            group_command(s, "leave", self.leave),
            group_command(s, "post", self.post, usage="group_post"),
            group_command(s, "board", self.board, as_person=False),
            group_command(s, "mutual", self.mutual, usage="mutual"),
            group_command(s, "followed", self.followed, usage="followed", members_only=True),
            group_command(s, "buddy", self.buddy, usage="buddy"),
            group_command(s, "groupgoal", self.group_goal, usage="groupgoal", admins_only=True),
            group_command(
                s, "groupsettings", self.settings, usage="groupsettings", admins_only=True
            ),
            group_command(s, ["help", "start"], self.help, as_person=False),
            command(s, "share", self.share, usage="share"),
            legacy_button(s, "share", self.share_button),
            legacy_button(s, "cheer", self.cheer_button),
            MessageHandler(filters.StatusUpdate.MIGRATE, self.migrated),
        ]

    def membership_handler(self) -> AnyHandler:
        """The bot added to or removed from a group (runs beside the private one, see app.py)."""
        return ChatMemberHandler(self.bot_membership, ChatMemberHandler.MY_CHAT_MEMBER)

    # --- the bot joining and leaving groups -----------------------------------------------------

    async def bot_membership(self, update: Update, context: AnyContext) -> None:
        change = update.my_chat_member
        if change is None or change.chat.type == ChatType.PRIVATE:
            return
        gone = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
        chat_id = change.chat.id
        if change.new_chat_member.status in gone:
            if await self.store.rooms.get(chat_id) is not None:
                await self.store.rooms.update(chat_id, active=False)
            log.info("removed from a group: its sends stop")
            return
        if change.old_chat_member.status not in gone:
            return  # a promotion or a restriction: nothing to introduce
        room = await enter_room(self.services, update)
        await self.schedule_digest(room.group)
        await context.bot.send_message(
            chat_id, t(room.lang, "room.intro", bot=context.bot.username)
        )

    async def migrated(self, update: Update, context: AnyContext) -> None:
        message = update.effective_message
        if message is None or message.migrate_to_chat_id is None:
            return
        if await self.store.rooms.migrate(message.chat.id, message.migrate_to_chat_id):
            log.info("a group became a supergroup: its room moved with it")

    # --- joining ----------------------------------------------------------------------------------

    async def join(self, update: Update, room: Room, args: str) -> None:
        caller, lang = room.caller, room.lang
        joined = await self.store.rooms.join(room.chat_id, caller.user_id, caller.now)
        if room.group.next_digest_at is None:
            await self.schedule_digest(room.group)
        count = len(await self.store.rooms.members(room.chat_id))
        key = "room.joined" if joined else "room.already_member"
        text = t(lang, key, name=caller.profile.first_name, count=count)
        keyboard = None
        if not caller.profile.private_chat:
            text += "\n" + t(lang, "room.open_private")
            url = f"https://t.me/{update.get_bot().username}?start=g{room.chat_id}"
            keyboard = InlineKeyboardMarkup(
                [[InlineKeyboardButton(t(lang, "btn.open_private"), url=url)]]
            )
        await answer(update, text, keyboard)

    async def leave(self, update: Update, room: Room, args: str) -> None:
        left = await self.store.rooms.leave(room.chat_id, room.caller.user_id)
        key = "room.left" if left else "room.not_member"
        await answer(update, t(room.lang, key, name=room.caller.profile.first_name))

    async def help(self, update: Update, room: Room, args: str) -> None:
        await answer(update, t(room.lang, "room.help", bot=update.get_bot().username))

    # --- checking in --------------------------------------------------------------------------

    async def post(self, update: Update, room: Room, args: str) -> None:
        if not args.strip():
            raise InputError("error.group_post_missing")
        caller, lang = room.caller, room.lang
        post = await self.posts.log(caller.profile, parse_post(args), caller.now, caller.today)
        joined = await self.store.rooms.join(room.chat_id, caller.user_id, caller.now)
        streak = (await standing_of(self.services, caller)).streak.current
        parts = [
            t(
                lang,
                "room.checkin",
                name=caller.profile.first_name,
                label=fmt.post_label(lang, post),
            )
        ]
        if caller.profile.sharing.streaks:
            parts.append(
                t(lang, "room.checkin_streak", streak=h(lang, "streak.days", count=streak))
            )
        text = " · ".join(parts)
        if joined:
            text += "\n" + t(lang, "room.joined_by_posting")
        await answer(update, text, _cheer_button(lang, post, 0))

    async def cheer_button(self, update: Update, caller: Caller, args: str) -> None:
        query = update.callback_query
        assert query is not None
        message = query.message
        if not args.isascii() or not args.isdigit() or message is None:
            raise InputError("error.button_expired")
        chat_id = message.chat.id
        post = await self.store.posts.any_by_id(int(args))
        if post is None or not await self.store.rooms.is_member(chat_id, post.user_id):
            raise InputError("error.button_expired")
        if post.user_id == caller.user_id:
            raise InputError("cheer.own")
        if not await self.store.rooms.is_member(chat_id, caller.user_id):
            raise InputError("cheer.join_first")
        count = await self.store.rooms.cheer(post.post_id, caller.user_id, chat_id, caller.now)
        if count is None:
            raise InputError("cheer.already")
        group = await self.store.rooms.get(chat_id)
        lang = (group.language if group else None) or caller.lang
        await query.edit_message_reply_markup(_cheer_button(lang, post, count))

    # --- /board -------------------------------------------------------------------------------

    async def board(self, update: Update, room: Room, args: str) -> None:
        today = room.today
        views = await self.views(room.group, this_week(today), today)
        if not views:
            raise InputError("room.no_members")
        lines = [
            t(room.lang, "board.heading", start=this_week(today).start, end=this_week(today).end)
        ]
        lines += _board_lines(room.lang, views, room.group)
        await answer(update, "\n".join(lines))

    # --- mutual follows -----------------------------------------------------------------------

    async def mutual(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        if words and (len(words) > 1 or words[0].casefold() != "me"):
            raise InputError("error.mutual_shape")
        members = await self.store.rooms.members(room.chat_id)
        profiles = [p for m in members if (p := await self.store.users.get(m.user_id))]
        if words:
            await answer(update, await self._mutual_me(room, profiles))
            return
        lang = room.lang
        by_platform: dict[str, list[str]] = {}
        for profile in profiles:
            if profile.sharing.handles:
                for key, handle in profile.handles.items():
                    link = _handle_link(key, handle, profile.first_name)
                    by_platform.setdefault(key, []).append(link)
        lines = [t(lang, "mutual.heading")]
        lines += [
            t(
                lang,
                "mutual.platform",
                platform=fmt.platform_name(lang, key),
                handles=Html(", ".join(links)),
            )
            for key, links in sorted(by_platform.items())
        ] or [t(lang, "mutual.none")]
        lines.append(t(lang, "mutual.hint"))
        await answer(update, "\n".join(lines))

    async def _mutual_me(self, room: Room, profiles: list[Profile]) -> str:
        me = room.caller.user_id
        follows = set(await self.store.rooms.follows_among(room.chat_id))
        others = [p for p in profiles if p.user_id != me]
        not_followed = [p.first_name for p in others if p.sharing.handles and p.handles
                        and (me, p.user_id) not in follows]  # fmt: skip
        not_back = [p.first_name for p in others
                    if (me, p.user_id) in follows and (p.user_id, me) not in follows]  # fmt: skip
        lang = room.lang
        none = t(lang, "mutual.nobody")
        return "\n".join(
            (
                t(lang, "mutual.me_not_followed", names=", ".join(not_followed) or none),
                t(lang, "mutual.me_not_back", names=", ".join(not_back) or none),
            )
        )

    async def followed(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        if not words or len(words) > 2:
            raise InputError("error.followed_shape")
        target = await self._member_named(room, words[0])
        if target is None:
            raise InputError("error.followed_unknown", given=words[0][:40])
        if target.user_id == room.caller.user_id:
            raise InputError("followed.self")
        platform = parse_platform(words[1]).key if len(words) == 2 else "*"
        await self.store.rooms.follow(
            room.caller.user_id, target.user_id, platform, room.caller.now
        )
        follows = set(await self.store.rooms.follows_among(room.chat_id))
        mutual = (target.user_id, room.caller.user_id) in follows
        where = (
            h(room.lang, "followed.on", platform=fmt.platform_name(room.lang, platform))
            if platform != "*"
            else ""
        )
        key = "followed.mutual" if mutual else "followed.noted"
        await answer(update, t(room.lang, key, name=target.name, where=where))

    async def _member_named(self, room: Room, word: str) -> Member | None:
        wanted = word.removeprefix("@").casefold()
        members = await self.store.rooms.members(room.chat_id)
        by_username = [m for m in members if m.username and m.username.casefold() == wanted]
        if by_username:
            return by_username[0]
        by_name = [m for m in members if m.name.casefold() == wanted]
        return by_name[0] if len(by_name) == 1 else None

    # --- buddies ------------------------------------------------------------------------------

    async def buddy(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        lang = room.lang
        if words:
            if len(words) > 1:
                raise InputError("error.buddy_shape")
            on = parse_switch(words[0])
            if not await is_admin(update.get_bot(), room):
                raise InputError("room.admins_only")
            group = await self.store.rooms.update(room.chat_id, buddies_on=on)
            if on:
                await self.pair_week(group, week_start(room.today))
            await answer(update, t(lang, "buddy.on" if on else "buddy.off"))
            return
        if not room.group.buddies_on:
            raise InputError("buddy.disabled")
        week = week_start(room.today)
        pairs = [b for c, b in await self.store.rooms.buddies_of(room.caller.user_id, week)
                 if c == room.chat_id]  # fmt: skip
        if not pairs:
            raise InputError("buddy.none")
        buddy = await self.store.users.get(pairs[0])
        await answer(update, t(lang, "buddy.yours", name=buddy.first_name if buddy else "?"))

    async def pair_week(self, group: Group, week: date) -> None:
        members = await self.store.rooms.members(group.chat_id)
        pairs = pair_buddies((m.user_id for m in members), week, group.chat_id)
        await self.store.rooms.set_buddies(group.chat_id, week, pairs)

    # --- goals and settings -------------------------------------------------------------------

    async def group_goal(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        if not words:
            await answer(update, self._goal_text(room.lang, room.group))
            return
        kind = words[0].casefold()
        if kind in ("off", "none") and len(words) == 1:
            group = await self.store.rooms.update(room.chat_id, goal_kind=None, goal_value=None)
        elif kind in ("days", "posts") and len(words) == 2:
            value = words[1]
            if not (value.isascii() and value.isdigit()):
                raise InputError("error.groupgoal_number", given=value[:20])
            number = int(value)
            high = 7 if kind == "days" else MAX_GROUP_GOAL_POSTS
            if not 1 <= number <= high:
                raise InputError("error.goal_range", low=1, high=f"{high:,}")
            group = await self.store.rooms.update(room.chat_id, goal_kind=kind, goal_value=number)
        else:
            raise InputError("error.groupgoal_shape")
        await answer(update, t(room.lang, "saved") + "\n" + self._goal_text(room.lang, group))

    @staticmethod
    def _goal_text(lang: Language, group: Group) -> str:
        if group.goal_kind is None or group.goal_value is None:
            return t(lang, "groupgoal.none")
        return t(lang, f"groupgoal.{group.goal_kind}", value=group.goal_value)

    async def settings(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        if not words:
            await answer(update, self._settings_text(room.lang, room.group))
            return
        name, values = words[0].casefold(), words[1:]
        if name not in SETTINGS or (name != "topic" and len(values) != 1) or len(values) > 1:
            raise InputError("error.groupsettings_shape")
        value = values[0] if values else "here"
        fields: dict[str, object]
        if name == "time":
            fields = {"digest_time": f"{parse_clock(value):%H:%M}"}
        elif name == "timezone":
            try:
                fields = {"timezone": parse_timezone(value).name}
            except TimezoneError:
                raise InputError("error.timezone", given=value[:64]) from None
        elif name == "lang":
            if value.casefold() not in LANGUAGES:
                raise InputError("error.lang")
            fields = {"language": value.casefold()}
        elif name == "mention":
            fields = {"mention_missing": parse_switch(value)}
        elif name == "board":
            if value.casefold() not in BOARD_METRICS:
                raise InputError("error.board_metric")
            fields = {"board_metric": value.casefold()}
        else:
            message = update.effective_message
            here = message.message_thread_id if message and message.is_topic_message else None
            fields = {"topic_id": None if value.casefold() == "off" else here}
        group = await self.store.rooms.update(room.chat_id, **fields)
        if name in ("time", "timezone"):
            await self.schedule_digest(group)
        lang = group.language or room.lang
        await answer(update, t(lang, "saved") + "\n\n" + self._settings_text(lang, group))

    @staticmethod
    def _settings_text(lang: Language, group: Group) -> str:
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

    # --- /share (private) ---------------------------------------------------------------------

    async def share(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        if words:
            if len(words) != 2 or words[0].casefold() not in SHARE_TOGGLES:
                raise InputError("error.share_shape")
            column = SHARE_TOGGLES[words[0].casefold()]
            await self.store.users.update(
                caller.user_id, caller.now, **{column: parse_switch(words[1])}
            )
            caller = await refreshed(self.services, caller)
        await answer(update, self._share_text(caller), self._share_buttons(caller))

    async def share_button(self, update: Update, caller: Caller, args: str) -> None:
        column = SHARE_TOGGLES.get(args)
        if column is None:
            raise InputError("error.button_expired")
        current = getattr(caller.profile.sharing, args)
        await self.store.users.update(caller.user_id, caller.now, **{column: not current})
        caller = await refreshed(self.services, caller)
        await answer(update, self._share_text(caller), self._share_buttons(caller))

    @staticmethod
    def _share_text(caller: Caller) -> str:
        lang, sharing = caller.lang, caller.profile.sharing
        on, off = t(lang, "word.on"), t(lang, "word.off")
        return t(
            lang,
            "share.show",
            streaks=on if sharing.streaks else off,
            posts=on if sharing.posts else off,
            followers=on if sharing.followers else off,
            handles=on if sharing.handles else off,
        )

    @staticmethod
    def _share_buttons(caller: Caller) -> InlineKeyboardMarkup:
        lang, sharing = caller.lang, caller.profile.sharing
        return markup(
            [
                [
                    legacy_btn(
                        t(
                            lang,
                            f"btn.share_{name}",
                            state=t(lang, "word.on" if getattr(sharing, name) else "word.off"),
                        ),
                        "share",
                        name,
                    )
                ]
                for name in SHARE_TOGGLES
            ]
        )

    # --- what a room sees ---------------------------------------------------------------------

    async def views(self, group: Group, period: Period, today: date) -> list[MemberView]:
        """Every member as this room may see them, over `period` (hits over today's month)."""
        return room_views(await self.store.rooms.room_members(group.chat_id), period, today)

    # --- digests and group reviews ------------------------------------------------------------

    async def schedule_digest(self, group: Group) -> None:
        now = self.services.clock.now()
        await self.store.rooms.set_next_digest(group.chat_id, next_digest_at(group, now))

    async def sweep_digests(self) -> int:
        """Each due room gets what it is owed (see `due_sends`)."""
        now = self.services.clock.now()
        queued = 0
        for chat_id, at in await self.store.rooms.due_digests(now, 500):
            group = await self.store.rooms.get(chat_id)
            if group is None:
                continue
            due = due_sends(group, at, now)
            if due.pair_week is not None:
                await self.pair_week(group, due.pair_week)
            for kind, about in due.claims:
                delivery = await self.store.reminders.claim(chat_id, kind, about, now)
                if delivery is not None:
                    self.outbox.put(delivery)
                    queued += 1
            await self.store.rooms.set_next_digest(chat_id, next_digest_at(group, now))
        return queued

    async def render_digest(self, delivery: Delivery) -> Outgoing | None:
        group = await self.store.rooms.get(delivery.chat_id)
        about = DayPeriod.decode(delivery.period)
        if group is None or not group.active or about is None:
            return None
        members = await self.store.rooms.room_members(group.chat_id)
        digest = room_day(members, about.day, group.mention_missing)
        if digest is None:
            return None
        lang = group.language or "en"
        lines = [t(lang, "digest.heading", title=group.title, date=digest.day)]
        lines.append(
            t(
                lang,
                "digest.posted",
                names=", ".join(digest.posted),
                count=len(digest.posted),
                of=digest.members,
            )
            if digest.posted
            else t(lang, "digest.nobody")
        )
        if digest.longest:
            best = digest.longest
            lines.append(
                t(
                    lang,
                    "digest.streak",
                    name=best.name,
                    streak=h(lang, "streak.days", count=best.streak or 0),
                )
            )
        for news in digest.news:
            lines += [
                t(lang, "digest.hit", name=news.name, label=fmt.post_label(lang, p))
                for p in news.hits
            ]
            if news.milestone:
                lines.append(
                    t(lang, "digest.milestone", name=news.name, count=fmt.number(news.milestone))
                )
        if digest.waiting:
            lines.append(t(lang, "digest.waiting", names=", ".join(digest.waiting)))
        parts = split_message(lines)
        return Outgoing(group.chat_id, parts[0], more=tuple(parts[1:]), thread_id=group.topic_id)

    async def render_summary(self, delivery: Delivery) -> Outgoing | None:
        """The weekly summary (Mondays) and the monthly group review (the 1st)."""
        group = await self.store.rooms.get(delivery.chat_id)
        period = summary_period(delivery.kind, delivery.period)
        if group is None or not group.active or period is None:
            return None
        weekly = delivery.kind is DeliveryKind.WEEKLY
        members = await self.store.rooms.room_members(group.chat_id)
        follows = await self.store.rooms.follows_among(group.chat_id) if weekly else []
        summary = room_period(group, members, period, weekly, follows)
        if summary is None:
            return None
        lang = group.language or "en"
        key = "summary.weekly" if weekly else "summary.monthly"
        lines = [
            t(lang, key, title=group.title, start=period.start, end=period.end),
            t(
                lang,
                "summary.totals",
                posts=summary.posts,
                days=summary.days,
                members=len(summary.members),
            ),
        ]
        if summary.goal:
            status = summary.goal
            verdict = h(lang, "verdict.met" if status.met else "verdict.not_met")
            lines.append(
                t(
                    lang,
                    f"summary.goal_{status.kind}",
                    target=status.target,
                    done=status.done,
                    of=status.of,
                    verdict=verdict,
                )
            )
        if summary.consistent:
            steady = summary.consistent
            days = h(lang, "streak.days", count=steady.days or 0)
            lines.append(t(lang, "summary.consistent", name=steady.name, days=days))
        if summary.grower:
            top = summary.grower
            lines.append(t(lang, "summary.grower", name=top.name, growth=_growth_text(top)))
        if summary.follows:
            r = summary.follows
            lines.append(t(lang, "summary.reciprocity", mutual=r.mutual_pairs, pairs=r.pairs))
        lines.append("")
        lines += [_member_line(lang, v) for v in summary.members]
        parts = split_message(lines)
        return Outgoing(group.chat_id, parts[0], more=tuple(parts[1:]), thread_id=group.topic_id)

    # --- cheers told in private, batched -------------------------------------------------------

    async def sweep_cheers(self) -> int:
        now = self.services.clock.now()
        before = now - CHEER_BATCH
        queued = 0
        for author in await self.store.rooms.authors_with_untold_cheers(before, 500):
            notice = f"{now:%Y%m%dT%H%M%S}"
            await self.store.rooms.tell_cheers(author, before, notice)
            profile = await self.store.users.get(author)
            if profile is None or not profile.private_chat:
                continue  # nowhere to tell them; the cheers still show on the check-in
            delivery = await self.store.reminders.claim(
                author, DeliveryKind.CHEERS, KeyPeriod(notice), now
            )
            if delivery is not None:
                self.outbox.put(delivery)
                queued += 1
        return queued

    async def render_cheers(self, delivery: Delivery) -> Outgoing | None:
        profile = await self.store.users.get(delivery.chat_id)
        cheers = await self.store.rooms.cheers_in_notice(delivery.chat_id, delivery.period)
        if profile is None or not cheers:
            return None
        lang = language_for(profile.language, profile.telegram_language)
        by_post: dict[tuple[int, str], list[str]] = {}
        for cheer in cheers:
            by_post.setdefault((cheer.post_number, cheer.group_title), []).append(cheer.cheerer)
        lines = [
            t(lang, "cheers.told", names=", ".join(names), number=number, title=title)
            for (number, title), names in by_post.items()
        ]
        parts = split_message(lines)
        return Outgoing(profile.user_id, parts[0], more=tuple(parts[1:]))


def _cheer_button(lang: Language, post: Post, count: int) -> InlineKeyboardMarkup:
    label = t(lang, "btn.cheer") + (f" · {count}" if count else "")
    return markup([[legacy_btn(label, "cheer", str(post.post_id))]])


def _handle_link(platform_key: str, handle: str, name: str) -> str:
    """`Maya @maya.cooks`, a tappable link where the platform has profile URLs."""
    if handle.startswith("http"):
        return fmt.link(handle, name)
    template = platform(platform_key).profile_url
    label = f"{name} @{handle.removeprefix('@')}"
    if template is None:
        return html.escape(label, quote=False)
    return fmt.link(template.format(handle=handle.removeprefix("@")), label)


def _growth_text(member: MemberView) -> str:
    """Follower growth as the room may see it: the change when counts are shared, else a share."""
    growth = member.growth
    if growth is None:
        return "—"
    if member.followers is not None:
        return fmt.signed(growth.change)
    return "—" if growth.percent is None else f"{fmt.signed(growth.percent)}%"


def _board_lines(lang: Language, views: list[MemberView], group: Group) -> list[str]:
    lines = []
    for ranked in board(views, group.board_metric):
        m = ranked.member
        rank = f"={ranked.rank}" if ranked.tied else f"{ranked.rank}."
        lines.append(
            t(
                lang,
                "board.line",
                rank=rank,
                name=m.name,
                days="—" if m.days is None else m.days,
                streak="—" if m.streak is None else m.streak,
                hits="—" if m.hits is None else m.hits,
                growth=_growth_text(m),
            )
        )
    return lines


def _member_line(lang: Language, member: MemberView) -> str:
    return t(
        lang,
        "summary.member",
        name=member.name,
        days="—" if member.days is None else member.days,
        posts="—" if member.posts is None else member.posts,
        streak="—" if member.streak is None else member.streak,
        growth=_growth_text(member),
    )
