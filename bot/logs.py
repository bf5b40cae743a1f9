"""Logging set-up. The bot token must never reach a log line, at any level.

httpx logs every request URL at INFO, and Bot API URLs contain the token, so httpx is quietened and,
as a second guard, every formatted record (tracebacks included) has the token replaced.
"""

from __future__ import annotations

import logging
import sys

REDACTED = "[BOT_TOKEN]"


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: list[str], fmt: str) -> None:
        super().__init__(fmt)
        self._secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def configure_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        RedactingFormatter(secrets, "%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    # PTB logs an answer it can't read as JSON with a traceback and the whole body, then raises
    # it as an error the bot reports in one line (at start-up) or retries (polling).
    logging.getLogger("telegram.request.BaseRequest").setLevel(logging.CRITICAL)
