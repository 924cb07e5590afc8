"""Groups v2 in the app window (issue 17): members and safety codes, removal, promotion and approval with
confirmations, rules and support contacts, the invite's expiry and reset, the waiting and removed states,
upgrading an older group, and leaving as the last admin. Real windows, real vaults, a real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from peerapp.gui.groups.dialogs import InviteDialog, JoinGroupDialog, NewGroupDialog
from peerapp.gui.groups.invite_admin import InviteAdminPanel
from peerapp.gui.groups.members import MembersDialog
from peerapp.gui.groups.page import GroupsPage
from peerapp.gui.groups.rules import CrisisContactsTab, RulesDialog, RulesEditDialog
from peerapp.gui.groups.settings import ReportsDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.sync.errors import RemovedFromGroup
from peerapp.sync.service import GroupService
from support import PASSPHRASE
from support.groups_gui import on_next_dialog, sync_and_wait
from support.gui import MakeWindow, create_vault, press_answer, when_modal
from support.layout_checks import SMALL_SCREEN
from support.servers import ServerProcess, sqlite_server  # noqa: F401

RULES = "What is said here stays here.\nBe kind. No real names."
CONTACT = ("Rainbow Line", "+1 555 0100, evenings")


@pytest.fixture
def other(tmp_path: Path) -> Iterator[GroupService]:
    """A member on a vault of their own, through the same service the CLI uses."""
    vault = Vault(tmp_path / "other-vault", kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    yield GroupService(vault.connect())
    vault.lock()


def groups_page(qtbot: Any, win: MainWindow) -> GroupsPage:
    win.resize(*SMALL_SCREEN)
    create_vault(qtbot, win)
    page = win.groups_page
    win.show_tab(page)
    return page


def create(qtbot: Any, page: GroupsPage, url: str, *, approval: bool = False, days: int | None = None) -> str:
    """Create a group through the new-group dialog (its approval box and expiry); return the invite shown."""
    shown: dict[str, str] = {}

    def fill(dialog: NewGroupDialog) -> None:
        dialog.name.setText("Evening circle")
        dialog.server.setText(url)
        dialog.approval.setChecked(approval)
        dialog.expiry.set_days(days)
        on_next_dialog(InviteDialog, read)
        dialog.ok.click()

    def read(dialog: InviteDialog) -> None:
        shown["invite"] = dialog.text.toPlainText()
        dialog.reject()

    on_next_dialog(NewGroupDialog, fill)
    page.new_group()
    sync_and_wait(qtbot, page)
    return shown["invite"]


def join(qtbot: Any, page: GroupsPage, invite: str, pseudonym: str) -> None:
    def fill(dialog: JoinGroupDialog) -> None:
        dialog.invite.setPlainText(invite)
        dialog.pseudonym.edit.setText(pseudonym)
        dialog.ok.click()

    on_next_dialog(JoinGroupDialog, fill)
    page.join_group()
    sync_and_wait(qtbot, page)


def in_members(page: GroupsPage, act: Any) -> None:
    """Open the members dialog from the group's strip and run `act(dialog)` while it is shown."""

    def run(dialog: MembersDialog) -> None:
        try:
            act(dialog)
        finally:
            dialog.reject()

    assert page.strip.members_button.isVisible()
    on_next_dialog(MembersDialog, run)
    page.strip.members_button.click()


def answer(accept: bool, texts: list[str]) -> None:
    """Answer the next confirmation through the real box, noting what it said."""

    def press(box: Any) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text().replace("\u2068", "").replace("\u2069", ""))  # without the bidi isolates
        press_answer(box, accept)

    when_modal(QMessageBox, press)


def own_code(service: GroupService, group_id: int) -> str:
    return next(m.safety_code for m in service.members(group_id) if m.me)


# -- members, safety codes, removal ------------------------------------------------------------------


