"""The message catalogs: all user-facing text, one module per language.

`t(lang, key, **params)` renders a message. Parameters are HTML-escaped unless wrapped in `Html`,
so user text (titles, niches, handles, names) can never inject markup; and shown without
invisible control and format characters (`shown`), so a name's right-to-left override or
zero-width space can never reorder or hide the text around it. A catalog value may be a
`Plural`, chosen by the `count` parameter.
"""

from __future__ import annotations

import html

from bot.domain.models import Language
from bot.domain.parsing import without_controls
from bot.texts import en, zh
from bot.texts.forms import Entry, Html, Plural

__all__ = ["CATALOGS", "Html", "Plural", "h", "shown", "t"]


CATALOGS: dict[Language, dict[str, Entry]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}


def shown(text: str) -> str:
    """User text as every message shows it: without invisible characters, HTML-escaped."""
    return html.escape(without_controls(text), quote=False)


def _param(value: object) -> str:
    if isinstance(value, Html):
        return str(value)
    return shown(str(value))


def t(lang: Language, key: str, **params: object) -> str:
    entry = CATALOGS[lang][key]
    if isinstance(entry, Plural):
        count = params.get("count")
        entry = entry.choose(count if isinstance(count, int) else 0)
    return entry.format_map({name: _param(value) for name, value in params.items()})


def h(lang: Language, key: str, **params: object) -> Html:
    """`t` for a fragment that will be embedded in another message."""
    return Html(t(lang, key, **params))
