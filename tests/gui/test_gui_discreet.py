"""Discreet mode and quick exit, driven through real windows: the neutral look before unlock, the
setting only after unlock, quick exit from every kind of dialog, the clipboard and the calculator."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from peerapp.core.calc import CalcError, evaluate
from peerapp.core.disguise import ORIGINAL, PRESETS
from peerapp.core.settings import Settings
from peerapp.gui.protection.discreet import apply_appearance, in_flatpak
from peerapp.gui.protection.discreet_dialog import DiscreetDialog
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.dialogs import PreferencesDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.tools import ToolDialog
from peerapp.gui.transfer.dialogs import ExportDialog
from support import ROOT
from support.gui import GUI_PASSPHRASE, create_vault, unlock, write_entry

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# Words that would tell an onlooker what the app is for.
TELLING = ("journal", "peerapp", "crisis", "diary", "mood", "lgbt", "queer", "coping", "safety")


@pytest.fixture(autouse=True)
def never_hang(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """When quick exit fails to close a modal dialog, close it after a while: the test then fails
    instead of waiting in that dialog's exec() for ever."""
    timer = QTimer()

    def unstick() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                QDialog.done(widget, 0)
        timer.start(500)

    timer.setSingleShot(True)
    timer.timeout.connect(unstick)
    timer.start(8000)
    yield
    timer.stop()


@pytest.fixture
def make_window(qtbot) -> Iterator[Callable[[Settings], MainWindow]]:  # type: ignore[no-untyped-def]
    made: list[MainWindow] = []

    def make(settings: Settings) -> MainWindow:
        win = build_window(None, "en", settings=settings)
        qtbot.addWidget(win)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        made.append(win)
        return win

    yield make
    for win in made:
        win.lock()
        win.release_event_filter()
    app = QApplication.instance()
    assert isinstance(app, QGuiApplication)
    apply_appearance(app, ORIGINAL)


def visible_texts(win: QWidget) -> list[str]:
    """Every piece of text a person looking at the window can see."""
    texts = [win.windowTitle(), QGuiApplication.applicationDisplayName()]
    for label in win.findChildren(QLabel):
        if label.isVisible():
            texts.append(label.text())
    for button in win.findChildren(QAbstractButton):
        if button.isVisible():
            texts += [button.text(), button.toolTip()]
    if isinstance(win, MainWindow) and win.menuBar().isVisible():
        texts += [a.text() for a in win.menuBar().actions()]
    return texts


def send_when(
    find: Callable[[], QWidget | None],
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    then: Callable[[], None] | None = None,
) -> list[str]:
    """Wait (inside whatever exec() loop runs) for a window, then press a key on it as the platform
    would; returns a list that names the window once the key went out."""
    sent: list[str] = []
    tries = [0]

    def attempt() -> None:
        target = find()
        if target is None or not target.isVisible():
            tries[0] += 1
            if tries[0] < 250:
                QTimer.singleShot(20, attempt)
            return
        handle = target.windowHandle()
        assert handle is not None
        QTest.keyClick(handle, key, modifiers)
        sent.append(type(target).__name__)
        if then is not None:
            then()

    QTimer.singleShot(20, attempt)
    return sent


def modal() -> QWidget | None:
    return QApplication.activeModalWidget()


def open_windows(win: MainWindow) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]


