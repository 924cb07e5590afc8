"""Damage in vault.db: every page's authentication code checked, and a damaged journal kept from writes."""

from __future__ import annotations

from collections.abc import Callable

from . import db
from .errors import CorruptVault, OperationCancelled, VaultDamaged
from .vault import Vault

Cancelled = Callable[[], bool]


def _never() -> bool:
    return False


def damaged_pages(vault: Vault, cancelled: Cancelled = _never) -> int:
    """How many problems SQLCipher finds reading every page (0: intact). Can be cancelled.

    `PRAGMA cipher_integrity_check` verifies each page's HMAC, which any changed bit breaks, so
    damage anywhere in the file is found, not only in the pages a command happens to read.
    """
    try:
        conn = vault.connect()
    except CorruptVault:
        return 1
    try:
        conn.set_progress_handler(lambda: 1 if cancelled() else 0, 2000)
        try:
            rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        except db.OperationalError as exc:
            if cancelled():
                raise OperationCancelled() from exc
            return 1
        except db.DatabaseError:
            return 1
        return len(rows)
    finally:
        vault.release(conn)


def check(vault: Vault, cancelled: Cancelled = _never) -> bool:
    """Check the open journal; on damage stop its writes (Vault.mark_damaged) and return False."""
    if damaged_pages(vault, cancelled):
        vault.mark_damaged()
        return False
    return True


def require_intact(vault: Vault, cancelled: Cancelled = _never) -> None:
    """Raise VaultDamaged (and stop writes) unless every page checks out."""
    if vault.damaged or not check(vault, cancelled):
        raise VaultDamaged()
