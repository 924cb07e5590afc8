"""Look back in the real window (issue 19): "on this day" lists last year's entry and opens it in the journal
with a real click, turns off with its checkbox (kept in the vault), and a month's summary arrives from the job
host with its counts; the card fits 1024x600 in Arabic, English and the pseudo-locale."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerapp.core import lookback
from peerapp.core.journal import Entry
from peerapp.gui import theme
from peerapp.gui.insights.lookback_card import LookBackCard
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.gui import MakeWindow, unlocked_window
from support.layout_checks import SMALL_SCREEN, check_window

LEFT = Qt.MouseButton.LeftButton


def opened(qtbot: Any, make_window: MakeWindow, lang: str = "en") -> tuple[MainWindow, LookBackCard, Entry]:
    win = unlocked_window(qtbot, make_window, lang)
    assert win.repo is not None
    now = datetime.now().astimezone()
    for days in (1, 2, 3):
        win.repo.add(Entry(at=now - timedelta(days=days), mood=4, text="walked by the sea again"))
    today = date.today()
    last_year = now.replace(year=today.year - 1) if not (today.month == 2 and today.day == 29) else now
    memory = win.repo.add(Entry(at=last_year, mood=2, title="A year ago today", text="a hard evening"))
    page = win.insights_page
    page.journal_changed()
    win.show_tab(page)
    card = page.lookback
    qtbot.waitUntil(lambda: card.isVisible() and card.summary_value is not None, timeout=15000)
    return win, card, memory


def test_on_this_day_opens_last_years_entry_and_turns_off(qtbot: Any, make_window: MakeWindow) -> None:
    win, card, memory = opened(qtbot, make_window)
    if date.today().month == 2 and date.today().day == 29:
        pytest.skip("no same date last year")
    qtbot.waitUntil(lambda: len(card.memory_buttons) == 1 and card.memory_buttons[0].isVisible())
    assert card.memory_buttons[0].text().startswith("1 year ago")
    qtbot.mouseClick(card.memory_buttons[0], LEFT)
    assert win.tabs.currentWidget() is win.journal_page
    shown = win.journal_page.view.entry
    assert shown is not None and shown.id == memory.id
    win.show_tab(win.insights_page)
    card.day_toggle.click()  # as a click on its box or a Space press does
    assert not card.day_toggle.isChecked() and card.memory_buttons == []
    assert win.repo is not None and not lookback.on_this_day_enabled(win.repo.conn)
    assert card.day_none.text() == "“On this day” is turned off."


def test_the_months_summary_arrives_with_its_counts(qtbot: Any, make_window: MakeWindow) -> None:
    _win, card, _memory = opened(qtbot, make_window)
    found = card.summary_value
    assert found is not None and found.entries >= 1
    text = card.summary_lines.text()
    assert "entries" in text or "entry" in text
    # Choosing another period asks the job host again; the newest answer is what shows.
    year_index = next(
        i for i in range(card.period_combo.count()) if card.period_combo.itemData(i)[0] == "year"
    )
    card.period_combo.setCurrentIndex(year_index)
    with qtbot.waitSignal(card.summary_shown, timeout=15000):
        card.period_combo.activated.emit(year_index)  # what choosing the item with the mouse sends
    assert card.summary_value is not None and card.summary_value.start.month == 1


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_card_fits_small_and_large_screens(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win, card, _memory = opened(qtbot, make_window, lang)
    win.resize(*SMALL_SCREEN)
    problems = check_window(win, f"{lang} insights with look back")
    folder = os.environ.get("PEERAPP_LOOKBACK_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        win.insights_page.scroll_area.ensureWidgetVisible(card)
        card.grab().save(os.path.join(folder, f"lookback_{lang}.png"))
    if lang != PSEUDO:
        theme.set_dark(True)
        try:
            QApplication.processEvents()
            problems += check_window(win, f"{lang} insights with look back, dark")
            if folder:
                card.grab().save(os.path.join(folder, f"lookback_{lang}_dark.png"))
        finally:
            theme.set_dark(False)
    win.resize(1600, 1000)
    problems += check_window(win, f"{lang} insights large", (1600, 1000))
    assert problems == [], "\n".join(map(str, problems))


def test_period_names_follow_a_language_switch(qtbot: Any, make_window: MakeWindow) -> None:
    win, card, _memory = opened(qtbot, make_window)
    assert not any("\u0600" <= ch <= "\u06ff" for ch in card.period_combo.itemText(0))
    win.languages.set_language("ar", remember=False)
    qtbot.waitUntil(lambda: any("\u0600" <= ch <= "\u06ff" for ch in card.period_combo.itemText(0)))
    assert card.period_combo.itemData(0)[0] == "month"
