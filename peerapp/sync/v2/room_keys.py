"""What the server checks in version 2: the admin-signed changes to a room's keys (creation, a new
epoch's write key, a new admin role key, a new door) and which key an upload must be signed with.

Each change names the generation it moves to, so an old signed change replayed later is refused."""

from __future__ import annotations

import struct
from dataclasses import dataclass

_U32 = struct.Struct(">I")


def create_message(
    room: bytes, write_pub: bytes, admin_pub: bytes, door_pub: bytes, door_expires: int
) -> bytes:
    """Signed by the admin role key: a v2 room starts at epoch 1, admin and door generation 1."""
    return b"peerapp/v2/create" + room + write_pub + admin_pub + door_pub + _U32.pack(door_expires)


def epoch_message(room: bytes, epoch: int, write_pub: bytes) -> bytes:
    """Signed by the admin role key: the room moves to `epoch` with this write key."""
    return b"peerapp/v2/epoch" + room + _U32.pack(epoch) + write_pub


def admin_message(room: bytes, generation: int, admin_pub: bytes) -> bytes:
    """Signed by the current admin role key: the role passes to a new key (a demotion)."""
    return b"peerapp/v2/admin-key" + room + _U32.pack(generation) + admin_pub


def door_message(room: bytes, generation: int, door_pub: bytes, door_expires: int) -> bytes:
    """Signed by the admin role key: a new invite's door, the old one closes."""
    return b"peerapp/v2/door" + room + _U32.pack(generation) + door_pub + _U32.pack(door_expires)


def upgrade_message(
    room: bytes, write_pub: bytes, admin_pub: bytes, door_pub: bytes, door_expires: int
) -> bytes:
    """Signed by a v1 room's admin key: the room becomes v2 at epoch 1."""
    return b"peerapp/v2/upgrade" + room + write_pub + admin_pub + door_pub + _U32.pack(door_expires)


@dataclass(frozen=True)
class UploadKey:
    """The key an upload must be signed with, or why none will do (an error code of the wire)."""

    public: bytes | None
    refusal: str = ""


def upload_key(
    *,
    version: int,
    epoch: int,
    write_pub: bytes,
    door_pub: bytes | None,
    door_expires: int,
    blob: bytes,
    today: int,
) -> UploadKey:
    """Which key signs `blob` in a room: v1 rooms take v1 blobs under the write key; v2 rooms take
    v2 blobs of the current epoch under its write key, and door blobs (epoch 0) under the door key
    until the invite expires."""
    blob_version = blob[0] if blob else 0
    if version == 1:
        return UploadKey(write_pub) if blob_version == 1 else UploadKey(None, "bad_request")
    if blob_version == 1:
        return UploadKey(None, "upgraded")
    if blob_version != 2 or len(blob) < 5:
        return UploadKey(None, "bad_request")
    blob_epoch = _U32.unpack(blob[1:5])[0]
    if blob_epoch == 0:
        if door_pub is None:
            return UploadKey(None, "invite_expired")
        if door_expires and today > door_expires:
            return UploadKey(None, "invite_expired")
        return UploadKey(door_pub)
    if blob_epoch != epoch:
        return UploadKey(None, "stale_epoch")
    return UploadKey(write_pub)
