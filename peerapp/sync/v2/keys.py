"""Version 2 keys: a member's per-group keys, epoch and door keys, the admin role, sealed secrets and
safety codes. Nothing here is ever derived from the journal or reused across groups."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.public
import nacl.signing

from ..protocol import ProtocolError

SECRET_BYTES = 32
MEMBER_ID_BYTES = 16
# The safety code: SHA-512 iterated this many times, so finding a second key with the same code
# costs far more than a person comparing 30 digits would notice.
SAFETY_ROUNDS = 5200
SAFETY_DIGITS = 30


def derive(secret: bytes, label: bytes) -> bytes:
    """BLAKE2b-256 keyed with `secret` over a v2 domain label."""
    if len(secret) != SECRET_BYTES:
        raise ProtocolError("secret length")
    return nacl.hash.blake2b(
        b"peerapp/v2/" + label, digest_size=32, key=secret, encoder=nacl.encoding.RawEncoder
    )


def new_secret() -> bytes:
    return os.urandom(SECRET_BYTES)


def member_id(sig_pub: bytes) -> str:
    """A member's id in a group: the first 16 bytes of SHA-256 over their signing key, in hex."""
    return hashlib.sha256(sig_pub).digest()[:MEMBER_ID_BYTES].hex()


def safety_code(room_id: bytes, sig_pub: bytes) -> str:
    """Six groups of five digits that everyone sees alike for one member's key in one group."""
    digest = b"peerapp/v2/safety" + room_id + sig_pub
    for _ in range(SAFETY_ROUNDS):
        digest = hashlib.sha512(digest + sig_pub).digest()
    digits = str(int.from_bytes(digest[:30], "big")).zfill(SAFETY_DIGITS)[-SAFETY_DIGITS:]
    return " ".join(digits[i : i + 5] for i in range(0, SAFETY_DIGITS, 5))


@dataclass(frozen=True)
class MemberKeys:
    """One member's keys for one group: Ed25519 to sign, X25519 to receive sealed secrets."""

    signing: nacl.signing.SigningKey
    box: nacl.public.PrivateKey

    @classmethod
    def generate(cls) -> MemberKeys:
        return cls(nacl.signing.SigningKey.generate(), nacl.public.PrivateKey.generate())

    @classmethod
    def from_bytes(cls, signing_seed: bytes, box_secret: bytes) -> MemberKeys:
        return cls(nacl.signing.SigningKey(signing_seed), nacl.public.PrivateKey(box_secret))

    def to_bytes(self) -> tuple[bytes, bytes]:
        """The two secrets, for the vault only."""
        return bytes(self.signing), bytes(self.box)

    @property
    def sig_pub(self) -> bytes:
        return bytes(self.signing.verify_key)

    @property
    def box_pub(self) -> bytes:
        return bytes(self.box.public_key)

    @property
    def id(self) -> str:
        return member_id(self.sig_pub)


@dataclass(frozen=True)
class EpochKeys:
    """What epoch n's secret E_n gives: the content key and the write key the server checks."""

    epoch: int
    secret: bytes
    content_key: bytes
    write_key: nacl.signing.SigningKey

    @classmethod
    def from_secret(cls, epoch: int, secret: bytes) -> EpochKeys:
        if not 0 < epoch < 2**32:
            raise ProtocolError("bad epoch")
        return cls(
            epoch,
            secret,
            derive(secret, b"content"),
            nacl.signing.SigningKey(derive(secret, b"write")),
        )

    @property
    def write_pub(self) -> bytes:
        return bytes(self.write_key.verify_key)


@dataclass(frozen=True)
class DoorKeys:
    """What an invite's door key K_g gives: the door's content key and its write key."""

    secret: bytes
    content_key: bytes
    write_key: nacl.signing.SigningKey

    @classmethod
    def from_secret(cls, secret: bytes) -> DoorKeys:
        return cls(
            secret,
            derive(secret, b"door"),
            nacl.signing.SigningKey(derive(secret, b"door-write")),
        )

    @property
    def write_pub(self) -> bytes:
        return bytes(self.write_key.verify_key)


def admin_box_public(admin_pub: bytes) -> nacl.public.PublicKey:
    """The X25519 form of the admin role's public key: what reports and knocks are sealed to."""
    try:
        return nacl.signing.VerifyKey(admin_pub).to_curve25519_public_key()
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise ProtocolError("bad admin key") from exc


def seal_to(box_pub: bytes, data: bytes) -> bytes:
    """A sealed box only the holder of `box_pub`'s secret can open (the sender stays anonymous)."""
    try:
        return bytes(nacl.public.SealedBox(nacl.public.PublicKey(box_pub)).encrypt(data))
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise ProtocolError("bad box key") from exc


def open_sealed(box: nacl.public.PrivateKey, sealed: bytes) -> bytes:
    try:
        return bytes(nacl.public.SealedBox(box).decrypt(sealed))
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise ProtocolError("sealed box") from exc


def seal_to_admins(admin_pub: bytes, data: bytes) -> bytes:
    return bytes(nacl.public.SealedBox(admin_box_public(admin_pub)).encrypt(data))


def open_as_admin(admin: nacl.signing.SigningKey, sealed: bytes) -> bytes:
    return open_sealed(admin.to_curve25519_private_key(), sealed)
