"""The shape of the code, held by tests so it stays the way the README describes it.

- Small modules and functions: none over the limits below (the text catalogs excepted).
- The domain is pure: no Telegram, no SQL, no store, no text catalog, no clock reading.
- Handlers only in `features/`: they, and the scheduling modules, never write message text
  themselves (render does).
- Render takes plain values: it never reads the store or calls Telegram.
- The store speaks SQL, not Telegram.
- Time comes from the injectable clock.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def modules(folder: str = "") -> list[Path]:
    return sorted((BOT / folder).rglob("*.py"))


def name(path: Path) -> str:
    return str(path.relative_to(BOT))


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def imports_any(path: Path, prefixes: tuple[str, ...]) -> list[str]:
    return sorted(i for i in imports(path) if i.startswith(prefixes))


@pytest.mark.parametrize("path", modules(), ids=name)
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    lines = len(source.splitlines())
    if "texts" not in path.relative_to(BOT).parts:
        assert lines <= MAX_MODULE_LINES, f"{name(path)} has {lines} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long


@pytest.mark.parametrize("path", modules("domain"), ids=name)
def test_the_domain_is_pure(path: Path) -> None:
    forbidden = ("telegram", "aiosqlite", "sqlite3", "aiohttp", "bot.store", "bot.features",
                 "bot.render", "bot.texts", "bot.services", "bot.clock")  # fmt: skip
    assert imports_any(path, forbidden) == []


# Modules that decide or deliver, and so must leave the writing to render/.
NOT_WRITING = (
    *modules("features"),
    *modules("services"),
    BOT / "app.py",
    BOT / "planner.py",
    BOT / "outbound.py",
    BOT / "request_layer.py",
    BOT / "sweeps.py",
)


@pytest.mark.parametrize("path", NOT_WRITING, ids=name)
def test_handlers_and_schedulers_leave_the_writing_to_render(path: Path) -> None:
    assert imports_any(path, ("bot.texts.t", "bot.texts.h", "bot.store.db", "aiosqlite")) == []


@pytest.mark.parametrize("path", modules("render"), ids=name)
def test_render_takes_plain_values(path: Path) -> None:
    forbidden = ("bot.store", "bot.features", "bot.services", "telegram.ext", "aiosqlite")
    assert imports_any(path, forbidden) == []


@pytest.mark.parametrize("path", modules("store"), ids=name)
def test_the_store_knows_no_telegram(path: Path) -> None:
    assert imports_any(path, ("telegram", "bot.features", "bot.render", "bot.texts")) == []


@pytest.mark.parametrize("path", modules(), ids=name)
def test_time_comes_from_the_clock(path: Path) -> None:
    if path.name == "clock.py":
        return
    source = path.read_text(encoding="utf-8")
    assert "datetime.now(" not in source
    assert "date.today(" not in source
