"""The duress passphrase: adding and clearing the slots that wipe the journal or open the decoy."""

from __future__ import annotations

import os

from . import keyslot
from .errors import PassphraseInUse, WeakPassphrase
from .keyslot import DURESS_DECOY, DURESS_SLOTS, PASSPHRASE, PASSPHRASE_SLOT
from .slot_edits import DURESS_MODES, MIN_PASSPHRASE, UnlockedVault, holding_folder_lock


class DuressSlots:
    """Vault methods for the duress passphrase (a mixin of Vault)."""

    @holding_folder_lock
    def set_duress(
        self: UnlockedVault,
        passphrase: str,
        mode: str,
        decoy_key: bytes | None = None,
        *,
        check_only: bool = False,
    ) -> None:
        """Add (or replace) the duress passphrase: `mode` is DURESS_WIPE, or DURESS_DECOY with the decoy's key.

        The owner's passphrase must differ. With `check_only`, only the checks run (nothing is written).
        Inside the decoy the duress passphrase goes in the second duress slot, so the passphrase that
        opened the decoy keeps working, as it would in a real journal.
        """
        if mode not in DURESS_MODES or (mode == DURESS_DECOY) != (decoy_key is not None):
            raise ValueError(mode)
        if len(passphrase) < MIN_PASSPHRASE:
            raise WeakPassphrase()
        self._require_key()
        slots = self._slots_for_edit()
        first = slots[PASSPHRASE_SLOT]
        wrapping_key = keyslot.derive(passphrase.encode(), first.salt, first.kdf)
        in_use = {PASSPHRASE_SLOT: (PASSPHRASE,)}
        if self._in_decoy():
            in_use = {DURESS_SLOTS[0]: (DURESS_DECOY,)}
        if any(keyslot.try_open(slots[i], wrapping_key, roles) for i, roles in in_use.items()):
            raise PassphraseInUse()
        if check_only:
            return
        payload = decoy_key if decoy_key is not None else os.urandom(keyslot.KEY_BYTES)
        slot = keyslot.wrap_with(mode, wrapping_key, payload, first.kdf, first.salt)
        if self._in_decoy():
            slots[DURESS_SLOTS[1]] = slot
        else:
            # Any decoy recovery key made earlier stops working with the old decoy.
            slots[DURESS_SLOTS[0]] = slot
            slots[DURESS_SLOTS[1]] = keyslot.filler(first.kdf, first.salt)
        keyslot.save_slots(self.slots_path, slots)

    @holding_folder_lock
    def clear_duress(self: UnlockedVault) -> None:
        """Turn the duress slots back into unused ones (they look the same as before from outside)."""
        self._require_key()
        slots = self._slots_for_edit()
        first = slots[PASSPHRASE_SLOT]
        for index in DURESS_SLOTS[1:] if self._in_decoy() else DURESS_SLOTS:
            slots[index] = keyslot.filler(first.kdf, first.salt)
        keyslot.save_slots(self.slots_path, slots)
