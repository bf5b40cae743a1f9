"""What a room is told on its own: the day's digest, the weekly summary and the monthly review;
and what an author is told in private of the cheers their check-ins got.

Each returns the message's parts: a long room is split under Telegram's 4,096 UTF-16 code units
between lines, and a long list of names after a comma (`format.split_message`), so nobody's name
is cut off.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.digests import CheeredPost, RoomDay, RoomPeriod
from bot.domain.models import Language
from bot.domain.rooms import GroupGoalStatus
from bot.pictures.room_card import MAX_ROWS, GoalBar, MemberRow, RoomCard, Tile
from bot.render import format as fmt
from bot.render.rooms import growth_text, member_line
from bot.texts import h, t


def digest_messages(lang: Language, title: str, digest: RoomDay) -> list[str]:
    lines = [t(lang, "digest.heading", title=title, date=digest.day)]
    posted = digest.posted
    lines.append(
        t(lang, "digest.posted", names=", ".join(posted), count=len(posted), of=digest.members)
        if posted
        else t(lang, "digest.nobody")
    )
    if digest.longest is not None:
        streak = h(lang, "streak.days", count=digest.longest.streak or 0)
        lines.append(t(lang, "digest.streak", name=digest.longest.name, streak=streak))
    for news in digest.news:
        lines += [
            t(lang, "digest.hit", name=news.name, label=fmt.post_label(lang, post))
            for post in news.hits
        ]
        if news.milestone is not None:
            number, count = fmt.number(news.milestone), news.milestone
            lines.append(t(lang, "digest.milestone", name=news.name, number=number, count=count))
    if digest.waiting:
        lines.append(t(lang, "digest.waiting", names=", ".join(digest.waiting)))
    return fmt.split_message("\n".join(lines))


def summary_messages(lang: Language, title: str, summary: RoomPeriod) -> list[str]:
    """The weekly summary or the monthly review: totals, the goal, who stood out, then everyone."""
    period = summary.period
    heading = "summary.weekly" if summary.weekly else "summary.monthly"
    lines = [
        t(lang, heading, title=title, start=period.start, end=period.end),
        t(
            lang,
            "summary.totals",
            posts=fmt.counted(lang, "posts", summary.posts),
            days=fmt.counted(lang, "member_days", summary.days),
            members=fmt.counted(lang, "members", len(summary.members)),
        ),
    ]
    if summary.goal is not None:
        goal = summary.goal
        lines.append(
            t(
                lang,
                f"summary.goal_{goal.kind}",
                target=goal.target,
                count=goal.target,
                done=goal.done,
                of=goal.of,
                verdict=h(lang, "verdict.met" if goal.met else "verdict.not_met"),
            )
        )
    if summary.consistent is not None:
        steady = summary.consistent
        days = h(lang, "streak.days", count=steady.days or 0)
        lines.append(t(lang, "summary.consistent", name=steady.name, days=days))
    if summary.grower is not None:
        top = summary.grower
        lines.append(t(lang, "summary.grower", name=top.name, growth=growth_text(top)))
    if summary.follows is not None:
        follows = summary.follows
        lines.append(
            t(
                lang,
                "summary.reciprocity",
                mutual=follows.mutual_pairs,
                pairs=follows.pairs,
                count=follows.pairs,
            )
        )
    lines.append("")
    lines += [member_line(lang, member) for member in summary.members]
    return fmt.split_message("\n".join(lines))


def room_card(lang: Language, title: str, summary: RoomPeriod, bot: str | None = None) -> RoomCard:
    """The weekly summary's card in the room's language: the same numbers as the text, members
    ranked by days (those who don't share posts named without a number, last), the first
    `MAX_ROWS` of them with a row and the rest counted."""
    period, longest = summary.period, summary.longest
    streak = longest.streak or 0 if longest is not None else 0
    ranked = summary.ranked_by_days()
    rest = len(ranked) - MAX_ROWS
    return RoomCard(
        kicker=t(lang, "roomcard.kicker"),
        room=title,
        week=t(
            lang,
            "roomcard.week",
            start=fmt.short_date(lang, period.start),
            end=fmt.short_date(lang, period.end),
        ),
        tiles=(
            Tile(fmt.number(summary.posts), t(lang, "roomcard.posts", count=summary.posts)),
            Tile(str(summary.posters), t(lang, "roomcard.posters", count=summary.posters)),
            Tile(
                str(streak),
                t(lang, "roomcard.streak", count=streak),
                note=longest.name if longest is not None else "",
            ),
        ),
        goal=None if summary.goal is None else _goal_bar(lang, summary.goal),
        no_goal=t(lang, "roomcard.no_goal"),
        heading=t(lang, "roomcard.heading"),
        rows=tuple(MemberRow(m.name, m.days) for m in ranked[:MAX_ROWS]),
        more=t(lang, "roomcard.more", count=rest) if rest > 0 else "",
        footer=t(lang, "card.footer", bot=bot) if bot else t(lang, "card.footer_plain"),
        week_days=period.length,
    )


def _goal_bar(lang: Language, goal: GroupGoalStatus) -> GoalBar:
    return GoalBar(
        label=t(
            lang, f"roomcard.goal_{goal.kind}", target=fmt.number(goal.target), count=goal.target
        ),
        progress=t(
            lang,
            f"roomcard.goal_{goal.kind}_progress",
            done=fmt.number(goal.done),
            of=fmt.number(goal.of),
        ),
        done=goal.done,
        of=goal.of,
        met=goal.met,
    )


def cheers_messages(lang: Language, posts: Sequence[CheeredPost]) -> list[str]:
    """In private, to the author: a line per cheered post."""
    return fmt.split_message(
        "\n".join(
            t(lang, "cheers.told", names=", ".join(p.cheerers), number=p.number, title=p.room)
            for p in posts
        )
    )
