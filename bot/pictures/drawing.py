"""The one door to drawing: a picture's plain values in, PNG bytes out.

matplotlib and numpy cost about 0.4 s and 40 MiB to import, and the bot draws rarely (a /chart,
a /card, a review, a room's Monday card), always in the worker process (`bot.offload`). So the
drawing modules (`bot.pictures.draw`) are imported here, inside each function, the first time
something is drawn: the bot itself never loads them, and the worker loads them once. What a
picture shows (`bot.pictures.cards`, `.room_card`, `.charts`, `.calendar`) is plain data that
costs nothing to import. `tests/test_layout.py` keeps it so.
"""

from __future__ import annotations

from bot.pictures.calendar import CalendarChart
from bot.pictures.cards import ReviewCard
from bot.pictures.charts import FollowersChart
from bot.pictures.room_card import RoomCard


def draw_review_card(card: ReviewCard) -> bytes:
    from bot.pictures.draw.cards import review_card_figure
    from bot.pictures.draw.figure import png

    return png(review_card_figure(card))


def draw_room_card(card: RoomCard) -> bytes:
    from bot.pictures.draw.figure import png
    from bot.pictures.draw.room_card import room_card_figure

    return png(room_card_figure(card))


def draw_followers(chart: FollowersChart) -> bytes:
    from bot.pictures.draw.charts import followers_figure
    from bot.pictures.draw.figure import png

    return png(followers_figure(chart))


def draw_calendar(chart: CalendarChart) -> bytes:
    from bot.pictures.draw.calendar import calendar_figure
    from bot.pictures.draw.figure import png

    return png(calendar_figure(chart))
