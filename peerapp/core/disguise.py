"""Discreet mode's choices: the neutral name, icon and window id the app shows before unlock.

Only the preset key (for example "notes") is written to the settings file, so someone who reads
that file sees an appearance choice, not the app's purpose. The presets are fixed: a free-text name
would let a typo or a telling word end up on the lock screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP, translate

# What quick exit does when it is not closing the app: show a working calculator.
EXIT_CLOSE = ""
EXIT_CALCULATOR = "calculator"
EXIT_VIEWS = (EXIT_CLOSE, EXIT_CALCULATOR)


@dataclass(frozen=True)
class Appearance:
    """One neutral look: `key` is what the settings file stores, `app_id` what the desktop sees."""

    key: str
    title: str  # English source text, translated in context "Appearance"
    app_id: str  # window class / Wayland app id: no installed .desktop file should match it
    icon: str  # name of the drawing in gui/discreet_icons.py

    def display_title(self) -> str:
        return translate("Appearance", self.title)


# The app's own look: the settings file stores "" for it.
ORIGINAL = Appearance("", "peerapp", "", "")

PRESETS: tuple[Appearance, ...] = (
    Appearance("notes", QT_TRANSLATE_NOOP("Appearance", "Notes"), "notes", "notes"),
    Appearance("calculator", QT_TRANSLATE_NOOP("Appearance", "Calculator"), "calculator", "calculator"),
    Appearance("reading", QT_TRANSLATE_NOOP("Appearance", "Reading list"), "reading-list", "reading"),
    Appearance("tasks", QT_TRANSLATE_NOOP("Appearance", "Tasks"), "tasks", "tasks"),
)


def appearance_for(key: object) -> Appearance:
    """The preset stored under `key`; anything unknown (a hand-edited file) means the original look."""
    for preset in PRESETS:
        if preset.key == key:
            return preset
    return ORIGINAL


def exit_view_for(value: object) -> str:
    """What quick exit shows, from the settings file; unknown values close the app."""
    return value if isinstance(value, str) and value in EXIT_VIEWS else EXIT_CLOSE
