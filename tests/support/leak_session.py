"""A scripted session for the leak audit (tests/project/test_leak_audit.py), run as its own process.

It watches every socket operation with an audit hook, captures Python logging at DEBUG and Qt's
messages, drives the real GUI (create, write, search, export cancelled and completed, quick exit)
and the real CLI, then writes what it saw to the report file named on the command line.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

AUDIT: list[list[str]] = []
WATCHED = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto", "socket.sendmsg")


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event in WATCHED:
        AUDIT.append([event, repr(args[1:] if event == "socket.connect" else args)])
        if event != "socket.connect" or not _loopback(args[1]):
            # Recorded for the test, and stopped here so that nothing ever leaves the machine.
            raise RuntimeError("leak audit: network use while group sync is off")


def _loopback(address: object) -> bool:
    if isinstance(address, (str, bytes)):
        return True  # a Unix socket path
    host = address[0] if isinstance(address, tuple) and address else ""
    return host in ("127.0.0.1", "::1", "localhost") or str(host).startswith("127.")


sys.addaudithook(_audit)  # before anything else is imported: nothing can open a socket unseen

LOG = io.StringIO()
logging.basicConfig(level=logging.DEBUG, stream=LOG, force=True)
logging.captureWarnings(True)
logging.getLogger("peerapp.leak-audit").debug("leak-audit canary")

from PySide6.QtCore import QStandardPaths, Qt, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QPushButton  # noqa: E402

QT_MESSAGES: list[str] = []
qInstallMessageHandler(lambda _kind, _context, message: QT_MESSAGES.append(message))

from peerapp import cli  # noqa: E402
from peerapp.core.journal import Entry, JournalRepository  # noqa: E402
from peerapp.core.settings import Settings  # noqa: E402
from peerapp.gui.shell.app import build_window  # noqa: E402
from peerapp.gui.transfer.dialogs import ExportDialog  # noqa: E402

MARKER = os.environ["LEAK_MARKER"]
PASSPHRASE = os.environ["LEAK_PASSPHRASE"]
DATA = Path(os.environ["PEERAPP_DATA_DIR"])
EXPORTS = Path(os.environ["LEAK_EXPORTS"])


def type_text(widget: Any, text: str) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def wait_until(condition: Any, seconds: float = 30) -> None:
    for _ in range(int(seconds * 50)):
        if condition():
            return
        QTest.qWait(20)
    raise SystemExit("leak session: timed out")


def answer_dialogs() -> None:
    """Close any message box (export finished) and fill any file dialog, like a person would."""
    widget = QApplication.activeModalWidget()
    if isinstance(widget, QMessageBox):
        widget.accept()
    elif isinstance(widget, QFileDialog):
        name = widget.findChild(QLineEdit, "fileNameEdit")
        if name is not None:
            name.setText(str(EXPORTS / "chosen.json"))
            widget.accept()


def gui_session(secrets: dict[str, str]) -> None:
    recovery: list[str] = []

    def keep_recovery_key() -> None:
        from peerapp.gui.shell.dialogs import RecoveryKeyDialog

        widget = QApplication.activeModalWidget()
        if isinstance(widget, RecoveryKeyDialog):
            recovery.append(widget.key)
            widget.copy_button.click()  # the key goes through the clipboard, as people do
            widget.confirm.setChecked(True)
            widget.accept()

    helper = QTimer()
    helper.timeout.connect(answer_dialogs)
    helper.timeout.connect(keep_recovery_key)
    helper.start(30)

    win = build_window(None, "en", settings=Settings.load())
    win.show()
    page = win.setup_page
    QTest.keyClicks(page.form.passphrase, PASSPHRASE)
    QTest.keyClicks(page.form.repeat, PASSPHRASE)
    page.recovery.setChecked(True)
    page.create_button.click()
    wait_until(lambda: win.stack.currentWidget() is win.tabs)
    secrets["recovery_key"] = recovery[0]
    secrets["master_key_hex"] = win.vault.current_key().hex()

    # Write an entry the way a person does, then leave another half-written (a draft).
    journal = win.journal_page
    journal.new_entry()
    editor = journal.editor
    assert editor is not None
    type_text(editor.title, f"{MARKER} title")
    type_text(editor.body, f"My secret is {MARKER} and nobody knows.")
    type_text(editor.tags, f"{MARKER}tag")
    editor.save()
    journal.new_entry()
    assert journal.editor is not None
    type_text(journal.editor.body, f"draft about {MARKER}")
    QTest.qWait(50)

    # Enough entries that an export can be cancelled part-way.
    conn = win.vault.connect()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    JournalRepository(conn).add_many(
        Entry(at=start + timedelta(minutes=i), text=f"{MARKER} filler {i}") for i in range(3000)
    )
    win.vault.release(conn)

    # Search, in the journal and in the library.
    win.show_tab(journal)
    type_text(journal.search, MARKER)
    wait_until(lambda: journal.model.rowCount() > 0)
    win.show_tab(win.library_page)
    type_text(win.library_page.search, MARKER)
    QTest.qWait(300)

    # An export started and cancelled, through the real file dialog.
    export = ExportDialog(win.vault, win)
    export.show()
    export.target.button.click()  # the file dialog runs; answer_dialogs() picks a name
    assert export.target.edit.text().endswith("chosen.json")
    export.target.edit.setText(str(EXPORTS / "cancelled.json"))
    export.start()
    assert export.run is not None
    cancel = export.run.dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()  # the progress dialog's own Cancel button, shown or not yet
    wait_until(lambda: export.run is not None and export.run.done)
    export.close()
    # And one that completes (an export is readable by design; the test skips that file).
    done = ExportDialog(win.vault, win)
    done.show()
    done.target.edit.setText(str(EXPORTS / "finished.json"))
    done.start()
    wait_until(lambda: done.run is not None and done.run.done)

    # Copy text out of the app (its window has the focus, as when a person copies), then leave in a hurry.
    win.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is win)
    journal.select_entry(journal.model.entry(0).id)
    journal.view.selectAll()
    journal.view.copy()
    win.lock()
    unlock_page = win.unlock_page
    QTest.keyClicks(unlock_page.secret, PASSPHRASE)
    QTest.keyClick(unlock_page.secret, Qt.Key.Key_Return)
    wait_until(lambda: win.vault.is_unlocked and win.stack.currentWidget() is win.tabs)
    QTest.keyClick(
        win.windowHandle(),
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not win.vault.is_unlocked
    secrets["clipboard_after_exit"] = QApplication.clipboard().text()
    win.show()
    win.close()
    win.release_event_filter()
    helper.stop()


def cli_session() -> list[int]:
    codes = []
    commands = [
        ["journal", "add", "--passphrase-stdin", "--tag", f"{MARKER}cli", f"CLI note {MARKER}"],
        ["journal", "search", "--passphrase-stdin", MARKER],
        ["journal", "list", "--passphrase-stdin", "--json", "--limit", "3"],
        ["export", "--passphrase-stdin", "--format", "markdown", "-o", str(EXPORTS / "cli.md")],
        ["library", "search", MARKER],
    ]
    for command in commands:
        stdin, stdout = sys.stdin, sys.stdout
        sys.stdin = io.StringIO(PASSPHRASE + "\n")
        sys.stdout = io.StringIO()  # the CLI prints entries to stdout on purpose; stdout is no log
        try:
            codes.append(cli.main(["--data-dir", str(DATA), *command]))
        finally:
            sys.stdin, sys.stdout = stdin, stdout
    return codes


def open_inet_sockets() -> list[str]:
    """Remote ends of this process's TCP/UDP sockets still open now (catches C-level connections too)."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    remotes = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/self/net/{table}").read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9 and fields[9] in inodes:
                    remotes.append(f"{table} {fields[2]}")
    return remotes


def main() -> int:
    report_path = Path(sys.argv[1])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    secrets: dict[str, str] = {}
    gui_session(secrets)
    codes = cli_session()
    locations = {
        kind.name: QStandardPaths.writableLocation(kind)
        for kind in (
            QStandardPaths.StandardLocation.CacheLocation,
            QStandardPaths.StandardLocation.GenericCacheLocation,
            QStandardPaths.StandardLocation.AppDataLocation,
            QStandardPaths.StandardLocation.AppConfigLocation,
            QStandardPaths.StandardLocation.GenericConfigLocation,
            QStandardPaths.StandardLocation.GenericDataLocation,
            QStandardPaths.StandardLocation.TempLocation,
        )
    }
    report = {
        "audit": AUDIT,
        "log": LOG.getvalue(),
        "qt": QT_MESSAGES,
        "secrets": secrets,
        "cli_codes": codes,
        "qtnetwork_loaded": "PySide6.QtNetwork" in sys.modules,
        "open_sockets": open_inet_sockets(),
        "locations": locations,
    }
    report_path.write_text(json.dumps(report), "utf-8")
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
