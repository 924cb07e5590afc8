"""Insights people can read: a sentence above each chart from the numbers it draws, the value and count on
hover, a time axis that runs right to left in Arabic digits, corner labels that never meet, a kind empty
state with one action, the report in the chosen digits, and every state fitting 1024x600 in each language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from peerapp.core import insight_summaries as says
from peerapp.core import numerals
from peerapp.core.insight_summaries import EmptyFact
from peerapp.core.insights import MoodPoint, Period
from peerapp.core.journal import Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from peerapp.gui.insights.charts import Chart, format_number
from peerapp.gui.insights.mood_chart import MoodLineChart
from peerapp.gui.insights.page import InsightsPage
from peerapp.gui.insights.report_dialog import ReportDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.gui.widgets import locale_format
from support import PASSPHRASE
from support.gui import MakeWindow, unlock
from support.insights_sample import at, d, fill_sample
from support.layout_checks import check_window

ALL_TIME, THREE_MONTHS = 2, 0  # range_combo rows
AI, WE = numerals.ARABIC_INDIC, numerals.WESTERN


@pytest.fixture
def sample(repo: JournalRepository) -> JournalRepository:
    return fill_sample(repo)


@pytest.fixture
def page(qtbot: Any, sample: JournalRepository, english: None) -> InsightsPage:
    widget = InsightsPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 1600)
    widget.show()
    widget.range_combo.setCurrentIndex(ALL_TIME)  # the sample is in 2024
    widget.attach(sample)
    return widget


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """English with its plural forms ("1 entry"), whatever an earlier test left installed."""
    from peerapp.gui.shell.language import own_translator

    translator = own_translator("en")
    assert translator is not None
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def journal(data_dir: Path) -> Path:
    """A locked journal holding the sample, on this test's data folder."""
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    fill_sample(JournalRepository(vault.connect()))
    vault.lock()
    return data_dir


def open_insights(qtbot: Any, make_window: MakeWindow, lang: str, row: int = ALL_TIME) -> MainWindow:
    win = make_window(Settings(), lang=lang)
    unlock(qtbot, win, PASSPHRASE)
    page = win.insights_page
    win.show_tab(page)
    page.range_combo.setCurrentIndex(row)
    qtbot.waitUntil(lambda: not page.loader.busy and page.shown.overview is not None)
    QApplication.processEvents()
    return win


def hover(chart: Chart, pos: QPoint) -> str:
    """What a real tool-tip event at `pos` shows ("" when the chart lets it pass: nothing under it)."""
    event = QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos))
    QApplication.sendEvent(chart, event)
    return QToolTip.text() if event.isAccepted() and QToolTip.isVisible() else ""


def test_each_card_says_what_its_figures_draw(page: InsightsPage) -> None:
    said = page.summary_texts()
    shown = {key: card.summary.isVisibleTo(page) for key, card in page.cards.items()}
    # Weekdays: only Monday has 3 days; the drop: two rated uses. Too little for a sentence.
    assert shown == {
        "mood": True,
        "weekday": False,
        "year": True,
        "associations": True,
        "helps": True,
        "drop": False,
    }
    for key, card in page.cards.items():
        assert card.summary.text() == said[key]
    # Mood over time: the mean of the points drawn, over their days.
    points = page.mood_chart.points
    days = sum(p.days for p in points)
    mean = sum(p.mean * p.days for p in points) / days
    assert (
        said["mood"]
        == f"Your mood averaged {format_number(mean)} over the {days} days with a mood in this range."
    )
    assert said["year"] == f"A mood was recorded on {len(page.year_chart.days)} days of 2024."
    # What goes with better days: the sentence's item, means and counts are the table's.
    fact = page.shown.summaries.associations
    assert fact is not None and fact.item is not None
    table = page.assoc_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == fact.item)
    with_it, without = (float(table.item(row, c).text()) for c in (2, 3))
    days_with, days_without = (table.item(row, c).text() for c in (4, 5))
    assert (
        f"{with_it:.1f} over {days_with} days, against {without:.1f} on the other {days_without}."
        in (said["associations"])
    )
    # What helps: the technique and its uses as the table shows them.
    helps = page.helps_table
    top = next(r for r in range(helps.rowCount()) if helps.item(r, 0).text() == "Box breathing")
    assert (
        said["helps"]
        == f"«\u2068Box breathing\u2069» was the technique used most often: {helps.item(top, 1).text()} times in this range."
    )
    # A screen reader hears the sentence first.
    assert page.mood_chart.accessibleDescription().startswith(said["mood"])
    assert page.assoc_table.accessibleDescription() == said["associations"]


