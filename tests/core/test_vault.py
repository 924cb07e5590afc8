"""The vault: create, unlock, lock, recovery key, passphrase change, and every error path untouched."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from peerapp.core import db
from peerapp.core.errors import (
    CorruptKeySlot,
    CorruptVault,
    DamagedKeyFile,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from peerapp.core.journal import Entry, JournalRepository, local_now
from peerapp.core.keyslot import FAST_KDF, SLOT_COUNT
from peerapp.core.migrations import SCHEMA_VERSION
from peerapp.core.vault import DB_NAME, SLOTS_NAME, Vault
from support import PASSPHRASE

NEW_PASSPHRASE = "a different, longer passphrase"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its exact bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fill(vault: Vault, count: int = 60) -> list[int]:
    """Add entries so the database spans many pages; return their ids."""
    conn = vault.connect()
    repo = JournalRepository(conn)
    ids = []
    for i in range(count):
        entry = repo.add(Entry(at=local_now(), mood=1 + i % 5, tags=[f"tag{i % 4}"], text=f"entry {i} " * 40))
        assert entry.id is not None
        ids.append(entry.id)
    vault.release(conn)
    return ids


def texts(vault: Vault) -> list[str]:
    conn = vault.connect()
    try:
        return [e.text for e in JournalRepository(conn).page(limit=1000)]
    finally:
        vault.release(conn)


@pytest.fixture
def locked(vault: Vault) -> Vault:
    """A vault with content, locked, all connections closed (so no -wal is left)."""
    fill(vault)
    vault.lock()
    return vault


# -- lifecycle ------------------------------------------------------------------------------


def test_create_makes_db_and_key_file(vault: Vault, data_dir: Path) -> None:
    assert vault.is_unlocked
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME, SLOTS_NAME]
    assert (data_dir / DB_NAME).stat().st_mode & 0o777 == 0o600


def test_create_refuses_existing_vault_and_weak_passphrase(
    vault: Vault, data_dir: Path, tmp_path: Path
) -> None:
    before = snapshot(data_dir)
    with pytest.raises(VaultExists):
        Vault(data_dir, kdf=FAST_KDF).create(PASSPHRASE)
    assert snapshot(data_dir) == before
    other = tmp_path / "other"
    with pytest.raises(WeakPassphrase):
        Vault(other, kdf=FAST_KDF).create("short")
    assert not other.exists()


def test_unlock_after_lock_gives_back_entries(locked: Vault, data_dir: Path) -> None:
    fresh = Vault(data_dir)  # KDF parameters come from the slot file, not the constructor
    assert not fresh.is_unlocked
    fresh.unlock(PASSPHRASE)
    assert fresh.is_unlocked
    assert len(texts(fresh)) == 60
    fresh.lock()


def test_unlock_without_vault(data_dir: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault(data_dir).unlock(PASSPHRASE)
    assert not data_dir.exists() or snapshot(data_dir) == {}


def test_lock_drops_key_and_closes_connections(vault: Vault) -> None:
    conn = vault.connect()
    repo = JournalRepository(conn)
    repo.add(Entry(at=local_now(), text="before lock"))
    key_buffer = vault._key  # the live key buffer, to check it is wiped rather than just dropped
    assert key_buffer is not None and any(key_buffer)
    vault.lock()
    assert not vault.is_unlocked
    assert not any(key_buffer)
    with pytest.raises(VaultLocked):
        vault.connect()
    with pytest.raises(sqlcipher.ProgrammingError):  # the handed-out connection was closed
        conn.execute("SELECT count(*) FROM entry")
    with pytest.raises(VaultLocked):
        vault.set_passphrase(NEW_PASSPHRASE)
    with pytest.raises(VaultLocked):
        vault.new_recovery_key()


def test_wrong_passphrase_changes_nothing(locked: Vault, data_dir: Path) -> None:
    before = snapshot(data_dir)
    fresh = Vault(data_dir)
    for attempt in ("wrong passphrase", PASSPHRASE + " ", PASSPHRASE.upper(), ""):
        with pytest.raises(WrongPassphrase):
            fresh.unlock(attempt)
    assert not fresh.is_unlocked
    with pytest.raises(VaultLocked):
        fresh.connect()
    assert snapshot(data_dir) == before


# -- recovery key ---------------------------------------------------------------------------


def test_recovery_key_opens_vault(data_dir: Path) -> None:
    v = Vault(data_dir, kdf=FAST_KDF)
    recovery = v.create(PASSPHRASE, with_recovery_key=True)
    assert recovery is not None and len(recovery.replace("-", "")) >= 50
    fill(v, 3)
    v.lock()
    fresh = Vault(data_dir)
    fresh.unlock_with_recovery_key(recovery)
    assert len(texts(fresh)) == 3
    fresh.lock()
    # however it was copied: lower case, spaces instead of dashes
    fresh.unlock_with_recovery_key(" " + recovery.lower().replace("-", " ") + "\n")
    assert fresh.is_unlocked
    fresh.lock()


def test_wrong_recovery_key_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    v = Vault(data_dir, kdf=FAST_KDF)
    recovery = v.create(PASSPHRASE, with_recovery_key=True)
    assert recovery is not None
    v.lock()
    before = snapshot(data_dir)
    other = Vault(tmp_path / "elsewhere", kdf=FAST_KDF).create(PASSPHRASE, with_recovery_key=True)
    assert other is not None
    for attempt in (other, recovery[:-4] + "AAAA", "not a key!", "", PASSPHRASE):
        with pytest.raises(WrongRecoveryKey):
            Vault(data_dir).unlock_with_recovery_key(attempt)
    assert snapshot(data_dir) == before


def test_no_recovery_key_asked_means_none_works(vault: Vault, data_dir: Path) -> None:
    vault.lock()
    # The slot exists (every key file looks alike) but its secret was thrown away.
    assert len(json.loads((data_dir / SLOTS_NAME).read_bytes())["slots"]) == SLOT_COUNT
    with pytest.raises(WrongRecoveryKey):
        Vault(data_dir).unlock_with_recovery_key("A" * 52)


def test_new_recovery_key_replaces_old(data_dir: Path) -> None:
    v = Vault(data_dir, kdf=FAST_KDF)
    old = v.create(PASSPHRASE, with_recovery_key=True)
    assert old is not None
    new = v.new_recovery_key()
    v.lock()
    with pytest.raises(WrongRecoveryKey):
        Vault(data_dir).unlock_with_recovery_key(old)
    fresh = Vault(data_dir)
    fresh.unlock_with_recovery_key(new)
    fresh.lock()
    fresh.unlock(PASSPHRASE)  # the passphrase slot is untouched
    fresh.lock()


# -- changing the passphrase ----------------------------------------------------------------


def test_change_passphrase(locked: Vault, data_dir: Path) -> None:
    db_before = (data_dir / DB_NAME).read_bytes()
    v = Vault(data_dir)
    v.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    v.lock()
    # Rewrapping the key does not rewrite the database.
    assert (data_dir / DB_NAME).read_bytes() == db_before
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME, SLOTS_NAME]
    with pytest.raises(WrongPassphrase):
        Vault(data_dir).unlock(PASSPHRASE)
    fresh = Vault(data_dir)
    fresh.unlock(NEW_PASSPHRASE)
    assert sorted(texts(fresh)) == sorted(f"entry {i} " * 40 for i in range(60))
    fresh.lock()


def test_change_passphrase_while_unlocked(vault: Vault, data_dir: Path) -> None:
    fill(vault, 2)
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert len(texts(vault)) == 2  # still usable without unlocking again
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault(data_dir).unlock(PASSPHRASE)
    Vault(data_dir).unlock(NEW_PASSPHRASE)


def test_change_passphrase_with_wrong_old_or_weak_new_changes_nothing(locked: Vault, data_dir: Path) -> None:
    before = snapshot(data_dir)
    with pytest.raises(WrongPassphrase):
        Vault(data_dir).change_passphrase("not the passphrase", NEW_PASSPHRASE)
    with pytest.raises(WeakPassphrase):
        Vault(data_dir).change_passphrase(PASSPHRASE, "short")
    assert snapshot(data_dir) == before
    Vault(data_dir).unlock(PASSPHRASE)


def test_recovery_key_survives_passphrase_change(data_dir: Path) -> None:
    v = Vault(data_dir, kdf=FAST_KDF)
    recovery = v.create(PASSPHRASE, with_recovery_key=True)
    assert recovery is not None
    v.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    v.lock()
    fresh = Vault(data_dir)
    fresh.unlock_with_recovery_key(recovery)
    # A forgotten passphrase is replaced after unlocking with the recovery key.
    fresh.set_passphrase("third passphrase here")
    fresh.lock()
    Vault(data_dir).unlock("third passphrase here")


# -- tampered key slot file -----------------------------------------------------------------


def _edit_slot(field: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        doc = json.loads(path.read_bytes())
        # A slot's role is not written down, so change the field in every slot.
        for slot in doc["slots"]:
            slot[field] = base64.b64encode(change(base64.b64decode(slot[field]))).decode()
        path.write_text(json.dumps(doc, indent=1))

    return edit


def _flip(data: bytes) -> bytes:
    return bytes([data[0] ^ 0x01]) + data[1:]


def _edit_json(change: Callable[[dict[str, object]], None]) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        doc = json.loads(path.read_bytes())
        change(doc)
        path.write_text(json.dumps(doc))

    return edit


def _set_kdf(key: str, value: object) -> Callable[[dict[str, object]], None]:
    def change(doc: dict[str, object]) -> None:
        slots = doc["slots"]
        assert isinstance(slots, list)
        for slot in slots:
            slot["kdf"][key] = value

    return change


def _raw_flip_in(field: str) -> Callable[[Path], None]:
    """Flip one byte of the file text inside a base64 field (may or may not stay valid base64)."""

    def edit(path: Path) -> None:
        text = path.read_bytes()
        start = text.index(f'"{field}": "'.encode()) + len(field) + 5
        path.write_bytes(text[:start] + bytes([text[start] ^ 0x20]) + text[start + 1 :])

    return edit


Expected = type[Exception] | tuple[type[Exception], ...]
TAMPERING: dict[str, tuple[Callable[[Path], None], Expected]] = {
    # Still well-formed, but the checksum fails: damage, told apart from a wrong passphrase (issue 11).
    "salt byte flipped": (_edit_slot("salt", _flip), DamagedKeyFile),
    "wrapped byte flipped": (_edit_slot("wrapped", _flip), DamagedKeyFile),
    "nonce byte flipped": (_edit_slot("nonce", _flip), DamagedKeyFile),
    "kdf cost changed": (_edit_json(_set_kdf("ops", 2)), DamagedKeyFile),
    # Structurally broken: the file itself is damaged.
    "raw byte flipped in salt": (_raw_flip_in("salt"), DamagedKeyFile),
    "salt wrong length": (_edit_slot("salt", lambda b: b[:-1]), CorruptKeySlot),
    "wrapped wrong length": (_edit_slot("wrapped", lambda b: b + b"x"), CorruptKeySlot),
    "truncated to half": (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), CorruptKeySlot),
    "truncated to empty": (lambda p: p.write_bytes(b""), CorruptKeySlot),
    "deleted": (lambda p: p.unlink(), CorruptKeySlot),
    "invalid json": (lambda p: p.write_bytes(b"{not json"), CorruptKeySlot),
    "binary garbage": (lambda p: p.write_bytes(os.urandom(300)), CorruptKeySlot),
    "json list": (lambda p: p.write_text("[]"), CorruptKeySlot),
    "unknown format": (_edit_json(lambda d: d.update(format=99)), CorruptKeySlot),
    "no slots": (_edit_json(lambda d: d.update(slots=[])), CorruptKeySlot),
    "absurd kdf memory": (_edit_json(_set_kdf("mem", 2**50)), CorruptKeySlot),
    "kdf not argon2id": (_edit_json(_set_kdf("alg", "md5")), CorruptKeySlot),
    "kdf ops not a number": (_edit_json(_set_kdf("ops", "3")), CorruptKeySlot),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_tampered_key_slot_file(case: str, locked: Vault, data_dir: Path) -> None:
    tamper, expected = TAMPERING[case]
    tamper(data_dir / SLOTS_NAME)
    before = snapshot(data_dir)
    fresh = Vault(data_dir)
    with pytest.raises(expected):
        fresh.unlock(PASSPHRASE)
    assert not fresh.is_unlocked
    with pytest.raises((CorruptKeySlot, WrongPassphrase)):
        fresh.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    with pytest.raises((CorruptKeySlot, WrongRecoveryKey)):
        fresh.unlock_with_recovery_key("A" * 52)
    # No file changed, none appeared (no half-written key file, no -wal).
    assert snapshot(data_dir) == before


# -- damaged database -----------------------------------------------------------------------


def _cut(fraction_or_size: float | int) -> Callable[[Path], None]:
    def cut(path: Path) -> None:
        data = path.read_bytes()
        size = int(len(data) * fraction_or_size) if isinstance(fraction_or_size, float) else fraction_or_size
        path.write_bytes(data[:size])

    return cut


DB_DAMAGE: dict[str, Callable[[Path], None]] = {
    "cut to half": lambda p: _cut(len(p.read_bytes()) // 2 // db.PAGE_SIZE * db.PAGE_SIZE)(p),
    "cut to half plus a bit": lambda p: _cut(len(p.read_bytes()) // 2 + 1000)(p),
    "cut to one page": _cut(db.PAGE_SIZE),
    "cut below one page": _cut(1000),
    "cut to empty": _cut(0),
    "last byte missing": lambda p: _cut(len(p.read_bytes()) - 1)(p),
    "plaintext sqlite header": lambda p: p.write_bytes(db.PLAINTEXT_HEADER + p.read_bytes()[16:]),
}


@pytest.mark.parametrize("case", sorted(DB_DAMAGE))
def test_damaged_database_is_refused_untouched(case: str, locked: Vault, data_dir: Path) -> None:
    original = (data_dir / DB_NAME).stat().st_size
    assert original >= 8 * db.PAGE_SIZE
    DB_DAMAGE[case](data_dir / DB_NAME)
    before = snapshot(data_dir)
    fresh = Vault(data_dir)
    with pytest.raises(CorruptVault):
        fresh.unlock(PASSPHRASE)
    assert not fresh.is_unlocked
    assert snapshot(data_dir) == before


def test_deleted_database_is_an_error(locked: Vault, data_dir: Path) -> None:
    (data_dir / DB_NAME).unlink()
    before = snapshot(data_dir)
    with pytest.raises((CorruptVault, VaultNotFound)):
        Vault(data_dir).unlock(PASSPHRASE)
    assert snapshot(data_dir) == before


def test_newer_schema_is_refused_untouched(vault: Vault, data_dir: Path) -> None:
    fill(vault, 3)
    conn = vault.connect()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    vault.lock()
    before = snapshot(data_dir)
    assert set(before) == {DB_NAME, SLOTS_NAME}
    fresh = Vault(data_dir)
    with pytest.raises(VaultTooNew):
        fresh.unlock(PASSPHRASE)
    assert not fresh.is_unlocked
    assert snapshot(data_dir) == before


def test_reopening_current_schema_keeps_version(locked: Vault, data_dir: Path) -> None:
    fresh = Vault(data_dir)
    fresh.unlock(PASSPHRASE)
    conn = fresh.connect()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    fresh.lock()


def test_damage_only_in_the_checksum_still_opens_and_a_miss_says_damaged(
    locked: Vault, data_dir: Path
) -> None:
    """The slots are still tried on a file failing its checksum; a miss is damage, never a wrong passphrase."""
    _edit_json(lambda d: d.update(check="0" * 32))(data_dir / SLOTS_NAME)
    before = snapshot(data_dir)
    with pytest.raises(DamagedKeyFile):
        Vault(data_dir).unlock("not the passphrase")
    fresh = Vault(data_dir)
    fresh.unlock(PASSPHRASE)
    assert fresh.key_file_damaged
    fresh.lock()
    assert snapshot(data_dir) == before  # nothing rewritten: a damaged slot is never blessed


def test_key_slot_sizes_are_libsodium_s() -> None:
    """keyslot writes libsodium's sizes out (so the lock screen shows before PyNaCl loads): keep them right."""
    import nacl.bindings
    import nacl.pwhash.argon2id

    from peerapp.core import keyslot

    assert keyslot.SALT_BYTES == nacl.pwhash.argon2id.SALTBYTES
    assert keyslot.NONCE_BYTES == nacl.bindings.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
    assert (
        keyslot.WRAPPED_BYTES == keyslot.KEY_BYTES + nacl.bindings.crypto_aead_xchacha20poly1305_ietf_ABYTES
    )
