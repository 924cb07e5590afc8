"""The Journal menu's data in and out: export, report, import, backups and restore, and the automatic
backup on quit. Each dialog's module is imported when its action is first used, not at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ...core.errors import PeerappError
from ...core.tasks import CancelToken, Progress

if TYPE_CHECKING:
    from .main_window import MainWindow


# These were always MainWindow's methods: their texts keep that translation context.
class DataActions:
    """Slots of MainWindow's Journal menu (a mixin; its methods take `self: MainWindow`, hence the
    ignores on those lines, as in menus.py)."""

    def export_journal(self: MainWindow) -> None:  # type: ignore[misc]
        if self.vault.is_unlocked:
            from ..transfer.dialogs import export_dialog

            export_dialog(self, self.vault)

    def therapist_report(self: MainWindow) -> None:  # type: ignore[misc]
        if self.repo is not None:
            from ..insights.report_dialog import ReportDialog

            ReportDialog(self.repo, self).exec()

    def import_journal(self: MainWindow) -> None:  # type: ignore[misc]
        if self.vault.is_unlocked:
            from ..transfer.dialogs import import_dialog

            if import_dialog(self, self.vault) is not None:
                self._journal_replaced()

    def backup_now(self: MainWindow) -> None:  # type: ignore[misc]
        if self.vault.is_unlocked:
            from ..transfer.dialogs import backup_dialog

            backup_dialog(self, self.vault)  # a job on the host, which keeps it alive while it runs

    def restore_backup(self: MainWindow) -> None:  # type: ignore[misc]
        """Restore works locked or unlocked; over an existing journal it asks first and locks."""
        from ..transfer.dialogs import restore_dialog

        if restore_dialog(self, self.vault, lock=self.lock):
            self.stack.setCurrentWidget(self.unlock_page)
            self._update_actions()

    def auto_backups(self: MainWindow) -> None:  # type: ignore[misc]
        if self.vault.is_unlocked:
            from ..transfer.dialogs import BackupSettingsDialog

            BackupSettingsDialog(self.vault, self).exec()

    def _automatic_backup(self: MainWindow) -> None:  # type: ignore[misc]
        """On quit, keep the rotating backups the person asked for (at most one a day)."""
        # The rule (on, a folder, none today) and the rotation live in core.backup; the backup runs
        # on a worker behind a cancellable progress window, and quitting waits for it.
        if not self.vault.is_unlocked:
            return
        from ...core.backup import automatic_backup, due_automatic_backup

        now = self.clock()
        try:
            if due_automatic_backup(self.vault, now) is None:
                return
        except (PeerappError, OSError):
            return
        vault = self.vault

        def work(progress: Progress, cancel: CancelToken) -> object:
            return automatic_backup(vault, now, progress, cancel)

        label = QCoreApplication.translate("MainWindow", "Making your automatic backup…")
        job = self.jobs.run(work, label=label, parent=self)
        self.jobs.run_and_wait(job)
        if job.error is not None and not job.was_cancelled:
            QMessageBox.warning(
                self, QCoreApplication.translate("MainWindow", "Automatic backup"), job.error.user_message()
            )
