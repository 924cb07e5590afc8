"""Version 2 events: the sealed envelope with its epoch, canonical JSON, the member and admin
signatures inside the encryption, and the shape of each kind (a member's client may be hostile)."""

from __future__ import annotations

import json
import os
import struct
from typing import Any

import nacl.exceptions
import nacl.signing
from nacl.bindings import (
    crypto_aead_xchacha20poly1305_ietf_decrypt,
    crypto_aead_xchacha20poly1305_ietf_encrypt,
)

from ..protocol import (
    BUCKETS,
    MAX_BLOB,
    NONCE_BYTES,
    POST_ID_BYTES,
    REACTIONS,
    TAG_BYTES,
    ProtocolError,
    b64d,
    b64e,
    hex_id,
    pad,
    unpad,
    verify,
)
from .keys import MEMBER_ID_BYTES, MemberKeys

VERSION = 2
HEADER = bytes([VERSION])
EPOCH_BYTES = 4
MAX_EPOCH = 2**32 - 1
MEMBER_KINDS = ("join", "post", "reaction", "delete", "report", "leave")
ADMIN_KINDS = ("rekey", "promote", "admin_rotate", "admin_delete", "rules", "door")
DOOR_KINDS = ("knock", "welcome", "grant")
KINDS = MEMBER_KINDS + ADMIN_KINDS + DOOR_KINDS
SIGNATURES = ("sig", "sig_admin")
MAX_PSEUDONYM = 64
MAX_RULES = 4000
MAX_CONTACTS = 12
SEALED_SECRET = 32 + 48  # a sealed box of a 32-byte secret: ephemeral key, MAC, data


def canonical(fields: dict[str, Any], *, check: bool = True) -> bytes:
    """UTF-8 JSON, keys sorted, no spaces; floats are refused so every client signs the same bytes.
    Fields decoded by open_event cannot hold floats (the decoder refuses them), so checking what it
    gives is skipped (`check=False`): a cold pull canonicalises every event once more to verify it."""

    if check:
        _check(fields)
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _check(value: object) -> None:
    if isinstance(value, float):
        raise ProtocolError("float in a signed event")
    if isinstance(value, dict):
        for item in value.values():
            _check(item)
    elif isinstance(value, list):
        for item in value:
            _check(item)


def _no_float(text: str) -> float:
    raise ValueError("float in an event")


def event_aad(room_id: bytes, event_id: str, epoch: int) -> bytes:
    return b"peerapp/v2/event" + room_id + bytes.fromhex(event_id) + struct.pack(">I", epoch)


def seal_event(key: bytes, room_id: bytes, event_id: str, epoch: int, plaintext: dict[str, Any]) -> bytes:
    """`0x02 | epoch | nonce | XChaCha20-Poly1305(padded JSON)`; epoch 0 is the door."""
    if not 0 <= epoch <= MAX_EPOCH:
        raise ProtocolError("bad epoch")
    nonce = os.urandom(NONCE_BYTES)
    sealed = crypto_aead_xchacha20poly1305_ietf_encrypt(
        pad(canonical(plaintext)), event_aad(room_id, event_id, epoch), nonce, key
    )
    return HEADER + struct.pack(">I", epoch) + nonce + sealed


def blob_epoch(blob: bytes) -> int:
    """The epoch a v2 blob says it belongs to, read before choosing a key (then bound by the AAD)."""
    if (
        len(blob) < 1 + EPOCH_BYTES + NONCE_BYTES + BUCKETS[0] + TAG_BYTES
        or len(blob) > MAX_BLOB + EPOCH_BYTES
    ):
        raise ProtocolError("bad blob")
    if blob[:1] != HEADER:
        raise ProtocolError("not version 2")
    return int(struct.unpack(">I", blob[1 : 1 + EPOCH_BYTES])[0])


