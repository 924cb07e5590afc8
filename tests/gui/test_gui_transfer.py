"""Export, import and backup from the GUI, driven through real windows: the dialogs, cancelling, the
registry's lists, and the warning before the first plaintext export ("Don't show this again" kept in
the vault)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerapp.core.errors import OperationCancelled
from peerapp.core.export_warning import (
    EXPORT_WARNING_KEY,
    plaintext_export_warning,
    set_warn_before_export,
    should_warn_before_export,
)
from peerapp.core.journal import Entry, JournalRepository, local_now
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.transfer.dialogs import ExportDialog
from support.gui import GUI_PASSPHRASE, MakeWindow, unlock
from support.transfer_sample import DAYLIO, TZ, fill_sample

WARNING = (
    "This file will not be encrypted. Anyone who can open this computer, or the place you save it, can read "
    "your journal. Keep it somewhere safe, or make an encrypted backup instead."
)
SECRET = "the night I told my brother"

Step = tuple[str, Callable[[QWidget], bool], Callable[[QWidget], None]]


class ModalScript:
    """Answers modal windows in the given order from inside whatever exec() loop is running, as a person
    would. If an expected window never comes, a step fails, or a window nobody expected waits for an
    answer, it notes the problem and closes every dialog, so the test fails instead of hanging. It keeps
    watching until the test's teardown is over (a late error box would otherwise hang the teardown)."""

    PATIENCE = 1500  # polls of 10 ms at least, for a window the script is waiting for
    UNEXPECTED = 100  # polls a window nobody expected may stay open

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.done: list[str] = []
        self.problems: list[str] = []
        self.reported = 0
        self.stopped = False
        self._waited = 0
        RUNNING.append(self)
        QTimer.singleShot(10, self._poll)

    def _give_up(self, problem: str) -> None:
        self.problems.append(problem)
        self.steps.clear()
        self._waited = 0
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QDialog) and window.isVisible():
                QDialog.done(window, 0)

    def _poll(self) -> None:
        if self.stopped:
            return
        QTimer.singleShot(10, self._poll)  # first: the step below may run a nested exec() of its own
        modal = QApplication.activeModalWidget()
        if not self.steps:
            self._waited = self._waited + 1 if modal is not None else 0
            if self._waited > self.UNEXPECTED:
                self._give_up(f"a window nobody expected waited for an answer: {modal!r}")
            return
        name, matches, act = self.steps[0]
        if modal is None or not modal.isVisible() or not matches(modal):
            self._waited += 1
            if self._waited > self.PATIENCE:
                self._give_up(f"never came: {name} (modal: {modal!r})")
            return
        self._waited = 0
        self.steps.pop(0)
        self.done.append(name)
        try:
            act(modal)
        except Exception as exc:  # noqa: BLE001 - reported by finished(), the test's assertion
            self._give_up(f"{name}: {exc!r}")

    def finished(self) -> str:
        """ "" when every step ran and nothing went wrong so far, else what went wrong."""
        self.reported = len(self.problems)
        left = [f"steps left: {[step[0] for step in self.steps]}"] if self.steps else []
        return "; ".join(self.problems + left)


RUNNING: list[ModalScript] = []


@pytest.fixture(autouse=True)
def watch_modal_windows() -> Iterator[None]:
    """Set up first and torn down last: scripts keep answering through the window's teardown, then
    stop, so none answers the next test's windows; a problem they found after the test's own check
    fails the test here."""
    yield
    late: list[str] = []
    while RUNNING:
        script = RUNNING.pop()
        script.stopped = True
        late += script.problems[script.reported :]
    assert not late, late


def is_export_dialog(widget: QWidget) -> bool:
    return isinstance(widget, ExportDialog)


def is_warning(widget: QWidget) -> bool:
    return isinstance(widget, QMessageBox) and "will not be encrypted" in widget.text()


def is_exported_note(widget: QWidget) -> bool:
    return isinstance(widget, QMessageBox) and widget.text().startswith("Exported")


def click(button: QWidget | None) -> None:
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def export_to(target: Path, opened: list[ExportDialog] | None = None) -> Callable[[QWidget], None]:
    """Fill in the export dialog (JSON, to `target`) and press OK."""

    def act(widget: QWidget) -> None:
        assert isinstance(widget, ExportDialog)
        if opened is not None:
            opened.append(widget)
        widget.format_box.setCurrentIndex(widget.format_box.findData("json"))
        widget.target.edit.setText(str(target))
        click(widget.buttons.button(widget.buttons.StandardButton.Ok))

    return act


