"""Key slots: the vault's keys wrapped under Argon2id-derived keys, in a fixed number of look-alike slots.

Every key file holds SLOT_COUNT slots of identical size and shape. A slot's role
(passphrase, recovery, duress wipe, duress decoy, or unused) is never stored: it
is bound into the AEAD's associated data, so it is learnt only by opening the
slot, and unused slots are random bytes of the same length. An observer with the
file cannot tell whether a duress passphrase or a decoy journal exists.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import CorruptKeySlot, DamagedKeyFile
from .paths import atomic_write

FORMAT_VERSION = 2
LEGACY_FORMAT = 1  # two named slots (passphrase, recovery); read, and rewritten as format 2 on the next save
KEY_BYTES = 32
# libsodium's sizes, written out so the lock screen can show before PyNaCl loads (PyNaCl is imported
# where a key is derived, wrapped or unwrapped); tests/core/test_vault.py checks them against it.
SALT_BYTES = 16  # crypto_pwhash_argon2id_SALTBYTES
NONCE_BYTES = 24  # crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
WRAPPED_BYTES = KEY_BYTES + 16  # + crypto_aead_xchacha20poly1305_ietf_ABYTES
MAX_KEY_FILE = 64 * 1024  # a real key file is about 1.5 KiB

# Roles, bound into each slot's associated data (never written out).
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
DURESS_WIPE = "duress-wipe"
DURESS_DECOY = "duress-decoy"

# Fixed positions. Every file has a passphrase slot and a recovery slot (whose secret may have been
# thrown away), so naming their positions reveals nothing; whether the duress slots hold anything
# is what must stay hidden, and only their contents could tell.
SLOT_COUNT = 4
PASSPHRASE_SLOT = 0
RECOVERY_SLOT = 1
DURESS_SLOTS = (2, 3)
# Roles a typed passphrase may open, and where.
PASSPHRASE_ROLES = (PASSPHRASE, DURESS_WIPE, DURESS_DECOY)


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
    """One slot: a wrapped 32-byte key, or random bytes of the same size."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def header(self, role: str, legacy: bool = False) -> bytes:
        """Associated data: tampering with the cost or salt, or guessing the wrong role, breaks the unwrap."""
        fields: dict[str, object] = {"kdf": self.kdf.to_json(), "salt": _b64(self.salt)}
        if legacy:
            fields.update(v=LEGACY_FORMAT, kind=role)
        else:
            fields.update(v=FORMAT_VERSION, role=role)
        return json.dumps(fields, sort_keys=True).encode()

    def to_json(self) -> dict[str, object]:
        return {
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }


@dataclass(frozen=True)
class Opened:
    """What a secret opened: the slot's position, its role and the key inside."""

    index: int
    role: str
    key: bytes


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
    import nacl.pwhash.argon2id as argon2id

    return bytes(argon2id.kdf(KEY_BYTES, secret, salt, opslimit=kdf.ops, memlimit=kdf.mem))


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def wrap(role: str, secret: bytes, key: bytes, kdf: KdfParams, salt: bytes) -> Slot:
    """A slot that opens `key` with `secret` under `role`."""
    return wrap_with(role, derive(secret, salt, kdf), key, kdf, salt)


def wrap_with(role: str, wrapping_key: bytes, key: bytes, kdf: KdfParams, salt: bytes) -> Slot:
    """Like `wrap`, with the Argon2id work already done."""
    from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_encrypt

    nonce = os.urandom(NONCE_BYTES)
    slot = Slot(kdf, salt, nonce, b"")
    wrapped = crypto_aead_xchacha20poly1305_ietf_encrypt(key, slot.header(role), nonce, wrapping_key)
    return replace(slot, wrapped=bytes(wrapped))


def filler(kdf: KdfParams, salt: bytes) -> Slot:
    """An unused slot: random nonce and ciphertext, indistinguishable from a real one without its secret."""
    return Slot(kdf, salt, os.urandom(NONCE_BYTES), os.urandom(WRAPPED_BYTES))


def try_open(slot: Slot, wrapping_key: bytes, roles: tuple[str, ...]) -> tuple[str, bytes] | None:
    """(role, key) when `wrapping_key` opens the slot under one of `roles`, else None."""
    import nacl.exceptions
    from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt

    for role in roles:
        headers = [slot.header(role)]
        if role in (PASSPHRASE, RECOVERY):
            headers.append(slot.header(role, legacy=True))
        for header in headers:
            try:
                key = crypto_aead_xchacha20poly1305_ietf_decrypt(
                    slot.wrapped, header, slot.nonce, wrapping_key
                )
            except nacl.exceptions.CryptoError:
                continue
            return role, bytes(key)
    return None


def open_any(slots: list[Slot], secret: bytes, where: Mapping[int, tuple[str, ...]]) -> Opened | None:
    """Try `secret` on the slots at `where` (position -> roles); each distinct salt and cost is derived once.

    Every listed slot is tried even after a match, so the time taken does not say which one opened.
    """
    derived: dict[tuple[bytes, KdfParams], bytes] = {}
    found: Opened | None = None
    for index, roles in sorted(where.items()):
        slot = slots[index]
        wrapping_key = derived.get((slot.salt, slot.kdf))
        if wrapping_key is None:
            wrapping_key = derived[(slot.salt, slot.kdf)] = derive(secret, slot.salt, slot.kdf)
        opened = try_open(slot, wrapping_key, roles)
        if opened is not None and found is None:
            found = Opened(index, opened[0], opened[1])
    return found


