"""The lock screen's first show stays lean, and quick exit still works as soon as the window is on screen.

A fresh interpreter (what PySide has created is process-wide) builds the app window on an existing
journal and stops at its first paint. By then:
- the application-wide input watch (a Python event filter) is not installed yet: installed earlier, the
  first event of an object whose class PySide has no binding for makes PySide create every class of
  QtCore, QtGui and QtWidgets with their enums (tens of milliseconds of the start-up);
- no module that only later screens use is loaded (QtSvg for the mood faces, HTTP, sync, Markdown, the
  screen-reader announcer, the shortcuts dialog). Each name is proved a real, loadable module.
Then the watch starts by itself, and a double Esc on the lock screen quick-exits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow
from support import PASSPHRASE, ROOT

CHILD = """
import importlib.util, json, sys, time
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest

# Widgets classes the lock screen never uses: PySide creates a class on first use (lazily), so they
# are in the module's namespace only if something made PySide create every class.
UNUSED = ("QWizard", "QFileDialog", "QGraphicsView", "QMdiArea")
report = {"lazy_before": [name for name in UNUSED if name in vars(QtWidgets)]}

from peerapp.gui.shell.app import build_window, create_application

app = create_application()
window = build_window(sys.argv[1], "en")
report["watching_when_built"] = window.watching_input


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "modules" not in report:
            report["watching_at_paint"] = window.watching_input
            report["created_by_paint"] = [name for name in UNUSED if name in vars(QtWidgets)]
            report["modules"] = sorted(sys.modules)
        return False


watch = FirstPaint()
window.installEventFilter(watch)
exits = []
window.quick_exited.connect(lambda: exits.append(1))
window.show()
deadline = time.monotonic() + 30
while not window.watching_input and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.005)
report["watching_after_paint"] = window.watching_input
report["lock_screen"] = window.stack.currentWidget() is window.unlock_page
QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
app.processEvents()
report["exits_after_one_esc"] = len(exits)
QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
report["exits_after_two"] = len(exits)
report["findable"] = {name: importlib.util.find_spec(name) is not None for name in sys.argv[2:]}
window.release_event_filter()
print("REPORT " + json.dumps(report))
"""

# Never loaded to show the lock screen (tests/gui/test_startup_imports.py guards the pages and dialogs).
NOT_AT_LOCK_SCREEN = (
    "PySide6.QtSvg",  # gui/design.py draws the mood faces with it, imported where a face is drawn
    "PySide6.QtSvgWidgets",
    "httpx",
    "peerapp.sync.service",
    "markdown",
    "peerapp.core.markdown_render",
    "snowballstemmer",
    "peerapp.gui.widgets.announce",  # QAccessible's classes: loaded with the first announcement
    "peerapp.gui.shell.shortcuts_dialog",  # the screen-reader check: loaded with the first key pressed
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("lean")
    vault = Vault(folder / "data", kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        PEERAPP_CONFIG_DIR=str(folder / "config"),
        PEERAPP_CACHE_DIR=str(folder / "cache"),
    )
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder / "data"), *NOT_AT_LOCK_SCREEN],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("REPORT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(lines[-1][len("REPORT ") :])
    return result


def test_the_first_paint_comes_before_the_input_watch(report: dict[str, Any]) -> None:
    assert not report["watching_when_built"]
    assert report["watching_at_paint"] is False
    assert report["watching_after_paint"], "the input watch never started"


def test_the_first_show_does_not_make_pyside_create_every_class(report: dict[str, Any]) -> None:
    if report["lazy_before"]:
        pytest.skip("this PySide creates its classes eagerly (PYSIDE6_OPTION_LAZY)")
    assert report["created_by_paint"] == [], "every QtWidgets class was created before the first paint"


@pytest.mark.parametrize("name", NOT_AT_LOCK_SCREEN)
def test_later_modules_are_not_loaded_by_the_lock_screen(report: dict[str, Any], name: str) -> None:
    assert report["findable"][name], f"{name} does not exist: fix this list"
    assert name not in report["modules"], f"{name} is imported before the lock screen is painted"


def test_double_escape_quick_exits_from_the_lock_screen_once_shown(report: dict[str, Any]) -> None:
    assert report["lock_screen"]
    assert report["exits_after_one_esc"] == 0
    assert report["exits_after_two"] == 1


def _journal(data_dir: Path) -> None:
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()


class _Paints(QObject):
    """Counts the paints of one widget."""

    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_watch_starts_with_the_first_paint_in_the_app(qtbot: Any, data_dir: Path) -> None:
    _journal(data_dir)
    win: MainWindow = build_window(data_dir, "en", settings=Settings())
    qtbot.addWidget(win)
    try:
        QApplication.processEvents()
        assert not win.watching_input  # not shown, never painted: nothing watches yet
        paints = _Paints(win)
        win.show()
        qtbot.waitUntil(lambda: paints.count > 0, timeout=15_000)
        qtbot.waitUntil(lambda: win.watching_input, timeout=15_000)
        exits: list[int] = []
        win.quick_exited.connect(lambda: exits.append(1))
        QTest.keyClick(
            win.windowHandle(),
            Qt.Key.Key_Q,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert exits == [1] and not win.isVisible()
    finally:
        win.lock()
        win.release_event_filter()


def test_a_released_window_never_starts_watching(qtbot: Any, data_dir: Path) -> None:
    _journal(data_dir)
    win: MainWindow = build_window(data_dir, "en", settings=Settings())
    qtbot.addWidget(win)
    win.release_event_filter()  # closed before it was ever painted
    paints = _Paints(win)
    win.show()
    qtbot.waitUntil(lambda: paints.count > 0, timeout=15_000)
    QApplication.processEvents()  # the turn after the paint, when the watch would start
    assert not win.watching_input


def test_the_core_modules_are_imported_before_pyside(tmp_path: Path) -> None:
    """`peerapp gui` imports the Qt-free modules first: PySide6's import hook reads the source of every
    module imported after it."""
    code = "import json, sys\nimport peerapp.gui.shell.app\nprint('ORDER ' + json.dumps(list(sys.modules)))\n"
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("ORDER ")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    order: list[str] = json.loads(lines[-1][len("ORDER ") :])
    pyside = order.index("PySide6.QtCore")
    for name in (
        "peerapp.core.paths",
        "peerapp.core.settings",
        "peerapp.core.vault",
        "sqlite3",
        "platformdirs",
    ):
        assert order.index(name) < pyside, f"{name} is imported after PySide6"
