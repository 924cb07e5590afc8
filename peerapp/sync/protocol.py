"""The group wire protocol: key derivation, invites, padding, post envelopes and signed messages.

Shared by the client (peerapp.sync) and the server (peerapp.server), so both sides build and
check exactly the same bytes. docs/PROTOCOL.md describes it in prose.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import struct
from dataclasses import dataclass
from typing import Any

import nacl.exceptions
import nacl.hash
import nacl.public
import nacl.signing
from nacl.bindings import (
    crypto_aead_xchacha20poly1305_ietf_decrypt,
    crypto_aead_xchacha20poly1305_ietf_encrypt,
    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
)

from peerapp.core.errors import PeerappError
from peerapp.core.i18n import QT_TRANSLATE_NOOP

VERSION = 1
SECRET_BYTES = 32
ROOM_ID_BYTES = 32
POST_ID_BYTES = 16
DELETE_SECRET_BYTES = 32
NONCE_BYTES = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES  # 24
TAG_BYTES = 16
# Plaintexts are padded to one of these sizes so the server learns only a coarse length.
BUCKETS = (256, 512, 1024, 2048, 4096, 8192, 16384, 32768)
MAX_PLAINTEXT = BUCKETS[-1] - 4
MAX_BLOB = 1 + NONCE_BYTES + BUCKETS[-1] + TAG_BYTES
# Sealed reports: an X25519 sealed box (32-byte ephemeral key + 16-byte tag) over a padded plaintext.
MAX_REPORT_BLOB = BUCKETS[4] + 32 + TAG_BYTES
DEFAULT_PAGE = 200
MAX_PAGE = 500
MAX_BODY = 64 * 1024  # a request body larger than this is refused (413)
MAX_BATCH = 100  # posts in one batch upload
MAX_BATCH_BODY = 1024 * 1024  # a batch body larger than this is refused (413)
INVITE_PREFIX = "PEERAPP1:"
INVITE_MAX_URL = 512
INVITE_MAX_NAME = 120  # bytes of UTF-8
REACTIONS = ("me_too",)
KINDS = ("post", "reaction")
# Lowercase hex digits only: bytes.fromhex would also skip spaces, so "00 11 …" of the right length
# would decode to a shorter id.
_HEX = re.compile(r"[0-9a-f]*")


class ProtocolError(PeerappError):
    """Anything that fails validation: bad bytes, bad padding, bad signature, bad shape."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The group server sent something that is not valid. It was ignored."
    )


class InvalidInvite(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "That invite code is not valid. Check that it was copied completely and try again."
    )


# --- encodings ---------------------------------------------------------------------------


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: object, *, max_len: int) -> bytes:
    """Strict base64url decode with a length bound; raises ProtocolError."""
    if not isinstance(text, str) or len(text) > (max_len * 4) // 3 + 4:
        raise ProtocolError("bad base64")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ProtocolError("bad base64") from exc
    if len(data) > max_len or b64e(data) != text:
        raise ProtocolError("bad base64")
    return data


def hex_id(value: object, size: int) -> bytes:
    """Parse a lowercase hex id of exactly `size` bytes; raises ProtocolError."""
    if not isinstance(value, str) or len(value) != 2 * size or not _HEX.fullmatch(value):
        raise ProtocolError("bad id")
    return bytes.fromhex(value)


def new_post_id() -> str:
    return os.urandom(POST_ID_BYTES).hex()


# --- keys -------------------------------------------------------------------------------


def _derive(secret: bytes, label: bytes) -> bytes:
    return nacl.hash.blake2b(
        b"peerapp/v1/" + label, digest_size=32, key=secret, encoder=nacl.encoding.RawEncoder
    )


@dataclass(frozen=True)
class GroupKeys:
    """Everything derived from the group secret S."""

    secret: bytes
    room_id: bytes
    content_key: bytes
    write_key: nacl.signing.SigningKey

    @classmethod
    def from_secret(cls, secret: bytes) -> GroupKeys:
        if len(secret) != SECRET_BYTES:
            raise InvalidInvite("secret length")
        return cls(
            secret=secret,
            room_id=_derive(secret, b"room"),
            content_key=_derive(secret, b"content"),
            write_key=nacl.signing.SigningKey(_derive(secret, b"write")),
        )

    @property
    def room(self) -> str:
        """The room id as it appears in URLs."""
        return self.room_id.hex()

    @property
    def write_pub(self) -> bytes:
        return bytes(self.write_key.verify_key)


def new_secret() -> bytes:
    return os.urandom(SECRET_BYTES)


def new_admin_key() -> nacl.signing.SigningKey:
    return nacl.signing.SigningKey.generate()


# --- invites ----------------------------------------------------------------------------


def armor(prefix: str, body: bytes) -> str:
    """`prefix` + Base32 of `body` and a 4-byte SHA-256 check (QR alphanumeric mode, readable aloud)."""
    return prefix + base64.b32encode(body + hashlib.sha256(body).digest()[:4]).decode("ascii").rstrip("=")


