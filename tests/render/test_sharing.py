"""/share's view and its buttons, from a member's sharing choices."""

from __future__ import annotations

from bot.domain.models import Sharing
from bot.domain.rooms import Shareable
from bot.render.callbacks import Callback
from bot.render.sharing import ShareToggle, share_keyboard, share_text


def test_what_the_rooms_see_in_both_languages() -> None:
    sharing = Sharing(streaks=True, posts=False, followers=True, handles=False)
    assert share_text("en", sharing).splitlines()[:5] == [
        "👀 <b>What your rooms see</b>",
        "Streaks: on",
        "Posts and days posted: off",
        "Follower counts: on",
        "Handles: off",
    ]
    buttons = share_keyboard("zh", sharing).inline_keyboard
    assert [(row[0].text, row[0].callback_data) for row in buttons] == [
        ("连续天数：开", "1|share|streaks"),
        ("发布：关", "1|share|posts"),
        ("粉丝数：开", "1|share|followers"),
        ("账号：关", "1|share|handles"),
    ]


def test_the_largest_share_button_fits_and_reads_back() -> None:
    largest = ShareToggle(max(Shareable, key=lambda item: len(item.value)))
    data = largest.encode()
    assert data == "1|share|followers"
    assert len(data.encode()) <= 64
    decoded = Callback.decode(data)
    assert decoded is not None
    assert ShareToggle.decode(decoded.args) == largest
