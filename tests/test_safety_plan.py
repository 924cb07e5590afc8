"""The safety plan (stored in the vault, printed, exported) and the crisis dialog on the lock screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from test_gui_journal import type_text

from peerapp.core import db
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.migrations import SCHEMA_VERSION
from peerapp.core.safety_plan import (
    SOURCE,
    STEP_KEYS,
    STEPS,
    SafetyPlan,
    SafetyPlanRepository,
    to_html,
    to_markdown,
)
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from peerapp.gui.library.crisis_dialog import CrisisDialog, add_help_link
from peerapp.gui.safety.page import SafetyPlanPage
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow

ARABIC_ITEM = "أتصل بصديقتي سارة"
ARABIC_REASON = "قطتي ومستقبلي"


def test_steps_follow_the_intervention_in_order() -> None:
    assert STEP_KEYS == (
        "warning_signs",
        "coping_strategies",
        "distractions",
        "people_to_ask",
        "professionals",
        "safe_environment",
        "reasons_for_living",
    )
    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5, 6, None]
    assert "Stanley" in SOURCE and "19(2)" in SOURCE


def test_repository_round_trip_keeps_order_and_arabic(vault: Vault) -> None:
    repo = SafetyPlanRepository(vault.connect())
    assert repo.load().is_empty()
    plan = SafetyPlan()
    plan.items["people_to_ask"] = [ARABIC_ITEM, "  Alex (chosen family)  ", "", "خالد"]
    plan.items["reasons_for_living"] = [ARABIC_REASON, "my garden"]
    repo.save(plan)
    assert plan.updated_at

    again = SafetyPlanRepository(vault.connect()).load()
    assert again.get("people_to_ask") == [ARABIC_ITEM, "Alex (chosen family)", "خالد"]
    assert again.get("reasons_for_living") == [ARABIC_REASON, "my garden"]
    assert again.get("warning_signs") == []
    assert again.updated_at == plan.updated_at

    # Reordering and removing replace the stored plan, not add to it.
    again.items["people_to_ask"] = ["خالد", ARABIC_ITEM]
    repo.save(again)
    assert repo.load().get("people_to_ask") == ["خالد", ARABIC_ITEM]


def test_unknown_step_is_refused(vault: Vault) -> None:
    from peerapp.core.errors import InvalidInput

    repo = SafetyPlanRepository(vault.connect())
    with pytest.raises(InvalidInput):
        repo.save(SafetyPlan({"not_a_step": ["x"]}))


def test_vault_at_schema_2_migrates(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Build a vault the way the previous release did: only migrations 1 and 2.
    monkeypatch.setattr(db, "SCHEMA_VERSION", 2)
    old = Vault(data_dir, kdf=FAST_KDF)
    old.create(PASSPHRASE)
    conn = old.connect()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'safety_plan'").fetchone()[0] == 0
    old.lock()
    monkeypatch.undo()

    new = Vault(data_dir)
    new.unlock(PASSPHRASE)
    conn = new.connect()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'safety_plan'").fetchone()[0] == 1
    assert SafetyPlanRepository(conn).load().is_empty()
    new.lock()


def test_html_and_markdown_escape_and_cite() -> None:
    plan = SafetyPlan()
    plan.items["warning_signs"] = ["<script>alert(1)</script>", ARABIC_ITEM]
    page = to_html(plan, "24 November 2026")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert f'<li dir="rtl">{ARABIC_ITEM}</li>' in page
    assert "24 November 2026" in page
    assert "Cognitive and Behavioral Practice" in page
    assert "Making my surroundings safer" in page
    markdown = to_markdown(plan, "2026-11-24")
    assert markdown.startswith("# My safety plan")
    assert "## Step 1: Warning signs" in markdown
    assert f"- {ARABIC_ITEM}" in markdown
    assert SOURCE in markdown


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
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    assert people.items() == [ARABIC_ITEM, "Alex"]
    assert people.list.item(0) is not None
    # reorder from the keyboard: Alex is current, Ctrl+Up moves it first
    people.list.setFocus()
    qtbot.keyClick(people.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert people.items() == ["Alex", ARABIC_ITEM]
    with qtbot.waitSignal(page.saved, timeout=5000):
        pass
    assert SafetyPlanRepository(vault.connect()).load().get("people_to_ask") == ["Alex", ARABIC_ITEM]

    # edit in place, then remove with the Delete key
    people.list.item(0).setText("Alex, 555 0100")
    reasons = page.sections[STEP_KEYS.index("reasons_for_living")]
    reasons.add_item(ARABIC_REASON)
    reasons.add_item("to be removed")
    reasons.list.setFocus()
    reasons.list.setCurrentRow(1)
    qtbot.keyClick(reasons.list, Qt.Key.Key_Delete)
    assert reasons.items() == [ARABIC_REASON]

    # an edit still open when the vault locks is kept, not dropped
    reasons.list.setCurrentRow(0)
    reasons.edit_current()
    editor = reasons.list.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, ARABIC_REASON + " وأختي")

    # locking saves what is pending, then nothing decrypted is left on screen
    page.clear()
    assert not page.isEnabled()
    assert all(s.list.count() == 0 for s in page.sections)
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
def locked_window(qtbot, data_dir: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()
    win = build_window(data_dir, "en", settings=Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.lock()
    win.release_event_filter()
    win.languages.set_language("en", remember=False)


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
