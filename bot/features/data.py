"""The data that is yours: /export sends everything stored about you, /forget deletes it."""

from __future__ import annotations

from datetime import date

from telegram import InputFile, Update

from bot.domain.errors import InputError
from bot.domain.models import Language
from bot.features.base import Caller, Feature, answer, button, command
from bot.features.commands import AnyHandler
from bot.render import data as render
from bot.render.data import ForgetChoice, ForgetPress
from bot.store import Store


class YourData(Feature):
    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "export", self.export, menu="menu.export"),
            command(s, "forget", self.forget, menu="menu.forget"),
            button(s, ForgetPress, self.forget_button),
        ]

    async def export(self, update: Update, caller: Caller, args: str) -> None:
        message = update.effective_message
        assert message is not None
        # Reading and writing out 100k posts takes seconds: the worker process does it (see
        # `bot.offload`), nobody else waits.
        archive, caption = await self.in_worker(
            export_archive, caller.user_id, caller.today, caller.lang
        )
        await message.reply_document(
            InputFile(archive.content, filename=archive.name), caption=caption
        )

    async def forget(self, update: Update, caller: Caller, args: str) -> None:
        await answer(
            update,
            render.forget_question(caller.lang),
            render.forget_buttons(caller.lang, caller.profile.created_at),
        )

    async def forget_button(self, update: Update, caller: Caller, pressed: ForgetPress) -> None:
        if pressed.choice is ForgetChoice.NO:
            await answer(update, render.forget_kept(caller.lang))
            return
        if not pressed.is_for(caller.profile.created_at):
            raise InputError("error.already_done")  # deleted already: this is a new row
        deleted = await self.store.privacy.forget(caller.user_id)
        await answer(update, render.forget_done(caller.lang, deleted))


async def export_archive(
    store: Store, user_id: int, today: date, lang: Language
) -> tuple[render.ExportFile, str]:
    """The job: everything that is the user's to have, as one zip, and its caption."""
    rows = await store.privacy.export(user_id)
    return render.export_archive(rows, today), render.export_caption(lang, rows)
