"""matplotlib and numpy load when a picture is first drawn, in the worker process, never in the
bot: importing them costs about 0.4 s at start and most of 40 MiB, for pictures drawn rarely."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

DRAWING_LIBRARIES = ("matplotlib", "numpy")

# A bot serving check-ins, a /card and a /chart (both drawn in the worker), then a report of
# which drawing libraries its own process holds.
SERVING = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from bot.clock import ControllableClock
    from bot.fakeapi import Session

    async def main(folder: str) -> None:
        clock = ControllableClock(datetime(2026, 3, 2, 12, tzinfo=UTC))
        async with Session(Path(folder), clock) as session:
            maya = session.person("Maya")
            await session.send(maya, "/start")
            await session.send(maya, "/post tiktok First video")
            await session.send(maya, "/followers tiktok 120")
            await session.send(maya, "/today")
            asked = ("/card", "/chart followers", "/chart calendar")
            drawn = [await session.send(maya, command) for command in asked]
            photos = sum(m.kind == "photo" for exchange in drawn for m in exchange.messages)
        loaded = [name for name in {libraries!r} if name in sys.modules]
        print(photos, ",".join(loaded) or "none")

    asyncio.run(main(sys.argv[1]))
    """
).replace("{libraries!r}", repr(DRAWING_LIBRARIES))


def test_the_bot_draws_pictures_without_loading_the_drawing_libraries(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", SERVING, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    photos, loaded = run.stdout.split()
    assert photos == "3"  # the card and both charts were drawn, in the worker
    assert loaded == "none"


def test_only_the_drawing_modules_import_the_drawing_libraries() -> None:
    """At module level, that is: `bot.pictures.drawing` imports them inside each function."""
    import ast

    bot = Path(__file__).resolve().parents[2] / "bot"
    offenders = []
    for path in sorted(bot.rglob("*.py")):
        if (bot / "pictures" / "draw") in path.parents:
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for imported in names:
                if imported.split(".")[0] in (*DRAWING_LIBRARIES, "cycler") or (
                    f"{imported}.".startswith("bot.pictures.draw.")
                ):
                    offenders.append(f"{path.relative_to(bot)}: {imported}")
    assert offenders == []