def test_neutral_look_on_the_lock_screen(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = make_window(Settings())
    create_vault(qtbot, first)
    write_entry(qtbot, first, "Harbour walk", "a quiet evening")
    first.lock()
    first.close()

    win = make_window(Settings(appearance="notes"))
    assert win.stack.currentWidget() is win.unlock_page
    assert win.windowTitle() == "Notes"
    assert QGuiApplication.applicationDisplayName() == "Notes"
    assert QGuiApplication.applicationName() == "notes"
    assert QGuiApplication.desktopFileName() == "notes"
    assert not win.windowIcon().isNull()
    assert not win.menuBar().isVisible()
    assert win.unlock_page.heading.text() == "Locked"
    assert win.help_link.text() == "Help"
    seen = " ".join(visible_texts(win)).lower()
    assert not [word for word in TELLING if word in seen], seen
    # F1 still opens the help pages while the menu bar is hidden.
    QTest.keyClick(win.windowHandle(), Qt.Key.Key_F1)
    qtbot.waitUntil(
        lambda: any(type(w).__name__ == "CrisisDialog" and w.isVisible() for w in open_windows(win))
    )
    for widget in open_windows(win):
        if widget is not win:
            widget.close()
    # The setting lives in the unlocked app only.
    assert not win.discreet.action.isVisible()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.menuBar().isVisible()
    assert win.discreet.action.isVisible() and win.discreet.action.isEnabled()
    assert win.windowTitle() == "Notes"  # the taskbar shows the title while unlocked too
    win.lock()
    assert not win.menuBar().isVisible() and not win.discreet.action.isVisible()


def test_choosing_a_look_is_saved_neutrally_and_survives_a_restart(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    settings = Settings()
    win = make_window(settings)
    assert not win.discreet.action.isVisible()
    create_vault(qtbot, win)
    assert win.windowTitle() == "peerapp" and win.help_link.text() == "I need help now"

    def pick() -> None:
        dialog = modal()
        if not isinstance(dialog, DiscreetDialog):
            QTimer.singleShot(20, pick)
            return
        dialog.radios["reading"].setChecked(True)
        dialog.calculator.setChecked(True)
        dialog.accept()

    QTimer.singleShot(20, pick)
    win.discreet.action.trigger()
    assert win.windowTitle() == "Reading list"
    assert QGuiApplication.applicationDisplayName() == "Reading list"
    stored = settings_file().read_text("utf-8")
    assert json.loads(stored)["appearance"] == "reading"
    assert json.loads(stored)["exit_view"] == "calculator"
    assert not [
        word for word in (*TELLING, "discreet", "disguise", "hide", "secret") if word in stored.lower()
    ]
    win.close()

    again = make_window(Settings.load())
    assert again.windowTitle() == "Reading list"
    assert again.unlock_page.heading.text() == "Locked"
    assert again.settings.exit_view == "calculator"


def settings_file() -> Path:
    from peerapp.core.paths import config_dir

    return config_dir() / "settings.json"


def test_one_escape_is_not_a_quick_exit(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    """A single press reaches the app's event filter several times (window, widget, parents)."""
    win = make_window(Settings())
    create_vault(qtbot, win)
    exits: list[int] = []
    win.quick_exited.connect(lambda: exits.append(1))
    QTest.keyClick(win.windowHandle(), Qt.Key.Key_Escape)
    QTest.qWait(50)
    assert not exits and win.vault.is_unlocked and win.isVisible()
    QTest.keyClick(win.windowHandle(), Qt.Key.Key_Escape)
    assert exits and not win.vault.is_unlocked and not win.isVisible()


def _open_preferences(win: MainWindow) -> None:
    win.preferences()


def _open_about(win: MainWindow) -> None:
    win.about()


def _open_export_file_dialog(win: MainWindow) -> None:
    send_when(
        lambda: modal() if isinstance(modal(), ExportDialog) else None,
        Qt.Key.Key_unknown,
        then=lambda: QTimer.singleShot(0, lambda: _click_browse()),
    )
    win.export_journal()


def _click_browse() -> None:
    dialog = modal()
    assert isinstance(dialog, ExportDialog)
    dialog.target.button.click()  # opens the (non-native) file dialog in its own exec()


def _open_new_recovery_key(win: MainWindow) -> None:
    win.new_recovery_key()


@pytest.mark.parametrize(
    ("opener", "expected"),
    [
        (_open_preferences, PreferencesDialog),
        (_open_about, QMessageBox),
        (_open_export_file_dialog, QFileDialog),
        (_open_new_recovery_key, QMessageBox),
    ],
    ids=["modal-dialog", "message-box", "file-dialog", "question"],
)
def test_quick_exit_keys_work_in_modal_dialogs(qtbot, make_window, opener, expected) -> None:  # type: ignore[no-untyped-def]
    win = make_window(Settings())
    create_vault(qtbot, win)
    write_entry(qtbot, win, "Marker entry", "nobody should see this")
    exits: list[int] = []
    win.quick_exited.connect(lambda: exits.append(1))
    sent = send_when(lambda: modal() if isinstance(modal(), expected) else None, Qt.Key.Key_Q, CTRL_SHIFT)
    opener(win)  # returns once quick exit has closed the dialog(s)
    assert sent == [sent[0]] and sent[0] is not None
    assert exits == [1]
    assert not win.vault.is_unlocked
    assert open_windows(win) == []
    assert win.journal_page.model.rowCount() == 0


def test_double_escape_in_a_message_box(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window(Settings())
    create_vault(qtbot, win)
    exits: list[int] = []
    win.quick_exited.connect(lambda: exits.append(1))
    send_when(
        lambda: modal() if isinstance(modal(), QMessageBox) else None,
        Qt.Key.Key_Escape,
        then=lambda: QTimer.singleShot(10, lambda: QTest.keyClick(win.windowHandle(), Qt.Key.Key_Escape)),
    )
    win.about()  # the first Esc closes the box, as it always did
    qtbot.waitUntil(lambda: exits == [1], timeout=3000)
    assert not win.vault.is_unlocked and open_windows(win) == []


def test_quick_exit_closes_a_tool_window_without_asking(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window(Settings())
    create_vault(qtbot, win)
    win.open_tool("thought-record")
    tool = win.tool_dialogs[0]
    assert isinstance(tool, ToolDialog)
    tool.show_tool()
    QTest.qWait(20)
    exits: list[int] = []
    win.quick_exited.connect(lambda: exits.append(1))
    QTest.keyClick(tool.windowHandle(), Qt.Key.Key_Q, CTRL_SHIFT)
    assert exits == [1]
    assert open_windows(win) == []  # no "close without saving?" question left behind


@pytest.mark.parametrize("screen", ["setup", "unlock"])
def test_quick_exit_from_the_first_and_lock_screens(qtbot, make_window, screen) -> None:  # type: ignore[no-untyped-def]
    win = make_window(Settings())
    if screen == "unlock":
        create_vault(qtbot, win)
        win.lock()
    exits: list[int] = []
    win.quick_exited.connect(lambda: exits.append(1))
    QTest.keyClick(win.windowHandle(), Qt.Key.Key_Q, CTRL_SHIFT)
    assert exits == [1] and not win.isVisible()


def test_clipboard_is_cleared_only_when_it_holds_app_text(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    clipboard = QGuiApplication.clipboard()
    win = make_window(Settings())
    create_vault(qtbot, win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    page = win.journal_page
    page.new_entry()
    editor = page.editor
    assert editor is not None
    editor.body.setPlainText("copied from my entry")
    editor.body.selectAll()
    QTest.keyClick(editor.body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "copied from my entry"
    win.quick_exit()
    assert clipboard.text() == ""

    # Text another program put there while this app was in the background stays.
    win.show()
    unlock(qtbot, win, GUI_PASSPHRASE)
    win.hide()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is None)
    clipboard.setText("a shopping list from another app")
    win.quick_exit()
    assert clipboard.text() == "a shopping list from another app"
    clipboard.clear()


def test_quick_exit_can_leave_a_working_calculator(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window(Settings(appearance="notes", exit_view="calculator"))
    create_vault(qtbot, win)
    exits: list[int] = []
    win.quick_exited.connect(lambda: exits.append(1))
    QTest.keyClick(win.windowHandle(), Qt.Key.Key_Q, CTRL_SHIFT)
    cover = win.discreet.cover
    assert cover is not None and cover.isVisible()
    assert not win.isVisible() and not win.vault.is_unlocked and exits == []
    assert cover.windowTitle() == "Calculator"
    assert QGuiApplication.applicationDisplayName() == "Calculator"
    for key in "12×(3+0.5)":
        QTest.keyClicks(cover, key)
    QTest.keyClick(cover, Qt.Key.Key_Return)
    assert cover.display.text() == "42"
    cover.buttons["C"].click()
    for key in ("9", "÷", "0", "="):
        cover.buttons[key].click()
    assert cover.display.text() == "Error"
    # Ctrl+L goes back to the lock screen, in the neutral look.
    QTest.keyClick(cover.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.isVisible() and not cover.isVisible()
    assert win.stack.currentWidget() is win.unlock_page and win.windowTitle() == "Notes"
    assert QGuiApplication.applicationDisplayName() == "Notes"
    # A quick exit shows it again, with nothing from before; a quick exit on it ends the app.
    QTest.keyClick(win.windowHandle(), Qt.Key.Key_Q, CTRL_SHIFT)
    assert cover.isVisible() and cover.history.count() == 0 and exits == []
    QTest.keyClick(cover.windowHandle(), Qt.Key.Key_Escape)
    QTest.keyClick(cover.windowHandle(), Qt.Key.Key_Escape)
    assert exits == [1] and not cover.isVisible()


def test_closing_the_calculator_ends_the_app(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window(Settings(exit_view="calculator"))
    exits: list[int] = []
    win.quick_exited.connect(lambda: exits.append(1))
    win.quick_exit()
    assert win.discreet.cover is not None
    win.discreet.cover.close()
    assert exits == [1]


def test_file_dialogs_keep_no_history() -> None:
    """Qt's file dialog writes its history and last folder to QtProject.conf; the app sends those
    writes nowhere and uses Qt's own dialog (no desktop recent-files entry) outside Flatpak."""
    build_window(None, "en", settings=Settings()).deleteLater()
    target = QSettings(QSettings.Scope.UserScope, "QtProject")
    target.setValue("FileDialog/history", ["file:///somewhere/private"])
    target.sync()
    assert target.status() != QSettings.Status.NoError or not Path(target.fileName()).exists()
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs) != in_flatpak()


def test_every_preset_has_an_icon_and_no_telling_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    from peerapp.gui.protection.discreet_icons import neutral_icon

    for preset in PRESETS:
        assert not neutral_icon(preset.icon).isNull()
        assert not [w for w in TELLING if w in f"{preset.key} {preset.title} {preset.app_id}".lower()]
    assert neutral_icon("nothing").isNull()


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("12+30", "42"),
        ("2×(3+4)", "14"),
        ("1/3", "0.333333333333"),
        ("-5+2", "-3"),
        ("10%", "0.1"),
        ("0.1+0.2", "0.3"),
        ("7÷2", "3.5"),
        ("123456789*987654321", "1.21932631113e17"),
    ],
)
def test_calculator_arithmetic(text: str, result: str) -> None:
    assert evaluate(text) == result


@pytest.mark.parametrize("text", ["", "5/0", "(1", "1..2", "7-", "2**3", "import os", "9" * 300])
def test_calculator_refuses_what_is_not_arithmetic(text: str) -> None:
    with pytest.raises(CalcError):
        evaluate(text)


def test_the_app_itself_uses_no_qsettings() -> None:
    """The QSettings redirect is safe only while the app itself stores nothing through QSettings."""
    root = ROOT / "peerapp"
    users = [
        p for p in root.rglob("*.py") if "QSettings(" in p.read_text("utf-8") and p.name != "discreet.py"
    ]
    assert users == []


def test_auto_lock_closes_every_window_and_keeps_the_draft(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    """The idle lock closes what quick exit closes: an export dialog left open would still show the journal."""
    win = make_window(Settings())
    create_vault(qtbot, win)
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    editor.body.setPlainText("half a thought, not saved yet")
    still_open: list[bool] = []

    def lock_once_export_is_open() -> None:
        dialog = modal()
        if isinstance(dialog, ExportDialog):
            # The real idle timer, shortened, runs out while the dialog is open.
            win.locked.connect(lambda: still_open.append(dialog.isVisible()))
            win.idle_timer.start(30)
        else:
            QTimer.singleShot(10, lock_once_export_is_open)

    QTimer.singleShot(0, lock_once_export_is_open)
    win.export_journal()  # returns once the lock has closed the dialog
    assert still_open == [False] and not win.vault.is_unlocked
    assert [w for w in open_windows(win) if w is not win] == []
    assert win.journal_page.editor is None
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.journal_page.repo is not None and win.journal_page.repo.drafts() != []
