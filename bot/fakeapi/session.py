"""A whole conversation with the real bot, without Telegram: fake Bot API + real Application.

`Session` starts the fake server, a real SQLite file and the real PTB application (the same
`running_bot` that `python -m bot` uses), with a controllable clock. People send text and press
buttons; each call returns an `Exchange`: what that person saw in answer.
"""

from __future__ import annotations

import asyncio
import itertools
import socket
import sqlite3
from collections.abc import Mapping
from contextlib import AsyncExitStack, closing
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from bot.app import RunningBot, running_bot
from bot.clock import ControllableClock
from bot.config import Settings
from bot.fakeapi.messages import StoredMessage
from bot.fakeapi.people import ANONYMOUS_ADMIN, CHANNEL_BOT, Person, channel_chat, chat_of
from bot.fakeapi.rules import utf16_length
from bot.fakeapi.server import FakeBotApi
from bot.outbound import Limits

TOKEN = "123456789:FAKE-token_for-local-runs-only"
SETTLE_SECONDS = 15.0

# How updates reach the bot: it polls the fake, or the fake POSTs them to its webhook.
Transport = Literal["polling", "webhook"]
WEBHOOK_SECRET = "session-webhook-secret"

_ids = itertools.count(1001)
# What the bot can send on its own: texts, and a review's card (or a file) before its text.
SENDS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})

# Tests run the queue fast; the limits themselves have their own tests with real intervals.
FAST_LIMITS = Limits(
    per_second=1000, chat_interval=0.001, group_interval=0.001, retry_margin=0.0, backoff=0.01
)


@dataclass(frozen=True)
class Exchange:
    """The bot's answer to one input, as the person sees it."""

    messages: list[StoredMessage] = field(default_factory=list)  # new messages and edits, in order
    alerts: list[str] = field(default_factory=list)  # button-press answers ("" when silent)
    sent_id: int = 0  # the message id of what the person sent (to edit it later)

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.messages]

    @property
    def text(self) -> str:
        return "\n---\n".join(self.texts)

    @property
    def last(self) -> StoredMessage:
        if not self.messages:
            raise AssertionError(f"the bot sent nothing (alerts: {self.alerts})")
        return self.messages[-1]


