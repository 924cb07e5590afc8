"""A short, skippable tour of the five areas, shown once per journal after its first saved entry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import db, keyslot, kv
from ...core.errors import PeerappError
from .. import design
from ..common import Page, Retranslatable
from . import pages
from .setup_steps import PrimaryButton, step_text

if TYPE_CHECKING:
    from .main_window import MainWindow

# Kept inside the vault, like the export warning's "don't show again": once per journal, on any computer.
TOUR_KEY = "first_entry_tour_shown"
WIDTH_IN_CHARACTERS = 54  # two or three comfortable lines per sentence at the body size


def _sentences() -> dict[Callable[..., object], str]:
    """One kind sentence per area, in the interface language, by the factory that makes its tab."""

    return {
        pages.journal: QCoreApplication.translate(
            "TourDialog",
            "Write here whenever you like, a word or a page. A mood is enough on a busy day, "
            "and only you can read what you write.",
        ),
        pages.library: QCoreApplication.translate(
            "TourDialog",
            "Short articles and exercises for hard moments, all on this computer, "
            "so they work without the internet.",
        ),
        pages.insights: QCoreApplication.translate(
            "TourDialog",
            "After a few days of writing, gentle patterns in your moods appear here. "
            "They are worked out on this computer, for you alone.",
        ),
        pages.safety_plan: QCoreApplication.translate(
            "TourDialog",
            "Your plan for very hard moments: the signs, the steps and the people that help, "
            "ready before you need them.",
        ),
        pages.groups: QCoreApplication.translate(
            "TourDialog",
            "Talk with people who understand, under a name you choose. Nothing leaves this "
            "computer until you join a group.",
        ),
    }


def shown(window: MainWindow) -> bool:
    """Whether this journal has had its tour (True when locked: nothing is offered then)."""
    session = window.session
    return session is None or kv.get(session.conn, TOUR_KEY) == "1"


def mark_shown(window: MainWindow) -> None:
    """Remember in the journal that its tour was offered, so it never comes again."""
    if window.session is not None:
        kv.put(window.session.conn, TOUR_KEY, "1")


class TourDialog(Retranslatable, QDialog):
    """One area at a time: its tab is brought forward while a sentence says what it is for."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.setModal(False)  # the app stays usable underneath; Esc or Skip ends the tour
        self.stops: list[tuple[Callable[..., object], Page]] = [
            (make, page) for make, page in zip(window.PAGES, window.pages, strict=True)
        ]
        self.index = 0
        self.step_label = QLabel()  # the window's text colour: the theme's quiet grey was too faint
        self.title = QLabel()
        self.title.setFont(design.font("title"))
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setMinimumWidth(self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARACTERS)
        self.skip_button, self.next_button = QPushButton(), PrimaryButton()
        self.next_button.setDefault(True)
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch()
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(design.SPACE["l"],) * 4)
        layout.setSpacing(design.SPACE["s"])
        layout.addWidget(self.step_label)
        layout.addWidget(self.title)
        layout.addWidget(self.sentence)
        layout.addSpacing(design.SPACE["s"])
        layout.addLayout(buttons)
        self.finished.connect(lambda _result: self._back_to_journal())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("A short tour"))
        self.skip_button.setText(self.tr("&Skip the tour"))
        self._show_stop()

    def _show_stop(self) -> None:
        make, page = self.stops[self.index]
        last = self.index == len(self.stops) - 1
        self.step_label.setText(step_text(self.tr("Step %1 of %2"), self.index + 1, len(self.stops)))
        self.title.setText(page.tab_title())
        self.sentence.setText(_sentences().get(make, ""))
        self.next_button.setText(self.tr("&Done") if last else self.tr("&Next"))
        self.setAccessibleDescription(self.sentence.text())
        shown = cast(QWidget, page)
        self.main_window.show_tab(shown)
        # A short fade shows which part of the window this stop is about (none with reduced motion).
        design.fade_in(shown)

    def next(self) -> None:
        if self.index == len(self.stops) - 1:
            self.accept()
            return
        self.index += 1
        self._show_stop()
        self.next_button.setFocus()

    def _back_to_journal(self) -> None:
        # Done or skipped, the person is back where they wrote their entry.
        self.main_window.show_tab(self.main_window.journal_page)

    def place(self) -> None:
        """Near the bottom of the window, so the tab it describes stays in view above it."""
        self.adjustSize()
        frame = self.main_window.geometry()
        x = frame.x() + (frame.width() - self.width()) // 2
        y = frame.y() + frame.height() - self.height() - design.SPACE["xl"]
        self.move(QPoint(x, max(frame.y(), y)))


def maybe_start(window: MainWindow) -> TourDialog | None:
    """Show the tour if the open journal has an entry and has never had it; the dialog shown, or None."""
    if (
        window.session is None
        or not window.vault.is_unlocked
        or window.stack.currentWidget() is not window.tabs
    ):
        return None
    if window.vault.opened_slot in keyslot.DURESS_SLOTS:
        # A decoy opened under duress is seeded to look lived in: a first-entry tour would say it is new.
        return None
    try:
        if shown(window) or window.session.journal.count() == 0:
            return None
        mark_shown(window)  # before showing: a lock or a crash mid-tour never brings it back
    except (PeerappError, db.OperationalError):
        return None  # the journal is busy (an import): the next saved entry asks again
    dialog = TourDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.place()
    dialog.next_button.setFocus()
    return dialog


class _Watcher(QObject):
    """Asks for the tour after each saved entry until this journal has had it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.dialog: TourDialog | None = None
        self.done = True
        self.arm()

    def arm(self) -> None:
        """Listen again (a journal made anew in this window after a wipe has not had its tour)."""
        if self.done:
            self.done = False
            self.main_window.journal_page.entries_changed.connect(self._changed)

    def _changed(self) -> None:
        # After the editor has closed and the timeline shows the new entry.
        QTimer.singleShot(0, self._check)

    def _check(self) -> None:
        window = self.main_window
        if self.done:
            return
        if window.session is not None and shown(window):
            self.done = True  # had here or elsewhere: this window never asks again
            window.journal_page.entries_changed.disconnect(self._changed)
            return
        self.dialog = maybe_start(window)


def watch(window: MainWindow) -> None:
    """Offer the tour after the next saved entry of `window`'s journal (once; calling again is harmless)."""
    watcher = window.findChild(_Watcher)
    if isinstance(watcher, _Watcher):
        watcher.arm()
    else:
        _Watcher(window)
