"""The journal screen: search and filters, the timeline, the reader, and the entry actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import Entry, EntryFilter, JournalRepository
from ...core.session import Session
from ..common import Retranslatable
from ..widgets.announce import announce
from .drafts import DraftBanner, draft_to_resume
from .editor import EntryEditor
from .empty_timeline import EmptyTimeline, empty_kind
from .entry_view import EntryView
from .filters import FilterBar
from .timeline import ENTRY_ROLE, TimelineDelegate, TimelineModel


class JournalPage(Retranslatable, QWidget):
    """Everything shown while the vault is unlocked. `clear()` removes every decrypted byte."""

    entries_changed = Signal()
    template_wanted = Signal()  # "From a template…": MainWindow opens its picker (gui/shell/menus.py)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo: JournalRepository | None = None
        self.editor: EntryEditor | None = None
        self.trash_mode = False

        self.filters = FilterBar(lambda: self.repo.tags() if self.repo is not None else [])
        # The page's own names for the fields, as tests and the rest of the app know them.
        self.search = self.filters.search
        self.mood_filter = self.filters.mood_filter
        self.emotion_filter = self.filters.emotion_filter
        self.tag_filter = self.filters.tag_filter
        self.date_check = self.filters.date_check
        self.date_from = self.filters.date_from
        self.date_to = self.filters.date_to
        self.new_button = QPushButton()
        self.trash_button = QPushButton()
        self.trash_button.setCheckable(True)

        self.model = TimelineModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TimelineDelegate(self.list))
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.doubleClicked.connect(lambda _i: self.edit_selected())
        self.list.activated.connect(lambda _i: self.edit_selected())
        self.view = EntryView()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.restore_button = QPushButton()
        self.empty_trash_button = QPushButton()
        self.count_label = QLabel()
        self.draft_banner = DraftBanner()
        self.resume_button = self.draft_banner.resume_button
        self.discard_button = self.draft_banner.discard_button
        # Beside New entry: a template's headings and feelings to start from (the Journal menu's item).
        self.template_button = QPushButton()
        self.template_button.clicked.connect(self.template_wanted)

        for widget in (self.count_label, self.trash_button, self.template_button, self.new_button):
            self.filters.dates_row.addWidget(widget)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        # Instead of a blank list: a kind line and the one action that helps (see _update_empty).
        self.empty = EmptyTimeline()
        self.empty.hide()
        self.empty.action.clicked.connect(self._empty_action)
        left_layout.addWidget(self.empty)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        actions = QHBoxLayout()
        actions.addStretch()
        for button in (self.restore_button, self.empty_trash_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        right_layout.addLayout(actions)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        self.filters.changed.connect(self._search_changed)
        self.new_button.clicked.connect(self.new_entry)
        self.trash_button.toggled.connect(self.set_trash_mode)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_trash_button.clicked.connect(self.empty_trash)
        self.resume_button.clicked.connect(self.resume_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        self.model.modelReset.connect(self._selection_changed)
        for changed in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            changed.connect(self._update_empty)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._selection_changed())

        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.list.addAction(self.delete_action)
        self.retranslate_ui()
        self._update_buttons()

    # -- texts ---------------------------------------------------------------------

    def tab_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "Journal")

    def view_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "&Journal")

    def retranslate_ui(self) -> None:
        self.filters.retranslate_ui()
        self.new_button.setText(self.tr("&New entry"))
        self.trash_button.setText(self.tr("Trash"))
        self.edit_button.setText(self.tr("&Edit"))
        self.delete_button.setText(self.tr("&Delete"))
        self.restore_button.setText(self.tr("&Restore"))
        self.empty_trash_button.setText(self.tr("Empty trash…"))
        self.list.setAccessibleName(self.tr("Journal entries, newest first"))
        self.template_button.setText(self.tr("From a te&mplate…"))
        self.delete_action.setText(self.tr("Delete"))
        self._update_count()
        self.list.viewport().update()

    # -- data ----------------------------------------------------------------------

    def attach(self, session: Session) -> None:
        """On unlock (the Page interface, gui/common.py)."""
        repo = session.journal
        self.repo = repo
        self.filters.fill()
        # The timeline shows what the fields above it say (all entries after a lock cleared them).
        self.model.filter = self.current_filter()
        self.model.attach(repo)
        self._update_count()  # counted once per filter, not on every page the view fetches
        self.check_drafts()

    def clear(self) -> None:
        """Called on lock: close the editor (keeping its draft) and forget everything shown."""
        if self.editor is not None:
            self.editor.keep_and_close()
            self.editor = None
        self.model.clear()
        self.view.show_entry(None)
        self.repo = None
        self.filters.reset()
        self.set_trash_mode(False)
        self.draft_banner.hide()
        self.count_label.clear()
        self._update_empty()

    def current_filter(self) -> EntryFilter:
        return self.filters.current(self.trash_mode)

    def apply_filter(self) -> None:
        self.filters.search_timer.stop()
        if self.repo is None:
            return
        self.model.set_filter(self.current_filter())
        self._update_count()

    def _search_changed(self) -> None:
        self.apply_filter()
        announce(self, self.count_label.text())  # what a sighted person reads beside the search box

    def _update_count(self) -> None:
        if self.repo is None:
            self.count_label.clear()
            return
        total = self.repo.count(self.model.filter)
        if self.trash_mode:
            self.count_label.setText(self.tr("%Ln entries in the trash", "", total))
        else:
            self.count_label.setText(self.tr("%Ln entries", "", total))

    # -- the empty timeline ----------------------------------------------------------

    def _check_in_offered(self) -> bool:
        return callable(getattr(self.window(), "check_in", None))

    def _update_empty(self) -> None:
        empty = self.repo is not None and self.model.rowCount() == 0
        if empty:
            self.empty.show_kind(empty_kind(self.model.filter), self._check_in_offered())
        self.list.setVisible(not empty)
        self.empty.setVisible(empty)

    def _empty_action(self) -> None:
        kind = self.empty.kind
        if kind == "search":
            self.clear_search()
        elif kind == "trash":
            self.set_trash_mode(False)
        elif self.empty.check_in and self._check_in_offered():
            self.window().check_in()  # type: ignore[attr-defined]
        else:
            self.new_entry()

    def clear_search(self) -> None:
        """Show every entry again: the search and every filter back to their defaults."""
        self.filters.reset()
        self.apply_filter()
        self.search.setFocus()
        announce(self, self.count_label.text())

    def set_trash_mode(self, on: bool) -> None:
        self.trash_mode = on
        if self.trash_button.isChecked() != on:
            self.trash_button.setChecked(on)
        self.new_button.setEnabled(not on)
        self.template_button.setEnabled(not on)
        self.apply_filter()
        self._update_buttons()

    def selected_entry(self) -> Entry | None:
        index = self.list.currentIndex()
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        return entry if isinstance(entry, Entry) else None

    def _selection_changed(self) -> None:
        self.view.show_entry(self.selected_entry())
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected_entry() is not None
        self.edit_button.setVisible(not self.trash_mode)
        self.delete_button.setVisible(not self.trash_mode)
        self.restore_button.setVisible(self.trash_mode)
        self.empty_trash_button.setVisible(self.trash_mode)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.restore_button.setEnabled(has)
        self.empty_trash_button.setEnabled(self.trash_mode and self.model.rowCount() > 0)

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            index = self.model.index(row)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.list.scrollTo(index)

    def _context_menu(self, pos: QPoint) -> None:
        if self.selected_entry() is None:
            return
        menu = QMenu(self)
        if self.trash_mode:
            menu.addAction(self.tr("Restore"), self.restore_selected)
        else:
            menu.addAction(self.tr("Edit"), self.edit_selected)
            menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    # -- actions -------------------------------------------------------------------

    def _open_editor(self, entry: Entry | None, draft: dict[str, object] | None = None) -> None:
        if self.repo is None:
            return
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return
        self.editor = EntryEditor(self.repo, entry, self, draft=draft)
        self.editor.saved.connect(self._on_saved)
        self.editor.finished.connect(self._editor_finished)
        self.editor.show()
        self.editor.body.setFocus()

    def _editor_finished(self, _result: int) -> None:
        # Destroy the closed editor now: kept as a hidden child, its widgets would hold the entry's
        # text in memory until the garbage collector happened to run (after a lock, too).
        if self.editor is not None:
            self.editor.deleteLater()
        self.editor = None
        self.check_drafts()

    def new_entry(self) -> None:
        if not self.trash_mode:
            self._open_editor(None)

    def new_entry_from_draft(self, draft: dict[str, object]) -> bool:
        """Open the editor on `draft` (a check-in continued); False when another editor is open."""
        free = self.editor is None
        if free:
            self.set_trash_mode(False)
        self._open_editor(None, draft=draft)  # an editor already open is raised instead, untouched
        return free and self.editor is not None

    def new_entry_with_technique(self, technique: str) -> None:
        """Start an entry that records trying `technique` (the library's "I tried this")."""
        self.new_entry_from_draft({"coping": [{"technique": technique}]})

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and not self.trash_mode:
            self._open_editor(entry)

    def _on_saved(self, entry_id: int) -> None:
        announce(self, self.tr("Entry saved"))
        self.filters.fill()
        self.apply_filter()
        self.select_entry(entry_id)
        self.entries_changed.emit()

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.id is None or self.repo is None or self.trash_mode:
            return
        row = self.list.currentIndex().row()
        self.repo.delete(entry.id)
        self.apply_filter()
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
        self.entries_changed.emit()

    def restore_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.id is None or self.repo is None:
            return
        self.repo.restore(entry.id)
        self.apply_filter()
        self.entries_changed.emit()

    def empty_trash(self) -> None:
        if self.repo is None:
            return
        count = self.repo.count(EntryFilter(trash=True))
        answer = QMessageBox.warning(
            self,
            self.tr("Empty trash"),
            self.tr("Erase %Ln entries for good? This cannot be undone.", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.repo.empty_trash()
            self.filters.fill()
            self.apply_filter()

    # -- drafts --------------------------------------------------------------------

    def check_drafts(self) -> None:
        """Show the banner when a draft waits (an editor or a check-in closed and kept one)."""
        has = self.repo is not None and bool(self.repo.drafts()) and self.editor is None
        self.draft_banner.setVisible(has)

    def resume_draft(self) -> None:
        if self.repo is None:
            return
        found = draft_to_resume(self.repo)
        self.draft_banner.hide()
        if found is not None:
            entry, data = found
            self._open_editor(entry, draft=data)

    def discard_draft(self) -> None:
        if self.repo is None:
            return
        for slot in self.repo.drafts():
            self.repo.delete_draft(slot)
        self.draft_banner.hide()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
