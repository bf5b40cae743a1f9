"""The two catalogs must say the same things: same keys, same placeholders, valid Telegram HTML."""

from __future__ import annotations

import string

import pytest

from bot.fakeapi.rules import check_html
from bot.texts import CATALOGS, Html, Plural, t
from bot.texts.forms import Entry


def forms(entry: Entry) -> list[str]:
    return [entry.one, entry.other] if isinstance(entry, Plural) else [entry]


def placeholders(entry: Entry) -> set[str]:
    return {
        name for text in forms(entry) for _, name, _, _ in string.Formatter().parse(text) if name
    }


def test_every_key_exists_in_every_language() -> None:
    english, chinese = set(CATALOGS["en"]), set(CATALOGS["zh"])
    assert english - chinese == set(), "missing in Chinese"
    assert chinese - english == set(), "missing in English"


@pytest.mark.parametrize("key", sorted(CATALOGS["en"]))
def test_placeholders_match_and_html_is_valid(key: str) -> None:
    assert placeholders(CATALOGS["en"][key]) == placeholders(CATALOGS["zh"][key])
    for lang in CATALOGS:
        params: dict[str, object] = dict.fromkeys(placeholders(CATALOGS[lang][key]), "<x & y>")
        params["count"] = 2
        check_html(t(lang, key, **params))  # user-supplied values are escaped


def test_params_are_escaped_unless_marked_html() -> None:
    assert t("en", "niche.set", niche="<b>") == "Niche: &lt;b&gt;"
    assert t("en", "niche.set", niche=Html("<b>x</b>")) == "Niche: <b>x</b>"
    assert t("en", "streak.days", count=1) == "1 day"
    assert t("zh", "streak.days", count=3) == "3 天"
