"""The profile's questions as one table: the onboarding walk (/start) and the edits in /settings.

Both ask the same steps; `Mode` tells them apart: in onboarding an answer (or Skip) moves on to the
step after, in editing it goes back to the profile. Each step's row in `STEPS` says what its
buttons offer, whether it also takes a typed answer, what it saves and which step follows.

A step that waits for typed text (a timezone not in the list, a niche, a handle) records an
`Awaiting` in the user's row, so the answer is understood even after a restart. Its stored text is
the format used before this module existed (`tz:o`, `handle:tiktok:e`, `metrics:12`), so rows
written before a deploy still parse. No Telegram and no store here: the handlers in
`features/profile.py` act on these decisions and `render/profile.py` writes the messages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum

from bot.domain.errors import InputError
from bot.domain.models import LANGUAGES, Language, Profile
from bot.domain.parsing import parse_clock
from bot.domain.platforms import PLATFORMS
from bot.domain.settings_input import parse_day_start, parse_niche
from bot.domain.timezones import COMMON_ZONES, TimezoneError, parse_timezone

# Profile fields an answer sets, as `store.users.update` takes them.
Fields = dict[str, object]

NUDGE_CHOICES = ("08:00", "12:00", "18:00", "20:00", "21:00", "22:00")
DAY_START_CHOICES = ("00:00", "01:00", "02:00", "03:00", "04:00")
# Settings that move the user's reminders and reviews: saving one reschedules them.
SCHEDULE_FIELDS = frozenset({"timezone", "nudge_time", "day_start", "onboarded"})


class Mode(StrEnum):
    """Where answering a step leads (the values are the buttons' and stored rows' codes)."""

    ONBOARDING = "o"  # to the next step, and after the last one to "All set"
    EDITING = "e"  # back to the profile


class Step(StrEnum):
    LANG = "lang"
    TIMEZONE = "tz"
    NUDGE = "nudge"
    DAY_START = "daystart"
    NICHE = "niche"
    PLATFORMS = "platforms"
    HANDLES = "handles"
    PROFILE = "profile"  # not a question: the profile itself, where « Back leads


class Press(StrEnum):
    """Button values that are not a choice."""

    OPEN = "open"  # show the step
    TYPE = "type"  # ask for a typed answer ("Type another…")
    SKIP = "skip"  # move on without answering
    DONE = "done"  # end a step that takes many answers


class Asked(StrEnum):
    """What a typed answer is for. The values are the stored prefixes."""

    TIMEZONE = "tz"
    NUDGE = "nudge"
    NICHE = "niche"
    HANDLE = "handle"  # one platform's handle; the platform is the `subject`
    METRICS = "metrics"  # a follow-up's numbers, asked by check-ins; the post id is the `subject`


class Move(Enum):
    """What a press on a step's button does."""

    PROFILE = "show the profile"
    OPEN = "show the step"
    NEXT = "move on without answering"
    ASK = "ask for a typed answer"
    SAVE = "save the choice"
    TOGGLE = "add or remove the platform"
    ASK_HANDLE = "ask for the platform's handle"


# What people type for a language, besides its code.
_LANGUAGE_WORDS: dict[str, Language] = {code: code for code in LANGUAGES} | {
    "中文": "zh",
    "chinese": "zh",
    "english": "en",
    "cn": "zh",
}


def parse_language(text: str) -> Language:
    """`en`, `zh`, and the names people type for them."""
    word = text.strip().casefold()
    if word not in _LANGUAGE_WORDS:
        raise InputError("error.lang")
    return _LANGUAGE_WORDS[word]


def _language(text: str) -> Fields:
    return {"language": parse_language(text)}


def _timezone(text: str) -> Fields:
    try:
        return {"timezone": parse_timezone(text).name}
    except TimezoneError:
        raise InputError("error.timezone", given=text.strip()[:64]) from None


def _nudge(text: str) -> Fields:
    return {"nudge_time": parse_clock(text)}


def _day_start(text: str) -> Fields:
    return {"day_start": parse_day_start(text)}


def _niche(text: str) -> Fields:
    niche = parse_niche(text)
    return {"niche": niche.sentence, "niche_tags": niche.tags}


@dataclass(frozen=True)
class StepRule:
    """One question of the profile."""

    step: Step
    question: str  # the catalog key of the question
    then: Step | None  # the next onboarding step; None: onboarding ends here (or never comes here)
    choices: tuple[str, ...] = ()  # the values its buttons offer (handles: the user's platforms)
    on_choice: Move | None = Move.SAVE  # what pressing a choice does; None: typed only, no buttons
    typed: Asked | None = None  # the typed answer it also takes
    saves: Callable[[str], Fields] | None = None  # an answer → the profile fields it sets
    done: bool = False  # it takes many answers, ended by Done (no Skip or Back)
    onboarding: bool = True  # False: only in /settings
    empty_question: str | None = None  # the question when there is nothing to choose

    @property
    def typed_only(self) -> bool:
        return self.on_choice is None