def test_admin_sees_safety_codes_and_removes_a_member_after_saying_what_happens(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    other: GroupService,
) -> None:
    page = groups_page(qtbot, make_window())
    invite = create(qtbot, page, sqlite_server.url)
    joined = other.join_group(invite, "Quiet River")
    other.sync(joined.id)
    sync_and_wait(qtbot, page)
    me = page.current_group()
    assert me is not None and me.version == 2 and me.role == "admin"
    texts: list[str] = []

    def look_and_remove(dialog: MembersDialog) -> None:
        rows = {row.member.pseudonym: row for row in dialog.rows}
        assert set(rows) == {me.pseudonym, "Quiet River"}
        mine, theirs = rows[me.pseudonym], rows["Quiet River"]
        assert "(you)" in mine.name.text() and not mine.remove_button.isVisibleTo(dialog)
        # The code shown here for them is the one their own app shows as theirs: comparing them works.
        assert theirs.code.text() == own_code(other, joined.id)
        # A keyboard and screen-reader user reaches each code by Tab, and hears whose it is.
        assert theirs.code.focusPolicy() != Qt.FocusPolicy.NoFocus
        assert theirs.code.accessibleName() == f"Safety code of Quiet River: {theirs.code.text()}"
        assert "face to face" in dialog.explain.text()
        assert theirs.remove_button.isVisibleTo(dialog) and theirs.promote_button.text() == "Make admin…"
        answer(False, texts)  # Cancel first: nothing happens
        theirs.remove_button.click()
        assert {m.pseudonym for m in dialog.members} == {me.pseudonym, "Quiet River"}
        answer(True, texts)
        dialog.row_for("Quiet River").remove_button.click()
        # The rekey goes out with the sync the action started; the list follows it.
        qtbot.waitUntil(lambda: [m.pseudonym for m in dialog.members] == [me.pseudonym], timeout=60000)

    in_members(page, look_and_remove)
    assert len(texts) == 2
    assert "Quiet River will no longer read new posts" in texts[1] and "new keys" in texts[1]
    sync_and_wait(qtbot, page)
    with pytest.raises(RemovedFromGroup):
        other.sync(joined.id)
    assert other.group(joined.id).removed


def test_the_removed_member_and_a_plain_member_see_what_they_may(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    tmp_path: Path,
    other: GroupService,
) -> None:
    """The second member is a window of its own: no admin buttons for them, then the removed state."""
    member_page = groups_page(qtbot, make_window(data=tmp_path / "member"))
    group, invite = other.create_group(sqlite_server.url, "Evening circle", "Kind Owl")
    other.sync(group.id)
    join(qtbot, member_page, invite, "Quiet River")
    other.sync(group.id)
    mine = member_page.current_group()
    assert mine is not None and mine.role == "member"
    assert member_page.compose.isEnabled() and not member_page.strip.banner.isVisible()
    assert member_page.strip.help_button.isVisible() and member_page.strip.rules_button.isVisible()

    def look(dialog: MembersDialog) -> None:
        assert {row.member.pseudonym for row in dialog.rows} == {"Kind Owl", "Quiet River"}
        for row in dialog.rows:
            buttons = (row.remove_button, row.promote_button, row.approve_button)
            assert not any(b.isVisibleTo(dialog) for b in buttons), "members get no admin actions"
        admin_row = dialog.row_for("Kind Owl")
        assert admin_row.role.text() == "Admin" and admin_row.code.text() == own_code(other, group.id)

    in_members(member_page, look)
    other.remove_member(group.id, "Quiet River")
    other.sync(group.id)
    sync_and_wait(qtbot, member_page)
    assert member_page.strip.banner.isVisible()
    assert member_page.strip.banner_title.text() == "You are no longer in this group"
    assert not member_page.compose.isEnabled() and not member_page.post_button.isEnabled()
    assert not member_page.strip.members_button.isVisible()


# -- approval, rules and the greeting -------------------------------------------------------------------


