"""Shared fixtures: a fresh data dir and settings dir per test, real vaults, the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from peerapp.core.journal import JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from support import PASSPHRASE, ROOT, CliResult


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data, config and cache folders at this test's temporary folder."""
    data = tmp_path / "data"
    config = tmp_path / "config"
    monkeypatch.setenv("PEERAPP_DATA_DIR", str(data))
    monkeypatch.setenv("PEERAPP_CONFIG_DIR", str(config))
    monkeypatch.setenv("PEERAPP_CACHE_DIR", str(tmp_path / "cache"))
    return data


@pytest.fixture
def data_dir(isolated_dirs: Path) -> Path:
    return isolated_dirs


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    """An unlocked vault created with a cheap KDF (its slot stores the parameters)."""
    v = Vault(data_dir, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    yield v
    v.lock()


@pytest.fixture
def repo(vault: Vault) -> JournalRepository:
    return JournalRepository(vault.connect())


@pytest.fixture
def cli(data_dir: Path) -> object:
    """Run the real `python -m peerapp` in a subprocess against this test's data dir."""

    def run(*args: str, stdin: str = "", data: Path | None = None) -> CliResult:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        proc = subprocess.run(
            [sys.executable, "-m", "peerapp", "--data-dir", str(data or data_dir), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run
