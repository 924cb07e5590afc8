"""Reminder schedule logic without Qt: weekdays, several times, already checked in, back-off, DST, storage."""

from __future__ import annotations

import itertools
import json
import time as time_module
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from peerapp.core import reminders
from peerapp.core.reminders import Schedule, State, due, next_fire, shown
from peerapp.core.settings import Settings

# 2026-12-07 is a Monday.
MON = date(2026, 12, 7)
NINE, SIX_PM = 9 * 60, 18 * 60
DAILY = Schedule(True, (NINE,), reminders.ALL_DAYS)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def days(n: int) -> timedelta:
    return timedelta(days=n)


def run_days(schedule: Schedule, start: datetime, count: int, state: State | None = None) -> list[datetime]:
    """Show every reminder that comes over `count` days, never checking in; the slots shown."""
    seen: list[datetime] = []
    state = state or State()
    now = start
    end = start + days(count)
    while True:
        slot = next_fire(now, schedule, state)
        if slot is None or slot >= end:
            return seen
        now = max(now, slot)
        assert due(now, schedule, state) == slot
        state = shown(state, slot)
        seen.append(slot)


def test_off_by_default_and_off_means_never() -> None:
    assert Settings().reminder_schedule().enabled is False
    assert next_fire(at(MON, 8), Schedule(), State()) is None
    assert next_fire(at(MON, 8), Schedule(True, (), reminders.ALL_DAYS), State()) is None
    assert next_fire(at(MON, 8), Schedule(True, (NINE,), frozenset()), State()) is None


def test_next_time_today_then_tomorrow() -> None:
    assert next_fire(at(MON, 8), DAILY, State()) == at(MON, 9)
    assert due(at(MON, 8, 59), DAILY, State()) is None
    assert due(at(MON, 9), DAILY, State()) == at(MON, 9)
    after = shown(State(), at(MON, 9))
    assert next_fire(at(MON, 9, 1), DAILY, after) == at(MON + days(1), 9)


def test_several_times_a_day_in_order() -> None:
    schedule = Schedule(True, (SIX_PM, NINE), reminders.ALL_DAYS)
    assert run_days(schedule, at(MON, 0), 2) == [
        at(MON, 9),
        at(MON, 18),
        at(MON + days(1), 9),
        at(MON + days(1), 18),
    ]


def test_only_chosen_weekdays() -> None:
    monday_thursday = Schedule(True, (NINE,), frozenset({0, 3}))
    slots = run_days(monday_thursday, at(MON, 0), 7)
    assert [s.weekday() for s in slots] == [0, 3]
    assert next_fire(at(MON, 10), monday_thursday, shown(State(), at(MON, 9))) == at(MON + days(3), 9)


def test_no_reminder_on_a_day_already_checked_in() -> None:
    schedule = Schedule(True, (NINE, SIX_PM), reminders.ALL_DAYS)
    state = reminders.checked_in(State(), MON)
    assert next_fire(at(MON, 8), schedule, state) == at(MON + days(1), 9)
    # Checked in after the morning one: the evening one does not come.
    state = reminders.checked_in(shown(State(), at(MON, 9)), MON)
    assert next_fire(at(MON, 12), schedule, state) == at(MON + days(1), 9)
    # Yesterday's check-in does not silence today.
    assert next_fire(at(MON, 8), schedule, reminders.checked_in(State(), MON - days(1))) == at(MON, 9)


def test_late_slot_within_the_limit_then_skipped() -> None:
    assert due(at(MON, 9, 40), DAILY, State()) == at(MON, 9)
    assert due(at(MON, 10, 1), DAILY, State()) is None
    assert next_fire(at(MON, 10, 1), DAILY, State()) == at(MON + days(1), 9)


def test_not_before_start_skips_what_was_missed_while_closed() -> None:
    assert due(at(MON, 9, 20), DAILY, State(), not_before=at(MON, 9, 15)) is None
    assert next_fire(at(MON, 9, 20), DAILY, State(), not_before=at(MON, 9, 15)) == at(MON + days(1), 9)


