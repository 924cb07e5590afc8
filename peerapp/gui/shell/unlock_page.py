"""The lock screen: passphrase (or recovery key) in, unlocked vault out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DamagedKeyFile, PeerappError, VaultWiped, WrongPassphrase, WrongRecoveryKey
from ...core.vault import Vault
from ..common import Retranslatable
from ..jobs import Job, host, plain
from ..protection.countdown import UnlockCountdown


class UnlockPage(Retranslatable, QWidget):
    """Emits `unlocked` when the vault opens; a wrong secret only shows a message."""

    unlocked = Signal()
    checking = Signal()  # a secret is being checked on a worker: the window may get the journal ready
    neutral = False  # discreet mode (gui/discreet.py): the heading does not say what the app is for
    wiped = Signal()  # a duress passphrase, or wipe-after-N: show the first-run screen

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.use_recovery = False
        self._task: Job | None = None

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.prompt = QLabel()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.prompt.setBuddy(self.secret)
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.mode_button = QPushButton()
        self.mode_button.setFlat(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        # Shown only when the key file is damaged: take the key file from a backup of this journal.
        self.repair_button = QPushButton()
        self.repair_button.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        # Wrong passphrases make the next try wait (protection.py); the countdown survives restarts.
        self.countdown = UnlockCountdown(vault)
        self.countdown.blocked.connect(lambda blocked: self.unlock_button.setEnabled(not blocked))

        column = QVBoxLayout()
        column.addStretch()
        column.addWidget(self.heading)
        column.addWidget(self.prompt)
        row = QHBoxLayout()
        row.addWidget(self.secret, 1)
        row.addWidget(self.unlock_button)
        column.addLayout(row)
        column.addWidget(self.error)
        column.addWidget(self.repair_button, 0, Qt.AlignmentFlag.AlignLeading)
        column.addWidget(self.countdown)
        column.addWidget(self.busy)
        column.addWidget(self.mode_button, 0, Qt.AlignmentFlag.AlignLeading)
        column.addStretch(2)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(480)
        outer = QHBoxLayout(self)
        outer.addStretch()
        outer.addWidget(box)
        outer.addStretch()

        self.secret.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.mode_button.clicked.connect(self._toggle_mode)
        self.repair_button.clicked.connect(self._repair_key_file)
        self.retranslate_ui()
        self.countdown.refresh()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Locked") if self.neutral else self.tr("Your journal is locked"))
        if self.use_recovery:
            self.prompt.setText(self.tr("&Recovery key:"))
            self.mode_button.setText(self.tr("Use my passphrase instead"))
        else:
            self.prompt.setText(self.tr("&Passphrase:"))
            self.mode_button.setText(self.tr("Forgot it? Use a recovery key"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.repair_button.setText(self.tr("Use the key file from a &backup…"))
        self.secret.setAccessibleName(self.prompt.text().replace("&", ""))

    def _toggle_mode(self) -> None:
        self.use_recovery = not self.use_recovery
        self.secret.setEchoMode(
            QLineEdit.EchoMode.Normal if self.use_recovery else QLineEdit.EchoMode.Password
        )
        self.secret.clear()
        self.error.clear()
        self.retranslate_ui()
        self.secret.setFocus()

    def _repair_key_file(self) -> None:
        from .damage import repair_key_file

        if repair_key_file(self, self.vault):
            self.error.clear()
            self.repair_button.hide()
            self.secret.setFocus()

    def reset(self) -> None:
        self.secret.clear()
        self.error.clear()
        self.repair_button.hide()
        self.secret.setFocus()
        self.countdown.refresh()

    def try_unlock(self) -> None:
        if self._task is not None or not self.secret.text() or self.countdown.active():
            return
        from ...core.session import open_journal  # here, not at start-up: the lock screen does not need it

        secret = self.secret.text()
        recovery = self.use_recovery
        self.error.clear()
        self.busy.show()
        # The field stays enabled (read-only) and keeps the focus: disabling it handed the focus to the
        # next control, "Forgot it?", so a screen reader announced that button while unlocking.
        if self.unlock_button.hasFocus():
            self.secret.setFocus()
        self.secret.setReadOnly(True)
        self.unlock_button.setEnabled(False)

        def work() -> None:
            # Every protection, then the index refresh, off the GUI thread (core.session).
            open_journal(self.vault, secret, recovery=recovery)

        self._task = host().job(plain(work))
        self._task.succeeded.connect(self._on_unlocked)
        self._task.failed.connect(self._on_failed)
        self._task.cancelled.connect(self._on_cancelled)
        self._task.start()
        self.checking.emit()

    def _done(self) -> None:
        self._task = None
        self.busy.hide()
        self.unlock_button.setEnabled(True)
        self.secret.setReadOnly(False)

    def _on_unlocked(self, _result: object) -> None:
        self._done()
        self.secret.clear()
        self.unlocked.emit()

    def _on_cancelled(self) -> None:
        """A lock or quick exit came while the passphrase was checked: undo what the check did."""
        job = self._task
        self._done()
        self.secret.clear()
        if job is not None and isinstance(job.error, VaultWiped):
            self.wiped.emit()  # a duress passphrase erased the journal: that cannot be undone
        elif self.vault.is_unlocked:
            self.vault.lock()  # it opened after the lock: nothing may stay open behind the lock screen

    def _message_for(self, error: object) -> str:
        # The shared messages add "Nothing was changed", which means nothing on a lock screen.
        if isinstance(error, WrongPassphrase):
            return self.tr("That passphrase is not right.")
        if isinstance(error, WrongRecoveryKey):
            return self.tr("That recovery key is not right.")
        return error.user_message() if isinstance(error, PeerappError) else str(error)

    def _on_failed(self, error: object) -> None:
        self._done()
        if isinstance(error, VaultWiped):
            self.secret.clear()
            self.wiped.emit()
            return
        self.countdown.refresh()
        self.error.setText(self._message_for(error))
        from ..widgets.announce import announce  # with QAccessible's classes: not needed to show this page

        announce(self, self.error.text(), assertive=True)
        self.repair_button.setVisible(isinstance(error, DamagedKeyFile))
        self.secret.selectAll()
        self.secret.setFocus()
