"""The export dialog: a format from the registry, a target, the plaintext warning, then a cancellable job."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core import export_warning
from ...core.errors import PeerappError
from ...core.tasks import CancelToken, Progress
from ...core.transfer import Exporter, export_entries, exporters, get_exporter
from ...core.vault import Vault
from ..common import Retranslatable
from ..jobs import Job, host
from .parts import PathRow, file_filters, show_error, with_connection


class ExportDialog(Retranslatable, QDialog):
    """Choose a format and a target; the export runs with progress and can be cancelled."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.run: Job | None = None
        self.format_box = QComboBox()
        for exporter in exporters():
            self.format_box.addItem("", exporter.name)
        # Only pre-sets the target's name: whether it is a folder is decided from the name alone
        # (core.transfer.markdown_target_is_folder), by the CLI and here alike.
        self.per_entry = QCheckBox()
        self.target = PathRow(self._pick)
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
        self.per_entry.toggled.connect(self._per_entry_toggled)
        self.target.edit.textChanged.connect(self._target_edited)
        self.retranslate_ui()
        self._format_changed()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export journal"))
        self.format_label.setText(self.tr("&Format:"))
        self.target_label.setText(self.tr("&Save to:"))
        for index, exporter in enumerate(exporters()):
            self.format_box.setItemText(index, exporter.label_text())
        self.per_entry.setText(self.tr("One file per entry, in a new folder"))
        self.target.button.setText(self.tr("&Browse…"))
        self.target.edit.setAccessibleName(self.tr("Export file or folder"))
        self.note.setText(
            self.tr("The exported file is not encrypted: anyone who can open it can read your journal.")
        )

    def exporter(self) -> Exporter:
        return get_exporter(str(self.format_box.currentData()))

    def _format_changed(self) -> None:
        has_folder_form = self.exporter().target_is_folder is not None
        self.per_entry.setVisible(has_folder_form)
        if has_folder_form:
            self._target_edited(self.target.edit.text())

    def _target_edited(self, text: str) -> None:
        """The box follows the rule: it shows what the name typed or chosen will make."""
        exporter = self.exporter()
        if exporter.target_is_folder is None or not text.strip():
            return
        self.per_entry.blockSignals(True)
        self.per_entry.setChecked(exporter.writes_folder(Path(text.strip())))
        self.per_entry.blockSignals(False)

    def _per_entry_toggled(self, folder: bool) -> None:
        """Ticking the box renames the target so the rule gives what was ticked (.md or not)."""
        exporter = self.exporter()
        path = self.target.path()
        if path is None or exporter.writes_folder(path) == folder:
            return
        if folder:
            path = path.with_suffix("")
        else:
            path = path.with_name(path.name + exporter.suffix)
        self.target.edit.setText(str(path))

    def _pick(self) -> str:
        exporter = self.exporter()
        if exporter.target_is_folder is not None and self.per_entry.isChecked():
            return QFileDialog.getExistingDirectory(self, self.tr("Choose an empty folder"))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export journal"), "", file_filters(exporter.file_filter)
        )
        if name and not Path(name).suffix:
            name += exporter.suffix  # as the filter said; for Markdown it also keeps it one file
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
        exporter = self.exporter()
        folder = exporter.writes_folder(target)
        vault = self.vault

        def work(progress: Progress, cancel: CancelToken) -> int:
            return int(
                with_connection(
                    vault,
                    lambda conn: export_entries(
                        conn, exporter.name, target, progress, cancel, markdown_folder=folder
                    ),
                )
            )

        self.buttons.setEnabled(False)
        # The outcome arrives through the event loop, so connecting right after the start misses nothing.
        self.run = host().run(work, label=self.tr("Exporting…"), parent=self)
        self.run.succeeded.connect(self._exported)
        self.run.failed.connect(self._failed)
        self.run.cancelled.connect(lambda: self.buttons.setEnabled(True))

    def _failed(self, error: PeerappError) -> None:
        self.buttons.setEnabled(True)
        show_error(self, error)

    def _exported(self, result: object) -> None:
        self.buttons.setEnabled(True)
        count = int(result) if isinstance(result, int) else 0
        QMessageBox.information(self, self.tr("Export journal"), self.tr("Exported %Ln entries.", "", count))
        self.accept()


def export_dialog(parent: QWidget | None, vault: Vault) -> int:
    """Show the export dialog (the worker opens its own connection on `vault`)."""
    return ExportDialog(vault, parent).exec()
