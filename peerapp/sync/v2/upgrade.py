"""The v1 `upgrade` event: the v1 admin tells every v1 member, under the v1 content key, the first
v2 epoch secret and the new invite. Signed by the v1 admin key, so a member holding S cannot fake it."""

from __future__ import annotations

import json
import os
from typing import Any

import nacl.exceptions
import nacl.signing
from nacl.bindings import (
    crypto_aead_xchacha20poly1305_ietf_decrypt,
    crypto_aead_xchacha20poly1305_ietf_encrypt,
)

from peerapp.core.db import Connection

from .. import protocol
from ..protocol import NONCE_BYTES, GroupKeys, ProtocolError, b64d, b64e, pad, unpad

KIND = "upgrade"


def _message(room_id: bytes, post_id: str, secret: str, invite: str) -> bytes:
    body = json.dumps({"e": secret, "i": invite}, separators=(",", ":"), sort_keys=True).encode()
    return b"peerapp/v2/upgrade-event" + room_id + bytes.fromhex(post_id) + body


def seal(keys: GroupKeys, admin: nacl.signing.SigningKey, post_id: str, secret: bytes, invite: str) -> bytes:
    """A v1 blob (version byte 1) carrying the upgrade; v1-only clients drop it as an unknown kind."""
    e = b64e(secret)
    sig = b64e(admin.sign(_message(keys.room_id, post_id, e, invite)).signature)
    value = {"v": protocol.VERSION, "k": KIND, "e": e, "i": invite, "sig": sig}
    data = json.dumps(value, separators=(",", ":"), sort_keys=True).encode()
    nonce = os.urandom(NONCE_BYTES)
    sealed = crypto_aead_xchacha20poly1305_ietf_encrypt(
        pad(data), protocol.post_aad(keys.room_id, post_id), nonce, keys.content_key
    )
    return bytes([protocol.VERSION]) + nonce + sealed


def read(keys: GroupKeys, admin_pub: bytes, post_id: str, blob: bytes) -> tuple[bytes, str] | None:
    """(the epoch 1 secret, the v2 invite) if `blob` is an upgrade the v1 admin signed, else None."""
    if len(blob) < 1 + NONCE_BYTES or blob[0] != protocol.VERSION:
        return None
    try:
        padded = crypto_aead_xchacha20poly1305_ietf_decrypt(
            blob[1 + NONCE_BYTES :], protocol.post_aad(keys.room_id, post_id), blob[1 : 1 + NONCE_BYTES],
            keys.content_key,
        )  # fmt: skip
        value: Any = json.loads(unpad(padded).decode())
    except (nacl.exceptions.CryptoError, ValueError, ProtocolError):
        return None
    if not isinstance(value, dict) or value.get("k") != KIND:
        return None
    e, invite, sig = value.get("e"), value.get("i"), value.get("sig")
    if not isinstance(e, str) or not isinstance(invite, str) or len(invite) > 2000:
        return None
    try:
        ok = protocol.verify(admin_pub, _message(keys.room_id, post_id, e, invite), b64d(sig, max_len=64))
        secret = b64d(e, max_len=32)
    except ProtocolError:
        return None
    return (secret, invite) if ok and len(secret) == 32 else None


def follow(
    conn: Connection, group_id: int, keys: GroupKeys, pseudonym: str, secret: bytes, invite: str
) -> bool:
    """A member's client meets a valid upgrade: the group becomes v2 here, with fresh member keys."""
    from .invite import InviteV2
    from .keys import DoorKeys, MemberKeys
    from .state import GroupState
    from .store import become_v2

    try:
        parsed = InviteV2.decode(invite)
    except protocol.InvalidInvite:
        return False
    if parsed.room_id != keys.room_id:
        return False  # an upgrade must keep the room (the admin signed it, but be strict)
    state = GroupState(parsed.room_id, parsed.admin_pub, MemberKeys.generate())
    state.enter(1, secret)
    state.doors.append(DoorKeys.from_secret(parsed.door_secret))
    state.approval, state.door_expires = parsed.approval, parsed.expires_day
    become_v2(conn, group_id, state, pseudonym, creator=False)
    return True