def answer_warning(seen: list[str], go_on: bool, dont_show_again: bool = False) -> Callable[[QWidget], None]:
    def act(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append(widget.text())
        cancel = widget.button(QMessageBox.StandardButton.Cancel)
        assert widget.defaultButton() is cancel  # Enter out of habit writes nothing
        box = widget.checkBox()
        assert box is not None and box.text() == "Don't show this again" and not box.isChecked()
        if dont_show_again:
            click(box)
            assert box.isChecked()
        if go_on:
            (export,) = [
                b for b in widget.buttons() if widget.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
            ]
            assert export.text() == "Export anyway"
            click(export)
        else:
            click(cancel)

    return act


def close_note(widget: QWidget) -> None:
    assert isinstance(widget, QMessageBox)
    click(widget.button(QMessageBox.StandardButton.Ok))


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, make_window: MakeWindow) -> MainWindow:
    """The app on a journal holding one private entry, unlocked through the unlock page."""
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(GUI_PASSPHRASE)
    conn = vault.connect()
    JournalRepository(conn).add(Entry(at=local_now(), title="private", text=SECRET, mood=2))
    vault.release(conn)
    vault.lock()
    settings = Settings()
    settings.autolock_minutes = 0
    win = make_window(settings)
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.vault.is_unlocked
    return win


def warns(win: MainWindow) -> bool:
    conn = win.vault.connect()
    try:
        return should_warn_before_export(conn)
    finally:
        win.vault.release(conn)


def test_warning_before_plaintext_export_cancel_exports_nothing_then_dont_show_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, data_dir: Path
) -> None:
    win = window
    out = tmp_path / "exports"
    out.mkdir()
    first, second = out / "journal.json", out / "again.json"
    seen: list[str] = []
    left_after_cancel: list[list[str]] = []

    def check_nothing_written_then_export(widget: QWidget) -> None:
        left_after_cancel.append(sorted(p.name for p in out.iterdir()))  # hidden .part files included
        export_to(first)(widget)

    assert warns(win)
    script = ModalScript(
        ("export dialog", is_export_dialog, export_to(first)),
        ("warning, cancelled", is_warning, answer_warning(seen, go_on=False)),
        ("export dialog again", is_export_dialog, check_nothing_written_then_export),
        ("warning, accepted", is_warning, answer_warning(seen, go_on=True, dont_show_again=True)),
        ("exported", is_exported_note, close_note),
    )
    win.export_action.trigger()  # returns once the export dialog has closed
    assert script.finished() == "", script.done
    assert seen == [WARNING, WARNING]
    assert left_after_cancel == [[]]
    exported = json.loads(first.read_text("utf-8"))
    assert SECRET in json.dumps(exported, ensure_ascii=False)

    # The choice is inside the vault, and nowhere readable: not in the settings file.
    assert not warns(win)
    for path in (data_dir.parent / "config").rglob("*"):
        if path.is_file():
            assert "export" not in path.read_text("utf-8", errors="replace").lower(), path

    # It survives a lock: the next export goes straight on, with no warning.
    win.lock()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.vault.is_unlocked
    script = ModalScript(
        ("export dialog", is_export_dialog, export_to(second)),
        ("exported, no warning first", lambda w: isinstance(w, QMessageBox), close_note),
    )
    win.export_action.trigger()
    assert script.finished() == "", script.done
    assert SECRET in second.read_text("utf-8")


def test_cancelling_the_warning_with_escape_keeps_asking(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Esc answers Cancel, even with "Don't show this again" ticked: nothing written, nothing remembered."""
    win = window
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "journal.json"
    seen: list[str] = []

    def tick_then_escape(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append(widget.text())
        box = widget.checkBox()
        assert box is not None
        click(box)
        QTest.keyClick(widget, Qt.Key.Key_Escape)

    def close_dialog(widget: QWidget) -> None:
        assert isinstance(widget, ExportDialog)
        click(widget.buttons.button(widget.buttons.StandardButton.Cancel))

    script = ModalScript(
        ("export dialog", is_export_dialog, export_to(target)),
        ("warning, escaped", is_warning, tick_then_escape),
        ("export dialog, closed", is_export_dialog, close_dialog),
    )
    win.export_action.trigger()
    assert script.finished() == "", script.done
    assert seen == [WARNING]
    assert list(out.iterdir()) == []  # hidden .part files included
    assert warns(win)


def test_a_lock_while_the_warning_is_open_exports_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The auto-lock (or quick exit) closes the warning with every other window; no file is written."""
    win = window
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "journal.json"

    def lock_now(widget: QWidget) -> None:
        win.lock()  # what the idle timer's timeout does

    opened: list[ExportDialog] = []
    script = ModalScript(
        ("export dialog", is_export_dialog, export_to(target, opened)),
        ("warning, then locked", is_warning, lock_now),
    )
    win.export_action.trigger()
    assert script.finished() == "", script.done
    assert [dialog.run for dialog in opened] == [None]  # no export was even started
    assert not win.vault.is_unlocked
    assert list(out.iterdir()) == []  # hidden .part files included
    assert QApplication.activeModalWidget() is None


def test_the_setting_lives_in_the_vault(vault: Vault) -> None:
    """Core helpers (the CLI uses them too): a fresh journal warns; the choice is a row in kv."""
    conn = vault.connect()
    assert should_warn_before_export(conn)
    set_warn_before_export(conn, False)
    assert not should_warn_before_export(conn)
    assert conn.execute("SELECT value FROM kv WHERE key = ?", (EXPORT_WARNING_KEY,)).fetchone() == ("1",)
    set_warn_before_export(conn, True)
    assert should_warn_before_export(conn)
    vault.release(conn)
    assert plaintext_export_warning() == WARNING


def test_gui_export_and_import_dialogs(
    vault: Vault, repo: JournalRepository, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from peerapp.gui.transfer.dialogs import BackupSettingsDialog, ExportDialog, ImportDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append("warning: " + text))
    fill_sample(repo)
    export = ExportDialog(vault)
    qtbot.addWidget(export)
    export.format_box.setCurrentIndex(1)
    export.target.edit.setText(str(tmp_path / "gui.csv"))
    export.start()
    assert export.run is not None
    qtbot.waitUntil(lambda: export.run is not None and export.run.done, timeout=10_000)
    assert export.run.error is None and (tmp_path / "gui.csv").exists()
    assert shown[-1] == "Exported 3 entries."

    source = tmp_path / "daylio.csv"
    source.write_text(DAYLIO, "utf-8")
    dialog = ImportDialog(vault)
    qtbot.addWidget(dialog)
    asked: list[list[str]] = []
    monkeypatch.setattr(dialog, "ask_mood_map", lambda labels: asked.append(labels) or {"super happy": 4})
    dialog.source.edit.setText(str(source))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.run is not None and dialog.run.done, timeout=10_000)
    assert asked == [["super happy"]]
    assert dialog.report is not None and dialog.report.added == 4
    assert "Line 5:" in shown[-1]

    settings = BackupSettingsDialog(vault)
    qtbot.addWidget(settings)
    settings.enabled.setChecked(True)
    settings.folder.edit.setText(str(tmp_path / "auto"))
    settings.keep.setValue(4)
    settings.save()
    from peerapp.core.backup import AutoBackupSettings, get_auto_backup

    assert get_auto_backup(repo.conn) == AutoBackupSettings(True, str(tmp_path / "auto"), 4)


