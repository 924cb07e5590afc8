"""Discreet mode and quick exit: a neutral look before unlock, no traces in Qt's history, the clipboard
and the calculator screen that quick exit can leave behind."""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QClipboard, QGuiApplication, QIcon, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from ... import APP_ID
from ...core.disguise import EXIT_CALCULATOR, ORIGINAL, Appearance, appearance_for
from ...core.settings import Settings
from ..common import OWNS_ESCAPE
from ..design import app_icon

# The calculator, the settings dialog and the neutral icons are imported when first needed: the lock
# screen of an app in its own look needs none of them (tests/gui/test_startup_imports.py).
if TYPE_CHECKING:
    from ..shell.main_window import MainWindow
    from .cover import CalculatorScreen

APP_NAME = "peerapp"


def in_flatpak() -> bool:
    """Inside a Flatpak sandbox the file chooser portal is the only way to reach the person's files."""
    return bool(os.environ.get("FLATPAK_ID")) or Path("/.flatpak-info").exists()


def keep_no_file_history() -> None:
    """Stop Qt from remembering which folders and files the app's file dialogs saw.

    Qt's own file dialog saves its history and last folder to QtProject.conf in the user's
    config folder when it closes, and a native (GTK) dialog may add the file to the desktop's
    recently-used list. The app itself uses no QSettings, so pointing the user-scope QSettings
    path under a device file (where nothing can be created) drops those writes without an error.
    """
    if os.name == "posix":
        nowhere = os.path.join(os.devnull, "qt")
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, nowhere)
    if not in_flatpak():
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def apply_appearance(app: QGuiApplication, appearance: Appearance, *, before_windows: bool = False) -> None:
    """Give the application a neutral (or its own) name and icon.

    The display name ends up in every window title on Linux; the application name and desktop
    file name are what a taskbar uses to find the installed .desktop file, whose name and icon it
    would show. Those two only take effect for windows created afterwards, so `before_windows`
    (at start-up) also sets the X11 instance name.
    """
    if appearance is ORIGINAL:
        app.setApplicationDisplayName("")
        app.setWindowIcon(app_icon())  # peerapp's own mark, only in its own look
        app.setApplicationName(APP_NAME)
        app.setDesktopFileName(APP_ID)
    else:
        app.setApplicationDisplayName(appearance.display_title())
        from .discreet_icons import neutral_icon

        app.setWindowIcon(neutral_icon(appearance.icon))
        app.setApplicationName(appearance.app_id)
        app.setDesktopFileName(appearance.app_id)
    if before_windows:
        # The X11 window class is read once, when the first window is made.
        os.environ["RESOURCE_NAME"] = appearance.app_id or APP_NAME