def test_hover_gives_each_value_and_its_count(page: InsightsPage) -> None:
    chart = page.mood_chart
    chart.plot(chart.fontMetrics())
    for i, point in enumerate(chart.points):
        text = hover(chart, chart.point_centre(i))
        noun = "entry" if point.entries == 1 else "entries"  # English has its plural forms
        assert format_number(point.mean) in text and f"· {point.entries} {noun}" in text, text
    weeks = [hover(chart, chart.point_centre(i)) for i in range(len(chart.points))]
    assert weeks[0] == "1 Jan · Okay (3.3) · 8 entries"  # Jan 1-7: 7 days, 8 entries with a mood
    assert hover(chart, QPoint(2, 2)) == ""  # the legend's corner: nothing under it
    bars = page.weekday_chart
    bars.grab()  # drawn once, so its rows are known
    assert hover(bars, bars.bar_centre(0)) == "Monday · Good (4.0) · 3 days"
    drops = page.drop_chart
    drops.grab()
    assert hover(drops, drops.bar_centre(0)) == "Box breathing · 2.5 · from 2 ratings"
    year = page.year_chart
    year.grab()
    assert hover(year, year.day_centre(date(2024, 1, 1))) == "Monday, 1 January 2024 · Okay (3.0) · 2 entries"
    # One entry that day (a trashed second one counts for nothing), in English's singular.
    assert (
        hover(year, year.day_centre(date(2024, 1, 2)))
        == "Tuesday, 2 January 2024 · Very good (5.0) · 1 entry"
    )
    assert hover(year, year.day_centre(date(2024, 3, 2))) == ""  # no entry that day
    # The tables: each cell tells its mean and over how many days.
    table = page.assoc_table
    for r in range(table.rowCount()):
        days_with, days_without = table.item(r, 4).text(), table.item(r, 5).text()
        with_noun = "day" if days_with == "1" else "days"
        without_noun = "day" if days_without == "1" else "days"
        assert table.item(r, 0).toolTip().endswith(f"on {days_with} {with_noun} with it")
        assert table.item(r, 3).toolTip().endswith(f"on {days_without} {without_noun} without it")
    helps = page.helps_table
    box = next(r for r in range(helps.rowCount()) if helps.item(r, 0).text() == "Box breathing")
    assert helps.item(box, 0).toolTip() == helps.item(box, 1).toolTip() == "Used 3 times"
    assert helps.item(box, 2).text() == "2.5 (from 2 ratings)"
    assert helps.item(box, 2).toolTip() == "Distress dropped by 2.5 on average, from 2 ratings"


def test_the_time_axis_runs_right_to_left_in_arabic_digits(
    qtbot: Any, make_window: MakeWindow, journal: Path
) -> None:
    win = open_insights(qtbot, make_window, "ar")
    page = win.insights_page
    page.period_combo.setCurrentIndex(0)  # weeks: three points, oldest 1 January
    qtbot.waitUntil(lambda: not page.loader.busy)
    chart = page.mood_chart
    chart.grab()
    ticks = chart.ticks()
    assert len(ticks) >= 2
    xs = [x for x, _label in ticks]
    assert xs == sorted(xs, reverse=True), ticks  # the oldest at the right
    for _x, label in ticks:
        assert numerals.digit_systems(label) == {AI}, label
    assert ticks[0][1] == "١ يناير"
    # The mood axis and its labels on the right, where an Arabic reader starts.
    assert chart.mood_axis_x() > chart.width() * 0.75
    corner = chart.corner_labels()
    assert corner is not None and corner[0].left() > chart.width() / 2
    # Hover and sentences in the same digits.
    text = hover(chart, chart.point_centre(0))
    assert numerals.digit_systems(text) == {AI}, text
    for key, said in page.summary_texts().items():
        assert numerals.digit_systems(said) <= {AI}, (key, said)


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
@pytest.mark.parametrize("size", [(640, 280), (430, 220)], ids=["wide", "narrow"])
def test_the_corner_labels_never_meet(qtbot: Any, rtl: bool, size: tuple[int, int]) -> None:
    chart = MoodLineChart()
    qtbot.addWidget(chart)
    if rtl:
        chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    points = [MoodPoint(date(2026, 9, 21) + timedelta(weeks=i), 3.0, 5, 5, 3.0) for i in range(11)]
    chart.set_points(points, Period.WEEK)
    chart.resize(*size)
    chart.grab()
    corner = chart.corner_labels()
    assert corner is not None
    lowest, first_tick = corner
    assert not first_tick.intersects(lowest.toRectF()), (lowest, first_tick)


