"""Dialogs for export, import, backup, restore and automatic backups, each run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import backup, export_warning, transfer
from ...core.errors import OperationCancelled, PeerappError
from ...core.tasks import CancelToken, Progress
from ...core.vault import Vault
from ..common import Retranslatable, TaskRunner

Work = Callable[[Progress, CancelToken], Any]


class _Worker(TaskRunner):
    """A TaskRunner whose work reports progress and polls for cancellation."""

    progressed = Signal(int, int)

    def __init__(self, work: Work, cancel: CancelToken) -> None:
        super().__init__()
        self.work = work
        self.cancel = cancel

    def call(self) -> Any:
        return self.work(self.progressed.emit, self.cancel)


class ProgressRun(QObject):
    """Runs `work(progress, cancelled)` on a worker thread behind a cancellable QProgressDialog."""

    finished = Signal(object, object)  # result, error (PeerappError) — one of them is None

    def __init__(self, parent: QWidget | None, label: str, work: Work) -> None:
        super().__init__(parent)
        self.cancel = CancelToken()
        self.result: Any = None
        self.error: PeerappError | None = None
        self.done = False
        self.dialog = QProgressDialog(parent)
        self.dialog.setLabelText(label)
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel.cancel)
        self._thread = QThread()
        self._worker = _Worker(work, self.cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_success)
        self._worker.failed.connect(self._on_failure)

    def start(self) -> None:
        self._thread.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def _finish(self, result: Any, error: PeerappError | None) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.close()
        self.result, self.error, self.done = result, error, True
        self.finished.emit(result, error)

    def _on_success(self, result: object) -> None:
        self._finish(result, None)

    def _on_failure(self, error: object) -> None:
        self._finish(None, error if isinstance(error, PeerappError) else PeerappError())

    def wait(self) -> None:
        self._thread.wait()


def _with_connection(vault: Vault, fn: Callable[[Any], Any]) -> Any:
    """Run `fn(conn)` with a connection opened on the calling (worker) thread."""
    conn = vault.connect()
    try:
        return fn(conn)
    finally:
        vault.release(conn)


def _show_error(parent: QWidget | None, error: PeerappError) -> None:
    if isinstance(error, OperationCancelled):
        return
    title = QCoreApplication.translate("TransferDialogs", "peerapp")
    QMessageBox.warning(parent, title, error.user_message())


class _PathRow(QWidget):
    """A path field with a Browse button."""

    def __init__(self, pick: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.button = QPushButton()
        self._pick = pick
        self.button.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def _browse(self) -> None:
        chosen = self._pick()
        if chosen:
            self.edit.setText(chosen)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class ExportDialog(Retranslatable, QDialog):
    """Choose a format and a target; the export runs with progress and can be cancelled."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.run: ProgressRun | None = None
        self.format_box = QComboBox()
        for key in ("json", "csv", "markdown"):
            self.format_box.addItem("", key)
        self.per_entry = QCheckBox()
        self.target = _PathRow(self._pick)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self.format_label, self.target_label = QLabel(), QLabel()
        self.format_label.setBuddy(self.format_box)
        self.target_label.setBuddy(self.target.edit)
        self.form.addRow(self.format_label, self.format_box)
        self.form.addRow("", self.per_entry)
        self.form.addRow(self.target_label, self.target)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm_and_start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.retranslate_ui()
        self._format_changed()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export journal"))
        self.format_label.setText(self.tr("&Format:"))
        self.target_label.setText(self.tr("&Save to:"))
        self.format_box.setItemText(0, self.tr("JSON (complete, can be imported again)"))
        self.format_box.setItemText(1, self.tr("CSV (Daylio columns, for spreadsheets)"))
        self.format_box.setItemText(2, self.tr("Markdown (readable text)"))
        self.per_entry.setText(self.tr("One file per entry, in a new folder"))
        self.target.button.setText(self.tr("&Browse…"))
        self.target.edit.setAccessibleName(self.tr("Export file or folder"))
        self.note.setText(
            self.tr("The exported file is not encrypted: anyone who can open it can read your journal.")
        )

    def _format_changed(self) -> None:
        self.per_entry.setVisible(self.format_box.currentData() == "markdown")

    def _pick(self) -> str:
        if self.format_box.currentData() == "markdown" and self.per_entry.isChecked():
            return QFileDialog.getExistingDirectory(self, self.tr("Choose an empty folder"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export journal"))
        return name

    def confirm_plaintext(self) -> bool:
        """Warn that the file will be readable by anyone, until "Don't show this again" is chosen.

        Returns True to go on with the export. The choice is kept inside the vault: even the fact that a
        person exports their journal is not written where others can read it. It counts only with "Export
        anyway": ticking the box and then cancelling remembers nothing.
        """
        if not self.vault.is_unlocked:
            return False
        conn = self.vault.connect()
        try:
            if not export_warning.should_warn_before_export(conn):
                return True
        finally:
            self.vault.release(conn)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export journal"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(export_warning.plaintext_export_warning())
        # Parented and named here: PySide would otherwise let Python free the check box under Qt's feet.
        dont_ask = QCheckBox(self.tr("Don't show this again"), box)
        box.setCheckBox(dont_ask)
        export = box.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # Enter pressed out of habit must not write the journal out
        box.setEscapeButton(cancel)
        box.exec()
        go_on, remember = box.clickedButton() is export, dont_ask.isChecked()
        box.deleteLater()
        # An auto-lock or quick exit while the question was open closes it and locks: export nothing.
        if not go_on or not self.vault.is_unlocked:
            return False
        if remember:
            conn = self.vault.connect()
            try:
                export_warning.set_warn_before_export(conn, False)
            finally:
                self.vault.release(conn)
        return True

    def confirm_and_start(self) -> None:
        """The OK button: warn about the plaintext file first (a missing target is reported by start)."""
        if self.target.path() is not None and not self.confirm_plaintext():
            return
        self.start()

    def start(self) -> None:
        """Run the export now, without the plaintext warning (the OK button asks first)."""
        target = self.target.path()
        if target is None:
            QMessageBox.warning(self, self.tr("Export journal"), self.tr("Choose where to save the export."))
            return
        fmt = self.format_box.currentData()
        folder = fmt == "markdown" and self.per_entry.isChecked()
        vault = self.vault

        def work(progress: Progress, cancel: CancelToken) -> int:
            return int(
                _with_connection(
                    vault,
                    lambda conn: transfer.export_entries(
                        conn, fmt, target, progress, cancel, markdown_folder=folder
                    ),
                )
            )

        self.run = ProgressRun(self, self.tr("Exporting…"), work)
        self.run.finished.connect(self._finished)
        self.buttons.setEnabled(False)
        self.run.start()

    def _finished(self, result: object, error: PeerappError | None) -> None:
        self.buttons.setEnabled(True)
        if error is not None:
            _show_error(self, error)
            return
        count = int(result) if isinstance(result, int) else 0
        QMessageBox.information(self, self.tr("Export journal"), self.tr("Exported %Ln entries.", "", count))
        self.accept()


class MoodMapDialog(Retranslatable, QDialog):
    """Ask which mood (1-5) each unknown Daylio label means."""

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for label in labels:
            spin = QSpinBox()
            spin.setRange(1, 5)
            spin.setValue(3)
            spin.setAccessibleName(label)
            self.spins[label] = spin
            form.addRow(QLabel(label), spin)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Mood labels"))
        self.explain.setText(
            self.tr(
                "This file uses mood labels peerapp does not know. Choose a mood for each: 1 is very bad, 5 is very good."
            )
        )

    def mood_map(self) -> dict[str, int]:
        return {label: spin.value() for label, spin in self.spins.items()}


class ImportDialog(Retranslatable, QDialog):
    """Choose a source file; Daylio files with custom mood labels ask for a mapping first."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.run: ProgressRun | None = None
        self.report: transfer.ImportReport | None = None
        self.source_box = QComboBox()
        for key in ("daylio", "jrnl", "json"):
            self.source_box.addItem("", key)
        self.source = _PathRow(self._pick)
        self.source_label, self.file_label = QLabel(), QLabel()
        self.source_label.setBuddy(self.source_box)
        self.file_label.setBuddy(self.source.edit)
        form = QFormLayout()
        form.addRow(self.source_label, self.source_box)
        form.addRow(self.file_label, self.source)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import entries"))
        self.source_label.setText(self.tr("&From:"))
        self.file_label.setText(self.tr("&File:"))
        self.source_box.setItemText(0, self.tr("Daylio (CSV export)"))
        self.source_box.setItemText(1, self.tr("jrnl (JSON export)"))
        self.source_box.setItemText(2, self.tr("peerapp (JSON export)"))
        self.source.button.setText(self.tr("&Browse…"))
        self.source.edit.setAccessibleName(self.tr("File to import"))

    def _pick(self) -> str:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import entries"))
        return name

    def ask_mood_map(self, labels: list[str]) -> dict[str, int] | None:
        dialog = MoodMapDialog(labels, self)
        return dialog.mood_map() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def start(self) -> None:
        path = self.source.path()
        if path is None or not path.is_file():
            QMessageBox.warning(self, self.tr("Import entries"), self.tr("Choose a file to import."))
            return
        source = self.source_box.currentData()
        mood_map: dict[str, int] = {}
        if source == "daylio":
            try:
                unknown = transfer.daylio_unknown_moods(path)
            except PeerappError as exc:
                _show_error(self, exc)
                return
            except OSError as exc:  # the file went away or cannot be read: one message, not a traceback
                _show_error(self, PeerappError(exc.strerror or ""))
                return
            if unknown:
                answer = self.ask_mood_map(unknown)
                if answer is None:
                    return
                mood_map = answer
        vault = self.vault

        def work(progress: Progress, cancel: CancelToken) -> transfer.ImportReport:
            report: transfer.ImportReport = _with_connection(
                vault,
                lambda conn: transfer.import_entries(conn, source, path, progress, cancel, mood_map=mood_map),
            )
            return report

        self.run = ProgressRun(self, self.tr("Importing…"), work)
        self.run.finished.connect(self._finished)
        self.buttons.setEnabled(False)
        self.run.start()

    def summary(self, report: transfer.ImportReport) -> str:
        lines = [self.tr("Added %Ln entries.", "", report.added)]
        if report.skipped_duplicates:
            lines.append(
                self.tr("Skipped %Ln entries already in the journal.", "", report.skipped_duplicates)
            )
        if report.cancelled:
            lines.append(self.tr("The import was cancelled; the entries above were kept."))
        if report.errors:
            lines.append(self.tr("%Ln rows could not be imported:", "", len(report.errors)))
            for line, message in report.errors[:20]:
                lines.append(self.tr("Line %1: %2").replace("%1", str(line)).replace("%2", message))
        return "\n".join(lines)

    def _finished(self, result: object, error: PeerappError | None) -> None:
        self.buttons.setEnabled(True)
        if error is not None:
            _show_error(self, error)
            return
        if isinstance(result, transfer.ImportReport):
            self.report = result
            QMessageBox.information(self, self.tr("Import entries"), self.summary(result))
        self.accept()


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
        self.folder = _PathRow(self._pick)
        self.folder.edit.setText(current.folder)
        self.keep = QSpinBox()
        self.keep.setRange(1, 100)
        self.keep.setValue(current.keep)
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
        self.keep.setSuffix(self.tr(" backups"))
        self.folder.button.setText(self.tr("&Browse…"))
        self.folder.edit.setAccessibleName(self.tr("Backup folder"))

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


def export_dialog(parent: QWidget | None, vault: Vault) -> int:
    """Show the export dialog (the worker opens its own connection on `vault`)."""
    return ExportDialog(vault, parent).exec()


def import_dialog(parent: QWidget | None, vault: Vault) -> transfer.ImportReport | None:
    """Show the import dialog; returns the report when something ran (refresh the timeline then)."""
    dialog = ImportDialog(vault, parent)
    dialog.exec()
    return dialog.report


def backup_dialog(parent: QWidget | None, vault: Vault) -> ProgressRun | None:
    """Ask where to save, then back up behind a progress dialog (the vault stays unlocked)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("TransferDialogs", "Save a backup"),
        "",
        QCoreApplication.translate("TransferDialogs", "peerapp backups (*.peerbackup)"),
    )
    if not name:
        return None
    target = Path(name if name.endswith(backup.SUFFIX) else name + backup.SUFFIX)
    run = ProgressRun(
        parent,
        QCoreApplication.translate("TransferDialogs", "Making a backup…"),
        lambda progress, cancel: backup.create_backup(vault, target, progress, cancel),
    )

    def finished(result: object, error: PeerappError | None) -> None:
        if error is not None:
            _show_error(parent, error)
        else:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("TransferDialogs", "Backup"),
                QCoreApplication.translate(
                    "TransferDialogs",
                    "The backup was saved. It opens with the passphrase your journal has now.",
                ),
            )

    run.finished.connect(finished)
    run.start()
    return run


def restore_dialog(parent: QWidget | None, vault: Vault) -> bool:
    """Restore a backup over the current journal after confirmation; locks the vault first.

    Returns True when a backup was restored: the caller then shows the unlock page.
    """
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("TransferDialogs", "Restore a backup"),
        "",
        QCoreApplication.translate("TransferDialogs", "peerapp backups (*.peerbackup)"),
    )
    if not name:
        return False
    try:
        backup.read_backup(Path(name))
    except PeerappError as exc:
        _show_error(parent, exc)
        return False
    if vault.exists():
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("TransferDialogs", "Restore a backup"),
            QCoreApplication.translate(
                "TransferDialogs",
                "Replace your current journal with this backup? Entries written since the backup will be lost.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    vault.lock()
    try:
        backup.restore_backup(Path(name), vault.directory, overwrite=True)
    except PeerappError as exc:
        _show_error(parent, exc)
        return False
    except OSError as exc:
        _show_error(parent, PeerappError(exc.strerror or ""))
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("TransferDialogs", "Restore a backup"),
        QCoreApplication.translate(
            "TransferDialogs", "The backup was restored. Unlock it with the passphrase it had."
        ),
    )
    return True
