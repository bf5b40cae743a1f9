"""What rooms are sent on their own: the daily digest, the weekly summary (Mondays), the monthly
review (the 1st), and — in private, batched — the cheers an author's check-ins got. The sweeps
find what is due and claim it; the composers write each when its turn in the outbox comes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from bot.domain.deliveries import DayPeriod, DeliveryKind, KeyPeriod
from bot.domain.digests import (
    cheered_posts,
    due_sends,
    next_digest_at,
    room_day,
    room_period,
    summary_period,
)
from bot.features.base import Feature
from bot.features.rooms.buddies import pair_week
from bot.outbound import Compose, Outbox, Outgoing
from bot.pictures.drawing import draw_room_card
from bot.pictures.room_card import RoomCard
from bot.render.digests import cheers_messages, digest_messages, room_card, summary_messages
from bot.services import Services
from bot.store import Store
from bot.store.deliveries import Delivery
from bot.sweeps import Sweep

log = logging.getLogger(__name__)

# Cheers are told to the author in one message per this window, not one per cheer.
CHEER_BATCH = timedelta(minutes=5)
# Rooms (and authors) handled per sweep; the rest wait for the next one.
SWEEP_BATCH = 500


class Digests(Feature):
    def __init__(
        self, services: Services, outbox: Outbox, bot_name: Callable[[], str | None] = str
    ) -> None:
        super().__init__(services)
        self.outbox = outbox
        self.bot_name = bot_name

    def composers(self) -> dict[DeliveryKind, Compose]:
        return {
            DeliveryKind.DIGEST: self.compose_digest,
            DeliveryKind.WEEKLY: self.compose_summary,
            DeliveryKind.MONTHLY: self.compose_summary,
            DeliveryKind.CHEERS: self.compose_cheers,
        }

    def sweeps(self) -> dict[str, Sweep]:
        return {"digests": self.sweep_digests, "cheers": self.sweep_cheers}

    async def sweep_digests(self) -> int:
        """Each room whose digest time came gets what it is owed (see `due_sends`)."""
        now = self.services.clock.now()
        queued = 0
        for chat_id, at in await self.store.rooms.due_digests(now, SWEEP_BATCH):
            group = await self.store.rooms.get(chat_id)
            if group is None:
                continue
            due = due_sends(group, at, now)
            if due.pair_week is not None:
                await pair_week(self.store, group, due.pair_week)
            for kind, about in due.claims:
                delivery = await self.store.deliveries.claim(chat_id, kind, about, now)
                if delivery is not None:
                    self.outbox.put(delivery)
                    queued += 1
            await self.store.rooms.set_next_digest(chat_id, next_digest_at(group, now))
        return queued

    async def compose_digest(self, delivery: Delivery) -> Outgoing | None:
        group = await self.store.rooms.get(delivery.chat_id)
        about = DayPeriod.decode(delivery.period)
        if group is None or not group.active or about is None:
            return None
        members = await self.store.rooms.room_members(group.chat_id)
        digest = room_day(members, about.day, group.mention_missing)
        if digest is None:
            return None
        parts = digest_messages(group.language or "en", group.title, digest)
        return Outgoing(group.chat_id, parts[0], more=tuple(parts[1:]), thread_id=group.topic_id)

    async def compose_summary(self, delivery: Delivery) -> Outgoing | None:
        """The weekly summary and the monthly review."""
        group = await self.store.rooms.get(delivery.chat_id)
        period = summary_period(delivery.kind, delivery.period)
        if group is None or not group.active or period is None:
            return None
        weekly = delivery.kind is DeliveryKind.WEEKLY
        members = await self.store.rooms.room_members(group.chat_id)
        follows = await self.store.rooms.follows_among(group.chat_id) if weekly else []
        summary = room_period(group, members, period, weekly, follows)
        if summary is None:
            return None
        lang = group.language or "en"
        parts = summary_messages(lang, group.title, summary)
        card = (
            await self._card_png(room_card(lang, group.title, summary, self.bot_name()))
            if weekly
            else None
        )
        return Outgoing(
            group.chat_id, parts[0], more=tuple(parts[1:]), thread_id=group.topic_id, photo=card
        )

    async def _card_png(self, card: RoomCard) -> bytes | None:
        """The weekly card, drawn in the worker process (a fifth of a second of pure Python: in a
        thread it would still hold the event loop's lock). The card only adorns the summary: if
        drawing fails, the room still gets the summary's text."""
        try:
            return await self.in_worker(room_card_png, card)
        except Exception:
            log.exception("the weekly card could not be drawn: the summary goes without it")
            return None

    async def sweep_cheers(self) -> int:
        """Cheers older than the batching window, one notice per author."""
        now = self.services.clock.now()
        before = now - CHEER_BATCH
        queued = 0
        for author in await self.store.rooms.authors_with_untold_cheers(before, SWEEP_BATCH):
            notice = f"{now:%Y%m%dT%H%M%S}"
            await self.store.rooms.tell_cheers(author, before, notice)
            profile = await self.store.users.get(author)
            if profile is None or not profile.private_chat:
                continue  # nowhere to tell them; the cheers still show on the check-in
            delivery = await self.store.deliveries.claim(
                author, DeliveryKind.CHEERS, KeyPeriod(notice), now
            )
            if delivery is not None:
                self.outbox.put(delivery)
                queued += 1
        return queued

    async def compose_cheers(self, delivery: Delivery) -> Outgoing | None:
        profile = await self.store.users.get(delivery.chat_id)
        cheers = await self.store.rooms.cheers_in_notice(delivery.chat_id, delivery.period)
        if profile is None or not cheers:
            return None
        lang = profile.lang
        parts = cheers_messages(lang, cheered_posts(cheers))
        return Outgoing(profile.user_id, parts[0], more=tuple(parts[1:]))


async def room_card_png(_store: Store, card: RoomCard) -> bytes:
    """The job: the card's values come in drawn (a worker job is handed a store; this one needs
    none of it)."""
    return draw_room_card(card)
