"""The shapes a catalog entry can take."""

from __future__ import annotations

from dataclasses import dataclass


class Html(str):
    """A fragment that is already safe HTML (built from escaped parts)."""

    __slots__ = ()


@dataclass(frozen=True)
class Plural:
    one: str
    other: str

    def choose(self, count: int) -> str:
        return self.one if count == 1 else self.other


Entry = str | Plural
