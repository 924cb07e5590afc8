"""The one-time warning before a plaintext export: its words, and whether the person still wants it."""

from __future__ import annotations

from . import kv
from .db import Connection
from .i18n import translate

# Kept inside the vault, not in the settings file: that someone exports their journal is itself private.
EXPORT_WARNING_KEY = "plaintext_export_warning_dismissed"
CONTEXT = "ExportWarning"


def plaintext_export_warning() -> str:
    """The warning shown before a plaintext export, in the interface language (GUI and CLI share it)."""
    return translate(
        "ExportWarning",
        "This file will not be encrypted. Anyone who can open this computer, or the place you save it, "
        "can read your journal. Keep it somewhere safe, or make an encrypted backup instead.",
    )


def should_warn_before_export(conn: Connection) -> bool:
    """True until the person has chosen "Don't show this again"."""
    return kv.get(conn, EXPORT_WARNING_KEY) != "1"


def set_warn_before_export(conn: Connection, warn: bool) -> None:
    """Remember inside the vault whether to warn before the next plaintext export."""
    if warn:
        kv.delete(conn, EXPORT_WARNING_KEY)
    else:
        kv.put(conn, EXPORT_WARNING_KEY, "1")
