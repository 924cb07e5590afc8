"""Neutral window icons for discreet mode, drawn at run time so no telling image file is needed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

SIZES = (16, 24, 32, 48, 64, 128, 256)
UNIT = 64.0  # every drawing is made on a 64×64 grid and scaled


def _notes(p: QPainter) -> None:
    p.setBrush(QColor("#f6d365"))
    p.setPen(QPen(QColor("#8a6d1d"), 2))
    p.drawRoundedRect(QRectF(12, 6, 40, 52), 5, 5)
    p.setPen(QPen(QColor("#8a6d1d"), 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (20, 29, 38, 47):
        p.drawLine(QPointF(19, y), QPointF(45 if y != 47 else 35, y))


def _calculator(p: QPainter) -> None:
    p.setBrush(QColor("#4a5568"))
    p.setPen(QPen(QColor("#2d3748"), 2))
    p.drawRoundedRect(QRectF(12, 4, 40, 56), 6, 6)
    p.setBrush(QColor("#c6f6d5"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(17, 9, 30, 12), 2, 2)
    for row in range(3):
        for col in range(3):
            p.setBrush(QColor("#f6ad55") if col == 2 else QColor("#e2e8f0"))
            p.drawRoundedRect(QRectF(17 + col * 11, 26 + row * 11, 8, 8), 2, 2)


def _reading(p: QPainter) -> None:
    p.setPen(QPen(QColor("#2c5282"), 2))
    p.setBrush(QColor("#90cdf4"))
    p.drawRoundedRect(QRectF(8, 12, 23, 40), 3, 3)
    p.drawRoundedRect(QRectF(33, 12, 23, 40), 3, 3)
    p.setPen(QPen(QColor("#2c5282"), 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (22, 30, 38):
        p.drawLine(QPointF(13, y), QPointF(26, y))
        p.drawLine(QPointF(38, y), QPointF(51, y))


def _tasks(p: QPainter) -> None:
    p.setBrush(QColor("#ffffff"))
    p.setPen(QPen(QColor("#276749"), 2))
    p.drawRoundedRect(QRectF(10, 6, 44, 52), 5, 5)
    p.setPen(QPen(QColor("#38a169"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (18, 32, 46):
        p.drawLine(QPointF(16, y), QPointF(19, y + 3))
        p.drawLine(QPointF(19, y + 3), QPointF(24, y - 3))
    p.setPen(QPen(QColor("#276749"), 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (18, 32, 46):
        p.drawLine(QPointF(29, y), QPointF(47, y))


DRAWINGS: dict[str, Callable[[QPainter], None]] = {
    "notes": _notes,
    "calculator": _calculator,
    "reading": _reading,
    "tasks": _tasks,
}


def neutral_icon(name: str) -> QIcon:
    """The icon called `name`, at the sizes taskbars and title bars ask for; empty for unknown names."""
    draw = DRAWINGS.get(name)
    icon = QIcon()
    if draw is None:
        return icon
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size / UNIT, size / UNIT)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
