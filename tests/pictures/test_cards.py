"""The review card: every card in both languages, drawn and readable at 1080×1350, with its
verdicts in colour and mark, from plain data (realistic and extreme)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from matplotlib.colors import same_color, to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Circle
from matplotlib.text import Text

from bot.domain.cards import CardFacts, History, final_card, month_card
from bot.domain.models import DayActivity, FollowerCount, Language, Post
from bot.domain.program import Goals, Program
from bot.domain.review import (
    ScoredPost,
    build_program_report,
    build_review,
    calendar_review,
    program_review,
)
from bot.pictures.draw.cards import LEFT, RIGHT, review_card_figure
from bot.pictures.style import HIT, MET, MUTED, NOT_MET, OPEN
from bot.render.cards import review_card
from tests.pictures.checks import Drawn, drawn, readable, share_of, texts

OUT = Path("/tmp/pictures15")
PROGRAM = Program(program_id=7, cycle=2, start_date=date(2026, 3, 2))
GOALS = Goals(
    days_per_week=6, hit_threshold=5, follower_target=100, follower_platform=None,
    rest_days_per_week=1,
)  # fmt: skip
LANGS: tuple[Language, ...] = ("en", "zh")


def day(n: int) -> date:
    """Day `n` of the program (1-based)."""
    return PROGRAM.start_date + timedelta(days=n - 1)


def post(number: int, on: date, title: str | None = "Braised pork, 15 minutes") -> Post:
    at = datetime(on.year, on.month, on.day, 12, tzinfo=UTC)
    return Post(number, 1, number, "xiaohongshu", None, title, ("food",), at, on)


def count(on: date, value: int, platform: str = "tiktok") -> FollowerCount:
    return FollowerCount(platform, value, datetime(on.year, on.month, on.day, 9, tzinfo=UTC), on)


def history(posted: Sequence[date], hits: Sequence[date] = (), counts: Sequence[FollowerCount]
            = (), rests: Sequence[date] = ()) -> History:  # fmt: skip
    activity = [DayActivity(d, 1 + (d.day % 4 == 0) + (d.day % 7 == 0)) for d in sorted(posted)]
    return History(activity, list(rests), list(hits), list(counts))


def scored(posted: Sequence[date], saves: int = 12, title: str | None = None) -> list[ScoredPost]:
    found = [ScoredPost(post(n, d), 1 + n % 5) for n, d in enumerate(posted, start=1)]
    if found:
        best = found[len(found) // 2]
        found[len(found) // 2] = ScoredPost(replace(best.post, title=title or best.post.title),
                                            saves)  # fmt: skip
    return found


# A realistic creator: posts most days, rests on Sundays, one hit in month 2, grows on TikTok.
POSTED = [day(n) for n in range(1, 91) if day(n).weekday() != 6 and n % 11 != 5]
RESTS = [day(n) for n in range(1, 91) if day(n).weekday() == 6 and n < 60]
HITS = [day(40)]
COUNTS = [count(day(1), 820), count(day(30), 870), count(day(58), 905), count(day(90), 1014)]
MAYA = history(POSTED, HITS, COUNTS, RESTS)


def month_facts(month: int, hist: History = MAYA, upto: date | None = None,
                best_title: str | None = None, goals: Goals = GOALS) -> CardFacts:  # fmt: skip
    review = program_review(PROGRAM, month)
    posted = [a.day for a in hist.activity]
    data = build_review(review, goals, ("food",), scored(posted, 12, best_title), hist.activity,
                        hist.rest_days, hist.hit_dates, hist.counts, upto)  # fmt: skip
    return month_card(data, goals, hist)


def calendar_facts(hist: History, first: date, upto: date | None = None) -> CardFacts:
    review = calendar_review(first)
    posted = [a.day for a in hist.activity]
    data = build_review(review, GOALS, (), scored(posted), hist.activity, hist.rest_days,
                        hist.hit_dates, hist.counts, upto)  # fmt: skip
    return month_card(data, GOALS, hist)


def cycle_facts(hist: History = MAYA) -> CardFacts:
    report = build_program_report(PROGRAM, GOALS, hist.activity, hist.hit_dates, hist.counts)
    return final_card(PROGRAM, report, GOALS, hist, scored([a.day for a in hist.activity], 31))


def picture(
    name: str, lang: Language, facts: CardFacts, who: str = "Maya Chen", goals: Goals = GOALS
) -> tuple[Figure, Drawn]:
    """The card drawn, checked for size, glyphs and text size, and written out to look at."""
    figure = review_card_figure(review_card(lang, facts, goals, who, "PostpactBot"))
    result = drawn(figure)
    readable(figure)
    assert result.size == (1080, 1350)
    OUT.mkdir(exist_ok=True)
    (OUT / f"card-{name}-{lang}.png").write_bytes(result.data)
    return figure, result


def coloured(figure: Figure, text: str) -> list[str]:
    """The colours `text` is drawn in, wherever it is on the card."""
    return [to_hex(a.get_color()) for a in figure.findobj(Text)
            if isinstance(a, Text) and a.get_text() == text]  # fmt: skip


def row_verdicts(figure: Figure, result: Drawn) -> list[tuple[float, float, float]]:
    """Each goal row's share of MET, NOT_MET and OPEN pixels, top row first (the rows are found
    by their verdict discs)."""
    discs = sorted((p for p in figure.findobj(Circle) if isinstance(p, Circle)),
                   key=lambda c: -c.center[1])  # fmt: skip
    shares = []
    for disc in discs:
        middle = 1350 - round(disc.center[1])  # the card's y grows upwards, the image's down
        row = result.pixels[middle - 44 : middle + 44]
        shares.append(tuple(share_of(row, colour) for colour in (MET, NOT_MET, OPEN)))
    return shares  # type: ignore[return-value]


MONTH_LABELS = {
    ("en", 1): "Month 1 of 3 · Mar 2 – Mar 31",
    ("en", 2): "Month 2 of 3 · Apr 1 – Apr 30",
    ("en", 3): "Month 3 of 3 · May 1 – May 30",
    ("zh", 1): "第 1 / 3 个月 · 3月2日 – 3月31日",
    ("zh", 2): "第 2 / 3 个月 · 4月1日 – 4月30日",
    ("zh", 3): "第 3 / 3 个月 · 5月1日 – 5月30日",
}
GOAL_WORDS = {
    "en": ("Post on 26 of 30 days", "One hit: a post saved 5+ times", "Gain 100 followers"),
    "zh": ("30 天里发布 26 天", "一个爆款：一条内容被收藏 5+ 次", "涨粉 100"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("month", [1, 2, 3])
def test_every_program_month_card_names_the_creator_the_month_and_the_three_goals(
    lang: Language, month: int
) -> None:
    figure, _ = picture(f"month{month}", lang, month_facts(month))
    shown = texts(figure)
    assert "Maya Chen" in shown
    assert MONTH_LABELS[lang, month] in shown
    for number, words in enumerate(GOAL_WORDS[lang], start=1):
        assert any(words in text and str(number) in text for text in shown), words
    assert any("PostpactBot" in text for text in shown)  # the quiet footer


@pytest.mark.parametrize("lang", LANGS)
def test_each_months_goal_shows_its_own_verdict_in_colour_and_mark(lang: Language) -> None:
    """Month 1 missed (23 of 26 days), month 2 met (a hit on day 40), month 3 met (+194)."""
    month_2, drawn_2 = picture("month2", lang, month_facts(2))
    (met, missed, _), (met_2, missed_2, _), (_, _, open_3) = row_verdicts(month_2, drawn_2)
    assert missed > 0.02  # month 1: not met, in vermillion, with ✗
    assert met < 0.001
    assert met_2 > 0.02  # month 2: met, in blue, with ✓
    assert missed_2 < 0.001
    assert open_3 > 0.01  # month 3: still to come, in grey
    marks = [t for t in texts(month_2) if t in "✓✗…—"]
    assert marks == ["✗", "✓", "—"]
    final, drawn_final = picture("final", lang, cycle_facts())
    assert [round(m > 0.02) for m, _, _ in row_verdicts(final, drawn_final)] == [0, 1, 1]
    assert [t for t in texts(final) if t in "✓✗…—"] == ["✗", "✓", "✓"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_final_card_covers_the_whole_cycle(lang: Language) -> None:
    figure, _ = picture("final", lang, cycle_facts())
    shown = texts(figure)
    label = (
        "Cycle 2 · 90 days · Mar 2 – May 30"
        if lang == "en"
        else "第 2 轮 · 90 天 · 3月2日 – 5月30日"
    )
    assert label in shown
    assert "71/77" in shown  # days posted against the 90-day target
    assert "+194" in shown  # followers from the cycle's start to its end
    assert ("longest streak" if lang == "en" else "最长连续") in shown


@pytest.mark.parametrize("lang", LANGS)
def test_a_calendar_month_card_without_a_program(lang: Language) -> None:
    figure, _ = picture("calendar", lang, calendar_facts(MAYA, date(2026, 3, 1)))
    shown = texts(figure)
    assert ("March 2026" if lang == "en" else "2026年3月") in shown
    for words in (
        ("Post on 27 of 31 days", "Gain 100 followers") if lang == "en" else ("31 天里发布 27 天",)
    ):
        assert words in shown


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_asked_for_mid_month_leaves_the_rest_of_the_month_blank(lang: Language) -> None:
    facts = month_facts(3, upto=day(70))  # day 10 of month 3: followers +85 of 100 so far
    figure, result = picture("so-far", lang, facts)
    assert any(
        ("so far, to May 10" if lang == "en" else "截至 5月10日") in t for t in texts(figure)
    )
    *_, (met, missed, still_open) = row_verdicts(figure, result)
    assert still_open > 0.02  # open, not yet missed
    assert max(met, missed) < 0.001
    assert "…" in texts(figure)
    assert sum(1 for d in facts.days if d.state.value == "ahead") == 20


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_month_draws_zeros_quietly(lang: Language) -> None:
    figure, _ = picture("empty", lang, calendar_facts(history([]), date(2026, 3, 1)))
    assert "0/27" in texts(figure)
    assert "—" in texts(figure)  # no follower change to show
    for zero in coloured(figure, "0") + coloured(figure, "0/27"):
        assert same_color(zero, MUTED)
    assert ("No saves recorded yet" if lang == "en" else "还没有记录收藏数") in texts(figure)


def test_a_full_month_with_no_hit_shows_the_days_as_met_and_0_hits_quietly() -> None:
    """The old card drew "0 hits" in the same green as "21/21"."""
    five_days = replace(GOALS, days_per_week=5)
    posted = [d for d in (day(n) for n in range(1, 31)) if d.weekday() < 5][:21]
    facts = month_facts(1, history(posted), goals=five_days)
    figure, _ = picture("no-hit", "en", facts, goals=five_days)
    (full,) = coloured(figure, "21/21")
    assert same_color(full, MET)
    assert coloured(figure, "0")
    for zero in coloured(figure, "0"):
        assert not same_color(zero, full)
        assert not any(same_color(zero, c) for c in (MET, HIT))


@pytest.mark.parametrize("lang", LANGS)
def test_names_and_titles_of_any_shape_fit_their_space(lang: Language) -> None:
    long_title = "Braised pork belly, the slow way — " * 9  # 300+ characters
    fancy = "𝓜𝓪𝔂𝓪 𝓒𝓱𝓮𝓷 ✨ 𝓬𝓸𝓸𝓴𝓼 𝓯𝓸𝓻 𝓽𝓱𝓮 𝔀𝓱𝓸𝓵𝓮 𝓯𝓪𝓶𝓲𝓵𝔂 𝓮𝓿𝓮𝓻𝔂 𝓭𝓪𝔂 🍲"  # 60 characters
    assert len(fancy) >= 50
    figure, _ = picture("long", lang, month_facts(2, best_title=long_title), fancy)
    shown = texts(figure)
    assert "Maya Chen cooks for the whole family every day" in shown  # 𝓜𝓪𝔂𝓪 read as Maya
    title = next(t for t in shown if t.startswith("Braised pork belly"))
    assert title.endswith("…")
    assert len(title) < 80
    for text in figure.findobj(lambda a: isinstance(a, Text) and bool(a.get_text().strip())):
        assert isinstance(text, Text)
        box = text.get_window_extent()
        assert box.x0 >= LEFT - 1, text.get_text()
        assert box.x1 <= RIGHT + 1, text.get_text()
    wide, _ = picture("wide", lang, month_facts(2), "W" * 64)  # Telegram's longest name
    (name,) = [t for t in texts(wide) if t.startswith("WWW")]
    assert name.endswith("…")  # cut to the card's width, not drawn over its edge
    emoji, _ = picture("emoji", lang, month_facts(2), "🔥🔥🔥")
    assert ("A Postpact creator" if lang == "en" else "Postpact 创作者") in texts(emoji)


@pytest.mark.parametrize("lang", LANGS)
def test_a_history_of_20000_posts(lang: Language) -> None:
    first = date(2021, 1, 1)
    days = [first + timedelta(days=n) for n in range(2000)]  # about 10 posts a day
    activity = [DayActivity(d, 10) for d in days]
    big = History(activity, [], days[::40], [count(d, 1000 + n) for n, d in enumerate(days)])
    review = calendar_review(date(2026, 3, 1))
    hist_days = [d for d in days if d in review.period]
    data = build_review(review, GOALS, (), scored(hist_days, 4000), activity, [], big.hit_dates,
                        big.counts)  # fmt: skip
    figure, _ = picture("busy", lang, month_card(data, GOALS, big))
    assert "+31" in texts(figure) or "+30" in texts(figure)
