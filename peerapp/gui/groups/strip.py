"""Under a group's name: where you stand in it (waiting, removed, an older group to upgrade), its members,
its rules and support contacts, and "I need help now" beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...sync.models import PENDING_APPROVAL as PENDING
from ...sync.models import Group
from .. import design
from ..common import Retranslatable
from ..library.crisis_dialog import HelpNowButton
from .members import is_admin

# What the banner says, by state; "" hides it.
WAITING, JOINING, REMOVED, OLD_ADMIN, OLD = "waiting", "joining", "removed", "old_admin", "old"
SPLIT = "split"  # the server may be showing people different versions of the group


def state_of(group: Group | None) -> str:
    """The one thing to say about where the reader stands in `group`, or "" when all is ordinary."""
    if group is None:
        return ""
    if getattr(group, "removed", False):
        return REMOVED
    if getattr(group, "roster_warning", False):
        return SPLIT
    if group.role == PENDING:
        # Until the first sync a joiner cannot know whether the group asks for approval: say only that.
        return WAITING if group.last_sync_at else JOINING
    if getattr(group, "version", 2) == 1:
        return OLD_ADMIN if group.is_admin else OLD
    return ""


def can_write(group: Group | None) -> bool:
    """Waiting to be let in, or removed: nothing can be posted (the server would refuse it anyway)."""
    return group is not None and state_of(group) not in (WAITING, JOINING, REMOVED)


class GroupStrip(Retranslatable, QWidget):
    """The state banner over the row of Members…, Rules and support contacts… and I need help now."""

    members_requested = Signal()
    rules_requested = Signal()
    upgrade_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group: Group | None = None
        self.waiting = 0
        self.banner = QFrame()
        self.banner.setProperty("role", "card")
        self.banner_title, self.banner_text = QLabel(), QLabel()
        self.banner_title.setProperty("role", "subtitle")
        self.banner_title.setWordWrap(True)
        self.banner_text.setWordWrap(True)
        self.upgrade_button = QPushButton()
        self.upgrade_button.setProperty("role", "primary")
        self.upgrade_button.clicked.connect(self.upgrade_requested)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.setContentsMargins(*(design.SPACE["m"],) * 4)
        banner_layout.setSpacing(design.SPACE["xs"])
        banner_layout.addWidget(self.banner_title)
        banner_layout.addWidget(self.banner_text)
        banner_layout.addWidget(self.upgrade_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.members_button, self.rules_button = QPushButton(), QPushButton()
        self.members_button.clicked.connect(self.members_requested)
        self.rules_button.clicked.connect(self.rules_requested)
        # The group's vetted contacts sit right beside the app's own crisis pages; neither calls anyone.
        self.help_button = HelpNowButton()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.members_button)
        row.addStretch(1)
        row.addWidget(self.rules_button)
        row.addWidget(self.help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(design.SPACE["s"])
        layout.addWidget(self.banner)
        layout.addLayout(row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.members_button.setAccessibleName(self.tr("Members and safety codes"))
        self.rules_button.setText(self.tr("Rules and support &contacts…"))
        self.upgrade_button.setText(self.tr("&Upgrade this group…"))
        self.show_for(self.group, self.waiting)

    def show_for(self, group: Group | None, waiting: int = 0) -> None:
        """Show where the reader stands in `group`; an admin also sees how many people wait to be let in."""
        self.group, self.waiting = group, waiting
        state = state_of(group)
        texts = {
            WAITING: (
                self.tr("Waiting for an admin to let you in"),
                self.tr(
                    "This group's admins approve each new member. Once one of them lets you in, the posts "
                    "appear here and you can write. There is nothing more you need to do."
                ),
            ),
            JOINING: (
                self.tr("Joining the group"),
                self.tr("The group's posts appear here after the first sync with its server."),
            ),
            REMOVED: (
                self.tr("You are no longer in this group"),
                self.tr(
                    "New posts no longer reach you, and you can't write here. Posts you already had stay "
                    "readable on this computer until you leave the group."
                ),
            ),
            SPLIT: (
                self.tr("This group's server may not be telling everyone the same thing"),
                self.tr(
                    "The group's key was changed for a list of members that does not match the one "
                    "this computer has. A server that shows people different versions of a group does "
                    "this. New posts may not reach you. Compare safety codes with members you trust "
                    "(Members…), and tell an admin you know."
                ),
            ),
            OLD_ADMIN: (
                self.tr("This group uses the older way of working"),
                self.tr(
                    "Upgrading lets you make sure every post comes from the member it names, remove members, "
                    "let new members in only with your approval, and share the admin role."
                ),
            ),
        }
        title, text = texts.get(state, ("", ""))
        self.banner_title.setText(title)
        self.banner_text.setText(text)
        self.banner.setVisible(bool(title))
        self.upgrade_button.setVisible(state == OLD_ADMIN)
        newer = group is not None and getattr(group, "version", 2) >= 2
        # A group you wait for or were removed from has no members or rules to show you yet (or any more).
        self.members_button.setVisible(newer and state not in (WAITING, JOINING, REMOVED))
        self.rules_button.setVisible(newer and state not in (WAITING, JOINING, REMOVED))
        self.members_button.setEnabled(group is not None)
        self.members_button.setText(
            self.tr("&Members (%n waiting)…", "", waiting) if waiting else self.tr("&Members…")
        )
        self.rules_button.setEnabled(group is not None)
        self.help_button.setVisible(group is not None)
        if group is not None and is_admin(group):
            self.members_button.setToolTip(
                self.tr("See members and their safety codes; remove, promote or let in")
            )
        else:
            self.members_button.setToolTip(self.tr("See members and their safety codes"))
