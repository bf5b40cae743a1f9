"""The owner's commands (`/admin stats`, `/admin announce`, `/admin user`) and `/news`.

`/admin` answers the ids in OWNER_IDS, in private; anyone else, and an owner in a group, gets
exactly what any unknown command gets, and it is on no "/" menu: the command's existence is not
advertised. An announcement is a draft until its preview's Send is pressed; then one delivery per
recipient goes through the outbound queue (its limits, retries and 403 handling), so a restart
continues where the last run stopped. A sweep reports the progress in the owner's chat.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from telegram import Bot, Message, Update
from telegram.error import TelegramError

from bot.domain.admin import AskAnnounce, AskStats, AskUser, parse_admin
from bot.domain.deliveries import DeliveryKind
from bot.domain.errors import InputError
from bot.domain.models import Language
from bot.domain.parsing import parse_switch, split_words
from bot.features.base import Caller, Feature, answer, button, command
from bot.features.commands import AnyHandler
from bot.outbound import Compose, Outbox, Outgoing
from bot.render import admin as render
from bot.render.admin import AnnounceChoice, AnnouncePress
from bot.render.profile import unknown_command
from bot.services import Services
from bot.store.announcements import Announcement
from bot.store.deliveries import Delivery
from bot.sweeps import Sweep

log = logging.getLogger(__name__)


def _version() -> str:
    try:
        return version("postpact")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


class Admin(Feature):
    def __init__(self, services: Services, outbox: Outbox, bot: Bot) -> None:
        super().__init__(services)
        self.outbox = outbox
        self.bot = bot
        self.started = services.clock.now()

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "admin", self.admin, usage="admin"),  # on no menu: see the docstring
            command(s, "news", self.news, usage="news"),
            button(s, AnnouncePress, self.announce_button),
        ]

    def composers(self) -> dict[DeliveryKind, Compose]:
        return {DeliveryKind.ANNOUNCE: self.compose}

    def sweeps(self) -> dict[str, Sweep]:
        return {"announcements": self.report_progress}

    def owner(self, caller: Caller) -> bool:
        return caller.user_id in self.services.settings.owner_ids

    # --- /admin -----------------------------------------------------------------------------

    async def admin(self, update: Update, caller: Caller, args: str) -> None:
        if not self.owner(caller):
            await answer(update, unknown_command(caller.lang))
            return
        request = parse_admin(args)
        if isinstance(request, AskStats):
            await self.stats(update, caller)
        elif isinstance(request, AskAnnounce):
            await self.preview(update, caller, request.text)
        else:
            await self.user(update, caller, request)

    async def stats(self, update: Update, caller: Caller) -> None:
        numbers = await self.store.operations.numbers(caller.now)
        uptime = (caller.now - self.started).total_seconds()
        await answer(update, render.stats_view(caller.lang, numbers, uptime, _version()))

    async def user(self, update: Update, caller: Caller, asked: AskUser) -> None:
        user_id = asked.user_id
        if asked.username is not None:
            user_id = await self.store.operations.user_named(asked.username)
        profile = await self.store.users.get(user_id) if user_id is not None else None
        if profile is None:
            who = f"@{asked.username}" if asked.username else str(asked.user_id)
            raise InputError("admin.user_not_found", who=who)
        facts = await self.store.operations.usage(profile)
        program = await self.store.programs.current(profile.user_id)
        await answer(update, render.user_view(caller.lang, facts, program))

    # --- announcements ----------------------------------------------------------------------

    async def preview(self, update: Update, caller: Caller, text: str) -> None:
        """The announcement exactly as recipients will see it, under a line saying how many."""
        if not render.announcement_fits(text):
            over = render.too_long_over(text)
            raise InputError("announce.too_long", limit=render.MAX_ANNOUNCEMENT, count=over)
        announcement_id = await self.store.announcements.draft(caller.user_id, text, caller.now)
        recipients = await self.store.announcements.eligible()
        await answer(update, render.preview_heading(caller.lang, recipients))
        buttons = render.preview_buttons(caller.lang, announcement_id, recipients)
        await answer(update, render.announcement(caller.lang, text), buttons)

    async def announce_button(self, update: Update, caller: Caller, pressed: AnnouncePress) -> None:
        announcement = await self.store.announcements.get(pressed.announcement_id)
        if (
            not self.owner(caller)
            or announcement is None
            or announcement.owner_id != caller.user_id
        ):
            raise InputError("error.button_expired")
        query = update.callback_query
        assert query is not None
        if pressed.choice is AnnounceChoice.CANCEL:
            if not await self.store.announcements.cancel(announcement.announcement_id):
                raise InputError("announce.already_decided")
            await answer(update, render.cancelled(caller.lang))
            return
        recipients = await self.store.announcements.confirm(
            announcement.announcement_id, caller.now
        )
        if recipients is None:  # pressed twice, or after Cancel: one announcement at most
            raise InputError("announce.already_decided")
        await self.start_sending(query.message, caller.lang, announcement, recipients)

    async def start_sending(
        self, preview: object, lang: Language, announcement: Announcement, recipients: int
    ) -> None:
        """The preview keeps its text (what went out) and loses its buttons; a status message
        below it shows the progress; the deliveries join the outbound queue."""
        if isinstance(preview, Message):
            await preview.edit_reply_markup(None)
            status = await preview.reply_text(render.sending(lang, recipients), do_quote=False)
            await self.store.announcements.show_progress_in(
                announcement.announcement_id, status.chat_id, status.message_id
            )
        for delivery in await self.store.announcements.queued(announcement.announcement_id):
            self.outbox.put(delivery)

    async def compose(self, delivery: Delivery) -> Outgoing | None:
        """At its turn: the announcement in the recipient's language; nothing if they have
        turned news off (or blocked the bot) since it was confirmed."""
        if not (delivery.period.isascii() and delivery.period.isdigit()):
            return None
        announcement = await self.store.announcements.get(int(delivery.period))
        profile = await self.store.users.get(delivery.chat_id)
        if announcement is None or profile is None or not profile.news_on or profile.blocked:
            return None
        return Outgoing(delivery.chat_id, render.announcement(profile.lang, announcement.text))

    async def report_progress(self) -> int:
        """Each announcement on its way: "N of M" in the owner's status message, and once every
        delivery is settled, the final count as a new message (a notification)."""
        for announcement in await self.store.announcements.sending():
            if announcement.status_chat_id is None or announcement.status_message_id is None:
                continue  # the status message is being written: next time
            fan_out = await self.store.announcements.fan_out(announcement)
            owner = await self.store.users.get(announcement.owner_id)
            lang: Language = owner.lang if owner is not None else "en"
            try:
                if not fan_out.finished:
                    await self.bot.edit_message_text(
                        render.progress(lang, fan_out),
                        announcement.status_chat_id,
                        announcement.status_message_id,
                    )
                elif await self.store.announcements.finish(announcement.announcement_id):
                    now = self.services.clock.now()
                    text = render.finished(lang, fan_out, now)
                    await self.bot.send_message(announcement.status_chat_id, text)
            except TelegramError as error:  # unchanged since last time, or the owner left
                log.info(
                    "announcement %d: progress not shown (%s)", announcement.announcement_id, error
                )
        return 0

    # --- /news ------------------------------------------------------------------------------

    async def news(self, update: Update, caller: Caller, args: str) -> None:
        """`/news on|off`: the owner's announcements, apart from nudges (a user who wants no
        reminders may still want to hear the bot changed, and the other way round)."""
        words = split_words(args)
        if not words:
            await answer(update, render.news_status(caller.lang, caller.profile))
            return
        if len(words) != 1:
            raise InputError("error.news_shape")
        on = parse_switch(words[0])
        await self.store.users.update(caller.user_id, caller.now, news_on=on)
        await answer(update, render.news_switched(caller.lang, on))
