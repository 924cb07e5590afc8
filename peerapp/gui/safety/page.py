"""The safety plan screen: one editable list per step, autosaved into the vault, printable and exportable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QFont, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import crashsafe, db
from ...core.db import Connection
from ...core.errors import PeerappError, VaultDamaged
from ...core.safety_plan import (
    CONTEXT,
    PLAN_INTRO,
    PLAN_TITLE,
    STEPS,
    SafetyPlan,
    SafetyPlanRepository,
    to_html,
    to_markdown,
)
from ...core.session import Session
from ..common import Retranslatable
from ..widgets import locale_format
from .step_section import StepSection

AUTOSAVE_MS = 800
EXPORT_FORMATS = ("html", "pdf", "md")


class SafetyPlanPage(Retranslatable, QWidget):
    """The plan, step by step. `attach()` on unlock, `clear()` on lock."""

    saved = Signal()
    save_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repository: SafetyPlanRepository | None = None
        self._saved_once = False
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.print_button = QPushButton()
        self.export_button = QPushButton()
        self.sections = [StepSection(step) for step in STEPS]

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.intro)
        for section in self.sections:
            column.addWidget(section)
            section.changed.connect(self.schedule_save)
        column.addStretch()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self.print_button.clicked.connect(self.print_plan)
        self.export_button.clicked.connect(self.export_plan)
        self.retranslate_ui()
        self.setEnabled(False)

    def tab_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "Safety plan")

    def view_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "&Safety plan")

    def retranslate_ui(self) -> None:
        self.scroll_area.setAccessibleName(self.tr("Steps of the safety plan"))
        self.title.setText(QApplication.translate(CONTEXT, PLAN_TITLE))
        self.intro.setText(QApplication.translate(CONTEXT, PLAN_INTRO))
        self.print_button.setText(self.tr("&Print…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.print_button.setAccessibleName(self.tr("Print the safety plan"))
        self.export_button.setAccessibleName(self.tr("Export the safety plan"))
        if self._saved_once:
            self.status.setText(self.tr("Saved in your encrypted journal."))

    # -- data ----------------------------------------------------------------------

    def attach(self, source: Session | Connection | SafetyPlanRepository) -> None:
        """Show the plan stored in the vault; edits autosave there."""
        if isinstance(source, Session):
            self.repository = source.safety_plan
        elif isinstance(source, SafetyPlanRepository):
            self.repository = source
        else:
            self.repository = SafetyPlanRepository(source)
        plan = self.repository.load()
        for section in self.sections:
            section.set_items(plan.get(section.step.key))
        self.status.clear()
        self.setEnabled(True)

    def clear(self) -> None:
        """On lock: save what is pending, then forget everything shown."""
        if self.repository is not None:
            self.save_now()
        self._timer.stop()
        self.repository = None
        for section in self.sections:
            section.set_items([])
            section.new_item.clear()
        self._saved_once = False
        self.status.clear()
        self.setEnabled(False)

    def plan(self) -> SafetyPlan:
        return SafetyPlan({s.step.key: s.items() for s in self.sections})

    def schedule_save(self) -> None:
        if self.repository is not None:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.repository is None:
            return
        for section in self.sections:
            section.commit_editing()
        try:
            self.repository.save(self.plan())
        except (PeerappError, db.OperationalError) as exc:
            # OperationalError: a damaged journal is read-only (integrity.py).
            message = exc.user_message() if isinstance(exc, PeerappError) else VaultDamaged().user_message()
            self.status.setText(message)
            self.save_failed.emit(message)
            return
        self._saved_once = True
        self.status.setText(self.tr("Saved in your encrypted journal."))
        self.saved.emit()

    # -- print and export ----------------------------------------------------------

    def _date_text(self) -> str:
        return locale_format.long_date(date.today())

    def html(self) -> str:
        return to_html(self.plan(), self._date_text(), rtl=self.isRightToLeft())

    def document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setHtml(self.html())
        return doc

    def print_to(self, printer: QPrinter) -> None:
        doc = self.document()
        doc.print_(printer)
        doc.deleteLater()

    def print_plan(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the safety plan"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the plan to `path` as html, pdf or md (not encrypted: the caller warns first)."""
        if fmt == "pdf":
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setPageOrientation(QPageLayout.Orientation.Portrait)
            printer.setOutputFileName(str(path))
            self.print_to(printer)
        elif fmt in ("md", "html"):
            text = to_markdown(self.plan(), self._date_text()) if fmt == "md" else self.html()
            # The crash-safe writer, with the temp file recorded in the vault: a crash mid-write
            # leaves nothing readable that the next unlock does not remove.
            conn = self.repository.conn if self.repository is not None else None
            with crashsafe.writing(path, conn=conn, kind="export") as fh:
                fh.write(text.encode("utf-8"))
        else:
            raise ValueError(fmt)

    def export_plan(self) -> None:
        answer = QMessageBox.warning(
            self,
            self.tr("Export the safety plan"),
            self.tr(
                "The exported file is not encrypted. Anyone who can open the folder you save it in "
                "can read it. Continue?"
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return
        filters = {
            "html": self.tr("Web page (*.html)"),
            "pdf": self.tr("PDF document (*.pdf)"),
            "md": self.tr("Markdown text (*.md)"),
        }
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the safety plan"), "", ";;".join(filters.values())
        )
        if not name:
            return
        fmt = next((k for k, v in filters.items() if v == chosen), "")
        suffix = Path(name).suffix.lower().lstrip(".")
        if suffix in EXPORT_FORMATS:
            fmt = suffix
        fmt = fmt or "html"
        path = Path(name) if suffix == fmt else Path(name).with_suffix(Path(name).suffix + "." + fmt)
        try:
            self.export_to(path, fmt)
        except OSError as exc:
            QMessageBox.critical(
                self,
                self.tr("Export the safety plan"),
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)),
            )
            return
        self._saved_once = False
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))
