"""Logging set-up. The bot token must never reach a log line, at any level.

httpx logs every request URL at INFO, and Bot API URLs contain the token, so httpx is quietened and,
as a second guard, every formatted record (tracebacks included) has the token replaced.

LOG_FORMAT=json writes one JSON object per line for log shippers (time, level, logger, message,
and exc when there is a traceback), each field redacted the same way.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

REDACTED = "[BOT_TOKEN]"


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: list[str], fmt: str) -> None:
        super().__init__(fmt)
        self._secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class JsonFormatter(RedactingFormatter):
    """One event per line, as JSON: a log shipper needs no pattern to read it."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__(secrets, "%(message)s")

    def format(self, record: logging.LogRecord) -> str:
        event = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": self.redact(record.getMessage()),
        }
        if record.exc_info:
            event["exc"] = self.redact(self.formatException(record.exc_info))
        elif record.exc_text:
            event["exc"] = self.redact(record.exc_text)
        # The whole line is redacted once more: a secret can't hide in a field added later.
        return self.redact(json.dumps(event, ensure_ascii=False))


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def formatter_for(log_format: str, secrets: list[str]) -> logging.Formatter:
    if log_format == "json":
        return JsonFormatter(secrets)
    return RedactingFormatter(secrets, TEXT_FORMAT)


def configure_logging(level: str, secrets: list[str], log_format: str = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter_for(log_format, secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    # PTB logs an answer it can't read as JSON with a traceback and the whole body, then raises
    # it as an error the bot reports in one line (at start-up) or retries (polling).
    logging.getLogger("telegram.request.BaseRequest").setLevel(logging.CRITICAL)
