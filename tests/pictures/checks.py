"""What can be checked of a picture from its pixels and its figure: the shared checks.

- `drawn(figure)`: the PNG, failing if matplotlib drew any glyph as an empty box (it warns
  "Glyph … missing from font(s)" for each one).
- `readable(figure)`: every visible text is at least `MIN_PT` (capitals ≥ 14 px at 1,080 wide).
- `texts(figure)`: every visible text, to look for labels.
- `as_deuteranope(colour)` and `apart_for_deuteranopes(a, b)`: Machado, Oliveira & Fernandes
  (2009)'s simulation of deuteranopia at full severity, and the CIE76 distance of the result.
- `share_of(pixels, colour)`: how much of a picture is (nearly) that colour.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from matplotlib import image
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text

from bot.pictures.draw.figure import png
from bot.pictures.style import MIN_PT

Pixels = npt.NDArray[np.float32]

# Machado et al. (2009), deuteranopia, severity 1.0, on linear RGB.
DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)


@dataclass(frozen=True)
class Drawn:
    data: bytes
    pixels: Pixels  # rows × columns × RGB(A), 0..1

    @property
    def size(self) -> tuple[int, int]:
        return int(self.pixels.shape[1]), int(self.pixels.shape[0])


def drawn(figure: Figure) -> Drawn:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = png(figure)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return Drawn(data, image.imread(io.BytesIO(data)))


def texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in _visible_texts(figure)]


def readable(figure: Figure) -> None:
    small = [(t.get_text(), t.get_fontsize()) for t in _visible_texts(figure)
             if float(t.get_fontsize()) < MIN_PT]  # fmt: skip
    assert not small, f"text under {MIN_PT} pt: {small}"


def _visible_texts(figure: Figure) -> list[Text]:
    found = figure.findobj(lambda a: isinstance(a, Text) and a.get_visible())
    return [t for t in found if isinstance(t, Text) and t.get_text().strip()]


def _linear(colour: str) -> npt.NDArray[np.float64]:
    srgb = np.array(to_rgb(colour))
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    xyz = np.array(
        [
            [0.4124, 0.3576, 0.1805],
            [0.2126, 0.7152, 0.0722],
            [0.0193, 0.1192, 0.9505],
        ]
    ) @ np.clip(linear, 0, 1)
    ratio = xyz / np.array([0.9505, 1.0, 1.089])
    f = np.where(ratio > 0.008856, np.cbrt(ratio), 7.787 * ratio + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def as_deuteranope(colour: str) -> npt.NDArray[np.float64]:
    """The colour as Lab, as a deuteranope sees it."""
    return _lab(DEUTERANOPIA @ _linear(colour))


def apart_for_deuteranopes(a: str, b: str) -> float:
    """The CIE76 ΔE between two colours after the simulation (≥ 20: clearly different)."""
    return float(np.linalg.norm(as_deuteranope(a) - as_deuteranope(b)))


def share_of(pixels: Pixels, colour: str, tolerance: float = 0.06) -> float:
    """The share of the picture's pixels within `tolerance` of `colour` on each channel."""
    target = np.array(to_rgb(colour))
    close = np.all(np.abs(pixels[..., :3] - target) <= tolerance, axis=-1)
    return float(close.mean())
