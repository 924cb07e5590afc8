"""5-4-3-2-1 grounding: one sense at a time, a field for each thing noticed, nothing saved."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .base import CopingTool

COUNTS = (5, 4, 3, 2, 1)  # see, feel, hear, smell, taste
TOTAL = sum(COUNTS)


class GroundingTool(CopingTool):
    """Steps through the five senses; Next/Back, a progress bar, Enter moves to the next field."""

    technique = "grounding-5-4-3-2-1"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = 0  # 0-4 the senses, 5 the closing page
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.step_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, TOTAL)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.pages = QStackedWidget()
        self.fields: list[list[QLineEdit]] = []
        for count in COUNTS:
            page = QWidget()
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            row: list[QLineEdit] = []
            for _ in range(count):
                field = QLineEdit()
                field.textChanged.connect(self._update_progress)
                field.returnPressed.connect(lambda f=field: self._field_done(f))
                column.addWidget(field)
                row.append(field)
            column.addStretch()
            self.fields.append(row)
            self.pages.addWidget(page)
        self.closing = QLabel()
        self.closing.setWordWrap(True)
        self.closing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.restart_button = QPushButton()
        self.restart_button.clicked.connect(self.restart)
        closing_page = QWidget()
        closing_column = QVBoxLayout(closing_page)
        closing_column.addStretch()
        closing_column.addWidget(self.closing)
        closing_column.addWidget(self.restart_button, 0, Qt.AlignmentFlag.AlignCenter)
        closing_column.addStretch()
        self.pages.addWidget(closing_page)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next)

        top = QHBoxLayout()
        top.addWidget(self.step_label)
        top.addWidget(self.progress, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch()
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.privacy)
        layout.addLayout(nav)
        self._update_icons()
        self.retranslate_ui()
        self._show_step()

    # -- texts ---------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("5-4-3-2-1 grounding")

    def step_texts(self) -> list[tuple[str, str, str]]:
        """(heading, hint, what one field asks for) per sense, in the article's words."""
        return [
            (
                self.tr("Five things you can see"),
                self.tr(
                    "Look around and name them to yourself: a crack in the wall, the colour of a cup, "
                    "the shape of a window."
                ),
                self.tr("Something you can see"),
            ),
            (
                self.tr("Four things you can feel"),
                self.tr(
                    "Your feet on the floor, the fabric of your sleeve, the weight of your body on "
                    "the chair, the air on your skin."
                ),
                self.tr("Something you can feel"),
            ),
            (
                self.tr("Three things you can hear"),
                self.tr("A car outside, a fan, your own breathing. Distant sounds count too."),
                self.tr("Something you can hear"),
            ),
            (
                self.tr("Two things you can smell"),
                self.tr(
                    "Soap, tea, the air itself. If you cannot smell anything, move somewhere you can, "
                    "or think of two smells you like."
                ),
                self.tr("Something you can smell"),
            ),
            (
                self.tr("One thing you can taste"),
                self.tr("A sip of water, mint, or just the taste in your mouth right now."),
                self.tr("Something you can taste"),
            ),
        ]

    def retranslate_ui(self) -> None:
        self.intro.setText(self.tr("Start with one slow breath. Then, without rushing, notice:"))
        self.closing.setText(self.tr("Finish with another slow breath and notice how you feel."))
        self.restart_button.setText(self.tr("Go &round again"))
        self.privacy.setText(self.tr("What you type here is only for this moment; it is not saved."))
        self.back_button.setText(self.tr("&Back"))
        self.progress.setFormat(self.tr("%v of %m noticed"))
        self.progress.setAccessibleName(self.tr("Things noticed"))
        locale = QLocale()
        for (_heading, _hint, ask), fields in zip(self.step_texts(), self.fields, strict=True):
            for number, field in enumerate(fields, 1):
                field.setPlaceholderText(ask)
                field.setAccessibleName(
                    self.tr("%1, %2 of %3")
                    .replace("%1", ask)
                    .replace("%2", locale.toString(number))
                    .replace("%3", locale.toString(len(fields)))
                )
        self._show_step()

    def _update_icons(self) -> None:
        # SP_ArrowBack/Forward follow the layout direction, so they are fetched again when it flips.
        style = self.style()
        self.back_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._update_icons()
        super().changeEvent(event)

    # -- steps ---------------------------------------------------------------------

    def _show_step(self) -> None:
        locale = QLocale()
        finished = self.step >= len(COUNTS)
        self.pages.setCurrentIndex(self.step)
        if finished:
            self.step_label.setText(self.tr("Done"))
            self.heading.setText(self.tr("Well done"))
            self.hint.setText("")
        else:
            heading, hint, _ask = self.step_texts()[self.step]
            self.step_label.setText(
                self.tr("Step %1 of %2")
                .replace("%1", locale.toString(self.step + 1))
                .replace("%2", locale.toString(len(COUNTS)))
            )
            self.heading.setText(heading)
            self.hint.setText(hint)
        self.pages.setAccessibleName(self.heading.text())
        self.back_button.setEnabled(self.step > 0)
        self.next_button.setVisible(not finished)
        self.next_button.setText(self.tr("&Finish") if self.step == len(COUNTS) - 1 else self.tr("&Next"))
        self._update_progress()

    def _update_progress(self, *_args: object) -> None:
        self.progress.setValue(self.noticed())

    def noticed(self) -> int:
        return sum(1 for row in self.fields for field in row if field.text().strip())

    def focus_first(self) -> None:
        self.focus_step()

    def focus_step(self) -> None:
        if self.step < len(COUNTS):
            row = self.fields[self.step]
            empty = [f for f in row if not f.text().strip()]
            (empty[0] if empty else row[0]).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.restart_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def next(self) -> None:
        if self.step >= len(COUNTS):
            return
        self.step += 1
        self._show_step()
        self.focus_step()
        if self.step == len(COUNTS):
            self.completed.emit()

    def back(self) -> None:
        if self.step == 0:
            return
        self.step -= 1
        self._show_step()
        self.focus_step()

    def restart(self) -> None:
        self.clear()
        self.focus_step()

    def clear(self) -> None:
        for row in self.fields:
            for field in row:
                field.clear()
        self.step = 0
        self._show_step()

    def _field_done(self, field: QLineEdit) -> None:
        """Enter moves to the next field of this step, and from the last one to the next step."""
        if self.step >= len(COUNTS) or field not in self.fields[self.step]:
            return
        row = self.fields[self.step]
        position = row.index(field)
        if position < len(row) - 1:
            row[position + 1].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.next()
