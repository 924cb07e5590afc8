"""The group feed: top-level posts newest first, a page at a time as you scroll, with threads inline."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from ...core.errors import PeerappError
from ...sync.models import Group, GroupPost
from ...sync.service import GroupService
from ..common import Retranslatable
from ..widgets.ask import ask
from .post import PostCard
from .settings import ReportPostDialog

PAGE_SIZE = 30
MAX_KEPT = 500  # a refresh reloads what was already scrolled through, never more than this


class FeedView(Retranslatable, QScrollArea):
    """Shows one group's feed; every change goes through the GroupService, then the feed refreshes."""

    changed = Signal()  # something was queued for sending (post, reply, reaction, deletion, report)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: GroupService | None = None
        self.group: Group | None = None
        self.posts: list[GroupPost] = []
        self.cards: list[PostCard] = []
        self.more = False
        self.revealed: set[str] = set()  # content warnings opened, kept across refreshes
        self.open_threads: set[str] = set()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.container = QWidget()
        self.list_layout = QVBoxLayout(self.container)
        self.list_layout.setContentsMargins(4, 4, 4, 4)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_layout.addWidget(self.empty)
        self.list_layout.addStretch()
        self.setWidget(self.container)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._check_end())
        self.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self._check_end_later())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Posts, newest first"))
        self.empty.setText(self.tr("No posts yet. Write the first one above."))

    # -- loading -----------------------------------------------------------------------

    def show_group(self, service: GroupService | None, group: Group | None) -> None:
        if group is None or self.group is None or group.id != self.group.id:
            self.revealed.clear()
            self.open_threads.clear()
        self.service, self.group = service, group
        self._load(PAGE_SIZE)
        self.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        """Reload after a sync or an action, keeping the scroll position and what was opened."""
        position = self.verticalScrollBar().value()
        self._load(min(max(PAGE_SIZE, len(self.posts)), MAX_KEPT))
        self.verticalScrollBar().setValue(position)

    def clear(self) -> None:
        """Forget every post (on lock)."""
        self.service = self.group = None
        self.revealed.clear()
        self.open_threads.clear()
        self._load(0)

    def _load(self, limit: int) -> None:
        # A reply being written survives the rebuild (a background sync refreshes the feed).
        drafts = {c.post.id: c.reply_edit.toPlainText() for c in self.cards if c.reply_edit.toPlainText()}
        focused = next((c.post.id for c in self.cards if c.reply_edit.hasFocus()), None)
        self._remove_cards()
        self.posts = []
        self.more = False
        if self.service is not None and self.group is not None and limit:
            page = self.service.feed(self.group.id, limit=limit)
            self.more = len(page) == limit
            self._append(page)
        self.empty.setVisible(not self.cards and self.group is not None)
        for card in self.cards:
            if card.post.id in drafts:
                card.reply_edit.setPlainText(drafts[card.post.id])
                card.reply_edit.moveCursor(QTextCursor.MoveOperation.End)
            if card.post.id == focused:
                card.reply_edit.setFocus()

    def fetch_more(self) -> None:
        if not self.more or self.service is None or self.group is None:
            return
        seqs = [s for s in (p.seq for p in self.posts) if s is not None]
        if not seqs:
            self.more = False
            return
        page = self.service.feed(self.group.id, limit=PAGE_SIZE, before_seq=min(seqs))
        self.more = len(page) == PAGE_SIZE
        known = {p.id for p in self.posts}
        self._append([p for p in page if p.id not in known])

    def _remove_cards(self) -> None:
        for card in self.cards:
            self.list_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []

    def _append(self, posts: list[GroupPost]) -> None:
        for post in posts:
            card = self._card(post, is_reply=False)
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards.append(card)
            if post.id in self.open_threads:
                self._toggle_thread(card, True)
        self.posts.extend(posts)
        self.empty.setVisible(not self.cards)
        self._check_end_later()

    def _card(self, post: GroupPost, *, is_reply: bool) -> PostCard:
        assert self.group is not None
        # Newer groups sign every post; one no member's key signed is shown as unverified, never by name.
        unverified = self.group.version >= 2 and not post.verified and not post.mine
        card = PostCard(post, is_admin=self.group.is_admin, is_reply=is_reply, unverified=unverified)
        if post.id in self.revealed:
            card.reveal()
        card.show_button.toggled.connect(lambda shown, pid=post.id: self._remember_reveal(pid, shown))
        card.me_too_clicked.connect(self.toggle_me_too)
        card.delete_clicked.connect(lambda pid, mine=post.mine: self.delete_post(pid, mine))
        card.report_clicked.connect(self.report_post)
        card.thread_toggled.connect(lambda _pid, on, c=card: self._toggle_thread(c, on))
        card.reply_sent.connect(lambda pid, text, c=card: self.reply(c, pid, text))
        return card

    def _remember_reveal(self, post_id: str, shown: bool) -> None:
        if shown:
            self.revealed.add(post_id)
        else:
            self.revealed.discard(post_id)

    def _check_end_later(self) -> None:
        QTimer.singleShot(0, self._check_end)

    def _check_end(self) -> None:
        if not (self.more and self.cards):
            return
        # The layout's size hint is current even before the scroll bar's range has caught up.
        seen = self.verticalScrollBar().value() + self.viewport().height()
        if self.container.sizeHint().height() - seen < self.viewport().height() // 2:
            self.fetch_more()

    def card(self, post_id: str) -> PostCard | None:
        """The card of a post or reply that is on screen."""
        for card in self.cards:
            if card.post.id == post_id:
                return card
            for reply in card.replies:
                if reply.post.id == post_id:
                    return reply
        return None

    # -- threads -----------------------------------------------------------------------

    def _toggle_thread(self, card: PostCard, shown: bool) -> None:
        if shown:
            self.open_threads.add(card.post.id)
            self._load_thread(card)
        else:
            self.open_threads.discard(card.post.id)
        card.open_thread(shown)

    def _load_thread(self, card: PostCard) -> None:
        assert self.service is not None and self.group is not None
        try:
            posts = self.service.thread(self.group.id, card.post.id)[1:]
        except PeerappError as exc:
            self.failed.emit(exc.user_message())
            return
        card.set_replies([self._card(post, is_reply=True) for post in posts])

    # -- actions -----------------------------------------------------------------------

    def _run(self, action: str, *args: object) -> bool:
        """Call a service method; a refusal is shown, never lost."""
        if self.service is None or self.group is None:
            return False
        try:
            getattr(self.service, action)(self.group.id, *args)
        except PeerappError as exc:
            self.failed.emit(exc.user_message())
            return False
        self.changed.emit()
        return True

    def toggle_me_too(self, post_id: str) -> None:
        if self._run("toggle_me_too", post_id):
            self.refresh()

    def reply(self, card: PostCard, post_id: str, text: str) -> None:
        if self.service is None or self.group is None:
            return
        try:
            self.service.post(self.group.id, text, reply_to=post_id)
        except PeerappError as exc:
            self.failed.emit(exc.user_message())
            return
        self.open_threads.add(post_id)
        card.reply_edit.clear()
        self.changed.emit()
        self.refresh()
        fresh = self.card(post_id)
        if fresh is not None:
            fresh.reply_edit.setFocus()

    def delete_post(self, post_id: str, mine: bool) -> None:
        question = (
            self.tr("Delete your post? It is removed for everyone in the group.")
            if mine
            else self.tr("Delete this post as the group's admin? It is removed for everyone in the group.")
        )
        if ask(
            self, self.tr("Delete post"), question, self.tr("&Delete post"), destructive=True
        ) and self._run("delete_post", post_id):
            self.refresh()

    def report_post(self, post_id: str) -> None:
        dialog = ReportPostDialog(self)
        if dialog.exec() and self._run("report_post", post_id, dialog.text()):
            QMessageBox.information(
                self,
                self.tr("Report post"),
                self.tr("Thank you. Your report will be sent to the group's admin."),
            )
