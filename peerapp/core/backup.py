"""Backups: one file holding the still-encrypted database and its key slots, with checksums."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from . import crashsafe, db, integrity, keyslot, kv
from .backup_archive import (
    BACKUP_FORMAT,
    BACKUP_VERSION,
    CHUNK,
    MANIFEST,
    BackupInfo,
    copy_member,
    guarded,
    open_backup,
    sha256,
    verified_slots,
)
from .backup_archive import read_backup as read_backup
from .db import PLAINTEXT_HEADER, Connection
from .errors import (
    BackupKeyMismatch,
    CorruptBackup,
    CorruptVault,
    InvalidInput,
    OperationCancelled,
    PeerappError,
    RestoreWouldOverwrite,
    WrongPassphrase,
    WrongRecoveryKey,
)
from .paths import ensure_private_dir
from .tasks import CancelToken, Progress, no_progress, token
from .vault import DB_NAME, SLOTS_NAME, Vault

__all__ = ["BackupInfo", "read_backup"]  # also read from here by the CLI, the GUI and tests

SUFFIX = ".peerbackup"
AUTO_PREFIX = "peerapp-backup-"
AUTO_BACKUP_KEY = "auto_backup"
GOOD_BACKUPS_KEY = "good_backups"
KEEP_GOOD_RECORDS = 20
_AUTO_NAME = re.compile(r"^peerapp-backup-(\d{8}-\d{6})(?:-(\d+))?\.peerbackup$")


class _Stop(Exception):
    """Raised inside SQLite's backup progress callback to abort the copy."""


def _snapshot(vault: Vault, target: Path, progress: Progress, cancel: CancelToken) -> None:
    """Copy the live database page by page into `target`, keyed with the same master key.

    SQLite's backup API gives a consistent snapshot even while other connections write;
    the pages stay encrypted under the master key, so nothing readable is written.
    """
    source = vault.connect()
    # The copy must be keyed exactly like the source for SQLCipher to accept page copies.
    key = vault.current_key()
    dest = sqlcipher.connect(str(target), isolation_level=None)
    try:
        dest.execute("PRAGMA cipher_log_level = NONE")
        dest.execute(f"PRAGMA key = \"x'{key.hex()}'\"")

        def step(status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total)
            if cancel.cancelled():
                raise _Stop()

        try:
            source.backup(dest, pages=256, progress=step)
        except _Stop as exc:
            raise OperationCancelled() from exc
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
        vault.release(source)


