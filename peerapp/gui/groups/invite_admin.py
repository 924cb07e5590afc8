"""The invite as an admin of a newer group sees it: how long it works, and a reset that retires the old one.

The controls are a panel put into the ordinary InviteDialog, not a subclass of it: PySide looks a `tr()`
up under the object's own class, so a subclass would lose the Arabic of every inherited string.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.errors import PeerappError
from ...sync.models import Group
from ...sync.protocol import InvalidInvite
from ...sync.service import GroupService
from ...sync.v2.invite import InviteV2
from .. import design
from ..common import Retranslatable
from ..widgets import locale_format
from ..widgets.ask import ask
from ..widgets.bidi_text import isolate
from .dialogs import InviteDialog
from .expiry import ExpiryChoice


class InviteAdminPanel(Retranslatable, QWidget):
    """An expiry choice and "Make a new invite…"; members keep their keys and stay in the group."""

    def __init__(self, dialog: InviteDialog, service: GroupService, group: Group) -> None:
        super().__init__(dialog)
        self.dialog, self.service, self.group = dialog, service, group
        self.expiry_label, self.reset_button, self.note = QLabel(), QPushButton(), QLabel()
        # Shown at the top in place of the dialog's own line when the invite only lets people ask to join.
        self.who, self.until = QLabel(), QLabel()
        self.who.setWordWrap(True)
        self.until.setWordWrap(True)
        self.expiry = ExpiryChoice()
        self.expiry_label.setBuddy(self.expiry)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.reset_button.clicked.connect(self.reset)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.expiry_label)
        row.addWidget(self.expiry)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, design.SPACE["s"], 0, 0)
        layout.addWidget(self.until)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.who.setText(
            self.tr(
                "Anyone who has this invite can ask to join. An admin lets each one in before they can read "
                "anything. Share it only with people you trust, face to face or over a private channel."
            )
        )
        self.show_invite(self.dialog.invite)
        self.expiry_label.setText(self.tr("New invite &expires:"))
        self.reset_button.setText(self.tr("Make a &new invite…"))
        self.note.setText(
            self.tr(
                "A new invite replaces this one: whoever has the old one can no longer join with it. Members "
                "stay in the group and notice nothing."
            )
        )

    def reset(self) -> bool:
        """Confirm, then replace the invite with one that works for the chosen time."""
        if not ask(
            self.dialog,
            self.tr("Make a new invite"),
            self.tr(
                "The current invite to “%1” stops working. Anyone who has it but has not joined yet needs the "
                "new one. Members stay in the group."
            ).replace("%1", isolate(self.group.name)),
            self.tr("Make a &new invite"),
        ):
            return False
        self.error.clear()
        try:
            invite = self.service.reset_invite(self.group.id, expires_days=self.expiry.days())
        except PeerappError as exc:
            self.error.setText(exc.user_message())
            return False
        self.dialog.invite = invite
        self.dialog.text.setPlainText(invite)
        self.dialog.qr.set_text(invite)
        self.show_invite(invite)
        return True

    def show_invite(self, invite: str) -> None:
        """Say who the invite lets in and until when (it carries both)."""
        try:
            decoded = InviteV2.decode(invite)
        except InvalidInvite:
            self.until.clear()
            return
        self.who.setVisible(decoded.approval)
        self.dialog.explain.setVisible(not decoded.approval)
        if decoded.expires_day:
            last = date(1970, 1, 1) + timedelta(days=decoded.expires_day)
            self.until.setText(
                self.tr("This invite works until %1.").replace("%1", locale_format.long_date(last))
            )
        else:
            self.until.setText(self.tr("This invite does not expire."))


def admin_invite_dialog(
    service: GroupService, group: Group, invite: str, parent: QWidget | None = None
) -> InviteDialog:
    """The invite dialog with the admin's panel above its Close button (found with findChild)."""
    dialog = InviteDialog(invite, group.name, parent)
    panel = InviteAdminPanel(dialog, service, group)
    layout = dialog.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(dialog.buttons), panel)
    layout.insertWidget(layout.indexOf(dialog.explain) + 1, panel.who)
    return dialog
