"""The main window: first run, lock screen and journal, with menus, auto-lock and quick exit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar, cast

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QTabWidget, QWidget

from ... import __version__
from ...core.backup import automatic_backup, due_automatic_backup
from ...core.errors import PeerappError
from ...core.journal import JournalRepository
from ...core.session import Session
from ...core.settings import Settings
from ...core.tasks import CancelToken, Progress
from ...core.vault import Vault
from ..common import Page, Retranslatable
from ..groups.page import GroupsPage
from ..insights.page import InsightsPage
from ..insights.report_dialog import ReportDialog
from ..jobs import JobHost, host
from ..journal.page import JournalPage
from ..library.crisis_dialog import CrisisDialog, add_help_link
from ..library.page import LibraryPage
from ..protection.discreet import DiscreetController
from ..protection.menu import ProtectionMenu
from ..safety.page import SafetyPlanPage
from ..tools import TOOL_IDS, ToolDialog, open_tool
from ..transfer.dialogs import (
    BackupSettingsDialog,
    backup_dialog,
    export_dialog,
    import_dialog,
    restore_dialog,
)
from .damage import IntegrityCheck, advise_key_file_damaged, show_damaged
from .dialogs import ChangePassphraseDialog, PreferencesDialog, RecoveryKeyDialog
from .language import LanguageManager
from .menus import QUICK_EXIT_KEYS, MainMenus
from .setup_page import SetupPage
from .unlock_page import UnlockPage

DOUBLE_ESC_SECONDS = 0.6
_ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


_P = TypeVar("_P")


class MainWindow(Retranslatable, MainMenus, QMainWindow):
    """Owns the vault's lifetime in the GUI: unlocking attaches pages, locking wipes them."""

    locked = Signal()
    quick_exited = Signal()
    # The unit of the auto-lock setting (whole minutes). Tests lower it so the real idle timer runs out
    # in milliseconds; nothing in the app changes it.
    AUTOLOCK_UNIT_MS = 60_000
    # The tabs, in order (Ctrl+1 …), each made from the vault. A new tab is one more line here:
    # attaching, clearing, titles and View actions all loop over the pages made from this list.
    PAGES: tuple[Callable[[Vault], Page], ...] = (
        lambda vault: JournalPage(),
        lambda vault: LibraryPage(tool_ids=TOOL_IDS),
        lambda vault: InsightsPage(),
        lambda vault: SafetyPlanPage(),
        lambda vault: GroupsPage(vault),
    )

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

        self.setup_page = SetupPage(vault, languages)
        self.unlock_page = UnlockPage(vault)
        self.pages: list[Page] = [make(vault) for make in self.PAGES]
        # The menus reach a few pages by name (the Journal menu writes entries, "I tried this"
        # opens the editor); attaching, clearing, tabs and View actions never do.
        self.journal_page = self._page(JournalPage)
        self.library_page = self._page(LibraryPage)
        self.insights_page = self._page(InsightsPage)
        self.safety_plan_page = self._page(SafetyPlanPage)
        self.groups_page = self._page(GroupsPage)
        self.tool_dialogs: list[ToolDialog] = []
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in self.pages:
            self.tabs.addTab(cast(QWidget, page), "")
            changed = getattr(page, "entries_changed", None)
            if changed is not None:
                changed.connect(self._entries_changed)
        self.help_link = add_help_link(self.unlock_page)
        self.stack = QStackedWidget()
        for screen in (self.setup_page, self.unlock_page, self.tabs):
            self.stack.addWidget(screen)
        self.library_page.tried.connect(self._tried_technique)
        self.library_page.open_tool.connect(self.open_tool)
        self.setCentralWidget(self.stack)
        self.setup_page.created.connect(self._on_created)
        self.unlock_page.unlocked.connect(self._on_unlocked)

        self._build_menus()
        self.discreet = DiscreetController(self)  # neutral look, clipboard, the calculator screen
        # Settings > Protection: duress passphrase, wipe now, wipe after wrong passphrases.
        self.protection_menu = ProtectionMenu(self)
        self.settings_menu.addMenu(self.protection_menu)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.quick_exit_shortcut = QShortcut(QKeySequence(QUICK_EXIT_KEYS), self)
        self.quick_exit_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quick_exit_shortcut.activated.connect(self.quick_exit)

        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
        else:
            self.resize(1100, 720)
        self.stack.setCurrentWidget(self.unlock_page if vault.exists() else self.setup_page)
        self.retranslate_ui()
        self._update_actions()

    def _page(self, kind: type[_P]) -> _P:
        return next(page for page in self.pages if isinstance(page, kind))

    def retranslate_ui(self) -> None:
        self.discreet.retranslate_ui()  # the window title: the app's name or a neutral one
        self._retranslate_menus()
        for index, page in enumerate(self.pages):
            self.tabs.setTabText(index, page.tab_title())
            self.view_actions[page].setText(page.view_title())

    # -- unlocking and locking -----------------------------------------------------

    def _on_created(self, recovery_key: str) -> None:
        if recovery_key:
            RecoveryKeyDialog(recovery_key, self).exec()
        if self.vault.is_unlocked:  # a quick exit while the key was shown has locked it
            self._on_unlocked()

    def _on_unlocked(self) -> None:
        # The vault was opened through core.session (UnlockPage / SetupPage); this thread's connection
        # and repositories come from the session, and every page gets the same one.
        self.session = Session(self.vault)
        self.repo = self.session.journal
        for page in self.pages:
            page.attach(self.session)
        self.stack.setCurrentWidget(self.tabs)
        self._update_actions()
        self._restart_idle_timer()
        if self.vault.key_file_damaged:
            QTimer.singleShot(0, lambda: advise_key_file_damaged(self))
        # Damage anywhere in the file, not only in the pages on screen: checked off the GUI thread.
        self.integrity_check = IntegrityCheck(self.vault, self)
        self.integrity_check.damaged.connect(
            lambda good: show_damaged(self, good, lambda _path: self.restore_backup())
        )
        self.integrity_check.start()
        self.journal_page.list.setFocus()

    def lock(self) -> None:
        """Keep any draft, stop every task, drop the decrypted data from the window, forget the key."""
        if not self.vault.is_unlocked:
            # An unlock or a first run may be under way: stopping it undoes what it opened.
            self.jobs.cancel_all()
            if self.stack.currentWidget() is self.setup_page and self.vault.exists():
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
        for page in reversed(self.pages):  # groups first: it stops its sync worker before the key goes
            page.clear()
        self.repo = None
        self.session = None
        self.vault.lock()
        self.idle_timer.stop()
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self._update_actions()
        self.locked.emit()

    def quick_exit(self) -> None:
        """Close every dialog, lock, hide and clear the app's clipboard text at once (Ctrl+Shift+Q, or Esc
        twice, from any screen or dialog); then end the app or show the calculator, as chosen."""
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in _ACTIVITY_EVENTS and self.vault.is_unlocked:
            self._restart_idle_timer()
        if isinstance(event, QKeyEvent) and self.discreet.keys.is_quick_exit(event, DOUBLE_ESC_SECONDS):
            self.quick_exit()
            return True
        return False

    def _entries_changed(self) -> None:
        for page in self.pages:
            changed = getattr(page, "journal_changed", None)
            if changed is not None:
                changed()

    # -- data in and out -------------------------------------------------------------

    def export_journal(self) -> None:
        if self.vault.is_unlocked:
            export_dialog(self, self.vault)

    def therapist_report(self) -> None:
        if self.repo is not None:
            ReportDialog(self.repo, self).exec()

    def import_journal(self) -> None:
        if (
            self.vault.is_unlocked
            and import_dialog(self, self.vault) is not None
            and self.session is not None
        ):
            self.journal_page.attach(self.session)  # the timeline starts again from the newest entry
            self._entries_changed()

    def backup_now(self) -> None:
        if self.vault.is_unlocked:
            backup_dialog(self, self.vault)  # a job on the host, which keeps it alive while it runs

    def restore_backup(self) -> None:
        """Restore works locked or unlocked; over an existing journal it asks first and locks."""
        if restore_dialog(self, self.vault, lock=self.lock):
            self.stack.setCurrentWidget(self.unlock_page)
            self._update_actions()

    def auto_backups(self) -> None:
        if self.vault.is_unlocked:
            BackupSettingsDialog(self.vault, self).exec()

    def _automatic_backup(self) -> None:
        """On quit, keep the rotating backups the person asked for (at most one a day)."""
        # The rule (on, a folder, none today) and the rotation live in core.backup; the backup runs
        # on a worker behind a cancellable progress window, and quitting waits for it.
        if not self.vault.is_unlocked:
            return
        now = self.clock()
        try:
            if due_automatic_backup(self.vault, now) is None:
                return
        except (PeerappError, OSError):
            return
        vault = self.vault

        def work(progress: Progress, cancel: CancelToken) -> object:
            return automatic_backup(vault, now, progress, cancel)

        job = self.jobs.run(work, label=self.tr("Making your automatic backup…"), parent=self)
        self.jobs.run_and_wait(job)
        if job.error is not None and not job.was_cancelled:
            QMessageBox.warning(self, self.tr("Automatic backup"), job.error.user_message())

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

    def _tried_technique(self, article_id: str) -> None:
        self.tabs.setCurrentWidget(self.journal_page)
        self.journal_page.new_entry_with_technique(article_id)

    # -- dialogs -------------------------------------------------------------------

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.vault, self)
        if dialog.exec():
            QMessageBox.information(
                self,
                self.tr("Passphrase changed"),
                self.tr("Your passphrase was changed. Use the new one from now on."),
            )

    def new_recovery_key(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("New recovery key"),
            self.tr("Make a new recovery key? Any recovery key you saved before stops working."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            RecoveryKeyDialog(self.vault.new_recovery_key(), self).exec()

    def preferences(self) -> None:
        if PreferencesDialog(self.settings, self).exec():
            self._restart_idle_timer()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About peerapp"),
            self.tr(
                "peerapp %1\n\nA private mood and coping journal. Everything you write is encrypted "
                "on this computer and never leaves it unless you choose to."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Closing keeps an unfinished entry as a draft inside the vault, then locks.
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.save()
        self._automatic_backup()
        self.lock()
        self.release_event_filter()
        super().closeEvent(event)

    def release_event_filter(self) -> None:
        """Stop watching application-wide input (idle timer, double Esc)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.discreet.release()
