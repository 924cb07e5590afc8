"""The Groups tab's actions for newer (v2) groups: members, rules, the admin's invite, upgrading, leaving
as the last admin, and the rules greeting a newcomer once they are let in."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog

from ...core.errors import PeerappError
from ...sync.models import ADMIN, Group
from ...sync.models import PENDING_APPROVAL as PENDING
from ..widgets.ask import ask
from ..widgets.bidi_text import isolate
from .dialogs import InviteDialog
from .invite_admin import admin_invite_dialog
from .members import MembersDialog, is_admin
from .rules import CrisisContactsTab, RulesDialog
from .strip import JOINING, REMOVED, WAITING, state_of

if TYPE_CHECKING:
    from .page import GroupsPage


def modal(dialog: QDialog) -> int:
    """Run `dialog`, then delete it at once: nothing it showed (members, rules, an invite) outlives it until a
    lock, and a later language change cannot make it read a locked vault (deleteLater would wait for a loop)."""
    try:
        return dialog.exec()
    finally:
        discard(dialog)


def discard(dialog: QDialog) -> None:
    if shiboken6.isValid(dialog):
        shiboken6.delete(dialog)


class GroupV2Actions(QObject):
    """Owned by the page; each method acts on the page's current group."""

    def __init__(self, page: GroupsPage) -> None:
        super().__init__(page)
        self.page = page
        self.welcome_due: set[int] = set()  # joined this session; greet with the rules once let in
        self.welcome_dialog: RulesDialog | None = None
        # After the button's own slot has opened the crisis dialog: the group's vetted contacts join it.
        page.strip.help_button.clicked.connect(self.contacts_beside_help)

    def _group(self) -> Group | None:
        return self.page.current_group() if self.page.service is not None else None

    def _changed(self) -> None:
        """An admin action sits in the outbox: show the group's new state and send it now."""
        self.page._queued()

    def show_members(self) -> None:
        group = self._group()
        if group is None or self.page.service is None:
            return
        dialog = MembersDialog(self.page.service, group, self.page)
        dialog.changed.connect(self._changed)
        # An action takes effect when its sync is through (a removal is a rekey): the list follows each sync.
        self.page.sync.finished.connect(dialog.refresh_after_sync)
        try:
            dialog.exec()
        finally:
            self.page.sync.finished.disconnect(dialog.refresh_after_sync)
            discard(dialog)

    def show_rules(self) -> None:
        group = self._group()
        if group is not None and self.page.service is not None:
            dialog = RulesDialog(self.page.service, group, self.page)
            dialog.changed.connect(self._changed)
            modal(dialog)

    def show_invite(self) -> None:
        group = self._group()
        service = self.page.service
        if group is None or service is None:
            return
        try:
            invite = service.invite(group.id)
        except PeerappError as exc:
            self.page._show_error(exc.user_message())
            return
        if is_admin(group) and getattr(group, "version", 1) >= 2:
            modal(admin_invite_dialog(service, group, invite, self.page))
        else:
            modal(InviteDialog(invite, group.name, self.page))

    def upgrade(self) -> bool:
        """For a v1 group's admin: say what upgrading does, then do it and show the new invite."""
        group = self._group()
        service = self.page.service
        if group is None or service is None:
            return False
        if not ask(
            self.page,
            self.tr("Upgrade this group"),
            self.tr(
                "Upgrade “%1”? Every member gets a key of their own, so nobody can post under someone "
                "else's name. You can then remove members, let new ones in only with your approval, and "
                "share the admin role. Members move over on their next sync and keep every post. The old "
                "invite stops working: you get a new one to share."
            ).replace("%1", isolate(group.name)),
            self.tr("&Upgrade"),
        ):
            return False
        self.page.sync.wait_idle()  # the upgrade rewrites the group's keys; no sync may write meanwhile
        try:
            invite = service.upgrade_group(group.id)
        except PeerappError as exc:
            self.page._show_error(exc.user_message())
            return False
        self._changed()
        upgraded = self.page.current_group() or group
        modal(admin_invite_dialog(service, upgraded, invite, self.page))
        return True

    def leave_text(self, group: Group) -> str:
        """The leave confirmation; the last admin hears that another member takes the role over."""
        text = self.tr(
            "Leave “%1”? Every post of this group is wiped from this computer, including posts not sent yet. "
            "To come back you need the invite again."
        ).replace("%1", isolate(group.name))
        if self.is_last_admin(group):
            text += "\n\n" + self.tr(
                "You are the group's only admin: when you leave, another member becomes admin and the group "
                "goes on."
            )
        return text

    def is_last_admin(self, group: Group) -> bool:
        service = self.page.service
        if service is None or getattr(group, "version", 1) < 2 or not is_admin(group):
            return False
        try:
            members = service.members(group.id)
        except PeerappError:
            return False
        others = [m for m in members if not m.me and m.role != PENDING]
        return bool(others) and not any(m.role == ADMIN for m in others)

    def waiting(self, group: Group | None) -> int:
        """How many people ask to be let in, for an admin of a newer group (0 for anyone else)."""
        service = self.page.service
        if group is None or service is None or group.version < 2 or not is_admin(group) or group.removed:
            return 0
        try:
            return sum(m.role == PENDING for m in service.members(group.id))
        except PeerappError:
            return 0

    def contacts_beside_help(self) -> CrisisContactsTab | None:
        """Put the current group's vetted contacts in a last tab of the crisis dialog (or take them out)."""
        dialog = self.page.strip.help_button.dialog
        if dialog is None:
            return None
        for old in dialog.tabs.findChildren(CrisisContactsTab):
            dialog.tabs.removeTab(dialog.tabs.indexOf(old))
            old.setParent(None)  # gone from the dialog at once, not only when the deletion comes
            old.deleteLater()
        group, service = self._group(), self.page.service
        if group is None or service is None or state_of(group) in (WAITING, JOINING, REMOVED):
            return None
        try:
            rules = service.rules(group.id)
        except PeerappError:
            return None
        if rules is None or not rules.contacts:
            return None
        tab = CrisisContactsTab(group.name, rules)
        dialog.tabs.addTab(tab, tab.tab_title())  # after the app's own pages, which come first in a crisis
        return tab

    # -- the greeting after joining --------------------------------------------------------------------

    def joined(self, group: Group) -> None:
        if getattr(group, "version", 1) >= 2:
            self.welcome_due.add(group.id)
            self.greet()

    def greet(self) -> None:
        """After a sync: greet each group joined this session once its member is in, with its rules."""
        service = self.page.service
        if service is None or not self.welcome_due:
            return
        for group in service.groups():
            if group.id not in self.welcome_due or state_of(group) in (WAITING, JOINING, REMOVED):
                continue
            self.welcome_due.discard(group.id)
            try:
                rules = service.rules(group.id)
            except PeerappError:
                continue
            if rules is None or not (rules.text.strip() or rules.contacts):
                continue  # nothing pinned: no greeting to read
            dialog = RulesDialog(service, group, self.page, welcome=True)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda _o=None: setattr(self, "welcome_dialog", None))
            self.welcome_dialog = dialog
            dialog.open()  # not exec(): a sync's signal must not start a nested event loop
            return
