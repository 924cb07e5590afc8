"""Key slots: the vault's master key wrapped under Argon2id-derived keys."""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

import nacl.exceptions
import nacl.pwhash.argon2id as argon2id
from nacl.bindings import (
    crypto_aead_xchacha20poly1305_ietf_decrypt,
    crypto_aead_xchacha20poly1305_ietf_encrypt,
    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
)

from .errors import CorruptKeySlot
from .paths import atomic_write

FORMAT_VERSION = 1
KEY_BYTES = 32
SALT_BYTES = argon2id.SALTBYTES
PASSPHRASE = "passphrase"
RECOVERY = "recovery"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored beside the salt so it can be raised later."""

    ops: int = 3
    mem: int = 128 * 1024 * 1024  # above RFC 9106's second setting (t=3, m=64 MiB)

    def to_json(self) -> dict[str, object]:
        return {"alg": "argon2id", "ops": self.ops, "mem": self.mem}


# Tests and benchmarks use this cheaper setting; it is never a default.
FAST_KDF = KdfParams(ops=1, mem=8 * 1024 * 1024)


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the master key."""

    kind: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def header(self) -> bytes:
        """Associated data: tampering with the kind, cost or salt breaks the unwrap."""
        return json.dumps(
            {"v": FORMAT_VERSION, "kind": self.kind, "kdf": self.kdf.to_json(), "salt": _b64(self.salt)},
            sort_keys=True,
        ).encode()

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise CorruptKeySlot("field")
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise CorruptKeySlot("base64") from exc
    if size is not None and len(data) != size:
        raise CorruptKeySlot("length")
    return data


def derive(secret: bytes, salt: bytes, kdf: KdfParams) -> bytes:
    """Stretch a passphrase or recovery key into a wrapping key."""
    return bytes(argon2id.kdf(KEY_BYTES, secret, salt, opslimit=kdf.ops, memlimit=kdf.mem))


def wrap(kind: str, secret: bytes, master_key: bytes, kdf: KdfParams) -> Slot:
    """Make a slot that opens `master_key` with `secret`."""
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    slot = Slot(kind, kdf, salt, nonce, b"")
    wrapping_key = derive(secret, salt, kdf)
    wrapped = crypto_aead_xchacha20poly1305_ietf_encrypt(master_key, slot.header(), nonce, wrapping_key)
    return Slot(kind, kdf, salt, nonce, wrapped)


def unwrap(slot: Slot, secret: bytes) -> bytes | None:
    """The master key, or None when `secret` does not open this slot."""
    wrapping_key = derive(secret, slot.salt, slot.kdf)
    try:
        return bytes(
            crypto_aead_xchacha20poly1305_ietf_decrypt(slot.wrapped, slot.header(), slot.nonce, wrapping_key)
        )
    except nacl.exceptions.CryptoError:
        return None


def _parse_slot(raw: object) -> Slot:
    if not isinstance(raw, dict):
        raise CorruptKeySlot("slot")
    kdf_raw = raw.get("kdf")
    if not isinstance(kdf_raw, dict) or kdf_raw.get("alg") != "argon2id":
        raise CorruptKeySlot("kdf")
    ops, mem = kdf_raw.get("ops"), kdf_raw.get("mem")
    if (
        not isinstance(ops, int)
        or not isinstance(mem, int)
        or not (1 <= ops <= 64)
        or not (8192 <= mem <= 4 * 1024**3)
    ):
        raise CorruptKeySlot("kdf")
    kind = raw.get("kind")
    if kind not in (PASSPHRASE, RECOVERY):
        raise CorruptKeySlot("kind")
    return Slot(
        kind=str(kind),
        kdf=KdfParams(ops, mem),
        salt=_unb64(raw.get("salt"), SALT_BYTES),
        nonce=_unb64(raw.get("nonce"), crypto_aead_xchacha20poly1305_ietf_NPUBBYTES),
        wrapped=_unb64(raw.get("wrapped"), KEY_BYTES + 16),
    )


def load_slots(path: Path) -> dict[str, Slot]:
    """Read the slot file; any damage raises CorruptKeySlot and nothing is written."""
    try:
        raw = json.loads(path.read_bytes())
    except FileNotFoundError as exc:
        raise CorruptKeySlot("missing") from exc
    except (OSError, ValueError) as exc:
        raise CorruptKeySlot("unreadable") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_VERSION:
        raise CorruptKeySlot("format")
    slots_raw = raw.get("slots")
    if not isinstance(slots_raw, list):
        raise CorruptKeySlot("slots")
    slots = {s.kind: s for s in (_parse_slot(item) for item in slots_raw)}
    if PASSPHRASE not in slots:
        raise CorruptKeySlot("no passphrase slot")
    return slots


def save_slots(path: Path, slots: dict[str, Slot]) -> None:
    """Replace the slot file atomically."""
    body = {"format": FORMAT_VERSION, "slots": [slots[k].to_json() for k in sorted(slots)]}
    atomic_write(path, json.dumps(body, indent=1).encode())
