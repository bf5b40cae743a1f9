"""The sandbox and the demo, driven the way a person (or a pipe) drives them."""

from __future__ import annotations

import asyncio
import io
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.demo import run_demo
from bot.sandbox import run_sandbox
from tests.helpers import environment

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday


async def chat(*lines: str) -> str:
    out = io.StringIO()
    await asyncio.wait_for(run_sandbox(io.StringIO("\n".join(lines) + "\n"), out, START), 60)
    return out.getvalue()


async def test_a_short_session() -> None:
    transcript = await chat(
        "/nudge 20:00",
        "/post",
        "1",  # the first platform button: TikTok
        ":user Jo",
        "/post xhs Autumn",
        ":group Club",
        "/join",
        ":user You",
        "/join",
        "/board",
        ":private",
        ":advance 1d",
        ":db",
        ":quit",
        "/today",  # after :quit: never read
    )
    assert "Postpact sandbox" in transcript
    assert "🤖 Where did you post?" in transcript
    assert "[1] TikTok" in transcript
    assert "🤖 ✅ Logged #1 · TikTok" in transcript
    assert "· you are Jo now" in transcript
    assert "🤖 👋 Hi! I'm Postpact" in transcript  # the bot was added to the group
    assert "🤖 ✅ You joined the room. 2 members now." in transcript
    assert "🏆 This week" in transcript
    assert "· it is now 2026-03-03 12:00 UTC" in transcript
    assert "🤖 [Mon 21:00] → Club 📣 Club · 2026-03-02" in transcript  # fell due on the way
    assert "] → Jo 📈 A day on" in transcript  # Jo's follow-up, shown, not pressable by You
    assert "(buttons for Jo: ✍️ Enter numbers, Stop asking)" in transcript
    assert "· the database is /" in transcript
    assert transcript.rstrip().endswith("· bye (the sandbox database is gone)")
    assert "Today, 2026" not in transcript


async def test_review_cards_and_charts_show_and_are_saved_where_it_says(tmp_path: Path) -> None:
    out = io.StringIO()
    script = ["/plan start", "/post tiktok a", ":advance 31d", "/chart calendar", ":quit"]
    lines = io.StringIO("\n".join(script) + "\n")
    await asyncio.wait_for(run_sandbox(lines, out, START, pictures=tmp_path / "pics"), 60)
    transcript = out.getvalue()
    saved = sorted((tmp_path / "pics").iterdir())
    assert len(saved) == 2  # the review's card, then the chart
    card, chart = saved
    assert card.read_bytes().startswith(b"\x89PNG")
    assert card.name == "001-photo.png"
    assert f"] → You 🖼 (picture: {card})" in transcript  # sent on its own, at the review
    assert transcript.index(str(card)) < transcript.index("📅 Month 1 of 3 review")
    assert f"🤖 🖼 (picture: {chart})" in transcript


async def test_whoever_adds_the_bot_to_a_group_is_its_admin_and_can_make_others() -> None:
    transcript = await chat(
        ":admin Jo",  # not in a group yet
        ":group Club",
        "/groupsettings",
        ":user Jo",
        "/groupsettings",
        ":admin Jo",
        "/groupsettings time 20:00",
        ":admin",
        ":quit",
    )
    assert "· :admin works in a group: :group NAME first" in transcript
    assert "· in the group Club, as You (its admin)" in transcript
    assert transcript.count("⚙️ Room settings") == 2  # You's, then Jo's once an admin
    assert "🤖 Only the group's admins can do that." in transcript
    assert "· Jo is an admin of Club now" in transcript
    assert "Digest: 20:00" in transcript
    assert transcript.count(":admin NAME") == 2  # the help, again for :admin without a name


async def test_numbers_press_the_latest_buttons_and_links_are_links() -> None:
    transcript = await chat(
        "/timezone Asia/Shanghai",
        "/nudge 20:00",
        ":advance 2d",  # two nudges: only the latest one's buttons take numbers
        "/today",  # a reply without buttons: numbers are text again
        "1",
        ":user Jo",
        ":group Club",
        "/join",  # Jo never opened the private chat: a link to it
        ":quit",
    )
    assert "🤖 [Tue 20:00] → You " in transcript  # proactive: the recipient's local time
    assert "🤖 [Wed 20:00] → You " in transcript
    assert "[4]" not in transcript
    assert transcript.count("[1] Posted ✅") == 1
    assert "   (buttons: Posted ✅, Snooze 1h, Rest day)" in transcript  # the older nudge's
    assert "🤖 I read commands." in transcript  # "1" was sent, not a press
    assert "🔗 Open Postpact: https://t.me/PostpactTestBot?start=g-1000000000001" in transcript
    assert "[1] Open Postpact" not in transcript


