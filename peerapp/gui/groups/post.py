"""One post in a group feed: its card with content warning, "me too", replies, report and delete."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.markdown_render import render
from ...sync.models import CONFLICT, DELETED, PENDING, SENT, GroupPost
from ..common import Retranslatable, qdatetime, text_direction
from ..widgets import locale_format
from ..widgets.bidi_text import PlainTextEdit, isolate, resettle_on_direction_change, show_html
from ..widgets.safe_browser import SafeBrowser

# Badge colours: text on background passes WCAG AA (about 7:1) and does not depend on the palette.
BADGE_STYLE = {
    PENDING: "background: #fff3cd; color: #664d03;",
    SENT: "background: #d1e7dd; color: #0f5132;",
    CONFLICT: "background: #f8d7da; color: #842029;",
}
BADGE_CSS = "border-radius: 4px; padding: 1px 6px; font-weight: bold; "


def post_time(post: GroupPost) -> str:
    try:
        at = datetime.fromisoformat(post.at)
    except ValueError:
        return ""
    local = at.astimezone() if at.tzinfo else at
    if not qdatetime(local).isValid():
        return ""
    return locale_format.short_date_time(local)


class PostBody(SafeBrowser):
    """A post's Markdown, rendered safely, as tall as its text (the feed scrolls, not the post)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTabChangesFocus(True)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("background: transparent;")
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())

    def set_markdown(self, text: str) -> None:
        show_html(self, render(text))  # each line in its own direction
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        resettle_on_direction_change(self, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.document().setTextWidth(max(self.viewport().width(), 50))
        height = math.ceil(self.document().size().height()) + 2 * self.frameWidth()
        if height != self.height():
            self.setFixedHeight(height)


class PostCard(Retranslatable, QFrame):
    """One post. Buttons report intentions upward; the feed does the work through the service."""

    me_too_clicked = Signal(str)
    delete_clicked = Signal(str)
    report_clicked = Signal(str)
    thread_toggled = Signal(str, bool)
    reply_sent = Signal(str, str)

    def __init__(
        self,
        post: GroupPost,
        *,
        is_admin: bool,
        is_reply: bool = False,
        unverified: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.post = post
        self.is_reply = is_reply
        # A newer group's post whose signature no member's key matches: never shown under the name it claims.
        self.unverified = unverified
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("postCard")
        self.author = QLabel()
        self.author.setTextFormat(Qt.TextFormat.PlainText)
        font = self.author.font()
        font.setBold(True)
        self.author.setFont(font)
        self.when = QLabel(post_time(post))
        self.badge = QLabel()
        self.badge.setStyleSheet(BADGE_CSS + BADGE_STYLE.get(post.status, ""))
        self.badge.setVisible(post.mine and post.status in BADGE_STYLE)
        header = QHBoxLayout()
        header.addWidget(self.author)
        header.addWidget(self.when)
        header.addStretch()
        header.addWidget(self.badge)

        self.cw_label = QLabel()
        self.cw_label.setWordWrap(True)
        self.cw_label.setTextFormat(Qt.TextFormat.PlainText)
        self.show_button = QPushButton()
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._reveal)
        self.cw_row = QWidget()
        cw_layout = QHBoxLayout(self.cw_row)
        cw_layout.setContentsMargins(0, 0, 0, 0)
        cw_layout.addWidget(self.cw_label, 1)
        cw_layout.addWidget(self.show_button)
        self.cw_row.setVisible(bool(post.content_warning))

        self.body = PostBody()
        if post.status == DELETED:
            self.body.hide()
        else:
            self.body.set_markdown(post.text)
        self.body.setVisible(post.status != DELETED and not post.content_warning)
        self.deleted_note = QLabel()
        self.deleted_note.setVisible(post.status == DELETED)

        self.me_too_button = QPushButton()
        self.me_too_button.setCheckable(True)
        self.me_too_button.setChecked(post.me_too_mine)
        self.me_too_button.clicked.connect(lambda _c=False: self.me_too_clicked.emit(post.id))
        self.thread_button = QPushButton()
        self.thread_button.setCheckable(True)
        self.thread_button.toggled.connect(lambda on: self.thread_toggled.emit(post.id, on))
        self.thread_button.setVisible(not is_reply)
        self.report_button = QPushButton()
        self.report_button.clicked.connect(lambda _c=False: self.report_clicked.emit(post.id))
        self.report_button.setVisible(not post.mine and post.status != PENDING)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(lambda _c=False: self.delete_clicked.emit(post.id))
        self.delete_button.setVisible(post.mine or is_admin)
        actions = QHBoxLayout()
        actions.addWidget(self.me_too_button)
        actions.addWidget(self.thread_button)
        actions.addStretch()
        actions.addWidget(self.report_button)
        actions.addWidget(self.delete_button)
        self.actions_row = QWidget()
        self.actions_row.setLayout(actions)
        actions.setContentsMargins(0, 0, 0, 0)
        self.actions_row.setVisible(post.status != DELETED)

        self.thread_box = QWidget()
        self.thread_layout = QVBoxLayout(self.thread_box)
        self.thread_layout.setContentsMargins(24, 0, 0, 0)  # leading indent; layouts mirror it in RTL
        self.replies: list[PostCard] = []
        self.reply_edit = PlainTextEdit()
        self.reply_edit.setTabChangesFocus(True)
        self.reply_edit.setMaximumHeight(70)
        self.reply_edit.textChanged.connect(self._reply_changed)
        self.reply_button = QPushButton()
        self.reply_button.setEnabled(False)
        self.reply_button.clicked.connect(self._send_reply)
        self.reply_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.reply_edit)
        self.reply_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.reply_shortcut.activated.connect(self._send_reply)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply_edit, 1)
        reply_row.addWidget(self.reply_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.thread_layout.addLayout(reply_row)
        self.thread_box.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.cw_row)
        layout.addWidget(self.body)
        layout.addWidget(self.deleted_note)
        layout.addWidget(self.actions_row)
        layout.addWidget(self.thread_box)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        post = self.post
        author = self.tr("Unverified") if self.unverified else post.pseudonym
        self.author.setText(author)
        self.author.setLayoutDirection(self.layoutDirection() if self.unverified else text_direction(author))
        self.author.setToolTip(
            self.tr("No member's key signed this post, so nobody can say who wrote it.")
            if self.unverified
            else ""
        )
        self.when.setText(post_time(post))
        badges = {
            PENDING: self.tr("Waiting to send"),
            SENT: self.tr("Sent"),
            CONFLICT: self.tr("Not sent: the server holds a different post"),
        }
        self.badge.setText(badges.get(post.status, ""))
        warning = isolate(post.content_warning)  # the writer's words keep their own direction
        self.cw_label.setText(self.tr("Content warning: %1").replace("%1", warning))
        self.show_button.setText(
            self.tr("Hide post") if self.show_button.isChecked() else self.tr("Show post")
        )
        self.deleted_note.setText(self.tr("This post was deleted."))
        self.me_too_button.setText(self.tr("Me too (%n)", "", post.me_too))
        self.me_too_button.setAccessibleName(self.tr("Me too, %n so far", "", post.me_too))
        self.me_too_button.setToolTip(self.tr("Say this is true for you too"))
        if post.replies:
            self.thread_button.setText(self.tr("%n replies", "", post.replies))
        else:
            self.thread_button.setText(self.tr("Reply"))
        self.report_button.setText(self.tr("Report…"))
        self.delete_button.setText(self.tr("Delete") if post.mine else self.tr("Delete (admin)"))
        self.reply_edit.setPlaceholderText(self.tr("Write a reply…"))
        self.reply_edit.setAccessibleName(self.tr("Reply"))
        self.reply_button.setText(self.tr("Send reply"))
        role = self.tr("Reply by %1") if self.is_reply else self.tr("Post by %1")
        self.setAccessibleName(role.replace("%1", author))
        # The body is a focusable reading pane: a screen reader names it by whose words it holds.
        words = self.tr("Words of a reply by %1") if self.is_reply else self.tr("Words of a post by %1")
        self.body.setAccessibleName(words.replace("%1", author))

    def _reveal(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.show_button.setText(self.tr("Hide post") if shown else self.tr("Show post"))

    def reveal(self) -> None:
        self.show_button.setChecked(True)

    def is_hidden_by_warning(self) -> bool:
        return bool(self.post.content_warning) and not self.show_button.isChecked()

    def set_replies(self, cards: list[PostCard]) -> None:
        for card in self.replies:
            self.thread_layout.removeWidget(card)
            card.deleteLater()
        self.replies = cards
        for i, card in enumerate(cards):
            self.thread_layout.insertWidget(i, card)

    def open_thread(self, shown: bool) -> None:
        self.thread_box.setVisible(shown)
        if self.thread_button.isChecked() != shown:
            self.thread_button.blockSignals(True)
            self.thread_button.setChecked(shown)
            self.thread_button.blockSignals(False)

    def _reply_changed(self) -> None:
        text = self.reply_edit.toPlainText()
        self.reply_button.setEnabled(bool(text.strip()))

    def _send_reply(self) -> None:
        text = self.reply_edit.toPlainText().strip()
        if text:
            self.reply_sent.emit(self.post.id, text)
