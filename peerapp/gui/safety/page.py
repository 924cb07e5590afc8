"""The safety plan screen: each step's items edited in place, autosaved into the vault; share or print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
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
from .. import design
from ..common import Retranslatable
from ..widgets import locale_format
from .step_section import StepSection

AUTOSAVE_MS = 800
EXPORT_FORMATS = ("html", "pdf", "md")
# The plan reads as one column this many average characters wide, centred on a wide screen.
COLUMN_CHARS = 96


class SafetyPlanPage(Retranslatable, QWidget):
    """The plan, step by step. `attach()` on unlock, `clear()` on lock."""

    saved = Signal()
    save_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repository: SafetyPlanRepository | None = None
        self._saved_once = False
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.status = QLabel()
        self.status.setWordWrap(True)
        # One clear way to take the plan out of the app: paper, the clipboard or a file.
        self.share_button = QPushButton()
        self.share_menu = QMenu(self)
        self.print_action = self.share_menu.addAction("")
        self.copy_action = self.share_menu.addAction("")
        self.save_action = self.share_menu.addAction("")
        self.share_button.setMenu(self.share_menu)
        self.sections = [StepSection(step) for step in STEPS]

        top = QHBoxLayout()
        top.setSpacing(design.SPACE["m"])
        top.addWidget(self.title, 1)
        top.addWidget(self.share_button)
        self.column = QWidget()
        column = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(design.SPACE["m"])
        column.addLayout(top)
        column.addWidget(self.intro)
        for section in self.sections:
            column.addWidget(section)
            section.changed.connect(self.schedule_save)
        column.addStretch()
        content = QWidget()
        centred = QHBoxLayout(content)
        pad = design.SPACE["l"]
        centred.setContentsMargins(pad, pad, pad, pad)
        centred.addStretch()
        centred.addWidget(self.column, 100)
        centred.addStretch()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, design.SPACE["xs"])
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status)
        self.column.setMaximumWidth(self.fontMetrics().averageCharWidth() * COLUMN_CHARS)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self.print_action.triggered.connect(self.print_plan)
        self.copy_action.triggered.connect(self.copy_text)
        self.save_action.triggered.connect(self.export_plan)
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
        self.share_button.setText(self.tr("S&hare or print"))
        self.share_button.setAccessibleName(self.tr("Share or print the safety plan"))
        self.print_action.setText(self.tr("&Print…"))
        self.copy_action.setText(self.tr("&Copy as text"))
        self.save_action.setText(self.tr("&Save as file…"))
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
        """On lock: save what is pending (edits and "Add…" text too), then forget everything shown."""
        if self.repository is not None:
            self.keep_everything()
        self._timer.stop()
        self.repository = None
        for section in self.sections:
            section.new_item.blockSignals(True)
            section.new_item.clear()
            section.new_item.blockSignals(False)
            section.set_items([])
        self._saved_once = False
        self.status.clear()
        self.setEnabled(False)

    def plan(self) -> SafetyPlan:
        """What is on screen: every item, edits in progress as typed, and text waiting in "Add…"."""
        return SafetyPlan(
            {s.step.key: s.items() + ([s.pending()] if s.pending() else []) for s in self.sections}
        )

    def keep_everything(self) -> None:
        """Finish edits and add waiting "Add…" text as items, then save (leaving the tab, locking)."""
        for section in self.sections:
            section.commit_editing()
            section.add_from_field()
        self.save_now()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        # Another tab: an edit left open is kept and saved now, not 800 ms later or never.
        if self.repository is not None and not event.spontaneous():
            self.keep_everything()
        super().hideEvent(event)

    def schedule_save(self) -> None:
        if self.repository is not None:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.repository is None:
            return
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
        self.keep_everything()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the safety plan"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)
        dialog.deleteLater()

    def copy_text(self) -> None:
        """The plan as text (the Markdown export) on the clipboard, to paste into a message or a note."""
        self.keep_everything()
        QGuiApplication.clipboard().setText(to_markdown(self.plan(), self._date_text()))
        self._saved_once = False
        self.status.setText(
            self.tr("Copied as text. Other apps can read the clipboard; quick exit empties it.")
        )

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
        self.keep_everything()
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
