"""A fake Telegram Bot API over real HTTP on 127.0.0.1, for tests, the sandbox and benchmarks.

The bot under test talks to it exactly as to Telegram (same URLs, same form encoding, same JSON
answers), so the real PTB `Application` runs unmodified. It keeps what Telegram would enforce where
a bug would otherwise slip through: the token, 4,096-character messages, valid HTML, 64-byte button
data, 200-character alerts, "message is not modified". Every call is recorded; latency and failures
can be injected, before the work or after it (see `bot.fakeapi.faults`).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.fakeapi.faults import HANG, RESET, Failure, Faults, Outage, drop_connection
from bot.fakeapi.messages import Call, Chat, StoredMessage
from bot.fakeapi.rules import (
    COMMAND_NAME,
    MAX_ALERT,
    MAX_CAPTION,
    MAX_MESSAGE,
    QUERY_ANSWER_TIMEOUT,
    STALE_QUERY,
    ApiError,
    chat_id_of,
    check_html,
    checked_markup,
    utf16_length,
    visible_text,
)
from bot.fakeapi.updates import PendingUpdates
from bot.fakeapi.webhook import Webhook
from bot.fakeapi.wire import error_answer, ok_answer, read_params

__all__ = ["HANG", "RESET", "FakeBotApi"]

BOT_ID = 7_000_000_001
BOT_USERNAME = "PostpactTestBot"
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Postpact",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


class FakeBotApi:
    """Start with `await server.start()`; point the bot at `server.base_url`."""

    def __init__(
        self,
        token: str,
        *,
        latency: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.token = token
        self.latency = latency
        self.clock = clock
        self.bot_user: dict[str, Any] = dict(BOT_USER)
        self.calls: list[Call] = []
        self.in_flight = 0  # calls other than getUpdates being answered right now
        self.max_in_flight = 0
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.chat_members: dict[tuple[int, int], str] = {}
        self.blocked_by: set[int] = set()  # users who blocked the bot: sends to them get a 403
        self.send_limit: int | None = None  # messages per second before a 429, like Telegram's
        self.hang_seconds = 6.0  # longer than the bot's 5 s read timeout
        self.query_answer_timeout = QUERY_ANSWER_TIMEOUT  # real seconds after the press
        self._recent_sends: deque[float] = deque()
        self._chats: dict[int, Chat] = {}
        self.updates = PendingUpdates()
        self.webhook = Webhook(self.updates)  # set: updates are POSTed to the bot, not polled
        self._faults = Faults()
        self._outage = Outage(self._stop_listening, self._start_listening)
        self._senders: set[asyncio.BaseTransport] = set()  # connections that carried sends
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self.port = 0
        self._handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getMe": lambda _: self.bot_user,
            "setWebhook": self.webhook.set,
            "deleteWebhook": self.webhook.delete,
            "getWebhookInfo": self.webhook.info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_reply_markup,
            "answerCallbackQuery": self._answer_callback_query,
            "sendPhoto": lambda p: self._send_file(p, "photo"),
            "sendDocument": lambda p: self._send_file(p, "document"),
            "sendChatAction": lambda _: True,
            "getChatMember": self._get_chat_member,
        }

    # --- lifecycle ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1)
        await self._runner.setup()
        await self._start_listening()

    async def _start_listening(self) -> None:
        assert self._runner is not None
        self._site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await self._site.start()
        server = self._site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def _stop_listening(self) -> None:
        if self._site is not None:
            await self._site.stop()
            self._site = None

    async def close(self) -> None:
        await self._outage.cancel()
        await self.webhook.close()
        await self.updates.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what tests, the sandbox and benchmarks drive --------------------------------------------

    async def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for the bot's next getUpdates; returns its update_id."""
        return await self.updates.push(update)

    @property
    def unconfirmed(self) -> int:
        """Updates queued or delivered whose confirming getUpdates has not arrived yet."""
        return len(self.updates)

    def store_incoming(self, chat_id: int, text: str) -> StoredMessage:
        """A message a person sends gets a message id in its chat, like any other."""
        return self._store(chat_id, text, text, None, from_bot=False)

    def fail(
        self,
        method: str | None,
        code: int,
        description: str,
        *,
        retry_after: int | None = None,
        times: int = 1,
        after_work: bool = False,
        skip: int = 0,
    ) -> None:
        """Answer the next `times` calls of `method` (None: any but getUpdates) with an error, or
        drop their connection (`RESET`), or answer too late (`HANG`). Before the work by default:
        nothing is done. `after_work`: the work is done (a message stored), then the answer is
        lost — the connection drops or a 5xx comes back, and the client can't tell it happened.
        `skip`: let that many matching calls through first."""
        error = ApiError(code, description, retry_after)
        self._faults.add(Failure(method, error, times, after_work, skip))

    async def refuse_connections(self, seconds: float) -> None:
        """Be unreachable for `seconds`: every new connection is refused, so a request made now
        never leaves the client. Returns at once; `await reachable()` waits for the end."""
        senders = [t for t in self._senders if not t.is_closing()]
        self._senders.clear()
        await self._outage.begin(seconds, senders)

    async def reachable(self) -> None:
        await self._outage.over()

    def enforce_send_limit(self, per_second: int | None) -> None:
        """Answer sends beyond `per_second` in any one-second window with 429 retry_after=1, as
        Telegram does when a bot floods."""
        self.send_limit = per_second
        self._recent_sends.clear()

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        chat = self._chats.get(chat_id)
        return chat.messages.get(message_id) if chat else None

    def bot_messages(self, chat_id: int) -> list[StoredMessage]:
        chat = self._chats.get(chat_id)
        return [m for m in chat.messages.values() if m.from_bot] if chat else []

    def calls_to(self, method: str, since: int = 0) -> list[Call]:
        return [c for c in self.calls[since:] if c.method == method]

    # --- HTTP -------------------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return error_answer(ApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        params = await read_params(request)
        call = Call(method, params, time.monotonic())
        self.calls.append(call)
        counted = method != "getUpdates"
        if counted:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            if request.transport is not None:
                self._senders.add(request.transport)
        try:
            return await self._answer(request, call)
        finally:
            call.answered = time.monotonic()
            if counted:
                self.in_flight -= 1

    async def _answer(self, request: web.Request, call: Call) -> web.StreamResponse:
        before = self._faults.take(call.method, after_work=False)
        if before is not None and before.code == RESET:
            return drop_connection(request, call)  # the connection drops before anything is done
        if before is not None and before.code == HANG:
            # Telegram does the work, but its answer comes too late for the client.
            await asyncio.sleep(self.hang_seconds)
            before = None
        if self.latency:
            await asyncio.sleep(self.latency)
        try:
            if before is not None:
                raise before
            call.result = await self._work(call)
        except ApiError as error:
            call.error = error
            return error_answer(error)
        lost = self._faults.take(call.method, after_work=True)
        if lost is None:
            return ok_answer(call.result)
        call.error = lost  # the work stands (call.result says what it was); the answer is lost
        return drop_connection(request, call) if lost.code == RESET else error_answer(lost)

    async def _work(self, call: Call) -> Any:
        if call.method == "getUpdates":
            self.webhook.refuse_polling()
            return await self.updates.get(call.params)
        handler = self._handlers.get(call.method)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return handler(call.params)

    # --- methods ----------------------------------------------------------------------------------

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise ApiError(400, "Bad Request: commands must be a list of at most 100")
        for command in commands:
            description = command.get("description", "")
            if (
                not COMMAND_NAME.match(command.get("command", ""))
                or not 1 <= len(description) <= 256
            ):
                raise ApiError(400, f"Bad Request: BOT_COMMAND_INVALID {command!r}")
        scope = params.get("scope") or {"type": "default"}
        self.commands[(scope["type"], params.get("language_code") or "")] = commands
        return True

    def _get_my_commands(self, params: dict[str, Any]) -> list[dict[str, str]]:
        scope = params.get("scope") or {"type": "default"}
        return self.commands.get((scope["type"], params.get("language_code") or ""), [])

    def _check_send_allowed(self, chat_id: int) -> None:
        if chat_id in self.blocked_by:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if self.send_limit is None:
            return
        now = time.monotonic()
        while self._recent_sends and now - self._recent_sends[0] >= 1.0:
            self._recent_sends.popleft()
        if len(self._recent_sends) >= self.send_limit:
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        self._recent_sends.append(now)

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = chat_id_of(params)
        self._check_send_allowed(chat_id)
        text = str(params.get("text") or "")
        plain = self._checked_text(text, params, MAX_MESSAGE)
        markup = checked_markup(params.get("reply_markup"))
        stored = self._store(chat_id, text, plain, markup, from_bot=True)
        if params.get("message_thread_id") is not None:
            stored.thread_id = int(params["message_thread_id"])
        return stored.to_api(self.bot_user)

    def _send_file(self, params: dict[str, Any], kind: str) -> dict[str, Any]:
        chat_id = chat_id_of(params)
        upload = params.get(kind)
        if not isinstance(upload, bytes) or not upload:
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        caption = str(params.get("caption") or "")
        plain = self._checked_text(caption, params, MAX_CAPTION, allow_empty=True)
        markup = checked_markup(params.get("reply_markup"))
        message = self._store(chat_id, caption, plain, markup, from_bot=True)
        message.kind, message.file_size = kind, len(upload)
        if params.get("message_thread_id") is not None:
            message.thread_id = int(params["message_thread_id"])
        message.content, message.file_name = upload, str(params.get(f"{kind}__filename") or "")
        return message.to_api(self.bot_user)

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(params)
        text = str(params.get("text") or "")
        plain = self._checked_text(text, params, MAX_MESSAGE)
        markup = checked_markup(params.get("reply_markup"))
        if text == message.html and markup == message.reply_markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        message.html, message.text, message.reply_markup = text, plain, markup
        return message.to_api(self.bot_user)

    def _edit_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(params)
        message.reply_markup = checked_markup(params.get("reply_markup"))
        return message.to_api(self.bot_user)

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        pressed = self.updates.pressed_at.get(query_id)
        if not query_id or (
            pressed is not None and time.monotonic() - pressed > self.query_answer_timeout
        ):
            raise ApiError(400, STALE_QUERY)
        if utf16_length(str(params.get("text") or "")) > MAX_ALERT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    def _get_chat_member(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = chat_id_of(params), int(params.get("user_id") or 0)
        status = self.chat_members.get((chat_id, user_id), "member")
        member: dict[str, Any] = {
            "status": status,
            "user": {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"},
        }
        if status == "administrator":
            member |= {
                "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
                "can_delete_messages": True, "can_manage_video_chats": True,
                "can_restrict_members": True, "can_promote_members": False,
                "can_change_info": True, "can_invite_users": True, "can_post_stories": False,
                "can_edit_stories": False, "can_delete_stories": False,
            }  # fmt: skip
        elif status == "creator":
            member |= {"is_anonymous": False}
        return member

    # --- helpers ----------------------------------------------------------------------------------

    def _checked_text(
        self, text: str, params: dict[str, Any], limit: int, *, allow_empty: bool = False
    ) -> str:
        html_mode = str(params.get("parse_mode") or "").upper() == "HTML"
        if html_mode:
            check_html(text)
        plain = visible_text(text) if html_mode else text
        if not plain.strip() and not allow_empty:
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_length(plain) > limit:
            raise ApiError(400, "Bad Request: message is too long")
        return plain

    def _editable(self, params: dict[str, Any]) -> StoredMessage:
        message = self.message(chat_id_of(params), int(params.get("message_id") or 0))
        if message is None or not message.from_bot:
            raise ApiError(400, "Bad Request: message to edit not found")
        return message

    def _store(
        self,
        chat_id: int,
        html_text: str,
        plain: str,
        markup: dict[str, Any] | None,
        *,
        from_bot: bool,
    ) -> StoredMessage:
        chat = self._chats.setdefault(chat_id, Chat())
        message = StoredMessage(
            chat_id, chat.next_message_id, html_text, plain, markup, from_bot, int(self.clock())
        )
        chat.messages[message.message_id] = message
        chat.next_message_id += 1
        return message
