"""The journal GUI driven through real widgets: create, write, lock, unlock, search, switch language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from peerapp.core.settings import Settings
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow
from support.gui import GUI_PASSPHRASE, create_vault, type_text, unlock, write_entry

ARABIC_TITLE = "أشعر بالهدوء بعد التنفس"
ARABIC_BODY = "جربت تمرين التنفس المربع مع صديقتي وشعرت براحة كبيرة"


def test_full_journal_session(qtbot, window: MainWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    # 1. create a vault
    create_vault(qtbot, win)
    assert (data_dir / "vault.db").exists()
    # 2. add an entry in Arabic
    write_entry(qtbot, win, ARABIC_TITLE, ARABIC_BODY, mood=5, tags="تنفس, أصدقاء")
    page = win.journal_page
    assert page.model.rowCount() == 1
    assert page.selected_entry() is not None
    assert ARABIC_TITLE in page.view.toPlainText()
    # 3. lock: decrypted data leaves the window
    win.lock_action.trigger()
    assert win.stack.currentWidget() is win.unlock_page
    assert page.model.rowCount() == 0
    assert ARABIC_TITLE not in page.view.toPlainText()
    assert not win.vault.is_unlocked
    # 4. a wrong passphrase shows a message and nothing else happens
    unlock(qtbot, win, "not the passphrase")
    assert win.stack.currentWidget() is win.unlock_page
    assert "not right" in win.unlock_page.error.text()
    assert not win.vault.is_unlocked
    # 5. unlock
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.stack.currentWidget() is win.tabs
    assert page.model.rowCount() == 1
    # 6. search as you type, with normalisation (no hamza, no ta marbuta)
    write_entry(qtbot, win, "Work day", "A long meeting; breathing helped", mood=3)
    assert page.model.rowCount() == 2
    type_text(page.search, "اشعر")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.entry(0).title == ARABIC_TITLE
    page.search.clear()
    qtbot.keyClicks(page.search, "breathe")
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page.model.entry(0).title == "Work day", timeout=3000
    )
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    # 7. switch to Arabic: layout mirrors and labels are translated
    win.arabic_action.trigger()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert win.isRightToLeft()
    # translators announce themselves with a posted LanguageChange event
    qtbot.waitUntil(lambda: "جديد" in page.new_button.text(), timeout=3000)
    assert win.journal_menu.title() != "&Journal"
    # 8. and back
    win.english_action.trigger()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    qtbot.waitUntil(lambda: page.new_button.text() == "&New entry", timeout=3000)
    assert win.journal_menu.title() == "&Journal"


def test_filters_trash_and_restore(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    create_vault(qtbot, win)
    write_entry(qtbot, win, "Good day", "walked by the sea", mood=5, tags="sea")
    write_entry(qtbot, win, "Hard day", "family dinner", mood=1, tags="family")
    page = win.journal_page
    page.mood_filter.setCurrentIndex(page.mood_filter.findData(1))
    assert [page.model.entry(r).title for r in range(page.model.rowCount())] == ["Hard day"]
    page.mood_filter.setCurrentIndex(0)
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("sea"))
    assert [page.model.entry(r).title for r in range(page.model.rowCount())] == ["Good day"]
    page.tag_filter.setCurrentIndex(0)
    # delete to the trash, then restore
    page.select_entry(page.model.entry(0).id)
    page.delete_button.click()
    assert page.model.rowCount() == 1
    page.trash_button.click()
    assert page.model.rowCount() == 1 and page.restore_button.isVisible()
    page.list.setCurrentIndex(page.model.index(0))
    page.restore_button.click()
    assert page.model.rowCount() == 0
    page.trash_button.click()
    assert page.model.rowCount() == 2


def test_unsaved_entry_survives_lock_as_draft(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    create_vault(qtbot, win)
    page = win.journal_page
    page.new_entry()
    editor = page.editor
    assert editor is not None
    editor.body.setPlainText("half-written thought about my sister")
    win.lock()  # e.g. the auto-lock fired while writing
    assert page.editor is None
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert page.draft_banner.isVisible()
    page.resume_button.click()
    assert page.editor is not None
    assert page.editor.body.toPlainText() == "half-written thought about my sister"
    page.editor.save()
    assert page.model.rowCount() == 1
    assert not page.draft_banner.isVisible()


def test_quick_exit_hides_and_locks(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    create_vault(qtbot, win)
    write_entry(qtbot, win, "private", "text")
    with qtbot.waitSignal(win.quick_exited, timeout=2000):
        qtbot.keyClick(win.journal_page.list, Qt.Key.Key_Escape)
        qtbot.keyClick(win.journal_page.list, Qt.Key.Key_Escape)
    assert not win.isVisible()
    assert not win.vault.is_unlocked
    assert win.journal_page.model.rowCount() == 0


def test_change_passphrase_dialog(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from peerapp.gui.shell.dialogs import ChangePassphraseDialog

    win = window
    create_vault(qtbot, win)
    write_entry(qtbot, win, "kept", "entry survives the rewrap")
    dialog = ChangePassphraseDialog(win.vault, win)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.old, "wrong wrong wrong")
    qtbot.keyClicks(dialog.form.passphrase, "a brand new passphrase")
    qtbot.keyClicks(dialog.form.repeat, "a brand new passphrase")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=15000)
    assert dialog.error.text()
    dialog.old.clear()
    qtbot.keyClicks(dialog.old, GUI_PASSPHRASE)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15000)
    win.lock()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.stack.currentWidget() is win.unlock_page
    unlock(qtbot, win, "a brand new passphrase")
    assert win.stack.currentWidget() is win.tabs
    assert win.journal_page.model.entry(0).title == "kept"


def test_auto_lock_after_idle_minutes(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    win = window
    win.settings.autolock_minutes = 7
    create_vault(qtbot, win)
    write_entry(qtbot, win, "before idle", "text")
    assert win.idle_timer.isActive()
    assert win.idle_timer.interval() == 7 * 60_000
    monkeypatch.setattr(MainWindow, "AUTOLOCK_UNIT_MS", 30)  # a "minute" of 30 ms: the real timer runs out
    win._restart_idle_timer()
    qtbot.waitUntil(lambda: not win.vault.is_unlocked, timeout=10000)
    assert not win.vault.is_unlocked
    assert win.stack.currentWidget() is win.unlock_page
    assert win.journal_page.model.rowCount() == 0


def test_first_run_in_arabic_with_recovery_key(qtbot, window: MainWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from peerapp.gui.shell.dialogs import RecoveryKeyDialog

    win = window
    page = win.setup_page
    page.arabic.click()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.waitUntil(lambda: "يومياتك" in page.heading.text(), timeout=3000)
    assert win.settings.language == "ar"
    page.recovery.setChecked(True)
    shown: list[str] = []

    def confirm_dialog() -> None:
        dialogs = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryKeyDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(50, confirm_dialog)
            return
        dialog = dialogs[0]
        shown.append(dialog.key_field.text())
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.confirm.setChecked(True)
        dialog.accept()

    QTimer.singleShot(50, confirm_dialog)
    create_vault(qtbot, win)
    assert shown and len(shown[0].replace("-", "")) == 52
    win.lock()
    win.unlock_page.mode_button.click()
    unlock(qtbot, win, shown[0].lower())
    assert win.stack.currentWidget() is win.tabs


def test_closing_the_window_mid_entry_keeps_a_draft(qtbot, window: MainWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    create_vault(qtbot, win)
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    type_text(editor.title, "رسالة لم أرسلها")
    editor.body.setPlainText("words I don't want to lose")
    win.close()
    assert not win.vault.is_unlocked
    # the app starts again later
    again = build_window(data_dir, "en", settings=Settings())
    qtbot.addWidget(again)
    again.show()
    assert again.stack.currentWidget() is again.unlock_page
    unlock(qtbot, again, GUI_PASSPHRASE)
    page = again.journal_page
    assert page.draft_banner.isVisible()
    page.resume_button.click()
    assert page.editor is not None
    assert page.editor.title.text() == "رسالة لم أرسلها"
    assert page.editor.body.toPlainText() == "words I don't want to lose"
    page.editor.keep_and_close()
    again.lock()
    again.release_event_filter()


def test_safety_plan_tab_and_help_from_the_lock_screen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from peerapp.gui.library.crisis_dialog import CrisisDialog

    win = window
    create_vault(qtbot, win)
    win.view_actions[win.safety_plan_page].trigger()
    assert win.tabs.currentWidget() is win.safety_plan_page
    win.lock()
    assert win.help_link.isVisible()
    win.help_now_action.trigger()  # F1 works while locked
    dialogs = [d for d in win.findChildren(CrisisDialog) if d.isVisible()]
    assert dialogs
    assert "988" in dialogs[0].views["crisis-lines"].toPlainText()
    assert not win.vault.is_unlocked
    for dialog in dialogs:
        dialog.close()


def test_insights_tab_shows_what_was_written(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    create_vault(qtbot, win)
    for day in range(4):
        write_entry(qtbot, win, f"day {day}", "walk", mood=2 + day % 3, tags="walk")
    win.view_actions[win.insights_page].trigger()
    assert win.tabs.currentWidget() is win.insights_page
    assert win.insights_page.repo is win.repo
    win.lock()
    assert win.insights_page.repo is None


def test_quitting_makes_the_automatic_backup(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from peerapp.core.backup import AutoBackupSettings, read_backup, set_auto_backup

    win = window
    create_vault(qtbot, win)
    write_entry(qtbot, win, "kept safe", "backed up on quit")
    assert win.repo is not None
    folder = tmp_path / "backups"
    set_auto_backup(win.repo.conn, AutoBackupSettings(enabled=True, folder=str(folder), keep=3))
    win.close()
    made = list(folder.glob("*.peerbackup"))
    assert len(made) == 1
    read_backup(made[0])  # verifies the checksum and structure
    assert b"kept safe" not in made[0].read_bytes()


def test_therapist_report_leaves_out_chosen_tags(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from peerapp.gui.insights.report_dialog import ReportDialog

    win = window
    create_vault(qtbot, win)
    write_entry(qtbot, win, "Panic at work", "used box breathing", mood=2, tags="work")
    write_entry(qtbot, win, "About my partner", "very private", mood=4, tags="private")
    assert win.repo is not None
    dialog = ReportDialog(win.repo, win)
    qtbot.addWidget(dialog)
    rows = {dialog.leave_out.item(r).text(): r for r in range(dialog.leave_out.count())}
    dialog.leave_out.item(rows["private"]).setCheckState(Qt.CheckState.Checked)
    html_path, pdf_path = tmp_path / "report.html", tmp_path / "report.pdf"
    dialog.save_to(html_path, "html")
    dialog.save_to(pdf_path, "pdf")
    html = html_path.read_text("utf-8")
    assert "Panic at work" in html and "used box breathing" in html
    assert "About my partner" not in html and "very private" not in html
    assert "Entries included: 1" in html
    assert pdf_path.read_bytes().startswith(b"%PDF")
    dialog.include_text.setChecked(False)
    assert "used box breathing" not in dialog.html()
