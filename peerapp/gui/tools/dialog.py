"""The window a coping tool runs in: distress before, the tool, distress and helpfulness after, a log."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.coping_log import log_tool_use, set_tool_ratings
from ...core.errors import PeerappError
from ...core.journal import JournalRepository
from ..common import Retranslatable, fit_to_screen
from ..widgets.ask import ask
from .base import CopingTool
from .distress import DistressPrompt, HelpfulnessPrompt
from .thought_record import ThoughtRecordTool

BEFORE, TOOL, AFTER = range(3)


class ToolDialog(Retranslatable, QDialog):
    """Hosts one tool. With a journal it asks distress 0-10 before and after (both skippable) and logs
    the use; with the journal locked (repo None) the tool still works and nothing is saved."""

    logged = Signal(int)  # id of the entry that records this use

    def __init__(
        self,
        tool: CopingTool,
        repo: JournalRepository | None,
        parent: QWidget | None = None,
        ask_distress: bool = True,
    ) -> None:
        super().__init__(parent)
        self.tool = tool
        self.repo = repo
        self.ask_distress = ask_distress and repo is not None
        self.entry_id: int | None = None  # the thought record's own entry, once saved
        self.setModal(False)
        fit_to_screen(self, 720, 620)

        self.pages = QStackedWidget()
        # before
        self.before = DistressPrompt("before")
        self.before_note = QLabel()
        self.before_note.setWordWrap(True)
        self.skip_button = QPushButton()
        self.skip_button.clicked.connect(self._skip_before)
        self.continue_button = QPushButton()
        self.continue_button.clicked.connect(self.show_tool)
        before_page = QWidget()
        column = QVBoxLayout(before_page)
        column.addStretch()
        column.addWidget(self.before)
        column.addWidget(self.before_note)
        column.addStretch()
        column.addLayout(_button_row(self.skip_button, self.continue_button))
        # tool
        self.locked_note = QLabel()
        self.locked_note.setWordWrap(True)
        # A thought record says itself that it cannot be saved; others get the note here.
        self.locked_note.setVisible(repo is None and not isinstance(tool, ThoughtRecordTool))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.finish_tool)
        tool_page = QWidget()
        column = QVBoxLayout(tool_page)
        column.addWidget(tool, 1)
        column.addWidget(self.locked_note)
        column.addLayout(_button_row(self.close_button, self.done_button))
        # after
        self.after = DistressPrompt("after")
        self.helpfulness = HelpfulnessPrompt()
        self.note_label = QLabel()
        self.note = QLineEdit()
        self.note_label.setBuddy(self.note)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.discard_button = QPushButton()
        self.discard_button.clicked.connect(self.reject)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_log)
        after_page = QWidget()
        column = QVBoxLayout(after_page)
        column.addStretch()
        column.addWidget(self.after)
        column.addWidget(self.helpfulness)
        column.addWidget(self.note_label)
        column.addWidget(self.note)
        column.addWidget(self.error)
        column.addStretch()
        column.addLayout(_button_row(self.discard_button, self.save_button))
        for page in (before_page, tool_page, after_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        is_record = isinstance(tool, ThoughtRecordTool)
        # A thought record has its own Save; the hosting dialog only adds ratings to that entry.
        self.done_button.setVisible(repo is not None and not is_record)
        self.note_label.setVisible(not is_record)
        self.note.setVisible(not is_record)
        if isinstance(tool, ThoughtRecordTool):
            tool.saved.connect(self._record_saved)
        tool.completed.connect(self._tool_completed)
        tool.title_changed.connect(self.retranslate_ui)
        self.retranslate_ui()
        self._go(BEFORE if self.ask_distress else TOOL)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tool.title())
        self.before_note.setText(
            self.tr(
                "Your answers stay in your private journal, so you can see later what helps you. "
                "Skipping is fine."
            )
        )
        self.skip_button.setText(self.tr("S&kip"))
        self.continue_button.setText(self.tr("&Continue"))
        self.locked_note.setText(self.tr("Your journal is locked, so nothing from this exercise is saved."))
        self.close_button.setText(self.tr("&Close"))
        self.done_button.setText(self.tr("I am &done"))
        self.note_label.setText(self.tr("A &note for your journal (optional):"))
        self.note.setAccessibleName(self.tr("Note"))
        if isinstance(self.tool, ThoughtRecordTool):
            self.discard_button.setText(self.tr("S&kip"))  # the record itself is already saved
        else:
            self.discard_button.setText(self.tr("Close &without saving"))
        self.save_button.setText(self.tr("&Save to journal"))

    # -- pages ---------------------------------------------------------------------

    def page(self) -> int:
        return self.pages.currentIndex()

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        # Enter confirms the question pages; on the tool page it belongs to the tool (start/stop, new line).
        for button, default_on in ((self.continue_button, BEFORE), (self.save_button, AFTER)):
            button.setDefault(page == default_on)
        for button in (self.close_button, self.done_button):
            button.setAutoDefault(False)
        if page == BEFORE:
            self.before.focus_scale()
        elif page == TOOL:
            self.tool.focus_first()
        else:
            self.after.focus_scale()

    def _skip_before(self) -> None:
        self.before.set_value(None)
        self.show_tool()

    def show_tool(self) -> None:
        if isinstance(self.tool, ThoughtRecordTool):
            self.tool.distress_before = self.before.value()
        self._go(TOOL)

    def finish_tool(self) -> None:
        """Stop the tool and ask how it went (or just close when there is nowhere to log it)."""
        self.tool.stop()
        if self.repo is None:
            self.accept()
            return
        self._go(AFTER)

    def _tool_completed(self) -> None:
        if self.repo is not None and self.done_button.isVisible():
            self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _record_saved(self, entry_id: int) -> None:
        self.entry_id = entry_id
        self.finish_tool()

    # -- logging -------------------------------------------------------------------

    def save_log(self) -> None:
        if self.repo is None:
            return
        before, after, helpful = self.before.value(), self.after.value(), self.helpfulness.value()
        try:
            if self.entry_id is not None:
                entry = set_tool_ratings(
                    self.repo, self.entry_id, self.tool.technique, before, after, helpful
                )
            else:
                entry = log_tool_use(
                    self.repo,
                    self.tool.technique,
                    before,
                    after,
                    helpful,
                    note=self.note.text().strip(),
                    title=self.tool.title(),
                )
        except PeerappError as exc:
            self.error.setText(exc.user_message())
            return
        assert entry.id is not None
        self.logged.emit(entry.id)
        self.accept()

    # -- closing -------------------------------------------------------------------

    def reject(self) -> None:
        """Esc and Close: stop the tool; ask first only if a thought record would be lost."""
        if self.tool.has_unsaved_work():
            if not ask(
                self,
                self.tr("Close without saving?"),
                self.tr("This thought record is not saved yet. Close it anyway?"),
                self.tr("&Close without saving"),
                destructive=True,
            ):
                return
        self.tool.stop()
        super().reject()

    def close_for_lock(self) -> None:
        """The journal is locking: forget what was typed, drop the connection, close without asking."""
        self.tool.stop()
        self.tool.clear()
        self.repo = None
        if isinstance(self.tool, ThoughtRecordTool):
            self.tool.repo = None
        self.done(QDialog.DialogCode.Rejected)


def _button_row(secondary: QPushButton, primary: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(secondary)
    row.addStretch()
    row.addWidget(primary)
    return row
