"""The Groups tab: choose a group, write (offline too), read the feed, and see how syncing is going."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.db import Connection
from ...core.errors import PeerappError
from ...core.session import Session
from ...core.vault import Vault
from ...sync.models import Group, SyncAllResult
from ...sync.service import GroupService
from ..common import Retranslatable
from ..widgets.ask import ask
from ..widgets.bidi_text import PlainTextEdit, fit_direction, follow_text, isolate
from .dialogs import InviteDialog, JoinGroupDialog, NewGroupDialog, PseudonymDialog
from .feed import FeedView
from .intro import GroupsIntro
from .settings import GroupSettingsDialog, ReportsDialog
from .status import SyncStatusBar
from .strip import GroupStrip, can_write
from .sync import GroupSync
from .v2_actions import GroupV2Actions, modal


class GroupsPage(Retranslatable, QWidget):
    """Everything about groups while unlocked. `clear()` stops syncing and drops every decrypted post."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.service: GroupService | None = None
        self.groups: list[Group] = []
        self.sync = GroupSync(vault, self)
        self.sync.state_changed.connect(self._update_actions)
        self.sync.finished.connect(self._synced)

        self.new_action, self.join_action = QAction(self), QAction(self)
        self.sync_action, self.settings_action = QAction(self), QAction(self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.new_action.triggered.connect(lambda _c=False: self.new_group())
        self.join_action.triggered.connect(lambda _c=False: self.join_group())
        self.sync_action.triggered.connect(lambda _c=False: self.sync_now())
        self.settings_action.triggered.connect(lambda _c=False: self.open_settings())

        # No groups yet: what groups are, that nothing is sent until one exists, and joining by invite first.
        self.intro = GroupsIntro()
        # The page's own names for the panel's parts, as tests know them.
        self.intro_heading, self.intro_text = self.intro.heading, self.intro.text
        self.intro_join, self.intro_new, self.intro_settings = (
            self.intro.join,
            self.intro.new,
            self.intro.settings,
        )
        self.intro_new.clicked.connect(self.new_group)
        self.intro_join.clicked.connect(self.join_group)
        self.intro_settings.clicked.connect(self.open_settings)

        # One group shown.
        self.main = QWidget()
        self.group_box = QComboBox()
        self.group_box.currentIndexChanged.connect(lambda _i: self._group_chosen())
        self.group_label = QLabel()
        self.group_label.setBuddy(self.group_box)
        self.invite_button, self.pseudonym_button = QPushButton(), QPushButton()
        self.reports_button, self.leave_button = QPushButton(), QPushButton()
        self.new_button, self.join_button, self.settings_button = QPushButton(), QPushButton(), QPushButton()
        self.invite_button.clicked.connect(self.show_invite)
        self.pseudonym_button.clicked.connect(self.change_pseudonym)
        self.reports_button.clicked.connect(self.show_reports)
        self.leave_button.clicked.connect(self.leave_group)
        self.new_button.clicked.connect(self.new_group)
        self.join_button.clicked.connect(self.join_group)
        self.settings_button.clicked.connect(self.open_settings)
        top = QHBoxLayout()
        top.addWidget(self.group_label)
        top.addWidget(self.group_box, 1)
        for button in (self.invite_button, self.pseudonym_button, self.reports_button, self.leave_button):
            top.addWidget(button)
        top.addSpacing(12)
        for button in (self.new_button, self.join_button, self.settings_button):
            top.addWidget(button)

        # Newer groups: where you stand, members, rules and support contacts beside "I need help now".
        self.strip = GroupStrip()
        self.v2 = GroupV2Actions(self)
        self.strip.members_requested.connect(self.v2.show_members)
        self.strip.rules_requested.connect(self.v2.show_rules)
        self.strip.upgrade_requested.connect(self.v2.upgrade)

        self.status_bar = SyncStatusBar(self.sync)
        self.status_bar.sync_requested.connect(self.sync_now)

        self.cw_edit = QLineEdit()
        self.cw_edit.setMaxLength(200)
        follow_text(self.cw_edit)
        # Each paragraph of a post in its own direction, as it will show in the feed.
        self.compose = PlainTextEdit()
        self.compose.setTabChangesFocus(True)
        self.compose.setMaximumHeight(84)  # about four lines; the feed gets the rest
        self.compose.textChanged.connect(self._compose_changed)
        self.post_button = QPushButton()
        self.post_button.setEnabled(False)
        self.post_button.clicked.connect(self.post)
        self.post_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.compose)
        self.post_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.post_shortcut.activated.connect(self.post)
        compose_row = QHBoxLayout()
        compose_row.addWidget(self.cw_edit, 1)
        compose_row.addWidget(self.post_button)
        self.feed = FeedView()
        self.feed.changed.connect(self._queued)
        self.feed.failed.connect(self._show_error)
        main_layout = QVBoxLayout(self.main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addLayout(top)
        main_layout.addWidget(self.strip)
        main_layout.addWidget(self.status_bar)
        main_layout.addWidget(self.compose)
        main_layout.addLayout(compose_row)
        main_layout.addWidget(self.feed, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.intro)
        self.stack.addWidget(self.main)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.retranslate_ui()
        self._update_actions()

    def tab_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "Groups")

    def view_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "&Groups")

    def retranslate_ui(self) -> None:
        self.new_action.setText(self.tr("&New group…"))
        self.join_action.setText(self.tr("&Join group…"))
        self.sync_action.setText(self.tr("&Sync now"))
        self.settings_action.setText(self.tr("Group &settings…"))
        self.intro.retranslate_ui()
        self.group_label.setText(self.tr("&Group:"))
        self.invite_button.setText(self.tr("&Invite…"))
        self.pseudonym_button.setText(self.tr("&Pseudonym…"))
        self.leave_button.setText(self.tr("&Leave…"))
        self.new_button.setText(self.tr("New…"))
        self.new_button.setAccessibleName(self.tr("New group"))
        self.join_button.setText(self.tr("Join…"))
        self.join_button.setAccessibleName(self.tr("Join a group"))
        self.settings_button.setText(self.tr("Settings…"))
        self.settings_button.setAccessibleName(self.tr("Group settings"))
        fit_direction(self.cw_edit)  # while empty, it turns with the interface
        self.cw_edit.setPlaceholderText(self.tr("Content warning (optional), e.g. self-harm"))
        self.cw_edit.setAccessibleName(self.tr("Content warning"))
        self.compose.setPlaceholderText(
            self.tr("Write to the group… (Markdown works; Ctrl+Enter posts, even offline)")
        )
        self.compose.setAccessibleName(self.tr("New post"))
        self.post_button.setText(self.tr("P&ost"))
        self._fill_groups()
        self.update_status()

    # -- attaching -----------------------------------------------------------------------

    def attach(self, source: Session | Connection) -> None:
        """Called on unlock, with the session (or, in tests, the GUI thread's vault connection)."""
        self.service = source.groups if isinstance(source, Session) else GroupService(source)
        self._fill_groups()
        self.sync.attach(self.service)
        self._update_actions()

    def clear(self) -> None:
        """On lock and quick exit: stop every sync and forget every post on screen."""
        self.sync.stop()
        # Its dialogs are already closed: locking closes every window (MainWindow.lock).
        self.service = None
        self.groups = []
        self.feed.clear()
        self.compose.clear()
        self.cw_edit.clear()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.blockSignals(False)
        self.stack.setCurrentWidget(self.intro)
        self._update_actions()
        self.update_status()

    def current_group(self) -> Group | None:
        index = self.group_box.currentIndex()
        return self.groups[index] if 0 <= index < len(self.groups) else None

    def _fill_groups(self, select: int | None = None) -> None:
        if self.service is None:
            return
        current = self.current_group()
        wanted = select if select is not None else (current.id if current else None)
        self.groups = self.service.groups()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        for group in self.groups:
            label = group.name
            if group.unread:
                label = self.tr("%1 (%n new)", "", group.unread).replace("%1", isolate(group.name))
            self.group_box.addItem(label, group.id)
        index = self.group_box.findData(wanted) if wanted is not None else 0
        self.group_box.setCurrentIndex(max(index, 0) if self.groups else -1)
        self.group_box.blockSignals(False)
        self.stack.setCurrentWidget(self.main if self.groups else self.intro)
        chosen = self.current_group()
        if self.feed.group is None or current is None or chosen is None or chosen.id != current.id:
            self._group_chosen()
        elif chosen is not None:
            self.feed.group = chosen  # fresh counts, same feed and scroll position
            self._update_group_buttons()

    def _group_chosen(self) -> None:
        group = self.current_group()
        self.feed.show_group(self.service, group)
        if group is not None and self.service is not None and group.unread:
            self.service.mark_read(group.id)
        self._update_group_buttons()
        self.update_status()

    def _update_group_buttons(self) -> None:
        group = self.current_group()
        for button in (self.invite_button, self.pseudonym_button, self.leave_button):
            button.setEnabled(group is not None)
        self.reports_button.setVisible(group is not None and group.is_admin)
        if group is not None and group.is_admin and self.service is not None:
            count = len(self.service.reports(group.id))
            self.reports_button.setText(self.tr("&Reports (%n)", "", count))
        self.strip.show_for(group, self.v2.waiting(group))
        self.pseudonym_button.setVisible(group is None or group.version < 2)  # v2: the name is tied to keys
        # Waiting to be let in, or removed: nothing can be written (the server would refuse it).
        self.cw_edit.setEnabled(can_write(group))
        self.compose.setEnabled(can_write(group))
        self._compose_changed()

    def _update_actions(self) -> None:
        unlocked = self.service is not None
        for action in (self.new_action, self.join_action, self.settings_action):
            action.setEnabled(unlocked)
        self.sync_action.setEnabled(unlocked and bool(self.groups))

    def update_status(self) -> None:
        self.status_bar.show_for(self.service, self.current_group(), bool(self.groups))
        self._update_actions()

    # -- syncing -----------------------------------------------------------------------

    def sync_now(self) -> None:
        self.sync.sync_now()
        self.update_status()

    def _synced(self, outcome: object) -> None:
        if self.service is None:
            return
        assert isinstance(outcome, SyncAllResult)
        self._fill_groups()
        if outcome.sent or outcome.received:
            self.feed.refresh()
        self._update_group_buttons()
        self.update_status()
        self.v2.greet()

    def _queued(self) -> None:
        """Something waits in the outbox: show it, and try to send it now."""
        self._fill_groups()
        self.sync_now()

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Groups"), message)

    # -- writing -----------------------------------------------------------------------

    def _compose_changed(self) -> None:
        text = self.compose.toPlainText()
        self.post_button.setEnabled(bool(text.strip()) and can_write(self.current_group()))

    def post(self) -> None:
        group = self.current_group()
        text = self.compose.toPlainText().strip()
        if group is None or self.service is None or not text or not can_write(group):
            return
        try:
            self.service.post(group.id, text, content_warning=self.cw_edit.text().strip())
        except PeerappError as exc:
            self._show_error(exc.user_message())
            return
        self.compose.clear()
        self.cw_edit.clear()
        self.feed.refresh()
        self._queued()

    # -- group actions -----------------------------------------------------------------

    def new_group(self) -> None:
        if self.service is None:
            return
        known = self.groups[0].server_url if self.groups else ""
        dialog = NewGroupDialog(self.service, known, self)
        if dialog.exec() and dialog.group is not None:
            self._fill_groups(select=dialog.group.id)
            self.sync.refresh()
            self.sync_now()
            modal(InviteDialog(dialog.invite, dialog.group.name, self))

    def join_group(self) -> None:
        if self.service is None:
            return
        dialog = JoinGroupDialog(self.service, self)
        if dialog.exec() and dialog.group is not None:
            self._fill_groups(select=dialog.group.id)
            self.sync.refresh()
            self.sync_now()
            self.v2.joined(dialog.group)

    def show_invite(self) -> None:
        self.v2.show_invite()

    def change_pseudonym(self) -> None:
        group = self.current_group()
        if (
            group is not None
            and self.service is not None
            and PseudonymDialog(self.service, group, self).exec()
        ):
            self._fill_groups()

    def show_reports(self) -> None:
        group = self.current_group()
        if group is None or self.service is None:
            return
        dialog = ReportsDialog(self.service, group.id, self)
        dialog.delete_requested.connect(lambda pid: self.feed.delete_post(pid, False))
        modal(dialog)  # deleted after: it must not read the vault again on a later language change
        self._update_group_buttons()

    def leave_group(self) -> None:
        group = self.current_group()
        if group is None or self.service is None:
            return
        if not ask(
            self,
            self.tr("Leave group"),
            self.v2.leave_text(group),
            self.tr("&Leave the group"),
            destructive=True,
        ):
            return
        self.sync.wait_idle()  # the worker must not write this group's rows while they are wiped
        try:
            self.service.leave_group(group.id)
        except PeerappError as exc:
            self._show_error(exc.user_message())
        self.feed.show_group(None, None)
        self._fill_groups()
        self.sync.refresh()
        self.update_status()

    def open_settings(self) -> None:
        if self.service is not None and GroupSettingsDialog(self.service, self).exec():
            self.sync.refresh()
            self.update_status()
