"""Real vaults to damage: a filled journal, one changed byte in a key slot or in the database."""

from __future__ import annotations

import json
from pathlib import Path

from peerapp.core.journal import Entry, JournalRepository, local_now
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import SLOTS_NAME, Vault

from . import PASSPHRASE

SECRET = "Saltmarsh-Pennywhistle-secret"


def make_vault(data_dir: Path, entries: int = 200, recovery: bool = False) -> str | None:
    v = Vault(data_dir, kdf=FAST_KDF)
    key = v.create(PASSPHRASE, with_recovery_key=recovery)
    repo = JournalRepository(v.connect())
    repo.add_many(
        Entry(at=local_now(), mood=3, text=f"{SECRET} {i} " + "words " * 40) for i in range(entries)
    )
    v.lock()
    return key


def damage_wrapped_byte(data_dir: Path, slot: int = 0) -> None:
    """One changed character inside slot `slot`'s wrapped key: still valid base64, still valid JSON."""
    path = data_dir / SLOTS_NAME
    raw = path.read_bytes()
    doc = json.loads(raw)
    wrapped = doc["slots"][slot]["wrapped"]
    at = raw.index(wrapped.encode()) + 5
    swapped = b"B" if raw[at : at + 1] != b"B" else b"C"
    path.write_bytes(raw[:at] + swapped + raw[at + 1 :])


def flip_byte_in_the_middle(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    at = len(raw) // 2 + 100
    raw[at] ^= 0x01
    path.write_bytes(bytes(raw))
