"""The main window: first run, lock screen and journal, with menus, auto-lock and quick exit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QTabWidget, QWidget

from ...core.settings import Settings
from ...core.vault import Vault
from ..common import Page, Retranslatable, fit_to_screen, keep_on_screen
from ..jobs import JobHost, host
from ..library.crisis_dialog import CrisisDialog, add_help_link
from ..protection.discreet import DiscreetController
from ..protection.menu import ProtectionMenu
from . import pages
from .account_dialogs import AccountDialogs
from .data_actions import DataActions
from .language import LanguageManager
from .menus import QUICK_EXIT_KEYS, MainMenus
from .pages import NamedPages, PageFactory
from .tray import Reminders
from .unlock_page import UnlockPage

# Only what the lock screen shows is imported with this module: the pages, their menus' dialogs and the
# data in and out come when first used (tests/gui/test_startup_imports.py).
if TYPE_CHECKING:
    from ...core.journal import JournalRepository
    from ...core.session import Session
    from ..insights.page import InsightsPage
    from ..journal.page import JournalPage
    from ..library.page import LibraryPage
    from ..tools import ToolDialog
    from .damage import IntegrityCheck
    from .setup_page import SetupPage

DOUBLE_ESC_SECONDS = 0.6
_ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class MainWindow(Retranslatable, NamedPages, MainMenus, DataActions, AccountDialogs, QMainWindow):
    """Owns the vault's lifetime in the GUI: unlocking attaches pages, locking wipes them."""

    locked = Signal()
    quick_exited = Signal()
    # The unit of the auto-lock setting (whole minutes). Tests lower it so the real idle timer runs out
    # in milliseconds; nothing in the app changes it.
    AUTOLOCK_UNIT_MS = 60_000
    # The tabs, in order (Ctrl+1 …), each made from the vault. A new tab is one more factory in
    # shell/pages.py's list: attaching, clearing, titles and View actions all loop over the pages made
    # from it. Each factory imports its page when called, so the lock screen loads none of them.
    PAGES: tuple[PageFactory, ...] = pages.PAGES

    def __init__(
        self, vault: Vault, settings: Settings, languages: LanguageManager, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.settings = settings
        self.languages = languages
        self.repo: JournalRepository | None = None
        self.session: Session | None = None
        self.integrity_check: IntegrityCheck | None = None
        # Every background task of the app runs on this host; lock and quick exit stop them all.
        self.jobs: JobHost = host()
        # The clock the once-a-day automatic backup reads; tests move it on by a day instead of waiting.
        self.clock: Callable[[], datetime] = datetime.now

        self._setup_page: SetupPage | None = None  # made when first shown: see setup_page
        self.unlock_page = UnlockPage(vault)
        self.tool_dialogs: list[ToolDialog] = []
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.help_link = add_help_link(self.unlock_page)
        self.stack = QStackedWidget()
        for screen in (self.unlock_page, self.tabs):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)
        self.unlock_page.unlocked.connect(self._on_unlocked)
        self.unlock_page.secret.textEdited.connect(lambda _text: self._prepare_first_page())
        self.unlock_page.checking.connect(self._prepare_first_page)

        self._build_menus()
        # Built on first use (a named page, the View or Groups menu, unlocking): see shell/pages.py.
        self._builder = pages.PageBuilder(self.PAGES, vault, self._page_built, self)
        self.discreet = DiscreetController(self)  # neutral look, clipboard, the calculator screen
        # Settings > Protection: duress passphrase, wipe now, wipe after wrong passphrases.
        self.protection_menu = ProtectionMenu(self)
        self.settings_menu.addMenu(self.protection_menu)
        # Check-in reminders: scheduled while locked too, shown in the tray or the window (shell/tray.py).
        self.reminders = Reminders(self)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        # The application-wide input watch (idle timer, double Esc, Ctrl+Shift+Q in any window) starts
        # with the window's first paint: see paintEvent and _watch_input.
        self.watching_input = False
        self._input_watch_released = False
        self.quick_exit_shortcut = QShortcut(QKeySequence(QUICK_EXIT_KEYS), self)
        self.quick_exit_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quick_exit_shortcut.activated.connect(self.quick_exit)

        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
            keep_on_screen(self)  # saved on a bigger screen: in Arabic the first tab would be cut off
        else:
            fit_to_screen(self, 1100, 720)
        self.stack.setCurrentWidget(self.unlock_page if vault.exists() else self.setup_page)
        self.retranslate_ui()
        self._update_actions()

    # -- the first-run screen and the pages, built on first use ------------------------------

    @property
    def setup_page(self) -> SetupPage:
        """The first-run screen, made when first needed (most starts show the lock screen)."""
        if self._setup_page is None:
            from .setup_page import SetupPage

            page = SetupPage(self.vault, self.languages)
            page.created.connect(self._on_created)
            page.creating.connect(self._prepare_first_page)
            self.stack.insertWidget(0, page)
            self._setup_page = page
        return self._setup_page

    def _prepare_first_page(self) -> None:
        # Someone is typing a passphrase (or it is being checked, or the journal made, on a worker):
        # meanwhile the first tab and what its first screen loads are made ready, a step at a time, so
        # the timeline shows as soon as the journal opens.
        self._builder.prepare(pages.FIRST_SCREEN)

    def _page_built(self, make: PageFactory, page: Page) -> None:
        self.tabs.addTab(cast(QWidget, page), page.tab_title())
        changed = getattr(page, "entries_changed", None)
        if changed is not None:
            changed.connect(self._entries_changed)
        self._add_page_menus(make, page)
        if make is pages.journal:  # "From a template…" beside New entry: the Journal menu's item
            cast("JournalPage", page).template_wanted.connect(self.template_action.trigger)
        if make is pages.library:
            library = cast("LibraryPage", page)
            library.tried.connect(self._tried_technique)
            library.open_tool.connect(self.open_tool)
        if make is pages.insights:  # the empty state's one action: the quick check-in
            insights = cast("InsightsPage", page)
            insights.write_requested.connect(self.check_in)
            insights.article_requested.connect(self._open_article)
            insights.safety_plan_requested.connect(lambda: self.show_tab(self.safety_plan_page))
            insights.entry_requested.connect(self._open_entry)
        self._show_journal([page])  # built while unlocked (after the first tab): its data at once
        self._update_actions()

    def retranslate_ui(self) -> None:
        self.discreet.retranslate_ui()  # the window title: the app's name or a neutral one
        self.reminders.retranslate_ui()
        self._retranslate_menus()
        self.tabs.setAccessibleName(self.tr("Pages"))
        for index, page in enumerate(self._builder.pages):
            self.tabs.setTabText(index, page.tab_title())
            self.view_actions[page].setText(page.view_title())

    # -- unlocking and locking -----------------------------------------------------

    def _on_created(self, recovery_key: str) -> None:
        if recovery_key:
            from .dialogs import RecoveryKeyDialog

            RecoveryKeyDialog(recovery_key, self).exec()
        if self.vault.is_unlocked:  # a quick exit while the key was shown has locked it
            self._on_unlocked()

    def _on_unlocked(self) -> None:
        from ...core.session import Session
        from . import damage

        # The vault was opened through core.session (UnlockPage / SetupPage); this thread's connection
        # and repositories come from the session, and every page gets the same one.
        self._builder.first()  # built before the session, so it is attached once, below
        self.session = Session(self.vault)
        self.repo = self.session.journal
        self._show_journal(self._builder.pages)
        self.stack.setCurrentWidget(self.tabs)
        self._update_actions()
        self._restart_idle_timer()
        if self.vault.key_file_damaged:
            QTimer.singleShot(0, lambda: damage.advise_key_file_damaged(self))
        # Damage anywhere in the file, not only in the pages on screen: checked off the GUI thread.
        self.integrity_check = damage.IntegrityCheck(self.vault, self)
        self.integrity_check.damaged.connect(
            lambda good: damage.show_damaged(self, good, lambda _path: self.restore_backup())
        )
        self.integrity_check.start()
        self.journal_page.list.setFocus()
        self._builder.later()  # the other tabs, one at a time, once the timeline is on screen
        from . import tour

        tour.watch(self)  # the short tour after this journal's first saved entry, once per journal

    def _show_journal(self, built: list[Page]) -> None:
        """Attach pages to the open journal: every built page on unlock, and each page built after."""
        if self.session is not None:
            for page in built:
                page.attach(self.session)

    def lock(self) -> None:
        """Keep any draft, stop every task, drop the decrypted data from the window, forget the key."""
        if not self.vault.is_unlocked:
            # An unlock or a first run may be under way: stopping it undoes what it opened.
            self.jobs.cancel_all()
            on_first_run = self._setup_page is not None and self.stack.currentWidget() is self._setup_page
            if on_first_run and self.vault.exists():
                self.stack.setCurrentWidget(self.unlock_page)
            return
        # Every dialog, file chooser and progress window goes, as on quick exit: an export or a report
        # left open would otherwise show the journal (or keep writing it) after the lock.
        self.discreet.close_other_windows()
        for tool in self.tool_dialogs:
            tool.close_for_lock()
        self.tool_dialogs.clear()
        # Then every task stops (export, import, backup, the page check…) and its outcome is handled
        # before the key goes; their dialogs are closed already, so none of them shows anything.
        self.jobs.cancel_all()
        self.integrity_check = None
        self._builder.stop()  # the tabs not built yet wait for the next unlock
        # Groups first: it stops its sync worker before the key goes.
        for page in reversed(self._builder.pages):
            page.clear()
        self.repo = None
        self.session = None
        self.vault.lock()
        self.idle_timer.stop()
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self._update_actions()
        from ..widgets.announce import announce

        announce(self, self.tr("Journal locked"))
        self.locked.emit()

    def quick_exit(self) -> None:
        """Close every dialog, lock, hide and clear the app's clipboard text at once (Ctrl+Shift+Q, or Esc
        twice unless a screen reader runs, from any screen or dialog); then end the app or show the
        calculator, as chosen."""
        self.reminders.forget()  # no tray icon beside the calculator, no check-in waiting for an unlock
        self.discreet.close_other_windows()
        self.hide()  # first: locking waits for running tasks to stop (an unlock under way, up to a second)
        self.lock()
        self.discreet.clipboard.clear_app_text()
        if not self.discreet.show_exit_view():
            self.quick_exited.emit()

    def _restart_idle_timer(self) -> None:
        minutes = self.settings.autolock_minutes
        if minutes > 0 and self.vault.is_unlocked:
            self.idle_timer.start(minutes * self.AUTOLOCK_UNIT_MS)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.watching_input:
            # Right after the first paint, before any key pressed on the shown window is handled.
            QTimer.singleShot(0, self._watch_input)

    def _watch_input(self) -> None:
        """Watch every event of the application from now on (once; never after release_event_filter).

        Not from the constructor: a Python event filter on the application makes PySide wrap every
        event of the first show for Python, and the first object of a class it has no binding for
        (a line edit's private helper) makes it create every class of QtCore, QtGui and QtWidgets with
        their enums, some 40 ms of the start-up. The window is on screen before that happens; a key can
        only reach it once it is there.
        """
        app = QApplication.instance()
        if self.watching_input or self._input_watch_released or app is None:
            return
        app.installEventFilter(self)
        self.watching_input = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in _ACTIVITY_EVENTS and self.vault.is_unlocked:
            self._restart_idle_timer()
        if not isinstance(event, QKeyEvent):
            return False
        from .shortcuts_dialog import screen_reader_mode

        # With a screen reader, Esc closes a dialog and then a menu in quick succession: only
        # Ctrl+Shift+Q quick-exits then (a window of -1 s never matches a second Esc).
        double_esc = -1.0 if screen_reader_mode() else DOUBLE_ESC_SECONDS
        if self.discreet.keys.is_quick_exit(event, double_esc):
            self.quick_exit()
            return True
        return False

    def _entries_changed(self) -> None:
        self.reminders.journal_changed()  # an entry dated today: no reminder today
        for page in self._builder.pages:
            changed = getattr(page, "journal_changed", None)
            if changed is not None:
                changed()

    def _journal_replaced(self) -> None:
        """After an import: the timeline starts again from the newest entry, and every page hears of it."""
        if self.session is not None:
            self.journal_page.attach(self.session)
            self._entries_changed()

    def show_crisis_help(self) -> None:
        """The bundled crisis resources; never needs (or touches) the vault."""
        dialog = CrisisDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _focus_search(self) -> None:
        if self.tabs.currentWidget() is self.library_page:
            self.library_page.search.setFocus()
            self.library_page.search.selectAll()
        else:
            self.journal_page.focus_search()

    def _new_entry(self) -> None:
        self.show_tab(self.journal_page)
        self.journal_page.new_entry()

    def show_tab(self, page: QWidget) -> None:
        if self.stack.currentWidget() is self.tabs:
            self.tabs.setCurrentWidget(page)

    def open_tool(self, technique: str) -> None:
        """Open an interactive tool; it logs to the journal only while the journal is unlocked."""
        from ..tools import open_tool

        repo = self.repo if self.vault.is_unlocked else None
        dialog = open_tool(technique, repo, self)
        if dialog is None:
            return
        self.tool_dialogs.append(dialog)
        dialog.logged.connect(self._tool_logged)
        dialog.finished.connect(lambda _result, d=dialog: self._forget_tool(d))

    def _tool_logged(self, _entry_id: int) -> None:
        self.journal_page.apply_filter()
        self._entries_changed()

    def _forget_tool(self, dialog: ToolDialog) -> None:
        if dialog in self.tool_dialogs:
            self.tool_dialogs.remove(dialog)

    def _open_entry(self, entry_id: int) -> None:
        """Show one entry in the journal: selected if its page of the timeline is loaded, else read alone
        (an entry from years ago is far down the paged timeline)."""
        page = self.journal_page
        self.show_tab(page)
        page.select_entry(entry_id)
        shown = page.selected_entry()
        if (shown is None or shown.id != entry_id) and self.repo is not None:
            page.list.clearSelection()
            page.view.show_entry(self.repo.get(entry_id))

    def _open_article(self, article_id: str) -> None:
        library = self.library_page
        library.select(article_id)
        self.show_tab(library)

    def _tried_technique(self, article_id: str) -> None:
        self.tabs.setCurrentWidget(self.journal_page)
        self.journal_page.new_entry_with_technique(article_id)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Closing keeps an unfinished entry as a draft inside the vault, then locks.
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.save()
        self._automatic_backup()
        self.lock()
        self.release_event_filter()
        super().closeEvent(event)

    def release_event_filter(self) -> None:
        """Stop watching application-wide input (idle timer, double Esc), for good."""
        self._input_watch_released = True
        self.watching_input = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.discreet.release()
