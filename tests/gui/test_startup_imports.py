"""The lock screen loads only what it shows: no page, no HTTP client, no sync service, no Markdown.

A fresh interpreter builds the app window on an existing journal up to the lock screen and lists its
modules; then it unlocks through the lock screen and waits for every tab. Each module that must be absent
at the lock screen is proved a real, loadable name (present after unlock, or found by importlib), so a
renamed module cannot make the check pass by accident.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from support import PASSPHRASE, ROOT

CHILD = """
import importlib.util, json, sys, time
from PySide6.QtWidgets import QApplication
from peerapp.gui.shell.app import build_window, create_application

app = create_application()
window = build_window(sys.argv[1], "en")
window.show()
QApplication.processEvents()
report = {
    "locked_screen": window.stack.currentWidget() is window.unlock_page,
    "at_lock": sorted(sys.modules),
    "tabs_at_lock": window.tabs.count(),
}
# The first key of a passphrase gets the first tab ready (and only it), the journal still locked.
from PySide6.QtTest import QTest
QTest.keyClicks(window.unlock_page.secret, "x")
deadline = time.monotonic() + 30
while "markdown" not in sys.modules and time.monotonic() < deadline:
    QApplication.processEvents()
    time.sleep(0.005)
report["typing"] = {
    "tabs": window.tabs.count(),
    "locked": not window.vault.is_unlocked,
    "loaded": sorted(set(sys.modules) - set(report["at_lock"])),
}
window.unlock_page.secret.setText(sys.argv[2])
window.unlock_page.try_unlock()
deadline = time.monotonic() + 60
while window.tabs.count() < len(window.PAGES) and time.monotonic() < deadline:
    QApplication.processEvents()
    time.sleep(0.005)
report["unlocked"] = window.vault.is_unlocked and window.stack.currentWidget() is window.tabs
report["tabs_after"] = window.tabs.count()
report["after_unlock"] = sorted(sys.modules)
report["findable"] = {name: importlib.util.find_spec(name) is not None for name in sys.argv[3:]}
window.lock()
window.release_event_filter()
print("REPORT " + json.dumps(report))
"""

# Loaded by unlocking (the pages and what they use), never by the lock screen.
PAGE_MODULES = (
    "nacl.bindings",  # the key slots are opened only once a passphrase is checked
    "sqlcipher3",
    "httpx",
    "markdown",
    "peerapp.sync",
    "peerapp.sync.service",
    "peerapp.core.session",
    "peerapp.core.library",
    "peerapp.core.markdown_render",
    "peerapp.core.insights",
    "peerapp.gui.journal.page",
    "peerapp.gui.library.page",
    "peerapp.gui.insights",
    "peerapp.gui.insights.page",
    "peerapp.gui.safety.page",
    "peerapp.gui.groups",
    "peerapp.gui.groups.page",
    "peerapp.gui.tools",
)
# Loaded only when their menu item or screen is used (neither the lock screen nor unlocking needs them).
ON_DEMAND_MODULES = (
    "peerapp.gui.insights.report_dialog",
    "peerapp.gui.transfer.dialogs",
    "peerapp.gui.protection.cover",
    "peerapp.gui.protection.discreet_dialog",
    "peerapp.gui.protection.dialogs",
    "peerapp.gui.shell.dialogs",
    "peerapp.gui.shell.setup_page",
    "peerapp.gui.widgets.safe_browser",
)
# The Snowball stemmer (journal search) is not needed before unlock: core.protection imports the decoy
# (and with it core.journal) where it uses it.
STEMMER = ("snowballstemmer",)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("startup")
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
    names = [*PAGE_MODULES, *ON_DEMAND_MODULES, *STEMMER]
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder / "data"), PASSPHRASE, *names],
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


def test_the_lock_screen_is_shown_without_any_page(report: dict[str, Any]) -> None:
    assert report["locked_screen"]
    assert report["tabs_at_lock"] == 0


@pytest.mark.parametrize("name", PAGE_MODULES)
def test_page_modules_come_only_with_unlocking(report: dict[str, Any], name: str) -> None:
    assert name not in report["at_lock"], f"{name} is imported before the lock screen shows"
    assert report["unlocked"] and report["tabs_after"] > 0
    assert name in report["after_unlock"], f"{name} is not a module unlocking loads: fix this list"


@pytest.mark.parametrize("name", ON_DEMAND_MODULES)
def test_menu_dialogs_come_only_when_used(report: dict[str, Any], name: str) -> None:
    assert name not in report["at_lock"], f"{name} is imported before the lock screen shows"
    assert report["findable"][name], f"{name} does not exist: fix this list"


def test_typing_the_passphrase_gets_only_the_first_tab_ready(report: dict[str, Any]) -> None:
    typing = report["typing"]
    assert typing["locked"] and typing["tabs"] == 1
    assert "peerapp.gui.journal.page" in typing["loaded"] and "markdown" in typing["loaded"]
    for name in (
        "httpx",
        "peerapp.sync",
        "peerapp.gui.groups",
        "peerapp.gui.insights",
        "peerapp.gui.library.page",
    ):
        assert name not in typing["loaded"], name


def test_every_tab_is_built_after_unlocking(report: dict[str, Any]) -> None:
    from peerapp.gui.shell.main_window import MainWindow

    assert report["unlocked"]
    assert report["tabs_after"] == len(MainWindow.PAGES)


@pytest.mark.parametrize("name", STEMMER)
def test_the_stemmer_is_not_loaded_by_the_lock_screen(report: dict[str, Any], name: str) -> None:
    assert report["findable"][name]
    assert name not in report["at_lock"], f"{name} is imported before the lock screen shows"
