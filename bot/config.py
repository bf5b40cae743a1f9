"""Settings, read from the environment and `.env` (see `.env.example` for every one)."""

from __future__ import annotations

import hashlib
import hmac
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

# Telegram's rule for a webhook's secret_token: 1-256 characters, A-Z a-z 0-9 _ -.
_SECRET_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LogFormat = Literal["text", "json"]
HttpTransport = Literal["aiohttp", "httpx"]


def _valid_timezone(value: str) -> str:
    try:
        return parse_timezone(value).name
    except TimezoneError as exc:
        raise ValueError(
            f"unknown timezone {value!r}; use an IANA name like Asia/Shanghai"
        ) from exc


class StorageSettings(BaseSettings):
    """Where the data lives and how it is backed up: all that `postpact backup` and `postpact
    restore` need, so they run without a token."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    database_path: Path = Field(default=Path("data/postpact.sqlite3"))
    backup_dir: Path | None = Field(
        default=None,
        description="Where the daily backup goes (created if missing); unset: no daily backup.",
    )
    backup_keep: int = Field(
        default=7, ge=1, le=365, description="How many daily backups BACKUP_DIR keeps."
    )
    backup_hour: int = Field(
        default=3, ge=0, le=23, description="The hour (UTC) the daily backup is taken."
    )

    @field_validator("database_path", mode="before")
    @classmethod
    def _names_a_file(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            raise ValueError("is empty: name a file, such as data/postpact.sqlite3")
        return value

    @field_validator("backup_dir", mode="before")
    @classmethod
    def _empty_is_off(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


class Settings(StorageSettings):
    bot_token: SecretStr = Field(description="The token @BotFather gave you.")
    bot_api_base_url: str = Field(
        default="https://api.telegram.org/bot",
        description="Bot API base URL; the token is appended. Point it at a local Bot API server.",
    )
    log_level: LogLevel = "INFO"
    log_format: LogFormat = Field(
        default="text", description="text for people, json (one object per line) for shippers."
    )
    http_transport: HttpTransport = Field(
        default="aiohttp",
        description="aiohttp (fast), or httpx: PTB's own, for its proxy support.",
    )
    metrics_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="Serve /healthz, /readyz and /metrics on this port; unset: no port opened.",
    )
    # Loopback by default: the numbers say how many people use the bot, and nothing outside the
    # machine needs them unless the operator says so (the container image listens on 0.0.0.0).
    metrics_listen: str = Field(
        default="127.0.0.1", description="The address METRICS_PORT listens on."
    )
    default_timezone: Annotated[str, AfterValidator(_valid_timezone)] = "UTC"
    # Declared before the rate: the rate's check reads it.
    paid_broadcast: bool = Field(
        default=False,
        description="Allow SEND_RATE_PER_SECOND above 30: Telegram's paid broadcasts (Stars).",
    )
    send_rate_per_second: float = Field(
        default=30.0,
        ge=1,
        le=PAID_BROADCAST_LIMIT,
        allow_inf_nan=False,
        description="All messages per second, replies first, bulk what is left. Telegram: ~30.",
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

    # Webhooks (unset URL: long polling). See the README's "Webhooks".
    webhook_url: str = Field(
        default="",
        description="The public https URL Telegram posts updates to; empty: long polling.",
    )
    webhook_listen: str = Field(default="0.0.0.0", min_length=1)
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr = Field(
        default=SecretStr(""),
        description="Telegram's secret_token; empty: derived from the token.",
    )
    webhook_max_connections: int = Field(default=40, ge=1, le=100)

    @property
    def webhook_secret_token(self) -> str:
        """The secret Telegram sends with every webhook request. Unset, it is derived from the
        token (an HMAC, so it never reveals the token): the same on every start and on every
        instance of one bot, so a restart or a second instance during a deploy never refuses
        the requests Telegram already has in flight, and there is nothing more to configure."""
        chosen = self.webhook_secret.get_secret_value()
        if chosen:
            return chosen
        token = self.bot_token.get_secret_value().encode()
        return hmac.new(token, b"postpact-webhook", hashlib.sha256).hexdigest()

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url_shape(cls, value: str) -> str:
        value = value.strip()
        if value and not re.match(r"^https?://[^\s/]+(/[^\s?#]*)?$", value):
            raise ValueError(
                "must be the public URL Telegram posts to, such as https://bot.example.com/telegram"
            )
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr) -> SecretStr:
        # Like the token's, the message never echoes the value.
        secret = value.get_secret_value().strip()
        if secret and not _SECRET_SHAPE.match(secret):
            raise ValueError("must be 1 to 256 characters: letters, digits, _ and -")
        return SecretStr(secret)

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

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_format", "http_transport", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("metrics_port", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        # `METRICS_PORT=` in .env means off, like leaving it out.
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("metrics_listen")
    @classmethod
    def _an_address(cls, value: str) -> str:
        if not value.strip() or any(c.isspace() for c in value.strip()):
            raise ValueError("must be an address such as 127.0.0.1 or 0.0.0.0")
        return value.strip()
