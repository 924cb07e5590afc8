"""The library screen: categories, article cards, search as you type, bookmarks, and "I tried this"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.library import (
    CATEGORIES,
    Article,
    BookmarkRepository,
    category_label,
    get_article,
    load_articles,
)
from ...core.library_index import LibraryIndex
from ...core.markdown_render import escape, render
from ...core.reading_time import reading_minutes
from ...core.session import Session
from .. import design
from ..common import Retranslatable
from ..jobs import Job, host, plain
from ..widgets import locale_format
from .cards import CATEGORY_ROLE, CHIP_ROLE, MINUTES_ROLE, ArticleList, category_fill
from .reading_view import ArticleView

ALL = "__all__"
LANGUAGES = ("en", "ar")
BOOKMARKS = "__bookmarks__"
SEARCH_DELAY_MS = 120


class LibraryPage(Retranslatable, QWidget):
    """Reads the bundled articles in the interface language, with a toggle for the other one."""

    tried = Signal(str)  # article id: open the journal with this technique
    open_tool = Signal(str)  # article id that has an interactive tool

    def __init__(self, tool_ids: frozenset[str] = frozenset(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tool_ids = tool_ids
        self.bookmarks: BookmarkRepository | None = None
        self.other_language = False
        self.current: Article | None = None
        self._indexes: dict[str, LibraryIndex] = {}
        self._warmup: Job | None = None
        self._ui_seen = self.ui_language()

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.categories = QListWidget()
        # Short names that wrap rather than scroll sideways in a narrow pane.
        self.categories.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.categories.setWordWrap(True)
        self.categories.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.articles = ArticleList()
        self.reader = ArticleView()
        self.view = self.reader.browser
        self.language_button = QPushButton()
        self.bookmark_button = QPushButton()
        self.bookmark_button.setCheckable(True)
        self.tried_button = QPushButton()
        self.tool_button = self.reader.tool_button  # "Try it now", prominent at the top of the article
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(design.SPACE["s"])
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.categories, 2)
        left_layout.addWidget(self.articles, 5)
        left_layout.addWidget(self.empty_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        buttons = QHBoxLayout()
        buttons.setSpacing(design.SPACE["s"])
        buttons.addWidget(self.language_button)
        buttons.addStretch()
        buttons.addWidget(self.bookmark_button)
        buttons.addWidget(self.tried_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.reader, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_list)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.categories.currentRowChanged.connect(lambda _r: self.refresh_list())
        self.articles.currentRowChanged.connect(self._row_selected)
        self.language_button.clicked.connect(self.toggle_language)
        self.bookmark_button.clicked.connect(self._bookmark_clicked)
        self.tried_button.clicked.connect(self._tried_clicked)
        self.tool_button.clicked.connect(self._tool_clicked)
        self.retranslate_ui()

    # -- language ------------------------------------------------------------------

    @staticmethod
    def ui_language() -> str:
        return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"

    def content_language(self) -> str:
        ui = self.ui_language()
        # "Read in …" chose the other language of the interface it was pressed under; after a
        # live switch (whose LanguageChange may still be queued) the articles follow the new one.
        other = self.other_language and ui == self._ui_seen
        return ("en" if ui == "ar" else "ar") if other else ui

    def toggle_language(self) -> None:
        """Read the same article in the other language; the search is kept (it looks in both languages)."""
        self._follow_interface()
        self.other_language = not self.other_language
        self._update_language_button()
        keep = self.current.id if self.current else None
        self.refresh_list()
        if keep is not None:
            self.select(keep)

    def _follow_interface(self) -> None:
        """After a live switch the articles follow the new interface language.

        "Read in …" was relative to the old one, and would now show the language just left.
        """
        ui = self.ui_language()
        if ui != self._ui_seen:
            self._ui_seen = ui
            self.other_language = False

    def _update_language_button(self) -> None:
        # Named in the language it switches to, so a reader of that language recognises it.
        target = "ar" if self.content_language() == "en" else "en"
        self.language_button.setText(
            self.tr("اقرأ بالعربية") if target == "ar" else self.tr("Read in English")
        )

    def tab_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "Library")

    def view_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "&Library")

    def retranslate_ui(self) -> None:
        self._follow_interface()
        self.search.setPlaceholderText(self.tr("Search the library…"))
        self.search.setAccessibleName(self.tr("Search the library"))
        self.categories.setAccessibleName(self.tr("Categories"))
        self.articles.setAccessibleName(self.tr("Articles"))
        self.view.setAccessibleName(self.tr("Article"))
        self.bookmark_button.setText(self.tr("Bookmark"))
        self.tried_button.setText(self.tr("I tried this…"))
        self.tool_button.setText(self.tr("Try it now"))
        self._update_language_button()
        row = max(self.categories.currentRow(), 0)
        self.categories.blockSignals(True)
        self.categories.clear()
        for key, label in [(ALL, self.tr("All articles")), (BOOKMARKS, self.tr("Bookmarks"))] + [
            (k, category_label(k)) for k in CATEGORIES
        ]:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if key in CATEGORIES:
                item.setIcon(self._dot(key))
            self.categories.addItem(item)
        self.categories.setCurrentRow(row)
        self.categories.blockSignals(False)
        self.refresh_list()

    # -- data ----------------------------------------------------------------------

    def attach(self, session: Session) -> None:
        """On unlock: bookmarks live in the vault; the search index is opened off the GUI thread."""
        self.bookmarks = session.bookmarks
        self.refresh_list()
        self.prepare_search()

    def clear(self) -> None:
        """On lock: bookmarks are private, so forget them; the articles are public."""
        self.bookmarks = None
        if self._warmup is not None:
            self._warmup.wait()
        self.search.clear()
        self.refresh_list()

    def _category(self) -> str:
        item = self.categories.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ALL

    def index(self, lang: str) -> LibraryIndex:
        index = self._indexes.get(lang)
        if index is None:
            index = self._indexes[lang] = LibraryIndex(lang=lang)
        return index

    def prepare_search(self) -> None:
        """Open (or build, the first time) both languages' search indexes off the GUI thread."""
        indexes = [self.index(lang) for lang in LANGUAGES]

        def open_all() -> None:
            for index in indexes:
                index.open()

        # On the job host, so lock waits for it with every other task (public articles only).
        self._warmup = host().run(plain(open_all))

    def _search_ids(self, query: str, lang: str) -> list[str]:
        """Articles matching `query` in either language: the query's own script first.

        A query is typed in one language while the list may show the other (after a live
        switch or "Read in …"); searching only the shown language would find nothing.
        """
        first = query_language(query, lang)
        found: dict[str, None] = {}
        for each in (first, *(other for other in LANGUAGES if other != first)):
            found.update(dict.fromkeys(hit.id for hit in self.index(each).search(query, limit=50)))
        return list(found)

    def refresh_list(self) -> None:
        self._timer.stop()
        lang = self.content_language()
        articles = {a.id: a for a in load_articles(lang)}
        query = self.search.text().strip()
        if query:  # a match found only in the other language is still listed, in that language
            other = "en" if lang == "ar" else "ar"
            articles = {**{a.id: a for a in load_articles(other)}, **articles}
        category = self._category()
        if query:
            chosen = [articles[i] for i in self._search_ids(query, lang) if i in articles]
        else:
            chosen = list(articles.values())
        if category == BOOKMARKS:
            marked = self.bookmarks.all() if self.bookmarks is not None else []
            chosen = [a for a in chosen if a.id in marked]
        elif category != ALL:
            chosen = [a for a in chosen if a.category == category]
        previous = self.current.id if self.current else None
        self.articles.blockSignals(True)
        self.articles.clear()
        for article in chosen:
            title = _own_text(article.title, article.lang)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, article.id)
            item.setData(CATEGORY_ROLE, article.category)
            item.setData(CHIP_ROLE, category_label(article.category))
            minutes = self.minutes_text(article)
            item.setData(MINUTES_ROLE, minutes)
            # The whole card for a screen reader, and the full title where a long one is cut short.
            item.setToolTip(title)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{title}, {category_label(article.category)}, {minutes}"
            )
            self.articles.addItem(item)
        self.articles.blockSignals(False)
        if not chosen:
            if category == BOOKMARKS and not query:
                self.empty_label.setText(self.tr("No bookmarks yet. Open an article and press Bookmark."))
            else:
                self.empty_label.setText(self.tr("Nothing matches. Try fewer or different words."))
            self.empty_label.show()
        else:
            self.empty_label.hide()
        ids = [a.id for a in chosen]
        if previous in ids:
            self.articles.setCurrentRow(ids.index(previous))
        elif chosen:
            self.articles.setCurrentRow(0)
        else:
            self.show_article(None)

    def _row_selected(self, row: int) -> None:
        self._article_selected(self.articles.item(row) if row >= 0 else None)

    def _article_selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.show_article(get_article(str(item.data(Qt.ItemDataRole.UserRole)), self.content_language()))

    def select(self, article_id: str) -> None:
        for row in range(self.articles.count()):
            if self.articles.item(row).data(Qt.ItemDataRole.UserRole) == article_id:
                self.articles.setCurrentRow(row)
                return

    def show_article(self, article: Article | None) -> None:
        self.current = article
        has = article is not None
        self.bookmark_button.setEnabled(has and self.bookmarks is not None)
        self.tried_button.setEnabled(has and self.bookmarks is not None)
        self.tool_button.setVisible(has and article is not None and article.id in self.tool_ids)
        self.reader.header.setVisible(has)
        if article is None:
            self.reader.clear_article()
            return
        self.bookmark_button.blockSignals(True)
        self.bookmark_button.setChecked(self.bookmarks is not None and self.bookmarks.contains(article.id))
        self.bookmark_button.blockSignals(False)
        self.reader.chip.set_category(article.category, category_label(article.category))
        self.reader.minutes.setText(self.minutes_text(article))
        direction = "rtl" if article.lang == "ar" else "ltr"
        align = "right" if article.lang == "ar" else "left"
        sources = "".join(f"<li>{escape(s)}</li>" for s in article.sources)
        sources_heading = self.tr("Sources")
        html = (
            f"<div dir='{direction}' align='{align}'><h1>{escape(_own_text(article.title, article.lang))}</h1>"
            f"{render(article.body, _digits(article.lang))}"
            f"<h2>{escape(sources_heading)}</h2><ul>{sources}</ul></div>"
        )
        self.reader.show_article(html, article.lang, article.title + " " + article.body)

    def minutes_text(self, article: Article) -> str:
        """ "4 min read", from the article's words at its language's reading rate (core.reading_time)."""
        return self.reading_time_text(reading_minutes(article.body, article.lang))

    def reading_time_text(self, minutes: int) -> str:
        # %n: Arabic has six plural forms, and its digits follow the interface's setting.
        return self.tr("%n min read", "", minutes)

    def _dot(self, category: str) -> QIcon:
        """A round swatch of a category's colour beside its name in the list of categories."""
        size = self.categories.fontMetrics().height()
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(size * ratio), round(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(category_fill(category))
        inset = size * 0.2
        painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
        painter.end()
        return QIcon(pixmap)

    def _tried_clicked(self) -> None:
        if self.current is not None:
            self.tried.emit(self.current.id)

    def _tool_clicked(self) -> None:
        if self.current is not None:
            self.open_tool.emit(self.current.id)

    def _bookmark_clicked(self) -> None:
        on = self.bookmark_button.isChecked()
        if self.current is not None and self.bookmarks is not None:
            self.bookmarks.set(self.current.id, on)
            if self._category() == BOOKMARKS:
                self.refresh_list()


def _digits(lang: str) -> str | None:
    """The digits an article's numbers are shown in: an Arabic article's follow the interface's choice."""
    return locale_format.style().digits if lang == "ar" else None


def _own_text(text: str, lang: str) -> str:
    """A bundled title with its numbers in the interface's digits ("تنفس ٤-٧-٨")."""
    return locale_format.text(text) if lang == "ar" else text


def query_language(query: str, default: str) -> str:
    """The language a query is written in, from its first letter; `default` when it has none (digits)."""
    for ch in query:
        if "\u0600" <= ch <= "\u06ff" and ch.isalpha():
            return "ar"
        if ch.isascii() and ch.isalpha():
            return "en"
    return default
