"""The Groups tab driven through real widgets against a real group server process (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from peerapp.gui.groups.dialogs import InviteDialog, JoinGroupDialog
from peerapp.gui.groups.page import GroupsPage
from peerapp.gui.groups.qr_widget import matrix_from_image
from peerapp.gui.groups.settings import GroupSettingsDialog, ReportPostDialog, ReportsDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.sync.models import PENDING, SENT, SyncAllResult
from peerapp.sync.protocol import Invite
from peerapp.sync.pseudonym import ADJECTIVES, NOUNS, compose, suggest_pseudonym
from peerapp.sync.service import GroupService
from peerapp.sync.v2.invite import InviteV2
from support import PASSPHRASE
from support.groups_gui import card_with, cards, create_group, on_next_dialog, press, settle, sync_and_wait
from support.gui import MakeWindow, press_answer
from support.servers import ServerProcess, sqlite_server  # noqa: F401
from support.sync_tools import TrickleServer

ARABIC = "مرحبا بكم جميعا، أشعر بتحسن اليوم"


@pytest.fixture
def page(qtbot: Any, vault: Vault) -> Iterator[GroupsPage]:
    widget = GroupsPage(vault)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.attach(vault.connect())
    yield widget
    widget.clear()
    widget.sync.wait_all()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[GroupService]:
    """A second member: another vault in another data folder, using the same facade as the CLI."""
    vault = Vault(tmp_path / "other", kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    yield GroupService(vault.connect())
    vault.lock()


# -- pseudonyms --------------------------------------------------------------------------------


def test_pseudonyms_are_kind_bilingual_and_agree_in_arabic() -> None:
    english = {suggest_pseudonym("en") for _ in range(60)}
    assert len(english) > 10
    for name in english:
        adjective, noun = name.split(" ")
        assert adjective in {a.en for a in ADJECTIVES} and noun in {n.en for n in NOUNS}
    for adjective in ADJECTIVES:
        for noun in NOUNS:
            arabic = compose(adjective, noun, "ar")
            first, second = arabic.split(" ")
            assert first == noun.ar  # the noun comes first in Arabic
            assert second == (adjective.ar_feminine if noun.feminine else adjective.ar_masculine)
            assert 0 < len(arabic) <= 64
    assert suggest_pseudonym("ar").split(" ")[0] in {n.ar for n in NOUNS}
    # Feminine Arabic adjectives carry the feminine ending (ة) or the irregular -اء form.
    assert all(a.ar_feminine.endswith(("ة", "اء")) for a in ADJECTIVES)


# -- no groups, no traffic -------------------------------------------------------------------


def test_nothing_is_contacted_without_a_group(qtbot: Any, page: GroupsPage) -> None:
    assert page.stack.currentWidget() is page.intro
    assert "no server" in page.intro_text.text()
    assert not page.sync.timer.isActive()
    assert not page.sync_action.isEnabled()
    assert page.sync.sync_now() is False
    assert page.sync.runs == 0 and not page.sync.is_running()


# -- creating, the invite and its QR code ----------------------------------------------------


def test_create_group_shows_invite_as_text_and_qr(
    qtbot: Any,
    page: GroupsPage,
    sqlite_server: ServerProcess,  # noqa: F811
    tmp_path: Path,
) -> None:
    invite = create_group(qtbot, page, sqlite_server.url)
    decoded = InviteV2.decode(invite)  # new groups are version 2
    assert decoded.name == "Evening circle" and decoded.server_url == sqlite_server.url
    assert page.stack.currentWidget() is page.main
    assert page.group_box.currentText() == "Evening circle"

    dialog = InviteDialog(invite, "Evening circle", page)
    qtbot.addWidget(dialog)
    dialog.show()
    code = segno.make(invite, error="m")
    expected = tuple(tuple(bool(c) for c in row) for row in code.matrix)
    assert dialog.qr.matrix() == expected
    # What is painted on screen is that matrix too: read it back from a grab of the widget.
    shot = dialog.qr.grab().toImage()
    modules = dialog.qr.modules()
    scale = min(shot.width(), shot.height()) // modules
    side = scale * modules
    left, top = (shot.width() - side) // 2, (shot.height() - side) // 2
    assert matrix_from_image(shot.copy(left, top, side, side), modules, code.default_border_size) == expected
    # The quiet zone is white.
    assert QImage.pixel(shot, left + 1, top + 1) == 0xFFFFFFFF
    # Bigger widget, bigger code (it scales).
    dialog.qr.resize(600, 600)
    assert dialog.qr.grab().toImage().width() == 600
    # The text round-trips.
    assert InviteV2.decode(dialog.text.toPlainText()) == decoded
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == invite
    # Saving warns first; Cancel writes nothing.
    on_next_dialog(QMessageBox, lambda box: press(box, QMessageBox.StandardButton.Cancel))
    dialog.save_png()
    assert not list(tmp_path.glob("*.png"))
    target = tmp_path / "invite.png"
    dialog.write_png(str(target))
    saved = QImage(str(target))
    assert matrix_from_image(saved, modules, code.default_border_size) == expected


def test_join_validates_the_invite(qtbot: Any, page: GroupsPage, sqlite_server: ServerProcess) -> None:  # noqa: F811
    service = page.service
    assert service is not None
    other_invite = Invite(sqlite_server.url, b"\x01" * 32, b"\x02" * 32, "Quiet room").encode()
    dialog = JoinGroupDialog(service, page)
    qtbot.addWidget(dialog)
    dialog.invite.setPlainText(other_invite[:-3] + "AAA")
    assert not dialog.ok.isEnabled()
    assert "not valid" in dialog.check.text()
    dialog.invite.setPlainText(other_invite.lower())  # case and line breaks do not matter
    assert dialog.ok.isEnabled()
    assert "Quiet room" in dialog.check.text()
    before = dialog.pseudonym.value()
    dialog.pseudonym.another.click()
    assert dialog.pseudonym.value() and dialog.pseudonym.value() != before
    dialog.ok.click()
    assert dialog.group is not None and dialog.group.name == "Quiet room"


# -- two members, a real server ----------------------------------------------------------------


def test_two_members_post_reply_me_too_delete_and_report(
    qtbot: Any,
    page: GroupsPage,
    other: GroupService,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    invite = create_group(qtbot, page, sqlite_server.url)
    sync_and_wait(qtbot, page)
    assert page.sync.failures == 0
    assert "Last synced" in page.status_bar.status.text()

    # The other member joins with the invite, writes two posts (one behind a content warning), syncs.
    joined = other.join_group(invite, "Steady Stone")
    other.sync(joined.id)  # a version-2 joiner reads the group's key at its first sync, then writes
    other.post(joined.id, "Hello from the other side.\n\n" + ARABIC)
    other.post(joined.id, "Details of a hard night.", content_warning="self-harm")
    other.sync(joined.id)

    sync_and_wait(qtbot, page)
    hello = card_with(page, "Hello from the other side")
    assert hello.author.text() == "Steady Stone"
    # Each paragraph in its own direction.
    document = hello.body.document()
    directions = [document.findBlockByNumber(i).textDirection() for i in range(document.blockCount())]
    assert Qt.LayoutDirection.LeftToRight in directions and Qt.LayoutDirection.RightToLeft in directions

    warned = card_with(page, "Details of a hard night")
    assert warned.cw_label.isVisible() and "self-harm" in warned.cw_label.text()
    assert not warned.body.isVisible()
    qtbot.mouseClick(warned.show_button, Qt.MouseButton.LeftButton)
    assert warned.body.isVisible()

    # Me too, then a reply, from the GUI.
    qtbot.mouseClick(hello.me_too_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    hello = card_with(page, "Hello from the other side")
    assert hello.post.me_too == 1 and hello.me_too_button.isChecked()
    assert "(1)" in hello.me_too_button.text()
    qtbot.mouseClick(hello.thread_button, Qt.MouseButton.LeftButton)
    assert hello.thread_box.isVisible()
    hello.reply_edit.setPlainText("Same here. It gets lighter.")
    qtbot.mouseClick(hello.reply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    reply = card_with(page, "Same here")
    assert reply.is_reply and reply.post.reply_to == hello.post.id
    # The content warning stays opened across refreshes.
    assert card_with(page, "Details of a hard night").body.isVisible()
    sync_and_wait(qtbot, page)
    other.sync(joined.id)
    theirs = other.feed(joined.id)
    seen = next(p for p in theirs if p.text.startswith("Hello from"))
    assert seen.me_too == 1 and seen.replies == 1

    # The admin (the creator) reads a report and deletes the reported post for everyone.
    other.report_post(joined.id, warned.post.id, "Please add more detail to the warning")
    other.sync(joined.id)
    sync_and_wait(qtbot, page)
    assert page.reports_button.isVisible() and "(1)" in page.reports_button.text()

    def review(dialog: ReportsDialog) -> None:
        assert dialog.list.count() == 1
        assert "more detail" in dialog.list.item(0).text()
        dialog.list.setCurrentRow(0)
        on_next_dialog(QMessageBox, lambda box: press_answer(box, accept=True))
        dialog.delete_button.click()
        dialog.reject()

    on_next_dialog(ReportsDialog, review)
    page.show_reports()
    settle(qtbot, page)
    assert all("hard night" not in c.post.text for c in cards(page))
    sync_and_wait(qtbot, page)
    other.sync(joined.id)
    assert all("hard night" not in p.text for p in other.feed(joined.id))

    # Delete my own reply.
    mine = card_with(page, "Same here")
    assert mine.delete_button.isVisible()
    on_next_dialog(QMessageBox, lambda box: press_answer(box, accept=True))
    qtbot.mouseClick(mine.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    with pytest.raises(AssertionError):
        card_with(page, "Same here")

    # Reporting as a member opens the reason dialog; the report is queued for the admin.
    hello = card_with(page, "Hello from the other side")
    assert hello.report_button.isVisible()

    def give_reason(dialog: ReportPostDialog) -> None:
        assert not dialog.ok.isEnabled()
        dialog.reason.setPlainText("Test report")
        on_next_dialog(QMessageBox, lambda box: press(box, QMessageBox.StandardButton.Ok))
        dialog.ok.click()

    on_next_dialog(ReportPostDialog, give_reason)
    qtbot.mouseClick(hello.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10000)


def test_offline_post_waits_then_sends(
    qtbot: Any,
    page: GroupsPage,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    create_group(qtbot, page, sqlite_server.url)
    sync_and_wait(qtbot, page)
    sqlite_server.stop()

    page.cw_edit.setText("")
    page.compose.setPlainText("Written **offline**")
    assert page.post_button.isEnabled()
    qtbot.mouseClick(page.post_button, Qt.MouseButton.LeftButton)
    card = card_with(page, "Written")
    assert card.post.status == PENDING
    assert card.badge.isVisible() and card.badge.text() == "Waiting to send"
    assert page.compose.toPlainText() == ""
    qtbot.waitUntil(lambda: not page.sync.is_running(), timeout=60000)
    assert page.sync.failures >= 1
    assert "Can't reach the server — will retry in" in page.status_bar.status.text()
    assert page.sync.last_error == "unreachable"  # a code; the reason is translated where shown
    assert page.status_bar.status.toolTip().startswith("The group server could not be reached.")
    assert page.sync.timer.isActive()  # backing off, not given up
    assert "waiting to send" in page.status_bar.pending_label.text()
    assert card_with(page, "Written").post.status == PENDING

    sqlite_server.start()
    sync_and_wait(qtbot, page)
    assert page.sync.failures == 0 and page.status_bar.status.toolTip() == ""
    card = card_with(page, "Written")
    assert card.post.status == SENT and card.badge.text() == "Sent"
    assert page.status_bar.pending_label.text() == ""


def test_feed_pages_as_you_scroll(
    qtbot: Any,
    page: GroupsPage,
    other: GroupService,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    invite = create_group(qtbot, page, sqlite_server.url)
    sync_and_wait(qtbot, page)
    joined = other.join_group(invite, "Golden Leaf")
    other.sync(joined.id)
    for i in range(75):
        other.post(joined.id, f"Post number {i}")
    other.sync(joined.id)
    sync_and_wait(qtbot, page)
    feed = page.feed
    assert len(feed.cards) == 30  # one page, never everything
    assert feed.cards[0].post.text == "Post number 74"  # newest first
    bar = feed.verticalScrollBar()
    for _ in range(5):
        bar.setValue(bar.maximum())
        qtbot.wait(20)
    qtbot.waitUntil(lambda: len(feed.cards) == 75, timeout=10000)
    texts = [c.post.text for c in feed.cards]
    assert texts == [f"Post number {i}" for i in range(74, -1, -1)]


def test_leave_wipes_the_group(
    qtbot: Any,
    page: GroupsPage,
    vault: Vault,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    create_group(qtbot, page, sqlite_server.url)
    page.compose.setPlainText("Something private")
    page.post()
    sync_and_wait(qtbot, page)
    conn = vault.connect()
    assert conn.execute("SELECT count(*) FROM group_post").fetchone()[0] == 1

    on_next_dialog(QMessageBox, lambda box: press_answer(box, accept=False))
    page.leave_group()
    assert page.groups

    on_next_dialog(QMessageBox, lambda box: press_answer(box, accept=True))
    page.leave_group()
    assert not page.groups and page.stack.currentWidget() is page.intro
    assert not page.feed.cards
    for table in ("peer_group", "group_post", "group_outbox"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert not page.sync.timer.isActive()
    vault.release(conn)


def test_settings_proxy_validation_and_pause(
    qtbot: Any,
    page: GroupsPage,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    service = page.service
    assert service is not None
    create_group(qtbot, page, sqlite_server.url)
    sync_and_wait(qtbot, page)
    dialog = GroupSettingsDialog(service, page)
    qtbot.addWidget(dialog)
    assert not dialog.pause.isChecked() and dialog.proxy.text() == ""
    assert "Tor" in dialog.proxy_help.text()
    for bad in ("http://127.0.0.1:9050", "socks5h://127.0.0.1", "socks5h://:9050", "tor"):
        dialog.proxy.setText(bad)
        assert not dialog.ok.isEnabled(), bad
        assert dialog.error.text()
    dialog.proxy.setText("socks5h://127.0.0.1:9050")
    assert dialog.ok.isEnabled() and not dialog.error.text()
    dialog.pause.setChecked(True)
    dialog.ok.click()
    assert service.proxy() == "socks5h://127.0.0.1:9050"
    assert not service.sync_enabled()
    page.sync.refresh()
    page.update_status()
    assert not page.sync.timer.isActive()
    assert "paused" in page.status_bar.status.text()
    assert page.sync.sync_now() is False


# -- the main window: tab, menu, lock, Arabic ------------------------------------------------


@pytest.fixture
def window(make_window: MakeWindow) -> Iterator[MainWindow]:
    win = make_window()
    win.vault.kdf = FAST_KDF
    win.vault.create(PASSPHRASE)
    win._on_unlocked()
    win.resize(1100, 720)
    yield win
    win.lock()
    win.groups_page.sync.wait_all()


def test_groups_tab_menu_and_lock_stops_sync(
    qtbot: Any,
    window: MainWindow,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    page = window.groups_page
    assert window.tabs.indexOf(page) == window.tabs.indexOf(window.safety_plan_page) + 1
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Groups"
    window.view_actions[window.groups_page].trigger()
    assert window.tabs.currentWidget() is page
    assert page.new_action in window.groups_menu.actions()
    assert not page.sync.timer.isActive()  # no group yet
    create_group(qtbot, page, sqlite_server.url)
    qtbot.waitUntil(lambda: not page.sync.is_running(), timeout=60000)
    assert page.sync.timer.isActive()  # next run planned
    page.compose.setPlainText("About to lock")
    page.sync_now()
    window.lock()
    assert not page.sync.timer.isActive() and not page.sync.is_running()
    assert page.service is None and not page.feed.cards
    assert not window.view_actions[window.groups_page].isEnabled()
    runs = page.sync.runs
    qtbot.wait(50)
    assert page.sync.runs == runs
    # Unlocking starts it again, and quick exit stops it.
    window.vault.unlock(PASSPHRASE)
    window._on_unlocked()
    assert page.sync.timer.isActive() or page.sync.is_running()
    window.quick_exit()
    assert not page.sync.timer.isActive() and not page.sync.is_running()


def test_the_sync_runs_on_the_job_host_and_cancel_all_ends_it_in_a_network_wait(
    qtbot: Any, page: GroupsPage
) -> None:
    # A server that takes the request and never answers: the run waits in a socket read.
    server = TrickleServer(mode="headers", interval=3600)
    try:
        assert page.service is not None
        invite = Invite(server.url, bytes(32), bytes(32), "Silent").encode()
        page.service.join_group(invite, "Calm River")
        ended: list[SyncAllResult] = []
        page.sync.finished.connect(ended.append)
        page.sync.refresh()
        qtbot.waitUntil(lambda: bool(server.requests), timeout=60000)
        (job,) = page.sync.jobs.running()  # one owner of background work: the app's job host
        page.sync.jobs.cancel_all()  # what lock and quick exit call
        assert not job.is_running() and not page.sync.is_running()
        # Ended by the cancel, not by the 30-second read timeout (that would be a failure).
        assert ended and ended[-1].cancelled and ended[-1].errors == []
        assert page.sync.failures == 0
    finally:
        server.close()


def test_groups_page_in_arabic_is_mirrored(
    qtbot: Any,
    window: MainWindow,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    page = window.groups_page
    window.show_tab(page)
    create_group(qtbot, page, sqlite_server.url, name="حلقة المساء")
    page.compose.setPlainText(ARABIC + "\n\nAnd a line in English.")
    page.post()
    window.languages.set_language("ar", remember=False)
    QApplication.processEvents()
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    label_x = page.group_label.mapTo(page, page.group_label.rect().center()).x()
    box_x = page.group_box.mapTo(page, page.group_box.rect().center()).x()
    assert label_x > box_x  # the label leads on the right
    card = card_with(page, ARABIC)
    badge_x = card.badge.mapTo(card, card.badge.rect().center()).x()
    author_x = card.author.mapTo(card, card.author.rect().center()).x()
    assert author_x > badge_x
    document = card.body.document()
    assert document.findBlockByNumber(0).textDirection() == Qt.LayoutDirection.RightToLeft
    assert document.findBlockByNumber(1).textDirection() == Qt.LayoutDirection.LeftToRight
    # Every button on the page has a text or an accessible name.
    for widget in page.findChildren(QWidget):
        if widget.inherits("QAbstractButton") and widget.isVisible():
            assert widget.property("text") or widget.accessibleName()
