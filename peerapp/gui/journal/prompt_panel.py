"""The editor's quiet "prompt for today" line: shuffle, a theme picker, "use this prompt" and hide."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolButton, QWidget

from ...core import db, prompts
from ...core.db import Connection
from ...core.markdown_render import escape
from ...core.settings import LANGUAGES
from .. import design
from ..common import Retranslatable

# How long a click on hide may wait for a journal an import is writing (the window must not freeze).
REMEMBER_WAIT_MS = 100


def _language() -> str:
    """The interface language's pack (the pseudo-locale and any other reads the English one)."""
    lang = QLocale().name()[:2]
    return lang if lang in LANGUAGES else "en"


class PromptPanel(Retranslatable, QWidget):
    """One line above the entry's text. A prompt in use is saved with the entry; folding the line away
    is remembered in the vault, and `show_button` (placed by the editor) brings it back."""

    changed = Signal()  # the prompt in use was chosen or let go

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.lang = _language()
        self.theme: str | None = None
        self.current: prompts.Prompt | None = None
        self.daily = True  # the shown prompt is today's (not shuffled or picked by theme)
        self.used: str | None = None  # the text saved with the entry
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.shuffle_button = self._tool(self.shuffle)
        # A ▾ in the text says it opens a list: the style's own small arrow overlaps a tool button's text.
        self.theme_button = self._tool(None)
        self.theme_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.theme_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.theme_menu = QMenu(self.theme_button)
        self.theme_button.setMenu(self.theme_menu)
        self.theme_actions = QActionGroup(self)
        self.theme_actions.triggered.connect(self._theme_chosen)
        self.use_button = self._tool(None)
        self.use_button.setCheckable(True)
        self.use_button.toggled.connect(self._use)
        self.hide_button = self._tool(lambda: self.fold(True))
        # The editor lays it out beside its disclosure; until then it is the panel's, never a window.
        self.show_button = self._tool(lambda: self.fold(False))
        self.show_button.setParent(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(design.SPACE["xs"])
        row.addWidget(self.text, 1)
        for button in (self.shuffle_button, self.theme_button, self.use_button, self.hide_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        try:
            self._fill_theme_menu()
            self.current = prompts.prompt_for_today(self.lang, date.today(), recent=self._recent())
            self.available = True
        except prompts.PromptPackDamaged:
            # No prompts to offer (a damaged install): the editor simply has no prompt line.
            self.available = False
        try:
            hidden = prompts.is_hidden(conn)
        except db.DatabaseError:
            hidden = False  # a damaged journal: the editor opens all the same, and says so when saving
        self.fold(hidden, remember=False)
        self.retranslate_ui()

    def _recent(self) -> set[str]:
        """Prompts lately answered; none when the journal cannot be read (the prompt is only a nicety)."""
        try:
            return prompts.recent_ids(self.conn)
        except db.DatabaseError:
            return set()

    def _tool(self, slot: object) -> QToolButton:
        button = QToolButton()
        button.setAutoRaise(True)
        if callable(slot):
            button.clicked.connect(slot)
        return button

    def _fill_theme_menu(self) -> None:
        self.theme_menu.clear()
        for key in (None, *prompts.themes(self.lang)):
            action = QAction(self.theme_menu)
            action.setCheckable(True)
            action.setChecked(key == self.theme)
            action.setData(key or "")
            self.theme_actions.addAction(action)
            self.theme_menu.addAction(action)

    # -- texts ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        lang = _language()
        if lang != self.lang and self.available:
            # The same prompt in the new language; a prompt in use keeps the words it was written to.
            try:
                found = prompts.by_id(lang, self.current.id) if self.current is not None else None
                self.lang = lang
                self.current = found or self.current
                self._fill_theme_menu()
            except prompts.PromptPackDamaged:
                pass  # that language's pack is unreadable: the prompt stays in the language it was in
        for action in self.theme_actions.actions():
            key = str(action.data())
            action.setText(prompts.theme_label(key) if key else self.tr("Any theme"))
        self.shuffle_button.setText(self.tr("Shuffle"))
        self.shuffle_button.setToolTip(self.tr("Show another prompt"))
        self.theme_button.setText(self.tr("Theme") + " ▾")
        self.theme_button.setAccessibleName(self.tr("Choose a theme for the prompt"))
        self.use_button.setText(self.tr("Use this prompt"))
        self.use_button.setToolTip(self.tr("The prompt is saved with the entry"))
        self.hide_button.setText("×")
        self.hide_button.setAccessibleName(self.tr("Hide the prompt"))
        self.hide_button.setToolTip(self.tr("Hide the prompt"))
        self.show_button.setText(self.tr("Prompt for today"))
        self.show_button.setAccessibleName(self.tr("Show the prompt for today"))
        self.setAccessibleName(self.tr("Prompt for today"))
        self._show()

    def _show(self) -> None:
        """The line's text: a muted caption, then the prompt in the normal ink (it is meant to be read)."""
        text = self.used if self.used is not None else (self.current.text if self.current else "")
        if self.used is not None:
            caption = self.tr("Writing about:")
        elif self.daily and self.theme is None:
            caption = self.tr("Prompt for today:")
        else:
            caption = self.tr("Prompt:")
        muted = design.surface("muted", design.is_dark()).name()
        self.text.setText(f"<span style='color:{muted}'>{escape(caption)}</span> {escape(text)}")
        # A screen reader hears the prompt with the buttons that act on it.
        for button in (self.shuffle_button, self.use_button):
            button.setAccessibleDescription(text)
        self.use_button.blockSignals(True)
        self.use_button.setChecked(self.used is not None)
        self.use_button.blockSignals(False)
        # While a prompt is in use it stays put (shuffling would leave the entry claiming another one),
        # so the buttons that change it step aside until it is let go.
        self.shuffle_button.setVisible(self.used is None)
        self.theme_button.setVisible(self.used is None)

    # -- actions -------------------------------------------------------------------

    def shuffle(self) -> None:
        if not self.available or self.used is not None:
            return  # nothing to shuffle from, or a prompt in use (its button is hidden)
        self.current = prompts.shuffle(self.lang, self.current.id if self.current else None, self.theme)
        self.daily = False
        self._show()

    def _theme_chosen(self, action: QAction) -> None:
        self.theme = str(action.data()) or None
        self.current = prompts.prompt_for_today(self.lang, date.today(), self.theme, recent=self._recent())
        self.daily = True
        self._show()

    def _use(self, on: bool) -> None:
        self.used = (self.current.text if self.current else None) if on else None
        self._show()
        self.changed.emit()

    def fold(self, folded: bool, remember: bool = True) -> None:
        """Fold the line away (the small show button stays) or open it; remembered in the vault if asked."""
        if remember:
            try:
                with db.busy_timeout(self.conn, REMEMBER_WAIT_MS):
                    prompts.set_hidden(self.conn, folded)
            except db.DatabaseError:
                pass  # an import holds the journal, or it is damaged: folded now, not remembered
        offered = self.available or self.used is not None
        self.setVisible(offered and not folded)
        self.show_button.setVisible(offered and folded)

    # -- the entry -----------------------------------------------------------------

    def prompt_text(self) -> str | None:
        """The prompt to save with the entry, or None."""
        return self.used

    def set_prompt(self, text: str | None, fold_if_none: bool = False) -> None:
        """Show an entry's (or a draft's) prompt in use; `fold_if_none` folds the line for an entry
        written without one, without changing what is remembered."""
        self.used = text or None
        if self.used is not None:
            self.fold(False, remember=False)  # the entry's own words show, even without a pack
        elif fold_if_none:
            self.fold(True, remember=False)
        self._show()
