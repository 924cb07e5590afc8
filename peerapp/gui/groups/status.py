"""The sync status line of the Groups tab: when it last worked, when it retries, progress and Cancel."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ...sync.errors import NOT_REACHED, error_text
from ...sync.models import Group
from ...sync.service import GroupService
from ..common import Retranslatable
from ..widgets import locale_format
from .sync import GroupSync

STATUS_TICK_MS = 20_000  # refreshes "Last synced … ago" and "will retry in …"
LONG_SYNC_MS = 700  # a sync that takes longer than this shows a progress bar with Cancel


class SyncStatusBar(Retranslatable, QWidget):
    """Says how syncing goes in words; the progress bar and Cancel appear only for a long sync."""

    sync_requested = Signal()

    def __init__(self, sync: GroupSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.service: GroupService | None = None
        self.group: Group | None = None
        self.has_groups = False
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.pending_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button, self.sync_button = QPushButton(), QPushButton()
        self.cancel_button.clicked.connect(sync.cancel)
        self.sync_button.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.sync_button)
        self.show_progress(False)
        self.tick = QTimer(self)
        self.tick.setInterval(STATUS_TICK_MS)
        self.tick.timeout.connect(self.update_status)
        self.long_sync = QTimer(self)
        self.long_sync.setSingleShot(True)
        self.long_sync.setInterval(LONG_SYNC_MS)
        self.long_sync.timeout.connect(lambda: self.show_progress(self.sync.is_running()))
        sync.started.connect(self._started)
        sync.finished.connect(lambda _outcome: self._ended())
        sync.state_changed.connect(self.update_status)
        sync.progressed.connect(self._progress)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel sync"))
        self.sync_button.setText(self.tr("Sync &now"))
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.update_status()

    def show_for(self, service: GroupService | None, group: Group | None, has_groups: bool) -> None:
        self.service, self.group, self.has_groups = service, group, has_groups
        if service is not None and has_groups:
            self.tick.start()
        else:
            self.tick.stop()
            self._ended()
        self.update_status()

    def update_status(self) -> None:
        self.status.setText(self.status_text())
        # The reason of the last failure, translated only here, where it is shown.
        code = self.sync.last_error if self.sync.failures else None
        self.status.setToolTip(error_text(code) if code else "")
        pending = self.group.pending if self.group else 0
        self.pending_label.setText(self.tr("%n waiting to send", "", pending) if pending else "")
        self.sync_button.setEnabled(
            self.service is not None and self.has_groups and not self.sync.is_running()
        )

    def status_text(self) -> str:
        if self.service is None or not self.has_groups:
            return ""
        if not self.service.sync_enabled():
            return self.tr("Group sync is paused (Group settings).")
        if self.sync.is_running():
            return self.tr("Syncing…")
        if self.sync.failures:
            minutes = max(1, math.ceil(self.sync.retry_in_seconds() / 60))
            if self.sync.last_error in NOT_REACHED:
                return self.tr("Can't reach the server — will retry in %n minutes", "", minutes)
            return self.tr("Sync did not work — will retry in %n minutes", "", minutes)
        last = self.group.last_sync_at if self.group else None
        try:
            when = datetime.fromisoformat(last) if last else None
        except ValueError:
            when = None
        if when is None:
            return self.tr("Not synced yet.")
        minutes = int((datetime.now(when.tzinfo) - when).total_seconds() // 60)
        if minutes < 1:
            return self.tr("Last synced just now")
        if minutes < 60:
            return self.tr("Last synced %n minutes ago", "", minutes)
        text = locale_format.short_date_time(when)
        return self.tr("Last synced %1").replace("%1", text)

    def show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    def _started(self) -> None:
        self.progress.setRange(0, 0)
        self.long_sync.start()

    def _ended(self) -> None:
        self.long_sync.stop()
        self.show_progress(False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        if total > 0:
            self.progress.setValue(min(done, total))
