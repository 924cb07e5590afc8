""" "I need help now": the bundled crisis articles, readable without unlocking and never touching the vault."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..common import Retranslatable, fit_to_screen

# The lock screen shows the button; the dialog, its browser and the articles come when it is pressed.
if TYPE_CHECKING:
    from ..widgets.safe_browser import SafeBrowser

# Public information bundled with the app, in the order someone in crisis needs it.
CRISIS_ARTICLES = ("crisis-right-now", "crisis-lines")


def ui_language() -> str:
    return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"


class CrisisDialog(Retranslatable, QDialog):
    """Shows the crisis articles in the interface language, one tab each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from ..widgets.safe_browser import SafeBrowser

        super().__init__(parent)
        self.setModal(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.views: dict[str, SafeBrowser] = {}
        for article_id in CRISIS_ARTICLES:
            view = SafeBrowser()
            self.views[article_id] = view
            self.tabs.addTab(view, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 640)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("I need help now"))
        self.intro.setText(
            self.tr(
                "You are not alone. These pages open without your passphrase, and nothing you do "
                "here is saved. Emergency services are not safe for everyone everywhere; the pages "
                "below say more."
            )
        )
        self.tabs.setAccessibleName(self.tr("Crisis information"))
        self.show_articles(ui_language())

    def show_articles(self, lang: str) -> None:
        # Imported when the dialog opens: the lock screen's help button needs neither the library nor
        # the Markdown renderer until it is pressed.
        from ...core import numerals
        from ...core.library import get_article
        from ...core.markdown_render import escape, render

        for index, article_id in enumerate(CRISIS_ARTICLES):
            article = get_article(article_id, lang) or get_article(article_id, "en")
            view = self.views[article_id]
            if article is None:
                self.tabs.setTabText(index, article_id)
                view.setHtml("")
                continue
            direction = "rtl" if article.lang == "ar" else "ltr"
            # An Arabic article's prose numbers follow the interface's digits; its phone numbers and
            # dates, set apart left to right, stay exactly as verified (numerals.localize).
            digits = numerals.current_system() if article.lang == "ar" else None
            title = numerals.localize(article.title) if digits else article.title
            self.tabs.setTabText(index, title)
            view.setAccessibleName(title)
            view.setHtml(
                f"<div dir='{direction}'><h1>{escape(title)}</h1>{render(article.body, digits)}</div>"
            )

    def text(self, article_id: str) -> str:
        """What a reader sees in one tab (for tests and screen readers)."""
        return self.views[article_id].toPlainText()


class HelpNowButton(Retranslatable, QPushButton):
    """The "I need help now" button; opens the crisis dialog over its window."""

    neutral = False  # discreet mode (gui/discreet.py): a plain "Help" on a lock screen anyone may see

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpNow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.dialog: CrisisDialog | None = None
        self.clicked.connect(self.open_dialog)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.neutral:
            self.setText(self.tr("Help"))
            self.setToolTip(self.tr("Help pages; no passphrase needed"))
            return
        self.setText(self.tr("I need help now"))
        self.setToolTip(self.tr("Crisis lines and what to do right now; no passphrase needed"))

    def open_dialog(self) -> CrisisDialog:
        if self.dialog is None:
            self.dialog = CrisisDialog(self.window())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog


def add_help_link(unlock_page: QWidget) -> HelpNowButton:
    """Put an "I need help now" button on the lock screen, below the passphrase controls.

    Falls back to the page's own layout when the expected column is not there.
    """
    button = HelpNowButton(unlock_page)
    anchor = getattr(unlock_page, "mode_button", None)
    box = anchor.parentWidget() if isinstance(anchor, QWidget) else None
    column = box.layout() if box is not None else None
    if isinstance(column, QBoxLayout) and isinstance(anchor, QWidget):
        column.insertWidget(column.indexOf(anchor) + 1, button, 0, Qt.AlignmentFlag.AlignLeading)
        QWidget.setTabOrder(anchor, button)
    else:
        layout = unlock_page.layout()
        if layout is not None:
            layout.addWidget(button)
    # Not left to the layout's queued show: the button must be there from the first frame.
    button.show()
    return button
