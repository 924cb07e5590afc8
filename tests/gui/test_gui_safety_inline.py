"""The safety plan edited in place through real key events and the real vault: add, edit, remove and
reorder; nothing typed is lost on a tab switch or a lock; share or print through the existing export."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QEnterEvent, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.safety_plan import STEP_KEYS, SafetyPlanRepository, to_markdown
from peerapp.core.vault import Vault
from peerapp.gui.safety.item_row import MIME_TYPE
from peerapp.gui.safety.page import SafetyPlanPage
from peerapp.gui.safety.step_section import StepSection
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.gui.widgets import locale_format
from support import PASSPHRASE
from support.gui import MakeWindow, type_text, unlock, when_modal
from support.layout_checks import SMALL_SCREEN, check_window

ARABIC_ITEM = "أتصل بصديقتي سارة"
LARGE = (1920, 1080)


@pytest.fixture
def window(qtbot: Any, data_dir: Path, make_window: MakeWindow) -> MainWindow:
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()
    win: MainWindow = make_window()
    unlock(qtbot, win, PASSPHRASE)
    win.resize(*SMALL_SCREEN)
    win.view_actions[win.safety_plan_page].trigger()
    return win


def section(win: MainWindow, key: str) -> StepSection:
    return win.safety_plan_page.sections[STEP_KEYS.index(key)]


def stored(win: MainWindow, key: str) -> list[str]:
    """What the vault holds now, read on a connection of its own."""
    conn = win.vault.connect()
    try:
        return SafetyPlanRepository(conn).load().get(key)
    finally:
        win.vault.release(conn)


def key(
    qtbot: Any, widget: QWidget, code: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(widget, code, mods)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def relock(qtbot: Any, win: MainWindow) -> None:
    win.lock()
    assert all(not s.rows for s in win.safety_plan_page.sections)
    unlock(qtbot, win, PASSPHRASE)
    win.view_actions[win.safety_plan_page].trigger()


def test_add_edit_remove_and_reorder_from_the_keyboard(qtbot: Any, window: MainWindow) -> None:
    page = window.safety_plan_page
    people = section(window, "people_to_ask")
    # The old row of four buttons is gone: each item is its own control.
    assert not hasattr(people, "edit_button") and not hasattr(people, "up_button")

    # Add: type in "Add…" and press Enter; the field stays ready for the next one.
    people.new_item.setFocus()
    type_text(people.new_item, ARABIC_ITEM)
    key(qtbot, people.new_item, Qt.Key.Key_Return)
    type_text(people.new_item, "Alex")
    key(qtbot, people.new_item, Qt.Key.Key_Return)
    type_text(people.new_item, "to be removed")
    key(qtbot, people.new_item, Qt.Key.Key_Enter)
    assert people.items() == [ARABIC_ITEM, "Alex", "to be removed"]
    assert focused() is people.new_item and people.new_item.text() == ""

    # Reorder: Up from "Add…" reaches the last item; Up again the one before; Alt+Up moves it.
    key(qtbot, people.new_item, Qt.Key.Key_Up)
    assert focused() is people.rows[2].label
    key(qtbot, focused(), Qt.Key.Key_Up)
    assert focused() is people.rows[1].label
    key(qtbot, focused(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert people.items() == ["Alex", ARABIC_ITEM, "to be removed"]
    assert focused() is people.rows[0].label  # the focus moved with it
    key(qtbot, focused(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    key(qtbot, focused(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert people.items() == ["Alex", ARABIC_ITEM, "to be removed"]

    # Edit in place: Enter opens the text as a field, Enter keeps the change.
    key(qtbot, focused(), Qt.Key.Key_Return)
    editor = people.rows[0].editor
    assert focused() is editor and editor.isVisible() and not people.rows[0].label.isVisible()
    type_text(editor, ", 555 0100")
    key(qtbot, editor, Qt.Key.Key_Return)
    assert people.items()[0] == "Alex, 555 0100"
    assert focused() is people.rows[0].label
    # Esc takes an edit back.
    key(qtbot, focused(), Qt.Key.Key_F2)
    type_text(people.rows[0].editor, " oops")
    key(qtbot, people.rows[0].editor, Qt.Key.Key_Escape)
    assert people.items()[0] == "Alex, 555 0100"
    # A click on an item's text edits it in place too.
    page.scroll_area.ensureWidgetVisible(people.rows[1])
    qtbot.mouseClick(people.rows[1].label, Qt.MouseButton.LeftButton)
    assert people.rows[1].editing() and focused() is people.rows[1].editor
    # (Return, not a second Esc: Esc twice in a row is the app's quick exit, and would lock it.)
    key(qtbot, people.rows[1].editor, Qt.Key.Key_Return)
    assert people.items()[1] == ARABIC_ITEM and not people.rows[1].editing()

    # Remove: Delete on an item; its remove button shows on focus and has a name.
    people.rows[2].focus()
    assert people.rows[2].remove_button.isVisible()
    assert people.rows[2].remove_button.accessibleName().endswith("to be removed")
    assert not people.rows[0].remove_button.isVisible()
    key(qtbot, focused(), Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: people.items() == ["Alex, 555 0100", ARABIC_ITEM], timeout=2000)
    assert focused() is people.new_item  # after the last item: the "Add…" line

    # The remove button by mouse: it shows on hover.
    reasons = section(window, "reasons_for_living")
    reasons.add_item("one")
    reasons.add_item("two")
    row = reasons.rows[0]
    page.scroll_area.ensureWidgetVisible(row)
    assert not row.remove_button.isVisible()
    # The pointer arrives over the item (offscreen has no pointer to move, so its event is sent).
    inside = QPointF(row.width() / 2, row.height() / 2)
    QApplication.sendEvent(row, QEnterEvent(inside, inside, QPointF(row.mapToGlobal(inside.toPoint()))))
    assert row.remove_button.isVisible()
    qtbot.mouseClick(row.remove_button, Qt.MouseButton.LeftButton)
    assert reasons.items() == ["two"]

    with qtbot.waitSignal(page.saved, timeout=5000):
        pass
    assert stored(window, "people_to_ask") == ["Alex, 555 0100", ARABIC_ITEM]
    relock(qtbot, window)
    assert section(window, "people_to_ask").items() == ["Alex, 555 0100", ARABIC_ITEM]
    assert section(window, "reasons_for_living").items() == ["two"]


def test_an_edit_in_progress_survives_a_tab_switch_and_the_lock(qtbot: Any, window: MainWindow) -> None:
    signs = section(window, "warning_signs")
    signs.add_item("I stop eating")
    signs.rows[0].focus()
    key(qtbot, focused(), Qt.Key.Key_Return)
    type_text(signs.rows[0].editor, " properly")
    # Another tab at once: the text is kept, and in the vault before the autosave timer would run.
    window.view_actions[window.journal_page].trigger()
    assert stored(window, "warning_signs") == ["I stop eating properly"]
    window.view_actions[window.safety_plan_page].trigger()
    assert signs.items() == ["I stop eating properly"]

    # Mid-edit again, and text waiting in "Add…" with no Enter: the lock keeps both.
    signs.rows[0].focus()
    key(qtbot, focused(), Qt.Key.Key_Return)
    signs.rows[0].editor.selectAll()
    type_text(signs.rows[0].editor, "لا آكل جيدًا")
    type_text(section(window, "distractions").new_item, "the library café")
    relock(qtbot, window)
    assert section(window, "warning_signs").items() == ["لا آكل جيدًا"]
    assert section(window, "distractions").items() == ["the library café"]
    assert stored(window, "distractions") == ["the library café"]


def test_drag_and_drop_reorders_within_its_own_step(qtbot: Any, window: MainWindow) -> None:
    coping = section(window, "coping_strategies")
    for text in ("walk", "music", "breathe"):
        coping.add_item(text)
    window.safety_plan_page.scroll_area.ensureWidgetVisible(coping)
    QApplication.processEvents()

    def drop(source_key: str, source: int, target_row: int) -> None:
        data = QMimeData()
        data.setData(MIME_TYPE, f"{source_key}:{source}".encode())
        row = coping.rows[target_row]
        point = QPointF(row.mapTo(coping, QPoint(row.width() // 2, 2)))
        buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        # As a drag arrives: it enters the section (which takes only its own step's items), then drops.
        enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.MoveAction, data, buttons, mods)
        QApplication.sendEvent(coping, enter)
        if enter.isAccepted():
            QApplication.sendEvent(coping, QDropEvent(point, Qt.DropAction.MoveAction, data, buttons, mods))
        QApplication.sendEvent(coping, QDragLeaveEvent())

    drop("coping_strategies", 2, 0)  # "breathe" onto the top half of "walk"
    assert coping.items() == ["breathe", "walk", "music"]
    drop("warning_signs", 0, 0)  # another step's item is refused
    assert coping.items() == ["breathe", "walk", "music"]
    window.safety_plan_page.save_now()
    assert stored(window, "coping_strategies") == ["breathe", "walk", "music"]


def test_share_or_print_goes_through_the_existing_export(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    page: SafetyPlanPage = window.safety_plan_page
    section(window, "people_to_ask").add_item(ARABIC_ITEM)
    section(window, "professionals").add_item("Helpline 0800 000")
    assert page.share_button.menu() is not None
    assert [a.text().replace("&", "") for a in page.share_button.menu().actions()] == [
        "Print…",
        "Copy as text",
        "Save as file…",
    ]

    # Print: the real print dialog, its printer pointed at a PDF file in a temporary folder.
    printed = tmp_path / "printed.pdf"

    def to_pdf(dialog: QWidget) -> None:
        assert isinstance(dialog, QPrintDialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        # done(), not accept(): accept() would set the printer from the dialog's own fields again.
        dialog.done(QPrintDialog.DialogCode.Accepted.value)

    when_modal(QPrintDialog, to_pdf)
    page.print_action.trigger()
    assert printed.read_bytes().startswith(b"%PDF")
    printed.unlink()

    # Copy as text: the Markdown export, on the clipboard.
    page.copy_action.trigger()
    expected = to_markdown(page.plan(), locale_format.long_date(date.today()))
    assert QGuiApplication.clipboard().text() == expected
    assert ARABIC_ITEM in expected
    QGuiApplication.clipboard().clear()

    # Save as file: the plaintext warning first, then the crash-safe writer; nothing else left behind.
    target = tmp_path / "out" / "plan.md"
    target.parent.mkdir()
    seen: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        when_modal(QFileDialog, choose)
        box.button(QMessageBox.StandardButton.Ok).click()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()

    when_modal(QMessageBox, answer)
    page.save_action.trigger()
    assert "not encrypted" in seen[0]
    assert target.read_text("utf-8") == to_markdown(page.plan(), locale_format.long_date(date.today()))
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.md"]
    target.unlink()


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
@pytest.mark.parametrize("size", [SMALL_SCREEN, LARGE])
def test_layout_in_every_language_and_size(
    qtbot: Any, window: MainWindow, lang: str, size: tuple[int, int]
) -> None:
    window.languages.set_language(lang, remember=False)
    window.resize(*size)
    page = window.safety_plan_page
    people = section(window, "people_to_ask")
    people.add_item(ARABIC_ITEM)
    people.add_item("A long item that has to wrap onto a second line rather than being cut off " * 3)
    people.rows[0].focus()  # its remove button shows
    QApplication.processEvents()
    problems = check_window(page, f"safety {lang} {size}", size_limit=size)
    assert not problems, "\n".join(map(str, problems))
    assert not page.scroll_area.horizontalScrollBar().isVisible()
    row = people.rows[1]
    assert row.label.height() > 1.5 * row.label.fontMetrics().height()  # wrapped, not cut
    assert row.label.accessibleName() == row.text()
    assert people.new_item.accessibleName()