def unarmor(prefix: str, text: str, min_body: int) -> bytes:
    """The body of an armored code; whitespace and letter case are ignored. Raises InvalidInvite."""
    code = "".join(text.split()).upper()
    if not code.startswith(prefix):
        raise InvalidInvite("prefix")
    raw_b32 = code[len(prefix) :]
    if len(raw_b32) > 2048:
        raise InvalidInvite("too long")
    try:
        raw = base64.b32decode(raw_b32 + "=" * (-len(raw_b32) % 8))
    except (binascii.Error, ValueError) as exc:
        raise InvalidInvite("base32") from exc
    body, check = raw[:-4], raw[-4:]
    if len(body) < min_body or not hmac.compare_digest(hashlib.sha256(body).digest()[:4], check):
        raise InvalidInvite("checksum")
    return body


def url_and_name(server_url: str, name: str) -> bytes:
    """An invite's tail: url_len(2) | url | name_len(1) | name (cut to INVITE_MAX_NAME bytes)."""
    url, cut = server_url.encode(), name.encode()[:INVITE_MAX_NAME]
    if len(url) > INVITE_MAX_URL:
        raise InvalidInvite("url too long")
    return struct.pack(">H", len(url)) + url + bytes([len(cut)]) + cut


def read_url_and_name(body: bytes, start: int) -> tuple[str, str]:
    """The (url, name) tail of an invite body from `start`, which must end the body exactly."""
    (url_len,) = struct.unpack(">H", body[start : start + 2])
    url_end = start + 2 + url_len
    if url_len > INVITE_MAX_URL or url_end + 1 > len(body):
        raise InvalidInvite("url")
    if url_end + 1 + body[url_end] != len(body):
        raise InvalidInvite("name")
    try:
        url, name = body[start + 2 : url_end].decode(), body[url_end + 1 :].decode()
    except UnicodeDecodeError as exc:
        raise InvalidInvite("utf-8") from exc
    if not url.startswith(("http://", "https://")):
        raise InvalidInvite("scheme")
    return url, name


@dataclass(frozen=True)
class Invite:
    server_url: str
    secret: bytes
    admin_pub: bytes
    name: str

    def encode(self) -> str:
        body = bytes([VERSION]) + self.secret + self.admin_pub + url_and_name(self.server_url, self.name)
        return armor(INVITE_PREFIX, body)

    @classmethod
    def decode(cls, text: str) -> Invite:
        body = unarmor(INVITE_PREFIX, text, 1 + 64 + 2 + 1)
        if body[0] != VERSION:
            raise InvalidInvite("version")
        url, name = read_url_and_name(body, 65)
        return cls(server_url=url, secret=body[1:33], admin_pub=body[33:65], name=name)


# --- padding ----------------------------------------------------------------------------


def pad(data: bytes) -> bytes:
    """4-byte big-endian length, the data, then zeros up to the smallest bucket that fits."""
    if len(data) > MAX_PLAINTEXT:
        raise ProtocolError("too long")
    size = next(b for b in BUCKETS if b >= len(data) + 4)
    return struct.pack(">I", len(data)) + data + bytes(size - 4 - len(data))


def unpad(padded: bytes) -> bytes:
    if len(padded) not in BUCKETS:
        raise ProtocolError("bad padding size")
    (length,) = struct.unpack(">I", padded[:4])
    if length > len(padded) - 4:
        raise ProtocolError("bad padding length")
    tail = padded[4 + length :]
    if tail.count(0) != len(tail):
        raise ProtocolError("bad padding bytes")
    return padded[4 : 4 + length]


# --- post envelopes ---------------------------------------------------------------------


def post_aad(room_id: bytes, post_id: str) -> bytes:
    return b"peerapp/v1/post" + room_id + bytes.fromhex(post_id)


