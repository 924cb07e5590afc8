"""A QR code drawn with QPainter from segno's module matrix: dark squares on white, with a quiet zone."""

from __future__ import annotations

from pathlib import Path

import segno
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

DARK = QColor("#000000")
LIGHT = QColor("#ffffff")


def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """segno's modules for `text` (dark = True), without the quiet zone."""
    code = segno.make(text, error="m")
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def quiet_zone(text: str) -> int:
    """The quiet zone the standard asks for around this symbol (4 modules, 2 for Micro QR)."""
    return int(segno.make(text, error="m").default_border_size)


def paint_matrix(painter: QPainter, matrix: tuple[tuple[bool, ...], ...], border: int, area: QRect) -> None:
    """Draw the code as large as fits in `area`, whole pixels per module so edges stay sharp."""
    modules = len(matrix) + 2 * border
    scale = max(1, min(area.width(), area.height()) // modules)
    side = modules * scale
    left = area.x() + (area.width() - side) // 2
    top = area.y() + (area.height() - side) // 2
    painter.fillRect(QRect(left, top, side, side), LIGHT)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(left + (x + border) * scale, top + (y + border) * scale, scale, scale, DARK)


class QrWidget(QWidget):
    """Shows one QR code, scaled to the widget; the colours never follow the palette (scanners need them)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self._border = 4
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self._text = text
        if text:
            self._matrix = qr_matrix(text)
            self._border = quiet_zone(text)
        else:
            self._matrix = ()
        self.update()

    def text(self) -> str:
        return self._text

    def matrix(self) -> tuple[tuple[bool, ...], ...]:
        return self._matrix

    def modules(self) -> int:
        """Modules across, quiet zone included."""
        return len(self._matrix) + 2 * self._border if self._matrix else 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        side = max(self.modules() * 4, 160)
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self._matrix:
            return
        painter = QPainter(self)
        paint_matrix(painter, self._matrix, self._border, self.rect())
        painter.end()

    def image(self, scale: int = 8) -> QImage:
        """The code alone as an image, `scale` pixels per module."""
        side = self.modules() * scale
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(LIGHT)
        if self._matrix:
            painter = QPainter(image)
            paint_matrix(painter, self._matrix, self._border, image.rect())
            painter.end()
        return image

    def save_png(self, path: str | Path, scale: int = 8) -> bool:
        return bool(self.image(scale).save(str(path), "PNG"))  # type: ignore[call-overload]


def matrix_from_image(image: QImage, modules: int, border: int) -> tuple[tuple[bool, ...], ...]:
    """Read the modules back out of a rendered image (tests use it to check what was drawn)."""
    scale = image.width() // modules
    size = modules - 2 * border
    return tuple(
        tuple(
            QColor(
                image.pixel((x + border) * scale + scale // 2, (y + border) * scale + scale // 2)
            ).lightness()
            < 128
            for x in range(size)
        )
        for y in range(size)
    )