def test_too_little_gives_a_kind_line_and_one_action(qtbot: Any, repo: JournalRepository) -> None:
    repo.add_many([Entry(at(d(1)), 4), Entry(at(d(2)), 2)])
    page = InsightsPage()
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.range_combo.setCurrentIndex(ALL_TIME)
    page.attach(repo)
    assert page.empty_box.isVisibleTo(page) and not page.scroll_area.isVisibleTo(page)
    assert page.empty_label.text() == "Write on 3 days to see patterns — you have written on 2 days so far."
    assert page.empty_action.isVisibleTo(page) and page.empty_action.text() == "Check in"
    with qtbot.waitSignal(page.write_requested, timeout=1000):
        page.empty_action.click()
    # A range that leaves earlier days out: the one action shows them all.
    repo.add(Entry(at(d(3)), 3))
    page.range_combo.setCurrentIndex(THREE_MONTHS)  # 2024 is long before it
    assert page.empty_label.text() == says.empty_text(EmptyFact("range", 0))
    assert page.empty_action.text() == "Show all time"
    page.empty_action.click()
    assert page.range_combo.currentIndex() == ALL_TIME
    assert page.scroll_area.isVisibleTo(page) and not page.empty_box.isVisibleTo(page)


ARABIC_COUNTS = (0, 1, 2, 3, 11, 100)


def test_arabic_counts_take_their_six_forms(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window(Settings(), lang="ar")
    lines = [says.empty_text(EmptyFact("write", n)) for n in ARABIC_COUNTS]
    assert lines == [
        "تظهر الأنماط بعد الكتابة في ٣ أيام، ولا كتابة بعد.",
        "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في يوم واحد.",
        "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في يومين.",
        "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في ٣ أيام.",
        "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في ١١ يومًا.",
        "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في ١٠٠ يوم.",
    ]
    page = win.insights_page
    point = [MoodPoint(date(2026, 1, 5), 4.0, 1, n, 4.0) for n in ARABIC_COUNTS]
    assert [page._point_text(p, "٥ يناير").rsplit(" · ", 1)[1] for p in point] == [
        "لا تدوينات",
        "تدوينة واحدة",
        "تدوينتان",
        "٣ تدوينات",
        "١١ تدوينةً",
        "١٠٠ تدوينة",
    ]


@pytest.mark.parametrize(("lang", "digits"), [("ar", AI), ("en", WE)])
def test_the_report_writes_the_interfaces_digits_and_dates(
    qtbot: Any, make_window: MakeWindow, journal: Path, lang: str, digits: str
) -> None:
    win = make_window(Settings(), lang=lang)
    unlock(qtbot, win, PASSPHRASE)
    assert win.repo is not None
    dialog = ReportDialog(win.repo, win)
    qtbot.addWidget(dialog)
    for edit in (dialog.since, dialog.until):
        assert edit.displayFormat() == locale_format.short_date_format()
        assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight  # reads in the format's order
    dialog.since.setDate(QDate(2024, 1, 1))
    dialog.until.setDate(QDate(2024, 2, 29))
    assert dialog.since.text() == locale_format.short_date(date(2024, 1, 1))
    document = QTextDocument()
    document.setHtml(dialog.html())
    text = document.toPlainText()
    assert numerals.digit_systems(text) == {digits}, text
    assert locale_format.long_date(date(2024, 1, 1)) in text
    assert ("يناير" if lang == "ar" else "January") in text
    assert locale_format.short_date(date(2024, 1, 1)) in text  # each entry's heading


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)], ids=["small", "large"])
def test_every_state_fits_and_is_named(
    qtbot: Any, make_window: MakeWindow, journal: Path, lang: str, size: tuple[int, int]
) -> None:
    win = open_insights(qtbot, make_window, lang)
    win.resize(*size)
    page = win.insights_page
    problems = check_window(win, f"insights {lang} {size}", size_limit=size)
    assert page.scroll_area.isVisibleTo(win)
    # The cards below the first screenful are reached by scrolling: check them in view too.
    for card in page.cards.values():
        page.scroll_area.ensureWidgetVisible(card)
        problems += check_window(win, f"insights {lang} {size} {card.title()}", size_limit=size)
    page.range_combo.setCurrentIndex(THREE_MONTHS)  # nothing in it: the kind line and its action
    qtbot.waitUntil(lambda: not page.loader.busy and page.empty_box.isVisibleTo(win))
    assert page.empty_action.isVisibleTo(win)
    problems += check_window(win, f"insights empty {lang} {size}", size_limit=size)
    assert [str(p) for p in problems] == []
