"""The review card's pictures, drawn in the worker process (`bot.offload`): `/card` (this month
so far), the monthly review's card and the final review's 90-day card (`features.coaching`).

Each job reads the user's whole history itself, on the worker's read-only view of the database,
so a creator with 20,000 posts never holds up anyone else's reply; in go plain values, out come
the PNG bytes.
"""

from __future__ import annotations

from datetime import date

from bot.domain.cards import History, final_card, month_card
from bot.domain.models import Profile
from bot.domain.program import Program, goals_of
from bot.domain.review import ReviewPeriod, build_program_report, build_review
from bot.pictures.drawing import draw_review_card
from bot.render.cards import card_name, review_card
from bot.store import Store


async def history_of(store: Store, user_id: int) -> History:
    return History(
        activity=await store.posts.activity(user_id),
        rest_days=await store.rest_days.all(user_id),
        hit_dates=await store.posts.hit_dates(user_id),
        counts=await store.followers.history(user_id),
    )


async def month_card_png(
    store: Store, profile: Profile, review: ReviewPeriod, upto: date | None, bot: str | None
) -> bytes:
    """The card of one review period, counted up to `upto` (None: the whole period)."""
    uid, goals, period = profile.user_id, goals_of(profile), review.period
    found = await history_of(store, uid)
    scored = await store.posts.scored_between(uid, period.start, period.end)
    data = build_review(
        review,
        goals,
        profile.niche_tags,
        scored,
        found.activity,
        found.rest_days,
        found.hit_dates,
        found.counts,
        upto,
    )
    facts = month_card(data, goals, found)
    card = review_card(profile.lang, facts, goals, card_name(profile), bot)
    return draw_review_card(card)


async def final_card_png(
    store: Store, profile: Profile, program: Program, bot: str | None
) -> bytes:
    """The card of a whole cycle: the final review's picture."""
    uid, goals = profile.user_id, goals_of(profile)
    found = await history_of(store, uid)
    report = build_program_report(program, goals, found.activity, found.hit_dates, found.counts)
    scored = await store.posts.scored_between(uid, program.start_date, program.end_date)
    facts = final_card(program, report, goals, found, scored)
    card = review_card(profile.lang, facts, goals, card_name(profile), bot)
    return draw_review_card(card)