def test_gui_export_cancel(
    vault: Vault, repo: JournalRepository, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from peerapp.gui.transfer.dialogs import ExportDialog

    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    repo.add_many(
        Entry(at=datetime(2024, 1, 1, tzinfo=TZ) + timedelta(hours=i), text=f"e{i}") for i in range(3000)
    )
    export = ExportDialog(vault)
    qtbot.addWidget(export)
    export.target.edit.setText(str(tmp_path / "gui.json"))
    export.start()
    assert export.run is not None
    assert export.run.dialog is not None
    export.run.dialog.findChild(QPushButton).click()  # its Cancel button, shown or not yet
    qtbot.waitUntil(lambda: export.run is not None and export.run.done, timeout=10_000)
    assert isinstance(export.run.error, OperationCancelled)
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


def test_gui_lists_read_the_registry_and_the_markdown_box_only_names_the_target(
    vault: Vault, repo: JournalRepository, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from peerapp.core.transfer import exporters, importers
    from peerapp.gui.transfer.dialogs import ExportDialog, ImportDialog

    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    export = ExportDialog(vault)
    qtbot.addWidget(export)
    box = export.format_box
    assert [box.itemData(i) for i in range(box.count())] == [e.name for e in exporters()]
    assert [box.itemText(i) for i in range(box.count())] == [e.label for e in exporters()]
    imp = ImportDialog(vault)
    qtbot.addWidget(imp)
    box = imp.source_box
    assert [box.itemData(i) for i in range(box.count())] == [i.name for i in importers()]
    assert [box.itemText(i) for i in range(box.count())] == [i.label for i in importers()]

    export.format_box.setCurrentIndex(export.format_box.findData("markdown"))
    export.target.edit.setText(str(tmp_path / "notes.md"))
    assert not export.per_entry.isChecked()  # the box shows what the name makes: one file
    export.per_entry.setChecked(True)  # ticking it renames the target so the one rule makes a folder
    assert export.target.edit.text() == str(tmp_path / "notes")
    export.target.edit.setText(str(tmp_path / "other.md"))
    assert not export.per_entry.isChecked()
    export.target.edit.setText(str(tmp_path / "typed-without-suffix"))
    assert export.per_entry.isChecked()
    export.per_entry.setChecked(False)
    assert export.target.edit.text() == str(tmp_path / "typed-without-suffix.md")
    export.per_entry.setChecked(True)
    assert export.target.edit.text() == str(tmp_path / "typed-without-suffix")
    # Even if the box said otherwise, the name decides (the rule the CLI uses).
    export.per_entry.blockSignals(True)
    export.per_entry.setChecked(False)
    export.per_entry.blockSignals(False)
    repo.add(Entry(at=datetime(2024, 5, 1, 21, 30, tzinfo=TZ), text="one entry"))
    export.start()
    assert export.run is not None
    qtbot.waitUntil(lambda: export.run is not None and export.run.done, timeout=10_000)
    folder = tmp_path / "typed-without-suffix"
    assert folder.is_dir() and [p.suffix for p in folder.iterdir()] == [".md"]
