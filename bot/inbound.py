"""How updates arrive: by long polling (WEBHOOK_URL unset, `bot.polling`), or by webhook, Telegram
POSTing each update to us.

For the webhook an aiohttp server (the framework the project already has; PTB's own webhook
server would bring tornado) listens on WEBHOOK_LISTEN:WEBHOOK_PORT at the path of WEBHOOK_URL.
Every update goes through the application's own update processor, so it meets exactly what a
polled update meets: each user's updates in order, each update handled once (`bot.ordering`).

Telegram counts an update as delivered when it gets a 2xx. So the answer is sent only after the
update was handled: a crash or a lost connection mid-update makes Telegram send it again, and the
record of handled updates makes that harmless. A handler's own error still answers 200: the error
handler logged it and told the user, and a resend would only fail the same way, forever.

What does not live here: health and metrics, and what happens to an update once it arrived.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.config import Settings
from bot.metrics import Metrics
from bot.polling import Poller
from bot.store.inbox import Inbox

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# How long a stop waits for updates being handled before it gives up on them (Telegram resends).
STOP_GRACE_SECONDS = 10.0
# How long the start waits for the updates Telegram held to be handled before it starts sending
# on its own (see `Poller.caught_up`).
BACKLOG_SECONDS = 10.0


BotApp = Application[Any, Any, Any, Any, Any, Any]


class Inbound:
    """Starts and stops whichever way updates arrive."""

    def __init__(
        self,
        application: BotApp,
        settings: Settings,
        poll_timeout: int,
        metrics: Metrics,
        inbox: Inbox,
    ) -> None:
        self.application = application
        self.metrics = metrics
        self.inbox = inbox
        self.settings = settings
        self.poll_timeout = poll_timeout
        self.webhook: WebhookServer | None = None
        self.poller: Poller | None = None

    async def start(self) -> None:
        """Polling removes a webhook an earlier run left (else Telegram refuses getUpdates);
        a webhook is set with the same update kinds polling asks for. Neither drops the
        updates Telegram holds: they were sent to us and are owed an answer."""
        settings, bot = self.settings, self.application.bot
        if not settings.webhook_url:
            self.poller = Poller(self.application, self.poll_timeout, self.inbox)
            await self.poller.start()
            return
        secret = settings.webhook_secret_token
        path = path_of(settings.webhook_url)
        self.webhook = WebhookServer(self.application, secret, path, self.metrics)
        host, port = settings.webhook_listen, settings.webhook_port
        try:
            await self.webhook.start(host, port)
        except OSError as error:
            raise CannotListenError(
                f"cannot listen on WEBHOOK_LISTEN:WEBHOOK_PORT {host}:{port} for the webhook"
                f" ({error.strerror or type(error).__name__})"
            ) from None
        await bot.set_webhook(
            settings.webhook_url,
            max_connections=settings.webhook_max_connections,
            allowed_updates=Update.ALL_TYPES,
            drop_pending_updates=False,
            secret_token=secret,
        )

    async def caught_up(self, stopping: asyncio.Event | None = None) -> None:
        """Return once what Telegram held at the start is handled (by long polling; within
        BACKLOG_SECONDS at most). A webhook can't tell: Telegram pushes its backlog at its own
        pace, so it returns at once."""
        if self.poller is not None:
            await self.poller.caught_up(BACKLOG_SECONDS, stopping)

    async def stop(self) -> None:
        """Both finish the updates in hand (within `STOP_GRACE_SECONDS`) before anything they
        need stops. The webhook stays set at Telegram: it keeps the updates that arrive
        meanwhile for the next start."""
        if self.webhook is not None:
            await self.webhook.stop()
        if self.poller is not None:
            await self.poller.stop(STOP_GRACE_SECONDS)


class CannotListenError(Exception):
    """The webhook's address can't be served (the port is taken, the address isn't ours): a
    settings problem, told in one line."""


def path_of(url: str) -> str:
    """The path Telegram POSTs to: the webhook URL's ("/" when it has none)."""
    return urlsplit(url).path or "/"


class WebhookServer:
    """Serves one webhook path; `refused` counts requests turned away for a wrong secret."""

    def __init__(self, application: BotApp, secret: str, path: str, metrics: Metrics) -> None:
        self.application = application
        self.metrics = metrics
        self._secret = secret.encode()
        self.path = path
        self.refused = 0  # requests without the right secret: someone other than Telegram
        self.bad_requests = 0  # bodies that were not an update
        self._runner: web.AppRunner | None = None

    async def start(self, host: str, port: int) -> None:
        app = web.Application()
        app.router.add_post(self.path, self._receive)
        self._runner = web.AppRunner(
            app, access_log=None, shutdown_timeout=STOP_GRACE_SECONDS, handle_signals=False
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        log.info("receiving updates by webhook on %s:%d%s", host, port, self.path)

    async def stop(self) -> None:
        """Stop accepting, then let the requests in hand finish (their updates get handled and
        acknowledged) before the application they need stops."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        if not self._from_telegram(request):
            self.refused += 1
            self.metrics.webhook_refused.inc()
            log.warning("a webhook request without the right secret was refused")
            return web.Response(status=403)
        update = await self._update_in(request)
        if update is None:
            self.bad_requests += 1
            return web.Response(status=400)
        processor = self.application.update_processor
        try:
            await processor.process_update(update, self.application.process_update(update))
        except Exception:  # outside any handler (the error handler sees those): let it resend
            log.exception(
                "update %d could not be handled; Telegram will resend it", update.update_id
            )
            return web.Response(status=500)
        return web.Response(status=200)

    def _from_telegram(self, request: web.Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "").encode()
        return hmac.compare_digest(given, self._secret)  # constant time: no guessing by timing

    async def _update_in(self, request: web.Request) -> Update | None:
        try:
            data = json.loads(await request.read())
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                return None
            return Update.de_json(data, self.application.bot)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
