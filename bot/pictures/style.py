"""The one look of every picture: size, fonts, colours, text sizes.

Every chart and card is drawn for a phone: 1,080 px wide at 150 dpi. Text is never smaller than
`MIN_PT` (10 pt = 20.8 px: capitals at least 14 px high at 1,080 px, checked from pixels in the
tests). Colours are the Okabe–Ito palette, chosen because its pairs stay apart for people with
red–green colour blindness (a simulated deuteranopia pass in the tests); where a colour carries a
verdict, a mark (✓ ✗) says it too.

The font is a subset of Noto Sans CJK SC shipped in `fonts/` (see `fonts/make_subset.py` for why
and how); matplotlib falls back from Bold to Regular to its own DejaVu Sans glyph by glyph, and
`drawable` drops what none of them has (emoji in a name), so no picture shows an empty box.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

FONTS = Path(__file__).parent / "fonts"
REGULAR_FILE = FONTS / "NotoSansCJKsc-Regular.subset.otf"
BOLD_FILE = FONTS / "NotoSansCJKsc-Bold.subset.otf"
REGULAR_FAMILY = "Noto Sans CJK SC"

DPI = 150
WIDTH_IN = 7.2  # 1,080 px
CARD_HEIGHT_IN = 9.0  # 1,350 px: a 4:5 portrait, as Instagram and Xiaohongshu show it

# Text sizes in points at 150 dpi (1 pt = 2.08 px).
MIN_PT = 10.0
SMALL_PT = 10.0
TEXT_PT = 12.0
TITLE_PT = 17.0
HERO_PT = 34.0

# Okabe & Ito (2008), "Color Universal Design": distinct for the common colour blindnesses.
BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
INK = "#1B1F24"
MUTED = "#57606A"
FAINT = "#D0D7DE"
EMPTY = "#EBEDF0"
PAPER = "#FFFFFF"

# What the colours mean, the same in every picture.
MET = BLUE
NOT_MET = VERMILLION
OPEN = MUTED  # not decided yet: this month's goal mid-month, or a month still to come
POSTED_SHADES = ("#A6CFEA", "#4A9BD1", BLUE)  # one post, two, three or more
RESTED = ORANGE
FROZEN = "#F7D98B"  # a missed day the week's rest allowance covered: a paler rest
HIT = ORANGE
GOAL = VERMILLION
PLATFORM_COLOURS = (BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY)


@cache
def _covered() -> frozenset[int]:
    """Every code point some font of ours can draw. matplotlib is imported here, not at the top:
    describing a picture must not load it into the bot (see `bot.pictures.draw`)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    dejavu = font_manager.findfont("DejaVu Sans", fallback_to_default=False)
    codes: set[int] = set()
    for file in (str(REGULAR_FILE), dejavu):
        codes.update(FT2Font(file).get_charmap())
    return frozenset(codes)


def drawable(text: str) -> str:
    """`text` without what no font of ours has (emoji, control characters, rare scripts), spaces
    collapsed: a creator named "Mia 🌸" is drawn "Mia", never "Mia ▯". "Fancy font" letters
    (𝓜𝓪𝔂𝓪, Ｍａｙａ: Unicode's compatibility forms, which no font of ours has) are drawn as
    the plain letters they stand for (NFKC), so such a name is "Maya", not nothing."""
    covered = _covered()
    kept = "".join(
        ch
        for ch in unicodedata.normalize("NFKC", text)
        if ord(ch) in covered and unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")
    )
    return " ".join(kept.split())
