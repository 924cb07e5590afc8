"""Recovery key text: a random secret shown as groups of base32 letters, and read back however typed."""

from __future__ import annotations

import base64

from .errors import WrongRecoveryKey


def format_recovery_key(secret: bytes) -> str:
    """Show a recovery secret as groups of base32 letters."""
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Accept a recovery key however it was copied: case, dashes and spaces don't matter."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned += "=" * (-len(cleaned) % 8)
    try:
        return base64.b32decode(cleaned)
    except ValueError as exc:
        raise WrongRecoveryKey() from exc
