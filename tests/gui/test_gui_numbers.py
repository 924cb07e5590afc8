"""Native numbers and dates in the app: one digit system on every screen (the one chosen), the same
digits in spin boxes and date fields, one short and one long date format per language, the Hijri date."""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCalendar, QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from peerapp.core import numerals
from peerapp.core.journal import JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from peerapp.gui.shell.dialogs import PreferencesDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.widgets import locale_format
from support import PASSPHRASE
from support.gui import MakeWindow, unlock
from support.insights_sample import fill_sample

AI, WE = numerals.ARABIC_INDIC, numerals.WESTERN
DAY = date(2026, 12, 3)


def texts_of(root: QWidget) -> list[str]:
    """Every text the app shows in `root` and its visible children (labels, buttons, fields, lists)."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if (
            isinstance(widget, QLabel)
            and widget.textFormat() != Qt.TextFormat.PlainText
            and "<" in widget.text()
        ):
            # What it shows, not its markup: a colour such as #5b5650 is not a number on the screen.
            found.append(QTextDocumentFragment.fromHtml(widget.text()).toPlainText())
        elif isinstance(widget, (QLabel, QAbstractButton, QLineEdit, QAbstractSpinBox)):
            found.append(widget.text())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list model's columnCount is not callable from Python
                columns = 1
            for row in range(min(model.rowCount(), 200)):
                for column in range(columns):
                    value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        found.append(value)
    return [t for t in found if t]


def plain(text: str) -> str:
    """Spaces as a text view gives them back (it turns no-break spaces into spaces)."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def mixed(texts: list[str], digits: str) -> list[str]:
    """The texts with a digit of any system other than `digits`."""
    return [t for t in texts if numerals.digit_systems(t) - {digits}]


@pytest.fixture
def journal(data_dir: Path) -> Path:
    """A locked journal with entries (moods, coping ratings) on this test's data folder."""
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    fill_sample(JournalRepository(vault.connect()))
    vault.lock()
    return data_dir


def open_arabic(qtbot: Any, make_window: MakeWindow, **settings: Any) -> MainWindow:
    win: MainWindow = make_window(Settings(**settings), lang="ar")
    unlock(qtbot, win, PASSPHRASE)
    assert win.stack.currentWidget() is win.tabs
    win.pages  # noqa: B018 - builds every tab now
    return win


def select_first_entry(qtbot: Any, win: MainWindow) -> None:
    page = win.journal_page
    page.list.setCurrentIndex(page.model.index(0, 0))
    qtbot.waitUntil(lambda: page.view.entry is not None)


@pytest.mark.parametrize("digits", [AI, WE])
def test_no_screen_mixes_digit_systems(
    qtbot: Any, make_window: MakeWindow, journal: Path, digits: str
) -> None:
    win = open_arabic(qtbot, make_window, digits=digits)
    walked = []
    for index in range(win.tabs.count()):
        win.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        tab = win.tabs.widget(index)
        assert tab is not None
        texts = texts_of(tab)
        walked += texts
        assert mixed(texts, digits) == [], win.tabs.tabText(index)
    select_first_entry(qtbot, win)
    # The entry view: the long date and time, the coping ratings ("الفائدة ٤/٥"); no text of the person's
    # in the sample has a digit.
    shown = win.journal_page.view.toPlainText()
    assert numerals.digit_systems(shown) == {digits}, shown
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    editor.coping.add_row(None)
    texts = texts_of(editor)
    assert mixed(texts, digits) == []
    walked += texts
    editor.keep_and_close()
    preferences = PreferencesDialog(win.settings, win)
    qtbot.addWidget(preferences)
    preferences.show()
    # The digits picker shows both systems on purpose ("(٠١٢٣)" and "(0123)").
    texts = [t for t in texts_of(preferences) if t not in texts_of(preferences.digits)]
    assert mixed(texts, digits) == []
    walked += texts
    # The walk saw numbers (the entry count, the safety plan's steps, spin boxes, date fields).
    assert sum(bool(numerals.digit_systems(t)) for t in walked) >= 10


def test_spin_boxes_and_date_fields_follow_a_live_change(
    qtbot: Any, make_window: MakeWindow, journal: Path
) -> None:
    win = open_arabic(qtbot, make_window, digits=AI)
    page = win.journal_page
    fields: list[QAbstractSpinBox] = [page.date_from, page.date_to]
    preferences = PreferencesDialog(win.settings, win)
    qtbot.addWidget(preferences)
    fields.append(preferences.autolock)
    assert preferences.autolock.text() == "٥ دقائق"
    assert page.count_label.text() == "١٤ تدوينة"
    for field in fields:
        assert numerals.digit_systems(field.text()) == {AI}, field.text()
    # Western digits, chosen in Preferences: the open screens change at once.
    preferences.digits.setCurrentIndex(preferences.digits.findData(WE))
    preferences.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.count_label.text() == "14 تدوينة")
    assert Settings.load().digits == WE
    for field in fields:
        assert numerals.digit_systems(field.text()) == {WE}, field.text()
    assert preferences.autolock.text() == "5 دقائق"
    assert "آخر 3 أشهر" in texts_of(win.insights_page)
    # Back to Arabic-Indic digits: the same screens again.
    preferences = PreferencesDialog(win.settings, win)
    qtbot.addWidget(preferences)
    preferences.digits.setCurrentIndex(preferences.digits.findData(AI))
    preferences.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.count_label.text() == "١٤ تدوينة")
    assert numerals.digit_systems(page.date_from.text()) == {AI}
    assert "آخر ٣ أشهر" in texts_of(win.insights_page)


