"""The base of every dialog that runs one short task behind OK: an error line, a busy bar, OK/Cancel.

The task runs on the application's job host (so lock and quick exit cancel it with the rest); the
dialog only says what happened. Subclasses build their own fields, call `finish_layout()`, and start
work with `run(fn)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QProgressBar, QVBoxLayout, QWidget

from ...core.errors import PeerappError
from ..common import Retranslatable
from ..jobs import Job, host, plain


class BusyDialog(Retranslatable, QDialog):
    """OK starts a background task; while it runs the bar moves and OK waits; a failure is one line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Job | None = None
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self, *parts: QWidget | QLayout) -> QVBoxLayout:
        """Lay out `parts` top to bottom, then the error line, the busy bar and the buttons."""
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        return layout

    def retranslate_buttons(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def is_busy(self) -> bool:
        return self._task is not None

    def can_submit(self) -> bool:
        """Whether the fields are filled in well enough for OK (subclasses say)."""
        return True

    def update_ok(self) -> None:
        self.ok.setEnabled(self.can_submit() and self._task is None)

    def submit(self) -> None:  # pragma: no cover - every dialog overrides it
        """OK was pressed on valid fields: start the work with `run()`."""
        raise NotImplementedError

    def run(self, fn: Callable[[], Any]) -> None:
        """Run `fn` on the job host; `succeeded(result)` or `failed(error)` follows on the GUI thread."""
        self.error.clear()
        self.busy.show()
        self._task = host().job(plain(fn))
        self._task.succeeded.connect(self._on_succeeded)
        self._task.failed.connect(self._on_failed)
        self._task.cancelled.connect(self._on_cancelled)
        self.update_ok()
        self._task.start()

    def succeeded(self, _result: object) -> None:
        self.accept()

    def failed(self, error: object) -> None:
        self.error.setText(error.user_message() if isinstance(error, PeerappError) else str(error))

    def _submit(self) -> None:
        if self._task is None and self.can_submit():
            self.submit()

    def _ended(self) -> None:
        self._task = None
        self.busy.hide()

    def _on_succeeded(self, result: object) -> None:
        self._ended()
        self.succeeded(result)

    def _on_failed(self, error: object) -> None:
        self._ended()
        self.failed(error)
        self.update_ok()

    def _on_cancelled(self) -> None:
        # A lock came while the work ran; the lock has closed this dialog already. Work that cannot
        # stop half-way (a key rewrap) either happened or did not.
        self._ended()
