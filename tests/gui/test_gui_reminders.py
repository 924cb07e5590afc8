"""Reminders in the real window, offscreen: a real QTimer fires at a time set through the schedule, the
words are neutral (the disguise's in discreet mode) and never the journal's, a reminder on the lock
screen leads to unlock and then the check-in, quick exit leaves no tray icon, and Preferences' section."""

from __future__ import annotations

import json
import os
import time as monotonic_clock
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from peerapp.core import reminders
from peerapp.core.paths import config_dir
from peerapp.core.settings import Settings
from peerapp.gui import theme
from peerapp.gui.shell.dialogs import PreferencesDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.gui.shell.reminder_settings import ReminderSection
from support.gui import GUI_PASSPHRASE, MakeWindow, create_vault, unlock, write_entry
from support.layout_checks import SMALL_SCREEN, check_window

LEFT = Qt.MouseButton.LeftButton
NOON = 12 * 60
# The clock starts this long before noon: the real timer's interval comes from the schedule.
LEAD = timedelta(milliseconds=150)


def clock_before(minutes: int, day: date | None = None) -> Callable[[], datetime]:
    """A wall clock that starts LEAD before `minutes` after midnight today and runs at real speed."""
    day = day or date.today()
    start = datetime(day.year, day.month, day.day) + timedelta(minutes=minutes) - LEAD
    t0 = monotonic_clock.monotonic()
    return lambda: start + timedelta(seconds=monotonic_clock.monotonic() - t0)


def reminding_settings(**extra: Any) -> Settings:
    settings = Settings()
    settings.reminders_on = True
    settings.reminder_times = [reminders.format_time(NOON)]
    for key, value in extra.items():
        setattr(settings, key, value)
    return settings


def use_clock(win: MainWindow, clock: Callable[[], datetime], tray: bool = False) -> None:
    """Give the window's reminders a test clock (and say whether this desktop has a tray), then plan."""
    win.reminders.timer.clock = clock
    win.reminders.timer.started = clock()
    win.reminders.has_tray = lambda: tray
    win.reminders.sync()


