"""The safety plan page (autosaved, printed, exported) and the crisis dialog on the lock screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.safety_plan import (
    STEP_KEYS,
    SafetyPlanRepository,
)
from peerapp.core.vault import Vault
from peerapp.gui.library.crisis_dialog import CrisisDialog, add_help_link
from peerapp.gui.safety.page import SafetyPlanPage
from peerapp.gui.shell.main_window import MainWindow
from support import PASSPHRASE
from support.gui import type_text

ARABIC_ITEM = "أتصل بصديقتي سارة"
ARABIC_REASON = "قطتي ومستقبلي"


def test_page_autosaves_and_forgets_on_clear(qtbot, vault: Vault, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = SafetyPlanPage()
    qtbot.addWidget(page)
    page.show()
    assert not page.isEnabled()
    page.attach(vault.connect())
    people = page.sections[STEP_KEYS.index("people_to_ask")]
    type_text(people.new_item, ARABIC_ITEM)
    qtbot.keyClick(people.new_item, Qt.Key.Key_Return)
    qtbot.keyClicks(people.new_item, "Alex")
    qtbot.keyClick(people.new_item, Qt.Key.Key_Return)
    assert people.items() == [ARABIC_ITEM, "Alex"]
    # reorder from the keyboard: Ctrl+Up (the list's old keys) still moves an item up
    people.rows[1].focus()
    qtbot.keyClick(people.rows[1].label, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert people.items() == ["Alex", ARABIC_ITEM]
    with qtbot.waitSignal(page.saved, timeout=5000):
        pass
    assert SafetyPlanRepository(vault.connect()).load().get("people_to_ask") == ["Alex", ARABIC_ITEM]

    # edit in place, then remove with the Delete key
    people.rows[0].set_text("Alex, 555 0100")
    reasons = page.sections[STEP_KEYS.index("reasons_for_living")]
    reasons.add_item(ARABIC_REASON)
    reasons.add_item("to be removed")
    reasons.rows[1].focus()
    qtbot.keyClick(reasons.rows[1].label, Qt.Key.Key_Delete)
    assert reasons.items() == [ARABIC_REASON]

    # an edit still open when the vault locks is kept, not dropped
    reasons.rows[0].focus()
    reasons.edit_current()
    editor = reasons.rows[0].editor
    assert isinstance(editor, QLineEdit) and reasons.rows[0].editing()
    editor.selectAll()
    type_text(editor, ARABIC_REASON + " وأختي")

    # locking saves what is pending, then nothing decrypted is left on screen
    page.clear()
    assert not page.isEnabled()
    assert all(not s.rows for s in page.sections)
    stored = SafetyPlanRepository(vault.connect()).load()
    assert stored.get("people_to_ask") == ["Alex, 555 0100", ARABIC_ITEM]
    assert stored.get("reasons_for_living") == [ARABIC_REASON + " وأختي"]

    page.attach(SafetyPlanRepository(vault.connect()))
    assert people.items() == ["Alex, 555 0100", ARABIC_ITEM]
    assert reasons.items() == [ARABIC_REASON + " وأختي"]

    # export, each format
    html = tmp_path / "plan.html"
    page.export_to(html, "html")
    assert ARABIC_ITEM in html.read_text("utf-8")
    md = tmp_path / "plan.md"
    page.export_to(md, "md")
    assert "Alex, 555 0100" in md.read_text("utf-8")
    pdf = tmp_path / "plan.pdf"
    page.export_to(pdf, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")

    # printing goes through the same document; a PDF printer stands in for paper
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    page.print_to(printer)
    assert printed.read_bytes().startswith(b"%PDF")
    page.clear()


def test_export_warns_and_writes_the_chosen_format(
    qtbot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = SafetyPlanPage()
    qtbot.addWidget(page)
    page.attach(vault.connect())
    page.sections[0].add_item("I stop answering messages")
    warnings: list[str] = []

    def warn(*args: object) -> QMessageBox.StandardButton:
        warnings.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    target = tmp_path / "my plan"
    monkeypatch.setattr(QMessageBox, "warning", warn)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), "PDF document (*.pdf)"))
    page.export_plan()
    assert "not encrypted" in warnings[0]
    assert (tmp_path / "my plan.pdf").read_bytes().startswith(b"%PDF")
    page.clear()


@pytest.fixture
def locked_window(data_dir: Path, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()
    return make_window()  # type: ignore[no-any-return]


def test_crisis_dialog_opens_from_the_locked_unlock_page(qtbot, locked_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = locked_window
    assert win.stack.currentWidget() is win.unlock_page
    assert not win.vault.is_unlocked
    button = add_help_link(win.unlock_page)
    assert button.isVisible()
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert button.text() == "I need help now"

    # keyboard: focus the button and press Space
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = button.dialog
    assert isinstance(dialog, CrisisDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert not win.vault.is_unlocked
    assert "988" in dialog.text("crisis-lines")
    assert dialog.text("crisis-right-now").strip()
    assert "not safe" in dialog.text("crisis-lines")
    dialog.tabs.setCurrentIndex(1)

    win.languages.set_language("ar", remember=False)
    qtbot.waitUntil(
        lambda: "خطوط" in dialog.tabs.tabText(1) or "أزمة" in dialog.text("crisis-lines"), timeout=3000
    )
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert any("\u0600" <= ch <= "\u06ff" for ch in dialog.text("crisis-right-now"))
    assert not win.vault.is_unlocked
    dialog.reject()
