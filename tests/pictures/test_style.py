"""The shared look: the shipped fonts draw both languages, text is big enough, colours stay apart
for colour-blind people, and what no font has is dropped rather than drawn as a box."""

from __future__ import annotations

import tomllib
from itertools import combinations

import numpy as np
import pytest

from bot.pictures import style
from bot.pictures.draw.figure import families, new_figure
from bot.pictures.style import drawable
from tests.pictures.checks import apart_for_deuteranopes, drawn


def test_the_shipped_fonts_are_the_ones_used_and_no_commercial_font_is_anywhere() -> None:
    chosen = families()
    assert chosen.regular[0] == "Noto Sans CJK SC"
    assert chosen.bold[:2] == ["Noto Sans CJK SC Bold", "Noto Sans CJK SC"]
    folder = style.FONTS
    shipped = sorted(p.name for p in folder.iterdir() if p.suffix in (".otf", ".ttf", ".ttc"))
    assert shipped == ["NotoSansCJKsc-Bold.subset.otf", "NotoSansCJKsc-Regular.subset.otf"]
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "OFL.txt").read_text()


@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_chinese_latin_and_rare_name_characters_draw_without_empty_boxes(weight: str) -> None:
    figure = new_figure(2.0, layout=None)
    family = families().bold if weight == "bold" else families().regular
    # 喆 and 堃 are common in names but not in GB 2312: the bold subset falls back to regular.
    figure.text(0.05, 0.5, "连续发布 21 天 ✓ ✗ ★ → Ünïcødé 喆堃", fontfamily=family,
                fontweight=weight, fontsize=style.TEXT_PT)  # fmt: skip
    drawn(figure)


def test_a_capital_at_the_smallest_size_is_at_least_14_px_high() -> None:
    figure = new_figure(1.0, layout=None)
    figure.text(0.5, 0.5, "H", fontsize=style.MIN_PT, color="black", ha="center", va="center")
    pixels = drawn(figure).pixels
    inked = np.all(pixels[..., :3] < 0.5, axis=-1)
    inked_rows = np.flatnonzero(np.any(inked, axis=1))
    assert inked_rows.size >= 14


def test_what_no_font_has_is_left_out_not_drawn_as_a_box() -> None:
    assert drawable("Mia 🌸 Chen") == "Mia Chen"
    assert drawable("🔥🔥🔥") == ""
    assert drawable("小\u200b红\x07书") == "小红书"
    assert drawable("Ünïcødé 喆") == "Ünïcødé 喆"


def test_a_fancy_font_name_is_drawn_in_plain_letters_not_left_out() -> None:
    assert drawable("𝓜𝓪𝔂𝓪 ✨") == "Maya"
    assert drawable("𝕵𝖔 🔥 𝙺𝚒𝚖") == "Jo Kim"
    assert drawable("Ｍａｙａ") == "Maya"


def test_colours_with_different_meanings_stay_apart_for_deuteranopes() -> None:
    """ΔE after the simulation. GitHub's green and red, the card's old pair, are 15.6 apart: a
    verdict must be at least twice that. Shades of one meaning (posts per day) need less."""
    for a, b in combinations((style.MET, style.NOT_MET, style.OPEN), 2):
        assert apart_for_deuteranopes(a, b) >= 32, ("verdicts", a, b)
    kinds = (style.EMPTY, style.RESTED, style.FROZEN, style.POSTED_SHADES[0])
    for a, b in combinations(kinds, 2):
        assert apart_for_deuteranopes(a, b) >= 20, ("calendar", a, b)
    for a, b in zip(style.POSTED_SHADES, style.POSTED_SHADES[1:], strict=False):
        assert apart_for_deuteranopes(a, b) >= 15, ("shades", a, b)
    for a, b in combinations(style.PLATFORM_COLOURS[:4], 2):  # each platform also has its label
        assert apart_for_deuteranopes(a, b) >= 15, ("platforms", a, b)
    assert apart_for_deuteranopes("#2da44e", "#cf222e") < 32  # the check can fail


def test_the_install_brings_no_font_package() -> None:
    """The fonts ship with the code: mplfonts (103 MB, with the commercial SimHei) is gone."""
    project = tomllib.loads((style.FONTS.parents[2] / "pyproject.toml").read_text())
    wanted = " ".join(project["project"]["dependencies"]).lower()
    assert "font" not in wanted


def test_bold_falling_back_to_regular_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    """Every card's bold text goes Bold → Regular: by design, not a warning in the bot's log."""
    figure = new_figure(1.0, layout=None)
    figure.text(0.1, 0.5, "喆 Bold", fontfamily=families().bold, fontweight="bold",
                fontsize=style.TITLE_PT + 0.5)  # fmt: skip
    with caplog.at_level("DEBUG", logger="matplotlib.font_manager"):
        drawn(figure)
    assert not [r for r in caplog.records if "Failed to find font weight" in r.getMessage()]
