"""What every feature shares: the services, who is calling, and the one input-error boundary.

Handlers are written as `async def handle(update, caller, args)`. The wrappers here identify the
caller, pass the text after the command, and turn an `InputError` into a friendly reply with the
command's usage. Anything else propagates to the application's error handler.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from telegram import Bot, InlineKeyboardMarkup, Message, Update
from telegram import User as TelegramUser
from telegram.constants import ChatMemberStatus
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, filters

from bot.domain.days import local_date
from bot.domain.deliveries import DeliveryKind
from bot.domain.errors import InputError
from bot.domain.models import Language, Profile
from bot.domain.program import month_frame
from bot.domain.progress import Standing, standing
from bot.domain.rooms import Group
from bot.domain.timezones import Zone
from bot.features.commands import (
    AnyContext,
    AnyHandler,
    MenuCommand,
    MenuScope,
    addressed_to_us,
    command_args,
    menu_entry,
    spoken_command,
)
from bot.offload import Job, in_worker
from bot.outbound import Compose
from bot.render.callbacks import ButtonData, ButtonExpired, Callback, pattern
from bot.render.errors import alert_text, refusal_text
from bot.render.format import split_message
from bot.services import Services
from bot.store.checkins import Footing
from bot.store.posts import MessageRef
from bot.store.updates import bookkeeping
from bot.sweeps import Sweep

log = logging.getLogger(__name__)


class Feature:
    """A capability a user meets: built with the services, it declares its handlers (and, where
    it writes proactive messages, `composers()` and `sweeps()`)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    def handlers(self) -> list[AnyHandler]:
        return []

    def composers(self) -> dict[DeliveryKind, Compose]:
        """Who writes each kind of proactive message this feature sends (at send time)."""
        return {}

    def sweeps(self) -> dict[str, Sweep]:
        """The scheduled jobs that find this feature's messages due."""
        return {}

    async def in_worker(self, job: Job[T], *args: Any) -> T:
        """Run a heavy job (a whole history read and computed, a picture drawn) in the worker
        process (see `bot.offload`): nobody else's reply waits for it."""
        return await in_worker(self.services.settings.database_path, job, *args)


@dataclass(frozen=True)
class Caller:
    """The user behind an update, with what every reply needs: language, zone, local today."""

    profile: Profile
    lang: Language
    zone: Zone
    now: datetime
    today: date

    @property
    def user_id(self) -> int:
        return self.profile.user_id


def caller_for(profile: Profile, now: datetime) -> Caller:
    tz = profile.zone
    return Caller(
        profile=profile,
        lang=profile.lang,
        zone=tz,
        now=now,
        today=local_date(now, tz.tz, profile.day_start),
    )


async def identify(services: Services, user: TelegramUser) -> Caller:
    """The caller's profile, created on first contact. Bookkeeping: it doesn't mark the update
    handled, so the write the update is for still can (see `bot.store.updates`).

    Any update from a user who had blocked the bot clears the block - writing to it again, or
    unblocking it in Telegram (`my_chat_member`) - and this is the one place both pass: their
    schedule starts again from now (`welcome_back`), so nothing missed while blocked goes out
    late."""
    now = services.clock.now()
    with bookkeeping():
        profile, back = await services.store.users.contact(
            user.id,
            user.full_name,
            user.username,
            user.language_code,
            services.settings.default_timezone,
            now,
        )
        if back and services.welcome_back is not None:
            await services.welcome_back(user.id)
            profile = await services.store.users.get(user.id) or profile
    return caller_for(profile, now)


async def refreshed(services: Services, caller: Caller) -> Caller:
    """The caller after their profile changed (language or timezone may be different now)."""
    profile = await services.store.users.get(caller.user_id)
    assert profile is not None
    return caller_for(profile, caller.now)


async def standing_of(services: Services, caller: Caller) -> Standing:
    """Where the caller stands now (streak, posts today, this month): every check-in reply's
    footer and /today."""
    return standing_on(await services.store.checkins.footing(caller.user_id), caller)


