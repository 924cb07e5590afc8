"""Who is in a group: each member's role and safety code, and, for admins, removing, promoting and letting in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PeerappError
from ...sync.models import ADMIN, MEMBER, Group, Member
from ...sync.models import PENDING_APPROVAL as PENDING
from ...sync.service import GroupService
from .. import design
from ..common import Retranslatable, fit_to_screen, text_direction
from ..widgets.ask import ask
from ..widgets.bidi_text import isolate


def code_font() -> QFont:
    """Safety codes in fixed-width digits, a step larger, so two people can read them out group by group."""
    font = design.font("subtitle")
    font.setFamilies(["monospace", *font.families()])
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def is_admin(group: Group) -> bool:
    """An admin of a newer group by role, or the creator-admin of an older one."""
    return group.is_admin or getattr(group, "role", MEMBER) == ADMIN


class MemberRow(Retranslatable, QFrame):
    """One member: name (and "you"), role, safety code; the admin's buttons when the reader is an admin."""

    def __init__(self, member: Member, admin_view: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member = member
        self.setProperty("role", "card")
        self.name, self.role, self.code = QLabel(), QLabel(), QLabel(member.safety_code)
        self.name.setProperty("role", "subtitle")
        self.name.setLayoutDirection(text_direction(member.pseudonym))
        self.role.setProperty("role", "muted")
        self.code.setFont(code_font())
        # Digits are compared group by group from the left, the same on every screen and in either language.
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # Reachable by Tab too, so a screen reader reads each code out with whose it is.
        self.code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label = QLabel()
        self.code_label.setProperty("role", "muted")
        self.approve_button, self.promote_button, self.remove_button = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        mine = admin_view and not member.me
        self.approve_button.setVisible(mine and member.role == PENDING)
        self.promote_button.setVisible(mine and member.role != PENDING)
        self.remove_button.setVisible(mine)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addWidget(self.role)
        top.addStretch(1)
        for button in (self.approve_button, self.promote_button, self.remove_button):
            top.addWidget(button)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label)
        code_row.addWidget(self.code)
        code_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(design.SPACE["m"],) * 4)
        layout.setSpacing(design.SPACE["xs"])
        layout.addLayout(top)
        layout.addLayout(code_row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        member = self.member
        name = self.tr("%1 (you)").replace("%1", isolate(member.pseudonym)) if member.me else member.pseudonym
        self.name.setText(name)
        roles = {ADMIN: self.tr("Admin"), MEMBER: self.tr("Member"), PENDING: self.tr("Waiting for approval")}
        self.role.setText(roles.get(member.role, member.role))
        self.code_label.setText(self.tr("Safety code:"))
        self.code.setAccessibleName(
            self.tr("Safety code of %1: %2").replace("%1", member.pseudonym).replace("%2", member.safety_code)
        )
        self.approve_button.setText(self.tr("Let in…"))
        self.approve_button.setAccessibleName(self.tr("Let %1 in").replace("%1", member.pseudonym))
        if member.role == ADMIN:
            self.promote_button.setText(self.tr("Remove admin role…"))
            named = self.tr("Take the admin role from %1")
        else:
            self.promote_button.setText(self.tr("Make admin…"))
            named = self.tr("Make %1 an admin")
        self.promote_button.setAccessibleName(named.replace("%1", member.pseudonym))
        self.remove_button.setText(self.tr("Remove…"))
        self.remove_button.setAccessibleName(
            self.tr("Remove %1 from the group").replace("%1", member.pseudonym)
        )
        self.setAccessibleName(f"{name}, {self.role.text()}")


class MembersDialog(Retranslatable, QDialog):
    """The group's members, the kind explanation of safety codes, and the admin's actions with confirmations.

    `changed` is emitted after an action was queued, so the page can sync it out at once.
    """

    changed = Signal()

    def __init__(self, service: GroupService, group: Group, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.group = service, group
        self.members: list[Member] = []
        self.rows: list[MemberRow] = []
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(design.SPACE["s"])
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        # The rows' buttons take the focus; the list itself needs no ring around all of it.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.error)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 640, 560)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        title = self.tr("Members of “%1”").replace("%1", isolate(self.group.name))
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.explain.setText(
            self.tr(
                "Each member has a safety code in this group. To be sure someone is who they say, ask them to "
                "read you the code their app shows for themselves, face to face or over another app you both "
                "trust, and compare it with the one here. If the codes match, nobody is posing as them. If "
                "they differ, share nothing personal and tell an admin."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.scroll_area.setAccessibleName(self.tr("Members"))

    def refresh(self) -> None:
        """Read the members again and rebuild the rows (after an action, or a sync)."""
        self.error.clear()
        try:
            self.members = list(self.service.members(self.group.id))
        except PeerappError as exc:
            self.members = []
            self.error.setText(exc.user_message())
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        admin_view = is_admin(self.group)
        # Those waiting come first for an admin (someone is waiting on them), then admins, then members.
        order = {PENDING: 0, ADMIN: 1, MEMBER: 2} if admin_view else {ADMIN: 0, MEMBER: 1, PENDING: 2}
        for member in sorted(
            self.members, key=lambda m: (order.get(m.role, 3), not m.me, m.pseudonym.casefold())
        ):
            row = MemberRow(member, admin_view, self.list)
            row.approve_button.clicked.connect(lambda _c=False, m=member: self.approve(m.pseudonym))
            row.promote_button.clicked.connect(
                lambda _c=False, m=member: self.promote(m.pseudonym, m.role == ADMIN)
            )
            row.remove_button.clicked.connect(lambda _c=False, m=member: self.remove(m.pseudonym))
            self.rows.append(row)
            self.list_layout.addWidget(row)
        self.list_layout.addStretch(1)

    def refresh_after_sync(self, _outcome: object = None) -> None:
        if self.isVisible():
            self.refresh()

    def row_for(self, pseudonym: str) -> MemberRow:
        return next(row for row in self.rows if row.member.pseudonym == pseudonym)

    # -- the admin's actions, each confirmed in words that say what will happen ----------------------------

    def remove(self, pseudonym: str) -> bool:
        text = self.tr(
            "Remove %1 from “%2”? %1 will no longer read new posts, and the group gets new keys. Posts %1 "
            "already has stay on their device."
        )
        return self._act(
            self.tr("Remove a member"),
            text.replace("%1", isolate(pseudonym)).replace("%2", isolate(self.group.name)),
            self.tr("&Remove"),
            lambda: self.service.remove_member(self.group.id, pseudonym),
            destructive=True,
        )

    def promote(self, pseudonym: str, demote: bool = False) -> bool:
        if demote:
            title, action = self.tr("Remove admin role"), self.tr("Remove admin &role")
            text = self.tr("Take the admin role from %1? %1 stays in the group as a member.")
        else:
            title, action = self.tr("Make admin"), self.tr("Make &admin")
            text = self.tr(
                "Make %1 an admin? Admins can remove members, let new ones in, reset the invite and edit the "
                "rules."
            )
        return self._act(
            title,
            text.replace("%1", isolate(pseudonym)),
            action,
            lambda: self.service.promote(self.group.id, pseudonym, demote=demote),
        )

    def approve(self, pseudonym: str) -> bool:
        text = self.tr(
            "Let %1 into “%2”? From now on %1 can read the group's posts and write. If you can, compare "
            "safety codes first."
        )
        return self._act(
            self.tr("Let a member in"),
            text.replace("%1", isolate(pseudonym)).replace("%2", isolate(self.group.name)),
            self.tr("&Let in"),
            lambda: self.service.approve(self.group.id, pseudonym),
        )

    def _act(
        self, title: str, text: str, action: str, run: Callable[[], None], *, destructive: bool = False
    ) -> bool:
        if not ask(self, title, text, action, destructive=destructive):
            return False
        try:
            run()
        except PeerappError as exc:
            self.error.setText(exc.user_message())
            return False
        self.changed.emit()
        self.refresh()
        return True
