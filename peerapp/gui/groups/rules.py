"""A group's pinned rules and the support contacts its admins vetted: read by members, edited by admins."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PeerappError
from ...sync import models
from ...sync.models import Group
from ...sync.service import GroupService
from .. import design
from ..common import Retranslatable, fit_to_screen, text_direction
from ..widgets.bidi_text import PlainTextEdit, isolate
from .members import is_admin

MAX_RULES = 4000  # characters: a page of rules, not a manual
MAX_CONTACTS = 12  # a short list someone in distress can take in at a glance


class RulesView(Retranslatable, QWidget):
    """The rules as the admins wrote them, each paragraph in its own direction, then the vetted contacts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules: models.Rules | None = None
        self.rules_heading, self.rules_text = QLabel(), QLabel()
        self.contacts_heading, self.contacts_note = QLabel(), QLabel()
        for label in (self.rules_heading, self.contacts_heading):
            label.setProperty("role", "subtitle")
        self.contacts_note.setProperty("role", "muted")
        for label in (self.rules_text, self.contacts_note):
            label.setWordWrap(True)
        self.rules_text.setTextFormat(Qt.TextFormat.PlainText)
        self.rules_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact_labels: list[QWidget] = []
        self.contact_box = QVBoxLayout()
        self.contact_box.setSpacing(design.SPACE["xs"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(design.SPACE["s"])
        layout.addWidget(self.rules_heading)
        layout.addWidget(self.rules_text)
        layout.addSpacing(design.SPACE["s"])
        layout.addWidget(self.contacts_heading)
        layout.addWidget(self.contacts_note)
        layout.addLayout(self.contact_box)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.rules_heading.setText(self.tr("Group rules"))
        self.contacts_heading.setText(self.tr("Support contacts"))
        self.show_rules(self.rules)

    def show_rules(self, rules: models.Rules | None) -> None:
        self.rules = rules
        text = rules.text.strip() if rules is not None else ""
        self.rules_text.setText(text or self.tr("The admins have not written any rules yet."))
        self.rules_text.setLayoutDirection(text_direction(text) if text else self.layoutDirection())
        self.rules_text.setProperty("role", "" if text else "muted")
        for label in self.contact_labels:
            label.setParent(None)
            label.deleteLater()
        self.contact_labels = []
        contacts = list(rules.contacts) if rules is not None else []
        if contacts:
            self.contacts_note.setText(
                self.tr(
                    "People and services this group's admins checked and trust. peerapp never contacts "
                    "anyone for you: you choose whether and when to reach out."
                )
            )
        else:
            self.contacts_note.setText(self.tr("The admins have not added any contacts yet."))
        for contact in contacts:
            # Both parts keep their own direction inside the interface's (a phone number stays whole in
            # Arabic), and the line stays aligned with the interface rather than jumping sides.
            row = QWidget()
            # A leading mark of the interface's direction sets each line's side; the isolate keeps the words'.
            mark = "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"
            name, how = QLabel(mark + isolate(contact.name)), QLabel(mark + isolate(contact.how))
            name.setProperty("role", "subtitle")
            for label in (name, how):
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            how.setWordWrap(True)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(design.SPACE["m"])
            row_layout.addWidget(name, 0, Qt.AlignmentFlag.AlignTop)
            row_layout.addWidget(how, 1)
            row.setAccessibleName(self.tr("%1: %2").replace("%1", contact.name).replace("%2", contact.how))
            self.contact_labels.append(row)
            self.contact_box.addWidget(row)


class RulesDialog(Retranslatable, QDialog):
    """The rules and contacts; on joining it greets the newcomer. Admins get an "Edit…" button."""

    changed = Signal()

    def __init__(
        self, service: GroupService, group: Group, parent: QWidget | None = None, *, welcome: bool = False
    ) -> None:
        super().__init__(parent)
        self.service, self.group, self.welcome = service, group, welcome
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.view = RulesView()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.edit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.setVisible(is_admin(group))
        self.edit_button.clicked.connect(self.edit)
        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(*(design.SPACE["l"],) * 4)
        card_layout.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(card, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 600, 480)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        name = isolate(self.group.name)
        title = (
            self.tr("Welcome to “%1”").replace("%1", name)
            if self.welcome
            else self.tr("Rules and support contacts of “%1”").replace("%1", name)
        )
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.edit_button.setText(self.tr("&Edit…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def refresh(self) -> None:
        self.error.clear()
        try:
            self.view.show_rules(self.service.rules(self.group.id))
        except PeerappError as exc:
            self.error.setText(exc.user_message())

    def edit(self) -> None:
        dialog = RulesEditDialog(self.service, self.group, self.view.rules, self)
        if dialog.exec():
            # What the admin just pinned shows at once; it reaches the members with the sync that follows.
            self.view.show_rules(models.Rules(dialog.saved_text, dialog.saved_contacts))
            self.changed.emit()


class RulesEditDialog(Retranslatable, QDialog):
    """For admins: the rules as plain text and up to a dozen contacts, each a name and how to reach them."""

    def __init__(
        self, service: GroupService, group: Group, rules: models.Rules | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.group = service, group
        self.saved_text, self.saved_contacts = "", list[models.Contact]()
        self.rules_label, self.contacts_label, self.note = QLabel(), QLabel(), QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        # Each paragraph in its own direction, as the members will read it.
        self.text = PlainTextEdit()
        self.text.setPlainText(rules.text if rules is not None else "")
        self.text.setTabChangesFocus(True)
        self.rules_label.setBuddy(self.text)
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.contacts_label.setBuddy(self.table)
        for contact in rules.contacts if rules is not None else []:
            self.add_contact(contact.name, contact.how)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(lambda _c=False: self.add_contact())
        self.remove_button.clicked.connect(self.remove_contact)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.contacts_label)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 640, 560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit rules and contacts"))
        self.rules_label.setText(self.tr("Group &rules:"))
        self.text.setAccessibleName(self.tr("Group rules"))
        self.text.setPlaceholderText(
            self.tr("For example: What is said here stays here. Be kind. No real names.")
        )
        self.contacts_label.setText(self.tr("Support &contacts:"))
        self.note.setText(
            self.tr(
                "Add only people or services you have checked yourself, and say how to reach them. Every "
                "member sees this list beside “I need help now”."
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("How to reach them")])
        self.table.setAccessibleName(self.tr("Support contacts"))
        self.add_button.setText(self.tr("&Add contact"))
        self.remove_button.setText(self.tr("Remove c&ontact"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def add_contact(self, name: str = "", how: str = "") -> None:
        if self.table.rowCount() >= MAX_CONTACTS:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(how))
        if not name:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0) or QTableWidgetItem())

    def remove_contact(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def contacts(self) -> list[tuple[str, str]]:
        """The filled rows, trimmed; a row with neither a name nor a way to reach is dropped."""
        found = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, col) for col in (0, 1)]
            name, how = (" ".join(cell.text().split()) if cell is not None else "" for cell in cells)
            if name or how:
                found.append((name, how))
        return found

    def save(self) -> None:
        self.error.clear()
        text = self.text.toPlainText().strip()
        contacts = self.contacts()
        if len(text) > MAX_RULES:
            self.error.setText(
                self.tr("The rules are too long: keep them under %n characters.", "", MAX_RULES)
            )
            return
        if any(not name or not how for name, how in contacts):
            self.error.setText(self.tr("Each contact needs a name and a way to reach them."))
            return
        saved = [models.Contact(name, how) for name, how in contacts]
        try:
            self.service.set_rules(self.group.id, text, saved)
        except PeerappError as exc:
            self.error.setText(exc.user_message())
            return
        self.saved_text, self.saved_contacts = text, saved
        self.accept()


class CrisisContactsTab(Retranslatable, QWidget):
    """The group's vetted contacts as one more tab of the crisis dialog, after the app's own pages.

    Added from outside (gui/library is not this module's): the dialog's own tabs are the first ones and it
    retranslates only those, so this tab names itself.
    """

    def __init__(self, group_name: str, rules: models.Rules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group_name = group_name
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.view = RulesView()
        self.view.show_rules(rules)
        # In a crisis only the contacts matter here; the rules stay in the group.
        self.view.rules_heading.hide()
        self.view.rules_text.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(design.SPACE["l"],) * 4)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()

    def tab_title(self) -> str:
        return self.tr("Contacts from “%1”").replace("%1", isolate(self.group_name))

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr("The admins of “%1” checked these people and services for their members.").replace(
                "%1", isolate(self.group_name)
            )
        )
        stack = self.parentWidget()  # a tab's page sits in the tab widget's stack
        tabs = stack.parentWidget() if stack is not None else None
        if isinstance(tabs, QTabWidget):
            tabs.setTabText(tabs.indexOf(self), self.tab_title())
