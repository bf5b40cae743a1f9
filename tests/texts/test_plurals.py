"""Every catalog entry that shows a count reads right for 0, 1 and 2 ("1 save", "2 saves").

Each entry is rendered in both languages with every count-like placeholder (and `count`, which
callers pass with the number that governs the noun) set to 0, 1 and 2; the English text must not
say "1 saves" or "2 save". A new entry that says "{n} things" without a `Plural` fails here.
"""

from __future__ import annotations

import re
import string

import pytest

from bot.texts import CATALOGS, Html, Plural, t
from bot.texts.forms import Entry

# Placeholders that carry a number of things (the others get a neutral word).
COUNT_LIKE = frozenset(
    {
        *("count", "days", "done", "hits", "posts", "rows", "saves", "target", "threshold"),
        *("tables", "members", "months", "month_days", "followers", "left", "limit", "maximum"),
        *("per_post", "pairs", "total", "mutual", "day", "high", "low", "value", "streak"),
        *("growth", "best", "rank", "score", "percent", "of"),
    }
)
NOUNS = (
    *("save", "post", "day", "row", "hit", "follower", "member", "table", "month", "person"),
    *("time", "nudge", "like", "view", "comment", "share", "week", "pair", "tag", "platform"),
    *("entry", "count", "streak", "cheer", "buddy", "character"),
)
IRREGULAR = {"person": "people", "entry": "entries", "buddy": "buddies"}
PLURALS = [IRREGULAR.get(noun, noun + "s") for noun in NOUNS]
ONE_WITH_PLURAL = re.compile(rf"(?<![\d.,])1 (?:[a-z]+ )?({'|'.join(PLURALS)})(?![-\w])")
MANY_WITH_SINGULAR = re.compile(rf"(?<![\d.,])[02] ({'|'.join(NOUNS)})(?![-\w])")


def _forms(entry: Entry) -> list[str]:
    return [entry.one, entry.other] if isinstance(entry, Plural) else [entry]


def _placeholders(entry: Entry) -> set[str]:
    return {
        name for form in _forms(entry) for _, name, _, _ in string.Formatter().parse(form) if name
    }


COUNTED = sorted(key for key, entry in CATALOGS["en"].items() if _placeholders(entry) & COUNT_LIKE)


def test_the_check_finds_the_counted_entries() -> None:
    assert len(COUNTED) > 40
    assert ONE_WITH_PLURAL.search("1 saves")
    assert MANY_WITH_SINGULAR.search("2 save")
    assert not ONE_WITH_PLURAL.search("1 save")
    assert not MANY_WITH_SINGULAR.search("2 member-days")


@pytest.mark.parametrize("key", COUNTED)
@pytest.mark.parametrize("n", [0, 1, 2])
def test_every_counted_entry_agrees_with_its_count(key: str, n: int) -> None:
    names = _placeholders(CATALOGS["en"][key]) | _placeholders(CATALOGS["zh"][key])
    params: dict[str, object] = {name: n if name in COUNT_LIKE else Html("X") for name in names}
    params["count"] = n
    english = t("en", key, **params)
    wrong = (ONE_WITH_PLURAL if n == 1 else MANY_WITH_SINGULAR).search(english)
    assert wrong is None, f"{key} with {n}: {english!r}"
    assert t("zh", key, **params)
