"""Rebuild the two font files in this folder from Debian's `fonts-noto-cjk` package.

Why a subset shipped with the project: the pictures need a font with Chinese, and the choices were
mplfonts (103 MB installed, six fonts, one of them SimHei, a commercial font), Debian's package
(works only where apt does, not in a fresh `.venv`), or the ~20 MB collections themselves. A subset
of the Simplified Chinese face is 12 MB for both weights and installs with the code everywhere.

- Regular: Latin, punctuation, arrows, shapes, kana and every CJK Unified Ideograph (U+4E00–9FFF),
  so a creator's name or a post's title in rare characters still draws.
- Bold (titles and big numbers): the same, but only the 6,763 GB 2312 ideographs; a rarer one
  falls back to Regular. Its family is renamed "Noto Sans CJK SC Bold", so matplotlib can fall
  back by name.

Both are Noto Sans CJK SC 2.004 (SIL Open Font License 1.1, see OFL.txt; Noto reserves no font
name). To rebuild:

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb deb
    python -m bot.pictures.fonts.make_subset deb/usr/share/fonts/opentype/noto
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTCollection  # type: ignore[import-untyped]

HERE = Path(__file__).parent
SC_FACE = 2  # the collection's order: JP, KR, SC, TC, HK, then the Mono faces
BASICS = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1 and Latin Extended-A
    (0x2000, 0x206F),  # general punctuation
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x27BF),  # enclosed numbers, box drawing, shapes, symbols
    (0x3000, 0x30FF),  # CJK punctuation, kana
    (0xFF00, 0xFFEF),  # full-width forms
)
IDEOGRAPHS = (0x4E00, 0x9FFF)
REGULAR, BOLD = "NotoSansCJKsc-Regular.subset.otf", "NotoSansCJKsc-Bold.subset.otf"
BOLD_FAMILY = "Noto Sans CJK SC Bold"


def gb2312_ideographs() -> str:
    """The 6,763 ideographs of GB 2312 (rows 16–87), which cover nearly all everyday Chinese."""
    found = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(found)


def spans(*ranges: tuple[int, int]) -> str:
    return "".join(chr(code) for first, last in ranges for code in range(first, last + 1))


def write_subset(collection: Path, text: str, out: Path, family: str | None = None) -> None:
    font = TTCollection(str(collection)).fonts[SC_FACE]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False  # drawn at 20 px and up: hints change nothing visible
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    if family is not None:
        names = font["name"]
        for record in list(names.names):
            if record.nameID in (1, 16):
                names.setName(family, record.nameID, record.platformID, record.platEncID,
                              record.langID)  # fmt: skip
    font.save(str(out))


def main(source: str) -> None:
    folder = Path(source)
    regular, bold = spans(*BASICS, IDEOGRAPHS), spans(*BASICS) + gb2312_ideographs()
    write_subset(folder / "NotoSansCJK-Regular.ttc", regular, HERE / REGULAR)
    write_subset(folder / "NotoSansCJK-Bold.ttc", bold, HERE / BOLD, family=BOLD_FAMILY)


if __name__ == "__main__":
    main(sys.argv[1])
