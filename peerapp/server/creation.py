"""Who may create a room: anyone (open), holders of an operator's token (token), or a proof of work (pow)."""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import secrets

from peerapp.sync import creation

OPEN, TOKEN, POW = "open", "token", "pow"
MODES = (OPEN, TOKEN, POW)
MAX_POW_BITS = 32  # what an operator may ask for; clients refuse past creation.MAX_POW_BITS
_TOKEN_ID_BYTES = 4
_TOKEN_SECRET_BYTES = 32


def effective_mode(configured: str, host: str) -> str:
    """The creation mode in force: the configured one, or by default token unless only loopback listens.

    The default is safe for the internet: a server reachable from other machines creates rooms only
    for holders of an operator's token, so nobody can fill it with rooms. A server bound to a
    loopback address (a single machine, the tests, a developer) is open. Behind a proxy or an onion
    service on the same machine the listening address is loopback too: the operator's guide, the
    compose file and the systemd unit set --creation explicitly for that reason.
    """
    if configured:
        return configured
    try:
        loopback = ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = host == "localhost"
    return OPEN if loopback else TOKEN


def token_hash(token: str) -> bytes:
    """What the database keeps of a token: its SHA-256 (the token has 256 random bits, so no salt)."""
    return hashlib.sha256(token.strip().encode()).digest()


def new_token() -> tuple[str, str]:
    """A fresh (id, token). The id (8 hex digits) names it for revocation; it is also the token's start."""
    token_id = secrets.token_hex(_TOKEN_ID_BYTES)
    secret = base64.urlsafe_b64encode(secrets.token_bytes(_TOKEN_SECRET_BYTES)).rstrip(b"=").decode()
    return token_id, f"{token_id}.{secret}"


def pow_ok(room: bytes, header: str | None, bits: int) -> bool:
    """Whether the request's proof-of-work header holds for this room (stateless: the proof is bound
    to the room id, so replaying it can only create that same room, which then exists)."""
    return header is not None and creation.pow_ok(room, header.strip(), bits)


def token_header(headers: dict[str, str]) -> str | None:
    value = headers.get(creation.TOKEN_HEADER)
    return value.strip() if value and len(value) <= 200 else None


__all__ = ["MODES", "OPEN", "POW", "TOKEN", "effective_mode", "new_token", "pow_ok", "token_hash"]
