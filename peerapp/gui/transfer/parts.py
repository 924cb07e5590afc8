"""Pieces the transfer dialogs share: a path field with Browse, file filters, errors, worker connections."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QWidget

from ...core.errors import OperationCancelled, PeerappError
from ...core.i18n import translate
from ...core.transfer import CONTEXT
from ...core.vault import Vault


def with_connection(vault: Vault, fn: Callable[[Any], Any]) -> Any:
    """Run `fn(conn)` with a connection opened on the calling (worker) thread."""
    conn = vault.connect()
    try:
        return fn(conn)
    finally:
        vault.release(conn)


def show_error(parent: QWidget | None, error: PeerappError) -> None:
    """One warning with the error's translated line; a cancel needs none (the person asked for it)."""
    if isinstance(error, OperationCancelled):
        return
    QMessageBox.warning(
        parent, QCoreApplication.translate("TransferDialogs", "peerapp"), error.user_message()
    )


def file_filters(file_filter: str) -> str:
    """A registry entry's filter (English source, core.transfer.CONTEXT), translated, then "All files"."""
    return (
        translate(CONTEXT, file_filter)
        + ";;"
        + QCoreApplication.translate("TransferDialogs", "All files (*)")
    )


class PathRow(QWidget):
    """A path field with a Browse button."""

    def __init__(self, pick: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.button = QPushButton()
        self._pick = pick
        self.button.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def _browse(self) -> None:
        chosen = self._pick()
        if chosen:
            self.edit.setText(chosen)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None
