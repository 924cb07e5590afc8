"""Driving the Groups tab in tests: dialogs that run their own event loop, syncs, and finding posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from peerapp.gui.groups.dialogs import InviteDialog, NewGroupDialog
from peerapp.gui.groups.page import GroupsPage
from peerapp.gui.groups.post import PostCard


def on_next_dialog(kind: type, act: Callable[[Any], None], tries: int = 500) -> None:
    """Act on the next modal dialog of `kind` once it is shown (dialogs run their own event loop)."""

    def poll(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            act(widget)
        elif left > 0:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))


def press(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    found = box.button(button)
    assert found is not None
    found.click()


def sync_and_wait(qtbot: Any, page: GroupsPage) -> None:
    runs = page.sync.runs
    qtbot.waitUntil(lambda: not page.sync.is_running(), timeout=60000)
    qtbot.mouseClick(page.status_bar.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sync.runs > runs and not page.sync.is_running(), timeout=60000)


def create_group(qtbot: Any, page: GroupsPage, server_url: str, name: str = "Evening circle") -> str:
    """Create a group through the dialogs; return the invite shown."""
    shown: dict[str, str] = {}

    def fill(dialog: NewGroupDialog) -> None:
        dialog.name.setText(name)
        dialog.server.setText(server_url)
        assert dialog.pseudonym.value()
        on_next_dialog(InviteDialog, read_invite)
        dialog.ok.click()

    def read_invite(dialog: InviteDialog) -> None:
        shown["invite"] = dialog.text.toPlainText()
        shown["qr"] = "ok" if dialog.qr.matrix() else ""
        dialog.reject()

    on_next_dialog(NewGroupDialog, fill)
    page.new_group()
    return shown["invite"]


def cards(page: GroupsPage) -> list[PostCard]:
    return page.feed.cards


def settle(qtbot: Any, page: GroupsPage) -> None:
    """Let the sync that an action started finish (it refreshes the feed, replacing the cards)."""
    qtbot.waitUntil(lambda: not page.sync.is_running(), timeout=60000)
    QApplication.processEvents()


def card_with(page: GroupsPage, text: str) -> PostCard:
    QApplication.processEvents()  # new cards are shown by a queued event
    for card in page.feed.cards:
        if text in card.post.text:
            return card
        for reply in card.replies:
            if text in reply.post.text:
                return reply
    raise AssertionError(f"no card with {text!r}")
