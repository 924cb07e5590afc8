"""Manage templates: the list of the person's templates and a form to create, change or delete one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import db
from ...core.errors import PeerappError
from ...core.templates import (
    Template,
    TemplateNameMissing,
    TemplateNameTaken,
    TemplateRepository,
    TemplateSectionEmpty,
)
from .. import design
from ..common import Retranslatable, fit_to_screen
from ..widgets.announce import announce
from ..widgets.ask import ask
from ..widgets.bidi_text import fit_direction, follow_text
from ..widgets.chips import EmotionChips
from .drafted_dialog import DRAFT_WAIT_MS, SAVE_WAIT_MS
from .editor_parts import TagEdit
from .template_sections import OwnDirection, SectionsTable

ID_ROLE = Qt.ItemDataRole.UserRole
# Chip rows shown before they scroll: the sections need the room more on a 1024×600 screen.
EMOTION_ROWS = 2
SIZE = (920, 660)


class TemplatesDialog(Retranslatable, QDialog):
    """Create, edit and delete templates. Changes are saved with Save; switching or closing asks first."""

    def __init__(
        self,
        templates: TemplateRepository,
        language: Callable[[], str],
        known_tags: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no template text kept after it closes
        self.templates = templates
        self.language = language
        self.current: Template | None = None  # None: a new template, not saved yet
        self.listed: dict[int | None, Template] = {}  # as the list shows them, by id
        self.dirty = False
        self._loading = False
        self._ready = False  # the list is filled once the form is built
        fit_to_screen(self, *SIZE)

        self.list = QListWidget()
        self.list.setItemDelegate(OwnDirection(self.list))
        self.list.currentItemChanged.connect(self._switch)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_template)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_current)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addWidget(self.delete_button)
        left.addLayout(left_buttons)

        self.heading = QLabel()
        self.heading.setFont(design.font("subtitle"))
        self.heading.setWordWrap(True)
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.tags = TagEdit()
        self.tags.set_known_tags(known_tags)
        for field in (self.name, self.title, self.tags):
            follow_text(field)
            field.textChanged.connect(self._mark_dirty)
        self.emotions = EmotionChips()
        self.emotions.set_area_height(EMOTION_ROWS)
        self.emotions.changed.connect(self._mark_dirty)
        self.sections = SectionsTable()
        self.sections.changed.connect(self._mark_dirty)
        self.labels = {key: QLabel() for key in ("name", "title", "tags", "emotions", "sections")}
        self.labels["name"].setBuddy(self.name)
        self.labels["title"].setBuddy(self.title)
        self.labels["tags"].setBuddy(self.tags)
        self.labels["emotions"].setBuddy(self.emotions.search)
        self.labels["sections"].setBuddy(self.sections.table)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.labels["name"], self.name)
        form.addRow(self.labels["title"], self.title)
        form.addRow(self.labels["tags"], self.tags)
        form.addRow(self.labels["emotions"], self.emotions)
        form.addRow(self.labels["sections"], self.sections)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.status = QLabel()
        self.save_button = QPushButton()
        self.save_button.setProperty("role", "primary")  # the app style sheet's accent button
        # Enter in the form saves it; no other button of the dialog is a default (nor looks like one).
        self.save_button.setDefault(True)
        self.new_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.setSpacing(design.SPACE["s"])
        right.addWidget(self.heading)
        right.addLayout(form, 1)
        right.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.buttons)
        right.addLayout(bottom)

        layout = QHBoxLayout(self)
        layout.setSpacing(design.SPACE["l"])
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)
        self.retranslate_ui()
        self._ready = True
        self.reload()

    # -- texts ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Templates"))
        self.list.setAccessibleName(self.tr("Your templates"))
        self.new_button.setText(self.tr("&New template"))
        self.delete_button.setText(self.tr("&Delete"))
        self.labels["name"].setText(self.tr("&Name:"))
        self.labels["title"].setText(self.tr("T&itle:"))
        self.labels["tags"].setText(self.tr("T&ags:"))
        self.labels["emotions"].setText(self.tr("&Emotions:"))
        self.labels["sections"].setText(self.tr("Se&ctions:"))
        self.name.setPlaceholderText(self.tr("How the template is listed"))
        self.title.setPlaceholderText(self.tr("The title a new entry starts with (optional)"))
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        for field in (self.name, self.title, self.tags):
            fit_direction(field)  # an empty field turns with the interface
        self.save_button.setText(self.tr("&Save template"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._update_heading()
        if self._ready and not self.dirty:
            self.reload()  # shipped templates, still untouched, follow the new language

    def _update_heading(self) -> None:
        if self.current is None:
            self.heading.setText(self.tr("A new template"))
        else:
            self.heading.setText(self.tr("Editing “%1”").replace("%1", self.current.name))

    # -- the list ------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """List the templates again and show `select`, or the one shown, or the first (a new one if none)."""
        wanted = select if select is not None else (self.current.id if self.current else None)
        with db.busy_timeout(self.templates.conn, DRAFT_WAIT_MS):  # seeding can wait for a later look
            listed = self.templates.all(self.language())
        self.listed = {t.id: t for t in listed}
        self._loading = True
        self.list.clear()
        shown: tuple[QListWidgetItem, Template] | None = None
        for template in listed:
            item = QListWidgetItem(template.name)
            item.setData(ID_ROLE, template.id)
            self.list.addItem(item)
            if shown is None or template.id == wanted:
                shown = (item, template)
        if shown is not None:
            self.list.setCurrentItem(shown[0])
        self._loading = False
        self._show(shown[1] if shown is not None else None)

    def _switch(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._loading or item is None:
            return
        if self.dirty and not self._may_discard():
            self._loading = True
            if previous is not None:
                self.list.setCurrentItem(previous)
            else:
                self.list.setCurrentRow(-1)  # back to the new template being written
            self._loading = False
            return
        self._show(self.listed.get(int(item.data(ID_ROLE))))

    def _show(self, template: Template | None) -> None:
        self.current = template
        shown = template or Template("")
        self._loading = True
        self.name.setText(shown.name)
        self.title.setText(shown.title)
        self.tags.setText(", ".join(shown.tags))
        self.emotions.set_checked(list(shown.emotions))
        self.sections.set_sections(list(shown.sections))
        self._loading = False
        self.dirty = False
        self.error.hide()
        self.status.clear()
        self.delete_button.setEnabled(template is not None)
        self._update_heading()

    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self.dirty = True
            self.status.clear()

    def _may_discard(self) -> bool:
        return ask(
            self,
            self.tr("Discard changes?"),
            self.tr("This template has changes that are not saved. Discard them?"),
            self.tr("&Discard changes"),
            destructive=True,
        )

    # -- actions -------------------------------------------------------------------

    def new_template(self) -> None:
        if self.dirty and not self._may_discard():
            return
        self._loading = True
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self._loading = False
        self._show(None)
        self.name.setFocus()

    def form_template(self) -> Template:
        current = self.current
        return Template(
            self.name.text(),
            self.title.text(),
            self.tags.tags(),
            self.emotions.checked(),
            self.sections.sections(),
            id=current.id if current else None,
        )

    def save(self) -> bool:
        """Store the form; a refused template shows why (translated) and keeps the form as typed."""
        template = self.form_template()
        try:
            with db.busy_timeout(self.templates.conn, SAVE_WAIT_MS):
                saved = (
                    self.templates.add(template) if template.id is None else self.templates.update(template)
                )
        except PeerappError as exc:
            self._refused(exc)
            if isinstance(exc, (TemplateNameMissing, TemplateNameTaken)):
                self.name.setFocus()
            elif isinstance(exc, TemplateSectionEmpty):
                self.sections.focus_first_empty()
            return False
        self.dirty = False
        self.current = saved
        self.reload(select=saved.id)
        self.status.setText(self.tr("Saved."))
        announce(self, self.status.text())
        return True

    def _refused(self, exc: PeerappError) -> None:
        """Why the template was not saved or deleted: one translated line, said aloud too."""
        self.error.setText(exc.user_message())
        self.error.show()
        announce(self, exc.user_message(), assertive=True)

    def delete_current(self) -> None:
        current = self.current
        if current is None or current.id is None:
            return
        if not ask(
            self,
            self.tr("Delete template?"),
            self.tr("Delete the template “%1”? Entries you wrote from it stay as they are.").replace(
                "%1", current.name
            ),
            self.tr("&Delete template"),
            destructive=True,
        ):
            return
        try:
            with db.busy_timeout(self.templates.conn, SAVE_WAIT_MS):
                self.templates.delete(current.id)
        except PeerappError as exc:  # an import holds the journal, or it was deleted meanwhile
            self._refused(exc)
            return
        self.current, self.dirty = None, False
        self.reload()
        announce(self, self.tr("Template deleted."))

    # -- closing -------------------------------------------------------------------

    def reject(self) -> None:
        if self.dirty and not self._may_discard():
            return
        super().reject()

    def close_for_lock(self) -> None:
        """A lock or quick exit closes it at once, without asking (the unsaved form is not kept)."""
        self.dirty = False
        super().reject()
