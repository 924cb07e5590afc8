"""The countdown on the lock screen while wrong passphrases make the next try wait."""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ...core import protection
from ...core.vault import Vault
from ..common import Retranslatable


class UnlockCountdown(Retranslatable, QLabel):
    """Shows how long until the next try is allowed, and says when the lock screen may try again."""

    blocked = Signal(bool)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setWordWrap(True)
        self._left = 0
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.hide()

    def guard(self) -> protection.UnlockGuard:
        return protection.UnlockGuard(self.vault.directory)

    def active(self) -> bool:
        return self._left > 0

    def refresh(self) -> None:
        """Read the counter again (it survives restarts) and show the time left, if any."""
        self._left = math.ceil(self.guard().seconds_left())
        if self._left > 0:
            if not self.timer.isActive():
                self.timer.start()
            self.show()
        else:
            self.timer.stop()
            self.hide()
        self.retranslate_ui()
        self.blocked.emit(self._left > 0)

    def retranslate_ui(self) -> None:
        self.setText(
            self.tr("Too many wrong tries. You can try again in %n seconds.", "", self._left)
            if self._left > 0
            else ""
        )
