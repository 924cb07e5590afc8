"""Backups stream: the snapshot is never held in memory, a cancel or an error leaves nothing behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

from peerapp.core import crashsafe
from peerapp.core.backup import create_backup, read_backup, restore_backup
from peerapp.core.errors import OperationCancelled
from peerapp.core.journal import JournalRepository
from peerapp.core.tasks import CancelToken
from peerapp.core.vault import DB_NAME, SLOTS_NAME, Vault
from support import PASSPHRASE, ROOT

MIB = 1024 * 1024


def _pad(vault: Vault, mib: int) -> int:
    """Make the journal's database about `mib` MiB bigger (one large kv value); its new size."""
    conn = vault.connect()
    try:
        conn.execute(
            "INSERT INTO kv (key, value) VALUES ('test padding', ?)", (os.urandom(mib * MIB // 2).hex(),)
        )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        vault.release(conn)
    return (vault.directory / DB_NAME).stat().st_size


def test_backup_read_and_restore_keep_python_memory_flat(vault: Vault, tmp_path: Path) -> None:
    """Measured with tracemalloc: each step's Python peak stays far below the database's size."""
    size = _pad(vault, 24)
    target = tmp_path / "b.peerbackup"
    peaks: dict[str, int] = {}
    tracemalloc.start()
    try:
        create_backup(vault, target)
        peaks["backup"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        assert read_backup(target).database_size >= size
        peaks["read"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        restore_backup(target, tmp_path / "restored")
        peaks["restore"] = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 24 * MIB
    assert all(peak < size / 6 for peak in peaks.values()), (size, peaks)


_RSS_SCRIPT = """
import json, resource, sys
from pathlib import Path
from peerapp.core.backup import create_backup
from peerapp.core.vault import Vault

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024

vault = Vault(Path(sys.argv[1]))
vault.unlock(sys.argv[2])
vault.release(vault.connect())
# ru_maxrss can start at the parent's size (the child is spawned from its memory): the peak is
# reset to the current size instead (Linux: writing 5 to clear_refs), then read as VmHWM.
Path("/proc/self/clear_refs").write_text("5")
before = status("VmRSS")
create_backup(vault, Path(sys.argv[3]))
print(json.dumps({"before": before, "peak": status("VmHWM"), "ru_maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def test_backup_peak_rss_of_a_fresh_process_stays_below_the_database(vault: Vault, tmp_path: Path) -> None:
    """The whole process (SQLite's caches included), not just Python: its peak grows far less than the file."""
    size = _pad(vault, 96)  # the growth is about 16 MiB at any size (SQLite's and SQLCipher's buffers)
    vault.lock()
    target = tmp_path / "b.peerbackup"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT, str(vault.directory), PASSPHRASE, str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rss = json.loads(proc.stdout)
    assert read_backup(target).database_size >= size > 96 * MIB
    assert rss["peak"] - rss["before"] < size / 3, (size, rss)


def test_a_backup_leaves_only_itself(vault: Vault, repo: JournalRepository, tmp_path: Path) -> None:
    """The snapshot beside the target is gone and so is its in-vault record; the archive is complete."""
    _pad(vault, 2)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "b.peerbackup"
    create_backup(vault, target)
    assert [p.name for p in out.iterdir()] == ["b.peerbackup"]
    assert crashsafe.in_flight(repo.conn) == []
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == sorted(["manifest.json", DB_NAME, SLOTS_NAME])
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())


class _CancelMidArchive(CancelToken):
    """A real token that counts as cancelled once the archive being written in `folder` passes `after`
    bytes: it looks at the file itself, so it fires while the snapshot streams into the archive."""

    def __init__(self, folder: Path, after: int) -> None:
        super().__init__()
        self.folder = folder
        self.after = after
        self.fired_at = 0  # the archive's size when the cancel was first seen

    def cancelled(self) -> bool:
        if not self.fired_at:
            # crashsafe's temp names: .b.peerbackup.<random>.part (the snapshot's has .db. in it)
            for part in self.folder.glob(".b.peerbackup.*.part"):
                if ".db." not in part.name and part.stat().st_size > self.after:
                    self.fired_at = part.stat().st_size
        return self.fired_at > 0


def test_a_cancel_while_the_snapshot_goes_into_the_archive_leaves_nothing(
    vault: Vault, repo: JournalRepository, tmp_path: Path
) -> None:
    size = _pad(vault, 8)
    out = tmp_path / "out"
    out.mkdir()
    token = _CancelMidArchive(out, 2 * MIB)
    try:
        create_backup(vault, out / "b.peerbackup", cancel=token)
    except OperationCancelled:
        pass
    else:
        raise AssertionError("the cancel was not seen")
    assert 2 * MIB < token.fired_at < size  # seen half-way through the database, not after it
    assert list(out.iterdir()) == []
    assert crashsafe.in_flight(repo.conn) == []


def test_a_backup_with_its_manifest_first_still_restores(
    vault: Vault, repo: JournalRepository, tmp_path: Path
) -> None:
    """Backups used to be written manifest first; now the manifest follows the database it describes."""
    _pad(vault, 1)
    made = tmp_path / "new.peerbackup"
    create_backup(vault, made)
    old = tmp_path / "old.peerbackup"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(old, "w", zipfile.ZIP_STORED) as dst:
        for name in ("manifest.json", SLOTS_NAME, DB_NAME):
            dst.writestr(name, src.read(name))
    vault.lock()
    restore_backup(old, tmp_path / "restored")
    restored = Vault(tmp_path / "restored")
    restored.unlock(PASSPHRASE)
    conn = restored.connect()
    try:
        assert conn.execute("SELECT length(value) FROM kv WHERE key = 'test padding'").fetchone()[0] == MIB
    finally:
        restored.release(conn)
        restored.lock()
