"""Damage in vault.db: every page's authentication code checked, and a damaged journal kept from writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from . import db, kv
from .errors import CorruptVault, VaultDamaged
from .tasks import CancelToken, token
from .vault import Vault


def damaged_pages(vault: Vault, cancel: CancelToken | None = None) -> int:
    """How many problems SQLCipher finds reading every page (0: intact).

    `PRAGMA cipher_integrity_check` verifies each page's HMAC, which any changed bit breaks, so
    damage anywhere in the file is found, not only in the pages a command happens to read.
    SQLCipher checks every page inside one step that never calls SQLite's progress handler, so it
    cannot be interrupted (about 0.5 s at 85 MB); a cancel is honoured before it and its result
    discarded after it.
    """
    cancel = token(cancel)
    cancel.raise_if_cancelled()
    try:
        conn = vault.connect()
    except CorruptVault:
        return 1
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except db.DatabaseError:
        return 1
    finally:
        vault.release(conn)
    cancel.raise_if_cancelled()
    return len(rows)


def check(vault: Vault, cancel: CancelToken | None = None) -> bool:
    """Check the open journal; on damage stop its writes (Vault.mark_damaged) and return False."""
    if damaged_pages(vault, cancel):
        vault.mark_damaged()
        return False
    return True


def require_intact(vault: Vault, cancel: CancelToken | None = None) -> None:
    """Raise VaultDamaged (and stop writes) unless every page checks out."""
    if vault.damaged or not check(vault, cancel):
        raise VaultDamaged()
    remember_checked(vault)


CHECKED_AT_KEY = "integrity_checked_at"
CHECK_EVERY = timedelta(days=1)


def _checked_recently(vault: Vault, now: datetime) -> bool:
    """Whether a full check passed less than CHECK_EVERY ago (a clock turned back does not count)."""
    conn = vault.connect()
    try:
        value = kv.get(conn, CHECKED_AT_KEY)
        last = datetime.fromisoformat(value) if value else None
    except (db.DatabaseError, ValueError):
        return False
    finally:
        vault.release(conn)
    return last is not None and last.tzinfo is not None and timedelta(0) <= now - last < CHECK_EVERY


def check_if_due(vault: Vault, cancel: CancelToken | None = None, now: datetime | None = None) -> None:
    """The full check at most once a day for quick commands (it reads every page: ~1 s at 50k entries).

    Raises VaultDamaged on damage. Bulk commands (export, import, backup) call `require_intact` instead.
    """
    if not _checked_recently(vault, now or datetime.now(UTC)):
        require_intact(vault, cancel)


def remember_checked(vault: Vault, now: datetime | None = None) -> None:
    """Note a passed full check (inside the vault), so quick commands skip it for a day.

    Written at most once a day, so a command that reads (or rejects its input) leaves the vault's
    bytes as they were.
    """
    now = now or datetime.now(UTC)
    if _checked_recently(vault, now):
        return
    conn = vault.connect()
    try:
        kv.put(conn, CHECKED_AT_KEY, now.isoformat(timespec="seconds"))
    finally:
        vault.release(conn)
