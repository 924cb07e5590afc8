"""Rewrapping an unlocked vault's key: a new passphrase or a new recovery key (a mixin of Vault)."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from . import crashsafe, keyslot
from .errors import PassphraseInUse, WeakPassphrase, WrongPassphrase
from .keyslot import (
    DURESS_DECOY,
    DURESS_SLOTS,
    DURESS_WIPE,
    PASSPHRASE,
    PASSPHRASE_SLOT,
    RECOVERY,
    RECOVERY_SLOT,
    Slot,
)
from .passphrase import MIN_PASSPHRASE as MIN_PASSPHRASE
from .recovery_key import format_recovery_key

DURESS_MODES = (DURESS_WIPE, DURESS_DECOY)

_F = TypeVar("_F", bound=Callable[..., Any])


class UnlockedVault(Protocol):
    """What the key-rewriting mixins need from the Vault they are mixed into."""

    directory: Path
    _key: bytearray | None

    @property
    def slots_path(self) -> Path: ...

    def unlock(self, passphrase: str) -> None: ...

    def set_passphrase(self, new_passphrase: str) -> None: ...

    def _require_key(self) -> bytes: ...

    def _in_decoy(self) -> bool: ...

    def _load(self) -> list[Slot]: ...

    def _slots_for_edit(self) -> list[Slot]: ...

    def _write_slot(self, index: int, slot: Slot, slots: list[Slot] | None = None) -> None: ...

    def _opens_any(self, slots: list[Slot], secret: bytes, where: Mapping[int, tuple[str, ...]]) -> bool: ...


def holding_folder_lock(method: _F) -> _F:
    """Run a key-file read-modify-write under the folder lock, so two processes never lose a write."""

    @functools.wraps(method)
    def locked(self: UnlockedVault, *args: Any, **kwargs: Any) -> Any:
        with crashsafe.folder_lock(self.directory):
            return method(self, *args, **kwargs)

    return cast(_F, locked)


class SlotEditing:
    """Vault methods that rewrite the passphrase and recovery slots while the vault is unlocked."""

    def _write_slot(self: UnlockedVault, index: int, slot: Slot, slots: list[Slot] | None = None) -> None:
        slots = list(slots if slots is not None else self._slots_for_edit())
        slots[index] = slot
        keyslot.save_slots(self.slots_path, slots)

    def _opens_any(
        self: UnlockedVault, slots: list[Slot], secret: bytes, where: Mapping[int, tuple[str, ...]]
    ) -> bool:
        return keyslot.open_any(slots, secret, where) is not None

    @holding_folder_lock
    def set_passphrase(self: UnlockedVault, new_passphrase: str) -> None:
        """Rewrap the key under a new passphrase (the vault must be unlocked).

        In the decoy this rewraps the decoy's slot, so the illusion holds and the real journal's
        slots are never touched.
        """
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise WeakPassphrase()
        key = self._require_key()
        slots = self._slots_for_edit()
        first = slots[PASSPHRASE_SLOT]
        wrapping_key = keyslot.derive(new_passphrase.encode(), first.salt, first.kdf)
        if self._in_decoy():
            role, index = DURESS_DECOY, DURESS_SLOTS[0]
        else:
            # Only the owner sees this refusal; in the decoy it would give the duress slot away.
            if any(keyslot.try_open(slots[i], wrapping_key, DURESS_MODES) for i in DURESS_SLOTS):
                raise PassphraseInUse()
            role, index = PASSPHRASE, PASSPHRASE_SLOT
        self._write_slot(index, keyslot.wrap_with(role, wrapping_key, key, first.kdf, first.salt), slots)

    def change_passphrase(self: UnlockedVault, old_passphrase: str, new_passphrase: str) -> None:
        """Check the old passphrase, then rewrap; the database itself is not rewritten."""
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise WeakPassphrase()
        if self._key is None:
            self.unlock(old_passphrase)
        else:
            slots = self._load()
            where = (
                {DURESS_SLOTS[0]: (DURESS_DECOY,)} if self._in_decoy() else {PASSPHRASE_SLOT: (PASSPHRASE,)}
            )
            if not self._opens_any(slots, old_passphrase.encode(), where):
                raise WrongPassphrase()
        self.set_passphrase(new_passphrase)

    @holding_folder_lock
    def new_recovery_key(self: UnlockedVault) -> str:
        """Replace the recovery slot and return the new key text (shown once)."""
        key = self._require_key()
        slots = self._slots_for_edit()
        secret = os.urandom(keyslot.KEY_BYTES)
        if self._in_decoy():
            # The decoy's recovery key goes in the second duress slot; the real one stays as it was.
            first = slots[PASSPHRASE_SLOT]
            slot = keyslot.wrap(DURESS_DECOY, secret, key, first.kdf, first.salt)
            self._write_slot(DURESS_SLOTS[1], slot, slots)
        else:
            old = slots[RECOVERY_SLOT]
            self._write_slot(
                RECOVERY_SLOT, keyslot.wrap(RECOVERY, secret, key, old.kdf, keyslot.new_salt()), slots
            )
        return format_recovery_key(secret)
