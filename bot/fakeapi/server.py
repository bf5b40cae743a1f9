"""A fake Telegram Bot API over real HTTP on 127.0.0.1, for tests, the sandbox and benchmarks.

The bot under test talks to it exactly as to Telegram (same URLs, same form encoding, same JSON
answers), so the real PTB `Application` runs unmodified. It keeps what Telegram would enforce where
a bug would otherwise slip through: the token, 4,096-character messages, valid HTML, 64-byte button
data, 200-character alerts, "message is not modified". Every call is recorded; latency and failures
can be injected.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from aiohttp import web

MAX_MESSAGE = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_ALERT = 200

# Failure "codes" that are not HTTP answers: the connection drops, or the answer comes too late.
RESET = 0
HANG = -1

BOT_ID = 7_000_000_001
BOT_USERNAME = "PostpactTestBot"

# Parameters that PTB sends as plain strings; every other value is JSON-encoded.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "language_code",
        "inline_message_id",
        "url",
        "title",
        "description",
        "short_description",
        "name",
        "action",
    }
)
_TAGS = ("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
         "tg-spoiler", "span", "blockquote", "tg-emoji")  # fmt: skip
_TAG = re.compile(r"<(/?)([a-z-]+)(\s[^<>]*)?>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")


class ApiError(Exception):
    """An answer with `ok: false`, as Telegram sends it."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when the call arrived
    result: Any = None  # what the server answered, once it has
    error: ApiError | None = None