class Session:
    def __init__(
        self,
        folder: Path,
        clock: ControllableClock,
        *,
        latency: float = 0.0,
        default_timezone: str = "UTC",
        limits: Limits = FAST_LIMITS,
        user_limits: Mapping[str, object] | None = None,
        transport: Transport = "polling",
    ) -> None:
        """`user_limits`: settings that raise (or lower) the per-user limits, e.g.
        `{"user_burst": 1000}` for a test that sends hundreds of commands on purpose.
        `transport`: "webhook" serves a webhook on a free port of 127.0.0.1 (kept across
        restarts) and the fake POSTs each update to it."""
        self.folder = folder
        self.transport = transport
        self.webhook_port = _free_port() if transport == "webhook" else 0
        self.user_limits = dict(user_limits or {})
        self.settle_seconds = SETTLE_SECONDS  # a benchmark's heavy commands may take longer
        self.clock = clock
        self.limits = limits
        self.server = FakeBotApi(TOKEN, latency=latency, clock=lambda: clock.now().timestamp())
        self.default_timezone = default_timezone
        self.injected = 0
        self.group_titles: dict[int, str] = {}  # chat id → title; default "Group <id>"
        self._last_sent: dict[tuple[int, int], int] = {}  # (chat, user) → their latest message
        self._stack = AsyncExitStack()
        self._bot_stack = AsyncExitStack()
        self._bot: RunningBot | None = None

    @property
    def database_path(self) -> Path:
        return self.folder / "postpact.sqlite3"

    @property
    def bot(self) -> RunningBot:
        assert self._bot is not None, "use `async with Session(...)`"
        return self._bot

    def settings(self) -> Settings:
        return Settings(
            bot_token=TOKEN,  # type: ignore[arg-type]  # pydantic turns it into a SecretStr
            bot_api_base_url=self.server.base_url,
            database_path=self.database_path,
            default_timezone=self.default_timezone,
            **self._webhook_settings(),  # type: ignore[arg-type]
            **self.user_limits,  # type: ignore[arg-type]
            _env_file=None,  # type: ignore[call-arg]  # never read a developer's own .env
        )

    def _webhook_settings(self) -> dict[str, object]:
        if self.transport == "polling":
            return {}
        return {
            "webhook_url": f"http://127.0.0.1:{self.webhook_port}/telegram/webhook",
            "webhook_listen": "127.0.0.1",
            "webhook_port": self.webhook_port,
            "webhook_secret": WEBHOOK_SECRET,
        }

    async def __aenter__(self) -> Session:
        self.server.updates.continue_ids(_last_update_id(self.database_path))
        await self.server.start()
        self._stack.push_async_callback(self.server.close)
        self._stack.push_async_callback(self._bot_stack.aclose)
        await self._start_bot()
        return self

    async def _start_bot(self) -> None:
        self._bot = await self._bot_stack.enter_async_context(
            running_bot(self.settings(), self.clock, self.limits)
        )
        await self.bot.outbox.drained()  # whatever a previous run left pending

    async def restart(self) -> None:
        """The bot stops and starts again on the same database and the same Bot API: whatever
        it had not confirmed, Telegram delivers again."""
        await self._bot_stack.aclose()
        self.injected = self.server.unconfirmed
        await self._start_bot()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._stack.aclose()

    # --- people -----------------------------------------------------------------------------------

    def person(
        self,
        first_name: str = "Maya",
        *,
        language_code: str | None = "en",
        username: str | None = None,
        user_id: int | None = None,
    ) -> Person:
        return Person(user_id or next(_ids), first_name, username, language_code)

    async def send(
        self,
        person: Person,
        text: str,
        *,
        chat_id: int | None = None,
        topic: int | None = None,
        anonymous: bool = False,
        channel: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> Exchange:
        """`person` types `text` in their private chat (or in `chat_id`, a group; in a forum
        `topic`; as the group itself when an `anonymous` admin; as their `channel`). `extra`
        fields go into the message as given (forged or unusual updates)."""
        chat = person.user_id if chat_id is None else chat_id
        message = self._message(person, text, chat)
        if topic is not None:
            message["message"] |= {"message_thread_id": topic, "is_topic_message": True}
        if anonymous:
            message["message"]["from"] = ANONYMOUS_ADMIN
            message["message"]["sender_chat"] = message["message"]["chat"]
        if channel is not None:
            message["message"]["from"] = CHANNEL_BOT
            message["message"]["sender_chat"] = channel_chat(channel)
        message["message"] |= extra or {}
        exchange = await self.exchange(chat, message)
        return replace(exchange, sent_id=message["message"]["message_id"])

    async def edit(
        self, person: Person, sent: Exchange | None, text: str, *, chat_id: int | None = None
    ) -> Exchange:
        """`person` edits the message they sent in `sent` (None: their latest in that chat) to
        read `text`: Telegram sends it as an `edited_message`."""
        chat = person.user_id if chat_id is None else chat_id
        edited = self._message(person, text, chat).pop("message")
        message_id = (
            sent.sent_id if sent is not None else self._last_sent.get((chat, person.user_id))
        )
        edited |= {"message_id": message_id or 1, "edit_date": int(self.clock.now().timestamp())}
        return await self.exchange(chat, {"edited_message": edited})

    async def forward(
        self, person: Person, text: str, origin: Person, *, chat_id: int | None = None
    ) -> Exchange:
        """`person` forwards a message `origin` wrote (its text as is, commands included)."""
        chat = person.user_id if chat_id is None else chat_id
        update = self._message(person, text, chat)
        when = int(self.clock.now().timestamp())
        forwarded = {"type": "user", "sender_user": origin.as_api(), "date": when}
        update["message"]["forward_origin"] = forwarded
        return await self.exchange(chat, update)

    async def channel_post(self, person: Person, text: str, *, channel: int) -> Exchange:
        """A post in a channel the bot is in: no sender, the channel itself as `sender_chat`."""
        update = self._message(person, text, channel)
        post = update.pop("message")
        post.pop("from")
        post["chat"] = post["sender_chat"] = channel_chat(channel)
        return await self.exchange(channel, {"channel_post": post})

    async def bot_added(self, person: Person, chat_id: int, *, removed: bool = False) -> Exchange:
        """`person` adds the bot to the group `chat_id` (or removes it)."""
        old, new = ("member", "left") if removed else ("left", "member")
        change = {
            "chat": chat_of(chat_id, person, self.group_titles),
            "from": person.as_api(),
            "date": int(self.clock.now().timestamp()),
            "old_chat_member": {"status": old, "user": self.server.bot_user},
            "new_chat_member": {"status": new, "user": self.server.bot_user},
        }
        return await self.exchange(chat_id, {"my_chat_member": change})

    async def migrate(self, person: Person, old: int, new: int) -> None:
        """The group `old` becomes the supergroup `new`, as Telegram announces it."""
        incoming = self.server.store_incoming(old, "")
        message = {
            "message_id": incoming.message_id,
            "date": incoming.date,
            "chat": {"id": old, "type": "group", "title": f"Group {-old}"},
            "from": person.as_api(),
            "migrate_to_chat_id": new,
        }
        await self.exchange(old, {"message": message})

    async def queue(self, person: Person, text: str, *, chat_id: int | None = None) -> None:
        """Like `send`, without waiting for the answer: many updates in flight at once."""
        chat = person.user_id if chat_id is None else chat_id
        await self._deliver(self._message(person, text, chat))

    def _message(self, person: Person, text: str, chat: int) -> dict[str, Any]:
        incoming = self.server.store_incoming(chat, text)
        self._last_sent[(chat, person.user_id)] = incoming.message_id
        message: dict[str, Any] = {
            "message_id": incoming.message_id,
            "date": incoming.date,
            "chat": chat_of(chat, person, self.group_titles),
            "from": person.as_api(),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            length = utf16_length(command)
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return {"message": message}

    async def press(
        self, person: Person, message: StoredMessage, label: str | None = None, *, data: str = ""
    ) -> Exchange:
        """`person` taps the button labelled `label` on `message` (or sends raw `data`)."""
        if label is not None:
            matches = [d for text, d in message.buttons if text == label]
            if not matches:
                labels = [text for text, _ in message.buttons]
                raise AssertionError(f"no button {label!r} on the message; buttons: {labels}")
            data = matches[0]
        query = {
            "id": str(next(_ids)),
            "from": person.as_api(),
            "chat_instance": str(message.chat_id),
            "message": message.to_api(self.server.bot_user),
            "data": data,
        }
        return await self.exchange(message.chat_id, {"callback_query": query})

    async def member_status(self, person: Person, status: str) -> None:
        """`person` blocks (`kicked`) or unblocks (`member`) the bot in their private chat."""

        def member(state: str) -> dict[str, Any]:
            fields: dict[str, Any] = {"status": state, "user": self.server.bot_user}
            if state == "kicked":
                fields["until_date"] = 0
            return fields

        change = {
            "chat": chat_of(person.user_id, person),
            "from": person.as_api(),
            "date": int(self.clock.now().timestamp()),
            "old_chat_member": member("member" if status == "kicked" else "kicked"),
            "new_chat_member": member(status),
        }
        await self.exchange(person.user_id, {"my_chat_member": change})

    async def exchange(self, chat_id: int, update: dict[str, Any]) -> Exchange:
        """Deliver one update and collect what the bot did in that chat until it was handled."""
        mark = len(self.server.calls)
        await self._deliver(update)
        await self.settle()
        seen: list[StoredMessage] = []
        alerts: list[str] = []
        for call in self.server.calls[mark:]:
            if call.method == "answerCallbackQuery":
                alerts.append(str(call.params.get("text") or ""))
            elif isinstance(call.result, dict) and call.result.get("chat", {}).get("id") == chat_id:
                stored = self.server.message(chat_id, call.result["message_id"])
                if stored is not None:
                    seen.append(replace(stored))  # as it looked then; later edits don't show
        return Exchange(seen, alerts)

    async def _deliver(self, update: dict[str, Any]) -> None:
        await self.server.push_update(update)
        self.injected += 1

    # --- time ----------------------------------------------------------------------------------

    async def tick(self) -> list[StoredMessage]:
        """Let the scheduler's sweeps run at the clock's current time, and wait until everything
        they queued is delivered. Returns the proactive messages sent meanwhile, in order."""
        mark = len(self.server.calls)
        await self.bot.sweeps.run_now()
        await self.bot.outbox.drained()
        return self._sent_since(mark)

    async def at(self, instant: datetime) -> list[StoredMessage]:
        """Move the clock to `instant` and tick."""
        self.clock.set(instant)
        return await self.tick()

    async def walk(self, until: datetime, step: timedelta) -> list[StoredMessage]:
        """Tick every `step` from now until `until`, like the running scheduler would."""
        sent: list[StoredMessage] = []
        while self.clock.now() + step <= until:
            sent += await self.at(self.clock.now() + step)
        return sent

    def _sent_since(self, mark: int) -> list[StoredMessage]:
        sent = []
        for call in self.server.calls[mark:]:
            if call.method in SENDS and isinstance(call.result, dict):
                stored = self.server.message(call.result["chat"]["id"], call.result["message_id"])
                if stored is not None:
                    sent.append(replace(stored))
        return sent

    async def settle(self) -> None:
        """Wait until every update delivered so far has been handled. By webhook: until each was
        acknowledged, which the bot does only once it was handled (a redelivered update is
        handled again, so the count of handled ones says nothing there)."""
        if self.transport == "webhook":
            handled = self.server.updates.drained()
        else:
            handled = self.bot.updates.wait_processed(self.injected)
        try:
            await asyncio.wait_for(handled, self.settle_seconds)
        except TimeoutError:
            raise AssertionError(
                f"the bot handled {self.bot.updates.processed} of {self.injected} updates "
                f"within {self.settle_seconds}s"
            ) from None


def _free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _last_update_id(database: Path) -> int:
    """The last update a previous run on this database handled: a new fake server numbers on
    from there, as Telegram does for one bot (a reused number would look like a redelivery)."""
    if not database.exists():
        return 0
    with closing(sqlite3.connect(database)) as conn:
        try:
            found = conn.execute("SELECT MAX(update_id) FROM handled_updates").fetchone()
        except sqlite3.OperationalError:  # a database from before updates were recorded
            return 0
    return int(found[0] or 0)
