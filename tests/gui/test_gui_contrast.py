"""WCAG AA contrast of every text/background pair the app draws, in its light and dark palettes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from peerapp.core.journal import Entry, local_now
from peerapp.gui import theme
from peerapp.gui.design import MOOD_FILL, MOOD_INK
from peerapp.gui.journal.timeline import ENTRY_ROLE, STARTS_DAY_ROLE, TimelineDelegate
from peerapp.gui.shell.app import create_application

MOOD_COLOURS = MOOD_FILL[False]
AA_TEXT = 4.5
AA_NON_TEXT = 3.0  # a focus ring is a "user interface component" (WCAG 1.4.11)


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_ratio_matches_known_values() -> None:
    assert ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("name,fg,bg", theme.PAIRS, ids=[p[0] for p in theme.PAIRS])
def test_text_pairs_meet_aa(dark: bool, name: str, fg: str, bg: str) -> None:
    value = ratio(theme.colour(fg, dark), theme.colour(bg, dark))
    assert value >= AA_TEXT, f"{name}: {value:.2f}:1"


@pytest.mark.parametrize("level", sorted(MOOD_COLOURS))
def test_mood_digits_meet_aa(level: int) -> None:
    # The badge (and a chosen mood button) is the same colour in both palettes, its digit always white.
    value = ratio(QColor(MOOD_INK), QColor(MOOD_COLOURS[level]))
    assert value >= AA_TEXT, f"mood {level}: {value:.2f}:1"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("bg", ["Window", "Base", "Button", "AlternateBase", "Highlight"])
def test_focus_ring_stands_out(dark: bool, bg: str) -> None:
    value = ratio(theme.colour("focus", dark), theme.colour(bg, dark))
    assert value >= AA_NON_TEXT, f"focus ring on {bg}: {value:.2f}:1"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_running_app_uses_these_colours(qtbot: Any, dark: bool) -> None:
    """The pairs above are what the app really paints with: its palette, placeholders, error labels."""
    app = create_application()
    try:
        theme.set_dark(dark)
        palette = QApplication.palette()
        for role, value in (theme.DARK if dark else theme.LIGHT).items():
            assert palette.color(QPalette.ColorGroup.Active, role).name() == value, role
        label = QLabel("x")
        label.setObjectName("error")
        qtbot.addWidget(label)
        label.ensurePolished()
        assert label.palette().color(QPalette.ColorRole.WindowText).name() == theme.ERROR[dark]
    finally:
        theme.set_dark(False)
        assert app is QApplication.instance()


def _ring_pixels(image: QImage, dark: bool) -> int:
    ink = QColor(theme.FOCUS[dark]).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == ink)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_focus_ring_is_drawn_on_a_button_and_a_timeline_row(qtbot: Any, dark: bool) -> None:
    create_application()
    theme.set_dark(dark)
    try:
        box = QWidget()
        layout = QVBoxLayout(box)
        first, second = QPushButton("One"), QPushButton("Two")
        second.setDefault(True)  # the default button must not look focused, nor the other way round
        layout.addWidget(first)
        layout.addWidget(second)
        qtbot.addWidget(box)
        box.show()
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        first.setFocus()
        qtbot.waitUntil(first.hasFocus)
        focused = _ring_pixels(first.grab().toImage(), dark)
        unfocused = _ring_pixels(second.grab().toImage(), dark)
        assert focused > 2 * (first.width() + first.height())  # all the way round
        assert unfocused == 0

        model = QStandardItemModel()
        view = QListView()
        view.setModel(model)
        delegate = TimelineDelegate(view)
        entry = Entry(at=local_now(), title="Walk", text="", mood=4)
        item = QStandardItem()
        item.setData(entry, ENTRY_ROLE)
        item.setData(False, STARTS_DAY_ROLE)
        model.appendRow(item)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = QRect(0, 0, 300, 60)
        counts = []
        for state in (QStyle.StateFlag.State_HasFocus, QStyle.StateFlag.State_None):
            option.state = QStyle.StateFlag.State_Enabled | state
            image = QImage(300, 60, QImage.Format.Format_RGB32)
            image.fill(theme.colour("Base", dark))
            painter = QPainter(image)
            delegate.paint(painter, option, model.index(0, 0))
            painter.end()
            counts.append(_ring_pixels(image, dark))
        # (the dark ring is white, as is the badge's digit: the ring is what focus adds)
        assert counts[0] - counts[1] > 2 * (300 + 60), counts
    finally:
        theme.set_dark(False)
