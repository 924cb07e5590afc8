"""Copy the app's mark (peerapp/gui/assets/peerapp.svg) to packaging/icons/org.peerapp.PeerApp.svg and render
it to the hicolor PNG sizes (run after editing the mark)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"
SOURCE = ICONS.parent.parent / "peerapp" / "gui" / "assets" / "peerapp.svg"
APP_ID = "org.peerapp.PeerApp"
SIZES = (16, 32, 48, 64, 128, 256)


def render(svg: Path, size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS / f"{APP_ID}.svg"
    svg.write_bytes(SOURCE.read_bytes())  # one mark: the window's icon and the installed one
    for size in SIZES:
        render(svg, size, ICONS / f"{size}x{size}" / f"{APP_ID}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
