"""New entry from a template: choose one (with a preview of what it fills in) and write in the full editor.

The Journal menu's "New entry from template…" and "Manage templates…" call `start_from_template` and
`manage_templates`; the entry starts through the journal page's draft path (`new_entry_from_draft`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import db
from ...core.markdown_render import render
from ...core.templates import Template, TemplateRepository, body_for, draft_for, first_writing_place
from ...core.vocab import emotion_label
from .. import design
from ..common import Retranslatable, fit_to_screen
from ..widgets.bidi_text import show_html
from ..widgets.safe_browser import SafeBrowser
from .drafted_dialog import DRAFT_WAIT_MS
from .template_sections import OwnDirection
from .templates_dialog import TemplatesDialog

if TYPE_CHECKING:
    from ..shell.main_window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole
SIZE = (760, 520)


class TemplatePicker(Retranslatable, QDialog):
    """The templates by name beside a preview of the entry each one starts; Start writing opens it."""

    chosen = Signal(object)  # the Template to start an entry from

    def __init__(
        self,
        templates: TemplateRepository,
        language: Callable[[], str],
        known_tags: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.templates = templates
        self.language = language
        self.known_tags = known_tags
        self.listed: dict[int, Template] = {}
        fit_to_screen(self, *SIZE)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setItemDelegate(OwnDirection(self.list))
        self.list.currentItemChanged.connect(lambda *_a: self._preview())
        self.list.itemActivated.connect(lambda _item: self.start())
        self.none_label = QLabel()
        self.none_label.setWordWrap(True)
        self.none_label.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = SafeBrowser()
        self.notice = QLabel()
        self.notice.setObjectName("error")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.start_button = QPushButton()
        self.start_button.setProperty("role", "primary")  # the app style sheet's accent button
        self.start_button.clicked.connect(self.start)
        self.manage_button = QPushButton()
        self.manage_button.setAutoDefault(False)
        self.manage_button.clicked.connect(self.manage)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setDefault(True)  # once in the dialog: before, the dialog chose another
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.none_label)
        right = QVBoxLayout()
        right.setSpacing(design.SPACE["s"])
        right.addWidget(self.summary)
        right.addWidget(self.preview, 1)
        columns = QHBoxLayout()
        columns.setSpacing(design.SPACE["l"])
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.manage_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setSpacing(design.SPACE["m"])
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)
        self._ready = False
        self.retranslate_ui()
        self._ready = True
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New entry from a template"))
        self.intro.setText(
            self.tr("Choose what your entry starts with. You can change all of it while you write.")
        )
        self.list.setAccessibleName(self.tr("Templates"))
        self.preview.setAccessibleName(self.tr("What the entry starts with"))
        self.none_label.setText(self.tr("You have no templates. Make one with Manage templates."))
        self.start_button.setText(self.tr("&Start writing"))
        self.manage_button.setText(self.tr("&Manage templates…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self._ready:
            self.reload()  # untouched shipped templates follow the language

    def reload(self) -> None:
        """List the templates again, keeping the one chosen if it is still there."""
        item = self.list.currentItem()
        wanted = int(item.data(ID_ROLE)) if item is not None else None
        self.listed = {}
        self.list.clear()
        with db.busy_timeout(self.templates.conn, DRAFT_WAIT_MS):  # seeding can wait for a later look
            listed = self.templates.all(self.language())
        for template in listed:
            assert template.id is not None
            self.listed[template.id] = template
            row = QListWidgetItem(template.name)
            row.setData(ID_ROLE, template.id)
            self.list.addItem(row)
            if template.id == wanted:
                self.list.setCurrentItem(row)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        has_any = bool(self.listed)
        self.none_label.setVisible(not has_any)
        self.start_button.setEnabled(has_any)
        self._preview()

    def selected(self) -> Template | None:
        item = self.list.currentItem()
        return self.listed.get(int(item.data(ID_ROLE))) if item is not None else None

    def _preview(self) -> None:
        template = self.selected()
        if template is None:
            self.summary.clear()
            self.preview.clear()
            return
        lines = []
        if template.title:
            lines.append(self.tr("Title: %1").replace("%1", template.title))
        if template.tags:
            lines.append(self.tr("Tags: %1").replace("%1", self.tr(", ").join(template.tags)))
        if template.emotions:
            feelings = self.tr(", ").join(emotion_label(key) for key in template.emotions)
            lines.append(self.tr("Emotions: %1").replace("%1", feelings))
        if not template.sections:
            lines.append(self.tr("No sections: the text starts empty."))
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(bool(lines))
        show_html(self.preview, render(body_for(template)))

    def start(self) -> None:
        template = self.selected()
        if template is not None:
            self.chosen.emit(template)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def manage(self) -> None:
        dialog = TemplatesDialog(self.templates, self.language, self.known_tags(), self)
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()


# -- the menu's actions ----------------------------------------------------------------------------


def _repository(window: MainWindow) -> TemplateRepository | None:
    if not window.vault.is_unlocked or window.repo is None:
        return None
    return TemplateRepository(window.repo.conn)


def _raise_existing(window: MainWindow, kind: type[QDialog]) -> bool:
    for dialog in window.findChildren(kind):
        if dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return True
    return False


def start_from_template(window: MainWindow) -> None:
    """Journal → New entry from template…: pick one, and the full editor opens filled in."""
    templates = _repository(window)
    if templates is None or _raise_existing(window, TemplatePicker):
        return
    picker = TemplatePicker(
        templates,
        lambda: window.languages.language,
        lambda: window.repo.tags() if window.repo is not None else [],
        window,
    )
    picker.chosen.connect(lambda template: _write_from(window, picker, template))
    picker.open()


def _write_from(window: MainWindow, picker: TemplatePicker, template: Template) -> None:
    page = window.journal_page
    if page.editor is not None:
        # One editor at a time: the entry being written stays as it is, and comes forward.
        picker.show_notice(
            QCoreApplication.translate(
                "TemplatePicker", "Finish or close the entry you are writing first; it is still open."
            )
        )
        page.editor.raise_()
        page.editor.activateWindow()
        return
    window.show_tab(page)
    if not page.new_entry_from_draft(draft_for(template)):
        return
    picker.accept()
    editor = page.editor
    if editor is not None:
        cursor = editor.body.textCursor()
        cursor.setPosition(min(first_writing_place(template), len(editor.body.toPlainText())))
        editor.body.setTextCursor(cursor)
        editor.body.setFocus()


def manage_templates(window: MainWindow) -> None:
    """Journal → Manage templates…"""
    templates = _repository(window)
    if templates is None or _raise_existing(window, TemplatesDialog):
        return
    known = window.repo.tags() if window.repo is not None else []
    TemplatesDialog(templates, lambda: window.languages.language, known, window).open()
