"""Emotion chips in the editor: four groups in their colours, search in English and Arabic, names that say
selected or not, one Tab stop per group with arrow keys inside, emotions from imports kept; the fold of the
rarely used fields; the editor's layout in en, ar and pseudo at 1024×600."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from peerapp.core.journal import CopingUse, Entry, EntryFilter, local_now
from peerapp.core.vocab import EMOTION_GROUPS, EMOTIONS, emotion_label
from peerapp.gui import design, theme
from peerapp.gui.journal.editor import EntryEditor
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.gui.widgets.chips import EmotionChips
from support.gui import MakeWindow, type_text
from support.gui import unlocked_window as unlocked
from support.layout_checks import SMALL_SCREEN, check_window, chips_cut_in_half

LEFT = Qt.MouseButton.LeftButton


def new_editor(win: MainWindow) -> EntryEditor:
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    return editor


def shown(chips: EmotionChips) -> list[str]:
    return [key for key, chip in chips.chips.items() if chip.isVisibleTo(chips)]


def test_chips_are_grouped_coloured_and_named(qtbot: Any) -> None:
    chips = EmotionChips()
    qtbot.addWidget(chips)
    chips.show()
    assert sorted(chips.chips) == sorted(EMOTIONS)
    for group, keys in EMOTION_GROUPS.items():
        box = chips.groups[group]
        assert [c.key for c in box.chips] == list(keys)
        assert box.title.text() and box.description.text()
        assert all(c.colour() == design.named(f"EMOTION_GROUP_COLOUR.{group}", False) for c in box.chips)
    chip = chips.chips["calm"]
    assert chip.accessibleName() == "calm, not selected"
    qtbot.mouseClick(chip, LEFT, pos=QPoint(chip.width() // 2, chip.height() // 2))
    assert chip.accessibleName() == "calm, selected"
    assert chips.checked() == ["calm"]


@pytest.mark.parametrize(
    ("lang", "typed", "found"),
    [
        ("en", "lone", ["lonely"]),
        ("en", "حزين", ["sad"]),  # Arabic typed in the English interface
        ("en", "anxiety", ["anxious"]),
        ("ar", "خائف", ["afraid"]),
        ("ar", "الخوف", ["afraid"]),
        ("ar", "خايف", ["afraid"]),  # no hamza
        ("ar", "اِمت", ["grateful"]),  # a part word with a kasra
        ("ar", "calm", ["calm"]),  # English typed in the Arabic interface
    ],
)
def test_search_finds_chips_in_either_language(
    qtbot: Any, make_window: MakeWindow, lang: str, typed: str, found: list[str]
) -> None:
    win = unlocked(qtbot, make_window, lang)
    editor = new_editor(win)
    chips = editor.emotions
    if lang == "ar":
        assert chips.chips["afraid"].text() == "خوف"  # the interface's own label is shown
    type_text(chips.search, typed)
    assert shown(chips) == found
    visible_groups = [g for g, box in chips.groups.items() if box.isVisibleTo(chips)]
    assert len(visible_groups) == 1
    chips.search.clear()
    assert len(shown(chips)) == len(EMOTIONS)
    editor.keep_and_close()


def test_search_keeps_chosen_chips_and_return_picks_the_first_found(qtbot: Any) -> None:
    chips = EmotionChips()
    qtbot.addWidget(chips)
    chips.show()
    chips.set_checked(["calm"])
    qtbot.keyClicks(chips.search, "xyz")
    assert shown(chips) == ["calm"]  # a choice never seems lost
    chips.search.clear()
    qtbot.keyClicks(chips.search, "xyzzy")
    chips.chips["calm"].setChecked(False)
    chips.apply_search()
    assert shown(chips) == [] and chips.no_match.isVisibleTo(chips)
    chips.search.clear()
    qtbot.keyClicks(chips.search, "grat")
    qtbot.keyClick(chips.search, Qt.Key.Key_Return)
    assert chips.checked() == ["grateful"] and chips.search.text() == ""


def test_one_tab_stop_per_group_and_arrow_keys_inside(qtbot: Any) -> None:
    chips = EmotionChips()
    qtbot.addWidget(chips)
    chips.show()
    chips.activateWindow()
    qtbot.waitUntil(chips.isActiveWindow)
    stops = [c for c in chips.chips.values() if c.focusPolicy() == Qt.FocusPolicy.StrongFocus]
    assert [c.key for c in stops] == [keys[0] for keys in EMOTION_GROUPS.values()]
    first = chips.chips["anxious"]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is chips.chips["angry"]
    qtbot.keyClick(chips.chips["angry"], Qt.Key.Key_Space)
    assert chips.checked() == ["angry"]
    qtbot.keyClick(chips.chips["angry"], Qt.Key.Key_End)
    assert QApplication.focusWidget() is chips.chips["unsafe"]
    # The chip reached by the arrows is now its group's Tab stop.
    assert chips.chips["unsafe"].focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert first.focusPolicy() == Qt.FocusPolicy.ClickFocus


def test_emotions_from_an_import_are_shown_and_kept(qtbot: Any, make_window: MakeWindow) -> None:
    win = unlocked(qtbot, make_window)
    assert win.repo is not None
    entry = win.repo.add(Entry(at=local_now(), mood=3, emotions=["calm", "nostalgic"], text="imported"))
    win.journal_page.apply_filter()
    win.journal_page.select_entry(entry.id or 0)
    win.journal_page.edit_selected()
    editor = win.journal_page.editor
    assert editor is not None
    assert editor.emotions.other.isVisibleTo(editor)
    assert editor.emotions.chips["nostalgic"].isChecked()
    editor.emotions.chips["sad"].click()
    editor.save()
    saved = win.repo.get(entry.id or 0)
    assert saved.emotions == ["sad", "calm", "nostalgic"]


def test_the_fold_opens_for_a_coping_log_or_a_chosen_date_only(qtbot: Any, make_window: MakeWindow) -> None:
    win = unlocked(qtbot, make_window)
    assert win.repo is not None
    editor = new_editor(win)
    editor.show()
    assert not editor.more.isVisible() and not editor.more_button.isChecked()
    assert editor.more_button.text() == "▸ &More: date, what I tried"
    assert editor.more_button.accessibleName() == "More: date, what I tried"
    qtbot.mouseClick(editor.more_button, LEFT)
    assert editor.more.isVisible() and editor.when.isVisible() and editor.coping.isVisible()
    editor.keep_and_close()
    win.repo.delete_draft("new")
    now = local_now()
    plain = win.repo.add(Entry(at=now, mood=4, text="plain"))
    tried = win.repo.add(Entry(at=now, mood=2, text="tried", coping=[CopingUse("box-breathing", 7, 4, 4)]))
    backdated = win.repo.add(Entry(at=now - timedelta(days=3), mood=3, text="about Monday"))
    opened = {}
    for entry in (plain, tried, backdated):
        assert win.repo is not None, win.vault.is_unlocked
        editor = EntryEditor(win.repo, win.repo.get(entry.id or 0), win)
        qtbot.addWidget(editor)
        editor.show()
        opened[entry.text] = editor.more.isVisible()
        if entry is tried:
            assert editor.coping.uses() == entry.coping
        editor.reject()
    assert opened == {"plain": False, "tried": True, "about Monday": True}


def test_mood_faces_in_the_editor_are_the_check_in_faces(qtbot: Any, make_window: MakeWindow) -> None:
    win = unlocked(qtbot, make_window)
    editor = new_editor(win)
    face = editor.mood_buttons[5]
    assert face.level == 5 and face.text() == "Very good"
    qtbot.mouseClick(face, LEFT)
    assert editor.mood() == 5
    editor.keep_and_close()


def _shot(widget: Any, name: str) -> None:
    folder = os.environ.get("PEERAPP_CHECKIN_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, f"{name}.png"))


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_editor_fits_small_and_large_screens(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = unlocked(qtbot, make_window, lang)
    win.resize(*SMALL_SCREEN)
    editor = new_editor(win)
    editor.resize(*SMALL_SCREEN)
    editor.mood_buttons[2].click()
    editor.emotions.chips["tired"].click()
    # The feelings area ends between rows: no heading or chip half shown (the Arabic one ended half-way
    # through the next group's heading).
    qtbot.waitUntil(lambda: chips_cut_in_half(editor.emotions) == [], timeout=2000)
    problems = check_window(editor, f"{lang} editor folded")
    _shot(editor, f"editor_{lang}_folded")
    editor.more_button.click()
    editor.coping.add_row(CopingUse("box-breathing", 6, 3, 4))
    problems += check_window(editor, f"{lang} editor open")
    _shot(editor, f"editor_{lang}_open")
    if lang != PSEUDO:
        theme.set_dark(True)
        try:
            QApplication.processEvents()
            problems += check_window(editor, f"{lang} editor dark")
            _shot(editor, f"editor_{lang}_dark")
        finally:
            theme.set_dark(False)
    editor.resize(1600, 1000)
    qtbot.waitUntil(lambda: chips_cut_in_half(editor.emotions) == [], timeout=2000)
    problems += check_window(editor, f"{lang} editor large", size_limit=(1920, 1080))
    assert [str(p) for p in problems] == []
    editor.save()
    assert win.repo is not None
    [entry] = win.repo.page(EntryFilter(), limit=5)
    assert (entry.mood, entry.emotions) == (2, ["tired"])
    assert emotion_label("tired")
