"""Backups: one file holding the still-encrypted database and its key slots, with checksums."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from . import keyslot
from .db import PAGE_SIZE, PLAINTEXT_HEADER, Connection
from .errors import CorruptBackup, CorruptKeySlot, InvalidInput, OperationCancelled, RestoreWouldOverwrite
from .paths import ensure_private_dir
from .vault import DB_NAME, SLOTS_NAME, Vault

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

BACKUP_FORMAT = "peerapp-backup"
BACKUP_VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".peerbackup"
AUTO_PREFIX = "peerapp-backup-"
AUTO_BACKUP_KEY = "auto_backup"
MAX_MEMBER = 64 * 1024**3
_AUTO_NAME = re.compile(r"^peerapp-backup-(\d{8}-\d{6})(?:-(\d+))?\.peerbackup$")


def _no_progress(done: int, total: int) -> None:
    pass


def _never() -> bool:
    return False


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Stop(Exception):
    """Raised inside SQLite's backup progress callback to abort the copy."""


def _snapshot(vault: Vault, target: Path, progress: Progress, cancelled: Cancelled) -> None:
    """Copy the live database page by page into `target`, keyed with the same master key.

    SQLite's backup API gives a consistent snapshot even while other connections write;
    the pages stay encrypted under the master key, so nothing readable is written.
    """
    source = vault.connect()
    # The copy must be keyed exactly like the source for SQLCipher to accept page copies.
    key = vault._require_key()
    dest = sqlcipher.connect(str(target), isolation_level=None)
    try:
        dest.execute("PRAGMA cipher_log_level = NONE")
        dest.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        dest.execute("PRAGMA cipher_memory_security = ON")

        def step(status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total)
            if cancelled():
                raise _Stop()

        try:
            source.backup(dest, pages=256, progress=step)
        except _Stop as exc:
            raise OperationCancelled() from exc
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
        vault.release(source)


