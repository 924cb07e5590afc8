"""Crash-safe files: one streaming writer (unique temp file, fsync, rename) and a lock per vault folder.

Every temporary file that may hold journal text is recorded inside the vault before it is created
(`inflight_file` table), so a process killed halfway leaves a record: the next unlock, and the panic
wipe, remove what it left. The record is the only list of such files; nothing is written outside
the vault to remember them.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

try:  # POSIX; on other systems the lock is a no-op (the app is packaged for Linux)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from .db import Connection

TEMP_SUFFIX = ".part"


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in `folder` durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_path(target: Path) -> Path:
    """A fresh hidden name beside `target`: `.NAME.<random>.part` (unique per writer, so writers never collide)."""
    parent = target.parent if str(target.parent) else Path(".")
    return parent / f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"


def is_our_temp(path: Path) -> bool:
    """Only names this module makes may be deleted by a sweep: never a user's own file."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


# -- the in-vault record of files in flight ----------------------------------------------------


def record(conn: Connection | None, path: Path, kind: str) -> None:
    """Note `path` in the vault before it is created (committed at once: the connection autocommits)."""
    if conn is None:
        return
    conn.execute(
        "INSERT OR REPLACE INTO inflight_file (path, kind, started_at) VALUES (?, ?, ?)",
        (str(Path(path).absolute()), kind, datetime.now(UTC).isoformat(timespec="seconds")),
    )


def forget(conn: Connection | None, path: Path) -> None:
    if conn is None:
        return
    conn.execute("DELETE FROM inflight_file WHERE path = ?", (str(Path(path).absolute()),))


def in_flight(conn: Connection) -> list[Path]:
    """Temporary files recorded and not yet finished (after a crash: leftovers)."""
    return [Path(row[0]) for row in conn.execute("SELECT path FROM inflight_file ORDER BY started_at")]


def remove_leftover(path: Path) -> bool:
    """Delete one recorded leftover (file or folder); plaintext files are overwritten first. True if gone."""
    if not is_our_temp(path):
        return True  # never ours to delete; drop the record
    try:
        if path.is_dir() and not path.is_symlink():
            for child in path.rglob("*"):
                if child.is_file() and not child.is_symlink():
                    _overwrite(child)
            shutil.rmtree(path)
        else:
            # A database snapshot may have SQLite's journal files beside it.
            for item in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
                if item.is_file() and not item.is_symlink():
                    _overwrite(item)
                item.unlink(missing_ok=True)
    except OSError:
        return False
    fsync_dir(path.parent)
    return True


# Overwrite passes before unlinking. On a hard disk one pass of random bytes is enough; on flash and
# copy-on-write filesystems no number of passes reaches blocks the device already moved (SECURITY.md).
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


def _overwrite(path: Path) -> None:
    # A leftover is removed even when it cannot be overwritten (a read-only file, a full disk).
    with contextlib.suppress(OSError):
        overwrite(path)


def sweep_folder(folder: Path) -> list[Path]:
    """Remove temp files a killed writer left in the vault folder itself (key file, spare database).

    They are encrypted or hold key slots, so they need no record; the restore staging folder is
    not touched here (recover_staged decides about it).
    """
    return [
        p for p in Path(folder).glob(f".*{TEMP_SUFFIX}") if p.name != STAGING_DIR and not remove_leftover(p)
    ]


def sweep(conn: Connection) -> list[Path]:
    """Remove every leftover the vault recorded; return those that could not be removed (kept recorded)."""
    failed: list[Path] = []
    for path in in_flight(conn):
        if remove_leftover(path):
            forget(conn, path)
        else:
            failed.append(path)
    return failed


# -- one writer ----------------------------------------------------------------------------------


@contextlib.contextmanager
def writing(
    target: Path, *, conn: Connection | None = None, kind: str = "file", text: bool = False
) -> Iterator[IO[bytes]]:
    """Stream into a unique temp file beside `target`; on success fsync and rename over it, else remove it.

    With `conn`, the temp file is recorded in the vault first and forgotten once renamed or removed.
    For text, wrap the yielded binary handle (io.TextIOWrapper) and flush it before leaving.
    """
    target = Path(target)
    tmp = temp_path(target)
    record(conn, tmp, kind)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(tmp.parent)
    finally:
        forget(conn, tmp)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so a crash leaves either the old or the new file, never half."""
    with writing(path) as fh:
        fh.write(data)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on the vault folder itself (no extra file): serialises key-file and counter writers."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


# -- replacing several files as one (restore) ------------------------------------------------------

STAGING_DIR = ".restore.part"
_COMMIT = "commit.json"


def staging_dir(folder: Path) -> Path:
    return Path(folder) / STAGING_DIR


def stage_new(folder: Path) -> Path:
    """A fresh, empty staging folder inside `folder` (an older unfinished one is rolled back first)."""
    recover_staged(folder)
    staging = staging_dir(folder)
    staging.mkdir(mode=0o700)
    return staging


def commit_staged(folder: Path, move: list[str], remove: list[str]) -> None:
    """Replace files of `folder` with the staged ones, all or nothing across a crash.

    The commit record is written (and fsynced) once every staged file is complete; from then on a
    crash is rolled forward by `recover_staged`, before that rolled back. Each step is idempotent.
    """
    staging = staging_dir(folder)
    for name in move:
        with (staging / name).open("rb") as fh:
            os.fsync(fh.fileno())
    fsync_dir(staging)
    atomic_write(staging / _COMMIT, json.dumps({"move": move, "remove": remove}).encode())
    _roll_forward(folder, staging)


def _roll_forward(folder: Path, staging: Path) -> None:
    plan = json.loads((staging / _COMMIT).read_bytes())
    for name in plan["remove"]:
        (folder / name).unlink(missing_ok=True)
    for name in plan["move"]:
        if (staging / name).exists():
            os.replace(staging / name, folder / name)
    fsync_dir(folder)
    shutil.rmtree(staging)
    fsync_dir(folder)


def recover_staged(folder: Path) -> None:
    """Finish or undo a replacement a crash interrupted; cheap when there is none (one stat)."""
    staging = staging_dir(folder)
    if not staging.is_dir():
        return
    commit = staging / _COMMIT
    try:
        plan = json.loads(commit.read_bytes()) if commit.is_file() else None
        valid = isinstance(plan, dict) and isinstance(plan.get("move"), list)
    except (OSError, ValueError):
        valid = False
    if valid:
        _roll_forward(folder, staging)
    else:
        shutil.rmtree(staging, ignore_errors=True)
        fsync_dir(folder)
