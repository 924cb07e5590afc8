"""While another task holds the journal's write lock (an import's one transaction), the editor neither
calls the journal damaged nor loses the text: the draft waits for the next tick, Save says "busy"."""

from __future__ import annotations

from typing import Any

from peerapp.core.errors import JournalBusy, VaultDamaged
from peerapp.gui.shell.main_window import MainWindow
from support.gui import MakeWindow, create_vault, type_text


def test_a_held_write_lock_is_busy_not_damage(qtbot: Any, make_window: MakeWindow) -> None:
    win: MainWindow = make_window()
    create_vault(qtbot, win)
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    type_text(editor.title, "written while importing")
    editor.body.setPlainText("the text must survive")
    other = win.vault.connect()  # another connection, as the import job has
    other.execute("BEGIN IMMEDIATE")
    try:
        editor.save_draft()
        assert editor.dirty  # not kept yet, and not given up
        assert editor.error.text() != VaultDamaged().user_message()
        editor.save()
        assert editor.isVisible()  # still open with the text
        assert editor.error.text() == JournalBusy().user_message()
        assert editor.body.toPlainText() == "the text must survive"
    finally:
        other.execute("ROLLBACK")
        win.vault.release(other)
    editor.save_draft()
    assert not editor.dirty  # the next tick keeps it
    editor.save()
    assert not editor.isVisible()
    titles = [win.journal_page.model.index(r, 0).data() for r in range(win.journal_page.model.rowCount())]
    assert any("written while importing" in str(t) for t in titles)
