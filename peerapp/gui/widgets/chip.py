"""One emotion chip: a checkable pill in its group's colour (laid out in groups by chips.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget

from .. import design
from .pills import RING, leading, pill, ring

# Tokens of this module, made from design's scales (design.py has no chip size of its own).
CHIP_PAD = design.SPACE["m"]  # inside a chip, before and after its text
CHIP_GAP = design.SPACE["s"]  # between chips, both ways
CHIP_MARK = design.SPACE["s"] + design.SPACE["xxs"]  # the dot or tick before the label


class Chip(QCheckBox):
    """One emotion: a pill with a dot in its group's colour; chosen, it fills with that colour and shows a
    tick. A check box underneath, so a screen reader hears a choice and Space toggles it."""

    def __init__(self, key: str, group: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.group_key = group
        # Set by the owner: move the focus by `step` chips from this one (arrow keys, Home, End).
        self.navigate: Callable[[Chip, int], None] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggled.connect(lambda _on: self._name())

    def set_label(self, text: str) -> None:
        self.setText(text)
        self._name()
        self.updateGeometry()

    def _name(self) -> None:
        # Said with the state, since a chip does not look like a check box.
        state = (
            QCoreApplication.translate("EmotionChips", "selected")
            if self.isChecked()
            else QCoreApplication.translate("EmotionChips", "not selected")
        )
        self.setAccessibleName(
            QCoreApplication.translate("EmotionChips", "%1, %2")
            .replace("%1", self.text())
            .replace("%2", state)
        )

    def colour(self) -> QColor:
        dark = design.is_dark()
        if self.group_key in design.EMOTION_GROUP_COLOUR[dark]:
            return QColor(design.EMOTION_GROUP_COLOUR[dark][self.group_key])
        return design.category_colour("practical", dark)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = self.fontMetrics()
        width = CHIP_PAD + CHIP_MARK + design.SPACE["s"] + metrics.horizontalAdvance(self.text()) + CHIP_PAD
        return QSize(width + 2 * RING, metrics.height() + 2 * design.SPACE["s"] + 2 * RING)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        dark = design.is_dark()
        colour = self.colour()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect())
        body = outer.adjusted(RING + 0.5, RING + 0.5, -RING - 0.5, -RING - 0.5)
        checked = self.isChecked()
        if checked:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            ink = QColor(design.MOOD_INK)
        else:
            fill = design.surface("card", dark)
            if self.underMouse() and self.isEnabled():
                fill = design.mood_tint(3, dark)
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(fill)
            ink = design.surface("text", dark)
        painter.drawPath(pill(body))
        mirrored = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        mark_left = body.right() - CHIP_PAD - CHIP_MARK if mirrored else body.left() + CHIP_PAD
        mark = QRectF(mark_left, body.center().y() - CHIP_MARK / 2, CHIP_MARK, CHIP_MARK)
        if checked:
            tick = QPainterPath(QPointF(mark.left(), mark.center().y()))
            tick.lineTo(mark.left() + mark.width() * 0.4, mark.bottom() - 1)
            tick.lineTo(mark.right(), mark.top() + 1)
            painter.setPen(QPen(ink, 2, c=Qt.PenCapStyle.RoundCap, j=Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(mark.adjusted(2, 2, -2, -2))
        text_rect = body.adjusted(CHIP_PAD + CHIP_MARK + design.SPACE["s"], 0, -CHIP_PAD, 0)
        if mirrored:
            text_rect = body.adjusted(CHIP_PAD, 0, -(CHIP_PAD + CHIP_MARK + design.SPACE["s"]), 0)
        painter.setPen(ink)
        painter.setFont(self.font())
        painter.drawText(text_rect, int(leading(self) | Qt.AlignmentFlag.AlignVCenter), self.text())
        if self.hasFocus():
            ring(painter, outer, dark)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        forward = (
            Qt.Key.Key_Left if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else Qt.Key.Key_Right
        )
        backward = Qt.Key.Key_Right if forward == Qt.Key.Key_Left else Qt.Key.Key_Left
        steps = {forward: 1, Qt.Key.Key_Down: 1, backward: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Home: -999}
        steps[Qt.Key.Key_End] = 999
        if (
            key in steps
            and self.navigate is not None
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.navigate(self, steps[key])
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if self.navigate is not None:
            self.navigate(self, 0)  # this chip becomes its group's one Tab stop
