"""core/, sync/ and server/ never import Qt (style rule 1), checked in the source and at runtime."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

QT_FREE_PACKAGES = ("core", "sync", "server")
QT_MODULES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qtpy")


def _qt_free_sources() -> list[Path]:
    files: list[Path] = []
    for package in QT_FREE_PACKAGES:
        folder = ROOT / "peerapp" / package
        if folder.is_dir():
            files.extend(sorted(folder.rglob("*.py")))
    return files


def _forbidden_imports(source: str, filename: str = "<source>") -> list[str]:
    """Names of Qt or GUI modules a source file imports, however it spells the import."""
    found: list[str] = []
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                # `from ..gui import x` or `from .. import gui` reach the Qt package.
                names = [module] if module else [alias.name for alias in node.names]
                names = [n for n in names if n.split(".")[0] == "gui"]
            else:
                names = [module]
        elif isinstance(node, ast.Call):
            # importlib.import_module("PySide6...") / __import__("PySide6")
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    names = [arg.value]
        for name in names:
            top = name.split(".")[0]
            if top in QT_MODULES or top == "gui" or name.startswith("peerapp.gui"):
                found.append(name)
    return found


def test_scanner_catches_every_spelling() -> None:
    """The source check must be able to fail."""
    bad = (
        "import PySide6\n"
        "from PySide6.QtCore import QObject\n"
        "import PyQt6.QtWidgets as w\n"
        "from ..gui import app\n"
        "from .. import gui\n"
        "from peerapp.gui.shell.app import run\n"
        "import importlib\nimportlib.import_module('shiboken6')\n"
        "def f():\n    import PySide6.QtGui\n"
    )
    assert len(_forbidden_imports(bad)) == 8
    assert _forbidden_imports("from . import db\nfrom .errors import X\nimport json\n") == []


def test_core_sync_server_sources_import_no_qt() -> None:
    files = _qt_free_sources()
    assert any(p.parent.name == "core" for p in files), "no core sources found"
    offenders = {
        str(p.relative_to(ROOT)): bad
        for p in files
        if (bad := _forbidden_imports(p.read_text("utf-8"), str(p)))
    }
    assert offenders == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    """Import each module of the Qt-free packages in a fresh interpreter; PySide6 must stay unloaded."""
    script = (
        "import importlib, pkgutil, sys\n"
        "import peerapp\n"
        "loaded = []\n"
        f"for pkg in {QT_FREE_PACKAGES!r}:\n"
        "    try:\n"
        "        mod = importlib.import_module('peerapp.' + pkg)\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    loaded.append(mod.__name__)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        try:\n"
        "            importlib.import_module(info.name)\n"
        "        except ImportError as exc:\n"
        "            # an optional extra (e.g. the server's starlette) may be missing;\n"
        "            # a missing Qt would be a failure of its own, so report it\n"
        "            if 'PySide' in str(exc) or 'Qt' in str(exc):\n"
        "                raise\n"
        "            continue\n"
        "        loaded.append(info.name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{QT_MODULES!r} or m.startswith('peerapp.gui'))\n"
        "print('LOADED', ' '.join(loaded))\n"
        "print('QT', ' '.join(qt))\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(" ", 1) if " " in line else (line, "") for line in proc.stdout.splitlines())
    loaded = lines["LOADED"].split()
    for name in ("peerapp.core.vault", "peerapp.core.journal", "peerapp.core.textnorm", "peerapp.core.db"):
        assert name in loaded
    assert lines["QT"].split() == []


def test_subprocess_check_would_notice_qt() -> None:
    """Sanity check of the runtime probe: core alone leaves PySide6 out, and the probe sees it come in."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    script = (
        "import sys, peerapp.core.vault, peerapp.core.journal\n"
        "assert 'PySide6' not in sys.modules\n"
        "import PySide6.QtCore\n"
        "print('PySide6' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True"
