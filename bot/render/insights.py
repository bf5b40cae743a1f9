"""What insights say: /insights (a user's own, and a room's), and the captions of the /chart
images (their words are in `bot.render.charts`). Plain values in (`PersonalInsights`,
`RoomInsights`), text out."""

from __future__ import annotations

from bot.domain.insights import Attribution, Gain, PersonalInsights, Rate, RoomInsights
from bot.domain.models import Language
from bot.render import format as fmt
from bot.texts import t

SPARKS = "▁▂▃▄▅▆▇█"
LIST_LIMIT = 5  # rows per ranking: a phone screen, not a report

# --- /chart: the captions (the pictures' words are in `bot.render.charts`) --------------------


def calendar_caption(lang: Language) -> str:
    return t(lang, "chart.calendar_caption")


def followers_caption(lang: Language) -> str:
    return t(lang, "chart.followers_caption")


# --- /insights --------------------------------------------------------------------------------


def personal_view(lang: Language, found: PersonalInsights, hit_threshold: int) -> str:
    lines = [t(lang, "insights.heading"), "", t(lang, "insights.followers_heading")]
    lines += _attribution_lines(lang, found.followers)
    lines += ["", t(lang, "insights.hits_heading", threshold=hit_threshold)]
    rates = [("#" + r.key, r) for r in found.tag_rates[:LIST_LIMIT]]
    rates += [(fmt.platform_name(lang, r.key), r) for r in found.platform_rates[:LIST_LIMIT]]
    lines += [_rate_line(lang, name, r) for name, r in rates] or [t(lang, "insights.too_little")]
    lines += ["", t(lang, "insights.time_heading"), *_best_time_lines(lang, found)]
    lines += ["", t(lang, "insights.niche_heading")]
    if not found.niche_tags:
        lines.append(t(lang, "review.niche_unset").removeprefix("• "))
    else:
        now, then = _percent(found.niche_now), _percent(found.niche_then)
        lines.append(t(lang, "insights.niche", now=now, then=then))
    lines += [
        "",
        t(lang, "insights.consistency_heading"),
        t(lang, "insights.weeks", spark=_spark(found.weeks), days=_days(found.weeks)),
        t(lang, "insights.habit", score=found.habit),
        "",
        t(lang, "insights.projection_heading"),
        _projection_line(lang, found),
    ]
    return "\n".join(lines)


def _best_time_lines(lang: Language, found: PersonalInsights) -> list[str]:
    best = found.best
    lines = []
    if best.weekday is None and best.hour is None:
        lines.append(t(lang, "insights.too_little"))
    if best.weekday is not None:
        day_name = t(lang, "chart.weekdays").split()[best.weekday]
        saves = f"{best.weekday_saves:.1f}"
        lines.append(t(lang, "insights.best_day", day=day_name, saves=saves))
    if best.hour is not None:
        hour, saves = f"{best.hour:02d}:00", f"{best.hour_saves:.1f}"
        lines.append(t(lang, "insights.best_hour", hour=hour, saves=saves))
    return lines


def _projection_line(lang: Language, found: PersonalInsights) -> str:
    projection = found.projection
    if found.follower_target is None:
        return t(lang, "plan.followers_unmeasured")
    if projection is None:
        return t(lang, "insights.no_projection", target=fmt.number(found.follower_target))
    return t(
        lang,
        "insights.projection",
        current=fmt.number(projection.current),
        target=fmt.number(projection.target),
        pace=f"{projection.per_day:+.1f}",
        earliest=projection.earliest,
        latest=projection.latest,
    )


def room_view(lang: Language, title: str, found: RoomInsights) -> str:
    lines = [
        t(lang, "insights.room_heading", title=title),
        t(lang, "insights.room_weeks", spark=_spark(found.weeks), days=_days(found.weeks)),
        "",
        t(lang, "insights.followers_heading"),
    ]
    lines += _attribution_lines(lang, found.followers)
    lines += ["", t(lang, "insights.room_hits_heading")]
    lines += [
        _rate_line(lang, fmt.platform_name(lang, r.key), r)
        for r in found.platform_rates[:LIST_LIMIT]
    ] or [t(lang, "insights.too_little")]
    lines += ["", t(lang, "insights.room_privacy")]
    return "\n".join(lines)


def _rate_line(lang: Language, name: str, r: Rate) -> str:
    return t(lang, "insights.hit_rate", name=name, hits=r.hits, posts=r.posts, percent=r.percent)


def _attribution_lines(lang: Language, attribution: Attribution) -> list[str]:
    if not attribution.enough:
        return [t(lang, "insights.followers_too_little")]

    def line(name: str, gain: Gain) -> str:
        return t(
            lang,
            "insights.gain",
            name=name,
            per_post=f"{gain.per_post:+.1f}",
            posts=gain.posts,
            count=gain.posts,
        )

    lines = [line("#" + g.key, g) for g in attribution.by_tag[:LIST_LIMIT]]
    lines += [line(fmt.platform_name(lang, g.key), g) for g in attribution.by_platform[:LIST_LIMIT]]
    return lines or [t(lang, "insights.followers_too_little")]


def _spark(values: list[int]) -> str:
    top = max(values) or 1
    return "".join(SPARKS[round(v / top * (len(SPARKS) - 1))] for v in values)


def _days(values: list[int]) -> str:
    return " ".join(map(str, values))


def _percent(value: int | None) -> str:
    return "—" if value is None else f"{value}%"