async def test_time_never_goes_back() -> None:
    transcript = await chat(":time 2026-03-01 12:00", ":time 2026-03-02 12:00", ":quit")
    assert "· :time can't go back: it is 2026-03-02 12:00 UTC already" in transcript
    assert "· it is now 2026-03-01" not in transcript
    assert "· it is now 2026-03-02 12:00 UTC" in transcript


async def test_buttons_and_bad_sandbox_commands() -> None:
    transcript = await chat("7", ":advance soon", ":time tomorrow", ":nonsense", ":quit")
    assert "· there is no button [7]" not in transcript  # no buttons yet: "7" goes to the bot
    assert "I read commands." in transcript
    assert transcript.count(":user NAME") == 3  # the help, again for each unknown command
    assert "· :time wants YYYY-MM-DD HH:MM (UTC)" in transcript


async def test_make_run_without_a_token_starts_the_sandbox(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--or-sandbox",
        cwd=tmp_path, env=environment(), stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    stdout, stderr = await asyncio.wait_for(process.communicate(b"/post tiktok hi\n:quit\n"), 60)
    assert process.returncode == 0
    assert "BOT_TOKEN is not set" in stderr.decode()
    assert "starting the sandbox instead" in stderr.decode()
    assert "🤖 ✅ Logged #1 · TikTok · “hi”" in stdout.decode()
    assert "Traceback" not in stderr.decode()


async def start_sandbox(tmp_path: Path, *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args,
        cwd=tmp_path, env=environment(), stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def test_quitting_right_after_start_prints_no_traceback(tmp_path: Path) -> None:
    process = await start_sandbox(tmp_path, "--or-sandbox")
    stdout, stderr = await asyncio.wait_for(process.communicate(b":quit\n"), 60)
    assert process.returncode == 0
    assert "Traceback" not in stderr.decode()
    assert "raised an exception" not in stderr.decode()
    assert stdout.decode().rstrip().endswith("· bye (the sandbox database is gone)")


async def test_ctrl_c_leaves_the_sandbox_at_once_and_cleanly(tmp_path: Path) -> None:
    process = await start_sandbox(tmp_path, "sandbox")
    assert process.stdout is not None
    assert process.stdin is not None
    while b":quit" not in await asyncio.wait_for(process.stdout.readline(), 60):
        pass  # the help is printed once the bot runs
    process.stdin.write(b"/today\n")
    await process.stdin.drain()
    assert "🤖".encode() in await asyncio.wait_for(process.stdout.readline(), 30)
    process.send_signal(signal.SIGINT)  # stdin stays open: the sandbox is waiting for a line
    try:
        await asyncio.wait_for(process.wait(), 10)  # stdin still open: no line will come
    finally:
        if process.returncode is None:
            process.kill()
    assert process.returncode == 0
    assert process.stderr is not None
    assert "Traceback" not in (await process.stderr.read()).decode()
    stdout = (await process.stdout.read()).decode()
    assert stdout.rstrip().endswith("· bye (the sandbox database is gone)")


async def test_the_demo_plays_90_days_in_each_language_in_under_a_minute(tmp_path: Path) -> None:
    out = io.StringIO()
    started = time.monotonic()
    written = await run_demo(tmp_path / "story", out)
    assert time.monotonic() - started < 60
    story = out.getvalue()
    assert "Cai's video is saved by 23 people: a hit 🎯" in story
    assert "Day 31 · Ana: 📅 Month 1 of 3 review" in story
    assert "Day 31 · Ben: 📅 Month 1 of 3 review · 2026-03-02 → 2026-03-31 — ❌ not met" in story
    assert "Day 91 · Cai: 📅 Month 3 of 3 review · 2026-05-01 → 2026-05-30 — ✅ met" in story
    names = sorted(str(p.relative_to(tmp_path / "story")) for p in written)
    for lang in ("en", "zh"):
        for person in ("ana", "ben", "cai"):
            for picture in ("month-1-card", "month-2-card", "final-card", "followers", "calendar"):
                assert f"{lang}/{person}-{picture}.png" in names
        assert f"{lang}/cai-final-review.txt" in names
    assert (tmp_path / "story" / "en" / "cai-final-review.txt").read_text().count(
        "🏁 Cycle 1 complete"
    ) == 1
    assert "🏁 第 1 轮完成" in (tmp_path / "story" / "zh" / "cai-final-review.txt").read_text()
    assert all(p.stat().st_size > 100 for p in written)
