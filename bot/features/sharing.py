"""`/share`, in private: what each member lets their rooms see (streaks, posts, follower counts,
handles), switched by command or by button. Rooms read it through `domain.rooms.view`."""

from __future__ import annotations

from telegram import Update

from bot.domain.errors import InputError
from bot.domain.parsing import parse_switch, split_words
from bot.domain.rooms import Shareable
from bot.features.base import Caller, Feature, answer, button, caller_for, command
from bot.features.commands import AnyHandler
from bot.render.sharing import ShareToggle, share_keyboard, share_text


class SharingFeature(Feature):
    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "share", self.share, usage="share", menu="menu.share"),
            button(s, ShareToggle, self.toggle),
        ]

    async def share(self, update: Update, caller: Caller, args: str) -> None:
        """`/share` shows the switches; `/share <what> on|off` sets one."""
        words = split_words(args)
        if words:
            if len(words) != 2:
                raise InputError("error.share_shape")
            try:
                item = Shareable(words[0].casefold())
            except ValueError:
                raise InputError("error.share_shape") from None
            caller = await self.set(caller, item, parse_switch(words[1]))
        await self.show(update, caller)

    async def toggle(self, update: Update, caller: Caller, pressed: ShareToggle) -> None:
        caller = await self.set(caller, pressed.what, not pressed.what.of(caller.profile.sharing))
        await self.show(update, caller)

    async def set(self, caller: Caller, item: Shareable, on: bool) -> Caller:
        column = f"share_{item.value}"
        profile = await self.store.users.update(caller.user_id, caller.now, **{column: on})
        return caller_for(profile, caller.now)

    async def show(self, update: Update, caller: Caller) -> None:
        sharing = caller.profile.sharing
        await answer(update, share_text(caller.lang, sharing), share_keyboard(caller.lang, sharing))
