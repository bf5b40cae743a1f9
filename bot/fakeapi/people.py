"""Who talks to the bot in the fake Telegram: people, the chats they write in, and the placeholder
senders Telegram puts on messages sent anonymously by a group's admin or as a channel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ANONYMOUS_ADMIN = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
# Telegram's placeholder sender of every message posted "as a channel", whoever's channel it is.
CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel", "username": "Channel_Bot"}


@dataclass(frozen=True)
class Person:
    user_id: int
    first_name: str
    username: str | None = None
    language_code: str | None = "en"

    def as_api(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            user["username"] = self.username
        if self.language_code:
            user["language_code"] = self.language_code
        return user


def channel_chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "channel", "title": f"Channel {-chat_id}"}


def chat_of(chat_id: int, person: Person, titles: dict[int, str] | None = None) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": person.first_name}
    title = (titles or {}).get(chat_id, f"Group {-chat_id}")
    return {"id": chat_id, "type": "supergroup", "title": title}