def create_backup(
    vault: Vault, path: Path, progress: Progress = _no_progress, cancelled: Cancelled = _never
) -> Path:
    """Write a backup of an unlocked vault to `path` (replaced only once complete)."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    fd, db_tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".db.part", dir=parent)
    os.close(fd)
    db_tmp = Path(db_tmp_name)
    db_tmp.unlink()  # SQLite creates it (and its journal) itself
    fd, zip_tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    zip_tmp = Path(zip_tmp_name)
    try:
        _snapshot(vault, db_tmp, progress, cancelled)
        db_bytes = db_tmp.read_bytes()
        slots_bytes = vault.slots_path.read_bytes()
        if cancelled():
            raise OperationCancelled()
        manifest = {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "files": {
                DB_NAME: {"size": len(db_bytes), "sha256": _sha256(db_bytes)},
                SLOTS_NAME: {"size": len(slots_bytes), "sha256": _sha256(slots_bytes)},
            },
        }
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            archive.writestr(SLOTS_NAME, slots_bytes)
            archive.writestr(DB_NAME, db_bytes)
            raw.flush()
            os.fsync(raw.fileno())
        if cancelled():
            raise OperationCancelled()
        os.chmod(zip_tmp, 0o600)
        os.replace(zip_tmp, path)
    except BaseException:
        zip_tmp.unlink(missing_ok=True)
        raise
    finally:
        for leftover in (db_tmp, Path(f"{db_tmp}-wal"), Path(f"{db_tmp}-shm"), Path(f"{db_tmp}-journal")):
            leftover.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class BackupContents:
    """A verified backup, read into memory."""

    database: bytes
    slots: bytes


def read_backup(path: Path) -> BackupContents:
    """Open and verify a backup; any damage raises CorruptBackup."""
    try:
        with zipfile.ZipFile(Path(path)) as archive:
            names = set(archive.namelist())
            if not {MANIFEST, DB_NAME, SLOTS_NAME} <= names:
                raise CorruptBackup("members")
            manifest = json.loads(archive.read(MANIFEST))
            if (
                not isinstance(manifest, dict)
                or manifest.get("format") != BACKUP_FORMAT
                or manifest.get("version") != BACKUP_VERSION
                or not isinstance(manifest.get("files"), dict)
            ):
                raise CorruptBackup("manifest")
            blobs: dict[str, bytes] = {}
            for name in (DB_NAME, SLOTS_NAME):
                info = manifest["files"].get(name)
                if not isinstance(info, dict) or not isinstance(info.get("size"), int):
                    raise CorruptBackup("manifest")
                if archive.getinfo(name).file_size != info["size"] or info["size"] > MAX_MEMBER:
                    raise CorruptBackup("size")
                data = archive.read(name)
                if _sha256(data) != info.get("sha256"):
                    raise CorruptBackup("checksum")
                blobs[name] = data
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, KeyError, EOFError) as exc:
        raise CorruptBackup(type(exc).__name__) from exc
    except OSError as exc:
        raise CorruptBackup(exc.strerror or "unreadable") from exc
    database = blobs[DB_NAME]
    if len(database) < PAGE_SIZE or len(database) % PAGE_SIZE or database[:16] == PLAINTEXT_HEADER:
        raise CorruptBackup("database")
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / SLOTS_NAME
        probe.write_bytes(blobs[SLOTS_NAME])
        try:
            keyslot.load_slots(probe)
        except CorruptKeySlot as exc:
            raise CorruptBackup("key slots") from exc
    return BackupContents(database, blobs[SLOTS_NAME])


def restore_backup(path: Path, data_dir: Path, overwrite: bool = False) -> None:
    """Restore a backup into `data_dir`.

    The backup is verified first; an existing journal is replaced only with
    `overwrite=True`. New files are written beside the old ones and renamed over
    them, so a failure leaves the old journal in place. Lock the vault first.
    """
    contents = read_backup(path)
    data_dir = Path(data_dir)
    db_path, slots_path = data_dir / DB_NAME, data_dir / SLOTS_NAME
    if (db_path.exists() or slots_path.exists()) and not overwrite:
        raise RestoreWouldOverwrite(str(data_dir))
    ensure_private_dir(data_dir)
    staged: list[tuple[Path, Path]] = []
    try:
        for data, final in ((contents.database, db_path), (contents.slots, slots_path)):
            tmp = final.with_name(final.name + ".restore")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            staged.append((tmp, final))
    except BaseException:
        for tmp, _final in staged:
            tmp.unlink(missing_ok=True)
        raise
    # A write-ahead log left by the old database would not belong to the new one.
    for stale in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        stale.unlink(missing_ok=True)
    for tmp, final in staged:
        os.replace(tmp, final)
    dir_fd = os.open(data_dir, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


# -- automatic rotating backups ----------------------------------------------------------------


@dataclass(frozen=True)
class AutoBackupSettings:
    """Where and how many automatic backups to keep; stored inside the vault (the path is revealing)."""

    enabled: bool = False
    folder: str = ""
    keep: int = 5


def get_auto_backup(conn: Connection) -> AutoBackupSettings:
    row = conn.execute("SELECT value FROM kv WHERE key = ?", (AUTO_BACKUP_KEY,)).fetchone()
    if row is None:
        return AutoBackupSettings()
    try:
        data = json.loads(row[0])
        return AutoBackupSettings(bool(data["enabled"]), str(data["folder"]), max(1, int(data["keep"])))
    except (ValueError, KeyError, TypeError):
        return AutoBackupSettings()


def set_auto_backup(conn: Connection, settings: AutoBackupSettings) -> None:
    if settings.keep < 1:
        raise InvalidInput("keep")
    value = json.dumps({"enabled": settings.enabled, "folder": settings.folder, "keep": settings.keep})
    conn.execute(
        "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (AUTO_BACKUP_KEY, value),
    )


def auto_backups(folder: Path) -> list[Path]:
    """Automatic backups in `folder`, oldest first (their names sort by time)."""
    if not Path(folder).is_dir():
        return []
    found: list[tuple[str, int, Path]] = []
    for p in Path(folder).iterdir():
        match = _AUTO_NAME.match(p.name)
        if match:
            found.append((match.group(1), int(match.group(2) or 1), p))
    return [p for _stamp, _n, p in sorted(found)]


def rotate_backups(
    vault: Vault,
    folder: Path,
    keep: int,
    progress: Progress = _no_progress,
    cancelled: Cancelled = _never,
    now: datetime | None = None,
) -> Path:
    """Write a new timestamped backup into `folder`, then delete the oldest beyond `keep`."""
    if keep < 1:
        raise InvalidInput("keep")
    folder = ensure_private_dir(Path(folder))
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{AUTO_PREFIX}{stamp}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{AUTO_PREFIX}{stamp}-{n}{SUFFIX}"
    create_backup(vault, target, progress, cancelled)
    existing = auto_backups(folder)
    for old in existing[: max(0, len(existing) - keep)]:
        old.unlink(missing_ok=True)
    return target
