"""What Telegram enforces and the fake Bot API checks too: message and button sizes, the HTML it
can parse, the shape of a keyboard. A bug that breaks one of these rules fails a test here rather
than a send in production."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

MAX_MESSAGE = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_ALERT = 200

_TAGS = ("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
         "tg-spoiler", "span", "blockquote", "tg-emoji")  # fmt: skip
_TAG = re.compile(r"<(/?)([a-z-]+)(\s[^<>]*)?>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
# Telegram refuses to answer a button press this many seconds after the tap, with STALE_QUERY.
# The Bot API does not document the limit; reports (Telethon, pyTelegramBotAPI threads) put it at
# roughly 10-15 s, so the fake takes the upper end: a bot that answers within it always passes.
QUERY_ANSWER_TIMEOUT = 15.0
STALE_QUERY = "Bad Request: query is too old and response timeout expired or query id is invalid"


class ApiError(Exception):
    """An answer with `ok: false`, as Telegram sends it."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


def utf16_length(text: str) -> int:
    """Telegram counts text in UTF-16 code units: an emoji or a 𝓜 is two."""
    return len(text.encode("utf-16-le")) // 2


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


def chat_id_of(params: dict[str, Any]) -> int:
    value = params.get("chat_id")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, "Bad Request: chat not found")
    return value


def checked_markup(markup: Any) -> dict[str, Any] | None:
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
