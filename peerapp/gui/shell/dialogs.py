"""Dialogs: recovery key, change passphrase, preferences."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import numerals
from ...core.settings import Settings
from ...core.vault import Vault
from ..common import Retranslatable
from ..widgets import locale_format
from ..widgets.busy_dialog import BusyDialog
from ..widgets.passphrase import NewPassphraseForm


class RecoveryKeyDialog(Retranslatable, QDialog):
    """Shows a recovery key once; closing needs a tick that it was saved."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.key_field = QLineEdit(key)
        self.key_field.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.key_field.setFont(font)
        self.key_field.setMinimumWidth(self.key_field.fontMetrics().horizontalAdvance(key) + 24)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._copy)
        self.confirm = QCheckBox()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.confirm.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.key_field)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Your recovery key"))
        self.explain.setText(
            self.tr(
                "This key opens your journal if you forget your passphrase. It is shown only now. "
                "Write it on paper and keep it somewhere safe and private; anyone who has it can read your journal."
            )
        )
        self.copy_button.setText(self.tr("&Copy to clipboard"))
        self.confirm.setText(self.tr("I have saved my recovery key"))
        self.key_field.setAccessibleName(self.tr("Recovery key"))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key)

    def done(self, result: int) -> None:
        if self.confirm.isChecked() or result == QDialog.DialogCode.Accepted:
            # Don't leave the key on the clipboard once the dialog is gone.
            clipboard = QGuiApplication.clipboard()
            if clipboard.text() == self.key:
                clipboard.clear()
            super().done(result)


class ChangePassphraseDialog(BusyDialog):
    """Rewraps the vault key: the old passphrase stops working, entries stay as they are."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old_label = QLabel()
        self.old_label.setBuddy(self.old)
        self.form = NewPassphraseForm()
        self.form.valid_changed.connect(lambda _v: self.update_ok())
        self.old.textChanged.connect(lambda _t: self.update_ok())
        top = QFormLayout()
        top.addRow(self.old_label, self.old)
        self.finish_layout(top, self.form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change passphrase"))
        self.old_label.setText(self.tr("&Current passphrase:"))
        self.ok.setText(self.tr("&Change"))
        self.retranslate_buttons()

    def can_submit(self) -> bool:
        return bool(self.old.text()) and self.form.is_valid()

    def submit(self) -> None:
        old, new = self.old.text(), self.form.passphrase.text()
        self.run(lambda: self.vault.change_passphrase(old, new))

    def failed(self, error: object) -> None:
        super().failed(error)
        self.old.selectAll()
        self.old.setFocus()


class PreferencesDialog(Retranslatable, QDialog):
    """Auto-lock delay (0 turns it off), the digits of the Arabic interface, the Hijri date, the colour
    scheme, reduced motion and check-in reminders."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 240)
        self.autolock.setValue(settings.autolock_minutes)
        self.autolock.valueChanged.connect(lambda _v: self._update_unit())
        self.autolock_label = QLabel()
        self.autolock_label.setBuddy(self.autolock)
        self.digits = QComboBox()
        for system in numerals.SYSTEMS:
            self.digits.addItem("", system)
        self.digits.setCurrentIndex(max(self.digits.findData(settings.digits), 0))
        self.digits_label = QLabel()
        self.digits_label.setBuddy(self.digits)
        self.hijri = QCheckBox()
        self.hijri.setChecked(settings.show_hijri)
        # The look: the colour scheme (the system's, or always light or dark) and fewer transitions.
        self.theme = QComboBox()
        for choice in ("system", "light", "dark"):
            self.theme.addItem("", choice)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme), 0))
        self.theme_label = QLabel()
        self.theme_label.setBuddy(self.theme)
        self.reduce_motion = QCheckBox()
        self.reduce_motion.setChecked(settings.reduce_motion)
        from .reminder_settings import ReminderSection

        self.reminders = ReminderSection(settings)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.autolock_label, self.autolock)
        form.addRow(self.digits_label, self.digits)
        form.addRow(self.hijri)
        form.addRow(self.theme_label, self.theme)
        form.addRow(self.reduce_motion)
        form.addRow(self.reminders)
        form.addRow(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.autolock_label.setText(self.tr("&Lock after this many idle minutes:"))
        self.autolock.setSpecialValueText(self.tr("Never"))
        self._update_unit()
        self.digits_label.setText(self.tr("&Digits in Arabic:"))
        # The sample digits are added outside the translation: they show each system as it is, whatever
        # the digits chosen now (translated text follows the chosen digits).
        samples = {numerals.ARABIC_INDIC: "(٠١٢٣)", numerals.WESTERN: "(0123)"}
        names = {numerals.ARABIC_INDIC: self.tr("Arabic-Indic"), numerals.WESTERN: self.tr("Western")}
        for index in range(self.digits.count()):
            system = str(self.digits.itemData(index))
            self.digits.setItemText(index, f"{names[system]} \u2068{samples[system]}\u2069")
        self.hijri.setText(self.tr("Also show the &Hijri date"))
        self.theme_label.setText(self.tr("&Colours:"))
        names = {"system": self.tr("Same as the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for index in range(self.theme.count()):
            self.theme.setItemText(index, names[str(self.theme.itemData(index))])
        self.reduce_motion.setText(self.tr("&Reduce motion (no fades or slides)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _update_unit(self) -> None:
        # The unit agrees with the number ("1 minute", "٣ دقائق", "١١ دقيقة"); 0 shows "Never".
        self.autolock.setSuffix(self.tr(" minutes", "unit after a number of minutes", self.autolock.value()))

    def _save(self) -> None:
        self.settings.autolock_minutes = self.autolock.value()
        digits, hijri = str(self.digits.currentData()), self.hijri.isChecked()
        changed = (digits, hijri) != (self.settings.digits, self.settings.show_hijri)
        self.settings.digits, self.settings.show_hijri = digits, hijri
        self.settings.theme = str(self.theme.currentData())
        self.settings.reduce_motion = self.reduce_motion.isChecked()
        self.reminders.save_to(self.settings)
        self.settings.save()
        from .. import theme

        theme.apply_settings(self.settings)  # the new colours at once, no restart
        if changed:
            # Every open screen redraws its numbers and dates at once, as after a language change.
            locale_format.apply(locale_format.style().language, digits, hijri)
        self.accept()
