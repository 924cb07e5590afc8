"""The Groups tab with real posts from a real server, in English, Arabic and the pseudo-locale, at
1024×600: post bodies, replies and content warnings fit, nothing is cut off, every control has a name,
and each paragraph of a post runs in its own direction in either interface."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerapp.gui.groups.post import PostCard
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.groups_gui import card_with, create_group, settle
from support.gui import MakeWindow, create_vault
from support.layout_checks import SMALL_SCREEN, check_window
from support.servers import ServerProcess, sqlite_server  # noqa: F401

ARABIC = "وصلت اليوم إلى الاجتماع متأخرًا، لكن الجميع رحّبوا بي. شعرت أنني في مكاني."
ENGLISH = "First time I spoke in the circle. My hands shook, and then it was fine."
LONG = " ".join(["A long post that keeps going so that it has to wrap over several lines."] * 6)


@pytest.fixture
def window(make_window: MakeWindow) -> Iterator[MainWindow]:
    win = make_window()
    win.resize(*SMALL_SCREEN)
    yield win


def _fill_group(qtbot: Any, win: MainWindow, url: str) -> None:
    create_vault(qtbot, win)
    page = win.groups_page
    win.show_tab(page)
    create_group(qtbot, page, url, name="حلقة المساء")
    for text in (ARABIC + "\n\n" + ENGLISH, ENGLISH + "\n\n" + ARABIC, LONG):
        page.compose.setPlainText(text)
        page.post()
        settle(qtbot, page)
    QApplication.processEvents()


def test_group_posts_fit_and_keep_their_directions(
    qtbot: Any,
    window: MainWindow,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    _fill_group(qtbot, window, sqlite_server.url)
    page = window.groups_page
    for lang in ("en", "ar", PSEUDO):
        window.languages.set_language(lang, remember=False)
        window.resize(*SMALL_SCREEN)
        qtbot.wait(30)
        assert page.feed.cards, "the posts are shown"
        problems = check_window(window, f"{lang} groups tab with posts")
        assert [str(p) for p in problems] == []
        for text, first, second in (
            (ARABIC + "\n\n" + ENGLISH, Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight),
            (ENGLISH + "\n\n" + ARABIC, Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft),
        ):
            card: PostCard = next(c for c in page.feed.cards if c.post.text.startswith(text))
            document = card.body.document()
            assert document.findBlockByNumber(0).textDirection() == first, (lang, text[:12])
            assert document.findBlockByNumber(2).textDirection() == second or (
                document.findBlockByNumber(1).textDirection() == second
            ), (lang, text[:12])
        # The long post wraps inside its card: it is never wider than the feed shows.
        long_card = card_with(page, LONG[:40])
        assert long_card.body.width() <= page.feed.width()
