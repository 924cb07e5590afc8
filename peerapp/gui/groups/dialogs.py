"""Dialogs for joining groups: create one, join from an invite, show an invite as text and QR, pick a pseudonym."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PeerappError
from ...sync.errors import InvalidServerUrl
from ...sync.models import Group
from ...sync.protocol import INVITE_MAX_NAME, InvalidInvite, Invite
from ...sync.pseudonym import suggest_pseudonym
from ...sync.service import GroupService
from ...sync.v2.invite import PREFIX as V2_PREFIX
from ...sync.v2.invite import InviteV2
from ..common import Retranslatable, fit_to_screen, text_direction
from .expiry import ExpiryChoice
from .qr_widget import QrWidget

MAX_PSEUDONYM = 64


def ui_language() -> str:
    return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"


def _monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    return label


def isolate(text: str) -> str:
    """User text inside a translated sentence keeps its own direction (Unicode first-strong isolate)."""
    return "\u2068" + text + "\u2069"


def valid_server_url(text: str) -> bool:
    parts = urlsplit(text.strip())
    return (
        parts.scheme in ("http", "https") and bool(parts.hostname) and not parts.query and not parts.fragment
    )


class PseudonymField(Retranslatable, QWidget):
    """The name others see in one group: a suggestion to start with, and a button for another."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(current or suggest_pseudonym(ui_language()))
        self.edit.setMaxLength(MAX_PSEUDONYM)
        self.edit.textChanged.connect(lambda text: self.edit.setLayoutDirection(text_direction(text)))
        self.another = QPushButton()
        self.another.clicked.connect(self.suggest)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.another)
        self.edit.setLayoutDirection(text_direction(self.edit.text()))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.another.setText(self.tr("&Another"))
        self.another.setToolTip(self.tr("Suggest another name"))
        self.another.setAccessibleName(self.tr("Suggest another pseudonym"))
        self.edit.setAccessibleName(self.tr("Pseudonym"))

    def suggest(self) -> None:
        old = self.edit.text()
        for _ in range(8):  # a different one each time, if the dice allow
            self.edit.setText(suggest_pseudonym(ui_language()))
            if self.edit.text() != old:
                break

    def value(self) -> str:
        return " ".join(self.edit.text().split())


class _GroupFormDialog(Retranslatable, QDialog):
    """Shared shape: a form, an error line, OK/Cancel; `_submit()` does the work."""

    def __init__(self, service: GroupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.group: Group | None = None
        self.form = QFormLayout()
        self.error = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _accept(self) -> None:
        self.error.clear()
        try:
            self._submit()
        except PeerappError as exc:
            self.error.setText(exc.user_message())
            return
        self.accept()

    def _submit(self) -> None:  # pragma: no cover - each dialog overrides it
        raise NotImplementedError


class NewGroupDialog(_GroupFormDialog):
    """Name the group, give the server, choose a pseudonym. Nothing is sent until the first sync."""

    def __init__(self, service: GroupService, server_url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self.invite = ""
        self.name = QLineEdit()
        self.name.setMaxLength(INVITE_MAX_NAME)
        self.server = QLineEdit(server_url)
        self.server.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # addresses read left to right
        self.pseudonym = PseudonymField()
        self.name_label, self.server_label, self.pseudonym_label = QLabel(), QLabel(), QLabel()
        self.name_label.setBuddy(self.name)
        self.server_label.setBuddy(self.server)
        self.pseudonym_label.setBuddy(self.pseudonym.edit)
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.server_label, self.server)
        self.form.addRow(self.pseudonym_label, self.pseudonym)
        # Who gets in: anyone with the invite, or only those an admin lets in; and how long the invite works.
        self.approval, self.expiry, self.expiry_label = QCheckBox(), ExpiryChoice(), QLabel()
        self.expiry_label.setBuddy(self.expiry)
        self.form.addRow("", self.approval)
        self.form.addRow(self.expiry_label, self.expiry)
        self.name.textChanged.connect(lambda _t: self._update())
        self.server.textChanged.connect(lambda _t: self._update())
        self.pseudonym.edit.textChanged.connect(lambda _t: self._update())
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("New group"))
        self.name_label.setText(self.tr("Group &name:"))
        self.server_label.setText(self.tr("&Server:"))
        self.pseudonym_label.setText(self.tr("Your &pseudonym:"))
        self.server.setPlaceholderText(self.tr("https://groups.example.org"))
        self.ok.setText(self.tr("&Create group"))
        self.approval.setText(self.tr("A&dmins approve new members"))
        self.approval.setToolTip(
            self.tr("The invite then only lets someone ask to join; an admin lets them in.")
        )
        self.expiry_label.setText(self.tr("Invite &expires:"))
        self.note.setText(
            self.tr(
                "The server stores only encrypted posts; it never learns the group's name or who you are. "
                "Nothing is sent to it until the group is created."
            )
        )

    def _update(self) -> None:
        ok = (
            bool(self.name.text().strip())
            and bool(self.pseudonym.value())
            and bool(self.server.text().strip())
        )
        self.ok.setEnabled(ok)

    def _submit(self) -> None:
        url = self.server.text().strip().rstrip("/")
        if not valid_server_url(url):
            self.server.setFocus()
            raise InvalidServerUrl()
        self.group, self.invite = self.service.create_group(
            url,
            self.name.text().strip(),
            self.pseudonym.value(),
            approval=self.approval.isChecked(),
            expires_days=self.expiry.days(),
        )


