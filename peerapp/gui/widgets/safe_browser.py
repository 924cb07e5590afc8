"""A QTextBrowser for untrusted HTML: fetches nothing, opens links only after asking."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from .ask import ask


class SafeBrowser(QTextBrowser):
    """Shows rendered Markdown; images and other resources are never loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._confirm_open)

    def loadResource(self, type_: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        return None

    def _confirm_open(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https", "mailto"):
            return
        if ask(
            self,
            self.tr("Open link?"),
            self.tr("This opens the link in your web browser, outside peerapp:\n\n%1").replace(
                "%1", url.toDisplayString()
            ),
            self.tr("&Open in browser"),
        ):
            QDesktopServices.openUrl(url)
