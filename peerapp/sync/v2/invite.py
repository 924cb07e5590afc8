"""The version 2 invite: room id, door key, admin key, approval flag and expiry; no epoch secret."""

from __future__ import annotations

import struct
from dataclasses import dataclass

from ..protocol import InvalidInvite, armor, read_url_and_name, unarmor, url_and_name

PREFIX = "PEERAPP2:"
VERSION = 2
APPROVAL = 0x01
_FIXED = 1 + 32 + 32 + 32 + 1 + 4  # version, room, door key, admin key, flags, expiry day


@dataclass(frozen=True)
class InviteV2:
    server_url: str
    room_id: bytes
    door_secret: bytes
    admin_pub: bytes
    name: str
    approval: bool = False
    expires_day: int = 0  # Unix days; 0 = never

    def expired(self, today: int) -> bool:
        return bool(self.expires_day) and today > self.expires_day

    def encode(self) -> str:
        head = bytes([VERSION]) + self.room_id + self.door_secret + self.admin_pub
        head += bytes([APPROVAL if self.approval else 0]) + struct.pack(">I", self.expires_day)
        return armor(PREFIX, head + url_and_name(self.server_url, self.name))

    @classmethod
    def decode(cls, text: str) -> InviteV2:
        body = unarmor(PREFIX, text, _FIXED + 2 + 1)
        if body[0] != VERSION:
            raise InvalidInvite("version")
        room, door, admin = body[1:33], body[33:65], body[65:97]
        flags = body[97]
        if flags & ~APPROVAL:
            raise InvalidInvite("flags")
        (expires,) = struct.unpack(">I", body[98:102])
        url, name = read_url_and_name(body, _FIXED)
        return cls(url, room, door, admin, name, bool(flags & APPROVAL), int(expires))
