"""A scripted 90-day story, played through the real bot in under a minute.

Three creators start the 3-month program on the same day and share a group room: Ana keeps the
habit, Ben drifts after two weeks, Cai posts five days a week, gets a hit in month 2 and grows.
The clock walks day by day; everything the bot sends (check-ins, nudges, digests, reviews) is
real. Highlights are printed, and the pictures (each creator's review cards and charts, the
room's weekly card) and the final reviews are written to a folder: the story is played once in
English and once in Simplified Chinese, into `en/` and `zh/`.
"""

from __future__ import annotations

import asyncio
import io
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from bot.clock import ControllableClock
from bot.domain.models import Language
from bot.fakeapi import Person, Session, StoredMessage

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday
DAYS = 90
DEMO_LIMITS = {"user_burst": 1_000_000}
ROOM = -1_000_000_000_777
LANGUAGES: tuple[Language, ...] = ("en", "zh")


class Demo:
    def __init__(self, session: Session, out: TextIO, lang: Language = "en") -> None:
        self.session = session
        self.out = out
        self.lang = lang
        self.ana = session.person("Ana", username="ana_cooks")
        self.ben = session.person("Ben", username="ben_draws")
        self.cai = session.person("Cai", username="cai_travels")
        self.people = (self.ana, self.ben, self.cai)
        self.finals: dict[str, str] = {}

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def quote(self, who: str, message: StoredMessage) -> None:
        first = message.text.splitlines()[0] if message.text else message.kind
        self.say(f"   {who} ← {first}")

    async def setup(self) -> None:
        s = self.session
        s.group_titles[ROOM] = "Creators Club"
        await s.bot_added(self.ana, ROOM)
        s.server.chat_members[(ROOM, self.ana.user_id)] = "creator"
        await s.send(self.ana, f"/groupsettings lang {self.lang}", chat_id=ROOM)
        for person, niche, platform in (
            (self.ana, "Weeknight cooking #food", "tiktok"),
            (self.ben, "Daily sketches #art", "xhs"),
            (self.cai, "Budget travel #travel", "youtube"),
        ):
            await s.send(person, f"/lang {self.lang}")
            await s.send(person, "/timezone UTC")
            await s.send(person, "/nudge 19:00")
            await s.send(person, f"/niche {niche}")
            await s.send(person, f"/handle {platform} @{person.username}")
            await s.send(person, "/share handles on")
            await s.send(person, "/share followers on")
            await s.send(person, "/join", chat_id=ROOM)
            await s.send(person, "/plan start")
        await s.send(self.cai, "/goals days 5")
        self.say("Day 1 · Ana, Ben and Cai start the 3-month program and join “Creators Club”.")

    def posts_today(self, person: Person, day: int) -> bool:
        if person is self.ana:
            return True
        if person is self.ben:
            return day < 14 or day % 9 == 0
        return day % 7 < 5

    async def play(self) -> None:
        s = self.session
        followers = {self.ana: 40, self.ben: 60, self.cai: 25}
        platform = {self.ana: "tiktok", self.ben: "xhs", self.cai: "youtube"}
        for day in range(DAYS + 1):
            s.clock.set(START + timedelta(days=day))
            for person in self.people:
                if day < DAYS and self.posts_today(person, day):
                    where = ROOM if day % 3 == 0 else None
                    text = f"/post {platform[person]} day {day + 1} #{_tag(person, self)}"
                    reply = await s.send(person, text, chat_id=where)
                    if day == 0:
                        self.quote(person.first_name, reply.last)
            if day == 40:  # Cai's hit, in month 2
                await s.send(self.cai, "/metrics last saves=23 likes=410 views=9800")
                self.say("Day 41 · Cai's video is saved by 23 people: a hit 🎯")
            if day % 7 == 6:  # weekly follower counts
                followers[self.ana] += 9
                followers[self.ben] += 1
                followers[self.cai] += 4 if day < 40 else 16
                for person in self.people:
                    await s.send(person, f"/followers {platform[person]} {followers[person]}")
            sent = await s.walk(START + timedelta(days=day, hours=15), timedelta(hours=3))
            await self.narrate(day, sent)
        self.say(
            f"After 90 days · followers: Ana {followers[self.ana]}, Ben {followers[self.ben]}, "
            f"Cai {followers[self.cai]}."
        )

    async def narrate(self, day: int, sent: list[StoredMessage]) -> None:
        names = {p.user_id: p.first_name for p in self.people}
        for message in sent:
            who = names.get(message.chat_id, "Creators Club")
            lines = message.text.splitlines() or [""]
            if lines[0].startswith("📅") and who in names.values():
                verdict = next((line for line in lines if line.startswith("Goal:")), "")
                self.say(f"Day {day + 1} · {who}: {lines[0]} — {verdict.split('— ')[-1]}")
                if any(line.startswith("🏁") for line in lines):
                    self.finals[who] = message.text
            elif lines[0].startswith(("📅", "📊")) and day in (7, 30, 84):
                self.say(f"Day {day + 1} · {who}: {lines[0]} — {lines[1]}")
            elif lines[0].startswith("📣") and day in (0, 45):
                self.say(f"Day {day + 1} · {who} digest: {lines[1]}")
            elif who == "Ben" and day == 15 and _is_nudge(message):
                self.say(f"Day {day + 1} · Ben has drifted; his nudge: “{lines[0]}”")

    async def files(self) -> dict[str, bytes]:
        """The final reviews, each creator's review cards and charts, the room's weekly card."""
        found: dict[str, bytes] = {}
        for person in self.people:
            name = person.first_name.lower()
            if person.first_name in self.finals:
                found[f"{name}-final-review.txt"] = (self.finals[person.first_name] + "\n").encode()
            sent = self.session.server.bot_messages(person.user_id)
            cards = [m for m in sent if m.kind == "photo" and m.file_name != "chart.png"]
            for month, card in enumerate(cards[:3], start=1):
                label = "final" if month == 3 else f"month-{month}"
                found[f"{name}-{label}-card.png"] = card.content
            for chart in ("followers", "calendar"):
                photo = (await self.session.send(person, f"/chart {chart}")).last
                if photo.kind == "photo":
                    found[f"{name}-{chart}.png"] = photo.content
        weekly = [m for m in self.session.server.bot_messages(ROOM) if m.kind == "photo"]
        if weekly:
            found["room-weekly-card.png"] = weekly[-1].content
        return found


