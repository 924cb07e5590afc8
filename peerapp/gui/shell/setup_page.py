"""First run in three steps: the language, a passphrase (and a recovery key if wanted), optional protections."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.disguise import EXIT_CLOSE
from ...core.errors import PeerappError
from ...core.passphrase import MIN_PASSPHRASE
from ...core.vault import Vault
from .. import design
from ..common import Retranslatable
from ..jobs import Job, host, plain
from .language import LanguageManager
from .setup_steps import (
    LanguageStep,
    PassphraseStep,
    PrimaryButton,
    ProtectionsStep,
    step_text,
)

LANGUAGE, PASSPHRASE, PROTECTIONS = range(3)
STEPS = 3
COLUMN_CHARACTERS = 96  # a comfortable reading measure for the steps' sentences on a wide window
COLUMN_LINES = 34  # the column's height in lines of text: the tallest step (the passphrase) with room


class SetupPage(Retranslatable, QWidget):
    """Creates the vault; emits `created(recovery_key_or_empty)` once it is unlocked.

    Nothing is made until "Create my journal" on the last step: Back and Next only move between steps,
    and every field keeps what was typed. That includes the passphrase when going back to the language:
    someone who goes back to switch the language expects to find it there, and it stays in this page's
    memory anyway until the journal is made (then, or on a quick exit, the fields are emptied).
    """

    created = Signal(str)
    creating = Signal()  # the journal is being made on a worker: the window may get its pages ready

    def __init__(self, vault: Vault, languages: LanguageManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.languages = languages
        self._task: Job | None = None
        self._moved = False  # a person moved between steps: showing the page again keeps their step

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.step_label = QLabel()  # the window's text colour: the theme's quiet grey was too faint
        self.step_title = QLabel()
        self.step_title.setFont(design.font("title"))
        self.step_title.setWordWrap(True)

        self.language_step = LanguageStep(languages)
        self.passphrase_step = PassphraseStep()
        self.protections_step = ProtectionsStep(languages.settings)
        # The controls other code and tests reach by name.
        self.english, self.arabic = self.language_step.english, self.language_step.arabic
        self.form, self.recovery = self.passphrase_step.form, self.passphrase_step.recovery
        self.discreet, self.autolock = self.protections_step.discreet, self.protections_step.autolock
        self.steps = QStackedWidget()
        for step in (self.language_step, self.passphrase_step, self.protections_step):
            self.steps.addWidget(step)
        # On a small screen or with large text a step scrolls; the buttons below it stay in view.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.steps)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.back_button, self.next_button, self.create_button = (
            QPushButton(),
            PrimaryButton(),
            PrimaryButton(),
        )
        self.create_button.setEnabled(False)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.create_button.clicked.connect(self._create)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.create_button)

        box = QWidget()
        box.setMaximumWidth(self.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(design.SPACE["s"])
        column.addWidget(self.heading)
        column.addWidget(self.step_label)
        column.addWidget(self.step_title)
        column.addSpacing(design.SPACE["s"])
        column.addWidget(scroll, 1)
        column.addWidget(self.error)
        column.addWidget(self.busy)
        column.addLayout(buttons)
        # On a large window the steps sit in the middle, their buttons close below them.
        box.setMaximumHeight(self.fontMetrics().height() * COLUMN_LINES)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(box, 100)
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(design.SPACE["xl"], design.SPACE["l"], design.SPACE["xl"], design.SPACE["l"])
        outer.addStretch()
        outer.addLayout(row, 100)
        outer.addStretch()

        self.form.valid_changed.connect(self._update_buttons)
        self.languages.language_changed.connect(lambda _lang: self._focus_proxy())
        self._show_step(self._start_step())
        self.retranslate_ui()

    # -- the steps -------------------------------------------------------------------------

    def step(self) -> int:
        return self.steps.currentIndex()

    def _start_step(self) -> int:
        # A language already chosen (on the command line, or for a journal made here before) is not
        # asked again; Back still reaches it. An empty setting means nobody has chosen yet.
        return PASSPHRASE if self.languages.settings.language else LANGUAGE

    def first_field(self) -> QWidget:
        """Where the keyboard goes when a step appears."""
        step = self.step()
        if step == LANGUAGE:
            return self.language_step.first_field()
        return self.form.passphrase if step == PASSPHRASE else self.discreet

    def _focus_proxy(self) -> None:
        self.setFocusProxy(self.first_field())  # typing on this screen goes to the step's first field

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.error.clear()
        self._focus_proxy()
        self._retranslate_step()
        self._update_buttons()
        if self.isVisible():
            self.first_field().setFocus()

    def next(self) -> None:
        """Enter or Next: on to the following step; on the last one, make the journal."""
        if self._task is not None:
            return
        step = self.step()
        if step == PASSPHRASE and not self.form.is_valid():
            self._point_at_problem()
        elif step == PROTECTIONS:
            self._create()
        else:
            self._moved = True
            self._show_step(step + 1)

    def back(self) -> None:
        if self._task is None and self.step() > LANGUAGE:
            self._moved = True
            self._show_step(self.step() - 1)

    def _point_at_problem(self) -> None:
        short = len(self.form.passphrase.text()) < MIN_PASSPHRASE
        (self.form.passphrase if short else self.form.repeat).setFocus()

    def _update_buttons(self, *_args: object) -> None:
        step, idle = self.step(), self._task is None
        self.back_button.setVisible(step > LANGUAGE)
        self.back_button.setEnabled(idle)
        self.next_button.setVisible(step != PROTECTIONS)
        self.next_button.setEnabled(idle and (step != PASSPHRASE or self.form.is_valid()))
        self.create_button.setVisible(step == PROTECTIONS)
        self.create_button.setEnabled(idle and self.form.is_valid())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._moved and self._task is None:
            # Shown again after a wipe the language is unset, and the first question comes back.
            self._show_step(self._start_step())
        self.first_field().setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Enter reaches the page when the focused control does not use it (buttons outside a dialog,
        # check boxes, a closed combo box, a line edit after returnPressed).
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        focused = QApplication.focusWidget()
        if focused is self.back_button:
            self.back()
        elif focused is self.form.passphrase and not self.form.is_valid():
            self.form.repeat.setFocus()  # the second field next, as in any form
        else:
            if focused is self.english or focused is self.arabic:
                focused.click()  # Enter on a language chooses it and goes on
            self.next()
        event.accept()

    # -- texts -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Create your private journal"))
        self.back_button.setText(self.tr("&Back"))
        self.next_button.setText(self.tr("&Next"))
        self.create_button.setText(self.tr("&Create my journal"))
        self._retranslate_step()

    def _retranslate_step(self) -> None:
        step = self.step()
        self.step_label.setText(step_text(self.tr("Step %1 of %2"), step + 1, STEPS))
        titles = (
            self.tr("Choose your language"),
            self.tr("Choose a passphrase"),
            self.tr("Optional protections"),
        )
        self.step_title.setText(titles[step])
        self.steps.setAccessibleName(titles[step])

    # -- making the journal ----------------------------------------------------------------

    def _create(self) -> None:
        if self._task is not None:
            return
        if not self.form.is_valid():
            self._moved = True
            self._show_step(PASSPHRASE)
            self._point_at_problem()
            return
        from ...core.session import create_journal  # here, not at start-up

        passphrase = self.form.passphrase.text()
        want_recovery = self.recovery.isChecked()
        self.error.clear()
        self.busy.show()
        # Through core.session, so the app and `peerapp init` make the same folder (spare, counter).
        self._task = host().job(
            plain(lambda: create_journal(self.vault, passphrase, with_recovery_key=want_recovery)[1])
        )
        self._update_buttons()
        self._task.succeeded.connect(self._on_created)
        self._task.failed.connect(self._on_failed)
        self._task.cancelled.connect(self._on_cancelled)
        self._task.start()
        self.creating.emit()

    def _apply_protections(self) -> None:
        """The chosen protections, once the journal exists: the settings file and the window's look."""
        from .main_window import MainWindow

        settings = self.languages.settings
        settings.autolock_minutes = self.protections_step.autolock_minutes()
        settings.save()
        look = self.protections_step.appearance()
        window = self.window()
        if look == settings.appearance:
            return
        if isinstance(window, MainWindow):
            # The same path as Settings > Discreet mode, so the name and icon change at once.
            window.discreet.choose(look, settings.exit_view or EXIT_CLOSE)
        else:
            settings.appearance = look
            settings.save()

    def _reset(self) -> None:
        self.busy.hide()
        self.form.clear()
        self._moved = False
        self._show_step(self._start_step())

    def _on_created(self, recovery: object) -> None:
        from . import tour
        from .main_window import MainWindow

        self._task = None
        self._apply_protections()
        self._reset()
        self.created.emit(str(recovery or ""))  # the window shows the recovery key, then the journal
        window = self.window()
        if isinstance(window, MainWindow):
            tour.watch(window)  # the short tour follows the first saved entry

    def _on_cancelled(self) -> None:
        """A quick exit while the journal was made: it stays made, but locked (unlock it with the passphrase)."""
        self._task = None
        if self.vault.exists():
            self._apply_protections()  # someone leaving in a hurry asked for these: keep them
        self._reset()
        if self.vault.is_unlocked:
            self.vault.lock()

    def _on_failed(self, error: object) -> None:
        self._task = None
        self.busy.hide()
        self._update_buttons()
        self.error.setText(error.user_message() if isinstance(error, PeerappError) else str(error))
