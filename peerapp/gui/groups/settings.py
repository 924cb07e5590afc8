"""Group settings (pause switch, SOCKS5 proxy), the report-a-post dialog and the admin's reports view."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PeerappError
from ...sync.models import Report
from ...sync.service import GroupService
from ..common import Retranslatable
from ..widgets.bidi_text import PlainTextEdit

MAX_REASON = 1000


def valid_proxy(text: str) -> bool:
    """socks5:// or socks5h:// with a host and a port; an empty field means no proxy."""
    if not text.strip():
        return True
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        return False
    return (
        parts.scheme in ("socks5", "socks5h")
        and bool(parts.hostname)
        and port is not None
        and 0 < port < 65536
        and parts.path in ("", "/")
        and not parts.query
    )


class GroupSettingsDialog(Retranslatable, QDialog):
    """Settings stored inside the vault: they can say which network you use."""

    def __init__(self, service: GroupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.pause = QCheckBox()
        self.pause.setChecked(not service.sync_enabled())
        self.proxy = QLineEdit(service.proxy() or "")
        self.proxy.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an address reads left to right
        self.proxy.setClearButtonEnabled(True)
        self.proxy_label = QLabel()
        self.proxy_label.setBuddy(self.proxy)
        self.proxy_help = QLabel()
        self.proxy_help.setWordWrap(True)
        self.offline_note = QLabel()
        self.offline_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.proxy.textChanged.connect(lambda _t: self._check())
        form = QFormLayout()
        form.addRow(self.pause)
        form.addRow(self.proxy_label, self.proxy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.offline_note)
        layout.addLayout(form)
        layout.addWidget(self.proxy_help)
        layout.addWidget(self.error)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.resize(520, 300)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Group settings"))
        self.offline_note.setText(
            self.tr(
                "peerapp contacts a group server only after you create or join a group, and only that "
                "group's server."
            )
        )
        self.pause.setText(self.tr("&Pause group sync (nothing is sent or received)"))
        self.proxy_label.setText(self.tr("SOCKS5 &proxy:"))
        self.proxy.setPlaceholderText(self.tr("socks5h://127.0.0.1:9050"))
        self.proxy.setAccessibleName(self.tr("SOCKS5 proxy address"))
        self.proxy_help.setText(
            self.tr(
                "Optional. Sends all group traffic through a proxy, so the server does not see your "
                "internet address. For Tor, run Tor and enter socks5h://127.0.0.1:9050 (with h, so "
                "server names are looked up through Tor too). Leave it empty to connect directly."
            )
        )
        self.ok.setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._check()

    def _check(self) -> bool:
        ok = valid_proxy(self.proxy.text())
        self.error.setText(
            ""
            if ok
            else self.tr(
                "A proxy address looks like socks5h://127.0.0.1:9050: socks5:// or socks5h://, a host and a port."
            )
        )
        self.ok.setEnabled(ok)
        return ok

    def _save(self) -> None:
        if not self._check():
            return
        try:
            self.service.set_proxy(self.proxy.text().strip() or None)
            self.service.set_sync_enabled(not self.pause.isChecked())
        except PeerappError as exc:
            self.error.setText(exc.user_message())
            return
        self.accept()


class ReportPostDialog(Retranslatable, QDialog):
    """Why a post should be looked at; sealed so only the group's admin can read it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.reason = PlainTextEdit()  # each paragraph in its own direction
        self.reason.setTabChangesFocus(True)
        self.reason.textChanged.connect(self._changed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Report post"))
        self.explain.setText(
            self.tr(
                "Tell the group's admin what is wrong with this post. Only the admin can read your report."
            )
        )
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Reason"))
        self.ok.setText(self.tr("&Send report"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _changed(self) -> None:
        text = self.reason.toPlainText()
        self.ok.setEnabled(0 < len(text.strip()) <= MAX_REASON)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class ReportsDialog(Retranslatable, QDialog):
    """The admin's list of reports: each reason with the reported post, and a way to delete that post."""

    delete_requested = Signal(str)  # post id

    def __init__(self, service: GroupService, group_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.group_id = group_id
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _r: self._update())
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.delete_button)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.reports: list[Report] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reports"))
        self.list.setAccessibleName(self.tr("Reports"))
        self.delete_button.setText(self.tr("&Delete the reported post"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.reload()

    def reload(self) -> None:
        self.reports = self.service.reports(self.group_id)
        self.list.clear()
        for report in self.reports:
            post = self._post_text(report.post_id)
            item = QListWidgetItem(
                self.tr("Reason: %1\nPost: %2").replace("%1", report.reason).replace("%2", post)
            )
            item.setData(Qt.ItemDataRole.UserRole, report.post_id)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeading)
            self.list.addItem(item)
        self.explain.setText(
            self.tr("No one has reported a post.")
            if not self.reports
            else self.tr("Members reported these posts. Only the group's admins can read this.")
            if self.service.group(self.group_id).version >= 2  # v2 seals each report to every admin
            else self.tr("Members reported these posts. Only you, the admin, can read this.")
        )
        self._update()

    def _post_text(self, post_id: str) -> str:
        try:
            posts = self.service.thread(self.group_id, post_id)
        except PeerappError:
            return self.tr("(no longer here)")
        return posts[0].text[:200] if posts and posts[0].text else self.tr("(no longer here)")

    def _update(self) -> None:
        self.delete_button.setEnabled(self.list.currentRow() >= 0)

    def _delete(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.delete_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
            self.reload()
