"""Dialogs for vault protection: duress passphrase, wipe everything now, wipe after failed unlocks."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core import decoy, protection
from ...core.errors import PeerappError
from ...core.keyslot import DURESS_WIPE
from ...core.vault import Vault
from .. import theme
from ..common import Retranslatable
from ..widgets.busy_dialog import BusyDialog
from ..widgets.passphrase import NewPassphraseForm


def _error_text(error: object) -> str:
    return error.user_message() if isinstance(error, PeerappError) else str(error)


class DuressDialog(BusyDialog):
    """Choose a second passphrase that, typed at the lock screen, erases everything or opens a decoy."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)  # the wrapped explanations and the passphrase hint need the room
        self.vault = vault
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.wipe_choice = QRadioButton()
        self.decoy_choice = QRadioButton()
        self.wipe_choice.setChecked(True)
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.wipe_choice)
        self.choices.addButton(self.decoy_choice)
        self.choice_help = QLabel()
        self.choice_help.setWordWrap(True)
        self.form = NewPassphraseForm()
        self.form.valid_changed.connect(lambda _valid: self.update_ok())
        self.wipe_choice.toggled.connect(lambda _on: self.retranslate_ui())
        self.finish_layout(self.explain, self.wipe_choice, self.decoy_choice, self.choice_help, self.form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Duress passphrase"))
        self.explain.setText(
            self.tr(
                "A duress passphrase is not a spare way into your journal. If someone forces you to open "
                "the app, type it instead of your own passphrase: it then either erases your journal or "
                "opens a harmless decoy journal, as you choose below. It must be different from your "
                "passphrase. Nobody can tell from the files that it exists."
            )
        )
        self.wipe_choice.setText(self.tr("&Erase everything, and show a new, empty app"))
        self.decoy_choice.setText(self.tr("&Open a harmless decoy journal"))
        if self.wipe_choice.isChecked():
            help_text = self.tr(
                "Your journal is erased at once and cannot be brought back, except from a backup you keep elsewhere."
            )
        else:
            help_text = self.tr(
                "The decoy starts with a few everyday entries. Open it with this passphrase now and then and "
                "write in it, so it looks used. Setting up a new decoy replaces the old one."
            )
        self.choice_help.setText(help_text)
        self.ok.setText(self.tr("&Save"))
        self.retranslate_buttons()

    def can_submit(self) -> bool:
        return self.form.is_valid()

    def submit(self) -> None:
        passphrase = self.form.passphrase.text()
        wipe = self.wipe_choice.isChecked()

        def work() -> None:
            if wipe:
                self.vault.set_duress(passphrase, DURESS_WIPE)
            else:
                decoy.set_up_decoy(self.vault, passphrase)

        self.run(work)

    def succeeded(self, _result: object) -> None:
        self.form.clear()
        self.accept()


class WipeDialog(Retranslatable, QDialog):
    """Erase everything now; the button works only once the confirmation word is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warning = QLabel()
        theme.mark_warning(self.warning)
        self.warning.setWordWrap(True)
        self.backups = QCheckBox()
        self.backups.setChecked(True)
        self.word_label = QLabel()
        self.word = QLineEdit()
        self.word_label.setBuddy(self.word)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.erase = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.erase.setEnabled(False)
        # Cancel is the default: Enter must never erase anything.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.word.textChanged.connect(self._update)
        self.buttons.accepted.connect(self._wipe)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.backups)
        form = QFormLayout()
        form.addRow(self.word_label, self.word)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Erase everything"))
        self.warning.setText(
            self.tr(
                "This erases your journal, your safety plan and your settings from this computer, at once "
                "and for good. The app will look as if it was just installed. This cannot be undone."
            )
        )
        self.backups.setText(
            self.tr("Also erase my automatic backups (they still open with your passphrase)")
        )
        self.word_label.setText(self.tr("Type %1 to confirm:").replace("%1", protection.confirm_word()))
        self.word.setAccessibleName(self.tr("Confirmation word"))
        self.erase.setText(self.tr("&Erase everything"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _confirmed(self) -> bool:
        typed = self.word.text().strip().casefold()
        return typed in {protection.confirm_word().casefold(), protection.CONFIRM_WORD.casefold()}

    def _update(self) -> None:
        self.erase.setEnabled(self._confirmed())

    def backups_to_erase(self) -> bool:
        return self.backups.isChecked()

    def _wipe(self) -> None:
        # The caller erases once this closes: it must first close every view of the data (main window).
        if self._confirmed():
            self.accept()


class UnlockProtectionDialog(Retranslatable, QDialog):
    """Erase everything after too many wrong passphrases: off by default, with a plain warning."""

    def __init__(self, guard: protection.UnlockGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guard = guard
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.limit_label = QLabel()
        self.limit = QComboBox()
        self.limit_label.setBuddy(self.limit)
        self.warning = QLabel()
        theme.mark_warning(self.warning)
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        form = QFormLayout()
        form.addRow(self.limit_label, self.limit)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        current = guard.load().wipe_after
        self.limit.setCurrentIndex(protection.WIPE_AFTER_CHOICES.index(current))
        self.limit.currentIndexChanged.connect(lambda _i: self._update_warning())
        self._update_warning()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Wrong passphrases"))
        self.explain.setText(
            self.tr(
                "After each wrong passphrase the lock screen makes you wait a little longer, up to a minute. "
                "You can also have everything erased after too many wrong tries in a row."
            )
        )
        self.limit_label.setText(self.tr("&Erase everything after:"))
        index = max(0, self.limit.currentIndex())
        self.limit.clear()
        for count in protection.WIPE_AFTER_CHOICES:
            self.limit.addItem(
                self.tr("Never") if count == 0 else self.tr("%n wrong tries", "", count), count
            )
        self.limit.setCurrentIndex(index)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update_warning()

    def _update_warning(self) -> None:
        if self.limit.currentData():
            self.warning.setText(
                self.tr(
                    "Warning: a child, a partner or you yourself on a bad day could erase your journal by "
                    "typing wrong passphrases. Someone who copies the files first is not stopped by this, and "
                    "anyone with this computer can see that it is turned on. Keep a backup somewhere safe."
                )
            )
        else:
            self.warning.setText("")

    def _save(self) -> None:
        self.guard.set_wipe_after(int(self.limit.currentData() or 0))
        self.accept()
