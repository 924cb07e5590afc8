"""Panic wipe, file level: destroy the key file first (so the data is unreadable at once), then the rest."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .crashsafe import fsync_dir

# Overwrite passes on the key file. On a hard disk one pass of random bytes is enough; on flash and
# copy-on-write filesystems no number of passes reaches blocks the device already moved (see docs/ARCHITECTURE.md).
_PASSES = 1


def overwrite(path: Path) -> bool:
    """Overwrite a file in place with random bytes of its own length and fsync; False if it was not there."""
    try:
        fd = os.open(path, os.O_WRONLY)
    except FileNotFoundError:
        return False
    try:
        size = os.fstat(fd).st_size
        for _ in range(_PASSES):
            os.lseek(fd, 0, os.SEEK_SET)
            left = size
            while left > 0:
                chunk = min(left, 1 << 20)
                os.write(fd, os.urandom(chunk))
                left -= chunk
            os.fsync(fd)
    finally:
        os.close(fd)
    return True


def destroy_key_file(path: Path) -> None:
    """Overwrite every slot with random bytes, fsync, then unlink: from here on no secret opens the journal."""
    # A half-finished atomic write of the key file would hold a full copy of the slots: its unique
    # temp names (crashsafe.temp_path) and the fixed name older versions used.
    half_written = [*path.parent.glob(f".{path.name}.*.part"), path.with_name(path.name + ".tmp")]
    for stale in (path, *half_written):
        overwrite(stale)
        stale.unlink(missing_ok=True)
    fsync_dir(path.parent)


def delete_files(paths: Iterable[Path]) -> list[Path]:
    """Unlink each file that exists (encrypted pages need no overwrite once the key is gone); return those that failed."""
    failed: list[Path] = []
    folders: set[Path] = set()
    for path in paths:
        try:
            path.unlink(missing_ok=True)
            folders.add(path.parent)
        except OSError:
            failed.append(path)
    for folder in folders:
        fsync_dir(folder)
    return failed


def sqlite_family(path: Path) -> list[Path]:
    """A database file and the journal files SQLite may keep beside it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]
