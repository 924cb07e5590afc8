"""Check-in reminders: when the next one is due, in local wall time, and how they back off when ignored.

Everything here is a pure function of the clock, the schedule and a small state; the GUI's timer
(gui/shell/reminder_timer.py) only asks `next_fire` when to wake up and `due` whether to show one.

What lives outside the vault, and why
-------------------------------------
Reminders must be scheduled while the journal is locked (that is when they are useful), so what they
need is kept in the settings file next to the language and window size, readable by anyone who can
read that file. It is kept to this, and only while reminders are on (turning them off clears it):

* the schedule: whether reminders are on, the times of day ("HH:MM") and the weekdays;
* `checked_in`: the local date of the last day with an entry, and only while that day is today: it
  is written when an entry dated today is saved (or seen on unlock) and dropped at the first write
  on a later day. It answers "has this person written today?", nothing older, and no time of day.
  The journal file's own modification time already shows when it was last written to, to the
  second, so this date tells nothing more to someone who can read the settings folder;
* `shown`: the date and scheduled time of the last reminder shown (a time from the schedule, so it
  reveals only that the app was running then), so a slot is never shown twice when the clock goes
  back (daylight saving, a time zone change) and so back-off can space them out;
* `unanswered`: how many days in a row a reminder was shown with no entry since.

No entry, mood, count of entries, or time of an entry is ever stored there.

Back-off (gentle, decided here and tested in tests/core/test_reminders.py)
--------------------------------------------------------------------------
`unanswered` counts the days on which a reminder was shown since the last check-in; the day of the
last one shown counts only from the next day on (it is not over, so not yet unanswered).

* 0 to 2 such days: every chosen time of every chosen day.
* 3 to 5: one reminder a day at most (the first chosen time), and only on every other chosen day
  (Monday, Wednesday and Friday chosen: Monday, Friday, Wednesday…).
* 6 or more: one a week, on the first chosen day at least seven days after the last one shown.
* Any entry dated today, or choosing the schedule again in Preferences, starts afresh.

Time
----
Times are local wall-clock times and are compared as such, so 09:00 means 09:00 after a daylight
saving change or a move to another time zone. A time that does not exist on a spring-forward day
(02:30 when clocks jump from 02:00 to 03:00) is shown just after the jump; a time that happens twice
when clocks go back is shown once. A slot found more than `LATE_LIMIT` past (the computer was asleep,
the app was not running) is skipped rather than shown late.
"""

from __future__ import annotations

import time as _time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

DEFAULT_TIMES: tuple[int, ...] = (20 * 60,)  # minutes after local midnight: 20:00
ALL_DAYS: frozenset[int] = frozenset(range(7))  # Monday is 0, as date.weekday()
MAX_TIMES = 6  # more than this a day would be nagging, whatever the settings file says
# A slot missed by more than this (asleep, not running) is skipped; an hour covers a clock that
# jumped forward over it on a daylight-saving day.
LATE_LIMIT = timedelta(hours=1)
# The longest the timer sleeps before looking at the wall clock again: a suspended computer, a
# daylight-saving jump or a new time zone is noticed within this.
MAX_WAIT = timedelta(minutes=5)
# Back-off thresholds in unanswered days (see the module docstring).
EVERY_OTHER_DAY_FROM = 3
WEEKLY_FROM = 6
_MAX_UNANSWERED = 1000
_SEARCH_DAYS = 16  # a week's spacing plus a full week of chosen days always finds a day if there is one


@dataclass(frozen=True)
class Schedule:
    """When reminders may come: off by default; times are minutes after local midnight."""

    enabled: bool = False
    times: tuple[int, ...] = DEFAULT_TIMES
    weekdays: frozenset[int] = ALL_DAYS


@dataclass(frozen=True)
class State:
    """What the reminders remember between runs (see the module docstring for why each is needed)."""

    checked_in: date | None = None  # the last day with an entry, kept only while it is today
    shown: datetime | None = None  # the naive local wall time of the last slot shown
    unanswered: int = 0  # days with a reminder shown since the last check-in


def wall_now() -> datetime:
    """Local wall-clock time now, naive; re-reads the system's time zone first, so a change is seen."""
    tzset = getattr(_time, "tzset", None)
    if tzset is not None:
        tzset()
    return datetime.now().replace(microsecond=0)


# -- the schedule ------------------------------------------------------------------------------


def parse_time(text: object) -> int | None:
    """ "HH:MM" (24-hour) as minutes after midnight; None for anything else."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        return None
    hours, minutes = text[:2], text[3:]
    if not (hours.isascii() and hours.isdigit() and minutes.isascii() and minutes.isdigit()):
        return None
    h, m = int(hours), int(minutes)
    return h * 60 + m if h < 24 and m < 60 else None


def format_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def clean_times(values: Iterable[object]) -> tuple[int, ...]:
    """Valid "HH:MM" texts as sorted, distinct minutes, at most MAX_TIMES; damaged ones dropped."""
    found = sorted({m for m in (parse_time(v) for v in values) if m is not None})
    return tuple(found[:MAX_TIMES])


def clean_weekdays(values: Iterable[object]) -> frozenset[int]:
    # bool is an int to isinstance: `true` is no weekday.
    return frozenset(v for v in values if type(v) is int and 0 <= v <= 6)


def schedule_from(enabled: object, times: Iterable[object], weekdays: Iterable[object]) -> Schedule:
    """The schedule from the settings file's values, whatever a hand edit left there."""
    return Schedule(enabled is True, clean_times(times), clean_weekdays(weekdays))