def test_an_approved_newcomer_waits_then_is_greeted_with_the_rules_and_contacts(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    tmp_path: Path,
) -> None:
    admin = groups_page(qtbot, make_window())
    invite = create(qtbot, admin, sqlite_server.url, approval=True, days=7)
    seen: dict[str, str] = {}

    def look_at_invite(dialog: InviteDialog) -> None:
        panel = dialog.findChild(InviteAdminPanel)
        assert panel is not None
        # This invite only lets people ask: the dialog must not say it lets them read.
        seen["shown"] = (panel.who.text() if panel.who.isVisible() else "") + (
            dialog.explain.text() if dialog.explain.isVisible() else ""
        )
        seen["until"] = panel.until.text()
        dialog.reject()

    on_next_dialog(InviteDialog, look_at_invite)
    admin.invite_button.click()
    assert (
        seen["shown"].startswith("Anyone who has this invite can ask to join")
        and "read and post" not in seen["shown"]
    )
    assert seen["until"].startswith("This invite works until")

    def write_rules(dialog: RulesDialog) -> None:
        assert dialog.edit_button.isVisible()

        def fill(editor: RulesEditDialog) -> None:
            editor.text.setPlainText(RULES)
            editor.add_contact(*CONTACT)
            editor.add_contact("", "a way but no name")
            editor.buttons.button(editor.buttons.StandardButton.Save).click()
            assert "needs a name" in editor.error.text() and editor.isVisible()  # refused, nothing lost
            editor.table.setCurrentCell(1, 0)
            editor.remove_contact()
            editor.buttons.button(editor.buttons.StandardButton.Save).click()

        on_next_dialog(RulesEditDialog, fill)
        dialog.edit_button.click()
        assert dialog.view.rules_text.text() == RULES
        dialog.reject()

    on_next_dialog(RulesDialog, write_rules)
    admin.strip.rules_button.click()
    sync_and_wait(qtbot, admin)

    newcomer = groups_page(qtbot, make_window(data=tmp_path / "newcomer"))
    join(qtbot, newcomer, invite, "Quiet River")
    waiting = newcomer.current_group()
    assert waiting is not None and waiting.role == "pending"
    assert newcomer.strip.banner.isVisible()
    assert newcomer.strip.banner_title.text() == "Waiting for an admin to let you in"
    assert not newcomer.compose.isEnabled() and not newcomer.strip.members_button.isVisible()
    assert newcomer.v2.welcome_dialog is None

    sync_and_wait(qtbot, admin)
    assert admin.strip.members_button.text() == "&Members (1 waiting)…"  # the admin sees someone asks
    texts: list[str] = []

    def let_in(dialog: MembersDialog) -> None:
        row = dialog.row_for("Quiet River")
        assert row.role.text() == "Waiting for approval" and row.approve_button.isVisibleTo(dialog)
        assert dialog.rows[0] is row, "someone waiting comes first for an admin"
        answer(True, texts)
        row.approve_button.click()

    in_members(admin, let_in)
    assert "Let Quiet River into" in texts[0]
    sync_and_wait(qtbot, admin)
    sync_and_wait(qtbot, newcomer)
    qtbot.waitUntil(lambda: newcomer.v2.welcome_dialog is not None, timeout=5000)
    welcome = newcomer.v2.welcome_dialog
    assert welcome is not None
    assert welcome.heading.text().startswith("Welcome to")
    assert welcome.view.rules_text.text() == RULES
    assert [w.accessibleName() for w in welcome.view.contact_labels] == [
        "Rainbow Line: +1 555 0100, evenings"
    ]
    assert not welcome.edit_button.isVisible()
    welcome.reject()
    assert not newcomer.strip.banner.isVisible() and newcomer.compose.isEnabled()
    # The contacts stay one click away, beside "I need help now".
    assert newcomer.strip.rules_button.isVisible() and newcomer.strip.help_button.isVisible()
    newcomer.strip.help_button.click()  # the app's crisis pages, and then the group's own contacts
    crisis = newcomer.strip.help_button.dialog
    assert crisis is not None and crisis.isVisible()
    tab = crisis.tabs.widget(crisis.tabs.count() - 1)
    assert isinstance(tab, CrisisContactsTab) and crisis.tabs.count() == 3
    assert crisis.tabs.currentIndex() == 0, "the app's own crisis page comes first"
    assert "Contacts from" in crisis.tabs.tabText(2)
    assert [w.accessibleName() for w in tab.view.contact_labels] == ["Rainbow Line: +1 555 0100, evenings"]
    crisis.reject()
    newcomer.strip.help_button.click()  # opened again: one contacts tab, not two
    assert len(crisis.tabs.findChildren(CrisisContactsTab)) == 1
    crisis.reject()
    strip_layout = newcomer.strip.layout().itemAt(1).layout()
    assert (
        strip_layout.indexOf(newcomer.strip.help_button)
        == strip_layout.indexOf(newcomer.strip.rules_button) + 1
    )


# -- the invite: expiry and reset ----------------------------------------------------------------------


def test_admin_resets_the_invite_with_an_expiry_and_the_new_one_lets_people_in(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    other: GroupService,
) -> None:
    page = groups_page(qtbot, make_window())
    first = create(qtbot, page, sqlite_server.url)
    texts: list[str] = []
    shown: dict[str, str] = {}

    def reset(dialog: InviteDialog) -> None:
        panel = dialog.findChild(InviteAdminPanel)
        assert panel is not None and panel.isVisible()
        assert dialog.text.toPlainText() == first
        assert panel.until.text() == "This invite does not expire."
        assert dialog.explain.isVisible() and not panel.who.isVisible()  # anyone with it joins: it says so
        panel.expiry.set_days(1)
        answer(True, texts)
        assert panel.reset()
        shown["invite"] = dialog.text.toPlainText()
        shown["qr"] = dialog.qr.text()
        dialog.reject()

    on_next_dialog(InviteDialog, reset)
    page.invite_button.click()
    assert "stops working" in texts[0] and "Members stay in the group" in texts[0]
    assert shown["invite"] != first and shown["qr"] == shown["invite"]
    sync_and_wait(qtbot, page)
    joined = other.join_group(shown["invite"], "Quiet River")
    other.sync(joined.id)
    sync_and_wait(qtbot, page)
    group = page.current_group()
    assert group is not None
    assert "Quiet River" in {m.pseudonym for m in page.service.members(group.id)}  # type: ignore[union-attr]


