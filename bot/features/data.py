"""The data that is yours: /export sends everything stored about you, /forget deletes it."""

from __future__ import annotations

import asyncio

from telegram import InputFile, Update

from bot.domain.errors import InputError
from bot.features.base import Caller, Feature, answer, button, command
from bot.features.commands import AnyHandler
from bot.render import data as render
from bot.render.data import ForgetChoice, ForgetPress


class YourData(Feature):
    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "export", self.export, menu="menu.export"),
            command(s, "forget", self.forget, menu="menu.forget"),
            button(s, ForgetPress, self.forget_button),
        ]

    async def export(self, update: Update, caller: Caller, args: str) -> None:
        rows = await self.store.privacy.export(caller.user_id)
        message = update.effective_message
        assert message is not None
        # Writing 100k posts out takes seconds: a worker thread does it, nobody else waits.
        archive = await asyncio.to_thread(render.export_archive, rows, caller.today)
        caption = render.export_caption(caller.lang, rows)
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