def _write(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content)
        written.append(path)
    return written


def _is_nudge(message: StoredMessage) -> bool:
    return bool(message.buttons) and message.buttons[0][1].startswith("1|nudge|")


def _tag(person: Person, demo: Demo) -> str:
    return {demo.ana.user_id: "food", demo.ben.user_id: "art"}.get(person.user_id, "travel")


async def run_demo(folder: Path, out: TextIO) -> list[Path]:
    """The story in each language, into `folder/<lang>/`; the English run is narrated."""
    started = time.monotonic()
    written: list[Path] = []
    for lang in LANGUAGES:
        narrator = out if lang == "en" else io.StringIO()
        files = await _play(lang, narrator)
        written += await asyncio.to_thread(_write, folder / lang, files)
    elapsed = time.monotonic() - started
    print(f"Played 90 days in each language in {elapsed:.0f} s. Written to {folder}/:", file=out)
    for path in written:
        print(f"  {path.relative_to(folder)}", file=out)
    return written


async def _play(lang: Language, out: TextIO) -> dict[str, bytes]:
    clock = ControllableClock(START)
    with tempfile.TemporaryDirectory(prefix="postpact-demo-") as scratch:
        # 90 days of one person's commands in under a minute: far above the per-user rate.
        async with Session(Path(scratch), clock, user_limits=DEMO_LIMITS) as session:
            demo = Demo(session, out, lang)
            await demo.setup()
            await demo.play()
            return await demo.files()


def main(folder: str | None = None) -> None:
    asyncio.run(run_demo(Path(folder or "postpact-demo"), sys.stdout))