class ClipboardGuard(QObject):
    """Remembers keyed hashes (never the text) of what was copied while one of the app's windows was
    active, so quick exit clears the clipboard only when it still holds the app's text."""

    KEEP = 32

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = secrets.token_bytes(16)
        self._seen: deque[bytes] = deque(maxlen=self.KEEP)
        QGuiApplication.clipboard().changed.connect(self._changed)

    def _digest(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=self._key, digest_size=16).digest()

    def _changed(self, mode: QClipboard.Mode) -> None:
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text(mode)
        if mode == QClipboard.Mode.Clipboard:
            ours = clipboard.ownsClipboard()
        else:
            ours = mode == QClipboard.Mode.Selection and clipboard.ownsSelection()
        # Where ownership is not reported (some platforms), a change made while one of the app's
        # windows has the focus is taken to come from the app.
        if text and (ours or QApplication.activeWindow() is not None):
            self._seen.append(self._digest(text))

    def holds_app_text(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> bool:
        text = QGuiApplication.clipboard().text(mode)
        return bool(text) and self._digest(text) in self._seen

    def clear_app_text(self) -> None:
        """Empty the clipboard (and the X11 selection) if what is there came from the app."""
        clipboard = QGuiApplication.clipboard()
        modes = [QClipboard.Mode.Clipboard]
        if clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        for mode in modes:
            if self.holds_app_text(mode):
                clipboard.clear(mode)
        self._seen.clear()


class QuickExitKeys:
    """Recognises Esc pressed twice and Ctrl+Shift+Q in the application's event filter.

    One key press reaches an application event filter several times (at the window, at the focus
    widget, at each parent it propagates to), so a press counts only once until its release.
    Ctrl+Shift+Q is normally a shortcut; while a modal dialog is open Qt blocks shortcuts of the
    window underneath, and the key press then arrives here.
    """

    def __init__(self) -> None:
        self._escape_down = False
        self._escape_stamp = -1
        self._last_escape = 0.0

    def is_quick_exit(self, event: QKeyEvent, double_seconds: float) -> bool:
        key = event.key()
        if event.type() == QEvent.Type.KeyRelease:
            if key == Qt.Key.Key_Escape and not event.isAutoRepeat():
                self._escape_down = False
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Q and mods == (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            return True
        if key != Qt.Key.Key_Escape or event.isAutoRepeat():
            return False
        stamp = event.timestamp()
        if self._escape_down and (stamp == self._escape_stamp or stamp == 0):
            return False  # the same press, seen again further along its way
        self._escape_down, self._escape_stamp = True, stamp
        focus = QApplication.focusWidget()
        if focus is not None and focus.property(OWNS_ESCAPE):
            self._last_escape = 0.0  # this Esc takes back an edit; it starts no double press
            return False
        now = time.monotonic()
        if now - self._last_escape <= double_seconds:
            self._last_escape = 0.0
            return True
        self._last_escape = now
        return False


class DiscreetController(QObject):
    """Applies the chosen appearance to the main window and runs the extended quick exit."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings: Settings = window.settings
        self.clipboard = ClipboardGuard(self)
        self.keys = QuickExitKeys()
        self.cover: CalculatorScreen | None = None
        self._cover_restores: str = ""
        # F1 keeps working on the lock screen while the menu bar is hidden.
        window.addAction(window.help_now_action)
        # The setting is there only while unlocked (sync() hides it on the lock screen).
        self.action = QAction(window)
        self.action.triggered.connect(lambda _checked=False: self.open_settings())
        window.settings_menu.addAction(self.action)
        window.stack.currentChanged.connect(lambda _index: self.sync())

    @property
    def appearance(self) -> Appearance:
        return appearance_for(self.settings.appearance)

    @property
    def unlocked(self) -> bool:
        return self.window.vault.is_unlocked and self.window.stack.currentWidget() is self.window.tabs

    def window_title(self) -> str:
        appearance = self.appearance
        return appearance.display_title() if appearance is not ORIGINAL else self.tr("peerapp")

    def retranslate_ui(self) -> None:
        """Called from the main window's retranslate_ui()."""
        self.action.setText(self.tr("&Discreet mode…"))
        app = QApplication.instance()
        showing_cover = self.cover is not None and self.cover.isVisible()
        if isinstance(app, QGuiApplication) and self.appearance is not ORIGINAL and not showing_cover:
            app.setApplicationDisplayName(self.appearance.display_title())  # in the new language
        self.sync()

    def open_settings(self) -> None:
        if not self.unlocked:
            return
        from .discreet_dialog import DiscreetDialog

        dialog = DiscreetDialog(self.settings, self.window)
        if dialog.exec():
            self.choose(dialog.chosen_appearance(), dialog.chosen_exit_view())

    def choose(self, appearance_key: str, exit_view: str) -> None:
        """Store and apply a new choice (from the settings dialog, so only while unlocked)."""
        self.settings.appearance = appearance_for(appearance_key).key
        self.settings.exit_view = exit_view if exit_view == EXIT_CALCULATOR else ""
        self.settings.save()
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            apply_appearance(app, self.appearance)
        self.sync()

    def sync(self) -> None:
        """Bring the window, the lock screen and the menus in line with the appearance and lock state."""
        window = self.window
        neutral = self.appearance is not ORIGINAL
        window.setWindowTitle(self.window_title())
        app = QApplication.instance()
        window.setWindowIcon(app.windowIcon() if isinstance(app, QGuiApplication) else QIcon())
        # The menus name the journal and its tools; a neutral lock screen shows none of them.
        window.menuBar().setVisible(not neutral or self.unlocked)
        self.action.setVisible(self.unlocked)
        self.action.setEnabled(self.unlocked)
        if window.unlock_page.neutral != neutral:
            window.unlock_page.neutral = neutral
            window.unlock_page.retranslate_ui()
        if window.help_link.neutral != neutral:
            window.help_link.neutral = neutral
            window.help_link.retranslate_ui()

    # -- quick exit --------------------------------------------------------------------

    def close_other_windows(self) -> None:
        """Close every dialog, message box, file dialog, tool and popup, modal or not, without asking."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        popup = app.activePopupWidget()
        while popup is not None:
            popup.close()
            next_popup = app.activePopupWidget()
            popup = None if next_popup is popup else next_popup
        for _ in range(64):  # innermost modal first, so each nested exec() returns in turn
            modal = app.activeModalWidget()
            if modal is None or modal is self.window or not modal.isVisible():
                break
            self._close(modal)
        for widget in app.topLevelWidgets():
            if widget is not self.window and widget is not self.cover and widget.isVisible():
                self._close(widget)

    @staticmethod
    def _close(widget: QWidget) -> None:
        if isinstance(widget, QProgressDialog):
            widget.cancel()  # the worker stops; nothing half-written is kept
        close_for_lock = getattr(widget, "close_for_lock", None)
        if callable(close_for_lock):
            close_for_lock()
        elif isinstance(widget, QDialog):
            # The base class's done(): dialogs that ask "are you sure?" on reject must not ask now.
            QDialog.done(widget, QDialog.DialogCode.Rejected)
        if widget.isVisible():
            widget.hide()

    def show_exit_view(self) -> bool:
        """After quick exit: show the calculator if that was chosen. False means the app should end."""
        if self.cover is not None and self.cover.isVisible():
            self.cover.hide()
            return False
        if self.settings.exit_view != EXIT_CALCULATOR:
            return False
        if self.cover is None:
            from .cover import CalculatorScreen

            self.cover = CalculatorScreen()
            self.cover.leave.connect(self.leave_exit_view)
            self.cover.closed.connect(self._cover_closed)
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            # Window titles carry the display name on Linux; the calculator carries only its own.
            self._cover_restores = app.applicationDisplayName() if self.appearance is not ORIGINAL else ""
            app.setApplicationDisplayName(self.cover.windowTitle())
        self.cover.clear()
        self.cover.show()
        self.cover.raise_()
        self.cover.activateWindow()
        return True

    def leave_exit_view(self) -> None:
        """From the calculator back to the lock screen."""
        if self.cover is None:
            return
        self.cover.hide()
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.setApplicationDisplayName(self._cover_restores)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def _cover_closed(self) -> None:
        self.window.quick_exited.emit()

    def release(self) -> None:
        if self.cover is not None:
            self.cover.closed.disconnect(self._cover_closed)
            self.cover.deleteLater()
            self.cover = None
