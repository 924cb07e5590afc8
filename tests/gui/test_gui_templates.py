"""Templates through the real window and vault: pick one, the editor opens filled in, Save makes the entry;
Manage templates creates, edits and deletes with real clicks; a lock closes both; layouts in en, ar and
pseudo at 1024×600 and large, light and dark."""

from __future__ import annotations

import os
import threading
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QWidget

from peerapp.core.errors import JournalBusy
from peerapp.core.journal import EntryFilter
from peerapp.core.templates import Section, TemplateRepository
from peerapp.gui import theme
from peerapp.gui.journal.template_picker import TemplatePicker
from peerapp.gui.journal.templates_dialog import TemplatesDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.gui import MakeWindow, answer_next_box, type_text
from support.gui import unlocked_window as opened
from support.layout_checks import SMALL_SCREEN, Problem, check_window, chips_cut_in_half

LEFT = Qt.MouseButton.LeftButton


def vault_templates(win: MainWindow) -> TemplateRepository:
    assert win.repo is not None
    return TemplateRepository(win.repo.conn)


def shown(win: MainWindow, kind: type[QWidget]) -> Any:
    found = [d for d in win.findChildren(kind) if d.isVisible()]
    assert len(found) == 1, found
    return found[0]


def click_item(qtbot: Any, view: QListWidget, text: str) -> None:
    item = next(view.item(i) for i in range(view.count()) if view.item(i).text() == text)
    view.scrollToItem(item)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualItemRect(item).center())
    assert view.currentItem() is item


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, LEFT, pos=QPoint(widget.width() // 2, widget.height() // 2))


def cell_editor(dialog: TemplatesDialog) -> QLineEdit:
    """The heading cell's editor that Add section opened, where typing goes."""
    editors = [e for e in dialog.sections.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def _shot(widget: QWidget, name: str) -> None:
    """With PEERAPP_TEMPLATE_SHOTS=<folder>, a picture to look at by eye."""
    folder = os.environ.get("PEERAPP_TEMPLATE_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def test_a_template_fills_the_editor_and_save_makes_the_entry(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    assert win.template_action in win.journal_menu.actions()
    assert win.manage_templates_action in win.journal_menu.actions()
    assert win.template_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    win.template_action.trigger()
    picker = shown(win, TemplatePicker)
    assert [picker.list.item(i).text() for i in range(picker.list.count())] == [
        "After a hard conversation",
        "Evening reflection",
        "Thought record",
    ]
    click_item(qtbot, picker.list, "Thought record")
    assert "Evidence against the thought" in picker.preview.toPlainText()
    click(qtbot, picker.start_button)
    assert not picker.isVisible()

    editor = win.journal_page.editor
    assert editor is not None and editor.isVisible()
    assert editor.title.text() == "Thought record"
    assert editor.tags.tags() == ["thought record"]
    body = editor.body.toPlainText()
    assert body.startswith("## Situation\n\n*Where were you, who was there, what was happening?*\n\n")
    # The cursor waits under the first hint: typing answers the first question.
    type_text(editor.body, "On the bus home")
    _shot(editor, "editor_from_template_en")
    editor.mood_buttons[2].click()
    chip = editor.emotions.chips["anxious"]
    qtbot.mouseClick(chip, LEFT, pos=QPoint(chip.width() // 2, chip.height() // 2))
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Save), LEFT)
    assert win.journal_page.editor is None

    assert win.repo is not None
    [entry] = win.repo.page(EntryFilter(), limit=10)
    assert (entry.title, entry.tags, entry.mood, entry.emotions) == (
        "Thought record",
        ["thought record"],
        2,
        ["anxious"],
    )
    assert (
        "*Where were you, who was there, what was happening?*\n\nOn the bus home\n\n## Thought" in entry.text
    )
    assert not win.repo.drafts()


def test_an_entry_being_written_is_not_replaced(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    type_text(editor.body, "my own words")
    win.template_action.trigger()
    picker = shown(win, TemplatePicker)
    click(qtbot, picker.start_button)
    assert picker.isVisible() and picker.notice.isVisible()
    assert win.journal_page.editor is editor and editor.body.toPlainText() == "my own words"
    picker.reject()


def test_the_journal_page_offers_templates_beside_new_entry(qtbot: Any, make_window: MakeWindow) -> None:
    """ "From a template…" sits beside New entry and opens the picker; not while the trash is shown."""
    win = opened(qtbot, make_window, "ar")
    page = win.journal_page
    assert page.template_button.text() == "من &قالب…"
    row = page.filters.dates_row
    assert row.indexOf(page.template_button) == row.indexOf(page.new_button) - 1
    click(qtbot, page.template_button)
    picker = shown(win, TemplatePicker)
    chosen = picker.selected()
    assert chosen is not None
    click(qtbot, picker.start_button)
    assert not picker.isVisible()
    assert page.editor is not None and page.editor.title.text() == chosen.title
    page.editor.keep_and_close()
    page.discard_draft()
    click(qtbot, page.trash_button)
    assert not page.template_button.isEnabled()
    click(qtbot, page.template_button)
    assert not [d for d in win.findChildren(TemplatePicker) if d.isVisible()]


def test_with_every_template_deleted_the_picker_says_how_to_make_one(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = opened(qtbot, make_window)
    templates = vault_templates(win)
    for template in templates.all("en"):
        assert template.id is not None
        templates.delete(template.id)
    win.template_action.trigger()
    picker = shown(win, TemplatePicker)
    assert picker.list.count() == 0 and picker.none_label.isVisible()
    assert not picker.start_button.isEnabled()
    assert check_window(picker, "picker with no templates") == []
    # Manage templates from here: the form starts a new one, and the picker lists it when it closes.
    click(qtbot, picker.manage_button)
    manager = picker.findChildren(TemplatesDialog)[0]
    assert manager.current is None and manager.heading.text() == "A new template"
    type_text(manager.name, "Quick note")
    click(qtbot, manager.save_button)
    manager.reject()
    assert [picker.list.item(i).text() for i in range(picker.list.count())] == ["Quick note"]
    assert picker.start_button.isEnabled()
    click(qtbot, picker.start_button)
    editor = win.journal_page.editor
    assert editor is not None and editor.body.toPlainText() == "" and editor.title.text() == ""
    editor.discard()


def test_manage_templates_create_edit_delete_with_clicks(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    win.manage_templates_action.trigger()
    dialog = shown(win, TemplatesDialog)
    assert dialog.list.count() == 3 and dialog.name.text() == "After a hard conversation"

    # Create.
    click(qtbot, dialog.new_button)
    assert dialog.name.text() == "" and dialog.list.currentItem() is None
    type_text(dialog.name, "Before therapy")
    type_text(dialog.title, "Session notes")
    type_text(dialog.tags, "therapy, علاج")
    chip = dialog.emotions.chips["hopeful"]
    qtbot.mouseClick(chip, LEFT, pos=QPoint(chip.width() // 2, chip.height() // 2))
    click(qtbot, dialog.sections.add_button)
    editing = cell_editor(dialog)
    type_text(editing, "What I want to bring up")
    qtbot.keyClick(editing, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits a cell's edit in a queued call
    assert dialog.sections.sections() == [Section("What I want to bring up", "")]
    click(qtbot, dialog.save_button)
    assert dialog.status.text() == "Saved." and not dialog.error.isVisible()
    made = {t.name: t for t in vault_templates(win).all("en")}["Before therapy"]
    assert (made.title, made.tags, made.emotions) == ("Session notes", ["therapy", "علاج"], ["hopeful"])
    assert made.sections == [Section("What I want to bring up", "")]
    made_id = made.id
    assert made_id is not None
    assert dialog.list.currentItem().text() == "Before therapy"

    # Refused: one translated line, nothing stored, the form as typed.
    dialog.name.selectAll()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Delete)
    click(qtbot, dialog.save_button)
    assert dialog.error.isVisible() and dialog.error.text() == "A template needs a name."
    assert vault_templates(win).get(made_id).name == "Before therapy"

    # Edit: a new name and a second section, below the first.
    type_text(dialog.name, "Before a session")
    click(qtbot, dialog.sections.add_button)
    editing = cell_editor(dialog)
    type_text(editing, "Questions")
    qtbot.keyClick(editing, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits a cell's edit in a queued call
    click(qtbot, dialog.save_button)
    edited = vault_templates(win).get(made_id)
    assert edited.name == "Before a session"
    assert [s.heading for s in edited.sections] == ["What I want to bring up", "Questions"]
    # Move the second up.
    table = dialog.sections.table
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualItemRect(table.item(1, 0)).center())
    assert table.currentRow() == 1
    click(qtbot, dialog.sections.up_button)
    click(qtbot, dialog.save_button)
    assert [s.heading for s in vault_templates(win).get(made_id).sections] == [
        "Questions",
        "What I want to bring up",
    ]

    # Delete, confirmed in the question box.
    seen: list[str] = []
    answer_next_box(True, seen)
    click(qtbot, dialog.delete_button)
    assert "&Delete template" in seen
    assert "Before a session" not in {t.name for t in vault_templates(win).all("en")}
    assert dialog.list.count() == 3

    # A shipped template is the person's to change: edited, it stays English in Arabic.
    click_item(qtbot, dialog.list, "Evening reflection")
    table = dialog.sections.table
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualItemRect(table.item(3, 0)).center())
    click(qtbot, dialog.sections.remove_button)
    click(qtbot, dialog.save_button)
    win.languages.set_language("ar", remember=False)
    QApplication.processEvents()
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "Evening reflection" in names and "سجلّ الأفكار" in names
    dialog.reject()


def test_switching_away_from_unsaved_changes_asks_first(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    win.manage_templates_action.trigger()
    dialog = shown(win, TemplatesDialog)
    type_text(dialog.name, " (mine)")
    answer_next_box(False)  # keep editing
    click_item_no_assert = dialog.list.item(2)
    qtbot.mouseClick(
        dialog.list.viewport(), LEFT, pos=dialog.list.visualItemRect(click_item_no_assert).center()
    )
    assert dialog.name.text() == "After a hard conversation (mine)"
    assert dialog.list.currentItem().text() == "After a hard conversation"
    answer_next_box(True)  # discard
    click_item(qtbot, dialog.list, "Thought record")
    assert dialog.name.text() == "Thought record"
    assert "After a hard conversation (mine)" not in {t.name for t in vault_templates(win).all("en")}
    dialog.reject()


def test_a_lock_closes_the_picker_and_the_manager_and_forgets_them(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = opened(qtbot, make_window)
    win.template_action.trigger()
    picker = shown(win, TemplatePicker)
    click(qtbot, picker.manage_button)
    manager = picker.findChildren(TemplatesDialog)[0]
    assert manager.isVisible()
    type_text(manager.name, "unsaved")
    win.lock()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the closed dialogs are deleted
    assert not [d for d in win.findChildren(TemplatePicker) if d.isVisible()]
    assert not win.findChildren(TemplatesDialog)
    assert not win.findChildren(TemplatePicker)
    assert not win.template_action.isEnabled() and not win.manage_templates_action.isEnabled()


def test_a_lock_closes_the_manager_with_unsaved_changes_without_asking(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = opened(qtbot, make_window)
    win.manage_templates_action.trigger()
    manager = shown(win, TemplatesDialog)
    type_text(manager.name, " (unsaved)")
    assert manager.dirty
    win.lock()  # a question box here would wait for an answer: the lock would not return
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not win.findChildren(TemplatesDialog)
    assert QApplication.activeModalWidget() is None


def test_a_busy_journal_refuses_delete_and_save_with_one_line_and_loses_nothing(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = opened(qtbot, make_window)
    win.manage_templates_action.trigger()
    dialog = shown(win, TemplatesDialog)
    held, done = threading.Event(), threading.Event()

    def import_holding_the_journal() -> None:
        other = win.vault.connect()  # this thread's own connection, as an import's worker has
        other.execute("BEGIN IMMEDIATE")
        held.set()
        done.wait()
        other.execute("COMMIT")
        win.vault.release(other)

    worker = threading.Thread(target=import_holding_the_journal)
    worker.start()
    try:
        held.wait()
        answer_next_box(True)
        click(qtbot, dialog.delete_button)
        busy = JournalBusy().user_message()
        assert dialog.error.isVisible() and dialog.error.text() == busy
        type_text(dialog.name, " (mine)")
        click(qtbot, dialog.save_button)
        assert dialog.error.text() == busy and dialog.name.text() == "After a hard conversation (mine)"
    finally:
        done.set()
        worker.join()
    assert len(vault_templates(win).all("en")) == 3
    click(qtbot, dialog.save_button)  # the import is over: the same click saves
    assert "After a hard conversation (mine)" in {t.name for t in vault_templates(win).all("en")}
    dialog.reject()


def _both_themes(widget: QWidget, where: str, name: str, dark_too: bool) -> list[Problem]:
    problems: list[Problem] = check_window(widget, where)
    _shot(widget, f"{name}_light")
    if dark_too:
        theme.set_dark(True)
        try:
            QApplication.processEvents()
            problems += check_window(widget, f"{where} dark")
            _shot(widget, f"{name}_dark")
        finally:
            theme.set_dark(False)
    return problems


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_picker_and_manager_fit_small_and_large_screens(
    qtbot: Any, make_window: MakeWindow, lang: str
) -> None:
    win = opened(qtbot, make_window, lang)
    win.resize(*SMALL_SCREEN)
    win.template_action.trigger()
    picker = shown(win, TemplatePicker)
    picker.list.setCurrentRow(2)
    problems = _both_themes(picker, f"{lang} template picker", f"picker_{lang}", lang != PSEUDO)
    picker.resize(1600, 1000)
    problems += check_window(picker, f"{lang} template picker large", size_limit=(1920, 1080))
    picker.reject()

    win.manage_templates_action.trigger()
    manager = shown(win, TemplatesDialog)
    manager.list.setCurrentRow(2)
    problems += _both_themes(manager, f"{lang} templates manager", f"manager_{lang}", lang != PSEUDO)
    qtbot.waitUntil(lambda: chips_cut_in_half(manager.emotions) == [], timeout=2000)
    manager.resize(1600, 1000)
    qtbot.waitUntil(lambda: chips_cut_in_half(manager.emotions) == [], timeout=2000)
    problems += check_window(manager, f"{lang} templates manager large", size_limit=(1920, 1080))
    assert [str(p) for p in problems] == []
    if lang == "ar":
        assert manager.isRightToLeft()
        assert manager.list.item(0).text() == "بعد محادثة صعبة"
    manager.reject()
