"""The short tour of the five areas: it comes after the journal's first saved entry, once per journal
(not after the second entry, not in a new window on the same journal), Next walks the tabs, Skip and Esc
end it, and it fits 1024×600 and a large screen in en, ar and pseudo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from peerapp.core import decoy, kv
from peerapp.gui.shell import tour
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.gui.shell.tour import TourDialog
from support.gui import GUI_PASSPHRASE, MakeWindow, create_vault, unlock, write_entry
from support.layout_checks import SMALL_SCREEN, check_window

LARGE = (1600, 1000)
AREAS = 5


def tours() -> list[TourDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, TourDialog) and w.isVisible()]


def cut_wrapped_labels(top: QWidget) -> list[str]:
    """Wrapped labels shorter than their text needs at their width (layout_checks skips wrapped ones)."""
    return [
        label.text()[:40]
        for label in top.findChildren(QLabel)
        if label.isVisibleTo(top)
        and label.wordWrap()
        and label.text()
        and label.height() < label.heightForWidth(label.width())
    ]


def settle(qtbot: Any) -> None:
    """Long enough for the tour's zero-delay check after a save to have run."""
    qtbot.wait(50)


def first_entry_tour(qtbot: Any, win: MainWindow) -> TourDialog:
    assert tours() == []
    write_entry(qtbot, win, "First", "The first words.")
    qtbot.waitUntil(lambda: bool(tours()), timeout=3000)
    [dialog] = tours()
    return dialog


def new_journal(qtbot: Any, make_window: MakeWindow, lang: str = "en") -> MainWindow:
    win: MainWindow = make_window(lang=lang)
    create_vault(qtbot, win, with_tour=True)
    settle(qtbot)
    assert tours() == []  # not before the first entry
    return win


def test_the_tour_follows_the_first_entry_walks_the_five_tabs_and_never_comes_again(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = new_journal(qtbot, make_window)
    dialog = first_entry_tour(qtbot, win)
    assert win.session is not None and kv.get(win.session.conn, tour.TOUR_KEY) == "1"
    assert not dialog.isModal()  # the app stays usable underneath
    seen: list[tuple[str, str, object]] = []
    for step in range(1, AREAS + 1):
        seen.append((dialog.step_label.text(), dialog.title.text(), win.tabs.currentWidget()))
        assert dialog.sentence.text() and dialog.title.text() == win.tabs.tabText(win.tabs.currentIndex())
        if step < AREAS:
            assert dialog.next_button.text() == "&Next"
            # Enter presses Next (the default button), then a click does.
            if step % 2:
                qtbot.keyClick(dialog, Qt.Key.Key_Return)
            else:
                qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert [s[0] for s in seen] == [f"Step {n} of {AREAS}" for n in range(1, AREAS + 1)]
    assert [s[2] for s in seen] == [
        win.journal_page,
        win.library_page,
        win.insights_page,
        win.safety_plan_page,
        win.groups_page,
    ]
    assert dialog.next_button.text() == "&Done"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert tours() == [] and win.tabs.currentWidget() is win.journal_page  # back where they wrote

    write_entry(qtbot, win, "Second", "More words.")
    settle(qtbot)
    assert tours() == []


def test_skip_ends_the_tour_on_the_journal(qtbot: Any, make_window: MakeWindow) -> None:
    win = new_journal(qtbot, make_window)
    dialog = first_entry_tour(qtbot, win)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert win.tabs.currentWidget() is win.library_page
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert tours() == [] and win.tabs.currentWidget() is win.journal_page
    write_entry(qtbot, win, "Second", "More words.")
    settle(qtbot)
    assert tours() == []  # skipped is had


def test_escape_skips(qtbot: Any, make_window: MakeWindow) -> None:
    win = new_journal(qtbot, make_window)
    dialog = first_entry_tour(qtbot, win)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert tours() == [] and win.tabs.currentWidget() is win.journal_page


def test_a_new_window_on_the_same_journal_shows_no_tour_again(qtbot: Any, make_window: MakeWindow) -> None:
    win = new_journal(qtbot, make_window)
    first_entry_tour(qtbot, win).reject()
    win.close()
    again = make_window()
    unlock(qtbot, again, GUI_PASSPHRASE)
    tour.watch(again)  # what the window does on every unlock (see tour.watch)
    write_entry(qtbot, again, "Next day", "Still here.")
    settle(qtbot)
    assert tours() == []
    assert tour.maybe_start(again) is None


def test_a_journal_closed_before_its_first_entry_gets_the_tour_on_a_later_start(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = new_journal(qtbot, make_window)
    win.close()
    again = make_window()
    unlock(qtbot, again, GUI_PASSPHRASE)
    tour.watch(again)
    tour.watch(again)  # harmless twice: one tour
    dialog = first_entry_tour(qtbot, again)
    assert dialog.step_label.text() == "Step 1 of 5"


def test_locking_mid_tour_closes_it_and_it_does_not_come_back(qtbot: Any, make_window: MakeWindow) -> None:
    win = new_journal(qtbot, make_window)
    first_entry_tour(qtbot, win)
    win.lock()
    assert tours() == []
    unlock(qtbot, win, GUI_PASSPHRASE)
    write_entry(qtbot, win, "After", "the lock")
    settle(qtbot)
    assert tours() == []


def test_a_decoy_opened_under_duress_never_shows_the_tour(qtbot: Any, make_window: MakeWindow) -> None:
    win = new_journal(qtbot, make_window)
    decoy.set_up_decoy(win.vault, "a decoy passphrase for show", seed=True)
    win.lock()
    unlock(qtbot, win, "a decoy passphrase for show")
    assert win.journal_page.model.rowCount() == len(decoy.SEED)  # the decoy, lived in
    tour.watch(win)
    write_entry(qtbot, win, "Film", "Watched a film")
    settle(qtbot)
    assert tours() == []  # a first-entry tour would tell that this journal is new


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
@pytest.mark.parametrize("size", [SMALL_SCREEN, LARGE], ids=["1024x600", "large"])
def test_the_tour_fits_and_names_its_controls(
    qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int]
) -> None:
    win = new_journal(qtbot, make_window)
    win.languages.set_language(lang, remember=False)
    win.resize(*size)
    dialog = first_entry_tour(qtbot, win)
    problems = []
    for step in range(AREAS):
        qtbot.wait(10)
        problems += [str(p) for p in check_window(dialog, f"{lang} {size} tour {step + 1}", size)]
        problems += [str(p) for p in check_window(win, f"{lang} {size} window under tour {step + 1}", size)]
        problems += cut_wrapped_labels(dialog)
        if step < AREAS - 1:
            dialog.next()
    assert problems == []
    # The tour stays inside the window, near its bottom: the tab it describes shows above it.
    frame = win.geometry()
    assert frame.contains(dialog.geometry().center())
    assert dialog.geometry().center().y() > frame.center().y()