def _parse_kdf(raw: object) -> KdfParams:
    if not isinstance(raw, dict) or raw.get("alg") != "argon2id":
        raise CorruptKeySlot("kdf")
    ops, mem = raw.get("ops"), raw.get("mem")
    if (
        not isinstance(ops, int)
        or not isinstance(mem, int)
        or not (1 <= ops <= 64)
        or not (8192 <= mem <= 4 * 1024**3)
    ):
        raise CorruptKeySlot("kdf")
    return KdfParams(ops, mem)


def _parse_slot(raw: object) -> Slot:
    if not isinstance(raw, dict):
        raise CorruptKeySlot("slot")
    return Slot(
        kdf=_parse_kdf(raw.get("kdf")),
        salt=_unb64(raw.get("salt"), SALT_BYTES),
        nonce=_unb64(raw.get("nonce"), NONCE_BYTES),
        wrapped=_unb64(raw.get("wrapped"), WRAPPED_BYTES),
    )


def _from_legacy(slots_raw: list[object]) -> list[Slot]:
    """Format 1 named its two slots; keep their bytes and add unused slots beside the passphrase's salt."""
    named: dict[str, Slot] = {}
    for item in slots_raw:
        if not isinstance(item, dict) or item.get("kind") not in (PASSPHRASE, RECOVERY):
            raise CorruptKeySlot("kind")
        named[str(item["kind"])] = _parse_slot(item)
    if PASSPHRASE not in named:
        raise CorruptKeySlot("no passphrase slot")
    first = named[PASSPHRASE]
    recovery = named.get(RECOVERY) or filler(first.kdf, new_salt())
    return [first, recovery, *(filler(first.kdf, first.salt) for _ in DURESS_SLOTS)]


def _checksum(slots_raw: object) -> str:
    """A plain (unkeyed) checksum of the slots: it tells damage from a wrong passphrase, and reveals nothing."""
    canonical = json.dumps(slots_raw, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.blake2b(canonical, digest_size=16, person=b"peerapp-keys").hexdigest()


@dataclass(frozen=True)
class KeyFile:
    """The slots as read, and whether the file passed its checksum (files from before it have none)."""

    slots: list[Slot]
    intact: bool


def read_key_file(path: Path) -> KeyFile:
    """Read the key file, reporting a failed checksum instead of raising, so the slots can still be tried.

    A file that cannot be parsed at all raises DamagedKeyFile; a missing one CorruptKeySlot.
    """
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_KEY_FILE + 1)  # never more than a key file can be
    except FileNotFoundError as exc:
        raise CorruptKeySlot("missing") from exc
    except OSError as exc:
        raise DamagedKeyFile("unreadable") from exc
    return parse_key_file_bytes(data)


def _parse_key_file(raw: object) -> KeyFile:
    if not isinstance(raw, dict):
        raise CorruptKeySlot("format")
    slots_raw = raw.get("slots")
    if not isinstance(slots_raw, list):
        raise CorruptKeySlot("slots")
    if raw.get("format") == LEGACY_FORMAT:
        return KeyFile(_from_legacy(slots_raw), True)
    if raw.get("format") != FORMAT_VERSION:
        raise CorruptKeySlot("format")
    if len(slots_raw) != SLOT_COUNT:
        raise CorruptKeySlot("slot count")
    check = raw.get("check")
    intact = check is None or check == _checksum(slots_raw)
    return KeyFile([_parse_slot(item) for item in slots_raw], intact)


def load_slots(path: Path) -> list[Slot]:
    """Read the key file; any damage raises DamagedKeyFile (a CorruptKeySlot) and nothing is written."""
    key_file = read_key_file(path)
    if not key_file.intact:
        raise DamagedKeyFile("checksum")
    return key_file.slots


def dump_slots(slots: list[Slot]) -> bytes:
    """The key file's bytes: always SLOT_COUNT slots, always the same size, with the checksum."""
    if len(slots) != SLOT_COUNT:
        raise ValueError("a key file holds exactly SLOT_COUNT slots")
    slots_raw = [slot.to_json() for slot in slots]
    body = {"format": FORMAT_VERSION, "slots": slots_raw, "check": _checksum(slots_raw)}
    return json.dumps(body, indent=1).encode()


def save_slots(path: Path, slots: list[Slot]) -> None:
    """Replace the key file atomically (callers hold the vault folder's lock)."""
    atomic_write(path, dump_slots(slots))


def parse_key_file_bytes(data: bytes) -> KeyFile:
    """Parse a key file held in memory (e.g. from a backup); same checks as read_key_file."""
    if len(data) > MAX_KEY_FILE:
        raise DamagedKeyFile("size")
    try:
        raw = json.loads(data)
        return _parse_key_file(raw)
    except (ValueError, CorruptKeySlot) as exc:
        raise DamagedKeyFile(type(exc).__name__) from exc


def new_slots(passphrase: bytes, recovery_secret: bytes, key: bytes, kdf: KdfParams) -> list[Slot]:
    """A fresh key file's slots: passphrase, recovery, and unused duress slots sharing the passphrase's salt.

    The passphrase and duress slots share one salt so a typed passphrase costs one Argon2id run
    however many slots it is tried on; the recovery slot has its own, as in format 1 files.
    """
    salt = new_salt()
    return [
        wrap(PASSPHRASE, passphrase, key, kdf, salt),
        wrap(RECOVERY, recovery_secret, key, kdf, new_salt()),
        *(filler(kdf, salt) for _ in DURESS_SLOTS),
    ]
