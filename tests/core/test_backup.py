"""Backups: create, verify, restore (fresh or over a vault), rotation, settings, CLI."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from peerapp.core.backup import (
    AutoBackupSettings,
    auto_backups,
    create_backup,
    get_auto_backup,
    read_backup,
    restore_backup,
    rotate_backups,
    set_auto_backup,
)
from peerapp.core.errors import CorruptBackup, OperationCancelled, RestoreWouldOverwrite
from peerapp.core.journal import Entry, EntryFilter, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.tasks import CancelToken
from peerapp.core.vault import Vault
from support import PASSPHRASE

TZ = timezone(timedelta(hours=2))
SECRET = "zebra-marmalade-secret-phrase"


def _fill(repo: JournalRepository, n: int = 300) -> None:
    repo.add_many(
        Entry(
            at=datetime(2024, 1, 1, tzinfo=TZ) + timedelta(hours=i),
            mood=1 + i % 5,
            title=f"t{i}",
            text=f"{SECRET} {i}",
        )
        for i in range(n)
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_backup_restore_into_empty_dir(vault: Vault, repo: JournalRepository, tmp_path: Path) -> None:
    _fill(repo)
    target = tmp_path / "b.peerbackup"
    seen: list[tuple[int, int]] = []
    create_backup(vault, target, lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    raw = target.read_bytes()
    assert SECRET.encode() not in raw and b"SQLite format 3" not in raw
    assert PASSPHRASE.encode() not in raw
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == ["b.peerbackup"]  # no temp files left

    fresh = tmp_path / "restored"
    restore_backup(target, fresh)
    other = Vault(fresh)
    other.unlock(PASSPHRASE)
    try:
        restored = JournalRepository(other.connect())
        assert restored.count() == 300
        assert [e.to_json() for e in restored.page(EntryFilter(), limit=500)] == [
            e.to_json() for e in repo.page(EntryFilter(), limit=500)
        ]
    finally:
        other.lock()


def test_backup_is_consistent_while_another_connection_writes(
    vault: Vault, repo: JournalRepository, tmp_path: Path
) -> None:
    _fill(repo, 50)
    writer = JournalRepository(vault.connect())
    writes = [0]

    def progress(done: int, total: int) -> None:
        writer.add(Entry(at=datetime(2025, 1, 1, tzinfo=TZ), text="during"))
        writes[0] += 1

    create_backup(vault, tmp_path / "b.peerbackup", progress)
    restore_backup(tmp_path / "b.peerbackup", tmp_path / "r")
    other = Vault(tmp_path / "r")
    other.unlock(PASSPHRASE)
    try:
        count = JournalRepository(other.connect()).count()
        assert 50 <= count <= 50 + writes[0]
    finally:
        other.lock()


def test_cancelled_backup_leaves_nothing(vault: Vault, repo: JournalRepository, tmp_path: Path) -> None:
    _fill(repo, 2000)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(OperationCancelled):
        cancel = CancelToken()
        cancel.cancel()
        create_backup(vault, out / "b.peerbackup", cancel=cancel)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_damaged_backup_is_refused_and_nothing_touched(
    vault: Vault, repo: JournalRepository, data_dir: Path, tmp_path: Path, damage: str
) -> None:
    _fill(repo, 50)
    target = tmp_path / "b.peerbackup"
    create_backup(vault, target)
    raw = bytearray(target.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "flip":
        raw[len(raw) // 2] ^= 0xFF
    elif damage == "garbage":
        raw = bytearray(b"not a backup at all" * 100)
    else:
        raw = bytearray()
    target.write_bytes(bytes(raw))
    vault.lock()
    before = _snapshot(data_dir)
    with pytest.raises(CorruptBackup) as caught:
        restore_backup(target, data_dir, overwrite=True)
    assert "damaged" in caught.value.user_message()
    assert _snapshot(data_dir) == before
    empty = tmp_path / "empty"
    with pytest.raises(CorruptBackup):
        restore_backup(target, empty)
    assert not empty.exists() or list(empty.iterdir()) == []


def test_tampered_manifest_checksum_is_refused(vault: Vault, repo: JournalRepository, tmp_path: Path) -> None:
    _fill(repo, 10)
    good = tmp_path / "b.peerbackup"
    create_backup(vault, good)
    bad = tmp_path / "bad.peerbackup"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "vault.db":
                data = data[:-4096] + bytes(4096)
            dst.writestr(name, data)
    with pytest.raises(CorruptBackup):
        read_backup(bad)


def test_restore_over_existing_needs_overwrite(
    vault: Vault, repo: JournalRepository, data_dir: Path, tmp_path: Path
) -> None:
    _fill(repo, 20)
    target = tmp_path / "b.peerbackup"
    create_backup(vault, target)
    repo.add(Entry(at=datetime(2025, 1, 1, tzinfo=TZ), text="after the backup"))
    vault.lock()
    before = _snapshot(data_dir)
    with pytest.raises(RestoreWouldOverwrite):
        restore_backup(target, data_dir)
    assert _snapshot(data_dir) == before
    restore_backup(target, data_dir, overwrite=True)
    again = Vault(data_dir)
    again.unlock(PASSPHRASE)
    try:
        assert JournalRepository(again.connect()).count() == 20
    finally:
        again.lock()
    assert not any(p.name.endswith(".restore") for p in data_dir.iterdir())


def test_rotation_keeps_last_n(vault: Vault, repo: JournalRepository, tmp_path: Path) -> None:
    _fill(repo, 5)
    folder = tmp_path / "auto"
    start = datetime(2025, 3, 1, 12, 0, 0)
    made = [rotate_backups(vault, folder, keep=3, now=start + timedelta(minutes=i)) for i in range(5)]
    extra = rotate_backups(vault, folder, keep=3, now=start + timedelta(minutes=4))  # same second
    kept = auto_backups(folder)
    assert kept == [made[3], made[4], extra]
    assert extra.name.endswith("-2.peerbackup")


def test_auto_backup_settings_live_in_the_vault(vault: Vault, repo: JournalRepository) -> None:
    assert get_auto_backup(repo.conn) == AutoBackupSettings()
    settings = AutoBackupSettings(enabled=True, folder="/media/usb/private", keep=7)
    set_auto_backup(repo.conn, settings)
    assert get_auto_backup(JournalRepository(vault.connect()).conn) == settings


def test_cli_backup_and_restore(cli: Any, tmp_path: Path, data_dir: Path) -> None:
    assert cli("init", "--passphrase-stdin", stdin=PASSPHRASE).code == 0
    assert cli("journal", "add", "--passphrase-stdin", f"{SECRET} cli", stdin=PASSPHRASE).code == 0
    target = tmp_path / "cli.peerbackup"
    result = cli("backup", "-o", str(target), "--passphrase-stdin", stdin=PASSPHRASE)
    assert result.code == 0, result.stderr
    assert SECRET.encode() not in target.read_bytes()

    fresh = tmp_path / "fresh"
    assert cli("restore", str(target), data=fresh).code == 0
    listed = cli("journal", "list", "--json", "--passphrase-stdin", stdin=PASSPHRASE, data=fresh)
    assert SECRET in listed.stdout

    refused = cli("restore", str(target))  # stdin is not a terminal: needs --yes
    assert refused.code == 1 and "--yes" in refused.stderr
    assert cli("restore", str(target), "--yes").code == 0

    broken = tmp_path / "broken.peerbackup"
    broken.write_bytes(target.read_bytes()[:1000])
    bad = cli("restore", str(broken), "--yes")
    assert bad.code == 1 and len(bad.stderr.strip().splitlines()) == 1 and "damaged" in bad.stderr


def test_restored_vault_created_with_fast_kdf_keeps_its_params(tmp_path: Path) -> None:
    v = Vault(tmp_path / "v", kdf=FAST_KDF)
    v.create(PASSPHRASE)
    create_backup(v, tmp_path / "b.peerbackup")
    v.lock()
    restore_backup(tmp_path / "b.peerbackup", tmp_path / "w")
    w = Vault(tmp_path / "w")
    w.unlock(PASSPHRASE)
    w.lock()
