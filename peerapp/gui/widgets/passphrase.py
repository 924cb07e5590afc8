"""Passphrase entry with a strength meter, shared by first run and change-passphrase."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from ...core.passphrase import estimate
from ...core.vault import MIN_PASSPHRASE
from ..common import Retranslatable


class NewPassphraseForm(Retranslatable, QWidget):
    """Two fields and a strength meter; `valid_changed` says when both match and are long enough."""

    valid_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.strength = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.label_passphrase = QLabel()
        self.label_repeat = QLabel()
        self.label_strength = QLabel()
        self.label_passphrase.setBuddy(self.passphrase)
        self.label_repeat.setBuddy(self.repeat)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.label_passphrase, self.passphrase)
        form.addRow(self.label_repeat, self.repeat)
        form.addRow(self.label_strength, self.meter)
        form.addRow("", self.strength)
        form.addRow("", self.problem)
        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.label_passphrase.setText(self.tr("&Passphrase:"))
        self.label_repeat.setText(self.tr("&Repeat it:"))
        self.label_strength.setText(self.tr("Strength:"))
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.passphrase.setPlaceholderText(
            self.tr("At least %Ln characters; a few unrelated words work well", "", MIN_PASSPHRASE)
        )
        self._update()

    def is_valid(self) -> bool:
        text = self.passphrase.text()
        return len(text) >= MIN_PASSPHRASE and text == self.repeat.text()

    def _update(self) -> None:
        text = self.passphrase.text()
        strength = estimate(text)
        self.meter.setValue(strength.score)
        self.strength.setText(strength.label if text else "")
        if text and len(text) < MIN_PASSPHRASE:
            self.problem.setText(self.tr("The passphrase is too short."))
        elif self.repeat.text() and self.repeat.text() != text:
            self.problem.setText(self.tr("The two passphrases do not match."))
        else:
            self.problem.setText("")
        self.valid_changed.emit(self.is_valid())

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
