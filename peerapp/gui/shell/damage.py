"""Damage, said plainly: the page check after unlock, the damaged-journal offer, and the key file repair."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from ...core import backup, integrity
from ...core.errors import OperationCancelled, PeerappError, VaultDamaged
from ...core.tasks import CancelToken, Progress
from ...core.vault import Vault
from ..jobs import Job, host


class IntegrityCheck(QObject):
    """Reads every page of the open journal on a worker after unlock; `damaged` carries the good backup.

    It runs on the job host, so lock stops it with every other task and waits for it: SQLCipher's
    check cannot be interrupted (its progress handler is never called; about 0.5 s at 85 MB), so the
    key goes only once the check's own connection is closed.
    """

    damaged = Signal(object)  # Path of the newest good backup, or None
    finished = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.task: Job | None = None

    def start(self) -> None:
        vault = self.vault

        def work(_progress: Progress, cancel: CancelToken) -> tuple[int, Path | None]:
            problems = integrity.damaged_pages(vault, cancel)
            if problems:
                return problems, backup.newest_good_backup(vault)
            integrity.remember_checked(vault)
            return 0, None

        self.task = host().job(work)
        self.task.succeeded.connect(self._on_result)
        self.task.failed.connect(lambda _error: self.finished.emit())
        self.task.cancelled.connect(self.finished.emit)
        self.task.start()

    def _on_result(self, result: object) -> None:
        problems, good = result if isinstance(result, tuple) else (0, None)
        if problems and self.vault.is_unlocked:
            self.vault.mark_damaged()
            self.damaged.emit(good)
        self.finished.emit()


def show_damaged(parent: QWidget, good: Path | None, restore: Callable[[Path | None], None]) -> None:
    """Say the journal is damaged and that nothing more is written; offer the newest good backup."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Damage", "The journal file is damaged"))
    text = VaultDamaged().user_message()
    if good is not None:
        # A path reads left to right even inside Arabic: isolate it so it is not scrambled.
        path = "\u2066" + str(good) + "\u2069"
        text += "\n\n" + QCoreApplication.translate("Damage", "Your newest good backup is %1.").replace(
            "%1", path
        )
    else:
        text += "\n\n" + QCoreApplication.translate(
            "Damage", "No backup known to be good was found. You can still read and export your entries."
        )
    box.setText(text)
    restore_button = box.addButton(
        QCoreApplication.translate("Damage", "Restore a backup…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("Damage", "Not now"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is restore_button:
        restore(good)


def repair_key_file(parent: QWidget, vault: Vault) -> bool:
    """Replace a damaged key file with the one in a backup of this journal; True when repaired."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Damage", "Use the key file from a backup"),
        "",
        QCoreApplication.translate("Damage", "peerapp backups (*.peerbackup)"),
    )
    if not name:
        return False
    secret, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Damage", "Use the key file from a backup"),
        QCoreApplication.translate("Damage", "The passphrase your journal had when this backup was made:"),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not secret:
        return False
    try:
        backup.restore_key_file(Path(name), vault, secret)
    except (PeerappError, OperationCancelled) as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Damage", "Use the key file from a backup"), exc.user_message()
        )
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Damage", "Use the key file from a backup"),
        QCoreApplication.translate(
            "Damage", "The key file is repaired. Unlock with the passphrase from the time of that backup."
        ),
    )
    return True


def advise_key_file_damaged(parent: QWidget) -> None:
    """After an unlock that worked on a damaged key file: say what to do before it gets worse."""
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Damage", "The key file is damaged"),
        QCoreApplication.translate(
            "Damage",
            "Your passphrase still opened the journal, but its key file (vault.keys) is damaged. "
            "Make a new recovery key now (Settings → New recovery key), and keep a backup: they repair it.",
        ),
    )
