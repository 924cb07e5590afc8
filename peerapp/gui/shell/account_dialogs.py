"""The Settings and Help menus' own windows: change the passphrase, a new recovery key, preferences,
the keyboard shortcuts and About. Each dialog's module is imported when first used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from ... import __version__
from ..widgets.ask import ask

if TYPE_CHECKING:
    from .main_window import MainWindow


# These were always MainWindow's methods: their texts keep that translation context.
class AccountDialogs:
    """Slots of MainWindow's Settings and Help menus (a mixin; its methods take `self: MainWindow`,
    hence the ignores on those lines, as in menus.py)."""

    def change_passphrase(self: MainWindow) -> None:  # type: ignore[misc]
        from .dialogs import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.vault, self)
        if dialog.exec():
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Passphrase changed"),
                QCoreApplication.translate(
                    "MainWindow", "Your passphrase was changed. Use the new one from now on."
                ),
            )

    def new_recovery_key(self: MainWindow) -> None:  # type: ignore[misc]
        if ask(
            self,
            QCoreApplication.translate("MainWindow", "New recovery key"),
            QCoreApplication.translate(
                "MainWindow", "Make a new recovery key? Any recovery key you saved before stops working."
            ),
            QCoreApplication.translate("MainWindow", "&Make a new key"),
        ):
            from .dialogs import RecoveryKeyDialog

            RecoveryKeyDialog(self.vault.new_recovery_key(), self).exec()

    def preferences(self: MainWindow) -> None:  # type: ignore[misc]
        from .dialogs import PreferencesDialog

        if PreferencesDialog(self.settings, self).exec():
            self._restart_idle_timer()
            self.reminders.schedule_changed()

    def show_shortcuts(self: MainWindow) -> None:  # type: ignore[misc]
        from .shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def about(self: MainWindow) -> None:  # type: ignore[misc]
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About peerapp"),
            QCoreApplication.translate(
                "MainWindow",
                "peerapp %1\n\nA private mood and coping journal. Everything you write is encrypted "
                "on this computer and never leaves it unless you choose to.",
            ).replace("%1", __version__),
        )
