"""Small shared GUI pieces: retranslation mixin, the Page interface, direction helpers.

Background work lives in `gui.jobs` (one job host for every task).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..core.session import Session

# What a window manager's title bar and frame take beyond a window's own height, in pixels.
WINDOW_FRAME = 40
# A widget with this property set to True uses Esc for itself (it takes back an edit in place): its Esc
# never counts towards the double-Esc quick exit, so taking back two edits quickly cannot close the app.
OWNS_ESCAPE = "ownsEscape"


class Retranslatable:
    """Calls `retranslate_ui()` whenever the application language changes."""

    def retranslate_ui(self) -> None:  # pragma: no cover - every widget overrides it
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute, value.second)


def qdatetime(value: datetime) -> QDateTime:
    """A local wall-clock QDateTime for an aware datetime (shown as the user wrote it)."""
    return QDateTime(qdate(value.date()), qtime(value.time()))


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction a paragraph of user text should be shown in, from its first strong letter."""
    # Imported here: core.textnorm loads the Snowball stemmers, which the lock screen does not need.
    from ..core.textnorm import first_strong_direction

    return (
        Qt.LayoutDirection.RightToLeft
        if first_strong_direction(text) == "rtl"
        else Qt.LayoutDirection.LeftToRight
    )


@runtime_checkable
class Page(Protocol):
    """A tab of the unlocked window. MainWindow only loops over its pages: a new tab is a new page
    class and one line in MainWindow's page list, nothing else.

    A page may also have `entries_changed` (a Signal) and `journal_changed()`: MainWindow passes
    every page's signal to every page's method, so pages never know about each other.
    """

    def attach(self, session: Session) -> None:
        """The journal was unlocked: show its data."""

    def clear(self) -> None:
        """The journal is locking: save what is pending, then forget everything shown."""

    def tab_title(self) -> str: ...

    def view_title(self) -> str:
        """The View menu's text, with its mnemonic."""


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width×height, or smaller on a small screen (1024×600 netbooks), so its whole
    frame, title bar included, stays on the screen it opens on."""
    from PySide6.QtGui import QGuiApplication

    parent = window.parentWidget()
    screen = (parent or window).screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height() - WINDOW_FRAME)
    window.resize(width, height)


def keep_on_screen(window: QWidget) -> None:
    """A window restored from a bigger screen (or a changed resolution): shrink and move it onto this one."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width, height = min(window.width(), room.width()), min(window.height(), room.height() - WINDOW_FRAME)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.x()), room.right() + 1 - frame.width())
    y = min(max(frame.y(), room.y()), room.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, room.x()), max(y, room.y()))
