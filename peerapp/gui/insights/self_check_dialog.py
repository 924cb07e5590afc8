"""One self-check (coping, belonging or resilience): its questions, five answers each, then Save.

Every answer is a radio button with the scale's words, reachable with Tab and the arrow keys. Save stays
off until every question has an answer. Under the questions: where they come from (a published scale or our
own reflection questions, labelled), our-translation note outside English, and that it is not a diagnosis.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import self_checks
from ...core.db import Connection
from ...core.errors import PeerappError
from ...core.i18n import translate  # the questions are QT_TRANSLATE_NOOP-marked in core.self_checks
from ...core.journal import local_now
from ...core.self_checks import CONTEXT, SCALE, SelfCheck
from .. import design
from ..widgets import locale_format


class SelfCheckDialog(QDialog):
    """Ask one instrument's questions; `saved` holds the stored check after Save."""

    def __init__(self, conn: Connection, instrument_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.instrument = self_checks.instrument(instrument_id)
        self.saved: SelfCheck | None = None
        self.setWindowTitle(translate(CONTEXT, self.instrument.name))
        self.setObjectName("self-check")

        intro = QLabel(translate(CONTEXT, self.instrument.intro))
        intro.setWordWrap(True)
        intro.setFont(design.font("subtitle"))

        self.groups: list[QButtonGroup] = []
        questions = QWidget()
        grid = QGridLayout(questions)
        grid.setHorizontalSpacing(design.SPACE["s"])
        grid.setVerticalSpacing(design.SPACE["s"])
        row = 0
        for number, item in enumerate(self.instrument.items, start=1):
            text = QLabel(f"{locale_format.number(number)}. {translate(CONTEXT, item)}")
            text.setWordWrap(True)
            grid.addWidget(text, row, 0, 1, len(SCALE))
            group = QButtonGroup(self)
            for value, label in enumerate(SCALE, start=1):
                button = QRadioButton(translate(CONTEXT, label))
                button.setAccessibleName(f"{translate(CONTEXT, item)}: {translate(CONTEXT, label)}")
                group.addButton(button, value)
                grid.addWidget(button, row + 1, value - 1)
            group.idToggled.connect(lambda _id, _on: self._update())
            self.groups.append(group)
            row += 2
            if number < len(self.instrument.items):
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                grid.addWidget(line, row, 0, 1, len(SCALE))
                row += 1
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(questions)
        scroll.setAccessibleName(self.tr("Questions"))
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the first answer
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        notes = [translate(CONTEXT, self.instrument.source)]
        if self.instrument.measurement and not QLocale().name().startswith("en"):
            notes.append(translate(CONTEXT, self_checks.TRANSLATED_NOTE))
        notes.append(translate(CONTEXT, self_checks.NOT_A_DIAGNOSIS))
        self.note = QLabel("\n".join(notes))
        self.note.setWordWrap(True)
        self.note.setProperty("role", "caption")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()

        # Our own buttons: Qt re-words its standard ones in its own translation on a language change.
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(design.SPACE["m"])
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self._update()

    def answers(self) -> list[int]:
        return [group.checkedId() for group in self.groups]

    def _update(self) -> None:
        self.save_button.setEnabled(all(value > 0 for value in self.answers()))

    def _save(self) -> None:
        try:
            self.saved = self_checks.record(self.conn, self.instrument.id, self.answers(), local_now())
        except PeerappError as exc:
            self.error.setText(exc.user_message())
            self.error.show()
            return
        self.accept()