def open_event(key: bytes, room_id: bytes, event_id: str, blob: bytes) -> dict[str, Any]:
    """Decrypt a v2 blob and check its fields' shape (not yet its signatures)."""
    epoch = blob_epoch(blob)
    start = 1 + EPOCH_BYTES
    nonce, sealed = blob[start : start + NONCE_BYTES], blob[start + NONCE_BYTES :]
    try:
        padded = crypto_aead_xchacha20poly1305_ietf_decrypt(
            sealed, event_aad(room_id, event_id, epoch), nonce, key
        )
        value = json.loads(unpad(padded).decode(), parse_float=_no_float, parse_constant=_no_float)
    except (nacl.exceptions.CryptoError, ValueError) as exc:  # JSON and UTF-8 errors are ValueErrors
        raise ProtocolError("decryption failed") from exc
    return validate(value)


# --- signatures ---------------------------------------------------------------------------


def _signed_part(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k not in SIGNATURES}


def _prefix(role: bytes, room_id: bytes, epoch: int, event_id: str) -> bytes:
    return b"peerapp/v2/" + role + room_id + struct.pack(">I", epoch) + bytes.fromhex(event_id)


def member_message(room_id: bytes, epoch: int, event_id: str, fields: dict[str, Any]) -> bytes:
    """What a member signs: its label, the room, the epoch, the event id and every unsigned field."""
    return _prefix(b"member", room_id, epoch, event_id) + canonical(_signed_part(fields), check=False)


def admin_message(room_id: bytes, epoch: int, event_id: str, fields: dict[str, Any]) -> bytes:
    """What the admin role signs: the same, including the member's signature when signing by name."""
    covered = {k: v for k, v in fields.items() if k != "sig_admin"}
    return _prefix(b"admin", room_id, epoch, event_id) + canonical(covered, check=False)


def sign_member(
    member: MemberKeys, room_id: bytes, epoch: int, event_id: str, fields: dict[str, Any]
) -> dict[str, Any]:
    """The fields with the member's id and signature added."""
    signed = dict(_signed_part(fields), m=member.id)
    message = member_message(room_id, epoch, event_id, signed)
    signed["sig"] = b64e(member.signing.sign(message).signature)
    return validate(signed)


def sign_admin(
    admin: nacl.signing.SigningKey,
    room_id: bytes,
    epoch: int,
    event_id: str,
    fields: dict[str, Any],
    by: MemberKeys | None = None,
) -> dict[str, Any]:
    """An admin event, signed by the admin role and, when the admin chooses, by name too."""
    signed = _signed_part(fields)
    if by is not None:
        signed = sign_member(by, room_id, epoch, event_id, signed)
    message = admin_message(room_id, epoch, event_id, signed)
    signed["sig_admin"] = b64e(admin.sign(message).signature)
    return validate(signed)


def member_signature_ok(
    sig_pub: bytes, room_id: bytes, epoch: int, event_id: str, fields: dict[str, Any]
) -> bool:
    sig = fields.get("sig")
    if not isinstance(sig, str):
        return False
    try:
        raw = b64d(sig, max_len=64)
    except ProtocolError:
        return False
    return verify(sig_pub, member_message(room_id, epoch, event_id, fields), raw)


def admin_signature_ok(
    admin_pub: bytes, room_id: bytes, epoch: int, event_id: str, fields: dict[str, Any]
) -> bool:
    sig = fields.get("sig_admin")
    if not isinstance(sig, str):
        return False
    try:
        raw = b64d(sig, max_len=64)
    except ProtocolError:
        return False
    return verify(admin_pub, admin_message(room_id, epoch, event_id, fields), raw)


# --- shapes -------------------------------------------------------------------------------


def key_field(value: object, size: int = 32) -> bytes:
    raw = b64d(value, max_len=size)
    if len(raw) != size:
        raise ProtocolError("bad key")
    return raw


def _text(value: object, limit: int, *, empty: bool = True) -> str:
    if not isinstance(value, str) or len(value) > limit or (not empty and not value.strip()):
        raise ProtocolError("bad text")
    return value


