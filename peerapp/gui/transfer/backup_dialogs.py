"""Backups by hand, restore, and the settings of automatic backups; the long steps run as jobs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import backup
from ...core.tasks import CancelToken, Progress
from ...core.vault import Vault
from ..common import Retranslatable
from ..jobs import Job, host
from ..widgets.ask import ask
from .parts import PathRow, show_error


class BackupSettingsDialog(Retranslatable, QDialog):
    """Automatic rotating backups: on/off, folder, how many to keep (stored inside the vault)."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        conn = vault.connect()
        try:
            current = backup.get_auto_backup(conn)
        finally:
            vault.release(conn)
        self.enabled = QCheckBox()
        self.enabled.setChecked(current.enabled)
        self.folder = PathRow(self._pick)
        self.folder.edit.setText(current.folder)
        self.keep = QSpinBox()
        self.keep.setRange(1, 100)
        self.keep.setValue(current.keep)
        self.keep.valueChanged.connect(lambda _v: self._update_unit())
        self.folder_label, self.keep_label = QLabel(), QLabel()
        self.folder_label.setBuddy(self.folder.edit)
        self.keep_label.setBuddy(self.keep)
        form = QFormLayout()
        form.addRow("", self.enabled)
        form.addRow(self.folder_label, self.folder)
        form.addRow(self.keep_label, self.keep)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Automatic backups"))
        self.enabled.setText(self.tr("Make a backup automatically"))
        self.folder_label.setText(self.tr("&Folder:"))
        self.keep_label.setText(self.tr("&Keep the newest:"))
        self._update_unit()
        self.folder.button.setText(self.tr("&Browse…"))
        self.folder.edit.setAccessibleName(self.tr("Backup folder"))

    def _update_unit(self) -> None:
        # The unit agrees with the number ("1 backup", "٣ نسخ احتياطية", "١١ نسخة احتياطية").
        self.keep.setSuffix(self.tr(" backups", "unit after a number of backups", self.keep.value()))

    def _pick(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Choose a backup folder"))

    def settings(self) -> backup.AutoBackupSettings:
        return backup.AutoBackupSettings(
            self.enabled.isChecked(), self.folder.edit.text().strip(), self.keep.value()
        )

    def save(self) -> None:
        settings = self.settings()
        if settings.enabled and not settings.folder:
            QMessageBox.warning(
                self, self.tr("Automatic backups"), self.tr("Choose a folder for the backups.")
            )
            return
        conn = self.vault.connect()
        try:
            backup.set_auto_backup(conn, settings)
        finally:
            self.vault.release(conn)
        self.accept()


def _backup_filter() -> str:
    return QCoreApplication.translate("TransferDialogs", "peerapp backups (*.peerbackup)")


def backup_dialog(parent: QWidget | None, vault: Vault) -> Job | None:
    """Ask where to save, then back up behind a progress dialog (the vault stays unlocked)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("TransferDialogs", "Save a backup"), "", _backup_filter()
    )
    if not name:
        return None
    target = Path(name if name.endswith(backup.SUFFIX) else name + backup.SUFFIX)

    def work(progress: Progress, cancel: CancelToken) -> Path:
        return backup.create_backup(vault, target, progress, cancel)

    def saved(_result: object) -> None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("TransferDialogs", "Backup"),
            QCoreApplication.translate(
                "TransferDialogs", "The backup was saved. It opens with the passphrase your journal has now."
            ),
        )

    job = host().run(
        work, label=QCoreApplication.translate("TransferDialogs", "Making a backup…"), parent=parent
    )
    job.succeeded.connect(saved)
    job.failed.connect(lambda error: show_error(parent, error))
    return job


def _run_to_end(job: Job, parent: QWidget | None) -> bool:
    """Wait for `job` with the GUI running; True when it succeeded (a failure is shown, a cancel is not)."""
    host().run_and_wait(job)
    if job.was_cancelled or job.error is None:
        return not job.was_cancelled
    show_error(parent, job.error)
    return False


def restore_dialog(parent: QWidget | None, vault: Vault, lock: Callable[[], None] | None = None) -> bool:
    """Restore a backup over the current journal after confirmation; locks first (`lock`, then the vault).

    Returns True when a backup was restored: the caller then shows the unlock page. The backup is
    checked before anyone is asked anything, and replaces the journal all or nothing, so a cancel or a
    lock during either step keeps the journal as it was.
    """
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("TransferDialogs", "Restore a backup"), "", _backup_filter()
    )
    if not name:
        return False
    path = Path(name)

    def check(_progress: Progress, cancel: CancelToken) -> backup.BackupInfo:
        return backup.read_backup(path, cancel)

    if not _run_to_end(
        host().run(
            check, label=QCoreApplication.translate("TransferDialogs", "Checking the backup…"), parent=parent
        ),
        parent,
    ):
        return False
    if vault.exists():
        if not ask(
            parent,
            QCoreApplication.translate("TransferDialogs", "Restore a backup"),
            QCoreApplication.translate(
                "TransferDialogs",
                "Replace your current journal with this backup? Entries written since the backup will be lost.",
            ),
            QCoreApplication.translate("TransferDialogs", "&Replace my journal"),
            destructive=True,
        ):
            return False
    # The window's lock first: pages forget what they show and every task stops before the files change.
    if lock is not None:
        lock()
    vault.lock()

    def restore(_progress: Progress, cancel: CancelToken) -> None:
        backup.restore_backup(path, vault.directory, overwrite=True, cancel=cancel)

    if not _run_to_end(
        host().run(
            restore,
            label=QCoreApplication.translate("TransferDialogs", "Restoring the backup…"),
            parent=parent,
        ),
        parent,
    ):
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("TransferDialogs", "Restore a backup"),
        QCoreApplication.translate(
            "TransferDialogs", "The backup was restored. Unlock it with the passphrase it had."
        ),
    )
    return True
