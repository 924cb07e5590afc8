"""Vault protection in the window: the Settings > Protection menu, the wipe flow and the lock screen's countdown."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from ...core import protection
from ...core.settings import Settings
from ..common import Retranslatable
from ..widgets.ask import ask
from .countdown import UnlockCountdown

# The dialogs are imported when an action opens one: the menu is built with the lock screen.

if TYPE_CHECKING:
    from ..shell.main_window import MainWindow

__all__ = ["ProtectionMenu", "UnlockCountdown"]


class ProtectionMenu(Retranslatable, QMenu):
    """Duress passphrase, wipe now and the failed-unlock wipe; also shows a fresh app after any wipe."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.duress_action = QAction(self)
        self.remove_duress_action = QAction(self)
        self.unlock_action = QAction(self)
        self.wipe_action = QAction(self)
        self.duress_action.triggered.connect(self.set_duress)
        self.remove_duress_action.triggered.connect(self.remove_duress)
        self.unlock_action.triggered.connect(self.failed_unlocks)
        self.wipe_action.triggered.connect(self.wipe_everything)
        for action in (self.duress_action, self.remove_duress_action, self.unlock_action):
            self.addAction(action)
        self.addSeparator()
        self.addAction(self.wipe_action)
        self.aboutToShow.connect(self._update)
        window.unlock_page.wiped.connect(self.show_first_run)
        self._update()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("&Protection"))
        self.duress_action.setText(self.tr("Set &duress passphrase…"))
        self.remove_duress_action.setText(self.tr("&Remove duress passphrase…"))
        self.unlock_action.setText(self.tr("&Wrong passphrases…"))
        self.wipe_action.setText(self.tr("&Erase everything now…"))

    def _unlocked(self) -> bool:
        win = self.window_
        return win.vault.is_unlocked and win.stack.currentWidget() is win.tabs

    def _update(self) -> None:
        unlocked = self._unlocked()
        for action in (self.duress_action, self.remove_duress_action, self.unlock_action, self.wipe_action):
            action.setEnabled(unlocked)

    def set_duress(self) -> None:
        if not self._unlocked():
            return
        from .dialogs import DuressDialog

        if DuressDialog(self.window_.vault, self.window_).exec():
            QMessageBox.information(
                self.window_,
                self.tr("Duress passphrase"),
                self.tr(
                    "The duress passphrase is set. It does not open your journal. "
                    "Remember it, and never use it by mistake."
                ),
            )

    def remove_duress(self) -> None:
        if not self._unlocked():
            return
        if ask(
            self.window_,
            self.tr("Remove duress passphrase"),
            self.tr("Remove the duress passphrase? It will then be just a wrong passphrase."),
            self.tr("&Remove"),
        ):
            self.window_.vault.clear_duress()

    def failed_unlocks(self) -> None:
        if self._unlocked():
            from .dialogs import UnlockProtectionDialog

            UnlockProtectionDialog(protection.UnlockGuard(self.window_.vault.directory), self.window_).exec()

    def wipe_everything(self) -> None:
        if not self._unlocked():
            return
        from .dialogs import WipeDialog

        win = self.window_
        dialog = WipeDialog(win)
        if not dialog.exec():
            return
        vault = win.vault
        backups = protection.automatic_backups(vault) if dialog.backups_to_erase() else []
        # Close every view of the data first, then destroy the key file and the rest.
        win.lock()
        protection.panic_wipe(vault, backups=backups)
        self.show_first_run()

    def show_first_run(self) -> None:
        """After any wipe: the window looks like a fresh install (settings back to their defaults)."""
        win = self.window_
        defaults = Settings()
        for field in fields(Settings):
            setattr(win.settings, field.name, getattr(defaults, field.name))
        win.unlock_page.reset()
        win.stack.setCurrentWidget(win.setup_page)
        win._update_actions()