@dataclass
class StoredMessage:
    """A message in a chat as the fake server holds it: `text` is what a person reads."""

    chat_id: int
    message_id: int
    html: str
    text: str
    reply_markup: dict[str, Any] | None
    from_bot: bool
    date: int
    kind: str = "text"  # text, photo, document
    file_size: int = 0
    thread_id: int | None = None  # the forum topic it was posted in
    content: bytes = b""  # a photo's or document's bytes, as uploaded
    file_name: str = ""

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """Every inline button as (label, callback_data), row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]

    def to_api(self, bot_user: dict[str, Any]) -> dict[str, Any]:
        chat_type = "private" if self.chat_id > 0 else "supergroup"
        result: dict[str, Any] = {
            "message_id": self.message_id,
            "date": self.date,
            "chat": {"id": self.chat_id, "type": chat_type},
            "from": bot_user,
        }
        if self.kind == "text":
            result["text"] = self.text
        elif self.kind == "photo":
            result["photo"] = [
                {
                    "file_id": f"p{self.message_id}",
                    "file_unique_id": f"u{self.message_id}",
                    "width": 1,
                    "height": 1,
                    "file_size": self.file_size,
                }
            ]
        else:
            result["document"] = {
                "file_id": f"d{self.message_id}",
                "file_unique_id": f"u{self.message_id}",
                "file_size": self.file_size,
            }
        if self.kind != "text" and self.text:
            result["caption"] = self.text
        if self.reply_markup:
            result["reply_markup"] = self.reply_markup
        return result


@dataclass
class _Failure:
    method: str | None  # None: any method except getUpdates
    error: ApiError
    times: int


@dataclass
class _Chat:
    next_message_id: int = 1
    messages: dict[int, StoredMessage] = field(default_factory=dict)


def visible_text(html_text: str) -> str:
    """What a person reads once Telegram has parsed the HTML."""
    return unescape(_TAG.sub("", html_text))


def check_html(html_text: str) -> None:
    """Telegram refuses a message whose HTML it cannot parse: unknown tags, unbalanced tags, a bare
    `<` or `&`. Escaping bugs show up here as they would in production."""
    stack: list[str] = []
    position = 0
    for match in _TAG.finditer(html_text):
        _check_plain(html_text[position : match.start()])
        position = match.end()
        closing, name = match[1], match[2]
        if name not in _TAGS:
            raise ApiError(400, f"Bad Request: can't parse entities: unsupported tag {name!r}")
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            raise ApiError(400, f"Bad Request: can't parse entities: unmatched end tag {name!r}")
    _check_plain(html_text[position:])
    if stack:
        raise ApiError(400, f"Bad Request: can't parse entities: unclosed tag {stack[-1]!r}")


def _check_plain(segment: str) -> None:
    if "<" in segment or ">" in segment:
        raise ApiError(400, "Bad Request: can't parse entities: unescaped < or >")
    for index in (i for i, ch in enumerate(segment) if ch == "&"):
        if _ENTITY.match(segment, index) is None:
            raise ApiError(400, "Bad Request: can't parse entities: unescaped &")


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
        self.bot_user: dict[str, Any] = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Postpact",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.calls: list[Call] = []
        self.in_flight = 0  # calls other than getUpdates being answered right now
        self.max_in_flight = 0
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.chat_members: dict[tuple[int, int], str] = {}
        self.blocked_by: set[int] = set()  # users who blocked the bot: sends to them get a 403
        self.send_limit: int | None = None  # messages per second before a 429, like Telegram's
        self.hang_seconds = 6.0  # longer than the bot's 5 s read timeout
        self._recent_sends: deque[float] = deque()
        self._chats: dict[int, _Chat] = {}
        self._updates: deque[dict[str, Any]] = deque()
        self._next_update_id = 1
        self._news = asyncio.Condition()
        self._failures: list[_Failure] = []
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.port = 0
        self._handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getMe": lambda _: self.bot_user,
            "deleteWebhook": lambda _: True,
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
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def close(self) -> None:
        self._closing = True
        async with self._news:
            self._news.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what tests, the sandbox and benchmarks drive --------------------------------------------

    async def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for the bot's next getUpdates; returns its update_id."""
        async with self._news:
            update_id = self._next_update_id
            self._next_update_id += 1
            self._updates.append({"update_id": update_id, **update})
            self._news.notify_all()
        return update_id

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
    ) -> None:
        """Answer the next `times` calls of `method` (None: any but getUpdates) with an error."""
        self._failures.append(_Failure(method, ApiError(code, description, retry_after), times))

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

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(ApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        params = await _read_params(request)
        call = Call(method, params, time.monotonic())
        self.calls.append(call)
        counted = method != "getUpdates"
        if counted:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            fault = self._take_fault(method)
            if fault == RESET:
                # The connection drops before anything is done: nothing was sent.
                if request.transport is not None:
                    request.transport.close()
                call.error = ApiError(0, "connection reset")
                return web.Response(status=500)
            if fault == HANG:
                # Telegram did the work, but its answer comes too late for the client.
                await asyncio.sleep(self.hang_seconds)
            return await self._answer(call)
        finally:
            if counted:
                self.in_flight -= 1

    async def _answer(self, call: Call) -> web.Response:
        method, params = call.method, call.params
        if self.latency:
            await asyncio.sleep(self.latency)
        try:
            self._raise_injected(method)
            if method == "getUpdates":
                call.result = await self._get_updates(params)
            else:
                handler = self._handlers.get(method)
                if handler is None:
                    raise ApiError(404, "Not Found: method not found")
                call.result = handler(params)
        except ApiError as error:
            call.error = error
            return _error(error)
        return _ok(call.result)

    def _take_fault(self, method: str) -> int | None:
        for failure in self._failures:
            special = failure.error.code in (RESET, HANG)
            if special and failure.times > 0 and failure.method in (method, None):
                if failure.method is None and method == "getUpdates":
                    continue
                failure.times -= 1
                if failure.times == 0:
                    self._failures.remove(failure)
                return failure.error.code
        return None

    def _raise_injected(self, method: str) -> None:
        for failure in self._failures:
            matches = failure.method == method or (
                failure.method is None and method != "getUpdates"
            )
            if matches and failure.times > 0 and failure.error.code not in (RESET, HANG):
                failure.times -= 1
                if failure.times == 0:
                    self._failures.remove(failure)
                raise failure.error

    # --- methods ----------------------------------------------------------------------------------

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = min(int(params.get("limit") or 100), 100)
        timeout = float(params.get("timeout") or 0)
        async with self._news:
            while self._updates and self._updates[0]["update_id"] < offset:
                self._updates.popleft()  # confirmed by the offset: Telegram forgets them
            if not self._updates and timeout > 0 and not self._closing:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._news.wait_for(lambda: bool(self._updates) or self._closing), timeout
                    )
            return [u for u in self._updates if u["update_id"] >= offset][:limit]

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise ApiError(400, "Bad Request: commands must be a list of at most 100")
        for command in commands:
            description = command.get("description", "")
            if (
                not _COMMAND_NAME.match(command.get("command", ""))
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
        chat_id = _chat_id(params)
        self._check_send_allowed(chat_id)
        text = str(params.get("text") or "")
        plain = self._checked_text(text, params, MAX_MESSAGE)
        markup = _checked_markup(params.get("reply_markup"))
        stored = self._store(chat_id, text, plain, markup, from_bot=True)
        if params.get("message_thread_id") is not None:
            stored.thread_id = int(params["message_thread_id"])
        return stored.to_api(self.bot_user)

    def _send_file(self, params: dict[str, Any], kind: str) -> dict[str, Any]:
        chat_id = _chat_id(params)
        upload = params.get(kind)
        if not isinstance(upload, bytes) or not upload:
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        caption = str(params.get("caption") or "")
        plain = self._checked_text(caption, params, MAX_CAPTION, allow_empty=True)
        markup = _checked_markup(params.get("reply_markup"))
        message = self._store(chat_id, caption, plain, markup, from_bot=True)
        message.kind, message.file_size = kind, len(upload)
        message.content, message.file_name = upload, str(params.get(f"{kind}__filename") or "")
        return message.to_api(self.bot_user)

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(params)
        text = str(params.get("text") or "")
        plain = self._checked_text(text, params, MAX_MESSAGE)
        markup = _checked_markup(params.get("reply_markup"))
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
        message.reply_markup = _checked_markup(params.get("reply_markup"))
        return message.to_api(self.bot_user)

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        if not params.get("callback_query_id"):
            raise ApiError(400, "Bad Request: query is too old or query ID is invalid")
        if len(str(params.get("text") or "")) > MAX_ALERT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    def _get_chat_member(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = _chat_id(params), int(params.get("user_id") or 0)
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
        if len(plain.encode("utf-16-le")) // 2 > limit:
            raise ApiError(400, "Bad Request: message is too long")
        return plain

    def _editable(self, params: dict[str, Any]) -> StoredMessage:
        message = self.message(_chat_id(params), int(params.get("message_id") or 0))
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
        chat = self._chats.setdefault(chat_id, _Chat())
        message = StoredMessage(
            chat_id, chat.next_message_id, html_text, plain, markup, from_bot, int(self.clock())
        )
        chat.messages[message.message_id] = message
        chat.next_message_id += 1
        return message


def _chat_id(params: dict[str, Any]) -> int:
    value = params.get("chat_id")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, "Bad Request: chat not found")
    return value


def _checked_markup(markup: Any) -> dict[str, Any] | None:
    if markup is None:
        return None
    if not isinstance(markup, dict) or not isinstance(markup.get("inline_keyboard"), list):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    for row in markup["inline_keyboard"]:
        for button in row:
            data = button.get("callback_data")
            if not button.get("text"):
                raise ApiError(
                    400, "Bad Request: text buttons are unallowed in the inline keyboard"
                )
            if data is not None and not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return markup


async def _read_params(request: web.Request) -> dict[str, Any]:
    if request.method != "POST" or not request.body_exists:
        return dict(request.query)
    form = await request.post()
    params: dict[str, Any] = {}
    for name, value in form.items():
        if isinstance(value, web.FileField):
            params[name] = value.file.read()
            params[f"{name}__filename"] = value.filename
        elif name in _STRING_PARAMS:
            params[name] = value
        else:
            try:
                params[name] = json.loads(value)
            except ValueError:
                params[name] = value
    for name, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            attached = value.removeprefix("attach://")
            params[name] = params.pop(attached, b"")
            params[f"{name}__filename"] = params.pop(f"{attached}__filename", "")
    return params


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(error: ApiError) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
    if error.retry_after is not None:
        body["parameters"] = {"retry_after": error.retry_after}
    return web.json_response(body, status=error.code)
