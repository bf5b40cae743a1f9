"""The message catalogs: all user-facing text, one module per language.

`t(lang, key, **params)` renders a message. Parameters are HTML-escaped unless wrapped in `Html`,
so user text (titles, niches, handles, names) can never inject markup. A catalog value may be a
`Plural`, chosen by the `count` parameter.
"""

from __future__ import annotations

import html

from bot.domain.models import Language
from bot.texts import en, zh
from bot.texts.forms import Entry, Html, Plural

__all__ = ["CATALOGS", "Html", "Plural", "h", "t"]


CATALOGS: dict[Language, dict[str, Entry]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}


def _param(value: object) -> str:
    if isinstance(value, Html):
        return str(value)
    return html.escape(str(value), quote=False)


def t(lang: Language, key: str, **params: object) -> str:
    entry = CATALOGS[lang][key]
    if isinstance(entry, Plural):
        count = params.get("count")
        entry = entry.choose(count if isinstance(count, int) else 0)
    return entry.format_map({name: _param(value) for name, value in params.items()})


def h(lang: Language, key: str, **params: object) -> Html:
    """`t` for a fragment that will be embedded in another message."""
    return Html(t(lang, key, **params))
