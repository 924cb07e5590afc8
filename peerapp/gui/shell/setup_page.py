"""First run: choose a language, create a passphrase, optionally get a recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PeerappError
from ...core.vault import Vault
from .. import theme
from ..common import Retranslatable
from ..jobs import Job, host, plain
from ..widgets.passphrase import NewPassphraseForm
from .language import LanguageManager


class SetupPage(Retranslatable, QWidget):
    """Creates the vault; emits `created(recovery_key_or_empty)` once it is unlocked."""

    created = Signal(str)
    creating = Signal()  # the journal is being made on a worker: the window may get its pages ready

    def __init__(self, vault: Vault, languages: LanguageManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.languages = languages
        self._task: Job | None = None

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.language_label = QLabel()
        self.english = QPushButton()
        self.arabic = QPushButton()
        for button in (self.english, self.arabic):
            button.setCheckable(True)
            button.setAutoExclusive(True)
        self.english.clicked.connect(lambda: self.languages.set_language("en"))
        self.arabic.clicked.connect(lambda: self.languages.set_language("ar"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = NewPassphraseForm()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        theme.mark_warning(self.warning)
        self.recovery = QCheckBox()
        # A check box cannot wrap its text: the explanation is a label that can.
        self.recovery_note = QLabel()
        self.recovery_note.setWordWrap(True)
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)

        languages_row = QHBoxLayout()
        languages_row.addWidget(self.language_label)
        languages_row.addWidget(self.english)
        languages_row.addWidget(self.arabic)
        languages_row.addStretch()

        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addLayout(languages_row)
        column.addSpacing(12)
        column.addWidget(self.intro)
        column.addWidget(self.form)
        column.addWidget(self.warning)
        column.addWidget(self.recovery)
        column.addWidget(self.recovery_note)
        column.addWidget(self.error)
        column.addWidget(self.busy)
        column.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addStretch()
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(560)
        outer = QHBoxLayout(self)
        outer.addStretch()
        outer.addWidget(box)
        outer.addStretch()

        self.form.valid_changed.connect(self.create_button.setEnabled)
        self.form.passphrase.returnPressed.connect(self.form.repeat.setFocus)
        self.form.repeat.returnPressed.connect(self._create)
        self.create_button.clicked.connect(self._create)
        self.languages.language_changed.connect(self._sync_language_buttons)
        self._sync_language_buttons(self.languages.language)
        self.retranslate_ui()
        # Typing on the first screen goes into the passphrase at once.
        self.setFocusProxy(self.form.passphrase)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.form.passphrase.setFocus()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Create your private journal"))
        self.language_label.setText(self.tr("Language:"))
        self.english.setText(self.tr("English"))
        self.arabic.setText(self.tr("العربية"))
        self.intro.setText(
            self.tr(
                "Everything you write stays on this computer, encrypted with a passphrase "
                "that only you know. Choose one you can remember and others cannot guess."
            )
        )
        self.warning.setText(
            self.tr(
                "Important: if you forget your passphrase, nobody can recover your journal, "
                "not even us. There is no reset."
            )
        )
        self.recovery.setText(self.tr("Also create a recovery key"))
        self.recovery_note.setText(self.tr("It is shown once, for you to keep somewhere safe."))
        self.create_button.setText(self.tr("&Create journal"))

    def _sync_language_buttons(self, lang: str) -> None:
        self.english.setChecked(lang == "en")
        self.arabic.setChecked(lang == "ar")

    def _create(self) -> None:
        if not self.form.is_valid() or self._task is not None:
            return
        from ...core.session import create_journal  # here, not at start-up

        passphrase = self.form.passphrase.text()
        want_recovery = self.recovery.isChecked()
        self.error.clear()
        self.busy.show()
        self.create_button.setEnabled(False)
        # Through core.session, so the app and `peerapp init` make the same folder (spare, counter).
        self._task = host().job(
            plain(lambda: create_journal(self.vault, passphrase, with_recovery_key=want_recovery)[1])
        )
        self._task.succeeded.connect(self._on_created)
        self._task.failed.connect(self._on_failed)
        self._task.cancelled.connect(self._on_cancelled)
        self._task.start()
        self.creating.emit()

    def _on_created(self, recovery: object) -> None:
        self._task = None
        self.busy.hide()
        self.form.clear()
        self.created.emit(str(recovery or ""))

    def _on_cancelled(self) -> None:
        """A quick exit while the journal was made: it stays made, but locked (unlock it with the passphrase)."""
        self._task = None
        self.busy.hide()
        self.form.clear()
        if self.vault.is_unlocked:
            self.vault.lock()

    def _on_failed(self, error: object) -> None:
        self._task = None
        self.busy.hide()
        self.create_button.setEnabled(self.form.is_valid())
        self.error.setText(error.user_message() if isinstance(error, PeerappError) else str(error))
