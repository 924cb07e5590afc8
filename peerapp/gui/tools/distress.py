"""Asking for distress (0-10) before and after a tool, and how much it helped (1-5); always skippable."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..common import Retranslatable


class _RatingRow(QWidget):
    """A row of exclusive radio buttons; none checked means "not answered". Arrow keys move inside it."""

    changed = Signal()

    def __init__(self, values: range, spread: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[int, QRadioButton] = {}
        for value in values:
            button = QRadioButton()
            self.group.addButton(button, value)
            self.buttons[value] = button
            if spread and value != values[0]:
                layout.addStretch()  # spread across the width, under the two end labels
            layout.addWidget(button)
        if not spread:
            layout.addStretch()
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 or checked not in self.buttons else checked

    def set_value(self, value: int | None) -> None:
        if value is None:
            # An exclusive group cannot uncheck its last button; lift exclusivity for a moment.
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[value].setChecked(True)


class DistressPrompt(Retranslatable, QWidget):
    """ "How much distress do you feel?" on a 0-10 scale, asked before or after a tool."""

    changed = Signal()

    def __init__(self, when: str = "before", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.when = when
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setObjectName("heading")
        self.scale = _RatingRow(range(11), spread=True)
        self.scale.changed.connect(self.changed)
        self.low = QLabel()
        self.high = QLabel()
        anchors = QHBoxLayout()
        anchors.addWidget(self.low)
        anchors.addStretch()
        anchors.addWidget(self.high)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.scale)
        layout.addLayout(anchors)
        self.question.setBuddy(self.scale.buttons[0])
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.when == "after":
            self.question.setText(self.tr("And now: how much distress do you feel, from 0 to 10?"))
        else:
            self.question.setText(
                self.tr("Before you start: how much distress do you feel right now, from 0 to 10?")
            )
        locale = QLocale()
        self.low.setText(self.tr("%1 – none").replace("%1", locale.toString(0)))
        self.high.setText(self.tr("%1 – the most you can imagine").replace("%1", locale.toString(10)))
        for value, button in self.scale.buttons.items():
            button.setText(locale.toString(value))
            button.setAccessibleName(self.tr("Distress %1 out of 10").replace("%1", locale.toString(value)))
        self.scale.setAccessibleName(self.question.text())

    def value(self) -> int | None:
        return self.scale.value()

    def set_value(self, value: int | None) -> None:
        self.scale.set_value(value)

    def focus_scale(self) -> None:
        value = self.value()
        self.scale.buttons[0 if value is None else value].setFocus(Qt.FocusReason.OtherFocusReason)


class HelpfulnessPrompt(Retranslatable, QWidget):
    """ "How much did this help?" from 1 (not at all) to 5 (a lot); unanswered is fine."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.scale = _RatingRow(range(1, 6))
        self.scale.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addWidget(self.scale)
        self.question.setBuddy(self.scale.buttons[1])
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.question.setText(self.tr("How much did this help?"))
        labels = {
            1: self.tr("%1 – did not help"),
            2: self.tr("%1 – a little"),
            3: self.tr("%1 – somewhat"),
            4: self.tr("%1 – helped"),
            5: self.tr("%1 – helped a lot"),
        }
        locale = QLocale()
        for value, button in self.scale.buttons.items():
            text = labels[value].replace("%1", locale.toString(value))
            button.setText(text)
            button.setAccessibleName(text)
        self.scale.setAccessibleName(self.question.text())

    def value(self) -> int | None:
        return self.scale.value()

    def set_value(self, value: int | None) -> None:
        self.scale.set_value(value)


class DistressDialog(Retranslatable, QDialog):
    """A small stand-alone 0-10 question; `value()` is None when skipped."""

    def __init__(self, when: str = "before", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = DistressPrompt(when)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.prompt.focus_scale()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Distress"))
        self.ok_button.setText(self.tr("&Continue"))
        self.skip_button.setText(self.tr("S&kip"))

    def value(self) -> int | None:
        return self.prompt.value() if self.result() == QDialog.DialogCode.Accepted else None
