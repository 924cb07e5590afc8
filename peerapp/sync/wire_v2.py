"""The group API's version 2 additions on the wire: creating a v2 room, its key changes (a new epoch,
admin role key or door), the upgrade of a v1 room, and reading a room's key generations.

Posts, batches, deletions and events keep their v1 paths and models: a v2 blob says its version and
epoch in its first bytes, and the server picks the key it must be signed with from those
(peerapp.sync.v2.room_keys). docs/PROTOCOL.md, "Version 2", says what each change means."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from . import wire
from .wire import (
    BAD_REQUEST,
    BAD_SIGNATURE,
    NO_ROOM,
    RATE_LIMITED,
    ROOM_EXISTS,
    STALE_EPOCH,
    TOO_LARGE,
    Model,
    Operation,
    Reply,
)
from .wire_fields import PUBLIC_KEY, ROOM, SIGNATURE
from .wire_model import Integer

U32 = 2**32 - 1
EPOCH = Integer(1, U32, doc="an epoch number (1 is the room's first)")
GENERATION = Integer(1, U32, doc="the generation a key change moves to (the room's current one + 1)")
EXPIRES = Integer(0, U32, doc="the Unix day after which the door closes; 0: never")


@dataclass(frozen=True, kw_only=True)
class CreateRoomV2(Model):
    """Register a v2 room at epoch 1; `sig` is the admin role key's over room_keys.create_message."""

    room: Annotated[bytes, ROOM]
    write_pub: Annotated[bytes, PUBLIC_KEY]
    admin_pub: Annotated[bytes, PUBLIC_KEY]
    door_pub: Annotated[bytes, PUBLIC_KEY]
    door_expires: Annotated[int, EXPIRES]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class SetEpoch(Model):
    """Move the room to the next epoch; signed by the admin role key over room_keys.epoch_message."""

    epoch: Annotated[int, EPOCH]
    write_pub: Annotated[bytes, PUBLIC_KEY]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class SetAdmin(Model):
    """Hand the admin role to a new key; signed by the current one over room_keys.admin_message."""

    generation: Annotated[int, GENERATION]
    admin_pub: Annotated[bytes, PUBLIC_KEY]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class SetDoor(Model):
    """Open a new invite's door and close the old; signed by the admin role key (room_keys.door_message)."""

    generation: Annotated[int, GENERATION]
    door_pub: Annotated[bytes, PUBLIC_KEY]
    door_expires: Annotated[int, EXPIRES]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class UpgradeRoom(Model):
    """Turn a v1 room into a v2 room at epoch 1; signed by the v1 admin key (room_keys.upgrade_message)."""

    write_pub: Annotated[bytes, PUBLIC_KEY]
    admin_pub: Annotated[bytes, PUBLIC_KEY]
    door_pub: Annotated[bytes, PUBLIC_KEY]
    door_expires: Annotated[int, EXPIRES]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class RoomKeys(Reply):
    """Where a room's keys stand: its version, epoch and generations (never who holds them)."""

    version: Annotated[int, Integer(1, 2, doc="the room's protocol version")]
    epoch: Annotated[int, Integer(0, U32, doc="the current epoch (0 in a v1 room)")]
    admin_generation: Annotated[int, Integer(0, U32, doc="the admin role key's generation")]
    door_generation: Annotated[int, Integer(0, U32, doc="the door's generation")]


_SIGNED = (BAD_REQUEST, BAD_SIGNATURE, TOO_LARGE, RATE_LIMITED)
_CHANGE = ((200, "Changed; the room's keys as they now stand.", RoomKeys),)

CREATE_ROOM_V2 = Operation(
    "createRoomV2", "POST", "/v2/rooms", "Register a version 2 room (signed with its admin role key).",
    ((201, "Created.", RoomKeys), (200, "It already exists with the same keys.", RoomKeys)),
    request=(CreateRoomV2,), errors=(*_SIGNED, ROOM_EXISTS),
)  # fmt: skip
ROOM_KEYS = Operation(
    "roomKeys", "GET", "/v2/rooms/{room}", "A room's version, epoch and key generations.",
    ((200, "The room's keys as they stand.", RoomKeys),), errors=(BAD_REQUEST, NO_ROOM, RATE_LIMITED),
)  # fmt: skip
SET_EPOCH = Operation(
    "setEpoch", "POST", "/v2/rooms/{room}/epoch", "Move a v2 room to its next epoch and write key.",
    _CHANGE, request=(SetEpoch,), errors=(*_SIGNED, NO_ROOM, STALE_EPOCH),
)  # fmt: skip
SET_ADMIN = Operation(
    "setAdmin", "POST", "/v2/rooms/{room}/admin", "Hand a v2 room's admin role to a new key.",
    _CHANGE, request=(SetAdmin,), errors=(*_SIGNED, NO_ROOM, STALE_EPOCH),
)  # fmt: skip
SET_DOOR = Operation(
    "setDoor", "POST", "/v2/rooms/{room}/door", "Open a new invite's door; the old door's uploads are refused.",
    _CHANGE, request=(SetDoor,), errors=(*_SIGNED, NO_ROOM, STALE_EPOCH),
)  # fmt: skip
UPGRADE_ROOM = Operation(
    "upgradeRoom", "POST", "/v2/rooms/{room}/upgrade", "Turn a version 1 room into a version 2 room.",
    _CHANGE, request=(UpgradeRoom,), errors=(*_SIGNED, NO_ROOM, STALE_EPOCH),
)  # fmt: skip

V2_OPERATIONS = (CREATE_ROOM_V2, ROOM_KEYS, SET_EPOCH, SET_ADMIN, SET_DOOR, UPGRADE_ROOM)
ALL_OPERATIONS = (*wire.OPERATIONS, *V2_OPERATIONS)
