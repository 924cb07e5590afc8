"""The spare database every vault has: a decoy journal behind a duress passphrase, or a look-alike nobody can open."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from . import crashsafe, db, keyslot, wipe
from .i18n import QT_TRANSLATE_NOOP, translate
from .journal import Entry, JournalRepository, local_now
from .keyslot import DURESS_DECOY
from .vault import SPARE_NAME, Vault

CONTEXT = "Decoy"

# Ordinary days: nothing about identity, health or safety, nothing that would invite questions.
# (days ago, mood, emotions, tags, text)
SEED: tuple[tuple[int, int, tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        23,
        4,
        ("calm",),
        ("walk",),
        QT_TRANSLATE_NOOP("Decoy", "Went for a long walk after work. The weather was finally cooler."),
    ),
    (
        17,
        3,
        ("tired",),
        ("work",),
        QT_TRANSLATE_NOOP("Decoy", "Busy day. Too many emails, but I finished the report on time."),
    ),
    (
        12,
        4,
        ("grateful",),
        ("family",),
        QT_TRANSLATE_NOOP("Decoy", "Lunch with my aunt. She made her lentil soup and we talked for hours."),
    ),
    (
        6,
        2,
        ("anxious",),
        ("exams",),
        QT_TRANSLATE_NOOP(
            "Decoy", "Could not sleep well. Worried about the exam next week; I should start revising."
        ),
    ),
    (
        2,
        4,
        ("hopeful",),
        ("cooking",),
        QT_TRANSLATE_NOOP(
            "Decoy", "Tried a new recipe tonight. It was not perfect, but I want to try again."
        ),
    ),
)


def seed_entries(now: datetime | None = None) -> list[Entry]:
    """A few harmless entries spread over the last weeks, in the interface language, for the user to edit."""
    now = now or local_now()
    entries = []
    for days_ago, mood, emotions, tags, text in SEED:
        at = (now - timedelta(days=days_ago)).replace(hour=21, minute=10 + days_ago, second=0, microsecond=0)
        stamp = at.astimezone(UTC).isoformat(timespec="seconds")
        entries.append(
            Entry(
                at=at,
                mood=mood,
                emotions=list(emotions),
                tags=[translate(CONTEXT, tag) for tag in tags],
                text=translate(CONTEXT, text),
                created_at=stamp,
                updated_at=stamp,
            )
        )
    return entries


# Tag words, marked for translation (they are stored as the user would have typed them).
_TAGS = (
    QT_TRANSLATE_NOOP("Decoy", "walk"),
    QT_TRANSLATE_NOOP("Decoy", "work"),
    QT_TRANSLATE_NOOP("Decoy", "family"),
    QT_TRANSLATE_NOOP("Decoy", "exams"),
    QT_TRANSLATE_NOOP("Decoy", "cooking"),
)


def make_spare(directory: Path, key: bytes, seed: bool = True) -> None:
    """Write a new spare database keyed with `key` (seeded like a decoy), replacing any old one whole."""
    final = Path(directory) / SPARE_NAME
    # A unique temp name: two processes unlocking at once must not build into the same file.
    part = crashsafe.temp_path(final)
    try:
        conn = db.connect(part, key, create=True)
        try:
            if seed:
                JournalRepository(conn).add_many(seed_entries())
            # Leave one file, like a closed vault: no -wal beside it.
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        with crashsafe.folder_lock(Path(directory)):
            for stale in wipe.sqlite_family(final)[1:]:
                stale.unlink(missing_ok=True)
            os.replace(part, final)
    finally:
        crashsafe.remove_leftover(part)


def ensure_spare(vault: Vault) -> bool:
    """Give a vault its spare database if it has none (vaults made before it existed, or by the CLI).

    Its key is thrown away at once: nobody can open it, and it looks like a freshly seeded decoy.
    """
    if not vault.exists() or vault.spare_path.exists():
        return False
    make_spare(vault.directory, os.urandom(keyslot.KEY_BYTES))
    return True


def set_up_decoy(vault: Vault, duress_passphrase: str, seed: bool = True) -> None:
    """Make a new decoy journal and let `duress_passphrase` open it (the vault must be unlocked).

    The old spare (or old decoy) is replaced. The key file is written last, so a failure before it
    leaves the previous duress setting working on an empty-looking spare at worst.
    """
    if vault.opened_slot in keyslot.DURESS_SLOTS:
        # Inside the decoy the spare is the open database; replacing it would pull it away from under
        # the open connections, so the new "decoy" is the same one.
        vault.set_duress(duress_passphrase, DURESS_DECOY, decoy_key=vault.current_key())
        return
    key = os.urandom(keyslot.KEY_BYTES)
    # Checked before anything is written: the journal's own passphrase would hide the decoy.
    vault.set_duress(duress_passphrase, DURESS_DECOY, decoy_key=key, check_only=True)
    make_spare(vault.directory, key, seed=seed)
    vault.set_duress(duress_passphrase, DURESS_DECOY, decoy_key=key)
