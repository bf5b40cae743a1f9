"""The in-tree fake Telegram Bot API: tests, the sandbox and benchmarks run the real bot on it."""

from bot.fakeapi.messages import Call, StoredMessage
from bot.fakeapi.people import Person
from bot.fakeapi.rules import ApiError
from bot.fakeapi.server import FakeBotApi
from bot.fakeapi.session import Exchange, Session

__all__ = ["ApiError", "Call", "Exchange", "FakeBotApi", "Person", "Session", "StoredMessage"]