def test_back_off_every_other_day_then_weekly() -> None:
    schedule = Schedule(True, (NINE, SIX_PM), reminders.ALL_DAYS)
    slots = run_days(schedule, at(MON, 0), 60)
    shown_days = sorted({s.date() for s in slots})
    gaps = [(b - a).days for a, b in itertools.pairwise(shown_days)]
    # Three days of every time, then three every other day (one time each), then weekly.
    assert gaps[:2] == [1, 1]
    assert gaps[2:5] == [2, 2, 2]
    assert set(gaps[5:]) == {7}
    per_day = {d: sum(1 for s in slots if s.date() == d) for d in shown_days}
    assert [per_day[d] for d in shown_days[:3]] == [2, 2, 2]
    assert all(per_day[d] == 1 for d in shown_days[3:])
    assert all(s.hour == 9 for s in slots if s.date() > shown_days[2])


def test_every_other_chosen_day_counts_chosen_days() -> None:
    # Monday, Wednesday, Friday: every other chosen day skips one of them, not one calendar day.
    mwf = Schedule(True, (NINE,), frozenset({0, 2, 4}))
    slots = run_days(mwf, at(MON, 0), 21)
    assert [s.date() for s in slots[:5]] == [MON, MON + days(2), MON + days(4), MON + days(9), MON + days(14)]


def test_a_check_in_resets_back_off() -> None:
    state = State()
    for n in range(8):
        state = shown(state, at(MON + days(n), 9))
    assert state.unanswered == 8
    later = at(MON + days(8), 12)
    assert next_fire(later, DAILY, state) == at(MON + days(14), 9)
    state = reminders.checked_in(state, later.date())
    assert state.unanswered == 0
    assert next_fire(later, DAILY, state) == at(MON + days(9), 9)


def test_choosing_the_schedule_again_resets_back_off() -> None:
    state = State(shown=at(MON, 9), unanswered=7)
    assert reminders.schedule_chosen(state).unanswered == 0


def test_same_day_reminders_count_one_unanswered_day() -> None:
    state = shown(shown(State(), at(MON, 9)), at(MON, 18))
    assert state.unanswered == 1


def test_clock_going_back_never_repeats_a_slot() -> None:
    # Autumn: 01:30 happens twice in wall time. Shown at the first one, not again at the second.
    schedule = Schedule(True, (90,), reminders.ALL_DAYS)
    state = shown(State(), at(MON, 1, 30))
    assert due(at(MON, 1, 31), schedule, state) is None
    assert due(at(MON, 1, 30), schedule, state) is None  # the second 01:30
    # A time zone change that puts the clock back three hours does not bring 09:00 back either.
    state = shown(State(), at(MON, 9))
    assert next_fire(at(MON, 6, 5), DAILY, state) == at(MON + days(1), 9)
    assert due(at(MON, 9, 1), DAILY, state) is None


def test_clock_jumping_forward_over_a_slot_shows_it_once_just_after() -> None:
    # Spring: 02:30 does not exist; the wall clock goes 01:59 -> 03:00, and the timer (at most
    # MAX_WAIT asleep) wakes on the far side of the jump.
    schedule = Schedule(True, (150,), reminders.ALL_DAYS)
    before = at(MON, 1, 59)
    slot = next_fire(before, schedule, State())
    assert slot == at(MON, 2, 30)
    assert reminders.wait(before, slot) == reminders.MAX_WAIT
    assert due(at(MON, 3, 0), schedule, State()) == at(MON, 2, 30)
    # A time zone change that moves the clock forward past the late limit skips the slot.
    assert due(at(MON, 9) + timedelta(hours=3), DAILY, State()) is None


