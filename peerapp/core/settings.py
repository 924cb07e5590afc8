"""Non-revealing settings (language, digits, window size, auto-lock) in a small JSON file."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from . import numerals, reminders, untrusted
from .disguise import PRESETS, exit_view_for
from .errors import PeerappError
from .paths import atomic_write, config_dir, ensure_private_dir

FILE_NAME = "settings.json"
LANGUAGES = ("en", "ar")
MAX_BYTES = 1024 * 1024  # the file is a few hundred bytes; anything near this is not ours
MAX_GEOMETRY = 4096  # Qt's saved geometry is under 100 bytes of base64
THEMES = ("system", "light", "dark")  # the colour scheme: follow the system's, or always light or dark


@dataclass
class Settings:
    """Everything here is safe for anyone with the computer to see."""

    language: str = ""  # empty until the first-run screen asks
    autolock_minutes: int = 5
    window_geometry: str = ""
    # Discreet mode (core/disguise.py): a neutral preset key such as "notes", and what quick exit shows.
    appearance: str = ""
    exit_view: str = ""
    # Numbers and dates (core/numerals.py): the digits of the Arabic interface (English always uses
    # Western digits) and whether long dates also give the Hijri date.
    digits: str = numerals.ARABIC_INDIC
    show_hijri: bool = False
    # Look (gui/theme.py, gui/design.py): the colour scheme, and no transitions for people they bother.
    theme: str = "system"
    reduce_motion: bool = False
    # Check-in reminders (core/reminders.py says what each of these reveals and why it is kept here,
    # outside the vault: they are scheduled while the journal is locked). The state is empty while off.
    reminders_on: bool = False
    reminder_times: list[str] = field(
        default_factory=lambda: [reminders.format_time(reminders.DEFAULT_TIMES[0])]
    )
    reminder_days: list[int] = field(default_factory=lambda: sorted(reminders.ALL_DAYS))
    reminder_state: dict[str, object] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | None = None) -> Settings:
        """The saved settings; defaults for anything missing, damaged, of the wrong type or huge.

        Start-up reads this file before anything else, so no content of it may stop the app:
        it is read with the caps of core/untrusted (size, nesting, strict UTF-8, no FIFO).
        """
        path = (directory or config_dir()) / FILE_NAME
        try:
            raw = untrusted.loads(untrusted.read_text(path, MAX_BYTES))
        except (OSError, ValueError, PeerappError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        defaults = cls()
        settings = cls()
        for f in fields(cls):
            value = raw.get(f.name)
            default = getattr(defaults, f.name)
            # bool is an int to isinstance, and `true` is no number of minutes.
            if type(value) is type(default):
                setattr(settings, f.name, value)
        if settings.language not in ("", *LANGUAGES):
            settings.language = ""
        if not 0 <= settings.autolock_minutes <= 240:
            settings.autolock_minutes = 5
        if len(settings.window_geometry) > MAX_GEOMETRY:
            settings.window_geometry = ""
        if settings.appearance not in {p.key for p in PRESETS}:
            settings.appearance = ""
        settings.exit_view = exit_view_for(settings.exit_view)
        if settings.digits not in numerals.SYSTEMS:
            settings.digits = numerals.ARABIC_INDIC
        if settings.theme not in THEMES:
            settings.theme = "system"
        schedule = settings.reminder_schedule()
        settings.reminder_times = [reminders.format_time(m) for m in schedule.times]
        settings.reminder_days = sorted(schedule.weekdays)
        settings.set_reminder_state(settings.reminder_memory())
        return settings

    def reminder_schedule(self) -> reminders.Schedule:
        return reminders.schedule_from(self.reminders_on, self.reminder_times, self.reminder_days)

    def reminder_memory(self) -> reminders.State:
        return reminders.state_from_dict(self.reminder_state)

    def set_reminder_state(self, state: reminders.State) -> None:
        """Keep the reminders' state; nothing at all while they are off."""
        self.reminder_state = reminders.state_to_dict(state) if self.reminders_on else {}

    def save(self, directory: Path | None = None) -> None:
        folder = ensure_private_dir(directory or config_dir())
        atomic_write(folder / FILE_NAME, json.dumps(asdict(self), indent=1).encode())
