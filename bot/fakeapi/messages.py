"""What the fake Bot API records: every call, and every message in every chat."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.fakeapi.rules import ApiError


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when the call arrived
    result: Any = None  # what the server answered, once it has
    error: ApiError | None = None
    answered: float | None = None  # time.monotonic() when its answer left (after any latency)


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
class Chat:
    next_message_id: int = 1
    messages: dict[int, StoredMessage] = field(default_factory=dict)
