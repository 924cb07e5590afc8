"""Leak audit: after a whole GUI and CLI session, no entry text, passphrase or key is anywhere on disk
outside the vault (data, config, cache, temp, Qt's and the desktop's folders), in any log, or on the
clipboard; no network connection is attempted; Qt's file dialog keeps no history."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from support import ROOT

MARKER = "Zanzibarquokka"  # a word that appears nowhere else
PASSPHRASE = "leak audit passphrase quietly 7391"


def forms(text: str) -> list[bytes]:
    return [text.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")]


def needles(secrets: dict[str, str]) -> dict[str, list[bytes]]:
    recovery = secrets["recovery_key"]
    key = secrets["master_key_hex"]
    return {
        "entry text": forms(MARKER) + forms(MARKER.lower()),
        "passphrase": forms(PASSPHRASE),
        "recovery key": forms(recovery) + forms(recovery.replace("-", "")) + forms(recovery.lower()),
        "master key": forms(key) + forms(key.upper()) + [bytes.fromhex(key)],
    }


def found_in(data: bytes, wanted: dict[str, list[bytes]]) -> list[str]:
    return [name for name, patterns in wanted.items() if any(p in data for p in patterns)]


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run the scripted session once, with every folder an app could write to inside `root`."""
    base = tmp_path_factory.mktemp("leak")
    root = base / "root"
    dirs = {
        "HOME": root / "home",
        "XDG_CONFIG_HOME": root / "xdg-config",
        "XDG_DATA_HOME": root / "xdg-data",
        "XDG_CACHE_HOME": root / "xdg-cache",
        "XDG_STATE_HOME": root / "xdg-state",
        "XDG_RUNTIME_DIR": root / "xdg-runtime",
        "TMPDIR": root / "tmp",
        "PEERAPP_DATA_DIR": root / "data",
        "PEERAPP_CONFIG_DIR": root / "config",
        "PEERAPP_CACHE_DIR": root / "cache",
        "LEAK_EXPORTS": root / "exports",
    }
    for path in dirs.values():
        path.mkdir(parents=True, mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PEERAPP_"))}
    env.update({k: str(v) for k, v in dirs.items()})
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LEAK_MARKER=MARKER,
        LEAK_PASSPHRASE=PASSPHRASE,
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        PYTHONDONTWRITEBYTECODE="1",
    )
    report_path = base / "report.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "support" / "leak_session.py"), str(report_path)],
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-3000:]
    report: dict[str, Any] = json.loads(report_path.read_text("utf-8"))
    report.update(root=root, exports=dirs["LEAK_EXPORTS"], stdout=proc.stdout, stderr=proc.stderr)
    return report


def test_the_session_did_what_it_says(session: dict[str, Any]) -> None:
    """Guards the audit itself: the session really wrote, exported and captured."""
    assert session["cli_codes"] == [0] * len(session["cli_codes"])
    assert "leak-audit canary" in session["log"]
    finished = (session["exports"] / "finished.json").read_bytes()
    assert MARKER.encode() in finished  # the marker really went into the vault
    assert not (session["exports"] / "cancelled.json").exists()
    assert len(session["secrets"]["master_key_hex"]) == 64


def test_no_content_or_secret_in_any_file_outside_the_vault(session: dict[str, Any]) -> None:
    root: Path = session["root"]
    wanted = needles(session["secrets"])
    readable_exports = {session["exports"] / name for name in ("finished.json", "cli.md")}
    scanned = 0
    hits: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path in readable_exports:
            continue
        scanned += 1
        found = found_in(path.read_bytes(), wanted)
        if found:
            hits[str(path.relative_to(root))] = found
    assert hits == {}
    assert scanned >= 3  # vault.db, vault.keys, settings.json at least
    # Every place Qt would keep caches or app data is inside the scanned folder.
    for kind, location in session["locations"].items():
        assert location.startswith(str(root)), (kind, location)


def test_no_file_dialog_history_or_recent_files(session: dict[str, Any]) -> None:
    root: Path = session["root"]
    names = {p.name for p in root.rglob("*")}
    assert "QtProject.conf" not in names
    assert "recently-used.xbel" not in names
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".conf", ".ini", ".xbel", ".json"):
            if path.parent == session["exports"]:
                continue
            assert "exports" not in path.read_text("utf-8", "replace"), path


def test_no_content_or_secret_in_logs_or_output(session: dict[str, Any]) -> None:
    wanted = needles(session["secrets"])
    channels = {
        "python logging (DEBUG)": session["log"].encode(),
        "Qt messages": "\n".join(session["qt"]).encode(),
        "stderr": session["stderr"],
        "stdout": session["stdout"],
    }
    leaked = {name: found_in(data, wanted) for name, data in channels.items()}
    assert {k: v for k, v in leaked.items() if v} == {}


def test_quick_exit_cleared_the_copied_entry(session: dict[str, Any]) -> None:
    assert MARKER not in session["secrets"]["clipboard_after_exit"]


def _loopback(address: str) -> bool:
    match = re.match(r"\(\('([^']*)'", address)  # (('127.0.0.1', 8765),) as the audit hook saw it
    if not match:
        return address.startswith("('/") or address.startswith("(b'")  # a Unix socket path
    host = match.group(1)
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def test_no_network_connection_while_groups_are_off(session: dict[str, Any]) -> None:
    outside = [event for event in session["audit"] if event[0] != "socket.connect" or not _loopback(event[1])]
    assert outside == []
    assert session["open_sockets"] == []
    assert session["qtnetwork_loaded"] is False  # Qt's own networking would bypass the audit hook


def test_the_network_audit_can_fail(tmp_path: Path) -> None:
    """The same kind of hook sees a connection attempt (and stops it before any packet leaves)."""
    code = (
        "import sys, socket\n"
        "seen = []\n"
        "def hook(event, args):\n"
        "    if event == 'socket.connect':\n"
        "        seen.append(event)\n"
        "        raise RuntimeError('blocked by the audit')\n"
        "sys.addaudithook(hook)\n"
        "try:\n    socket.socket().connect(('192.0.2.1', 9))\nexcept RuntimeError:\n    pass\n"
        "print(seen)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert "socket.connect" in out.stdout