def seal_post(keys: GroupKeys, post_id: str, plaintext: dict[str, Any]) -> bytes:
    """Encrypt a post. A fresh random nonce makes the same text give different blobs."""
    data = json.dumps(plaintext, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    nonce = os.urandom(NONCE_BYTES)
    ct = crypto_aead_xchacha20poly1305_ietf_encrypt(
        pad(data), post_aad(keys.room_id, post_id), nonce, keys.content_key
    )
    return bytes([VERSION]) + nonce + ct


def open_post(keys: GroupKeys, post_id: str, blob: bytes) -> dict[str, Any]:
    """Decrypt and validate a post; raises ProtocolError on any tampering or bad shape."""
    if len(blob) < 1 + NONCE_BYTES + BUCKETS[0] + TAG_BYTES or len(blob) > MAX_BLOB or blob[0] != VERSION:
        raise ProtocolError("bad blob")
    nonce, ct = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        padded = crypto_aead_xchacha20poly1305_ietf_decrypt(
            ct, post_aad(keys.room_id, post_id), nonce, keys.content_key
        )
    except nacl.exceptions.CryptoError as exc:
        raise ProtocolError("decryption failed") from exc
    try:
        value = json.loads(unpad(padded).decode())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError("bad plaintext") from exc
    return validate_post_plaintext(value)


def validate_post_plaintext(value: object) -> dict[str, Any]:
    """Check the decrypted fields: a member's client may still be hostile."""
    if not isinstance(value, dict) or value.get("v") != VERSION or value.get("k") not in KINDS:
        raise ProtocolError("bad plaintext")
    author, body, cw = value.get("a"), value.get("b"), value.get("cw", "")
    reply_to, at, dhash = value.get("r"), value.get("t"), value.get("d")
    seen = value.get("seen", [])
    if not isinstance(author, str) or not 0 < len(author) <= 64:
        raise ProtocolError("bad author")
    if not isinstance(body, str) or len(body) > 20000 or not isinstance(cw, str) or len(cw) > 200:
        raise ProtocolError("bad body")
    if reply_to is not None:
        hex_id(reply_to, POST_ID_BYTES)
    if not isinstance(at, int) or isinstance(at, bool) or not 0 <= at < 2**40:
        raise ProtocolError("bad time")
    hex_id(dhash, 32)
    if not isinstance(seen, list) or len(seen) > 8:
        raise ProtocolError("bad seen")
    for item in seen:
        hex_id(item, POST_ID_BYTES)
    if value["k"] == "reaction" and (body not in REACTIONS or reply_to is None):
        raise ProtocolError("bad reaction")
    return value


def post_plaintext(
    *,
    kind: str,
    author: str,
    body: str,
    delete_hash: bytes,
    at: int,
    content_warning: str = "",
    reply_to: str | None = None,
    seen: list[str] | None = None,
) -> dict[str, Any]:
    """Build the fields a post carries inside its envelope. `at` is coarse (see coarse_time)."""
    value: dict[str, Any] = {
        "v": VERSION,
        "k": kind,
        "a": author,
        "b": body,
        "cw": content_warning,
        "r": reply_to,
        "t": at,
        "d": delete_hash.hex(),
        "seen": list(seen or [])[:8],
    }
    return validate_post_plaintext(value)


def coarse_time(unix_seconds: float) -> int:
    """Round down to 10 minutes: enough to order a conversation, too coarse to fingerprint."""
    return int(unix_seconds) // 600 * 600


def new_delete_secret() -> bytes:
    return os.urandom(DELETE_SECRET_BYTES)


def delete_hash(secret: bytes) -> bytes:
    return hashlib.sha256(b"peerapp/v1/delete-secret" + secret).digest()


# --- signed messages --------------------------------------------------------------------
# Each signature covers a domain label and the room id, so it cannot be replayed elsewhere.


def create_message(room_id: bytes, write_pub: bytes, admin_pub: bytes) -> bytes:
    return b"peerapp/v1/create" + room_id + write_pub + admin_pub


def put_message(room_id: bytes, post_id: str, blob: bytes, dhash: bytes) -> bytes:
    return b"peerapp/v1/put" + room_id + bytes.fromhex(post_id) + hashlib.sha256(blob).digest() + dhash


def admin_delete_message(room_id: bytes, post_id: str) -> bytes:
    return b"peerapp/v1/admin-delete" + room_id + bytes.fromhex(post_id)


def report_message(room_id: bytes, blob: bytes) -> bytes:
    return b"peerapp/v1/report" + room_id + hashlib.sha256(blob).digest()


def sign(key: nacl.signing.SigningKey, message: bytes) -> bytes:
    return bytes(key.sign(message).signature)


def verify(public: bytes, message: bytes, signature: bytes) -> bool:
    if len(public) != 32 or len(signature) != 64:
        return False
    try:
        nacl.signing.VerifyKey(public).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, nacl.exceptions.TypeError):
        return False
    return True


# --- sealed reports ---------------------------------------------------------------------


def seal_report(admin_pub: bytes, post_id: str, reason: str) -> bytes:
    """Only the admin can read a report: a sealed box to the admin key's X25519 form."""
    box = nacl.public.SealedBox(nacl.signing.VerifyKey(admin_pub).to_curve25519_public_key())
    data = json.dumps({"v": VERSION, "post": post_id, "reason": reason[:1000]}, ensure_ascii=False).encode()
    return bytes(box.encrypt(pad(data)))


def open_report(admin_key: nacl.signing.SigningKey, blob: bytes) -> tuple[str, str]:
    """Return (post id, reason); raises ProtocolError."""
    box = nacl.public.SealedBox(admin_key.to_curve25519_private_key())
    try:
        value = json.loads(unpad(box.decrypt(blob)).decode())
    except (nacl.exceptions.CryptoError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError("bad report") from exc
    if not isinstance(value, dict) or not isinstance(value.get("reason"), str):
        raise ProtocolError("bad report")
    hex_id(value.get("post"), POST_ID_BYTES)
    return str(value["post"]), str(value["reason"])[:1000]
