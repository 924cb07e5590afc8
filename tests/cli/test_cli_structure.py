"""The CLI package's shape: areas import only `common` (no cycle), modules stay small, one way in."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

PACKAGE = "peerapp.cli"
CLI_DIR = ROOT / "peerapp" / "cli"
COMMON = f"{PACKAGE}.common"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (`peerapp.cli` is its __init__)."""
    found = {}
    for path in sorted(CLI_DIR.glob("*.py")):
        found[PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"] = path
    return found


def _cli_imports(source: str, module: str, submodules: set[str]) -> set[str]:
    """The `peerapp.cli` modules a source imports, however it spells it (relative, absolute, in a function)."""
    package = module if module == PACKAGE else module.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - (node.level - 1)]
                parent = ".".join([*base, node.module] if node.module else base)
            else:
                parent = node.module or ""
            for alias in node.names:
                # `from . import journal` names a submodule; `from . import main` a name of __init__.
                full = f"{parent}.{alias.name}"
                targets.add(full if full in submodules else parent)
    found = set()
    for name in targets:
        if name != PACKAGE and not name.startswith(PACKAGE + "."):
            continue
        # The module itself, or the one holding the imported name (`peerapp.cli.common.EXIT_OK`).
        owners = [m for m in submodules if name == m or name.startswith(m + ".")]
        found.add(max(owners, key=len) if owners else PACKAGE)
    found.discard(module)
    return found


def _graph(sources: dict[str, str]) -> dict[str, set[str]]:
    names = set(sources)
    return {name: _cli_imports(text, name, names) for name, text in sources.items()}


def _violations(graph: dict[str, set[str]]) -> list[str]:
    """Imports that do not point down: __init__ -> areas -> common -> nothing in the package."""
    bad = []
    for module, targets in graph.items():
        if module == PACKAGE:
            allowed = set(graph) - {PACKAGE}
        elif module == COMMON:
            allowed = set()
        else:
            allowed = {COMMON}
        bad += [f"{module} -> {t}" for t in sorted(targets - allowed)]
    return bad


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle if there is any (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _sources() -> dict[str, str]:
    return {name: path.read_text("utf-8") for name, path in _modules().items()}


def test_the_old_modules_are_gone_and_every_area_is_there() -> None:
    assert not (ROOT / "peerapp" / "cli.py").exists()
    assert not (ROOT / "peerapp" / "cli_group.py").exists()
    expected = {"common", "journal", "transfer", "library", "group", "server", "app"}
    assert expected <= {name.rpartition(".")[2] for name in _modules()}


def test_areas_import_only_common_and_there_is_no_cycle() -> None:
    graph = _graph(_sources())
    assert _violations(graph) == []
    assert _cycle(graph) is None
    assert graph[PACKAGE] >= {f"{PACKAGE}.{n}" for n in ("common", "journal", "group")}


def test_the_scanner_sees_every_spelling_of_a_sideways_import() -> None:
    """The check must be able to fail: each of these points sideways or up."""
    names = {PACKAGE, COMMON, f"{PACKAGE}.journal", f"{PACKAGE}.group", f"{PACKAGE}.transfer"}
    spellings = [
        "from . import journal\n",
        "from .journal import cmd_journal\n",
        "from .. import cli\n",
        "from ..cli import main\n",
        "import peerapp.cli.transfer\n",
        "from peerapp.cli import journal\n",
        "def f() -> None:\n    from .journal import add_parsers\n",
        "from . import main\n",
    ]
    for source in spellings:
        graph = _graph({PACKAGE: "", COMMON: "", f"{PACKAGE}.group": source})
        assert _violations(graph), source
    fine = "from .common import EXIT_OK, open_journal\nfrom ..core import paths\nimport json\n"
    assert _cli_imports(fine, f"{PACKAGE}.group", names) == {COMMON}
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_every_module_is_under_the_size_limit() -> None:
    sizes = {name: len(path.read_text("utf-8").splitlines()) for name, path in _modules().items()}
    assert {name: n for name, n in sizes.items() if n >= MAX_LINES} == {}


# `passwd` needs the key but not the journal (vault.db must stay as it was), so common.unlock_key
# calls the protection layer that core.session wraps; nothing else in the CLI may.
ALLOWED_WAYS_IN = {(COMMON, "core.protection"), (COMMON, "protection.unlock")}


def _opens_the_vault_itself(source: str) -> list[str]:
    """Ways around `core.session` into the vault: the counter, duress and spare would be skipped."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("unlock", "unlock_with_recovery_key", "create"):
                found.append(ast.unparse(node.func))
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
            found += [n for n in names if n.split(".")[-1] == "protection"]
    return found


def test_every_command_opens_the_journal_through_core_session() -> None:
    offenders = {
        name: bad
        for name, text in _sources().items()
        if (bad := [way for way in _opens_the_vault_itself(text) if (name, way) not in ALLOWED_WAYS_IN])
    }
    assert offenders == {}
    assert _opens_the_vault_itself("vault.unlock(secret)\n") == ["vault.unlock"]
    assert _opens_the_vault_itself("from ..core.protection import unlock\n") == ["core.protection"]
    assert _opens_the_vault_itself("Vault(d).create(p)\n") == ["Vault(d).create"]


def test_each_module_imports_first_on_its_own_without_qt() -> None:
    """Imported first in a fresh package state, every module loads (no cycle at runtime) and no Qt."""
    script = (
        "import importlib, sys\n"
        f"names = {sorted(_modules())!r}\n"
        "for name in names:\n"
        "    for loaded in [m for m in sys.modules if m == 'peerapp.cli' or m.startswith('peerapp.cli.')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'peerapp.gui')))\n"
        "print('QT', *qt)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["QT"]
