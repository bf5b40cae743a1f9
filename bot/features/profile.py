"""The profile: onboarding (/start), /settings, and the direct commands for each setting.

Onboarding is a row of steps, each a message with buttons and each skippable; the steps, their
order and what each saves are the table in `domain/onboarding.py`, their messages are written in
`render/profile.py`. Steps that need typed text (a timezone not in the list, a niche, a handle)
record what we are waiting for in the user's row, so the answer is understood even after a
restart. Any command cancels the wait.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import MessageHandler, filters

from bot.domain.errors import InputError
from bot.domain.onboarding import (
    FIRST,
    STEPS,
    Asked,
    Awaiting,
    Mode,
    Move,
    Step,
    awaiting_for,
    move_for,
    moves_schedule,
    typed_rule,
)
from bot.domain.parsing import parse_platform
from bot.domain.settings_input import parse_handle, parse_handle_value
from bot.features.base import (
    PRIVATE,
    Caller,
    Feature,
    answer,
    button,
    caller_for,
    command,
    identify,
    refreshed,
)
from bot.features.commands import AnyContext, AnyHandler
from bot.planner import Planner
from bot.render import profile as render
from bot.render.profile import SetButton
from bot.render.review import program_offer
from bot.services import Services

# A free-text answer another feature asked for (e.g. a follow-up's numbers): the update, the
# caller, the `Awaiting` subject (a post id) and the text.
Answer = Callable[[Update, Caller, str, str], Awaitable[None]]
# Free text nobody asked for that another feature may take (a post link): True when it did.
Unasked = Callable[[Update, Caller, str], Awaitable[bool]]


class ProfileFeature(Feature):
    def __init__(
        self,
        services: Services,
        planner: Planner,
        answers: Mapping[Asked, Answer] | None = None,
        unasked: Unasked | None = None,
    ) -> None:
        super().__init__(services)
        self.users = services.store.users
        self.planner = planner
        self.answers = dict(answers or {})
        self.unasked = unasked

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "start", self.start),
            command(s, "settings", self.settings, menu="menu.settings"),
            command(s, "lang", self.lang, usage="lang"),
            command(s, "timezone", self.timezone, usage="timezone"),
            command(s, "niche", self.niche, usage="niche"),
            command(s, "handle", self.handle, usage="handle"),
            command(s, "daystart", self.daystart, usage="daystart"),
            command(s, "cancel", self.cancel),
            button(s, SetButton, self.set_button),
            MessageHandler(PRIVATE & filters.TEXT & ~filters.COMMAND, self.on_text),
        ]

    # --- commands ---------------------------------------------------------------------------

    async def start(self, update: Update, caller: Caller, args: str) -> None:
        if args.strip().startswith("g"):
            # Opened from a room's /join button: this chat is where nudges and cheers arrive.
            await answer(update, render.room_connected(caller.lang))
        if caller.profile.onboarded:
            await self.show_profile(update, caller)
            return
        text, keyboard = await self._step_screen(caller, FIRST, Mode.ONBOARDING)
        await answer(update, render.welcome(caller.lang, text), keyboard)

    async def settings(self, update: Update, caller: Caller, args: str) -> None:
        await self.show_profile(update, caller)

    async def lang(self, update: Update, caller: Caller, args: str) -> None:
        await self._set_or_show(update, caller, Step.LANG, args.strip(), "lang")

    async def timezone(self, update: Update, caller: Caller, args: str) -> None:
        await self._set_or_show(update, caller, Step.TIMEZONE, args, "timezone")

    async def daystart(self, update: Update, caller: Caller, args: str) -> None:
        await self._set_or_show(update, caller, Step.DAY_START, args, "daystart")

    async def niche(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            # A niche has no choices to show: it is asked, and the next message answers it.
            await self._show_step(update, caller, Step.NICHE, Mode.EDITING)
            return
        await self._save(update, caller, Step.NICHE, args, Mode.EDITING)

    async def handle(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            await self._show_with_usage(update, caller, Step.HANDLES, "handle")
            return
        request = parse_handle(args)
        profile = await self.users.set_handle(caller.user_id, request.platform, request.handle)
        stored = None if request.handle is None else profile.handles[request.platform]
        await answer(update, render.handle_changed(caller.lang, request.platform, stored))

    async def cancel(self, update: Update, caller: Caller, args: str) -> None:
        # `command` has already cleared any question we were waiting on.
        await answer(update, render.cancelled(caller.lang))

    async def _set_or_show(
        self, update: Update, caller: Caller, step: Step, args: str, usage: str
    ) -> None:
        """`/lang zh` sets; a bare `/lang` shows the choices and how to use the command."""
        if not args.strip():
            await self._show_with_usage(update, caller, step, usage)
            return
        await self._save(update, caller, step, args, Mode.EDITING)

    async def _show_with_usage(
        self, update: Update, caller: Caller, step: Step, usage: str
    ) -> None:
        text, keyboard = await self._step_screen(caller, step, Mode.EDITING)
        await answer(update, render.with_usage(caller.lang, text, usage), keyboard)

    # --- free-text answers --------------------------------------------------------------------

    async def on_text(self, update: Update, context: AnyContext) -> None:
        assert update.effective_user is not None
        assert update.effective_message is not None
        caller = await identify(self.services, update.effective_user)
        text = update.effective_message.text or ""
        if caller.profile.awaiting is None:
            # An awaited answer goes first; then a feature may take the text (a shared post
            # link); anything else gets the pointer to the commands.
            if self.unasked is None or not await self.unasked(update, caller, text):
                await answer(update, render.pointer(caller.lang))
            return
        try:
            await self._answer(update, caller, caller.profile.awaiting, text)
        except InputError as error:
            await answer(update, render.ask_again(caller.lang, error))

    async def _answer(self, update: Update, caller: Caller, stored: str, text: str) -> None:
        """The typed answer to the question recorded in the user's row."""
        awaiting = Awaiting.decode(stored)
        if awaiting is None:
            raise InputError("error.button_expired")
        if awaiting.asked in self.answers:
            await self.answers[awaiting.asked](update, caller, awaiting.subject, text)
            await self.users.update(caller.user_id, caller.now, awaiting=None)
        elif awaiting.asked is Asked.HANDLE:
            await self._save_handle(update, caller, awaiting, text)
        else:
            step = typed_rule(awaiting.asked).step
            await self._save(update, caller, step, text, awaiting.mode, typed=True)

    # --- buttons --------------------------------------------------------------------------------

    async def set_button(self, update: Update, caller: Caller, pressed: SetButton) -> None:
        """A step's button: a choice, or open / type / skip / done (`domain.onboarding.Press`)."""
        mode, step, value = pressed.mode, pressed.step, pressed.value
        move = move_for(mode, step, value)
        if caller.profile.awaiting is not None and move is not Move.ASK:
            # A button press answers the question differently (skip, back, a choice).
            caller = caller_for(
                await self.users.update(caller.user_id, caller.now, awaiting=None), caller.now
            )
        match move:
            case Move.PROFILE:
                await self.show_profile(update, caller)
            case Move.OPEN:
                await self._show_step(update, caller, step, mode)
            case Move.NEXT:
                await self._advance(update, caller, step, mode)
            case Move.ASK:
                await self._ask(update, caller, awaiting_for(step, mode))
            case Move.SAVE:
                await self._save(update, caller, step, value, mode)
            case Move.TOGGLE:
                await self.users.toggle_platform(caller.user_id, parse_platform(value).key)
                await self._show_step(update, await refreshed(self.services, caller), step, mode)
            case Move.ASK_HANDLE:
                key = parse_platform(value).key
                await self._ask(update, caller, Awaiting(Asked.HANDLE, mode, key))

    # --- saving and moving on -----------------------------------------------------------------

    async def _save(
        self,
        update: Update,
        caller: Caller,
        step: Step,
        value: str,
        mode: Mode,
        typed: bool = False,
    ) -> None:
        """Validate and store one setting, then show the next step (onboarding) or the profile."""
        rule = STEPS[step]
        assert rule.saves is not None  # `move_for` and `typed_rule` only lead here for those
        fields = rule.saves(value)
        await self.users.update(caller.user_id, caller.now, **fields, awaiting=None)
        if moves_schedule(fields):
            await self.planner.reschedule(caller.user_id)
        caller = await refreshed(self.services, caller)
        if mode is Mode.ONBOARDING:
            await self._advance(update, caller, step, mode)
        elif typed or update.callback_query is not None:
            await self.show_profile(update, caller)
        else:
            confirmation = render.confirmation(
                caller.lang, rule, caller.profile, caller.zone, caller.now
            )
            await answer(update, confirmation)

    async def _save_handle(
        self, update: Update, caller: Caller, awaiting: Awaiting, text: str
    ) -> None:
        """A typed handle for the platform picked in the handles step."""
        handle = parse_handle_value(text)
        await self.users.set_handle(caller.user_id, awaiting.subject, handle)
        await self.users.update(caller.user_id, caller.now, awaiting=None)
        caller = await refreshed(self.services, caller)
        if awaiting.mode is Mode.ONBOARDING:
            await self._show_step(update, caller, Step.HANDLES, awaiting.mode)
        else:
            await self.show_profile(update, caller)

    async def _advance(self, update: Update, caller: Caller, step: Step, mode: Mode) -> None:
        """Past a step: the next one (onboarding; after the last, "All set") or the profile."""
        following = STEPS[step].then
        if mode is Mode.EDITING:
            await self.show_profile(update, caller)
        elif following is not None:
            await self._show_step(update, caller, following, mode)
        else:
            profile = await self.users.update(
                caller.user_id, caller.now, onboarded=True, awaiting=None
            )
            await self.planner.reschedule(caller.user_id)
            done = caller_for(profile, caller.now)
            text = render.onboarding_done(done.lang, done.profile, done.zone, done.now)
            await answer(update, *await self._with_program_offer(done, text))

    async def _with_program_offer(
        self, caller: Caller, text: str
    ) -> tuple[str, InlineKeyboardMarkup | None]:
        """Onboarding ends by offering the program, unless one runs already."""
        if await self.store.programs.current(caller.user_id) is not None:
            return text, None
        latest = await self.store.programs.latest(caller.user_id)
        cycle = latest.cycle + 1 if latest else 1
        offer, keyboard = program_offer(caller.lang, caller.today, cycle)
        return text + "\n\n" + offer, keyboard

    async def _show_step(self, update: Update, caller: Caller, step: Step, mode: Mode) -> None:
        rule = STEPS[step]
        if rule.typed_only:
            await self._ask(update, caller, awaiting_for(step, mode))
            return
        text, keyboard = await self._step_screen(caller, step, mode)
        await answer(update, text, keyboard)

    async def _step_screen(self, caller: Caller, step: Step, mode: Mode) -> render.Screen:
        """A step with buttons; one that also takes typed text ("type any city or offset")
        takes it right away, without "Type another…" first."""
        typed = STEPS[step].typed
        if typed is not None:
            awaiting = Awaiting(typed, mode).encode()
            await self.users.update(caller.user_id, caller.now, awaiting=awaiting)
        return self._step_view(caller, step, mode)

    async def _ask(self, update: Update, caller: Caller, awaiting: Awaiting) -> None:
        """Ask for typed text, and remember that the next message answers it."""
        await self.users.update(caller.user_id, caller.now, awaiting=awaiting.encode())
        text, keyboard = render.typed_question(caller.lang, caller.profile, awaiting)
        await answer(update, text, keyboard)

    # --- views ----------------------------------------------------------------------------------

    async def show_profile(self, update: Update, caller: Caller) -> None:
        text, keyboard = render.profile_view(caller.lang, caller.profile, caller.zone, caller.now)
        await answer(update, text, keyboard)

    @staticmethod
    def _step_view(caller: Caller, step: Step, mode: Mode) -> render.Screen:
        return render.step_view(caller.lang, caller.profile, step, mode, caller.now)
