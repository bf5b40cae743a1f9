"""The Bot API's wire format: how PTB sends parameters, and the JSON Telegram answers with."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from bot.fakeapi.rules import ApiError

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


async def read_params(request: web.Request) -> dict[str, Any]:
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


def ok_answer(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def error_answer(error: ApiError) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
    if error.retry_after is not None:
        body["parameters"] = {"retry_after": error.retry_after}
    return web.json_response(body, status=error.code)
