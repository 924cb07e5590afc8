"""Self-checks in the real window (issue 19): taken from the Insights tab with real clicks, kept in the real
vault, shown as a line with its count, the kind pointer after two low results opens the library article,
and the card and its dialog fit 1024x600 in Arabic, English and the pseudo-locale."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerapp.core import self_checks
from peerapp.gui import theme
from peerapp.gui.insights.outcomes import OutcomesCard
from peerapp.gui.insights.self_check_dialog import SelfCheckDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.gui import MakeWindow, unlocked_window
from support.layout_checks import SMALL_SCREEN, check_window

LEFT = Qt.MouseButton.LeftButton


def opened(qtbot: Any, make_window: MakeWindow, lang: str = "en") -> tuple[MainWindow, OutcomesCard]:
    win = unlocked_window(qtbot, make_window, lang)
    page = win.insights_page
    win.show_tab(page)
    qtbot.waitUntil(lambda: page.outcomes.isVisible(), timeout=10000)
    return win, page.outcomes


def take(qtbot: Any, card: OutcomesCard, key: str) -> SelfCheckDialog:
    card.take_actions[key].trigger()  # the take button's menu item, as chosen from the menu
    qtbot.waitUntil(
        lambda: any(isinstance(w, SelfCheckDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, SelfCheckDialog) and w.isVisible())


def _shot(widget: Any, name: str) -> None:
    folder = os.environ.get("PEERAPP_SELFCHECK_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def test_a_self_check_taken_with_clicks_is_kept_and_shown(qtbot: Any, make_window: MakeWindow) -> None:
    win, card = opened(qtbot, make_window)
    assert card.values["belonging"].text() == "No check yet"
    dialog = take(qtbot, card, "belonging")
    assert not dialog.save_button.isEnabled()
    for group, value in zip(dialog.groups, [4, 4, 5, 2], strict=True):
        qtbot.mouseClick(group.button(value), LEFT)
        assert group.checkedId() == value
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert win.repo is not None
    stored = self_checks.history(win.repo.conn)
    assert [(c.instrument, c.answers, c.score) for c in stored] == [("belonging", (4, 4, 5, 2), 4.25)]
    assert card.values["belonging"].text().startswith("4.2 of 5")  # 4.25 to one decimal
    assert card.lines["belonging"].values == [4.25]
    assert "not a measurement" in dialog.note.text()


def test_two_low_results_offer_the_library_and_the_safety_plan(qtbot: Any, make_window: MakeWindow) -> None:
    win, card = opened(qtbot, make_window)
    assert win.repo is not None
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    for week in range(2):
        self_checks.record(win.repo.conn, "coping", [1, 2, 1, 5], start + timedelta(days=7 * week))
    card.load(win.repo.conn)
    assert card.low_label.isVisible()
    qtbot.waitUntil(lambda: all(b.isVisible() for b in card.article_buttons))
    assert card.article_buttons[0].text() != "self-efficacy"  # the article's title, not its id
    qtbot.mouseClick(card.article_buttons[0], LEFT)
    assert win.tabs.currentWidget() is win.library_page
    assert win.library_page.current is not None and win.library_page.current.id == "self-efficacy"
    win.show_tab(win.insights_page)
    assert card.plan_button is not None
    qtbot.mouseClick(card.plan_button, LEFT)
    assert win.tabs.currentWidget() is win.safety_plan_page


def test_the_rhythm_is_kept_in_the_vault_and_says_when_a_check_is_due(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win, card = opened(qtbot, make_window)
    assert win.repo is not None and not card.due_label.isVisible()
    card.rhythm.setCurrentIndex(card.rhythm.findData("week"))
    card.rhythm.activated.emit(card.rhythm.currentIndex())  # what choosing the item with the mouse sends
    assert self_checks.every(win.repo.conn) == "week"
    assert card.due_label.isVisible()


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_card_and_dialog_fit_small_and_large_screens(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win, card = opened(qtbot, make_window, lang)
    win.resize(*SMALL_SCREEN)
    dialog = take(qtbot, card, "resilience")
    problems = check_window(dialog, f"{lang} self-check") + check_window(
        win, f"{lang} insights with the card"
    )
    _shot(dialog, f"selfcheck_{lang}_light")
    _shot(win, f"insights_{lang}_light")
    if lang != PSEUDO:
        theme.set_dark(True)
        try:
            QApplication.processEvents()
            problems += check_window(dialog, f"{lang} self-check dark")
            _shot(dialog, f"selfcheck_{lang}_dark")
        finally:
            theme.set_dark(False)
    if lang == "ar":
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "ترجمتُنا" in dialog.note.text()
    dialog.resize(1600, 1000)
    win.resize(1600, 1000)
    problems += check_window(dialog, f"{lang} self-check large", (1600, 1000))
    assert problems == [], "\n".join(map(str, problems))
    dialog.reject()