# -- the state in the settings file ------------------------------------------------------------


def state_from_dict(raw: object) -> State:
    """The stored state; each damaged or missing part falls back to "nothing known"."""
    if not isinstance(raw, Mapping):
        return State()
    checked_in: date | None = None
    shown: datetime | None = None
    value = raw.get("checked_in")
    if isinstance(value, str) and len(value) == 10:
        try:
            checked_in = date.fromisoformat(value)
        except ValueError:
            checked_in = None
    value = raw.get("shown")
    if isinstance(value, str) and len(value) == 16:
        try:
            shown = datetime.fromisoformat(value)
        except ValueError:
            shown = None
        if shown is not None and shown.tzinfo is not None:
            shown = None
    value = raw.get("unanswered")
    unanswered = value if type(value) is int and 0 <= value <= _MAX_UNANSWERED else 0
    return State(checked_in, shown, unanswered)


def state_to_dict(state: State) -> dict[str, object]:
    """The state as the settings file keeps it: only the parts that are set."""
    stored: dict[str, object] = {}
    if state.checked_in is not None:
        stored["checked_in"] = state.checked_in.isoformat()
    if state.shown is not None:
        stored["shown"] = state.shown.isoformat(timespec="minutes")
    if state.unanswered:
        stored["unanswered"] = state.unanswered
    return stored


def forget_past(state: State, today: date) -> State:
    """Drop a check-in date that is no longer today: nothing needs it, so nothing keeps it."""
    if state.checked_in is not None and state.checked_in != today:
        return replace(state, checked_in=None)
    return state


# -- when -------------------------------------------------------------------------------------


def _chosen_days_after(day: date, weekdays: frozenset[int], count: int) -> date:
    """The `count`-th chosen weekday after `day`."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() in weekdays:
            count -= 1
    return day


def _times_allowed(day: date, schedule: Schedule, state: State) -> tuple[int, ...]:
    """The chosen times back-off allows on `day` (none: not a day for a reminder)."""
    times = tuple(sorted(schedule.times))
    if day.weekday() not in schedule.weekdays or day == state.checked_in:
        return ()
    if state.shown is None:
        return times
    last = state.shown.date()
    # The day of the last reminder shown is not over, so it is not yet an unanswered one.
    unanswered = state.unanswered - 1 if day == last else state.unanswered
    if unanswered < EVERY_OTHER_DAY_FROM:
        return times
    if day == last:
        return ()  # backing off: that day had its one reminder
    if unanswered >= WEEKLY_FROM:
        first_day = last + timedelta(days=7)
    else:
        first_day = _chosen_days_after(last, schedule.weekdays, 2)
    return times[:1] if day >= first_day else ()


def next_fire(
    now: datetime, schedule: Schedule, state: State, not_before: datetime | None = None
) -> datetime | None:
    """The next reminder's local wall time (possibly already past, up to LATE_LIMIT: then it is due).

    `now` and the result are naive local wall times. `not_before` skips slots before it (the app's
    start: a reminder missed while it was closed is not shown the moment it opens). None when
    reminders are off or no slot can ever come.
    """
    if not schedule.enabled or not schedule.times or not schedule.weekdays:
        return None
    earliest = now - LATE_LIMIT
    if not_before is not None and not_before > earliest:
        earliest = not_before
    day = earliest.date()
    for _ in range(_SEARCH_DAYS):
        for minutes in _times_allowed(day, schedule, state):
            slot = datetime.combine(day, time(minutes // 60, minutes % 60))
            if slot < earliest:
                continue
            # Never the same slot twice, nor one before it (a clock that went back).
            if state.shown is not None and slot <= state.shown:
                continue
            return slot
        day += timedelta(days=1)
    return None


def due(
    now: datetime, schedule: Schedule, state: State, not_before: datetime | None = None
) -> datetime | None:
    """The slot to show now, if one is due; else None."""
    slot = next_fire(now, schedule, state, not_before)
    return slot if slot is not None and slot <= now else None


def wait(now: datetime, slot: datetime | None) -> timedelta:
    """How long the timer sleeps: until the slot, but never more than MAX_WAIT (the clock may jump)."""
    if slot is None:
        return MAX_WAIT
    return max(timedelta(0), min(slot - now, MAX_WAIT))


# -- what changes the state -------------------------------------------------------------------


def shown(state: State, slot: datetime) -> State:
    """A reminder for `slot` was shown: a new day without a check-in counts as one more unanswered."""
    state = forget_past(state, slot.date())
    new_day = state.shown is None or state.shown.date() != slot.date()
    unanswered = min(state.unanswered + 1, _MAX_UNANSWERED) if new_day else state.unanswered
    return State(state.checked_in, slot, unanswered)


def checked_in(state: State, today: date) -> State:
    """An entry dated today exists: no reminder today, and back-off starts afresh."""
    return State(today, state.shown, 0)


def schedule_chosen(state: State) -> State:
    """The schedule was (re)chosen in Preferences: a fresh start, keeping what prevents repeats."""
    return replace(state, unanswered=0)
