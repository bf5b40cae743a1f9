"""`/share` in private: what a member lets their rooms see, with a button to flip each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from telegram import InlineKeyboardMarkup

from bot.domain.models import Language, Sharing
from bot.domain.rooms import Shareable
from bot.render.callbacks import ButtonData
from bot.render.keyboards import btn, markup
from bot.texts import t


@dataclass(frozen=True)
class ShareToggle(ButtonData):
    """Flip one thing a member shares: `1|share|<streaks|posts|followers|handles>`."""

    action: ClassVar[str] = "share"
    what: Shareable


def share_text(lang: Language, sharing: Sharing) -> str:
    return t(
        lang, "share.show", **{item.value: _state(lang, item.of(sharing)) for item in Shareable}
    )


def share_keyboard(lang: Language, sharing: Sharing) -> InlineKeyboardMarkup:
    return markup(
        [
            [
                btn(
                    t(lang, f"btn.share_{item}", state=_state(lang, item.of(sharing))),
                    ShareToggle(item),
                )
            ]
            for item in Shareable
        ]
    )


def _state(lang: Language, on: bool) -> str:
    return t(lang, "word.on" if on else "word.off")