def standing_on(footing: Footing, caller: Caller) -> Standing:
    """The caller's standing, from their footing as the store read it (with a check-in's own
    write, in one trip: see `bot.store.checkins`)."""
    days = caller.profile.posting_days_per_week
    frame = month_frame(footing.program, caller.today, days)
    return standing(footing.activity, caller.today, days, footing.rest_days, frame)


async def answer(
    update: Update, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Reply where the user is: a new message for a command or text, an edit for a button press.

    A text longer than one message goes out in parts (`split_message`: between lines, tags
    whole); the buttons go on the last part, under everything they act on and next to where
    the user types, and the pressed message is edited into the first part. Returns the message
    that carries the buttons."""
    first, *more = split_message(text)
    query = update.callback_query
    message = update.effective_message
    if query is not None and isinstance(query.message, Message):
        message = query.message
        try:
            edited = await message.edit_text(first, reply_markup=None if more else markup)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise
            return None
        sent = edited if isinstance(edited, Message) else None
    elif message is not None:
        sent = await message.reply_text(first, reply_markup=None if more else markup)
    else:
        return None
    for index, part in enumerate(more, start=1):
        last = index == len(more)
        sent = await message.reply_text(part, reply_markup=markup if last else None, do_quote=False)
    return sent


async def send_text(
    bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """A message the bot starts in a chat (not a reply), split like a reply: buttons last."""
    first, *more = split_message(text)
    await bot.send_message(chat_id, first, reply_markup=None if more else markup)
    for index, part in enumerate(more, start=1):
        await bot.send_message(chat_id, part, reply_markup=markup if index == len(more) else None)


Handle = Callable[[Update, Caller, str], Awaitable[None]]
PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS


def source_of(update: Update) -> MessageRef | None:
    """The message an update is (what a post logged from it remembers, for edits)."""
    message = update.effective_message
    return MessageRef(message.chat.id, message.message_id) if message is not None else None


def command(
    services: Services,
    names: str | Sequence[str],
    handle: Handle,
    usage: str | None = None,
    *,
    menu: str | None = None,
) -> AnyHandler:
    """A private-chat command. `usage` names the `usage.*` text shown after an input error;
    `menu` the `menu.*` text that puts it on the private "/" menu."""

    async def callback(update: Update, context: AnyContext) -> None:
        assert update.effective_user is not None
        caller = await _private_caller(services, update.effective_user)
        try:
            await handle(update, caller, command_args(update))
        except InputError as error:
            await answer(update, refusal_text(caller.lang, error, usage))

    return MenuCommand(names, callback, PRIVATE, menu_entry(names, menu, MenuScope.PRIVATE))


async def _private_caller(services: Services, user: TelegramUser) -> Caller:
    """Who sends a private command, with what that says about them stored (bookkeeping)."""
    caller = await identify(services, user)
    with bookkeeping():
        if not caller.profile.private_chat:
            # They can be written to now: nudges, reviews and cheers reach them here.
            profile = await services.store.users.update(
                caller.user_id, caller.now, private_chat=True
            )
            caller = caller_for(profile, caller.now)
        if caller.profile.awaiting is not None:
            # A new command means the user moved on from the question we asked.
            caller = caller_for(
                await services.store.users.update(caller.user_id, caller.now, awaiting=None),
                caller.now,
            )
    return caller


B = TypeVar("B", bound=ButtonData)
T = TypeVar("T")


def button(
    services: Services, data: type[B], handle: Callable[[Update, Caller, B], Awaitable[None]]
) -> AnyHandler:
    """A button press, its data read as `data` (any malformed or forged data is "expired"). The
    query is always answered, so the user's spinner stops even when the press changes nothing."""

    async def callback(update: Update, context: AnyContext) -> None:
        query = update.callback_query
        assert query is not None
        caller = await identify(services, query.from_user)
        decoded = Callback.decode(query.data)
        try:
            # PTB hands a query without data to every pattern handler: refused here too.
            if decoded is None:
                raise InputError("error.button_expired")
            try:
                pressed = data.decode(decoded.args)
            except ButtonExpired:
                raise InputError("error.button_expired") from None
            with bookkeeping():
                await services.store.reminders.answered(caller.user_id)  # nudges back to daily
            await handle(update, caller, pressed)
        except InputError as error:
            await query.answer(alert_text(caller.lang, error), show_alert=True)
            return
        await query.answer()

    return CallbackQueryHandler(callback, pattern=pattern(data.action))


@dataclass(frozen=True)
class Room:
    """A command in a group: who sent it, in which room, and the room's language."""

    caller: Caller
    group: Group
    lang: Language
    anonymous_admin: bool  # an admin posting as the group itself
    today: date  # the room's own day, in its timezone

    @property
    def chat_id(self) -> int:
        return self.group.chat_id


RoomHandle = Callable[[Update, Room, str], Awaitable[None]]
# Telegram's stand-in user for admins posting anonymously as the group.
ANONYMOUS_ADMIN_ID = 1087968824


async def enter_room(services: Services, update: Update) -> Room:
    """Who and where, for anything that happens in a group; the group row is created on sight."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    assert chat is not None
    assert user is not None
    caller = await identify(services, user)
    with bookkeeping():
        group = await services.store.rooms.ensure(
            chat.id, chat.title or "", services.settings.default_timezone, caller.now
        )
        if not group.active:  # it hears us, so it is in the group again
            group = await services.store.rooms.update(chat.id, active=True)
    # Telegram sends an anonymous admin's message from GroupAnonymousBot as the group itself;
    # a sender_chat alone could be forged or mean something else.
    anonymous = bool(
        message
        and message.sender_chat
        and message.sender_chat.id == chat.id
        and user.id == ANONYMOUS_ADMIN_ID
    )
    lang = group.language or caller.lang
    return Room(
        caller=caller,
        group=group,
        lang=lang,
        anonymous_admin=anonymous,
        today=group.day_at(caller.now),
    )


async def is_admin(bot: Bot, room: Room) -> bool:
    """Checked with Telegram each time (admins change); anonymous admins count."""
    if room.anonymous_admin:
        return True
    member = await bot.get_chat_member(room.chat_id, room.caller.user_id)
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def group_command(
    services: Services,
    names: str | Sequence[str],
    handle: RoomHandle,
    usage: str | None = None,
    *,
    members_only: bool = False,
    admins_only: bool = False,
    as_person: bool = True,
    menu: str | None = None,
    admin_menu: bool = False,
) -> AnyHandler:
    """A group command. The room's language answers; input errors get the command's usage, like
    in private. `as_person`: it acts for the sender, so an admin posting anonymously as the group
    is asked to post as themself. `menu` puts it on the room's "/" menu (`admin_menu`: only its
    admins'); several bots share a room, so a bare `/cmd` is answered only when it is on one of
    our menus, and any other only as `/cmd@ThisBot`."""

    entry = menu_entry(names, menu, MenuScope.ADMINS if admin_menu else MenuScope.ROOM)

    async def callback(update: Update, context: AnyContext) -> None:
        bare_on_menu = entry is not None and spoken_command(update)[0] == entry.command
        if not bare_on_menu and not addressed_to_us(update, context.bot.username):
            return  # a bare `/start` may be another bot's
        room = await enter_room(services, update)
        try:
            if admins_only and not await is_admin(context.bot, room):
                raise InputError("room.admins_only")
            if room.anonymous_admin and as_person and not admins_only:
                raise InputError("room.not_anonymous")
            if members_only and not await services.store.rooms.is_member(
                room.chat_id, room.caller.user_id
            ):
                raise InputError("room.join_first")
            await handle(update, room, command_args(update))
        except InputError as error:
            await answer(update, refusal_text(room.lang, error, usage))

    return MenuCommand(names, callback, GROUPS, entry)