def _shot(widget: Any, name: str) -> None:
    """With PEERAPP_REMINDER_SHOTS=<folder>, a picture to look at by eye."""
    folder = os.environ.get("PEERAPP_REMINDER_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def test_off_by_default_no_tray_no_timer(window: MainWindow) -> None:
    assert not window.settings.reminders_on
    assert window.reminders.tray is None
    assert not window.reminders.timer.timer.isActive()


def test_real_timer_shows_a_neutral_notice_with_the_journal_open(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window(settings=reminding_settings())
    create_vault(qtbot, win)
    write_entry(qtbot, win, "Private title about my sister", "Words nobody else may read")
    assert win.journal_page.selected_entry() is not None  # on screen, one attribute away
    # The entry above is today's: move the clock to tomorrow, where nobody has written yet.
    use_clock(win, clock_before(NOON, date.today() + timedelta(days=1)))
    assert win.reminders.timer.timer.isActive()
    assert win.reminders.timer.timer.interval() <= LEAD.total_seconds() * 1000
    qtbot.waitUntil(
        lambda: win.reminders.notice is not None and win.reminders.notice.isVisible(), timeout=5000
    )
    notice = win.reminders.notice
    assert notice is not None
    title, text = win.reminders.last_message
    assert (title, text) == ("peerapp", "A gentle reminder to check in, if you would like to.")
    shown = " ".join((title, text, notice.windowTitle(), notice.text.text(), notice.go_button.text()))
    for secret in ("Private", "sister", "Words", "read"):
        assert secret not in shown
    # What the settings file keeps: the slot shown and one unanswered day, nothing of the entry.
    raw = json.loads((config_dir() / "settings.json").read_text())
    tomorrow = date.today() + timedelta(days=1)
    assert raw["reminder_state"] == {"shown": f"{tomorrow.isoformat()}T12:00", "unanswered": 1}
    assert "sister" not in json.dumps(raw)
    # The next one is tomorrow's noon: the timer sleeps at most MAX_WAIT before looking again.
    assert win.reminders.timer.next_slot == datetime.combine(
        tomorrow + timedelta(days=1), datetime.min.time()
    ) + (timedelta(minutes=NOON))
    assert win.reminders.timer.timer.interval() == reminders.MAX_WAIT.total_seconds() * 1000


def test_no_reminder_once_an_entry_is_dated_today(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window(settings=reminding_settings())
    create_vault(qtbot, win)
    write_entry(qtbot, win, "Today", "written today")
    use_clock(win, clock_before(NOON))
    assert win.settings.reminder_memory().checked_in == date.today()
    assert win.reminders.timer.next_slot is not None
    assert win.reminders.timer.next_slot.date() == date.today() + timedelta(days=1)
    qtbot.wait(int(LEAD.total_seconds() * 1000) + 200)
    assert win.reminders.notice is None and win.reminders.last_message == ("", "")


def test_a_reminder_on_the_lock_screen_unlocks_then_opens_the_check_in(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = make_window(settings=reminding_settings())
    create_vault(qtbot, win)
    win.lock()
    use_clock(win, clock_before(NOON))
    qtbot.waitUntil(
        lambda: win.reminders.notice is not None and win.reminders.notice.isVisible(), timeout=5000
    )
    notice = win.reminders.notice
    assert notice is not None
    qtbot.mouseClick(notice.go_button, LEFT)
    assert win.stack.currentWidget() is win.unlock_page and win.checkin_dialog is None
    assert win.reminders.check_in_after_unlock
    unlock(qtbot, win, GUI_PASSPHRASE)
    qtbot.waitUntil(lambda: win.checkin_dialog is not None and win.checkin_dialog.isVisible(), timeout=5000)
    # Saving the check-in counts as today's entry: no more reminders today, back-off starts afresh.
    dialog = win.checkin_dialog
    assert dialog is not None
    dialog.faces.buttons[3].click()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: win.checkin_dialog is None)
    assert win.settings.reminder_memory() == reminders.State(
        date.today(), win.settings.reminder_memory().shown, 0
    )


def test_quick_exit_forgets_the_waiting_check_in_and_hides_the_tray(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = make_window(settings=reminding_settings())
    create_vault(qtbot, win)
    use_clock(win, clock_before(NOON, date.today() + timedelta(days=1)), tray=True)
    tray = win.reminders.tray
    assert tray is not None and tray.isVisible()
    win.lock()
    win.reminders.open_check_in()
    assert win.reminders.check_in_after_unlock
    with qtbot.waitSignal(win.quick_exited, timeout=5000):
        win.quick_exit()
    assert not tray.isVisible()
    assert not win.reminders.check_in_after_unlock


def test_tray_words_and_icon_follow_discreet_mode(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window(settings=reminding_settings(appearance="notes"))
    create_vault(qtbot, win)
    write_entry(qtbot, win, "Coming out to my family", "a long entry")
    win.lock()
    use_clock(win, clock_before(NOON, date.today() + timedelta(days=1)), tray=True)
    tray = win.reminders.tray
    assert isinstance(tray, QSystemTrayIcon) and tray.isVisible()
    assert tray.toolTip() == "Notes"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert tray.icon().cacheKey() == app.windowIcon().cacheKey()  # the disguise's icon, not peerapp's
    assert not win.reminders.checkin_action.isVisible()
    assert [a.text() for a in tray.contextMenu().actions() if a.isVisible()] == ["&Open", "&Quit"]
    # The real timer fires; the tray (not an in-window notice) shows the disguise's words.
    qtbot.waitUntil(lambda: win.reminders.last_message != ("", ""), timeout=5000)
    assert win.reminders.last_message == ("Notes", "A reminder")
    assert win.reminders.notice is None
    assert "family" not in " ".join(win.reminders.last_message) + tray.toolTip()


def test_reminders_off_after_a_wipe(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window(settings=reminding_settings())
    create_vault(qtbot, win)
    use_clock(win, clock_before(NOON, date.today() + timedelta(days=1)), tray=True)
    assert win.reminders.tray is not None and win.reminders.tray.isVisible()
    win.lock()
    win.protection_menu.show_first_run()  # what every wipe ends with: the settings' defaults
    assert win.reminders.tray is not None and not win.reminders.tray.isVisible()
    assert not win.reminders.timer.timer.isActive()


# -- Preferences -------------------------------------------------------------------------


def open_preferences(qtbot: Any, win: MainWindow) -> PreferencesDialog:
    dialog = PreferencesDialog(win.settings, win)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preferences_turn_reminders_on_with_times_and_days(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window()
    create_vault(qtbot, win)
    dialog = open_preferences(qtbot, win)
    section = dialog.reminders
    assert not section.enabled.isChecked() and not section.times.isEnabled()
    # Offscreen there is no system tray: the section says so plainly.
    assert section.no_tray.isVisible() and "no system tray" in section.no_tray.text()
    section.enabled.click()  # a check box's middle may be past its text: click() is the person's click
    section.new_time.setTime(QTime(7, 45))
    qtbot.mouseClick(section.add_button, LEFT)
    assert section.chosen_times() == [7 * 60 + 45, 20 * 60]
    for day in (5, 6):
        section.days[day].click()
    section.times.item(1).setSelected(True)  # 20:00
    qtbot.mouseClick(section.remove_button, LEFT)
    section.times.item(0).setSelected(True)  # the last time cannot go
    assert not section.remove_button.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert win.settings.reminder_schedule() == reminders.Schedule(True, (7 * 60 + 45,), frozenset(range(5)))
    raw = json.loads((config_dir() / "settings.json").read_text())
    assert (raw["reminders_on"], raw["reminder_times"], raw["reminder_days"]) == (
        True,
        ["07:45"],
        [0, 1, 2, 3, 4],
    )
    win.reminders.schedule_changed()
    assert win.reminders.timer.timer.isActive()


def test_the_last_weekday_stays_chosen(qtbot: Any) -> None:
    settings = Settings()
    settings.reminders_on = True
    settings.reminder_days = [2]
    section = ReminderSection(settings, has_tray=lambda: True)
    qtbot.addWidget(section)
    section.show()
    assert not section.no_tray.isVisible()
    section.days[2].click()
    assert section.days[2].isChecked()


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_preferences_with_reminders_fit_small_and_large_screens(
    qtbot: Any, make_window: MakeWindow, lang: str
) -> None:
    win = make_window(settings=reminding_settings(reminder_times=["07:30", "12:00", "21:15"]), lang=lang)
    win.languages.set_language(lang, remember=False)
    dialog = open_preferences(qtbot, win)
    dialog.adjustSize()
    problems = check_window(dialog, f"{lang} preferences")
    section = dialog.reminders
    for label in (section.note, section.no_tray):  # wrapped text gets all its lines, not overlapping the days
        assert label.height() >= label.heightForWidth(label.width()), (lang, label.text())
    _shot(dialog, f"preferences_{lang}_light")
    if lang == "ar":
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    if lang != PSEUDO:
        theme.set_dark(True)
        try:
            QApplication.processEvents()
            problems += check_window(dialog, f"{lang} preferences dark")
            _shot(dialog, f"preferences_{lang}_dark")
        finally:
            theme.set_dark(False)
    dialog.resize(1600, 1000)
    problems += check_window(dialog, f"{lang} preferences large", size_limit=(1920, 1080))
    assert dialog.height() <= SMALL_SCREEN[1] or dialog.minimumSizeHint().height() <= SMALL_SCREEN[1]
    assert [str(p) for p in problems] == []
    dialog.reject()


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_in_window_notice_fits_and_names_its_buttons(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = make_window(settings=reminding_settings(), lang=lang)
    win.languages.set_language(lang, remember=False)
    win.resize(*SMALL_SCREEN)
    use_clock(win, clock_before(NOON))
    qtbot.waitUntil(
        lambda: win.reminders.notice is not None and win.reminders.notice.isVisible(), timeout=5000
    )
    notice = win.reminders.notice
    assert notice is not None
    problems = check_window(notice, f"{lang} reminder notice")
    _shot(notice, f"notice_{lang}")
    assert [str(p) for p in problems] == []
    qtbot.mouseClick(notice.later_button, LEFT)
    qtbot.waitUntil(lambda: win.reminders.notice is None)


def test_tray_follows_a_new_look_and_hides_beside_the_calculator(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window(settings=reminding_settings())
    create_vault(qtbot, win)
    use_clock(win, clock_before(NOON, date.today() + timedelta(days=1)), tray=True)
    tray = win.reminders.tray
    assert tray is not None and tray.isVisible() and tray.toolTip() == "peerapp"
    assert win.reminders.checkin_action.isVisible()
    win.discreet.choose("notes", "calculator")
    qtbot.waitUntil(lambda: tray.toolTip() == "Notes")
    assert not win.reminders.checkin_action.isVisible()
    win.quick_exit()  # the calculator stays on screen: no icon of the app beside it
    cover = win.discreet.cover
    assert cover is not None and cover.isVisible()
    qtbot.wait(50)
    assert not tray.isVisible()
    win.reminders.remind()
    assert win.reminders.last_message == ("", "") and win.reminders.notice is None
    win.discreet.leave_exit_view()  # back to the (neutral) lock screen: the icon comes back
    qtbot.waitUntil(tray.isVisible)


def test_turning_reminders_on_after_todays_time_waits_for_tomorrow(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = make_window()
    create_vault(qtbot, win)
    ten_past = clock_before(NOON + 10)  # 12:10 today: noon is within the late limit, but was never due
    use_clock(win, ten_past)
    win.reminders.timer.started = ten_past() - timedelta(hours=4)  # the app has been open since morning
    win.settings.reminders_on = True
    win.settings.reminder_times = [reminders.format_time(NOON)]
    win.reminders.schedule_changed()  # what Preferences' OK does
    slot = win.reminders.timer.next_slot
    assert slot is not None and slot.date() == date.today() + timedelta(days=1)
    qtbot.wait(int(LEAD.total_seconds() * 1000) + 100)
    assert win.reminders.notice is None


def test_the_trays_check_in_on_the_lock_screen_unlocks_first(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window(settings=reminding_settings())
    create_vault(qtbot, win)
    use_clock(win, clock_before(NOON, date.today() + timedelta(days=1)), tray=True)
    win.lock()
    win.showMinimized()
    win.reminders.checkin_action.trigger()  # the tray menu's "Check in"
    assert not win.isMinimized() and win.stack.currentWidget() is win.unlock_page
    assert win.checkin_dialog is None
    unlock(qtbot, win, GUI_PASSPHRASE)
    qtbot.waitUntil(lambda: win.checkin_dialog is not None and win.checkin_dialog.isVisible(), timeout=5000)
