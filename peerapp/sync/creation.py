"""Room creation on a restricted server: the creation token in the server address, and the proof of work."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlsplit, urlunsplit

# Request headers a room creation (v1 POST /v1/rooms, v2 create) may carry, and the answer's header
# that names the work a `pow_required` refusal asks for. Headers, not body fields: the create
# models stay as they are, and a server that does not restrict creation ignores them.
TOKEN_HEADER = "peerapp-creation-token"
POW_HEADER = "peerapp-pow"
POW_BITS_HEADER = "peerapp-pow-bits"

# The operator hands out https://server.example/#creation-token=TOKEN. The fragment never leaves the
# device in an HTTP request, and the client strips it before the address goes into an invite, so
# the token reaches only the person the operator gave it to.
FRAGMENT_KEY = "creation-token"

# A server asking for more than this many bits is refused: 2**26 hashes is about a minute on a
# slow phone-class CPU, and a hostile server must not make the client spin for ever.
MAX_POW_BITS = 26
_DOMAIN = b"peerapp room pow v1\x00"
_NONCE_BYTES = 8


def split_server_url(url: str) -> tuple[str, str | None]:
    """The server address without its fragment, and the creation token the fragment carries (or None)."""
    parts = urlsplit(url.strip())
    token = dict(parse_qsl(parts.fragment)).get(FRAGMENT_KEY) or None
    return urlunsplit(parts._replace(fragment="")), token


def public_url(url: str) -> str:
    """A server address without its creation token: what invites carry and screens show."""
    return split_server_url(url)[0].rstrip("/")


def with_token(url: str, token: str | None) -> str:
    """The address with the creation token in its fragment again (kept in the vault with the group)."""
    return f"{url}#{FRAGMENT_KEY}={token}" if token else url


def pow_digest(room: bytes, nonce: bytes) -> bytes:
    """The hash a proof of work is judged by: bound to the room id, so one proof creates one room."""
    return hashlib.sha256(_DOMAIN + room + nonce).digest()


def _zero_bits(digest: bytes, bits: int) -> bool:
    return int.from_bytes(digest[:8], "big") >> (64 - bits) == 0 if bits else True


def pow_ok(room: bytes, nonce_hex: str, bits: int) -> bool:
    """Whether `nonce_hex` (16 hex digits) makes the room's digest start with `bits` zero bits."""
    if not 0 <= bits <= 64 or len(nonce_hex) != 2 * _NONCE_BYTES:
        return False
    try:
        nonce = bytes.fromhex(nonce_hex)
    except ValueError:
        return False
    return _zero_bits(pow_digest(room, nonce), bits)


class PowTooHard(Exception):
    """The server asks for more work than MAX_POW_BITS (the caller reports the refusal)."""


def solve(room: bytes, bits: int, cancel: threading.Event | None = None) -> str:
    """A nonce (hex) that makes the proof of work for `room` hold; about 2**bits hashes."""
    if not 0 <= bits <= MAX_POW_BITS:
        raise PowTooHard(str(bits))
    base = hashlib.sha256(_DOMAIN + room)
    counter = 0
    while True:
        # The cancel flag is looked at every 65,536 hashes: a cancelled sync stops within milliseconds.
        if cancel is not None and counter & 0xFFFF == 0 and cancel.is_set():
            raise InterruptedError("cancelled")
        nonce = counter.to_bytes(_NONCE_BYTES, "big")
        h = base.copy()
        h.update(nonce)
        if _zero_bits(h.digest(), bits):
            return nonce.hex()
        counter += 1


def pow_bits(headers: Mapping[str, str]) -> int | None:
    """The work a `pow_required` answer asks for, or None when its header is missing or malformed."""
    value = headers.get(POW_BITS_HEADER, "").strip()
    if not value.isdigit() or len(value) > 2:
        return None
    return int(value)


def admission_headers(room: bytes, token: str | None, bits: int | None = None) -> dict[str, str]:
    """The headers of a room creation: the token when the user has one, the proof when asked for."""
    headers: dict[str, str] = {}
    if token:
        headers[TOKEN_HEADER] = token
    if bits is not None:
        headers[POW_HEADER] = solve(room, bits)
    return headers
