"""The version 2 handlers: create a v2 room, read its key generations, and the admin-signed changes
(a new epoch, admin role key or door, and the upgrade of a v1 room). Each change is checked against
the key the room holds now and must move its generation on by exactly one, so a replayed change is
refused; a token is spent only once the signature checks out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from peerapp.server.http import ApiError, read_body, reply, room_param
from peerapp.server.storage import Room, today
from peerapp.sync import protocol, wire, wire_v2
from peerapp.sync.v2 import room_keys

if TYPE_CHECKING:
    from peerapp.server.app import Api


def keys_reply(room: Room, status: int = 200) -> Response:
    return reply(
        wire_v2.RoomKeys(
            version=room.version,
            epoch=room.epoch,
            admin_generation=room.admin_gen,
            door_generation=room.door_gen,
        ),
        status,
    )


def upload_key(room: Room, blob: bytes) -> bytes:
    """The key `blob` must be signed with in `room`, or the answer that refuses it."""
    choice = room_keys.upload_key(
        version=room.version,
        epoch=room.epoch,
        write_pub=room.write_pub,
        door_pub=room.door_pub,
        door_expires=room.door_expires,
        blob=blob,
        today=today(),
    )
    if choice.public is not None:
        return choice.public
    messages = {
        wire.UPGRADED: "This group moved to protocol version 2; update peerapp.",
        wire.STALE_EPOCH: "The group has moved to a new key; sync, then send again.",
        wire.INVITE_EXPIRED: "This invite has expired or was replaced.",
        wire.BAD_REQUEST: "This post's version does not match the room's.",
    }
    raise ApiError(choice.refusal, messages[choice.refusal])


def _bad_signature() -> ApiError:
    return ApiError(wire.BAD_SIGNATURE, "The signature does not verify.")


def _stale() -> ApiError:
    return ApiError(wire.STALE_EPOCH, "The room has moved on since; read its keys and try again.")


class V2Handlers:
    def __init__(self, api: Api) -> None:
        self.api = api

    async def _room(self, room: bytes, version: int | None = 2) -> Room:
        found = await self.api.room(room)
        if version is not None and found.version != version:
            raise _stale()
        return found

    async def create_room(self, request: Request) -> Response:
        body = await read_body(request, self.api.config.max_body, wire_v2.CreateRoomV2.from_json)
        message = room_keys.create_message(
            body.room, body.write_pub, body.admin_pub, body.door_pub, body.door_expires
        )
        if not protocol.verify(body.admin_pub, message, body.sig):
            raise _bad_signature()
        store = self.api.store
        if await store.room(body.room) is None:
            await self.api.admit_creation(request, body.room)
        outcome = await store.create_room_v2(
            body.room, body.write_pub, body.admin_pub, body.door_pub, body.door_expires, today()
        )
        if outcome == "conflict":
            raise ApiError(wire.ROOM_EXISTS, "The room exists with other keys.")
        return keys_reply(await self._room(body.room), 201 if outcome == "created" else 200)

    async def room_keys(self, request: Request) -> Response:
        room = room_param(request)
        await self.api.take(self.api.read_limit, room)
        return keys_reply(await self._room(room, version=None))

    async def _change(
        self, room: bytes, found: Room, change: str, expect: int, values: dict[str, object]
    ) -> Response:
        await self.api.take(self.api.write_limit, room)
        outcome = await self.api.store.change_room(room, change, expect, values)
        if outcome == "no_room":
            raise ApiError(wire.NO_ROOM, "There is no such room.")
        if outcome == "stale":
            raise _stale()
        return keys_reply(await self._room(room, version=None))

    async def set_epoch(self, request: Request) -> Response:
        room = room_param(request)
        body = await read_body(request, self.api.config.max_body, wire_v2.SetEpoch.from_json)
        found = await self._room(room)
        if not protocol.verify(
            found.admin_pub, room_keys.epoch_message(room, body.epoch, body.write_pub), body.sig
        ):
            raise _bad_signature()
        if body.epoch != found.epoch + 1:
            raise _stale()
        return await self._change(
            room, found, "epoch", found.epoch, {"epoch": body.epoch, "write_pub": body.write_pub}
        )

    async def set_admin(self, request: Request) -> Response:
        room = room_param(request)
        body = await read_body(request, self.api.config.max_body, wire_v2.SetAdmin.from_json)
        found = await self._room(room)
        message = room_keys.admin_message(room, body.generation, body.admin_pub)
        if not protocol.verify(found.admin_pub, message, body.sig):
            raise _bad_signature()
        if body.generation != found.admin_gen + 1:
            raise _stale()
        values: dict[str, object] = {"admin_gen": body.generation, "admin_pub": body.admin_pub}
        return await self._change(room, found, "admin", found.admin_gen, values)

    async def set_door(self, request: Request) -> Response:
        room = room_param(request)
        body = await read_body(request, self.api.config.max_body, wire_v2.SetDoor.from_json)
        found = await self._room(room)
        message = room_keys.door_message(room, body.generation, body.door_pub, body.door_expires)
        if not protocol.verify(found.admin_pub, message, body.sig):
            raise _bad_signature()
        if body.generation != found.door_gen + 1:
            raise _stale()
        values: dict[str, object] = {
            "door_gen": body.generation,
            "door_pub": body.door_pub,
            "door_expires": body.door_expires,
        }
        return await self._change(room, found, "door", found.door_gen, values)

    async def upgrade(self, request: Request) -> Response:
        room = room_param(request)
        body = await read_body(request, self.api.config.max_body, wire_v2.UpgradeRoom.from_json)
        found = await self._room(room, version=1)
        message = room_keys.upgrade_message(
            room, body.write_pub, body.admin_pub, body.door_pub, body.door_expires
        )
        if not protocol.verify(found.admin_pub, message, body.sig):
            raise _bad_signature()
        values: dict[str, object] = {
            "version": 2,
            "write_pub": body.write_pub,
            "admin_pub": body.admin_pub,
            "door_pub": body.door_pub,
            "door_expires": body.door_expires,
            "epoch": 1,
            "admin_gen": 1,
            "door_gen": 1,
        }
        return await self._change(room, found, "upgrade", 1, values)
