"""The words of the review card: `CardFacts` (decided in `bot.domain.cards`) in, the picture's
plain data (`bot.pictures.cards.ReviewCard`) out, in the user's language.

A picture is not HTML: catalog texts here hold no markup, and what users wrote (their name, a
post's title) is handed to the picture as it is, never through `t()` (which escapes for HTML),
and drawn through `drawable`.
"""

from __future__ import annotations

from datetime import date

from bot.domain.cards import CardDay, CardFacts, DayState, GoalLine
from bot.domain.models import Language, Post, Profile
from bot.domain.program import MONTH_DAYS, MONTHS, Goals, posting_target
from bot.domain.review import ScoredPost, Verdict
from bot.pictures.cards import CalendarDays, GoalRow, Mark, ReviewCard, Shade, Tile, Tone
from bot.pictures.style import drawable
from bot.render import format as fmt
from bot.texts import t

MARK_OF: dict[Verdict, Mark] = {
    Verdict.MET: "met",
    Verdict.NOT_MET: "not_met",
    Verdict.OPEN: "open",
}
VERDICT_WORDS: dict[Mark, str] = {
    "met": "card.met",
    "not_met": "card.not_met",
    "open": "card.open",
    "upcoming": "card.upcoming",
}
LEGEND: tuple[tuple[Shade, str], ...] = (
    ("posted3", "card.posted"),
    ("rested", "card.rested"),
    ("frozen", "card.frozen"),
    ("missed", "card.missed"),
)


def card_caption(lang: Language) -> str:
    return t(lang, "card.caption")


def card_name(profile: Profile) -> str:
    """Who the card is of: the name, else the Telegram @username, else a platform handle — the
    first of these any font can draw (a name of only emoji draws nothing; fancy-font letters
    draw as the plain letters they stand for, see `drawable`)."""
    handles = [h for h in profile.handles.values() if not h.startswith("http")]
    candidates = [
        profile.first_name,
        f"@{profile.username}" if profile.username else "",
        *(h if h.startswith("@") else f"@{h}" for h in handles),
    ]
    return next((c for c in candidates if drawable(c).strip("@ ")), "")


def review_card(
    lang: Language, facts: CardFacts, goals: Goals, name: str, bot: str | None
) -> ReviewCard:
    """A review card (a month, a month so far, or a whole cycle) in `lang`."""
    return ReviewCard(
        name=name if drawable(name) else t(lang, "card.no_name"),
        period=period_label(lang, facts),
        goals=tuple(goal_row(lang, line, goals, facts) for line in facts.goals),
        tiles=tiles(lang, facts),
        best_heading=t(lang, "card.best"),
        best_title=best_title(facts.best.post) if facts.best else "",
        best_detail=best_detail(lang, facts.best),
        calendar=CalendarDays(
            days=[(d.day, shade(d)) for d in facts.days],
            weekdays=t(lang, "card.weekdays").split(),
            legend=[(s, t(lang, key)) for s, key in LEGEND],
            by_week=facts.final,
        ),
        footer=t(lang, "card.footer", bot=bot) if bot else t(lang, "card.footer_plain"),
    )


def period_label(lang: Language, facts: CardFacts) -> str:
    period = facts.period
    start, end = fmt.short_date(lang, period.start), fmt.short_date(lang, period.end)
    if facts.cycle is not None:
        label = t(lang, "card.cycle", cycle=facts.cycle, start=start, end=end)
    elif facts.program_month is not None:
        label = t(lang, "card.month_program", month=facts.program_month, months=MONTHS,
                  start=start, end=end)  # fmt: skip
    else:
        month = t(lang, "card.month_full").split()[period.start.month - 1]
        label = t(lang, "card.month_calendar", month=month, year=period.start.year)
    if facts.upto is not None and facts.upto < period.end:
        return t(lang, "card.upto", period=label, date=fmt.short_date(lang, facts.upto))
    return label


