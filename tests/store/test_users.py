"""Users: first contact, Telegram's name changes, settings, platforms and handles."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from bot.domain.schedule import QuietHours
from bot.store import Store
from tests.store.conftest import NOW


async def test_first_contact_creates_a_profile_with_the_default_timezone(store: Store) -> None:
    profile, _ = await store.users.contact(7, "Kim", "kim", "zh-hans", "Asia/Shanghai", NOW)
    assert (profile.user_id, profile.first_name, profile.timezone) == (7, "Kim", "Asia/Shanghai")
    assert profile.telegram_language == "zh-hans"
    assert profile.language is None
    assert profile.onboarded is False
    assert profile.created_at == NOW


async def test_touch_refreshes_the_name_and_clears_a_block(store: Store) -> None:
    await store.reminders.mark_blocked(1, NOW)
    assert (await store.users.get(1)).blocked  # type: ignore[union-attr]
    later = NOW + timedelta(days=1)
    profile, _ = await store.users.contact(1, "Renamed", "new", "en", "Europe/Berlin", later)
    assert profile.first_name == "Renamed"
    assert profile.blocked is False
    assert profile.timezone == "UTC"  # the default applies to newcomers only


async def test_a_very_long_name_is_kept_to_128_characters(store: Store) -> None:
    profile, _ = await store.users.contact(9, "N" * 500, None, None, "UTC", NOW)
    assert profile.first_name == "N" * 128
    again, _ = await store.users.contact(9, "N" * 500, None, None, "UTC", NOW)
    assert again == profile


async def test_update_stores_each_kind_of_value(store: Store) -> None:
    quiet = QuietHours(time(23, 0), time(7, 30))
    profile = await store.users.update(
        1,
        NOW,
        language="zh",
        nudge_time=time(21, 15),
        niche_tags=("food", "travel"),
        onboarded=True,
        quiet_hours=quiet,
        paused_until=date(2026, 3, 9),
    )
    assert profile.language == "zh"
    assert profile.nudge_time == time(21, 15)
    assert profile.niche_tags == ("food", "travel")
    assert profile.onboarded is True
    assert profile.quiet_hours == quiet
    assert profile.paused_until == date(2026, 3, 9)
    assert await store.users.get(1) == profile
    cleared = await store.users.update(1, NOW, quiet_hours=None, paused_until=None)
    assert (cleared.quiet_hours, cleared.paused_until) == (None, None)


async def test_update_refuses_a_field_that_is_not_a_setting(store: Store) -> None:
    with pytest.raises(ValueError, match="not editable"):
        await store.users.update(1, NOW, blocked_at="x")
    with pytest.raises(ValueError, match="not editable"):
        await store.users.update(1, NOW, **{"language = 'zh' --": "en"})
    assert (await store.users.get(1)).language is None  # type: ignore[union-attr]


async def test_update_of_an_unknown_user_is_a_lookup_error(store: Store) -> None:
    with pytest.raises(LookupError):
        await store.users.update(404, NOW, onboarded=True)


async def test_platforms_keep_their_order_and_toggle(store: Store) -> None:
    await store.users.toggle_platform(1, "xhs")
    await store.users.toggle_platform(1, "tiktok")
    profile = await store.users.toggle_platform(1, "youtube")
    assert profile.platforms == ("xhs", "tiktok", "youtube")
    profile = await store.users.toggle_platform(1, "tiktok")
    assert profile.platforms == ("xhs", "youtube")


async def test_a_handle_adds_its_platform_and_none_clears_it(store: Store) -> None:
    profile = await store.users.set_handle(1, "bilibili", "@maya")
    assert profile.platforms == ("bilibili",)
    assert profile.handles == {"bilibili": "@maya"}
    profile = await store.users.set_handle(1, "bilibili", None)
    assert profile.handles == {}
    assert profile.platforms == ("bilibili",)
