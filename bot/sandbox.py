"""Try Postpact without Telegram: the real bot, the in-tree fake Bot API, a throw-away database,
and a chat in the terminal.

What you type is sent as the current user; the bot's answers are printed, with inline buttons
numbered — type the number to press one. Lines starting with `:` drive the sandbox itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
import tempfile
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from bot.clock import ControllableClock, SystemClock
from bot.fakeapi import Person, Session, StoredMessage

HELP = """\
Postpact sandbox — the real bot, a fake Telegram, a throw-away database; nothing leaves this
machine. Type as a user would (/start, /post tiktok my first video, /help).
The latest message's buttons show as [1] [2] …: type the number to press one; 🔗 marks a link.
  :user NAME       talk as NAME (created on first use)
  :group NAME      talk in the group NAME (the bot is added to it, by you: its admin);
                   :private to go back
  :admin NAME      make NAME an admin of this group too (so /groupsettings can be tried)
  :advance 1d|3h|30m   move the clock; nudges, reviews and digests that fall due are shown
  :time YYYY-MM-DD HH:MM   set the clock (UTC), forward only
  :db              where the database is
  :quit            leave (the database is deleted)"""

_DURATION = re.compile(r"^(\d{1,4})([dhm])$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


@dataclass
class Chat:
    """Who is talking, where, and the buttons on screen."""

    person: Person
    group: tuple[str, int] | None = None
    people: dict[str, Person] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    buttons: list[tuple[StoredMessage, str]] = field(default_factory=list)


class Sandbox:
    def __init__(self, session: Session, out: TextIO, pictures: Path | None = None) -> None:
        self.session = session
        self.out = out
        self.pictures = pictures  # where pictures and files go; made on the first one
        self.saved = 0
        me = session.person("You", username="you")
        self.chat = Chat(person=me, people={"You": me})

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    async def handle(self, line: str) -> bool:
        """One line of input; False when it is time to quit."""
        text = line.strip()
        if not text:
            return True
        if text.startswith(":"):
            return await self._command(text)
        if text.isdigit() and self.chat.buttons:
            await self._press(int(text))
            return True
        exchange = await self.session.send(self.chat.person, text, chat_id=self._here())
        await self._show(exchange.messages, exchange.alerts)
        return True

    async def _command(self, text: str) -> bool:
        name, _, arg = text[1:].partition(" ")
        arg = arg.strip()
        if name in ("quit", "q", "exit"):
            return False
        if name == "user" and arg:
            self.chat.person = self._person(arg)
            self.say(f"· you are {arg} now")
        elif name == "group" and arg:
            await self._enter_group(arg)
        elif name == "admin" and arg:
            self._make_admin(arg)
        elif name == "private":
            self.chat.group = None
            self.say(f"· private chat with the bot, as {self.chat.person.first_name}")
        elif name == "advance" and (match := _DURATION.match(arg)):
            step = timedelta(**{_UNITS[match[2]]: int(match[1])})
            await self._move_to(self.session.clock.now() + step)
        elif name == "time":
            await self._set_time(arg)
        elif name == "db":
            self.say(f"· the database is {self.session.database_path}")
        else:
            self.say(HELP)
        return True

    async def _set_time(self, arg: str) -> None:
        """`:time`: forward only — the bot's day, streaks and claims assume time moves on."""
        try:
            when = datetime.strptime(arg, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
        except ValueError:
            self.say("· :time wants YYYY-MM-DD HH:MM (UTC)")
            return
        now = self.session.clock.now()
        if when < now:
            self.say(f"· :time can't go back: it is {now:%Y-%m-%d %H:%M} UTC already")
            return
        await self._move_to(when)

    def _person(self, name: str) -> Person:
        """The person called `name`, created on first use."""
        person = self.chat.people.get(name) or self.session.person(name[:64])
        self.chat.people[name] = person
        return person

    async def _enter_group(self, name: str) -> None:
        """Into the group `name`; the first time, whoever adds the bot to it is its admin (as in
        Telegram, where adding bots takes an admin)."""
        chat_id = self.chat.groups.get(name)
        if chat_id is None:
            chat_id = -1_000_000_000_000 - len(self.chat.groups) - 1
            self.chat.groups[name] = chat_id
            self.session.group_titles[chat_id] = name
            self.session.server.chat_members[(chat_id, self.chat.person.user_id)] = "creator"
            added = await self.session.bot_added(self.chat.person, chat_id)
            await self._show(added.messages, added.alerts)
        self.chat.group = (name, chat_id)
        role = self.session.server.chat_members.get((chat_id, self.chat.person.user_id))
        admin = " (its admin)" if role in ("creator", "administrator") else ""
        self.say(f"· in the group {name}, as {self.chat.person.first_name}{admin}")

    def _make_admin(self, name: str) -> None:
        """`:admin NAME`: NAME becomes an administrator of the group we are in."""
        if self.chat.group is None:
            self.say("· :admin works in a group: :group NAME first")
            return
        group, chat_id = self.chat.group
        self.session.server.chat_members[(chat_id, self._person(name).user_id)] = "administrator"
        self.say(f"· {name} is an admin of {group} now")

    async def _move_to(self, when: datetime) -> None:
        """Walk the clock there in steps, so each due message arrives at its time."""
        step = timedelta(minutes=30)
        sent: list[StoredMessage] = []
        while self.session.clock.now() + step < when:
            sent += await self.session.at(self.session.clock.now() + step)
        sent += await self.session.at(when)
        self.say(f"· it is now {when:%Y-%m-%d %H:%M} UTC")
        await self._show(sent, [], proactive=True)

    async def _press(self, number: int) -> None:
        if not 1 <= number <= len(self.chat.buttons):
            self.say(f"· there is no button [{number}]")
            return
        message, label = self.chat.buttons[number - 1]
        exchange = await self.session.press(self.chat.person, message, label)
        await self._show(exchange.messages, exchange.alerts)

    async def _show(
        self, messages: list[StoredMessage], alerts: list[str], proactive: bool = False
    ) -> None:
        """What the bot did, as a chat would show it. Only the latest message in this chat can
        have its buttons pressed by number; one without buttons leaves numbers as plain text."""
        for alert in alerts:
            if alert:
                self.say(f"  ⚠ {alert}")
        here = [m for m in messages if m.chat_id == self._here()]
        for message in messages:
            where = self._recipient(message.chat_id) if proactive else ""
            stamp = f" [{await self._local_time(message)}]" if proactive else ""
            self.say(f"🤖{stamp}{where} {self._attachment(message)}{message.text}".rstrip())
            self._show_buttons(message, where, latest=bool(here) and message is here[-1])
        if here:
            latest = here[-1]
            self.chat.buttons = [(latest, label) for label in _pressable(latest)]

    def _show_buttons(self, message: StoredMessage, where: str, latest: bool) -> None:
        for label, url in _links(message):
            self.say(f"   🔗 {label}: {url}")
        labels = _pressable(message)
        if not labels:
            return
        if message.chat_id != self._here():
            self.say(f"   (buttons for {where.removeprefix(' → ')}: " + ", ".join(labels) + ")")
        elif latest:
            self.say("   " + "  ".join(f"[{n}] {label}" for n, label in enumerate(labels, 1)))
        else:
            self.say("   (buttons: " + ", ".join(labels) + ")")

    async def _local_time(self, message: StoredMessage) -> str:
        """When a message arrived, in its recipient's own timezone (a group's, or a person's)."""
        store = self.session.bot.services.store
        owner = (
            await store.rooms.get(message.chat_id)
            if message.chat_id < 0
            else await store.users.get(message.chat_id)
        )
        sent = datetime.fromtimestamp(message.date, UTC)
        local = sent.astimezone(owner.zone.tz) if owner is not None else sent
        return f"{local:%a %H:%M}"

    def _attachment(self, message: StoredMessage) -> str:
        """A photo or file, saved so it can be opened: where it is, before its caption."""
        if message.kind == "text" or not message.content:
            return ""
        if self.pictures is None:
            self.pictures = Path(tempfile.mkdtemp(prefix="postpact-sandbox-pictures-"))
        self.pictures.mkdir(parents=True, exist_ok=True)
        self.saved += 1
        name, extension = Path(message.file_name).name, _extension(message.content)
        if not name or not name.endswith(extension):  # a picture sent as raw bytes
            name = f"{message.kind}{extension}"
        path = self.pictures / f"{self.saved:03d}-{name}"
        path.write_bytes(message.content)
        if message.kind == "photo":
            return f"🖼 (picture: {path}) "
        return f"📎 (file: {path}) "

    def _here(self) -> int:
        return self.chat.group[1] if self.chat.group else self.chat.person.user_id

    def _recipient(self, chat_id: int) -> str:
        for name, group in self.chat.groups.items():
            if group == chat_id:
                return f" → {name}"
        for name, person in self.chat.people.items():
            if person.user_id == chat_id:
                return f" → {name}"
        return ""


def _pressable(message: StoredMessage) -> list[str]:
    """The labels of the buttons that send a press (link buttons open a URL instead)."""
    return [label for label, data in message.buttons if data]


def _links(message: StoredMessage) -> list[tuple[str, str]]:
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return [(b["text"], b["url"]) for row in rows for b in row if b.get("url")]


def _extension(content: bytes) -> str:
    return (
        ".png" if content.startswith(b"\x89PNG") else ".jpg" if content[:2] == b"\xff\xd8" else ""
    )


async def lines_from(stream: TextIO) -> AsyncIterator[str]:
    """Lines as they are typed (or piped), without blocking the bot while waiting. The reading
    thread is a daemon: Ctrl-C leaves at once, without waiting for a line that never comes."""
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str] = asyncio.Queue()

    def read() -> None:
        for line in iter(stream.readline, ""):
            loop.call_soon_threadsafe(lines.put_nowait, line)
        loop.call_soon_threadsafe(lines.put_nowait, "")  # the end of the input

    threading.Thread(target=read, name="sandbox-input", daemon=True).start()
    while line := await lines.get():
        yield line


async def run_sandbox(
    stream: TextIO, out: TextIO, start: datetime | None = None, pictures: Path | None = None
) -> None:
    """Chat until `:quit`, the end of the input or Ctrl-C. Pictures and files the bot sends are
    saved in `pictures` (a new temporary folder by default), kept after the sandbox ends."""
    clock = ControllableClock((start or SystemClock().now()).replace(second=0, microsecond=0))
    try:
        with tempfile.TemporaryDirectory(prefix="postpact-sandbox-") as folder:
            async with Session(Path(folder), clock) as session:
                sandbox = Sandbox(session, out, pictures)
                sandbox.say(HELP)
                async for line in lines_from(stream):
                    if not await sandbox.handle(line):
                        break
    finally:  # :quit, the end of the input, or Ctrl-C: everything above is closed by now
        print("· bye (the sandbox database is gone)", file=out, flush=True)


def main() -> None:
    # Ctrl-C is how one leaves: the bot has stopped cleanly and said bye by then.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_sandbox(sys.stdin, sys.stdout))