def _int(value: object, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= high:
        raise ProtocolError("bad number")
    return value


def _sealed_map(value: object) -> None:
    if not isinstance(value, dict) or not 0 < len(value) <= 1000:
        raise ProtocolError("bad sealed map")
    for key, sealed in value.items():
        hex_id(key, MEMBER_ID_BYTES)
        b64d(sealed, max_len=512)


def _roster_rows(value: object) -> None:
    """A grant's or welcome's roster: [member id, pseudonym, sig_pub, box_pub, role] each."""
    if not isinstance(value, list) or len(value) > 1000:
        raise ProtocolError("bad roster")
    for row in value:
        if not isinstance(row, list) or len(row) != 5:
            raise ProtocolError("bad roster row")
        hex_id(row[0], MEMBER_ID_BYTES)
        _text(row[1], MAX_PSEUDONYM, empty=False)
        key_field(row[2])
        key_field(row[3])
        if row[4] not in ("admin", "member"):
            raise ProtocolError("bad role")


def _check_kind(kind: str, value: dict[str, Any]) -> None:
    if kind == "join":
        _text(value.get("p"), MAX_PSEUDONYM, empty=False)
        key_field(value.get("sig_pub"))
        key_field(value.get("box_pub"))
    elif kind in ("post", "reaction"):
        _text(value.get("b"), 20000)
        _text(value.get("cw", ""), 200)
        if value.get("r") is not None:
            hex_id(value["r"], POST_ID_BYTES)
        _int(value.get("t"), 2**40)
        hex_id(value.get("d"), 32)
        seen = value.get("seen", [])
        if not isinstance(seen, list) or len(seen) > 8:
            raise ProtocolError("bad seen")
        for item in seen:
            hex_id(item, POST_ID_BYTES)
        if kind == "reaction" and (value["b"] not in REACTIONS or value.get("r") is None):
            raise ProtocolError("bad reaction")
    elif kind in ("delete", "admin_delete"):
        hex_id(value.get("post"), POST_ID_BYTES)
    elif kind in ("report", "knock"):
        b64d(value.get("sealed"), max_len=8192)
    elif kind == "rekey":
        _int(value.get("epoch"), MAX_EPOCH)
        _sealed_map(value.get("sealed"))
        removed = value.get("removed", [])
        if not isinstance(removed, list) or len(removed) > 1000:
            raise ProtocolError("bad removed")
        for item in removed:
            hex_id(item, MEMBER_ID_BYTES)
        hex_id(value.get("roster"), 32)
        _int(value.get("at"), 2**53 - 1)
    elif kind == "promote":
        hex_id(value.get("member"), MEMBER_ID_BYTES)
        b64d(value.get("sealed"), max_len=512)
    elif kind == "admin_rotate":
        key_field(value.get("admin_pub"))
        _sealed_map(value.get("sealed"))
    elif kind == "rules":
        _text(value.get("text"), MAX_RULES)
        contacts = value.get("contacts", [])
        if not isinstance(contacts, list) or len(contacts) > MAX_CONTACTS:
            raise ProtocolError("bad contacts")
        for contact in contacts:
            if not isinstance(contact, dict) or set(contact) != {"name", "how"}:
                raise ProtocolError("bad contact")
            _text(contact["name"], 120, empty=False)
            _text(contact["how"], 300, empty=False)
    elif kind == "welcome":
        hex_id(value.get("for"), MEMBER_ID_BYTES)
        _int(value.get("epoch"), MAX_EPOCH)
        b64d(value.get("sealed"), max_len=512)
        hex_id(value.get("roster"), 32)
    elif kind == "door":  # a new invite's door key, so every member can hand out the invite
        key_field(value.get("secret"))
        _int(value.get("expires"), MAX_EPOCH)
    elif kind == "grant":
        _int(value.get("epoch"), MAX_EPOCH)
        key_field(value.get("secret"))
        _roster_rows(value.get("members", []))


def validate(value: object) -> dict[str, Any]:
    """Check a decrypted event's shape; raises ProtocolError."""
    if not isinstance(value, dict) or value.get("v") != VERSION or value.get("k") not in KINDS:
        raise ProtocolError("bad plaintext")
    if "m" in value:
        hex_id(value["m"], MEMBER_ID_BYTES)
    for name in SIGNATURES:
        if name in value:
            b64d(value[name], max_len=64)
    _check_kind(str(value["k"]), value)
    return value
