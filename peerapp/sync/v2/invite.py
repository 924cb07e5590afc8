"""The version 2 invite: room id, door key, admin key, approval flag and expiry; no epoch secret."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
from dataclasses import dataclass

from ..protocol import INVITE_MAX_NAME, INVITE_MAX_URL, InvalidInvite

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
        url = self.server_url.encode()
        name = self.name.encode()[:INVITE_MAX_NAME]
        if len(url) > INVITE_MAX_URL:
            raise InvalidInvite("url too long")
        body = (
            bytes([VERSION])
            + self.room_id
            + self.door_secret
            + self.admin_pub
            + bytes([APPROVAL if self.approval else 0])
            + struct.pack(">I", self.expires_day)
            + struct.pack(">H", len(url))
            + url
            + bytes([len(name)])
            + name
        )
        check = hashlib.sha256(body).digest()[:4]
        return PREFIX + base64.b32encode(body + check).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str) -> InviteV2:
        code = "".join(text.split()).upper()
        if not code.startswith(PREFIX):
            raise InvalidInvite("prefix")
        raw_b32 = code[len(PREFIX) :]
        if len(raw_b32) > 2048:
            raise InvalidInvite("too long")
        try:
            raw = base64.b32decode(raw_b32 + "=" * (-len(raw_b32) % 8))
        except (binascii.Error, ValueError) as exc:
            raise InvalidInvite("base32") from exc
        body, check = raw[:-4], raw[-4:]
        if len(raw) < _FIXED + 2 + 1 + 4 or not hmac.compare_digest(hashlib.sha256(body).digest()[:4], check):
            raise InvalidInvite("checksum")
        if body[0] != VERSION:
            raise InvalidInvite("version")
        room, door, admin = body[1:33], body[33:65], body[65:97]
        flags = body[97]
        if flags & ~APPROVAL:
            raise InvalidInvite("flags")
        (expires,) = struct.unpack(">I", body[98:102])
        (url_len,) = struct.unpack(">H", body[102:104])
        url_end = 104 + url_len
        if url_len > INVITE_MAX_URL or url_end + 1 > len(body):
            raise InvalidInvite("url")
        name_len = body[url_end]
        if url_end + 1 + name_len != len(body):
            raise InvalidInvite("name")
        try:
            url = body[104:url_end].decode()
            name = body[url_end + 1 :].decode()
        except UnicodeDecodeError as exc:
            raise InvalidInvite("utf-8") from exc
        if not (url.startswith("http://") or url.startswith("https://")):
            raise InvalidInvite("scheme")
        return cls(url, room, door, admin, name, bool(flags & APPROVAL), int(expires))
