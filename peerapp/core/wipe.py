"""Panic wipe, file level: destroy the key file first (so the data is unreadable at once), then the rest."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .crashsafe import fsync_dir
from .crashsafe import overwrite as overwrite  # the one overwrite; the panic wipe uses it first


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
