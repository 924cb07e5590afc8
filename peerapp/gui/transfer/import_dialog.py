"""The import dialog: a source from the registry, a file, custom mood labels mapped, then a cancellable job."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
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

from ...core.errors import PeerappError
from ...core.tasks import CancelToken, Progress
from ...core.transfer import (
    Importer,
    ImportReport,
    daylio_unknown_moods,
    get_importer,
    import_entries,
    importers,
)
from ...core.vault import Vault
from ..common import Retranslatable
from ..jobs import Job, host
from ..widgets import locale_format
from .parts import PathRow, file_filters, show_error, with_connection


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
        self.run: Job | None = None
        self.report: ImportReport | None = None
        self.source_box = QComboBox()
        for importer in importers():
            self.source_box.addItem("", importer.name)
        self.source = PathRow(self._pick)
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
        for index, importer in enumerate(importers()):
            self.source_box.setItemText(index, importer.label_text())
        self.source.button.setText(self.tr("&Browse…"))
        self.source.edit.setAccessibleName(self.tr("File to import"))

    def importer(self) -> Importer:
        return get_importer(str(self.source_box.currentData()))

    def _pick(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import entries"), "", file_filters(self.importer().file_filter)
        )
        return name

    def ask_mood_map(self, labels: list[str]) -> dict[str, int] | None:
        dialog = MoodMapDialog(labels, self)
        return dialog.mood_map() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def start(self) -> None:
        path = self.source.path()
        if path is None or not path.is_file():
            QMessageBox.warning(self, self.tr("Import entries"), self.tr("Choose a file to import."))
            return
        importer = self.importer()
        mood_map: dict[str, int] = {}
        if importer.mood_labels:
            try:
                unknown = daylio_unknown_moods(path)
            except PeerappError as exc:
                show_error(self, exc)
                return
            except OSError as exc:  # the file went away or cannot be read: one message, not a traceback
                show_error(self, PeerappError(exc.strerror or ""))
                return
            if unknown:
                answer = self.ask_mood_map(unknown)
                if answer is None:
                    return
                mood_map = answer
        vault = self.vault

        def work(progress: Progress, cancel: CancelToken) -> ImportReport:
            report: ImportReport = with_connection(
                vault,
                lambda conn: import_entries(conn, importer.name, path, progress, cancel, mood_map=mood_map),
            )
            return report

        self.buttons.setEnabled(False)
        # The outcome arrives through the event loop, so connecting right after the start misses nothing.
        self.run = host().run(work, label=self.tr("Importing…"), parent=self)
        self.run.succeeded.connect(self._imported)
        self.run.failed.connect(self._failed)
        self.run.cancelled.connect(self._stopped)

    def summary(self, report: ImportReport) -> str:
        lines = [self.tr("Added %Ln entries.", "", report.added)]
        if report.skipped_duplicates:
            lines.append(
                self.tr("Skipped %Ln entries already in the journal.", "", report.skipped_duplicates)
            )
        if report.errors:
            lines.append(self.tr("%Ln rows could not be imported:", "", len(report.errors)))
            for line, message in report.errors[:20]:
                lines.append(
                    self.tr("Line %1: %2").replace("%1", locale_format.number(line)).replace("%2", message)
                )
        return "\n".join(lines)

    def _failed(self, error: PeerappError) -> None:
        self.buttons.setEnabled(True)
        show_error(self, error)

    def _imported(self, result: object) -> None:
        self.buttons.setEnabled(True)
        if isinstance(result, ImportReport):
            self.report = result
            QMessageBox.information(self, self.tr("Import entries"), self.summary(result))
        self.accept()

    def _stopped(self) -> None:
        """Cancelled (here or by a lock): an import is one transaction, so nothing was added."""
        self.buttons.setEnabled(True)


def import_dialog(parent: QWidget | None, vault: Vault) -> ImportReport | None:
    """Show the import dialog; returns the report when something ran (refresh the timeline then)."""
    dialog = ImportDialog(vault, parent)
    dialog.exec()
    return dialog.report
