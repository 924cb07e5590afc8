"""The cover calculator reads as a pocket calculator in both interface directions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from peerapp.gui.protection.cover import CalculatorScreen


def key_image(qtbot, key: str, direction: Qt.LayoutDirection) -> QImage:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.layoutDirection()
    app.setLayoutDirection(direction)
    try:
        screen = CalculatorScreen()
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        return screen.buttons[key].grab().toImage()
    finally:
        app.setLayoutDirection(before)


def test_bracket_keys_are_not_mirrored_in_arabic(qtbot) -> None:  # type: ignore[no-untyped-def]
    for key in ("(", ")"):
        ltr = key_image(qtbot, key, Qt.LayoutDirection.LeftToRight)
        rtl = key_image(qtbot, key, Qt.LayoutDirection.RightToLeft)
        assert ltr == rtl, f"the {key} key is drawn differently in a right-to-left interface"
    # And the two keys differ from each other (the comparison above could not pass by being blank).
    assert key_image(qtbot, "(", Qt.LayoutDirection.RightToLeft) != key_image(
        qtbot, ")", Qt.LayoutDirection.RightToLeft
    )


def test_keys_still_type_what_they_show(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = CalculatorScreen()
    qtbot.addWidget(screen)
    for key in ("(", "1", "2", "+", "3", ")", "×", "2"):
        screen.buttons[key].click()
    screen.buttons["="].click()
    assert screen.display.text() == "30"
