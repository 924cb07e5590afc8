"""The therapist report: choose a date range and tags to leave out, then print or save as PDF/HTML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import JournalRepository
from ...core.report import ReportOptions, build_report
from ..common import Retranslatable
from ..widgets import locale_format


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def write_pdf(html: str, path: Path) -> None:
    """Lay out `html` with Qt's text engine and write it as a PDF file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setOutputFileName(str(path))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(printer)


class ReportDialog(Retranslatable, QDialog):
    """Builds the report from the vault on demand; the saved file is not encrypted (the dialog says so)."""

    def __init__(self, repo: JournalRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
        today = QDate.currentDate()
        self.since.setDate(today.addMonths(-1))
        self.until.setDate(today)
        self.leave_out = QListWidget()
        for tag in repo.tags():
            item = QListWidgetItem(tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.leave_out.addItem(item)
        self.include_text = QCheckBox()
        self.include_text.setChecked(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.labels = {k: QLabel() for k in ("since", "until", "leave_out")}
        self.labels["since"].setBuddy(self.since)
        self.labels["until"].setBuddy(self.until)
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        self.html_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.print_button, self.pdf_button, self.html_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save_report("pdf"))
        self.html_button.clicked.connect(lambda: self.save_report("html"))
        form = QFormLayout()
        form.addRow(self.labels["since"], self.since)
        form.addRow(self.labels["until"], self.until)
        form.addRow(self.labels["leave_out"], self.leave_out)
        form.addRow("", self.include_text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Report for a therapist"))
        self.labels["since"].setText(self.tr("&From:"))
        self.labels["until"].setText(self.tr("&To:"))
        self.labels["leave_out"].setText(self.tr("Leave out entries tagged:"))
        self.leave_out.setAccessibleName(self.tr("Tags to leave out"))
        self.include_text.setText(self.tr("Include what I wrote in each entry"))
        self.warning.setText(
            self.tr("A saved report is not encrypted. Anyone who can open the file can read it.")
        )
        self.print_button.setText(self.tr("&Print…"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        self.html_button.setText(self.tr("Save as &web page…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        for edit in (self.since, self.until):
            edit.setLocale(QLocale())
            locale_format.set_up_date_field(edit, with_time=False)

    def options(self) -> ReportOptions:
        left_out = {
            self.leave_out.item(r).text()
            for r in range(self.leave_out.count())
            if self.leave_out.item(r).checkState() == Qt.CheckState.Checked
        }
        return ReportOptions(
            since=_to_date(self.since.date()),
            until=_to_date(self.until.date()),
            leave_out=left_out,
            include_text=self.include_text.isChecked(),
            lang="ar" if QLocale().language() == QLocale.Language.Arabic else "en",
            # Dates as every screen writes them (and numbers in the same digits, through numerals).
            date_text=locale_format.long_date,
            moment_text=locale_format.short_date_time,
        )

    def html(self) -> str:
        return build_report(self.repo.conn, self.options())

    def print_report(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            document = QTextDocument()
            document.setHtml(self.html())
            document.print_(printer)

    def save_to(self, path: Path, fmt: str) -> None:
        if fmt == "pdf":
            write_pdf(self.html(), path)
        else:
            path.write_text(self.html(), "utf-8")

    def save_report(self, fmt: str) -> None:
        pattern = self.tr("PDF document (*.pdf)") if fmt == "pdf" else self.tr("Web page (*.html)")
        name, _chosen = QFileDialog.getSaveFileName(self, self.tr("Save the report"), "", pattern)
        if not name:
            return
        path = Path(name) if name.lower().endswith("." + fmt) else Path(name + "." + fmt)
        try:
            self.save_to(path, fmt)
        except OSError as exc:
            QMessageBox.critical(
                self,
                self.tr("Save the report"),
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)),
            )