# -- promotion and leaving as the last admin -----------------------------------------------------------


def test_leaving_as_the_only_admin_says_another_takes_over_until_someone_is_promoted(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    other: GroupService,
) -> None:
    page = groups_page(qtbot, make_window())
    invite = create(qtbot, page, sqlite_server.url)
    joined = other.join_group(invite, "Quiet River")
    other.sync(joined.id)
    sync_and_wait(qtbot, page)
    texts: list[str] = []
    answer(False, texts)
    page.leave_button.click()
    assert "another member becomes admin" in texts[-1]
    assert page.current_group() is not None  # Cancel kept the group

    def promote(dialog: MembersDialog) -> None:
        answer(True, texts)
        dialog.row_for("Quiet River").promote_button.click()
        qtbot.waitUntil(lambda: dialog.row_for("Quiet River").role.text() == "Admin", timeout=60000)
        assert dialog.row_for("Quiet River").promote_button.text() == "Remove admin role…"

    in_members(page, promote)
    assert "Admins can remove members" in texts[-1]
    sync_and_wait(qtbot, page)
    answer(False, texts)
    page.leave_button.click()
    assert "Leave “" in texts[-1] and "another member becomes admin" not in texts[-1]
    other.sync(joined.id)
    assert other.group(joined.id).role == "admin"


# -- an older group, upgraded by its admin ---------------------------------------------------------------


def test_an_older_group_offers_its_admin_the_upgrade_and_explains_it(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    page = groups_page(qtbot, make_window())
    assert page.service is not None
    old, _invite = page.service.create_group_v1(sqlite_server.url, "Old circle", "Kind Owl")
    page._fill_groups(select=old.id)
    sync_and_wait(qtbot, page)
    strip = page.strip
    assert strip.banner.isVisible() and strip.upgrade_button.isVisible()
    assert not strip.members_button.isVisible()  # an older group has no member list
    assert page.pseudonym_button.isVisible()
    texts: list[str] = []
    answer(False, texts)
    strip.upgrade_button.click()
    assert "nobody can post under someone else's name" in texts[0] and "old invite stops working" in texts[0]
    group = page.current_group()
    assert group is not None and group.version == 1
    shown: dict[str, str] = {}

    def read(dialog: InviteDialog) -> None:
        shown["invite"] = dialog.text.toPlainText()
        shown["panel"] = "yes" if dialog.findChild(InviteAdminPanel) is not None else ""
        dialog.reject()

    answer(True, texts)
    on_next_dialog(InviteDialog, read)
    strip.upgrade_button.click()
    assert shown["invite"].startswith("PEERAPP2") and shown["panel"] == "yes"
    sync_and_wait(qtbot, page)
    group = page.current_group()
    assert group is not None and group.version == 2
    assert not strip.banner.isVisible() and strip.members_button.isVisible()
    assert not page.pseudonym_button.isVisible()  # a v2 pseudonym is tied to its keys
    QApplication.processEvents()


def test_reports_in_a_newer_group_say_that_every_admin_reads_them(
    qtbot: Any,
    make_window: MakeWindow,
    sqlite_server: ServerProcess,  # noqa: F811
    other: GroupService,
) -> None:
    page = groups_page(qtbot, make_window())
    invite = create(qtbot, page, sqlite_server.url)
    joined = other.join_group(invite, "Quiet River")
    other.sync(joined.id)
    post_id = other.post(joined.id, "A post someone finds unkind").id
    other.report_post(joined.id, post_id, "unkind")
    other.sync(joined.id)
    sync_and_wait(qtbot, page)
    assert page.reports_button.isVisible() and page.reports_button.text() == "&Reports (1)"
    said: dict[str, str] = {}

    def read(dialog: ReportsDialog) -> None:
        said["text"] = dialog.explain.text()
        dialog.reject()

    on_next_dialog(ReportsDialog, read)
    page.reports_button.click()
    assert said["text"] == "Members reported these posts. Only the group's admins can read this."
