"""Passphrase entry with a strength meter, shared by first run and change-passphrase."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

from ...core.passphrase import estimate
from ...core.vault import MIN_PASSPHRASE
from .. import design
from ..common import Retranslatable

# The meter's colour for each score of core.passphrase.estimate (1 weak … 4 very strong): the mood
# scale's warm-to-green steps, so "weak" reads as a warning and "strong" as good without a legend.
_SCORE_MOOD = {1: 1, 2: 2, 3: 4, 4: 4}


class StrengthBar(QProgressBar):
    """Four rounded segments, filled up to the score; the value stays a progress bar's for screen readers."""

    SEGMENTS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, self.SEGMENTS)
        self.setTextVisible(False)
        self.setFixedHeight(design.SPACE["s"])

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(design.SPACE["xxl"] * 4, design.SPACE["s"])

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(design.SPACE["xxl"] * 2, design.SPACE["s"])

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        gap = design.SPACE["xs"]
        width = (self.width() - gap * (self.SEGMENTS - 1)) / self.SEGMENTS
        score = self.value()
        filled = design.mood_fill(_SCORE_MOOD.get(score, 1))
        empty = design.surface("outline")
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for index in range(self.SEGMENTS):
            # The bar fills from the reading start: from the right in Arabic.
            slot = self.SEGMENTS - 1 - index if right_to_left else index
            rect = QRectF(slot * (width + gap), 0, width, self.height())
            painter.setBrush(QColor(filled if index < score else empty))
            painter.drawRoundedRect(rect, design.RADIUS["s"], design.RADIUS["s"])
        painter.end()


class NewPassphraseForm(Retranslatable, QWidget):
    """Two fields and a strength meter; `valid_changed` says when both match and are long enough."""

    valid_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = StrengthBar()
        # The meter's word (Weak, Fair, Strong…) beside the bar: the colour is never the only signal.
        self.strength = QLabel()
        self.strength.setFont(design.font("subtitle"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.label_passphrase = QLabel()
        self.label_repeat = QLabel()
        self.label_strength = QLabel()
        self.label_passphrase.setBuddy(self.passphrase)
        self.label_repeat.setBuddy(self.repeat)
        meter_row = QHBoxLayout()
        meter_row.setSpacing(design.SPACE["m"])
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.strength)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(design.SPACE["s"])
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.label_passphrase, self.passphrase)
        form.addRow(self.label_repeat, self.repeat)
        form.addRow(self.label_strength, meter_row)
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
        strength = estimate(text)  # core/passphrase.py is the one authority on what counts as strong
        self.meter.setValue(strength.score)
        self.strength.setText(strength.label if text else "")
        self.meter.setAccessibleDescription(strength.label if text else "")
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