# In the order of the profile's edit buttons; onboarding follows `then` from `FIRST`.
STEPS: Mapping[Step, StepRule] = {
    rule.step: rule
    for rule in (
        StepRule(Step.LANG, "ask.lang", Step.TIMEZONE, LANGUAGES, saves=_language),
        StepRule(
            Step.TIMEZONE,
            "ask.tz",
            Step.NUDGE,
            COMMON_ZONES,
            typed=Asked.TIMEZONE,
            saves=_timezone,
        ),
        StepRule(
            Step.NUDGE, "ask.nudge", Step.NICHE, NUDGE_CHOICES, typed=Asked.NUDGE, saves=_nudge
        ),
        StepRule(
            Step.DAY_START,
            "ask.daystart",
            None,
            DAY_START_CHOICES,
            saves=_day_start,
            onboarding=False,
        ),
        StepRule(
            Step.NICHE,
            "ask.niche_type",
            Step.PLATFORMS,
            on_choice=None,
            typed=Asked.NICHE,
            saves=_niche,
        ),
        StepRule(
            Step.PLATFORMS,
            "ask.platforms",
            Step.HANDLES,
            tuple(p.key for p in PLATFORMS),
            on_choice=Move.TOGGLE,
            done=True,
        ),
        StepRule(
            Step.HANDLES,
            "ask.handles",
            None,
            on_choice=Move.ASK_HANDLE,
            done=True,
            empty_question="ask.handles_none",
        ),
    )
}
FIRST = Step.LANG
# The question for each typed answer (a niche is only ever typed: its step asks the same).
TYPED_QUESTIONS: Mapping[Asked, str] = {
    Asked.TIMEZONE: "ask.tz_type",
    Asked.NUDGE: "ask.nudge_type",
    Asked.NICHE: "ask.niche_type",
    Asked.HANDLE: "ask.handle_type",
}


def onboarding_steps() -> tuple[Step, ...]:
    """The walk /start takes, in order."""
    steps: list[Step] = []
    step: Step | None = FIRST
    while step is not None:
        steps.append(step)
        step = STEPS[step].then
    return tuple(steps)


def choices_for(rule: StepRule, profile: Profile) -> tuple[str, ...]:
    """The values a step's buttons offer: its fixed ones, or for handles the user's platforms."""
    return profile.platforms if rule.step is Step.HANDLES else rule.choices


def typed_rule(asked: Asked) -> StepRule:
    """The step a typed answer belongs to; "out of date" for one no step asks."""
    for rule in STEPS.values():
        if rule.typed is asked:
            return rule
    raise InputError("error.button_expired")


def awaiting_for(step: Step, mode: Mode) -> Awaiting:
    """What waiting for a step's typed answer is recorded as."""
    asked = STEPS[step].typed
    if asked is None:
        raise InputError("error.button_expired")
    return Awaiting(asked, mode)


def moves_schedule(fields: Mapping[str, object]) -> bool:
    return not SCHEDULE_FIELDS.isdisjoint(fields)


def move_for(mode: Mode, step: Step, value: str) -> Move:
    """What pressing a step's button does. `InputError` for a press the bot never offers (forged,
    or from another version): that button is "out of date"."""
    rule = STEPS.get(step)
    if value == Press.TYPE and (rule is None or rule.typed is None):
        raise InputError("error.button_expired")
    if rule is None:
        return Move.PROFILE
    if mode is Mode.ONBOARDING and not rule.onboarding:
        raise InputError("error.button_expired")  # onboarding never asks this step
    if value in (Press.OPEN, ""):
        return Move.OPEN
    if value == Press.SKIP or (value == Press.DONE and rule.done):
        return Move.NEXT
    if value == Press.TYPE:
        return Move.ASK
    if rule.on_choice is None:
        raise InputError("error.button_expired")  # a niche is typed, never a button's value
    return rule.on_choice


@dataclass(frozen=True)
class Awaiting:
    """The typed answer a user's next message gives, as stored in their row."""

    asked: Asked
    mode: Mode = Mode.EDITING  # where a profile answer leads (unused for METRICS)
    subject: str = ""  # HANDLE: the platform key; METRICS: the post id

    @classmethod
    def metrics(cls, post_id: int) -> Awaiting:
        """Waiting for a follow-up's numbers for one post (check-ins answers it)."""
        return cls(Asked.METRICS, subject=str(post_id))

    def encode(self) -> str:
        if self.asked is Asked.METRICS:
            return f"{self.asked}:{self.subject}"
        if self.asked is Asked.HANDLE:
            return f"{self.asked}:{self.subject}:{self.mode}"
        return f"{self.asked}:{self.mode}"

    @classmethod
    def decode(cls, text: str) -> Awaiting | None:
        """None for text this version never stored."""
        head, _, rest = text.partition(":")
        try:
            asked = Asked(head)
        except ValueError:
            return None
        if asked is Asked.METRICS:
            return cls(asked, subject=rest)
        subject = ""
        if asked is Asked.HANDLE:
            subject, _, rest = rest.partition(":")
        try:
            return cls(asked, Mode(rest), subject)
        except ValueError:
            return None