def goal_row(lang: Language, line: GoalLine, goals: Goals, facts: CardFacts) -> GoalRow:
    mark: Mark = "upcoming" if line.upcoming else MARK_OF[line.verdict]
    days = MONTH_DAYS if line.month is not None else facts.period.length
    words = goal_words(lang, line, goals, days)
    if line.month is not None:
        words = t(lang, "card.in_month", month=line.month, goal=words)
    return GoalRow(words, goal_detail(lang, line, goals), t(lang, VERDICT_WORDS[mark]), mark)


def goal_words(lang: Language, line: GoalLine, goals: Goals, days: int) -> str:
    """The goal itself: "Post on 26 of 30 days", "One hit: …", "Gain 100 followers"."""
    if line.kind == "posting":
        target = posting_target(goals.days_per_week, days)
        return t(lang, "card.goal_posting", target=target, days=days, count=days)
    if line.kind == "hit":
        return t(lang, "card.goal_hit", threshold=fmt.number(goals.hit_threshold))
    kind = "total" if goals.follower_goal_kind == "total" else "gain"
    target = goals.follower_target
    return t(lang, f"card.goal_followers_{kind}", target=fmt.number(target), count=target)


def goal_detail(lang: Language, line: GoalLine, goals: Goals) -> str:
    """How the goal went: days posted, hits, followers — or when its month starts."""
    status = line.status
    if status is None:
        return t(lang, "card.starts", date=fmt.short_date(lang, line.starts or date.min))
    if status.kind == "posting":
        return t(lang, "card.done_posting", done=status.done, target=status.target,
                 count=status.target)  # fmt: skip
    if status.kind == "hit":
        return t(lang, "card.done_hit", count=status.done)
    if not status.measured:
        return t(lang, "card.unmeasured")
    if goals.follower_goal_kind == "total":
        done, key = fmt.number(status.done), "card.done_followers_total"
    else:
        done, key = fmt.signed(status.done), "card.done_followers_gain"
    return t(lang, key, done=done, target=fmt.number(status.target))


def tiles(lang: Language, facts: CardFacts) -> tuple[Tile, ...]:
    """Streak, days, followers, hits — coloured by what they mean: a zero is never an
    achievement's colour."""
    posting, change = facts.posting, facts.follower_change
    days_tone: Tone = "achieved" if posting.met else ("ink" if posting.done else "muted")
    change_tone: Tone = "muted" if not change else ("achieved" if change > 0 else "ink")
    hits_tone: Tone = "hit" if facts.hits else "muted"
    streak_key = "card.best_streak" if facts.final else "card.streak"
    followers_key = "card.followers_cycle" if facts.final else "card.followers"
    return (
        Tile(fmt.number(facts.streak), t(lang, streak_key), "ink" if facts.streak else "muted"),
        Tile(f"{posting.done}/{posting.target}", t(lang, "card.days"), days_tone),
        Tile("—" if change is None else fmt.signed(change), t(lang, followers_key), change_tone),
        Tile(fmt.number(facts.hits), t(lang, "card.hits", count=facts.hits), hits_tone),
    )


def best_title(post: Post) -> str:
    """The post as its creator knows it: its title, else its link without the scheme."""
    if post.title:
        return post.title
    if post.link:
        return post.link.split("://", 1)[-1]
    return f"#{post.number}"


def best_detail(lang: Language, best: ScoredPost | None) -> str:
    if best is None:
        return t(lang, "card.best_none")
    saves = best.saves or 0
    platform = fmt.platform_name(lang, best.post.platform)
    return t(lang, "card.best_detail", platform=platform, saves=fmt.number(saves), count=saves)


def shade(day: CardDay) -> Shade:
    if day.state is DayState.POSTED:
        return "posted1" if day.posts <= 1 else ("posted2" if day.posts == 2 else "posted3")
    shades: dict[DayState, Shade] = {
        DayState.RESTED: "rested",
        DayState.FROZEN: "frozen",
        DayState.AHEAD: "ahead",
    }
    return shades.get(day.state, "missed")
