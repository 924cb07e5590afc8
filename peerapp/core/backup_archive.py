"""Reading a backup file: structure, caps and checksums, streaming (a backup is never read whole)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from . import keyslot
from .db import PAGE_SIZE, PLAINTEXT_HEADER
from .errors import CorruptBackup, CorruptKeySlot, OperationCancelled
from .tasks import CancelToken, token
from .vault import DB_NAME, SLOTS_NAME

BACKUP_FORMAT = "peerapp-backup"
BACKUP_VERSION = 1
MANIFEST = "manifest.json"
MAX_MEMBER = 64 * 1024**3
MAX_SMALL = 64 * 1024  # the manifest and the key file are a few KiB
CHUNK = 1 << 20
_T = TypeVar("_T")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class BackupInfo:
    """A verified backup: its key file (small) and the database's size; the database stays on disk."""

    slots: bytes
    database_size: int
    database_sha256: str


def _check_archive(archive: zipfile.ZipFile, file_size: int) -> dict[str, Any]:
    """Structure, sizes and manifest; nothing big is read into memory."""
    infos = archive.infolist()
    if len(infos) != 3 or {i.filename for i in infos} != {MANIFEST, DB_NAME, SLOTS_NAME}:
        raise CorruptBackup("members")
    # Stored, never compressed: a member cannot unpack to more than the file holds (no zip bombs).
    if any(i.compress_type != zipfile.ZIP_STORED or i.file_size != i.compress_size for i in infos):
        raise CorruptBackup("compressed")
    if sum(i.file_size for i in infos) > file_size:
        raise CorruptBackup("size")
    if archive.getinfo(MANIFEST).file_size > MAX_SMALL or archive.getinfo(SLOTS_NAME).file_size > MAX_SMALL:
        raise CorruptBackup("size")
    manifest = json.loads(archive.read(MANIFEST))
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != BACKUP_FORMAT
        or manifest.get("version") != BACKUP_VERSION
        or not isinstance(manifest.get("files"), dict)
    ):
        raise CorruptBackup("manifest")
    for name in (DB_NAME, SLOTS_NAME):
        info = manifest["files"].get(name)
        if (
            not isinstance(info, dict)
            or type(info.get("size")) is not int
            or not isinstance(info.get("sha256"), str)
            or archive.getinfo(name).file_size != info["size"]
        ):
            raise CorruptBackup("manifest")
    db_size = archive.getinfo(DB_NAME).file_size
    if db_size < PAGE_SIZE or db_size % PAGE_SIZE or db_size > MAX_MEMBER:
        raise CorruptBackup("database")
    return manifest


def copy_member(
    archive: zipfile.ZipFile, name: str, out: IO[bytes] | None, cancel: CancelToken
) -> tuple[str, bytes]:
    """Stream one member (into `out` if given); return its sha256 and its first bytes."""
    digest = hashlib.sha256()
    head = b""
    with archive.open(name) as member:
        while chunk := member.read(CHUNK):
            if not head:
                head = chunk[:16]
            digest.update(chunk)
            if out is not None:
                out.write(chunk)
            cancel.raise_if_cancelled()
    return digest.hexdigest(), head


def open_backup(path: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    path = Path(path)
    try:
        if not path.is_file():
            raise CorruptBackup("not a file")
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OverflowError) as exc:
        raise CorruptBackup(type(exc).__name__) from exc
    except OSError as exc:
        raise CorruptBackup(exc.strerror or "unreadable") from exc
    try:
        return archive, _check_archive(archive, path.stat().st_size)
    except CorruptBackup:
        archive.close()
        raise
    except (zipfile.BadZipFile, ValueError, KeyError, EOFError, OverflowError, RecursionError) as exc:
        archive.close()
        raise CorruptBackup(type(exc).__name__) from exc


def guarded(fn: Callable[[], _T]) -> _T:
    try:
        return fn()
    except (CorruptBackup, OperationCancelled):
        raise
    except (zipfile.BadZipFile, ValueError, KeyError, EOFError, OverflowError) as exc:
        raise CorruptBackup(type(exc).__name__) from exc
    except OSError as exc:
        raise CorruptBackup(exc.strerror or "unreadable") from exc


def verified_slots(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> bytes:
    """The backup's key file, checked against the manifest and parsed (CorruptBackup otherwise)."""
    slots = archive.read(SLOTS_NAME)
    if sha256(slots) != manifest["files"][SLOTS_NAME]["sha256"]:
        raise CorruptBackup("checksum")
    try:
        keyslot.parse_key_file_bytes(slots)
    except CorruptKeySlot as exc:
        raise CorruptBackup("key slots") from exc
    return slots


def read_backup(path: Path, cancel: CancelToken | None = None) -> BackupInfo:
    """Open and verify a backup, streaming; any damage raises CorruptBackup. Memory stays small."""
    cancel = token(cancel)
    archive, manifest = open_backup(path)
    with archive:

        def verify() -> BackupInfo:
            slots = verified_slots(archive, manifest)
            db_sha, head = copy_member(archive, DB_NAME, None, cancel)
            if db_sha != manifest["files"][DB_NAME]["sha256"]:
                raise CorruptBackup("checksum")
            if head == PLAINTEXT_HEADER:
                raise CorruptBackup("database")
            return BackupInfo(slots, archive.getinfo(DB_NAME).file_size, db_sha)

        return guarded(verify)
