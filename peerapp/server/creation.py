"""Who may create a room: anyone (open), holders of an operator's token (token), or a proof of work (pow)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import ipaddress
import secrets
from collections.abc import Mapping

from peerapp.server.config import ServerConfig
from peerapp.server.http import BAD_CREATION_TOKEN, CREATION_TOKEN_REQUIRED, DISK_FULL, POW_REQUIRED, ApiError
from peerapp.server.storage import Store
from peerapp.sync import creation

OPEN, TOKEN, POW = "open", "token", "pow"
MODES = (OPEN, TOKEN, POW)
# What an operator may ask for: no more than clients will do (asking more would lock every creator out).
MAX_POW_BITS = creation.MAX_POW_BITS
_TOKEN_ID_BYTES = 4
_TOKEN_SECRET_BYTES = 32
# How old the database's measured size may be when a write is checked against the disk budget: one
# size query every few seconds per process, not one per write (the budget may be overrun by what
# arrives in that time, so set it below the disk's real size).
DISK_CHECK_SECONDS = 5.0


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


def token_header(headers: Mapping[str, str]) -> str | None:
    value = headers.get(creation.TOKEN_HEADER)
    return value.strip() if value and len(value) <= 200 else None


class Gate:
    """The creation mode's check of a request that would create a room, and the disk budget."""

    def __init__(self, config: ServerConfig, store: Store) -> None:
        self.config, self.store = config, store
        self.mode = effective_mode(config.creation, config.host)
        self._disk_checked = -DISK_CHECK_SECONDS
        self._disk_full = False

    async def admit(self, headers: Mapping[str, str], room: bytes) -> None:
        if self.mode == TOKEN:
            token = token_header(headers)
            if token is None:
                raise ApiError(
                    CREATION_TOKEN_REQUIRED, "This server creates rooms only with a creation token."
                )
            if not await self.store.token_known(token_hash(token)):
                raise ApiError(BAD_CREATION_TOKEN, "The creation token is unknown or was revoked.")
        elif self.mode == POW:
            bits = self.config.pow_bits
            if not pow_ok(room, headers.get(creation.POW_HEADER), bits):
                raise ApiError(
                    POW_REQUIRED,
                    "Room creation needs a proof of work.",
                    {creation.POW_BITS_HEADER: str(bits)},
                )
        await self.check_disk()

    async def check_disk(self) -> None:
        """Refuse a write once the database has filled the operator's disk budget."""
        if not self.config.disk_budget:
            return
        now = asyncio.get_running_loop().time()
        if now - self._disk_checked >= DISK_CHECK_SECONDS:
            self._disk_checked = now
            self._disk_full = await self.store.used_bytes() >= self.config.disk_budget
        if self._disk_full:
            raise ApiError(DISK_FULL, "The server is full; it takes no new posts for now.")


__all__ = ["MODES", "OPEN", "POW", "TOKEN", "Gate", "effective_mode", "new_token", "pow_ok", "token_hash"]
