"""One way into the journal: every front end (CLI, group CLI, GUI, tests) opens and creates it here.

`open_journal` runs every protection in one order: the key-file damage check, the wrong-try counter
and its delay, duress (wipe or decoy), the wipe-after-N, leftovers of killed operations, the spare
database, and the search index refresh. Nothing that opens the vault may skip a step, so nothing
opens it any other way (`Vault.unlock` is the low-level step this wraps).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import db, decoy, protection
from .errors import PeerappError
from .journal import JournalRepository
from .keyslot import KdfParams
from .library import BookmarkRepository
from .safety_plan import SafetyPlanRepository
from .vault import Vault

if TYPE_CHECKING:
    from ..sync.service import GroupService


class Session:
    """An unlocked journal and the repositories built on it.

    Its connection is opened on first use, in the thread that uses it (SQLite connections are
    thread-bound): the GUI unlocks on a worker and then reads on its own thread. Workers call
    `connect()` for their own.
    """

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    @cached_property
    def conn(self) -> db.Connection:
        return self.vault.connect()

    @cached_property
    def journal(self) -> JournalRepository:
        return JournalRepository(self.conn)

    @cached_property
    def bookmarks(self) -> BookmarkRepository:
        return BookmarkRepository(self.conn)

    @cached_property
    def safety_plan(self) -> SafetyPlanRepository:
        return SafetyPlanRepository(self.conn)

    @cached_property
    def groups(self) -> GroupService:
        from ..sync.service import GroupService  # httpx loads only when groups are used

        return GroupService(self.conn)

    def connect(self) -> db.Connection:
        """A connection of the calling thread's own (release it with `vault.release`)."""
        return self.vault.connect()

    @property
    def is_open(self) -> bool:
        return self.vault.is_unlocked

    def close(self) -> None:
        """Lock: forget the key and close every connection."""
        self.vault.lock()
        for name in ("conn", "journal", "bookmarks", "safety_plan", "groups"):
            self.__dict__.pop(name, None)


def _refresh_index(vault: Vault) -> None:
    """After an update that changed the search normaliser, rebuild the index now (in this thread)."""
    conn = vault.connect()
    try:
        JournalRepository(conn).ensure_search_index()
    finally:
        vault.release(conn)


def open_journal(
    where: Vault | Path,
    secret: str,
    *,
    recovery: bool = False,
    wait: Callable[[float], None] | None = None,
) -> Session:
    """Unlock through every protection (see the module doc) and return the session.

    With `wait`, a try made during the delay after wrong passphrases waits it out (the CLI);
    without it, `protection.UnlockDelayed` is raised (the GUI counts down).
    """
    vault = where if isinstance(where, Vault) else Vault(Path(where))
    protection.unlock(vault, secret, recovery=recovery, wait=wait)
    try:
        _refresh_index(vault)
    except BaseException:
        vault.lock()
        raise
    return Session(vault)


def create_journal(
    where: Vault | Path, passphrase: str, *, with_recovery_key: bool = False, kdf: KdfParams | None = None
) -> tuple[Session, str | None]:
    """Make a new journal, unlocked, with what every vault has from the start: the spare database and
    the wrong-try counter, so every journal folder looks alike whoever made it (app or CLI)."""
    vault = where if isinstance(where, Vault) else Vault(Path(where), kdf=kdf)
    recovery_key = vault.create(passphrase, with_recovery_key=with_recovery_key)
    with contextlib.suppress(OSError, PeerappError, db.DatabaseError):
        decoy.ensure_spare(vault)  # best effort: made on a later unlock otherwise
    protection.UnlockGuard(vault.directory).succeeded()
    return Session(vault), recovery_key