@pytest.mark.parametrize("minutes", [1, 2, 3, 11, 100])
def test_minutes_agree_with_their_number(qtbot: Any, make_window: MakeWindow, minutes: int) -> None:
    """'٥دقيقة' is gone: a space, and the unit in the form its number needs."""
    win = make_window(Settings(autolock_minutes=minutes), lang="ar")
    preferences = PreferencesDialog(win.settings, win)
    qtbot.addWidget(preferences)
    unit = "دقائق" if minutes == 3 else "دقيقة"
    assert preferences.autolock.text() == f"{numerals.number(minutes, AI)} {unit}"
    win.languages.set_language("en", remember=False)
    qtbot.waitUntil(lambda: "minute" in preferences.autolock.text())
    assert preferences.autolock.text() == f"{minutes} minute" + ("" if minutes == 1 else "s")


def test_english_plurals_come_from_the_english_forms(qtbot: Any, make_window: MakeWindow) -> None:
    make_window()
    for n, text in ((1, "1 entry"), (2, "2 entries"), (0, "0 entries"), (1000, "1,000 entries")):
        assert QCoreApplication.translate("JournalPage", "%Ln entries", None, n) == text


@pytest.mark.parametrize(
    ("lang", "short", "long"),
    [
        ("en", "3 Dec 2026", "Thursday, 3 December 2026"),
        ("ar", "٣\u200f/١٢\u200f/٢٠٢٦", "الخميس، ٣ ديسمبر ٢٠٢٦"),
    ],
)
def test_one_short_and_one_long_date_format_per_language(
    qtbot: Any, make_window: MakeWindow, journal: Path, lang: str, short: str, long: str
) -> None:
    win = make_window(Settings(), lang=lang)
    assert locale_format.short_date(DAY) == short
    assert locale_format.long_date(DAY) == long
    unlock(qtbot, win, PASSPHRASE)
    page = win.journal_page
    # The date filter and the editor's field show the short format, the entry view the long one.
    page.date_from.setDate(QDate(2026, 12, 3))
    assert page.date_from.displayFormat() == locale_format.short_date_format()
    assert page.date_from.text() == short
    select_first_entry(qtbot, win)
    entry = page.view.entry
    assert entry is not None
    assert plain(locale_format.long_date_time(entry.at)) in plain(page.view.toPlainText())
    assert win.safety_plan_page._date_text() == locale_format.long_date(date.today())
    page.new_entry()
    editor = page.editor
    assert editor is not None
    moment = datetime(2026, 12, 3, 21, 5)
    editor.when.setDateTime(QDateTime(QDate(2026, 12, 3), QTime(21, 5)))
    # Read in the order of the format: no right-to-left field swaps it to 2026/12/3 or 05:9.
    assert editor.when.text() == locale_format.short_date_time(moment)
    assert editor.when.text().startswith(short)
    editor.keep_and_close()


def _civil_day_number(year: int, month: int, day: int) -> int:
    """Julian day number of a date of the tabular Islamic (civil) calendar: 30-year cycle, epoch
    1 Muharram 1 AH = Friday 16 July 622 (Julian), JDN 1948440. Independent of Qt."""
    return day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439


def test_the_hijri_date_is_the_civil_calendars(qtbot: Any, make_window: MakeWindow) -> None:
    make_window(Settings(show_hijri=True), lang="ar")
    calendar = QCalendar(QCalendar.System.IslamicCivil)
    parts = calendar.partsFromDate(QDate(2026, 12, 3))
    julian_day = DAY.toordinal() + 1721425
    assert _civil_day_number(parts.year, parts.month, parts.day) == julian_day
    assert (parts.year, parts.month) == (1448, 6)  # Jumada al-Thani 1448
    month = calendar.monthName(QLocale(), parts.month, parts.year)
    hijri = f"{numerals.number(parts.day, AI)} {month} {numerals.number(parts.year, AI)} هـ"
    assert locale_format.hijri_date(DAY) == hijri
    assert locale_format.long_date(DAY) == f"الخميس، ٣ ديسمبر ٢٠٢٦ ({hijri})"


def test_the_hijri_date_appears_when_turned_on(qtbot: Any, make_window: MakeWindow, journal: Path) -> None:
    win = open_arabic(qtbot, make_window)
    select_first_entry(qtbot, win)
    entry = win.journal_page.view.entry
    assert entry is not None
    hijri = locale_format.hijri_date(entry.at)
    assert hijri not in win.journal_page.view.toPlainText()
    preferences = PreferencesDialog(win.settings, win)
    qtbot.addWidget(preferences)
    preferences.hijri.setChecked(True)
    preferences.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: hijri in win.journal_page.view.toPlainText())
    assert Settings.load().show_hijri
    today = locale_format.hijri_date(date.today())
    assert today in win.safety_plan_page._date_text()
    # English shows it too, with the month's English name.
    win.languages.set_language("en", remember=False)
    assert locale_format.hijri_date(DAY).endswith(" 1448 AH")
    qtbot.waitUntil(lambda: locale_format.hijri_date(entry.at) in win.journal_page.view.toPlainText())


def test_date_fields_are_never_reversed(qtbot: Any) -> None:
    """Qt swaps the sections of a right-to-left date field; ours are laid out so they are not."""
    locale_format.configure("ar", AI, False)
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        field = QDateTimeEdit()
        field.setCalendarPopup(True)
        qtbot.addWidget(field)
        locale_format.set_up_date_field(field, with_time=True)
        field.setDateTime(QDateTime(QDate(2026, 12, 3), QTime(21, 5)))
        assert field.text() == "٣\u200f/١٢\u200f/٢٠٢٦ ٩:٠٥ م"
        assert field.calendarWidget().layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
