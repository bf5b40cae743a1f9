"""Every reply goes out through `answer`, which splits a long text: parts between lines, the
buttons on the last part, and a button press edits its message into the first part."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from telegram import (
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)

from bot.features.base import answer

WHEN = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
CHAT = Chat(-100555, "supergroup", title="Room")
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("👏 Cheer", callback_data="1|cheer|1")]])
LONG = "\n".join(f"{n:04d} " + "𝓜" * 100 for n in range(60))  # 60 lines of 205 UTF-16 units


class RecordingBot:
    """Just enough of a Bot for `Message.reply_text` and `edit_text`: it records each call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, Any, Any]] = []
        self.next_id = 100

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> Message:
        quoted = kwargs.get("reply_parameters")
        self.calls.append(("send", text, kwargs.get("reply_markup"), quoted))
        return self._message(text)

    async def edit_message_text(self, text: str, **kwargs: Any) -> Message:
        self.calls.append(("edit", text, kwargs.get("reply_markup"), None))
        return self._message(text)

    def _message(self, text: str) -> Message:
        self.next_id += 1
        return Message(self.next_id, WHEN, CHAT, text=text)


def command(bot: RecordingBot) -> Update:
    message = Message(1, WHEN, CHAT, from_user=User(7, "Maya", False), text="/board")
    message.set_bot(bot)  # type: ignore[arg-type]
    return Update(1, message=message)


def press(bot: RecordingBot) -> Update:
    message = Message(2, WHEN, CHAT, from_user=User(9, "bot", True), text="old")
    message.set_bot(bot)  # type: ignore[arg-type]
    query = CallbackQuery("q", User(7, "Maya", False), "c", message=message, data="1|x")
    query.set_bot(bot)  # type: ignore[arg-type]
    return Update(2, callback_query=query)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def test_a_long_reply_goes_out_in_parts_with_the_buttons_on_the_last() -> None:
    bot = RecordingBot()
    sent = await answer(command(bot), LONG, KEYBOARD)
    assert [kind for kind, *_ in bot.calls] == ["send"] * 4
    assert all(utf16(text) <= 4096 for _, text, _, _ in bot.calls)
    assert "\n".join(text for _, text, _, _ in bot.calls) == LONG
    assert [markup for _, _, markup, _ in bot.calls] == [None, None, None, KEYBOARD]
    assert bot.calls[0][3] is not None  # the first part answers the command (quoted in a group)
    assert all(quoted is None for *_, quoted in bot.calls[1:])
    assert sent is not None
    assert sent.text == bot.calls[-1][1]


async def test_a_press_edits_its_message_into_the_first_part_and_sends_the_rest() -> None:
    bot = RecordingBot()
    await answer(press(bot), LONG, KEYBOARD)
    assert [kind for kind, *_ in bot.calls] == ["edit", "send", "send", "send"]
    assert bot.calls[0][2] is None  # no stale buttons left on the first part
    assert bot.calls[-1][2] == KEYBOARD


async def test_a_reply_that_fits_is_one_message_with_its_buttons() -> None:
    bot = RecordingBot()
    await answer(command(bot), "Short", KEYBOARD)
    assert [(kind, text, markup) for kind, text, markup, _ in bot.calls] == [
        ("send", "Short", KEYBOARD)
    ]
