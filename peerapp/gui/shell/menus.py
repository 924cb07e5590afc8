"""The main window's menu bar: its actions, their texts in the interface language, and which are usable."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from .. import design
from ..common import Page
from ..widgets.pills import PillButton
from . import pages

if TYPE_CHECKING:
    from ..groups.page import GroupsPage
    from ..journal.checkin import CheckInDialog
    from ..journal.page import JournalPage
    from .main_window import MainWindow

QUICK_EXIT_KEYS = "Ctrl+Shift+Q"
# The quick check-in, from any window of the app while the journal is open (K: keep track of a mood).
CHECKIN_KEYS = "Ctrl+Shift+K"
# A new entry (Ctrl+N) from a template.
TEMPLATE_KEYS = "Ctrl+Shift+N"


def _templates(name: str, window: MainWindow) -> None:
    """Run journal/template_picker's `name` (loaded on first use: the lock screen does not need it)."""
    from ..journal import template_picker

    getattr(template_picker, name)(window)


# The menus were always MainWindow's: their texts keep that translation context.
class MainMenus:
    """The menu bar of MainWindow (a mixin: MainWindow owns the slots the actions call).

    Its methods take `self: MainWindow`; mypy wants a mixin's self type to be a supertype, hence the
    ignores on those lines.
    """

    # The open check-in, if any (one at a time: a second press brings it forward).
    checkin_dialog: CheckInDialog | None = None

    def _action(  # type: ignore[misc]
        self: MainWindow,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self: MainWindow) -> None:  # type: ignore[misc]
        bar = self.menuBar()
        self.journal_menu = bar.addMenu("")
        self.checkin_action = self._action(self.check_in, CHECKIN_KEYS)
        # From the editor or a tool window too, not only while the main window has the focus.
        self.checkin_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self._build_toolbar()
        self.new_action = self._action(self._new_entry, QKeySequence.StandardKey.New)
        self.template_action = self._action(partial(_templates, "start_from_template", self), TEMPLATE_KEYS)
        self.manage_templates_action = self._action(partial(_templates, "manage_templates", self))
        self.search_action = self._action(self._focus_search, QKeySequence.StandardKey.Find)
        self.trash_action = self._action(
            lambda: self.journal_page.set_trash_mode(self.trash_action.isChecked()), checkable=True
        )
        self.lock_action = self._action(self.lock, "Ctrl+L")
        self.quick_exit_action = self._action(self.quick_exit, QUICK_EXIT_KEYS)
        # The application-wide QShortcut fires everywhere; this one only shows the keys in the menu.
        self.quick_exit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.export_action = self._action(self.export_journal)
        self.report_action = self._action(self.therapist_report)
        self.import_action = self._action(self.import_journal)
        self.backup_action = self._action(self.backup_now)
        self.restore_action = self._action(self.restore_backup)
        self.auto_backup_action = self._action(self.auto_backups)
        for action in (
            self.checkin_action,
            self.new_action,
            self.template_action,
            self.manage_templates_action,
            self.search_action,
            self.trash_action,
            None,
            self.export_action,
            self.report_action,
            self.import_action,
            self.backup_action,
            self.restore_action,
            self.auto_backup_action,
            None,
            self.lock_action,
            self.quick_exit_action,
            self.quit_action,
        ):
            if action is None:
                self.journal_menu.addSeparator()
            else:
                self.journal_menu.addAction(action)

        # The View and Groups menus list the pages' actions: opening one builds the pages it shows
        # (only before the first unlock; see shell/pages.py). The tools come when their menu opens.
        self.view_menu = bar.addMenu("")
        self.view_actions: dict[Page, QAction] = {}
        self.view_menu.aboutToShow.connect(lambda: self.pages)
        self.groups_menu = bar.addMenu("")
        self.groups_menu.aboutToShow.connect(lambda: self.pages)
        self.tools_menu = bar.addMenu("")
        self.tool_actions: dict[str, QAction] = {}
        self.tools_menu.aboutToShow.connect(self._fill_tools_menu)

        self.settings_menu = bar.addMenu("")
        self.passphrase_action = self._action(self.change_passphrase)
        self.recovery_action = self._action(self.new_recovery_key)
        self.preferences_action = self._action(self.preferences, QKeySequence.StandardKey.Preferences)
        self.language_menu = self.settings_menu.addMenu("")
        group = QActionGroup(self)
        self.english_action = self._action(lambda: self.languages.set_language("en"), checkable=True)
        self.arabic_action = self._action(lambda: self.languages.set_language("ar"), checkable=True)
        for action in (self.english_action, self.arabic_action):
            group.addAction(action)
            self.language_menu.addAction(action)
        for action in (self.passphrase_action, self.recovery_action, self.preferences_action):
            self.settings_menu.addAction(action)
        self.languages.language_changed.connect(self._sync_language_actions)
        self._sync_language_actions(self.languages.language)

        self.help_menu = bar.addMenu("")
        # Reachable from every screen, locked or not: the crisis resources are public information.
        self.help_now_action = self._action(self.show_crisis_help, QKeySequence.StandardKey.HelpContents)
        self.help_now_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcuts_action = self._action(self.show_shortcuts)
        self.about_action = self._action(self.about)
        self.help_menu.addAction(self.help_now_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self: MainWindow) -> None:  # type: ignore[misc]
        """A small toolbar whose one, primary action is the quick check-in; shown only while unlocked (a
        neutral lock screen must not say "check in")."""
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.toolbar.toggleViewAction().setVisible(False)
        margin = design.SPACE["s"]
        self.toolbar.setContentsMargins(margin, 0, margin, 0)
        self.checkin_button = PillButton()
        self.checkin_button.setDefaultAction(self.checkin_action)
        self.checkin_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.checkin_button.setFont(design.font("subtitle"))
        face = design.SPACE["l"] + design.SPACE["xs"]
        self.checkin_button.setIconSize(QSize(face, face))  # the face comes on the first unlock (QtSvg)
        self.toolbar.addWidget(self.checkin_button)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.hide()

    def check_in(self: MainWindow) -> None:  # type: ignore[misc]
        """Open the quick check-in (toolbar, Journal menu, Ctrl+Shift+K)."""
        if not self.vault.is_unlocked or self.repo is None:
            return
        if self.checkin_dialog is not None:
            self.checkin_dialog.raise_()
            self.checkin_dialog.activateWindow()
            return
        from ..journal.checkin import CheckInDialog

        dialog = CheckInDialog(self.repo, self._continue_check_in, self)
        dialog.saved.connect(self._checked_in)
        dialog.finished.connect(lambda _result, d=dialog: self._check_in_closed(d))
        self.checkin_dialog = dialog
        dialog.show()
        design.fade_in(dialog)  # it comes in softly over the window it belongs to (none with reduced motion)
        dialog.faces.buttons[1].setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _continue_check_in(self: MainWindow, draft: dict[str, object]) -> bool:  # type: ignore[misc]
        page = self.journal_page
        if page.editor is not None:
            return False  # one editor at a time: the check-in stays open with its choices
        self.show_tab(page)
        return page.new_entry_from_draft(draft)

    def _checked_in(self: MainWindow, entry_id: int) -> None:  # type: ignore[misc]
        page = self.journal_page
        page.filters.fill()
        page.apply_filter()
        page.select_entry(entry_id)
        # Through the page's own signal: the window refreshes insights, and a first entry starts the tour.
        page.entries_changed.emit()

    def _check_in_closed(self: MainWindow, dialog: CheckInDialog) -> None:  # type: ignore[misc]
        # Deleted now, like the editor: a hidden dialog would keep what was chosen in memory after a lock.
        dialog.deleteLater()
        if self.checkin_dialog is dialog:
            self.checkin_dialog = None
        self.journal_page.check_drafts()  # a check-in closed with its draft kept: the banner says so now

    def _add_page_menus(self: MainWindow, make: pages.PageFactory, page: Page) -> None:  # type: ignore[misc]
        """A page was just built: its View action (the next Ctrl+number) and the menus' links to it."""
        number = len(self.view_actions) + 1
        action = self._action(partial(self.show_tab, cast(QWidget, page)), f"Ctrl+{number}")
        action.setText(page.view_title())
        self.view_actions[page] = action
        self.view_menu.addAction(action)
        if make is pages.journal:
            cast("JournalPage", page).trash_button.toggled.connect(self.trash_action.setChecked)
        if make is pages.groups:
            group_page = cast("GroupsPage", page)
            for group_action in (
                group_page.new_action,
                group_page.join_action,
                group_page.sync_action,
                group_page.settings_action,
            ):
                self.groups_menu.addAction(group_action)

    def _fill_tools_menu(self: MainWindow) -> None:  # type: ignore[misc]
        if self.tool_actions:
            return
        from ..tools import GROUNDING, PMR, THOUGHT_RECORD
        from ..tools.breathing import BOX

        for technique in (BOX, GROUNDING, THOUGHT_RECORD, PMR):
            self.tool_actions[technique] = self._action(partial(self.open_tool, technique))
            self.tools_menu.addAction(self.tool_actions[technique])
        self._retranslate_tools()

    def _retranslate_menus(self: MainWindow) -> None:  # type: ignore[misc]
        self.journal_menu.setTitle(QCoreApplication.translate("MainWindow", "&Journal"))
        self.checkin_action.setText(QCoreApplication.translate("MainWindow", "&Check in"))
        self.checkin_action.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "How are you right now? A mood and feelings in two clicks"
            )
        )
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Toolbar"))
        self.new_action.setText(QCoreApplication.translate("MainWindow", "&New entry"))
        self.template_action.setText(QCoreApplication.translate("MainWindow", "New entry from te&mplate…"))
        self.manage_templates_action.setText(QCoreApplication.translate("MainWindow", "Mana&ge templates…"))
        self.search_action.setText(QCoreApplication.translate("MainWindow", "&Search"))
        self.trash_action.setText(QCoreApplication.translate("MainWindow", "Show &trash"))
        self.lock_action.setText(QCoreApplication.translate("MainWindow", "&Lock"))
        self.quick_exit_action.setText(
            QCoreApplication.translate("MainWindow", "Quick e&xit (hide and lock)")
        )
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.export_action.setText(QCoreApplication.translate("MainWindow", "&Export…"))
        self.report_action.setText(QCoreApplication.translate("MainWindow", "Report for a &therapist…"))
        self.import_action.setText(QCoreApplication.translate("MainWindow", "&Import…"))
        self.backup_action.setText(QCoreApplication.translate("MainWindow", "&Back up now…"))
        self.restore_action.setText(QCoreApplication.translate("MainWindow", "Restore from a bac&kup…"))
        self.auto_backup_action.setText(QCoreApplication.translate("MainWindow", "&Automatic backups…"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.groups_menu.setTitle(QCoreApplication.translate("MainWindow", "&Groups"))
        self.help_now_action.setText(QCoreApplication.translate("MainWindow", "I need &help now"))
        self.tools_menu.setTitle(QCoreApplication.translate("MainWindow", "&Tools"))
        self._retranslate_tools()
        self.settings_menu.setTitle(QCoreApplication.translate("MainWindow", "&Settings"))
        self.passphrase_action.setText(QCoreApplication.translate("MainWindow", "Change &passphrase…"))
        self.recovery_action.setText(QCoreApplication.translate("MainWindow", "New &recovery key…"))
        self.preferences_action.setText(QCoreApplication.translate("MainWindow", "P&references…"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.english_action.setText(QCoreApplication.translate("MainWindow", "English"))
        self.arabic_action.setText(QCoreApplication.translate("MainWindow", "العربية"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.about_action.setText(QCoreApplication.translate("MainWindow", "&About peerapp"))
        self.shortcuts_action.setText(QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"))
        self.quick_exit_shortcut.setWhatsThis(self.quick_exit_action.text())

    def _retranslate_tools(self: MainWindow) -> None:  # type: ignore[misc]
        if not self.tool_actions:
            return  # the Tools menu has not been opened yet
        from ..tools import GROUNDING, PMR, THOUGHT_RECORD
        from ..tools.breathing import BOX

        texts = {
            BOX: QCoreApplication.translate("MainWindow", "&Breathing pacer"),
            GROUNDING: QCoreApplication.translate("MainWindow", "&Grounding 5-4-3-2-1"),
            THOUGHT_RECORD: QCoreApplication.translate("MainWindow", "&Thought record"),
            PMR: QCoreApplication.translate("MainWindow", "&Muscle relaxation"),
        }
        for technique, action in self.tool_actions.items():
            action.setText(texts[technique])

    def _sync_language_actions(self: MainWindow, lang: str) -> None:  # type: ignore[misc]
        self.english_action.setChecked(lang == "en")
        self.arabic_action.setChecked(lang == "ar")

    def _update_actions(self: MainWindow) -> None:  # type: ignore[misc]
        unlocked = self.vault.is_unlocked and self.stack.currentWidget() is self.tabs
        self.toolbar.setVisible(unlocked)
        if unlocked and self.checkin_action.icon().isNull():
            size = self.checkin_button.iconSize().width()
            self.checkin_action.setIcon(QIcon(design.mood_glyph(4, size, ratio=self.devicePixelRatioF())))
        for action in (
            self.checkin_action,
            self.new_action,
            self.template_action,
            self.manage_templates_action,
            self.search_action,
            self.trash_action,
            self.lock_action,
            self.passphrase_action,
            self.recovery_action,
            *self.view_actions.values(),
            self.export_action,
            self.report_action,
            self.import_action,
            self.backup_action,
            self.auto_backup_action,
        ):
            action.setEnabled(unlocked)
