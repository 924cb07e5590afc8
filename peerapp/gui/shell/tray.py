"""Check-in reminders in the window's life: the tray icon, the neutral notification, the in-window notice
where there is no tray, and the quick check-in opened after unlock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ...core import reminders
from ...core.disguise import ORIGINAL
from ...core.entries import EntryFilter
from .reminder_timer import ReminderTimer

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .reminder_notice import ReminderNotice

# How long a tray notification stays up (the desktop may keep it in its list after).
MESSAGE_MS = 10_000


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Reminders(QObject):
    """Owns the reminders of one main window: the timer, the tray icon while reminders are on, and what
    a reminder shows. Nothing it shows ever comes from the journal: only fixed, neutral texts."""

    def __init__(
        self,
        window: MainWindow,
        clock: Callable[[], datetime] = reminders.wall_now,
        has_tray: Callable[[], bool] = tray_available,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.has_tray = has_tray  # the desktop's answer; tests give both answers on one offscreen screen
        self.timer = ReminderTimer(window.settings, clock, self)
        self.timer.due.connect(self.remind)
        self.tray: QSystemTrayIcon | None = None
        self.notice: ReminderNotice | None = None
        self.last_message: tuple[str, str] = ("", "")  # what the last reminder said (title, text)
        # A reminder was clicked while the journal was locked: the check-in opens once it is unlocked.
        self.check_in_after_unlock = False
        # Connected after the window's own slot, so the pages are attached when this one runs.
        window.unlock_page.unlocked.connect(self._unlocked)
        # A wipe shows the first run with the settings back to their defaults (reminders off).
        window.stack.currentChanged.connect(self._screen_changed)
        window.installEventFilter(self)  # shown again after the calculator screen: the tray comes back
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            # Discreet mode chosen or left, the calculator shown or left: each sets the display name.
            # Looked at once that change is complete (the calculator on screen, the new icon set).
            app.applicationDisplayNameChanged.connect(self._look_changed)
        self.sync()

    # -- state ---------------------------------------------------------------------

    @property
    def on(self) -> bool:
        return self.window.settings.reminders_on

    def _covered(self) -> bool:
        """Quick exit's calculator is on screen: nothing of the app may show, the tray included."""
        cover = self.window.discreet.cover
        return cover is not None and cover.isVisible()

    def _neutral(self) -> bool:
        return self.window.discreet.appearance is not ORIGINAL

    def sync(self) -> None:
        """Tray and timer in line with the settings, the look and quick exit (after any change to them)."""
        wanted = self.on and self.has_tray() and not self._covered()
        if wanted:
            tray = self._tray()
            app = QApplication.instance()
            if isinstance(app, QGuiApplication):
                tray.setIcon(app.windowIcon())  # the app's mark, or the disguise's in discreet mode
            tray.setToolTip(self.window.discreet.window_title())
            self._retranslate_menu()
            tray.show()
        elif self.tray is not None:
            self.tray.hide()
        self.timer.reschedule()

    def _screen_changed(self, _index: int) -> None:
        self.sync()

    def _look_changed(self) -> None:
        # A bound slot, so the application's signal lets go of it with this object; the timer's context
        # drops the call if the window goes meanwhile.
        QTimer.singleShot(0, self, self.sync)

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            tray = QSystemTrayIcon(self)
            menu = QMenu()
            self.open_action = QAction(menu)
            self.open_action.triggered.connect(lambda _checked=False: self.show_window())
            self.checkin_action = QAction(menu)
            self.checkin_action.triggered.connect(lambda _checked=False: self.open_check_in())
            self.quit_action = QAction(menu)
            self.quit_action.triggered.connect(lambda _checked=False: self.window.close())
            for action in (self.open_action, self.checkin_action, self.quit_action):
                menu.addAction(action)
            tray.setContextMenu(menu)
            self.menu = menu
            tray.messageClicked.connect(self.open_check_in)
            tray.activated.connect(self._activated)
            self.tray = tray
        return self.tray

    def _retranslate_menu(self) -> None:
        self.open_action.setText(self.tr("&Open"))
        self.checkin_action.setText(self.tr("Check &in"))
        # In discreet mode the tray's menu names nothing a notes app would not have.
        self.checkin_action.setVisible(not self._neutral())
        self.quit_action.setText(self.tr("&Quit"))

    def retranslate_ui(self) -> None:
        if self.tray is not None and self.tray.isVisible():
            self.sync()
        if self.notice is not None:
            self.notice.set_texts(*self.message(), self._neutral())

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    # -- a reminder ----------------------------------------------------------------

    def message(self) -> tuple[str, str]:
        """The reminder's title and text: fixed words, the disguise's name in discreet mode."""
        title = self.window.discreet.window_title()
        if self._neutral():
            return title, self.tr("A reminder")
        return title, self.tr("A gentle reminder to check in, if you would like to.")

    def remind(self) -> None:
        """Show a reminder that is due: in the tray where there is one, else in the window if it is open."""
        if self._covered():
            return
        title, text = self.message()
        self.last_message = (title, text)
        if self.tray is not None and self.tray.isVisible():
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QGuiApplication) else self.tray.icon()
            self.tray.showMessage(title, text, icon, MESSAGE_MS)
        elif self.window.isVisible():
            self._show_notice(title, text)

    def _show_notice(self, title: str, text: str) -> None:
        from .reminder_notice import ReminderNotice

        if self.notice is None:
            self.notice = ReminderNotice(self.window)
            self.notice.accepted.connect(self.open_check_in)
            self.notice.finished.connect(lambda _result: self._notice_closed())
        self.notice.set_texts(title, text, self._neutral())
        self.notice.show()
        self.notice.raise_()
        QApplication.alert(self.window)  # a minimised window asks for attention in the taskbar

    def _notice_closed(self) -> None:
        if self.notice is not None:
            self.notice.deleteLater()
            self.notice = None

    # -- from a reminder to the check-in ---------------------------------------------

    def show_window(self) -> None:
        if self._covered():
            return
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def open_check_in(self) -> None:
        """The window comes forward with the quick check-in; on the lock screen, unlocking comes first."""
        if self._covered():
            return
        self.show_window()
        window = self.window
        if window.vault.is_unlocked and window.repo is not None:
            window.check_in()
            return
        if window.stack.currentWidget() is window.unlock_page:
            self.check_in_after_unlock = True
            window.unlock_page.secret.setFocus()

    def _unlocked(self) -> None:
        self.journal_changed()
        if self.check_in_after_unlock:
            self.check_in_after_unlock = False
            QTimer.singleShot(0, self.window.check_in)  # once the timeline is on screen

    def forget(self) -> None:
        """Quick exit: no check-in waits for the next unlock, no tray icon or notice stays behind."""
        self.check_in_after_unlock = False
        if self.notice is not None:
            self.notice.close()
        if self.tray is not None:
            self.tray.hide()

    def journal_changed(self) -> None:
        """After a save (or an unlock): an entry dated today means no reminder today."""
        repo = self.window.repo
        if not self.on or repo is None or not self.window.vault.is_unlocked:
            return
        today = self.timer.clock().date()
        midnight = datetime(today.year, today.month, today.day)
        # Naive times are local to EntryFilter: the local day, whatever its length on a DST day.
        if repo.count(EntryFilter(since=midnight, until=midnight + timedelta(days=1))) > 0:
            self.timer.checked_in(today)

    def schedule_changed(self) -> None:
        """Preferences chose the schedule again: back-off starts afresh, and a time already past today
        (within the late limit) does not pop up the moment OK is pressed."""
        self.timer.started = self.timer.clock()
        settings = self.window.settings
        settings.set_reminder_state(reminders.schedule_chosen(settings.reminder_memory()))  # {} when off
        try:
            settings.save()
        except OSError:
            pass  # as in ReminderTimer: the state holds in memory for this run
        self.journal_changed()
        self.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Show and self.on:
            self.sync()
        return False
