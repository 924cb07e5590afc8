"""The discreet mode settings, reachable only from the unlocked app."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.disguise import EXIT_CALCULATOR, EXIT_CLOSE, ORIGINAL, PRESETS, appearance_for
from ...core.settings import Settings
from ..common import Retranslatable
from .cover import BACK_KEYS
from .discreet_icons import neutral_icon


class DiscreetDialog(Retranslatable, QDialog):
    """Pick the look shown before unlock, and what quick exit leaves on the screen."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Wide enough that the wrapped notes never squeeze the four look choices (Qt sizes the height
        # for a wider ideal width and then narrows the dialog on a small screen).
        self.setMinimumWidth(600)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.look_box = QGroupBox()
        self.choices = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        look_layout = QVBoxLayout(self.look_box)
        for appearance in (ORIGINAL, *PRESETS):
            radio = QRadioButton()
            if appearance.icon:
                radio.setIcon(neutral_icon(appearance.icon))
                radio.setIconSize(QSize(24, 24))
            self.radios[appearance.key] = radio
            self.choices.addButton(radio)
            look_layout.addWidget(radio)
        self.radios[appearance_for(settings.appearance).key].setChecked(True)
        self.restart_note = QLabel()
        self.restart_note.setWordWrap(True)
        self.calculator = QCheckBox()
        self.calculator.setChecked(settings.exit_view == EXIT_CALCULATOR)
        self.calculator_note = QLabel()
        self.calculator_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.look_box)
        layout.addWidget(self.restart_note)
        layout.addWidget(self.calculator)
        layout.addWidget(self.calculator_note)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Discreet mode"))
        self.intro.setText(
            self.tr(
                "Choose how this app looks while it is locked: its name in the title bar and the "
                "taskbar, its icon, and a lock screen that does not say what it is for. The settings "
                "file on this computer keeps only the name of the look you choose."
            )
        )
        self.look_box.setTitle(self.tr("Look before unlocking"))
        self.radios[ORIGINAL.key].setText(self.tr("This app's own name"))
        for appearance in PRESETS:
            self.radios[appearance.key].setText(appearance.display_title())
        self.restart_note.setText(
            self.tr(
                "Some taskbars keep showing the old name and icon until the app is started again. "
                "A menu entry you installed for this app still shows its real name; to stay "
                "discreet, start it another way."
            )
        )
        self.calculator.setText(self.tr("After a quick exit, show a working calculator instead of closing"))
        self.calculator_note.setText(
            self.tr(
                "Quick exit is Ctrl+Shift+Q, or Esc twice. On the calculator, press %1 to get back to "
                "the lock screen; a second quick exit closes the app."
            ).replace("%1", BACK_KEYS)
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def chosen_appearance(self) -> str:
        for key, radio in self.radios.items():
            if radio.isChecked():
                return key
        return ORIGINAL.key

    def chosen_exit_view(self) -> str:
        return EXIT_CALCULATOR if self.calculator.isChecked() else EXIT_CLOSE
