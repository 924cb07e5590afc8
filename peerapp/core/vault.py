"""The vault: a SQLCipher database keyed by a random master key held in key slots."""

from __future__ import annotations

import base64
import os
import threading
from pathlib import Path

from . import db, keyslot
from .errors import (
    CorruptKeySlot,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from .keyslot import PASSPHRASE, RECOVERY, KdfParams
from .paths import ensure_private_dir

DB_NAME = "vault.db"
SLOTS_NAME = "vault.keys"
MIN_PASSPHRASE = 8


def format_recovery_key(secret: bytes) -> str:
    """Show a recovery secret as groups of base32 letters."""
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Accept a recovery key however it was copied: case, dashes and spaces don't matter."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned += "=" * (-len(cleaned) % 8)
    try:
        return base64.b32decode(cleaned)
    except ValueError as exc:
        raise WrongRecoveryKey() from exc


class Vault:
    """One encrypted journal store in a data directory.

    The master key lives only in memory while unlocked; `lock()` forgets it and
    closes every connection handed out.
    """

    def __init__(self, directory: Path, kdf: KdfParams | None = None) -> None:
        self.directory = Path(directory)
        self.kdf = kdf or KdfParams()
        self._key: bytearray | None = None
        self._connections: list[db.Connection] = []
        self._lock = threading.Lock()

    @property
    def db_path(self) -> Path:
        return self.directory / DB_NAME

    @property
    def slots_path(self) -> Path:
        return self.directory / SLOTS_NAME

    def exists(self) -> bool:
        return self.db_path.exists() or self.slots_path.exists()

    @property
    def is_unlocked(self) -> bool:
        return self._key is not None

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
        slots = {
            PASSPHRASE: keyslot.wrap(PASSPHRASE, passphrase.encode(), master, self.kdf),
            RECOVERY: keyslot.wrap(RECOVERY, recovery_secret, master, self.kdf),
        }
        conn = db.connect(self.db_path, master, create=True)
        conn.close()
        keyslot.save_slots(self.slots_path, slots)
        self._key = bytearray(master)
        return format_recovery_key(recovery_secret) if with_recovery_key else None

    def _require_files(self) -> None:
        if not self.exists():
            raise VaultNotFound(str(self.directory))
        if not self.slots_path.exists():
            raise CorruptKeySlot("missing")

    def unlock(self, passphrase: str) -> None:
        """Open the vault with the passphrase; WrongPassphrase leaves everything as it was."""
        self._require_files()
        slots = keyslot.load_slots(self.slots_path)
        master = keyslot.unwrap(slots[PASSPHRASE], passphrase.encode())
        if master is None:
            raise WrongPassphrase()
        self._open_with(master)

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        self._require_files()
        slots = keyslot.load_slots(self.slots_path)
        if RECOVERY not in slots:
            raise WrongRecoveryKey()
        master = keyslot.unwrap(slots[RECOVERY], parse_recovery_key(recovery_key))
        if master is None:
            raise WrongRecoveryKey()
        self._open_with(master)

    def _open_with(self, master: bytes) -> None:
        # Prove the key opens the database before declaring the vault unlocked.
        conn = db.connect(self.db_path, master)
        conn.close()
        self._key = bytearray(master)

    def set_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the master key under a new passphrase (the vault must be unlocked)."""
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise WeakPassphrase()
        key = self._require_key()
        slots = keyslot.load_slots(self.slots_path)
        slots[PASSPHRASE] = keyslot.wrap(PASSPHRASE, new_passphrase.encode(), key, self.kdf)
        keyslot.save_slots(self.slots_path, slots)

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        """Check the old passphrase, then rewrap; the database itself is not rewritten."""
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise WeakPassphrase()
        self._require_files()
        slots = keyslot.load_slots(self.slots_path)
        master = keyslot.unwrap(slots[PASSPHRASE], old_passphrase.encode())
        if master is None:
            raise WrongPassphrase()
        if self._key is None:
            self._open_with(master)
        self.set_passphrase(new_passphrase)

    def new_recovery_key(self) -> str:
        """Replace the recovery slot and return the new key text (shown once)."""
        key = self._require_key()
        slots = keyslot.load_slots(self.slots_path)
        secret = os.urandom(keyslot.KEY_BYTES)
        slots[RECOVERY] = keyslot.wrap(RECOVERY, secret, key, self.kdf)
        keyslot.save_slots(self.slots_path, slots)
        return format_recovery_key(secret)

    def _require_key(self) -> bytes:
        if self._key is None:
            raise VaultLocked()
        return bytes(self._key)

    def connect(self) -> db.Connection:
        """A new connection for the calling thread; closed by `lock()` at the latest."""
        conn = db.connect(self.db_path, self._require_key())
        with self._lock:
            self._connections.append(conn)
        return conn

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
        """Forget the key and close every connection."""
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
