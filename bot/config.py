"""Settings, read from the environment and `.env` (see `.env.example` for every one)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.domain.timezones import TimezoneError, parse_timezone

_TOKEN_SHAPE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{5,100}$")

# Telegram's broadcast limits: about 30 messages/s free, up to 1,000/s as paid broadcasts.
FREE_SEND_LIMIT = 30
PAID_BROADCAST_LIMIT = 1000

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


def _valid_timezone(value: str) -> str:
    try:
        return parse_timezone(value).name
    except TimezoneError as exc:
        raise ValueError(
            f"unknown timezone {value!r}; use an IANA name like Asia/Shanghai"
        ) from exc


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    bot_token: SecretStr = Field(description="The token @BotFather gave you.")
    bot_api_base_url: str = Field(
        default="https://api.telegram.org/bot",
        description="Bot API base URL; the token is appended. Point it at a local Bot API server.",
    )
    database_path: Path = Field(default=Path("data/postpact.sqlite3"))
    log_level: LogLevel = "INFO"
    default_timezone: Annotated[str, AfterValidator(_valid_timezone)] = "UTC"
    # Declared before the rate: the rate's check reads it.
    paid_broadcast: bool = Field(
        default=False,
        description="Allow SEND_RATE_PER_SECOND above 30: Telegram's paid broadcasts (Stars).",
    )
    send_rate_per_second: float = Field(
        default=25.0,
        ge=1,
        le=PAID_BROADCAST_LIMIT,
        allow_inf_nan=False,
        description="Proactive messages per second, overall. Telegram allows about 30.",
    )
    sweep_interval_seconds: float = Field(
        default=30.0,
        ge=1,
        le=600,
        description="How often the scheduler looks for due nudges, follow-ups and reviews.",
    )

    # Per-user limits: a flood from one user must not slow the bot down for everyone else.
    user_burst: int = Field(
        default=20,
        ge=1,
        le=1_000_000,
        description="Commands and button presses one user may send at once, before the rate.",
    )
    user_rate_per_second: float = Field(
        default=1.0,
        ge=0.01,
        le=1_000_000,
        description="After the burst, how many per second one user may send (real time).",
    )
    posts_per_day: int = Field(
        default=200, ge=1, le=1_000_000, description="Posts one user may log in their local day."
    )
    follower_counts_per_day: int = Field(
        default=50,
        ge=1,
        le=1_000_000,
        description="Follower counts one user may record in their local day.",
    )

    # The bot's operators: `/admin` answers them, in private, and nobody else.
    owner_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(),
        description="Telegram user ids (comma-separated) who may use /admin in private.",
    )

    @field_validator("owner_ids", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        """`123, 456` as the environment writes it; each a positive whole number."""
        if not isinstance(value, str):
            return value
        ids = [part.strip() for part in value.split(",") if part.strip()]
        for typed in ids:
            if not (typed.isascii() and typed.isdigit()) or int(typed) == 0:
                raise ValueError(
                    f"{typed[:20]!r} is not a Telegram user id (a positive whole number such as"
                    " 123456789; ask @userinfobot for yours)"
                )
        return frozenset(int(typed) for typed in ids)

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        # The message deliberately never echoes the value: it is a secret.
        if not _TOKEN_SHAPE.match(value.get_secret_value().strip()):
            raise ValueError(
                "does not look like a bot token (expected digits:letters from @BotFather)"
            )
        return SecretStr(value.get_secret_value().strip())

    @field_validator("send_rate_per_second")
    @classmethod
    def _free_rate(cls, value: float, info: ValidationInfo) -> float:
        if value > FREE_SEND_LIMIT and not info.data.get("paid_broadcast"):
            raise ValueError(
                f"Telegram allows about {FREE_SEND_LIMIT} messages per second; more needs"
                " PAID_BROADCAST=true (Telegram then charges Stars per message)"
            )
        return value

    @field_validator("bot_api_base_url")
    @classmethod
    def _url_shape(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s]+$", value):
            raise ValueError("must be an http(s) URL such as https://api.telegram.org/bot")
        return value

    @field_validator("database_path", mode="before")
    @classmethod
    def _names_a_file(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            raise ValueError("is empty: name a file, such as data/postpact.sqlite3")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value
