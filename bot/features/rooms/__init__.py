"""Group accountability rooms, one module per thing a room does:

- `membership`: the bot added to or removed from a group, migration, `/join`, `/leave`, `/help`
- `checkins`: `/post` in the room and the cheer button
- `board`: `/board`, `/mutual`, `/followed`
- `buddies`: `/buddy` and the weekly pairing
- `settings`: `/groupsettings`, `/groupgoal` (admins)
- `digests`: the daily digest, weekly summary, monthly review and cheers told in private

What a member lets rooms see is set in private, with `/share` (`features.sharing`). The messages
are written in `render.rooms` and `render.digests`, their decisions made in `domain.rooms` and
`domain.digests`. `RoomsFeature` gathers the parts for the composition root.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.deliveries import DeliveryKind
from bot.features.base import Feature
from bot.features.commands import AnyHandler
from bot.features.rooms.board import Board
from bot.features.rooms.buddies import RoomBuddies
from bot.features.rooms.checkins import RoomCheckins
from bot.features.rooms.digests import Digests
from bot.features.rooms.membership import Membership
from bot.features.rooms.settings import RoomSettings
from bot.outbound import Compose, Outbox
from bot.services import Services
from bot.services.posting import PostLog
from bot.sweeps import Sweep

__all__ = ["RoomsFeature"]


class RoomsFeature(Feature):
    """Every part of the rooms, as one feature for the application."""

    def __init__(
        self,
        services: Services,
        outbox: Outbox,
        posts: PostLog,
        bot_name: Callable[[], str | None] = str,
    ) -> None:
        """`bot_name`: the bot's @username once known, for the weekly card's footer."""
        super().__init__(services)
        self.membership = Membership(services)
        self.digests = Digests(services, outbox, bot_name)
        self.commands = (
            self.membership,
            RoomCheckins(services, posts),
            Board(services),
            RoomBuddies(services),
            RoomSettings(services),
        )

    def handlers(self) -> list[AnyHandler]:
        return [handler for part in self.commands for handler in part.handlers()]

    def channel_guard(self, room_commands: frozenset[str]) -> AnyHandler:
        """Messages sent as a channel, refused before any feature sees them (see app.py)."""
        return self.membership.channel_guard(room_commands)

    def membership_handler(self) -> AnyHandler:
        """The bot added to or removed from a group (runs beside the private one, see app.py)."""
        return self.membership.bot_membership_handler()

    def composers(self) -> dict[DeliveryKind, Compose]:
        return self.digests.composers()

    def sweeps(self) -> dict[str, Sweep]:
        return self.digests.sweeps()
