"""The vault: a SQLCipher database keyed by a random master key held in key slots."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

from . import crashsafe, db, keyslot, wipe
from .duress import DuressSlots
from .errors import (
    CorruptKeySlot,
    CorruptVault,
    DamagedKeyFile,
    PeerappError,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    VaultWiped,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from .keyslot import (
    DURESS_DECOY,
    DURESS_SLOTS,
    DURESS_WIPE,
    PASSPHRASE,
    PASSPHRASE_SLOT,
    RECOVERY,
    RECOVERY_SLOT,
    KdfParams,
    Opened,
    Slot,
)
from .paths import ensure_private_dir
from .recovery_key import format_recovery_key as format_recovery_key
from .recovery_key import parse_recovery_key as parse_recovery_key
from .slot_edits import DURESS_MODES as DURESS_MODES
from .slot_edits import MIN_PASSPHRASE as MIN_PASSPHRASE
from .slot_edits import SlotEditing

DB_NAME = "vault.db"
SLOTS_NAME = "vault.keys"
# Every vault the app sets up also has this second database: the decoy journal when a decoy
# passphrase exists, otherwise a look-alike keyed with a key nobody kept (see protection.py).
SPARE_NAME = "spare.db"
# Where a typed passphrase is tried, and as what. The decoy's own passphrase lives in the first
# duress slot; the second holds the decoy's recovery key if one was made inside the decoy.
_TYPED: dict[int, tuple[str, ...]] = {
    PASSPHRASE_SLOT: (PASSPHRASE,),
    DURESS_SLOTS[0]: (DURESS_WIPE, DURESS_DECOY),
    DURESS_SLOTS[1]: (DURESS_WIPE, DURESS_DECOY),
}
_RECOVERY: dict[int, tuple[str, ...]] = {
    RECOVERY_SLOT: (RECOVERY,),
    DURESS_SLOTS[0]: (DURESS_DECOY,),
    DURESS_SLOTS[1]: (DURESS_DECOY,),
}


def _sane_kdf(kdf: KdfParams) -> bool:
    return kdf.ops <= KdfParams().ops * 4 and kdf.mem <= KdfParams().mem * 4


class Vault(SlotEditing, DuressSlots):
    """One encrypted journal store in a data directory.

    The master key lives only in memory while unlocked; `lock()` forgets it and
    closes every connection handed out. A duress passphrase opens the decoy journal
    (`spare.db`) through the same object, so the rest of the app cannot behave differently.
    """

    def __init__(self, directory: Path, kdf: KdfParams | None = None) -> None:
        self.directory = Path(directory)
        self.kdf = kdf or KdfParams()
        self._key: bytearray | None = None
        self._db_name = DB_NAME
        self._opened_slot: int | None = None
        self._connections: list[db.Connection] = []
        self._lock = threading.Lock()
        # Set when the last unlock succeeded on a key file that fails its checksum (front ends advise).
        self.key_file_damaged = False
        # Set once a page of the open database failed its check: from then on nothing is written.
        self.damaged = False

    @property
    def db_path(self) -> Path:
        """The database this vault reads and writes: the journal, or the decoy while that is open."""
        return self.directory / self._db_name

    @property
    def slots_path(self) -> Path:
        return self.directory / SLOTS_NAME

    @property
    def spare_path(self) -> Path:
        return self.directory / SPARE_NAME

    def exists(self) -> bool:
        self.finish_interrupted_restore()
        return (self.directory / DB_NAME).exists() or self.slots_path.exists()

    def finish_interrupted_restore(self) -> None:
        """A restore killed halfway is finished (or undone) before anything looks at the files."""
        if self.directory.is_dir():
            crashsafe.recover_staged(self.directory)

    @property
    def is_unlocked(self) -> bool:
        return self._key is not None

    @property
    def opened_slot(self) -> int | None:
        """Which key slot opened the vault (core use only: the GUI must not look different in a decoy)."""
        return self._opened_slot

    def _in_decoy(self) -> bool:
        return self._opened_slot in DURESS_SLOTS

    # -- lifecycle -----------------------------------------------------------------

    def create(self, passphrase: str, *, with_recovery_key: bool = False) -> str | None:
        """Make a new vault; return the recovery key text if one was asked for."""
        if len(passphrase) < MIN_PASSPHRASE:
            raise WeakPassphrase()
        if self.exists():
            raise VaultExists(str(self.directory))
        ensure_private_dir(self.directory)
        master = os.urandom(keyslot.KEY_BYTES)
        recovery_secret = os.urandom(keyslot.KEY_BYTES)
        # A recovery slot always exists so every vault's key file looks alike;
        # when none was asked for, its secret is simply thrown away.
        slots = keyslot.new_slots(passphrase.encode(), recovery_secret, master, self.kdf)
        conn = db.connect(self.db_path, master, create=True)
        conn.close()
        with crashsafe.folder_lock(self.directory):
            keyslot.save_slots(self.slots_path, slots)
        self._key = bytearray(master)
        self._opened_slot = PASSPHRASE_SLOT
        return format_recovery_key(recovery_secret) if with_recovery_key else None

    def _require_files(self) -> None:
        if not self.exists():
            raise VaultNotFound(str(self.directory))
        if not self.slots_path.exists():
            raise CorruptKeySlot("missing")

    def _load(self) -> list[Slot]:
        self._require_files()
        return self._slots_for_edit()

    def read_key_file(self) -> keyslot.KeyFile:
        """The key file as read; DamagedKeyFile if it cannot be parsed, `intact` False if its checksum fails.

        Front ends call this before counting a try: damage must never count as a wrong passphrase.
        """
        self._require_files()
        return keyslot.read_key_file(self.slots_path)

    def unlock(self, passphrase: str) -> None:
        """Open the vault with the passphrase; WrongPassphrase leaves everything as it was.

        A duress passphrase either erases the journal (then raises VaultWiped, which reads like a
        fresh install) or opens the decoy journal exactly as the real one would open. On a key file
        that fails its checksum the slots are still tried (the damage may lie elsewhere), but a miss
        raises DamagedKeyFile, never WrongPassphrase.
        """
        self._unlock(passphrase.encode(), _TYPED, WrongPassphrase)

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        self._unlock(parse_recovery_key(recovery_key), _RECOVERY, WrongRecoveryKey)

    def _unlock(self, secret: bytes, where: Mapping[int, tuple[str, ...]], wrong: type[PeerappError]) -> None:
        key_file = self.read_key_file()
        slots = key_file.slots
        if not key_file.intact:
            # Damaged bytes may sit in a slot's cost: never let them ask for more than the default.
            where = {i: roles for i, roles in where.items() if _sane_kdf(slots[i].kdf)}
        opened = keyslot.open_any(slots, secret, where)
        if opened is None:
            raise wrong() if key_file.intact else DamagedKeyFile("checksum")
        self._open_opened(opened)
        self.key_file_damaged = not key_file.intact

    def _open_opened(self, opened: Opened) -> None:
        if opened.role == DURESS_WIPE:
            self.destroy()
            raise VaultWiped(str(self.directory))
        if opened.role == DURESS_DECOY:
            self._open_decoy(opened)
        else:
            self._open_with(opened.key, opened.index, DB_NAME)

    def _open_decoy(self, opened: Opened) -> None:
        try:
            self._open_with(opened.key, opened.index, SPARE_NAME)
        except (CorruptVault, VaultNotFound):
            # The spare file is missing or was made with another key (e.g. the key file came back
            # from a backup): start an empty decoy rather than show an error that would give it away.
            for path in wipe.sqlite_family(self.spare_path):
                path.unlink(missing_ok=True)
            conn = db.connect(self.spare_path, opened.key, create=True)
            conn.close()
            self._open_with(opened.key, opened.index, SPARE_NAME)

    def _open_with(self, master: bytes, index: int, db_name: str) -> None:
        # Prove the key opens the database before declaring the vault unlocked.
        path = self.directory / db_name
        if not path.exists():
            raise CorruptVault("missing") if db_name == DB_NAME else VaultNotFound(str(self.directory))
        conn = db.connect(path, master)
        conn.close()
        self._key = bytearray(master)
        self._opened_slot = index
        self._db_name = db_name

    def _slots_for_edit(self) -> list[Slot]:
        """The slots to rewrite while unlocked: we hold the key, so a damaged checksum is repaired by the
        write (the slot being replaced is new; damaged others stay as unusable as they were)."""
        self._require_key()
        return keyslot.read_key_file(self.slots_path).slots

    def destroy(self) -> None:
        """Panic wipe of this folder's journal: the key file first, then every database file."""
        # The key file goes before the connections close: closing may checkpoint the write-ahead
        # log into the database first, time during which the data would still be readable.
        wipe.destroy_key_file(self.slots_path)  # also overwrites half-written copies (.vault.keys.*.part)
        staging = crashsafe.staging_dir(self.directory)
        wipe.destroy_key_file(staging / SLOTS_NAME)  # a restore caught halfway holds a copy
        self.lock()
        wipe.delete_files(
            [
                *wipe.sqlite_family(self.directory / DB_NAME),
                *wipe.sqlite_family(self.spare_path),
                *(staging.iterdir() if staging.is_dir() else ()),
                *(p for p in self.directory.glob(f".*{crashsafe.TEMP_SUFFIX}") if p.is_file()),
            ]
        )
        with contextlib.suppress(OSError):
            staging.rmdir()

    def current_key(self) -> bytes:
        """The open database's key (for backups and the decoy set-up; never written out in the clear)."""
        return self._require_key()

    def _require_key(self) -> bytes:
        if self._key is None:
            raise VaultLocked()
        return bytes(self._key)

    def connect(self) -> db.Connection:
        """A new connection for the calling thread; closed by `lock()` at the latest."""
        conn = db.connect(self.db_path, self._require_key(), read_only=self.damaged)
        with self._lock:
            self._connections.append(conn)
        return conn

    def mark_damaged(self) -> None:
        """Stop every write: connections opened from now on, and this thread's open ones, are read-only."""
        self.damaged = True
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(Exception):  # another thread's connection refuses; it is short-lived
                conn.execute("PRAGMA query_only = ON")

    def release(self, conn: db.Connection) -> None:
        """Close a connection handed out by `connect()`."""
        with self._lock:
            if conn in self._connections:
                self._connections.remove(conn)
        try:
            conn.close()
        except db.DatabaseError:
            pass

    def lock(self) -> None:
        """Forget the key, close every connection and empty the search's word caches."""
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - a connection owned by another thread; keep locking
                pass
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0
        self._key = None
        self._opened_slot = None
        self._db_name = DB_NAME
        self.damaged = False
        # The search caches hold journal words too. Looked up, not imported: textnorm loads the
        # stemmer, which the lock screen never needs, and if it was never loaded it holds nothing.
        textnorm = sys.modules.get(f"{__package__}.textnorm")
        if textnorm is not None:
            textnorm.forget_words()
