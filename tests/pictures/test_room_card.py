"""The room card, drawn from plain values in English and Chinese: a room of one, of five, of 150
members with fancy-font, emoji and 40-character names (some keeping their posts to themselves);
a goal met, not met, none; an empty week; 20,000 posts. Checked from the figure and its pixels:
1080×1350, no empty-box glyph, nothing under the smallest size, the labels present, names clipped
to their column, the goal's colour where its bar is and nowhere it shouldn't be.

Every card is also written to /tmp/pictures15/ to be looked at."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from bot.domain.digests import RoomPeriod
from bot.domain.models import Language
from bot.domain.progress import Period
from bot.domain.rooms import GroupGoalStatus, MemberView
from bot.pictures.draw.canvas import ACCENT_HEIGHT
from bot.pictures.draw.room_card import DOTS_LEFT, room_card_figure
from bot.pictures.room_card import MAX_ROWS
from bot.pictures.style import EMPTY, MET, OPEN, POSTED_SHADES
from bot.render.digests import room_card
from tests.pictures.checks import Drawn, drawn, readable, share_of, texts

WEEK = Period(date(2026, 3, 2), date(2026, 3, 8))
SHOWN = Path("/tmp/pictures15")
LANGS: tuple[Language, ...] = ("en", "zh")
WEEK_LABEL = {"en": "Week of Mar 2 – Mar 8", "zh": "3月2日 – 3月8日 这一周"}
LONG_NAME = "Alexandra Konstantinopoulou-Vanderbilt X"  # 40 characters


def member(user_id: int, name: str, days: int | None, streak: int | None = 0) -> MemberView:
    posts = None if days is None else days + days // 3
    return MemberView(user_id, name, days, posts, streak, None, 0, None, None)


def week(*members: MemberView, goal: GroupGoalStatus | None = None) -> RoomPeriod:
    shared = [m for m in members if m.days is not None]
    streaks = [m for m in members if m.streak]
    return RoomPeriod(
        period=WEEK,
        weekly=True,
        posts=sum(m.posts or 0 for m in shared),
        days=sum(m.days or 0 for m in shared),
        members=members,
        goal=goal,
        consistent=None,
        grower=None,
        follows=None,
        longest=max(streaks, key=lambda m: m.streak or 0) if streaks else None,
    )


FIVE = (
    member(1, "Maya 🌸", 7, 23),
    member(2, "Jo", 5, 4),
    member(3, "李小龙", 3, 1),
    member(4, "Kim", 0, 0),
    member(5, "Lee", None, None),  # keeps everything to himself
)
FANCY = ("𝓜𝓪𝔂𝓪 ✨", "🔥🔥🔥", LONG_NAME, "小红书博主·每日穿搭分享", "Ｆｕｌｌ Ｗｉｄｔｈ")


def big_room() -> tuple[MemberView, ...]:
    """150 members: fancy, emoji-only, 40-character and Chinese names; every 7th keeps their
    posts private; the first has a full week."""
    return tuple(
        member(n, f"{FANCY[n % len(FANCY)]} {n}", None if n % 7 == 3 else (7 - n % 8), n % 30)
        for n in range(150)
    )


def card(lang: Language, summary: RoomPeriod, title: str = "Tiny Habits Club 🌱") -> Figure:
    return room_card_figure(room_card(lang, title, summary))


def checked(figure: Figure, name: str) -> Drawn:
    """The shared checks, and the card written out to be looked at."""
    picture = drawn(figure)
    readable(figure)
    assert picture.size == (1080, 1350)
    SHOWN.mkdir(exist_ok=True)
    (SHOWN / f"{name}.png").write_bytes(picture.data)
    return picture


def patches(figure: Figure, gid: str) -> list[Patch]:
    return [p for p in figure.axes[0].patches if p.get_gid() == gid]


def region(picture: Drawn, patch: Patch) -> Drawn:
    """The pixels under `patch`, a little inside its edge."""
    box = patch.get_window_extent()
    height = picture.pixels.shape[0]
    rows = slice(height - int(box.y1) + 3, height - int(box.y0) - 3)
    columns = slice(int(box.x0) + 3, int(box.x1) - 3)
    return Drawn(b"", picture.pixels[rows, columns])


@pytest.mark.parametrize("lang", LANGS)
def test_a_room_of_five_ranked_by_days_with_its_longest_streak(lang: Language) -> None:
    goal = GroupGoalStatus("days", 5, 2, 4)
    figure = card(lang, week(*FIVE, goal=goal))
    picture = checked(figure, f"room-five-{lang}")
    shown = texts(figure)
    assert "Tiny Habits Club" in shown  # the emoji left out, not drawn as a box
    assert WEEK_LABEL[lang] in shown
    names = [s for s in shown if s in ("Maya", "Jo", "李小龙", "Kim", "Lee")]
    assert names == ["Maya", "Maya", "Jo", "李小龙", "Kim", "Lee"]  # the streak's, then ranked
    assert "23" in shown  # Maya's streak
    assert [s for s in shown if "/7" in s] == ["7/7 ✓", "5/7", "3/7", "0/7"]
    assert "—" in shown  # Lee: named, no number
    days = patches(figure, "day")
    assert len(days) == 4 * 7  # no squares for Lee
    assert all(p.get_facecolor()[:3] == to_rgb(POSTED_SHADES[2]) for p in days[:7])  # full week
    assert share_of(picture.pixels, POSTED_SHADES[1]) > 0.002


@pytest.mark.parametrize("lang", LANGS)
def test_a_150_member_room_names_the_top_twelve_and_counts_the_rest(lang: Language) -> None:
    figure = card(lang, week(*big_room()), title="𝓣𝓱𝓮 𝓒𝓻𝓮𝓪𝓽𝓸𝓻𝓼 ✨ " + "Ｌｏｎｇ " * 12)
    checked(figure, f"room-150-{lang}")
    shown = texts(figure)
    more = {"en": "+ 138 more members", "zh": "还有 138 位成员"}[lang]
    assert more in shown
    rows = [s for s in shown if "/7" in s]
    assert len(rows) == MAX_ROWS
    assert shown[1].startswith("The Creators")  # the fancy title in plain letters
    assert any(s.startswith("Maya ") for s in shown)
    assert not any("𝓜" in s or "🔥" in s for s in shown)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    long = [t for t in figure.axes[0].texts if t.get_text().startswith("Alexandra")]
    assert long, "40-character names are among the top rows"
    assert any(name.get_text().endswith("…") for name in long)  # the longest ones clipped
    for name in long:
        assert name.get_window_extent(renderer).x1 < DOTS_LEFT - 24  # never near the squares
    title = figure.axes[0].texts[1]
    assert title.get_window_extent(renderer).x1 <= 1080 - 72


@pytest.mark.parametrize("lang", LANGS)
def test_a_room_of_one_on_its_first_week(lang: Language) -> None:
    figure = card(lang, week(member(1, "Maya", 2, 2)), title="M")
    checked(figure, f"room-one-{lang}")
    shown = texts(figure)
    assert "2/7" in shown
    assert not any(s.startswith("+") or s.startswith("还有") for s in shown)


@pytest.mark.parametrize("lang", LANGS)
def test_a_goal_met_is_drawn_in_the_met_colour(lang: Language) -> None:
    figure = card(lang, week(*FIVE[1:4], goal=GroupGoalStatus("posts", 8, 10, 8)))
    picture = checked(figure, f"room-goal-met-{lang}")
    (done,) = patches(figure, "goal-done")
    assert share_of(region(picture, done).pixels, MET) > 0.9
    assert any(s.endswith("✓") and ("10" in s) for s in texts(figure))


@pytest.mark.parametrize("lang", LANGS)
def test_a_goal_not_met_is_an_open_bar_as_long_as_its_progress(lang: Language) -> None:
    figure = card(lang, week(*FIVE, goal=GroupGoalStatus("days", 5, 1, 4)))
    picture = checked(figure, f"room-goal-open-{lang}")
    (track,) = patches(figure, "goal-track")
    (done,) = patches(figure, "goal-done")
    assert share_of(region(picture, done).pixels, OPEN) > 0.9
    assert share_of(region(picture, done).pixels, MET) == 0
    share = done.get_window_extent().width / track.get_window_extent().width
    assert share == pytest.approx(1 / 4, abs=0.01)


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_goal_the_card_says_how_to_set_one(lang: Language) -> None:
    figure = card(lang, week(*FIVE))
    checked(figure, f"room-no-goal-{lang}")
    assert not patches(figure, "goal-track")
    assert any("/groupgoal days 5" in s for s in texts(figure))


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_week_is_drawn_and_says_so(lang: Language) -> None:
    idle = tuple(replace(m, days=0, posts=0, streak=0) for m in FIVE[:4])
    figure = card(lang, week(*idle, FIVE[4], goal=GroupGoalStatus("days", 3, 0, 4)))
    picture = checked(figure, f"room-empty-{lang}")
    shown = texts(figure)
    assert shown.count("0/7") == 4
    assert "0" in shown  # posts, posters, streak
    assert not patches(figure, "goal-done")  # no progress: only the track
    assert all(p.get_facecolor()[:3] == to_rgb(EMPTY) for p in patches(figure, "day"))
    for shade in POSTED_SHADES:
        below_accent = picture.pixels[ACCENT_HEIGHT:]  # the band on top is in the MET blue
        assert share_of(below_accent, shade, tolerance=0.02) < 0.0005


@pytest.mark.parametrize("lang", LANGS)
def test_twenty_thousand_posts_fit_their_tile(lang: Language) -> None:
    busy = (*(replace(m, posts=4_000) for m in FIVE[:4]), member(9, "Ann", 6, 3))
    figure = card(lang, replace(week(*busy), posts=20_000, goal=GroupGoalStatus(
        "posts", 100_000, 20_000, 100_000)))  # fmt: skip
    checked(figure, f"room-busy-{lang}")
    shown = texts(figure)
    assert "20,000" in shown
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    (value,) = [t for t in figure.axes[0].texts if t.get_text() == "20,000"]
    assert value.get_window_extent(renderer).x1 < 72 + 312


@pytest.mark.parametrize("lang", LANGS)
def test_the_room_card_looks_like_the_review_card(lang: Language) -> None:
    """One look for every card: the MET band across the top and the same quiet footer."""
    figure = room_card_figure(room_card(lang, "Tiny Habits Club", week(*FIVE), "PostpactBot"))
    picture = checked(figure, f"room-footer-{lang}")
    assert share_of(picture.pixels[: ACCENT_HEIGHT - 2], MET, tolerance=0.02) > 0.99
    assert "Postpact · @PostpactBot" in texts(figure)


def test_a_small_room_is_centred_not_crowded_at_the_top() -> None:
    """Three members leave room: the blocks move down so the card isn't empty below them."""
    small, full = card("en", week(*FIVE[:3])), card("en", week(*big_room()))
    small_title, full_title = small.axes[0].texts[1], full.axes[0].texts[1]
    top = small_title.get_window_extent().y1, full_title.get_window_extent().y1
    assert top[0] < top[1] - 100  # in pixels from the bottom: lower on the page