def test_wait_is_capped_and_never_negative() -> None:
    now = at(MON, 8)
    assert reminders.wait(now, at(MON, 8, 0) + timedelta(milliseconds=40)) == timedelta(milliseconds=40)
    assert reminders.wait(now, at(MON, 9)) == reminders.MAX_WAIT
    assert reminders.wait(now, at(MON, 7)) == timedelta(0)
    assert reminders.wait(now, None) == reminders.MAX_WAIT


def test_shown_forgets_a_check_in_day_that_is_past() -> None:
    state = shown(reminders.checked_in(State(), MON), at(MON + days(1), 9))
    assert state.checked_in is None


@pytest.mark.parametrize(
    "text,minutes",
    [
        ("09:00", 540),
        ("23:59", 1439),
        ("00:00", 0),
        ("24:00", None),
        ("9:00", None),
        ("٠٩:٠٠", None),
        (9, None),
    ],
)
def test_parse_time(text: object, minutes: int | None) -> None:
    assert reminders.parse_time(text) == minutes


def test_settings_round_trip_and_what_is_written(tmp_path: Path) -> None:
    settings = Settings()
    settings.reminders_on = True
    settings.reminder_times = ["18:30", "08:15"]
    settings.reminder_days = [4, 0]
    settings.set_reminder_state(State(MON, at(MON, 8, 15), 2))
    settings.save(tmp_path)
    raw = json.loads((tmp_path / "settings.json").read_text())
    assert raw["reminder_state"] == {"checked_in": "2026-12-07", "shown": "2026-12-07T08:15", "unanswered": 2}
    loaded = Settings.load(tmp_path)
    assert loaded.reminder_schedule() == Schedule(True, (8 * 60 + 15, 18 * 60 + 30), frozenset({0, 4}))
    assert loaded.reminder_memory() == State(MON, at(MON, 8, 15), 2)


def test_off_keeps_no_state(tmp_path: Path) -> None:
    settings = Settings()
    settings.set_reminder_state(State(MON, at(MON, 9), 3))
    assert settings.reminder_state == {}
    (tmp_path / "settings.json").write_text(
        json.dumps({"reminders_on": False, "reminder_state": {"checked_in": "2026-12-07", "unanswered": 4}})
    )
    assert Settings.load(tmp_path).reminder_state == {}


def test_damaged_reminder_settings_fall_back(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {
                "reminders_on": "yes",
                "reminder_times": ["25:00", "07:30", 5, "07:30", None],
                "reminder_days": [7, -1, True, 2, "3"],
                "reminder_state": {"checked_in": "2026-13-40", "shown": "x" * 16, "unanswered": -5},
            }
        )
    )
    loaded = Settings.load(tmp_path)
    assert loaded.reminders_on is False
    assert loaded.reminder_times == ["07:30"]
    assert loaded.reminder_days == [2]
    assert loaded.reminder_memory() == State()
    hostile = {
        "checked_in": "2026-12-07T09:00:00+05:00",
        "shown": "2026-12-07T09:00+05:00",
        "unanswered": True,
    }
    assert reminders.state_from_dict(hostile) == State()
    assert reminders.state_from_dict(["x"]) == State()


def test_too_many_times_are_capped() -> None:
    texts = [f"{h:02d}:00" for h in range(24)]
    assert len(reminders.clean_times(texts)) == reminders.MAX_TIMES


def test_wall_now_sees_a_new_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A move to another time zone shows in the wall clock at once (the system's zone is read again)."""
    if not hasattr(time_module, "tzset"):
        pytest.skip("no tzset on this system")
    monkeypatch.setenv("TZ", "UTC0")
    in_utc = reminders.wall_now()
    monkeypatch.setenv("TZ", "XYZ-5")  # POSIX: five hours ahead of UTC
    ahead = reminders.wall_now()
    monkeypatch.undo()
    time_module.tzset()
    assert timedelta(hours=4, minutes=59) <= ahead - in_utc <= timedelta(hours=5, minutes=1)
