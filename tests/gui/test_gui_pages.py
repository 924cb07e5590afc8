"""MainWindow holds no per-page wiring: a new tab is one line in MainWindow.PAGES, and it is attached to
the session on unlock, cleared on lock, titled, and reachable from the View menu with no other change."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerapp.core.session import Session
from peerapp.core.vault import Vault
from peerapp.gui.common import Page
from peerapp.gui.shell.main_window import MainWindow
from support import ROOT
from support.gui import GUI_PASSPHRASE, create_vault, unlock


class ProbePage(QWidget):
    """A page nobody told MainWindow about, except through PAGES."""

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault
        self.events: list[str] = []
        self.count = QLabel()
        QVBoxLayout(self).addWidget(self.count)

    def attach(self, session: Session) -> None:
        self.events.append("attach")
        self.count.setText(str(session.journal.count()))

    def clear(self) -> None:
        self.events.append("clear")
        self.count.clear()

    def journal_changed(self) -> None:
        self.events.append("changed")

    def tab_title(self) -> str:
        return "Probe"

    def view_title(self) -> str:
        return "&Probe"


@pytest.fixture
def window(make_window, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(MainWindow, "PAGES", (*MainWindow.PAGES, ProbePage))
    return make_window()  # type: ignore[no-any-return]


def test_a_page_added_to_the_list_is_attached_titled_shown_and_cleared(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    probe = window.pages[-1]
    assert isinstance(probe, ProbePage) and isinstance(probe, Page)
    assert window.tabs.tabText(window.tabs.indexOf(probe)) == "Probe"
    action = window.view_actions[probe]
    assert action.text() == "&Probe" and action.shortcut().toString() == "Ctrl+6"
    create_vault(qtbot, window)
    assert probe.events == ["attach"] and probe.count.text() == "0"
    window.journal_page.new_entry()
    editor = window.journal_page.editor
    assert editor is not None
    editor.body.setPlainText("a new entry tells every page")
    editor.save()
    assert "changed" in probe.events
    action.trigger()
    assert window.tabs.currentWidget() is probe
    window.lock()
    assert probe.events[-1] == "clear" and probe.count.text() == ""
    unlock(qtbot, window, GUI_PASSPHRASE)
    assert probe.events[-1] == "attach" and probe.count.text() == "1"


def test_main_window_names_no_page_when_attaching_or_clearing() -> None:
    """The loops are the only place pages are attached or cleared (the import refresh is the Journal menu's)."""
    source = (ROOT / "peerapp" / "gui" / "shell" / "main_window.py").read_text()
    for page in ("journal_page", "library_page", "insights_page", "safety_plan_page", "groups_page"):
        assert f"self.{page}.clear()" not in source, page
    assert source.count(".attach(") == 2  # the unlock loop, and the timeline refresh after an import


def test_a_closed_editor_is_destroyed_not_kept_hidden(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A closed editor's widgets held the entry's text until the garbage collector ran, even after a lock."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    create_vault(qtbot, window)
    for finish in ("save", "lock"):
        window.journal_page.new_entry()
        editor = window.journal_page.editor
        assert editor is not None
        editor.body.setPlainText("a private sentence that must not linger")
        if finish == "save":
            editor.save()
        else:
            window.lock()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(editor), finish
        if finish == "lock":
            unlock(qtbot, window, GUI_PASSPHRASE)