def _store_snapshot(archive: zipfile.ZipFile, snapshot: Path, cancel: CancelToken) -> tuple[int, str]:
    """Stream the snapshot into the archive a chunk at a time, hashing it on the way (one read).

    Returns its size and SHA-256 for the manifest, which is written after it for that reason.
    """
    digest = hashlib.sha256()
    info = zipfile.ZipInfo(DB_NAME, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_STORED
    with snapshot.open("rb") as source:
        info.file_size = os.fstat(source.fileno()).st_size  # tells zipfile up front whether ZIP64 is needed
        with archive.open(info, "w") as member:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                member.write(chunk)
                cancel.raise_if_cancelled()
    return info.file_size, digest.hexdigest()


def _remove_snapshot(conn: Connection, snapshot: Path) -> None:
    """Delete the snapshot (and a journal SQLite may have left beside it), then its in-vault record.

    It is ciphertext under the vault's key, so it is deleted like the vault's own databases: the
    overwrite crashsafe gives a leftover that may be plaintext would only rewrite the whole journal's
    size of random bytes. A file that cannot be deleted keeps its record for the next unlock's sweep.
    """
    for item in (snapshot, snapshot.with_name(snapshot.name + "-journal")):
        with contextlib.suppress(OSError):
            item.unlink(missing_ok=True)
    crashsafe.fsync_dir(snapshot.parent)
    if not snapshot.exists():
        crashsafe.forget(conn, snapshot)


def create_backup(
    vault: Vault, path: Path, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> Path:
    """Write a backup of an unlocked vault to `path` (replaced only once complete).

    The database is checked page by page first: a damaged journal is never backed up (VaultDamaged),
    so a backup with a valid checksum is a good one. Everything streams through temporary files
    recorded in the vault, so a kill leaves nothing the next unlock does not remove, and memory
    stays flat: the snapshot goes from SQLite's backup API to a file, then a chunk at a time into
    the archive.
    """
    path = Path(path)
    cancel = token(cancel)
    integrity.require_intact(vault, cancel)
    conn = vault.connect()
    db_tmp = crashsafe.temp_path(path.with_name(path.name + ".db"))
    try:
        crashsafe.record(conn, db_tmp, "backup")
        _snapshot(vault, db_tmp, progress, cancel)
        with crashsafe.folder_lock(vault.directory):
            slots_bytes = vault.slots_path.read_bytes()
        with crashsafe.writing(path, conn=conn, kind="backup") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
                archive.writestr(SLOTS_NAME, slots_bytes)
                db_size, db_sha = _store_snapshot(archive, db_tmp, cancel)
                manifest = {
                    "format": BACKUP_FORMAT,
                    "version": BACKUP_VERSION,
                    "files": {
                        DB_NAME: {"size": db_size, "sha256": db_sha},
                        SLOTS_NAME: {"size": len(slots_bytes), "sha256": sha256(slots_bytes)},
                    },
                }
                archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            cancel.raise_if_cancelled()
        _remember_good(conn, path, db_sha)
    finally:
        _remove_snapshot(conn, db_tmp)
        vault.release(conn)
    return path


def restore_backup(
    path: Path, data_dir: Path, overwrite: bool = False, cancel: CancelToken | None = None
) -> None:
    """Restore a backup into `data_dir`, all or nothing.

    The backup is verified while it is copied into a staging folder inside `data_dir`; only once
    both files are complete and checked does a commit record let them replace the journal's. A kill
    before that leaves the old journal; after it, the next start finishes the job (crashsafe).
    An existing journal is replaced only with `overwrite=True`. Lock the vault first.
    """
    data_dir = Path(data_dir)
    cancel = token(cancel)
    db_path, slots_path = data_dir / DB_NAME, data_dir / SLOTS_NAME
    archive, manifest = open_backup(path)
    with archive:
        if (db_path.exists() or slots_path.exists()) and not overwrite:
            raise RestoreWouldOverwrite(str(data_dir))
        ensure_private_dir(data_dir)
        staging = crashsafe.stage_new(data_dir)
        try:

            def stage() -> None:
                slots = verified_slots(archive, manifest)
                fd = os.open(staging / SLOTS_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(slots)
                fd = os.open(staging / DB_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    db_sha, head = copy_member(archive, DB_NAME, out, cancel)
                if db_sha != manifest["files"][DB_NAME]["sha256"] or head == PLAINTEXT_HEADER:
                    raise CorruptBackup("checksum")

            guarded(stage)
        except BaseException:
            crashsafe.recover_staged(data_dir)  # no commit record yet: this removes the staging folder
            raise
    # A write-ahead log left by the old database would not belong to the new one.
    crashsafe.commit_staged(data_dir, move=[DB_NAME, SLOTS_NAME], remove=[f"{DB_NAME}-wal", f"{DB_NAME}-shm"])


def restore_key_file(backup_path: Path, vault: Vault, secret: str, *, recovery: bool = False) -> None:
    """Repair a damaged key file with the one inside a backup of the same journal.

    `secret` is the passphrase (or recovery key) that was valid when the backup was made. The key it
    opens must open this folder's vault.db, else BackupKeyMismatch; nothing is written before that.
    """
    archive, manifest = open_backup(backup_path)
    with archive:
        slots_bytes = guarded(lambda: verified_slots(archive, manifest))
    key_file = keyslot.parse_key_file_bytes(slots_bytes)
    if recovery:
        from .vault import parse_recovery_key

        opened = keyslot.open_any(
            key_file.slots, parse_recovery_key(secret), {keyslot.RECOVERY_SLOT: (keyslot.RECOVERY,)}
        )
    else:
        opened = keyslot.open_any(
            key_file.slots, secret.encode(), {keyslot.PASSPHRASE_SLOT: (keyslot.PASSPHRASE,)}
        )
    if opened is None:
        raise WrongRecoveryKey() if recovery else WrongPassphrase()
    try:
        db.connect(vault.directory / DB_NAME, opened.key).close()
    except CorruptVault as exc:
        raise BackupKeyMismatch() from exc
    with crashsafe.folder_lock(vault.directory):
        crashsafe.atomic_write(vault.slots_path, keyslot.dump_slots(key_file.slots))


# -- which backups are known to be good ---------------------------------------------------------


def _remember_good(conn: Connection, path: Path, db_sha: str) -> None:
    """Note a backup made after a passed integrity check (the newest few, inside the vault)."""
    good = [g for g in known_good(conn) if g["path"] != str(path.absolute())]
    good.append(
        {"path": str(path.absolute()), "sha256": db_sha, "at": datetime.now().isoformat(timespec="seconds")}
    )
    kv.put(conn, GOOD_BACKUPS_KEY, json.dumps(good[-KEEP_GOOD_RECORDS:]))


def known_good(conn: Connection) -> list[dict[str, str]]:
    """Backups known to be good, oldest first (entries whose files are gone included)."""
    value = kv.get(conn, GOOD_BACKUPS_KEY)
    try:
        items = json.loads(value) if value else []
    except ValueError:
        return []
    return (
        [i for i in items if isinstance(i, dict) and isinstance(i.get("path"), str)]
        if isinstance(items, list)
        else []
    )


def newest_good_backup(vault: Vault) -> Path | None:
    """The newest backup known to be good that still exists, for the damaged-journal offer."""
    try:
        conn = vault.connect()
    except (PeerappError, db.DatabaseError):
        return None
    try:
        for item in reversed(known_good(conn)):
            if Path(item["path"]).is_file():
                return Path(item["path"])
    except db.DatabaseError:
        return None
    finally:
        vault.release(conn)
    return None


# -- automatic rotating backups ----------------------------------------------------------------


@dataclass(frozen=True)
class AutoBackupSettings:
    """Where and how many automatic backups to keep; stored inside the vault (the path is revealing)."""

    enabled: bool = False
    folder: str = ""
    keep: int = 5


def get_auto_backup(conn: Connection) -> AutoBackupSettings:
    value = kv.get(conn, AUTO_BACKUP_KEY)
    if value is None:
        return AutoBackupSettings()
    try:
        data = json.loads(value)
        return AutoBackupSettings(bool(data["enabled"]), str(data["folder"]), max(1, int(data["keep"])))
    except (ValueError, KeyError, TypeError):
        return AutoBackupSettings()


def set_auto_backup(conn: Connection, settings: AutoBackupSettings) -> None:
    if settings.keep < 1:
        raise InvalidInput("keep")
    value = json.dumps({"enabled": settings.enabled, "folder": settings.folder, "keep": settings.keep})
    kv.put(conn, AUTO_BACKUP_KEY, value)


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


AUTO_EVERY_SECONDS = 24 * 3600


def due_automatic_backup(vault: Vault, now: datetime) -> AutoBackupSettings | None:
    """The automatic backup settings when one is due (on, a folder chosen, none in the last day)."""
    conn = vault.connect()
    try:
        wanted = get_auto_backup(conn)
    finally:
        vault.release(conn)
    if not wanted.enabled or not wanted.folder:
        return None
    newest = max((p.stat().st_mtime for p in auto_backups(Path(wanted.folder))), default=0.0)
    return wanted if now.timestamp() - newest >= AUTO_EVERY_SECONDS else None


def automatic_backup(
    vault: Vault, now: datetime, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> Path | None:
    """Make the day's rotating backup if one is due (run it off the GUI thread); None when not due."""
    wanted = due_automatic_backup(vault, now)
    if wanted is None:
        return None
    return rotate_backups(vault, Path(wanted.folder), wanted.keep, progress, cancel, now)


def rotate_backups(
    vault: Vault,
    folder: Path,
    keep: int,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
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
    create_backup(vault, target, progress, cancel)
    existing = auto_backups(folder)
    doomed = existing[: max(0, len(existing) - keep)]
    conn = vault.connect()
    try:
        good = {Path(g["path"]) for g in known_good(conn)}
    finally:
        vault.release(conn)
    kept = [p for p in existing if p not in doomed]
    if not any(p.absolute() in good for p in kept):
        # Never delete the last backup known to be good.
        last_good = [p for p in doomed if p.absolute() in good]
        if last_good:
            doomed.remove(last_good[-1])
    for old in doomed:
        old.unlink(missing_ok=True)
    return target