class JoinGroupDialog(_GroupFormDialog):
    """Paste an invite; it is checked as you type and the group it opens is named before you join."""

    def __init__(self, service: GroupService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self.invite = QPlainTextEdit()
        self.invite.setFont(_monospace())
        self.invite.setTabChangesFocus(True)
        self.invite.setMaximumHeight(110)
        self.invite.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # codes read left to right
        fit_to_screen(self, 560, 0)  # room for a pasted invite, not a minimum; the layout sets the height
        self.invite_label, self.pseudonym_label = QLabel(), QLabel()
        self.invite_label.setBuddy(self.invite)
        self.check = QLabel()
        self.check.setWordWrap(True)
        self.pseudonym = PseudonymField()
        self.pseudonym_label.setBuddy(self.pseudonym.edit)
        self.form.addRow(self.invite_label, self.invite)
        self.form.addRow("", self.check)
        self.form.addRow(self.pseudonym_label, self.pseudonym)
        self.decoded: Invite | InviteV2 | None = None
        self.invite.textChanged.connect(self._check)
        self.pseudonym.edit.textChanged.connect(lambda _t: self._check())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Join a group"))
        self.invite_label.setText(self.tr("&Invite:"))
        self.invite.setAccessibleName(self.tr("Invite code"))
        self.invite.setPlaceholderText(
            self.tr("Paste the invite code you were given (it starts with PEERAPP)")
        )
        self.pseudonym_label.setText(self.tr("Your &pseudonym:"))
        self.ok.setText(self.tr("&Join"))
        self.note.setText(
            self.tr("Others in the group see only your pseudonym. Choose one that does not identify you.")
        )
        self._check()

    def _check(self) -> None:
        text = self.invite.toPlainText().strip()
        self.decoded = None
        self.check.setObjectName("")
        if not text:
            self.check.setText("")
        else:
            try:
                v2 = text.upper().startswith(V2_PREFIX)
                self.decoded = InviteV2.decode(text) if v2 else Invite.decode(text)
            except InvalidInvite as exc:
                self.check.setObjectName("error")
                self.check.setText(exc.user_message())
            else:
                gated = isinstance(self.decoded, InviteV2) and self.decoded.approval
                where = (
                    self.tr("Group “%1” on %2. An admin lets each new member in.")
                    if gated
                    else self.tr("Group “%1” on %2")
                )
                self.check.setText(
                    where.replace("%1", isolate(self.decoded.name)).replace(
                        "%2", isolate(self.decoded.server_url)
                    )
                )
        self.check.style().unpolish(self.check)
        self.check.style().polish(self.check)
        self.ok.setEnabled(self.decoded is not None and bool(self.pseudonym.value()))

    def _submit(self) -> None:
        self.group = self.service.join_group(self.invite.toPlainText().strip(), self.pseudonym.value())


class PseudonymDialog(_GroupFormDialog):
    """Change the name shown on your future posts in one group."""

    def __init__(self, service: GroupService, group: Group, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self.group = group
        self.pseudonym = PseudonymField(group.pseudonym)
        self.pseudonym_label = QLabel()
        self.pseudonym_label.setBuddy(self.pseudonym.edit)
        self.form.addRow(self.pseudonym_label, self.pseudonym)
        self.pseudonym.edit.textChanged.connect(lambda _t: self.ok.setEnabled(bool(self.pseudonym.value())))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Pseudonym"))
        self.pseudonym_label.setText(self.tr("Your &pseudonym:"))
        self.ok.setText(self.tr("OK"))
        self.note.setText(
            self.tr("The new name shows on posts you write from now on; earlier posts keep theirs.")
        )

    def _submit(self) -> None:
        assert self.group is not None
        self.service.set_pseudonym(self.group.id, self.pseudonym.value())


class InviteDialog(Retranslatable, QDialog):
    """The invite as text and as a QR code, to copy, or to save as an image (with a warning)."""

    def __init__(self, invite: str, group_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.invite = invite
        self.group_name = group_name
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.text = QPlainTextEdit(invite)
        self.text.setReadOnly(True)
        self.text.setFont(_monospace())
        self.text.setMaximumHeight(90)
        self.text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.text.setTabChangesFocus(True)
        self.qr = QrWidget(invite)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_png)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.text)
        layout.addWidget(self.qr, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, 680)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Invite to “%1”").replace("%1", isolate(self.group_name)))
        self.heading.setText(self.tr("Invite to “%1”").replace("%1", isolate(self.group_name)))
        self.explain.setText(
            self.tr(
                "Anyone who has this invite can read and post in the group. Share it only with people you "
                "trust, face to face or over a private channel."
            )
        )
        self.text.setAccessibleName(self.tr("Invite code"))
        self.qr.setAccessibleName(self.tr("Invite as a QR code"))
        self.copy_button.setText(self.tr("&Copy invite"))
        self.save_button.setText(self.tr("&Save QR as PNG…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.invite)

    def save_png(self) -> None:
        answer = QMessageBox.warning(
            self,
            self.tr("Save the invite as an image?"),
            self.tr(
                "The image is not encrypted: anyone who finds the file can join the group and read every "
                "post. Delete it once you have shared it."
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Save:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save QR as PNG"), "invite.png", self.tr("PNG image (*.png)")
        )
        if name:
            self.write_png(name)

    def write_png(self, path: str) -> None:
        if not self.qr.save_png(path):
            QMessageBox.warning(
                self, self.tr("Save QR as PNG"), self.tr("The image could not be saved there.")
            )
