"""The editor's prompt line in the real window and vault: today's prompt shows, Shuffle and the theme
picker change it, "Use this prompt" saves it with the entry (kept across a lock), hiding is remembered,
a damaged pack leaves a working editor; and its layout in en, ar and pseudo at 1024×600 and large."""

from __future__ import annotations

import html
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from peerapp.core import prompts
from peerapp.core.journal import EntryFilter
from peerapp.gui import theme
from peerapp.gui.journal.editor import EntryEditor
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.gui import GUI_PASSPHRASE, MakeWindow, unlock
from support.gui import unlocked_window as opened
from support.layout_checks import SMALL_SCREEN, check_window

LEFT = Qt.MouseButton.LeftButton


def new_editor(win: MainWindow) -> EntryEditor:
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None and editor.isVisible()
    return editor


def line_text(editor: EntryEditor) -> str:
    """The prompt line as a person reads it (the label's rich text, as plain text)."""
    return html.unescape(editor.prompt.text.text().split("</span> ", 1)[1])


def _shot(widget: Any, name: str) -> None:
    """With PEERAPP_PROMPT_SHOTS=<folder>, a picture to look at by eye."""
    folder = os.environ.get("PEERAPP_PROMPT_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def test_todays_prompt_shows_and_a_click_on_shuffle_changes_it(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    panel = editor.prompt
    assert panel.isVisible() and not panel.show_button.isVisible()
    today = prompts.prompt_for_today("en", date.today())
    assert line_text(editor) == today.text
    assert "Prompt for today:" in panel.text.text()
    seen = {today.text}
    for _ in range(3):
        before = line_text(editor)
        qtbot.mouseClick(panel.shuffle_button, LEFT)
        assert line_text(editor) != before
        seen.add(line_text(editor))
    assert len(seen) >= 3
    assert {p.text for p in prompts.load_prompts("en")} >= seen
    editor.discard()


def test_the_theme_picker_gives_that_themes_prompts(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    panel = editor.prompt
    names = [a.text() for a in panel.theme_menu.actions()]
    assert names[0] == "Any theme" and "Hard days" in names and len(names) == 1 + len(prompts.THEMES)
    hard = next(a for a in panel.theme_menu.actions() if a.text() == "Hard days")
    hard.trigger()
    hard_texts = {p.text for p in prompts.load_prompts("en") if p.theme == "hard-days"}
    assert line_text(editor) in hard_texts
    for _ in range(5):
        qtbot.mouseClick(panel.shuffle_button, LEFT)
        assert line_text(editor) in hard_texts
    editor.discard()


def test_a_used_prompt_is_saved_with_the_entry_and_kept_in_the_vault(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    panel = editor.prompt
    qtbot.mouseClick(panel.shuffle_button, LEFT)
    chosen = line_text(editor)
    qtbot.mouseClick(panel.use_button, LEFT)
    assert panel.use_button.isChecked() and "Writing about:" in panel.text.text()
    # In use, the prompt stays put: shuffling would leave the entry claiming another one.
    assert not panel.shuffle_button.isVisible() and not panel.theme_button.isVisible()
    editor.body.setPlainText("Answering it.")
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Save), LEFT)
    assert win.journal_page.editor is None
    assert win.repo is not None
    [entry] = win.repo.page(EntryFilter(), limit=5)
    assert entry.prompt == chosen and entry.text == "Answering it."
    # The entry view shows it above the text.
    view = win.journal_page.view
    assert chosen in view.toPlainText() and "Writing about:" in view.toPlainText()
    # Locked and opened again: the vault kept it.
    win.lock()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.repo is not None
    assert win.repo.get(entry.id or 0).prompt == chosen


def test_editing_shows_the_prompt_in_use_and_letting_it_go_saves_none(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    qtbot.mouseClick(editor.prompt.use_button, LEFT)
    chosen = line_text(editor)
    editor.save()
    win.journal_page.edit_selected()
    again = win.journal_page.editor
    assert again is not None and again.prompt.isVisible() and again.prompt.use_button.isChecked()
    assert line_text(again) == chosen and not again.dirty
    qtbot.mouseClick(again.prompt.use_button, LEFT)
    assert again.dirty and again.prompt.shuffle_button.isVisible()
    again.save()
    assert win.repo is not None
    assert [e.prompt for e in win.repo.page(EntryFilter(), limit=5)] == [None]


def test_an_entry_without_a_prompt_opens_with_the_line_folded(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    editor.body.setPlainText("No prompt here.")
    editor.save()
    assert win.repo is not None
    [entry] = win.repo.page(EntryFilter(), limit=5)
    assert entry.prompt is None
    win.journal_page.edit_selected()
    again = win.journal_page.editor
    assert again is not None
    assert not again.prompt.isVisible() and again.prompt.show_button.isVisible()
    assert not again.dirty
    again.discard()
    assert not prompts.is_hidden(win.repo.conn)  # that fold was not a choice, so it is not remembered


def test_hiding_is_remembered_in_the_vault_and_undone_with_a_click(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    qtbot.mouseClick(editor.prompt.hide_button, LEFT)
    assert not editor.prompt.isVisible() and editor.prompt.show_button.isVisible()
    assert editor.prompt.show_button.accessibleName() == "Show the prompt for today"
    editor.discard()
    editor = new_editor(win)
    assert not editor.prompt.isVisible() and editor.prompt.show_button.isVisible()
    qtbot.mouseClick(editor.prompt.show_button, LEFT)
    assert editor.prompt.isVisible() and not editor.prompt.show_button.isVisible()
    editor.discard()
    assert win.repo is not None and not prompts.is_hidden(win.repo.conn)


def test_hiding_while_an_import_holds_the_journal_folds_without_freezing(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    other = win.vault.connect()  # another task's connection holds the write lock, as an import does
    other.execute("BEGIN IMMEDIATE")
    try:
        qtbot.mouseClick(editor.prompt.hide_button, LEFT)  # no exception out of the slot, no 10 s wait
        assert not editor.prompt.isVisible() and editor.prompt.show_button.isVisible()
    finally:
        other.execute("ROLLBACK")
        win.vault.release(other)
    assert win.repo is not None and not prompts.is_hidden(win.repo.conn)  # folded, not remembered
    editor.discard()


def test_a_draft_keeps_the_prompt_in_use(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    qtbot.mouseClick(editor.prompt.use_button, LEFT)
    chosen = line_text(editor)
    editor.body.setPlainText("Half written.")
    assert editor.state()["prompt"] == chosen
    again = EntryEditor(editor.repo, None, win, draft=editor.state())
    qtbot.addWidget(again)
    assert again.prompt.prompt_text() == chosen and again.prompt.use_button.isChecked()
    again.discard()
    editor.discard()


def test_a_damaged_pack_leaves_an_editor_without_the_line(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "resources"
    (broken / "prompts").mkdir(parents=True)
    (broken / "prompts" / "en.json").write_text('{"format": 1, "lang": "en", "prompts": [', "utf-8")
    monkeypatch.setattr(prompts, "resources_dir", lambda: broken)
    win = opened(qtbot, make_window)
    editor = new_editor(win)
    assert not editor.prompt.isVisible() and not editor.prompt.show_button.isVisible()
    editor.body.setPlainText("Still works.")
    editor.save()
    assert win.repo is not None
    assert [e.text for e in win.repo.page(EntryFilter(), limit=5)] == ["Still works."]
    assert not list(broken.rglob("*.tmp")) and sorted(p.name for p in broken.rglob("*")) == [
        "en.json",
        "prompts",
    ]
    json.dumps(prompts.THEMES)  # the module is still usable


def test_an_unreadable_journal_still_gets_a_prompt_line(qtbot: Any, tmp_path: Path) -> None:
    from peerapp.core import db
    from peerapp.gui.journal.prompt_panel import PromptPanel

    garbage = tmp_path / "damaged.db"
    garbage.write_bytes(os.urandom(8192))  # what a damaged vault reads as: not a database
    conn = db._driver().connect(str(garbage), isolation_level=None)
    try:
        panel = PromptPanel(conn)
        qtbot.addWidget(panel)
        panel.show()
        assert panel.isVisible() and panel.current is not None
        qtbot.mouseClick(panel.hide_button, LEFT)  # not remembered, and no exception out of the click
        assert not panel.isVisible() and not panel.show_button.isHidden()
    finally:
        conn.close()


def test_arabic_reads_right_to_left_with_the_arabic_prompt(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window, "ar")
    win.resize(*SMALL_SCREEN)
    editor = new_editor(win)
    panel = editor.prompt
    assert panel.isRightToLeft()
    assert line_text(editor) == prompts.prompt_for_today("ar", date.today()).text
    # The text starts at the right; the buttons follow it to the left.
    text_x = panel.text.mapTo(panel, QPoint(0, 0)).x()
    assert all(b.mapTo(panel, QPoint(0, 0)).x() < text_x for b in (panel.shuffle_button, panel.use_button))
    # Switching the language shows the same prompt in the other language.
    shown = prompts.prompt_for_today("ar", date.today())
    win.languages.set_language("en", remember=False)
    QApplication.processEvents()  # the LanguageChange events are posted
    assert line_text(editor) == prompts.by_id("en", shown.id).text  # type: ignore[union-attr]
    editor.discard()


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_the_editor_with_its_prompt_fits_small_and_large_screens(
    qtbot: Any, make_window: MakeWindow, lang: str
) -> None:
    win = opened(qtbot, make_window, lang)
    win.resize(*SMALL_SCREEN)
    editor = new_editor(win)
    # The longest prompt of the pack, the worst case for the line's height.
    pack = "ar" if lang == "ar" else "en"
    longest = max(prompts.load_prompts(pack), key=lambda p: len(p.text))
    editor.prompt.current = longest
    editor.prompt.retranslate_ui()
    problems = check_window(editor, f"{lang} editor with a prompt")
    # Not crowded: at 1024×600 the text still has room for several lines below the prompt.
    _shot(editor, f"editor_{lang}_light")
    # Not crowded: even the longest prompt takes two lines (three stretched), and the text keeps room.
    lines = 3 if lang == PSEUDO else 2
    assert editor.prompt.height() <= lines * editor.prompt.text.fontMetrics().lineSpacing() + 2
    assert editor.body.height() >= 4 * editor.body.fontMetrics().lineSpacing()
    if lang != PSEUDO:
        theme.set_dark(True)
        try:
            QApplication.processEvents()
            problems += check_window(editor, f"{lang} editor with a prompt, dark")
            _shot(editor, f"editor_{lang}_dark")
        finally:
            theme.set_dark(False)
    qtbot.mouseClick(editor.prompt.hide_button, LEFT)
    problems += check_window(editor, f"{lang} editor, prompt folded")
    _shot(editor, f"editor_{lang}_folded")
    qtbot.mouseClick(editor.prompt.show_button, LEFT)
    editor.resize(1600, 1000)
    problems += check_window(editor, f"{lang} editor large", size_limit=(1920, 1080))
    assert [str(p) for p in problems] == []
    editor.discard()
