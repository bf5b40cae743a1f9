"""What a command is, apart from what it does: the "/" menu entry it declares, which bot a message
names, and the words after the command. Shared by private and group commands and by the throttle,
which must tell our commands from another bot's before anything else runs."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from enum import StrEnum

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, filters

AnyContext = ContextTypes.DEFAULT_TYPE
AnyHandler = BaseHandler[Update, AnyContext, None]


class MenuScope(StrEnum):
    """Who sees a command in Telegram's "/" menu."""

    PRIVATE = "private"
    ROOM = "room"  # every member of a group
    ADMINS = "admins"  # a group's administrators only (they also see the room's)


@dataclass(frozen=True)
class MenuEntry:
    """A command on a "/" menu: its name, its description's text key, and who sees it. Declared
    where the command is registered, so a menu never lists a command the bot doesn't answer."""

    command: str
    description: str
    scope: MenuScope


class MenuCommand(CommandHandler[AnyContext, None]):
    """A command handler that knows its menu entry (None: not on a menu)."""

    def __init__(
        self,
        names: str | Sequence[str],
        callback: Callable[[Update, AnyContext], Coroutine[object, object, None]],
        chats: filters.BaseFilter,
        menu: MenuEntry | None,
    ) -> None:
        # New messages only: PTB would also run a command again when its message is edited.
        super().__init__(names, callback, filters=chats & filters.UpdateType.MESSAGE)
        self.menu = menu


def menu_entries(handlers: Sequence[AnyHandler]) -> list[MenuEntry]:
    """Every menu entry among the registered handlers, in their order."""
    return [h.menu for h in handlers if isinstance(h, MenuCommand) and h.menu is not None]


def menu_entry(names: str | Sequence[str], key: str | None, scope: MenuScope) -> MenuEntry | None:
    if key is None:
        return None
    return MenuEntry(names if isinstance(names, str) else names[0], key, scope)


def spoken_command(update: Update) -> tuple[str, str | None]:
    """The command a message starts with, and the bot it names: `/Post@SomeBot x` → ("post",
    "SomeBot"); a bare `/post` names none."""
    text = (update.effective_message.text if update.effective_message else None) or ""
    head = text.split(maxsplit=1)[0] if text.strip() else ""
    name, at, target = head.removeprefix("/").partition("@")
    return name.casefold(), (target if at else None)


def addressed_to_us(update: Update, username: str) -> bool:
    """`/cmd@ThisBot`, whatever the case of the name."""
    target = spoken_command(update)[1]
    return target is not None and target.casefold() == username.casefold()


def command_args(update: Update) -> str:
    """Everything after `/command` (or `/command@BotName`), with its spacing kept."""
    text = update.effective_message.text if update.effective_message else None
    parts = (text or "").split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""
