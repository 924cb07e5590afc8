"""A breathing pacer: a circle that grows on the in-breath, rests on holds and shrinks on the out-breath."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .base import TimedTool

TICK_MS = 40  # 25 frames a second is smooth enough and cheap
BOX = "box-breathing"
FOUR_SEVEN_EIGHT = "breathing-4-7-8"
CUSTOM = "custom"
# Seconds for: breathe in, hold (full), breathe out, hold (empty). 0 skips a hold.
PRESETS: dict[str, tuple[int, int, int, int]] = {
    BOX: (4, 4, 4, 4),
    FOUR_SEVEN_EIGHT: (4, 7, 8, 0),
}
IN, HOLD_IN, OUT, HOLD_OUT = range(4)


@dataclass
class PacerState:
    """The breathing state machine, free of clocks: `advance(ms)` moves it on."""

    lengths: tuple[int, int, int, int] = PRESETS[BOX]
    session_ms: int = 0  # 0 = until stopped
    phase: int = IN
    phase_ms: int = 0
    elapsed_ms: int = 0
    breaths: int = 0  # complete cycles
    finished: bool = False

    def reset(self) -> None:
        self.phase, self.phase_ms, self.elapsed_ms, self.breaths, self.finished = IN, 0, 0, 0, False

    def phase_length_ms(self, phase: int | None = None) -> int:
        return self.lengths[self.phase if phase is None else phase] * 1000

    def progress(self) -> float:
        """How far through the current phase, 0..1."""
        length = self.phase_length_ms()
        return min(1.0, self.phase_ms / length) if length else 1.0

    def skip_phase(self) -> None:
        """Go to the next phase with a length, counting a breath when a cycle completes."""
        self.phase_ms = 0
        self._next_phase()

    def _next_phase(self) -> None:
        phase = self.phase
        for _ in range(4):
            phase = (phase + 1) % 4
            if phase == IN:
                self.breaths += 1
                if self.session_ms and self.elapsed_ms >= self.session_ms:
                    # Time is up: end after the breath in progress, never halfway through it.
                    self.finished = True
                    self.phase = IN
                    return
            if self.phase_length_ms(phase) > 0:
                break
        self.phase = phase

    def advance(self, ms: int) -> bool:
        """Move on by `ms` milliseconds; True when the phase changed."""
        changed = False
        remaining = ms
        # Step boundary by boundary so a long jump ends a session exactly where a live one would.
        while remaining > 0 and not self.finished:
            step = max(0, min(remaining, self.phase_length_ms() - self.phase_ms))
            self.phase_ms += step
            self.elapsed_ms += step
            remaining -= step
            if self.phase_ms >= self.phase_length_ms():
                self.skip_phase()
                changed = True
        return changed


class BreathCircle(QWidget):
    """The animated guide. Focusable: Space or Enter starts and stops the pacer."""

    toggle_requested = Signal()

    def __init__(self, pacer: BreathingPacer) -> None:
        super().__init__(pacer)
        self.pacer = pacer
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(220, 220)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(300, 300)

    def size_fraction(self) -> float:
        """Circle radius as a fraction of the largest, from the state: grows in, rests, shrinks out."""
        state = self.pacer.state
        if not self.pacer.running and not state.finished and state.elapsed_ms == 0:
            return 0.55
        eased = (1 - math.cos(math.pi * state.progress())) / 2
        return {IN: eased, HOLD_IN: 1.0, OUT: 1.0 - eased, HOLD_OUT: 0.0}[state.phase] * 0.7 + 0.3

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        biggest = min(self.width(), self.height()) / 2 - 6
        palette = self.palette()
        guide = QPen(palette.color(QPalette.ColorRole.Mid), 2, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        painter.drawEllipse(centre, biggest, biggest)
        accent = palette.color(QPalette.ColorRole.Highlight)
        fill = QColor(accent)
        fill.setAlpha(110)
        painter.setPen(QPen(accent, 3))
        painter.setBrush(fill)
        radius = biggest * self.size_fraction()
        painter.drawEllipse(centre, radius, radius)
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        toggles = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() in toggles and not event.isAutoRepeat():
            self.toggle_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class BreathingPacer(TimedTool):
    """Box (4-4-4-4) and 4-7-8 breathing with adjustable phases and an optional session length."""

    state: PacerState

    phase_changed = Signal(int)

    def __init__(self, preset: str = BOX, parent: QWidget | None = None) -> None:
        super().__init__(TICK_MS, parent)
        self.preset = preset if preset in PRESETS else BOX
        self.technique = self.preset
        self.state = PacerState(PRESETS[self.preset])

        self.circle = BreathCircle(self)
        self.circle.toggle_requested.connect(self.toggle)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("heading")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter_label = QLabel()
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.counter_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.counter_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.phase_label, self.status_label):
            label.setWordWrap(True)  # a longer translation takes two lines, not a wider window
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.toggle)

        self.pattern = QComboBox()
        for key in (BOX, FOUR_SEVEN_EIGHT, CUSTOM):
            self.pattern.addItem("", key)
        self.pattern.setCurrentIndex(self.pattern.findData(self.preset))
        self.pattern.currentIndexChanged.connect(self._pattern_chosen)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.spins = [QSpinBox() for _ in range(4)]
        for phase, spin in enumerate(self.spins):
            spin.setRange(1 if phase in (IN, OUT) else 0, 20)
            spin.setValue(self.state.lengths[phase])
            spin.valueChanged.connect(self._lengths_edited)
        self.session = QSpinBox()
        self.session.setRange(0, 60)
        self.session.valueChanged.connect(self._session_edited)
        self.session.valueChanged.connect(lambda _v: self._update_session_unit())
        self.labels = {name: QLabel() for name in ("pattern", "in", "hold_in", "out", "hold_out", "session")}

        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels go above their box
        form.addRow(self.labels["pattern"], self.pattern)
        form.addRow(self.hint)
        for name, spin in zip(("in", "hold_in", "out", "hold_out"), self.spins, strict=True):
            form.addRow(self.labels[name], spin)
            self.labels[name].setBuddy(spin)
        form.addRow(self.labels["session"], self.session)
        self.labels["pattern"].setBuddy(self.pattern)
        self.labels["session"].setBuddy(self.session)

        guide = QVBoxLayout()
        guide.addWidget(self.circle, 1)
        guide.addWidget(self.phase_label)
        guide.addWidget(self.counter_label)
        guide.addWidget(self.status_label)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.start_button)
        buttons.addStretch()
        guide.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(guide, 3)
        layout.addWidget(self.settings_box, 2)
        QWidget.setTabOrder(self.start_button, self.circle)
        QWidget.setTabOrder(self.circle, self.pattern)
        previous: QWidget = self.pattern
        for spin in (*self.spins, self.session):
            QWidget.setTabOrder(previous, spin)
            previous = spin
        self.setFocusProxy(self.start_button)
        self.retranslate_ui()

    # -- texts ---------------------------------------------------------------------

    def title(self) -> str:
        if self.technique == FOUR_SEVEN_EIGHT:
            return self.tr("4-7-8 breathing")
        return self.tr("Box breathing")

    def retranslate_ui(self) -> None:
        self.pattern.setItemText(0, self.tr("Box breathing (4-4-4-4)"))
        self.pattern.setItemText(1, self.tr("4-7-8 breathing"))
        self.pattern.setItemText(2, self.tr("Custom"))
        self.labels["pattern"].setText(self.tr("&Pattern:"))
        self.labels["in"].setText(self.tr("Breathe &in (seconds):"))
        self.labels["hold_in"].setText(self.tr("&Hold after breathing in (seconds):"))
        self.labels["out"].setText(self.tr("Breathe &out (seconds):"))
        self.labels["hold_out"].setText(self.tr("Hold after breathing o&ut (seconds):"))
        self.labels["session"].setText(self.tr("Session &length:"))
        for spin in self.spins[HOLD_IN], self.spins[HOLD_OUT]:
            spin.setSpecialValueText(self.tr("No hold"))
        self.session.setSpecialValueText(self.tr("Until I stop"))
        self._update_session_unit()
        self.settings_box.setTitle(self.tr("Settings"))
        self.circle.setAccessibleName(self.tr("Breathing guide"))
        self.circle.setToolTip(self.tr("Press Space or Enter to start or stop"))
        self.counter_label.setAccessibleName(self.tr("Seconds counted"))
        self._update_hint()
        self._update_texts()

    def _update_hint(self) -> None:
        if self.technique == FOUR_SEVEN_EIGHT:
            self.hint.setText(
                self.tr(
                    "Breathe in quietly through your nose, hold, then breathe out slowly through your mouth. "
                    "Four breaths are enough to start with."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "Breathe in, hold, breathe out, hold: four equal sides of a square. "
                    "If four feels too long, use three for every side."
                )
            )
        safety = self.tr("If you feel light-headed, stop and breathe normally.")
        self.hint.setText(self.hint.text() + " " + safety)

    def phase_name(self) -> str:
        names = {IN: self.tr("Breathe in"), HOLD_IN: self.tr("Hold"), OUT: self.tr("Breathe out")}
        return names.get(self.state.phase, names[HOLD_IN])

    def _update_texts(self) -> None:
        state = self.state
        locale = QLocale()
        self.start_button.setText(self.tr("&Stop") if self.running else self.tr("&Start"))
        self.start_button.setAccessibleName(self.tr("Stop") if self.running else self.tr("Start"))
        if state.finished:
            self.phase_label.setText(self.tr("Well done. Notice how you feel."))
            self.counter_label.setText("")
        elif not self.running and state.elapsed_ms == 0:
            self.phase_label.setText(self.tr("Press Start when you are ready"))
            self.counter_label.setText("")
        else:
            self.phase_label.setText(self.phase_name())
            count = min(state.phase_ms // 1000 + 1, state.lengths[state.phase])
            self.counter_label.setText(locale.toString(count))
        parts = [self.tr("%Ln breaths", "", state.breaths)]
        if state.session_ms and not state.finished:
            left = max(0, (state.session_ms - state.elapsed_ms + 999) // 1000)
            clock = locale.toString(QTime(0, 0).addSecs(left), "m:ss")
            parts.append(self.tr("%1 left").replace("%1", clock))
        self.status_label.setText(self.tr(" · ").join(parts))
        self.circle.setAccessibleDescription(self.phase_label.text())

    # -- settings ------------------------------------------------------------------

    def lengths(self) -> tuple[int, int, int, int]:
        a, b, c, d = (spin.value() for spin in self.spins)
        return (a, b, c, d)

    def set_lengths(self, lengths: tuple[int, int, int, int]) -> None:
        for spin, value in zip(self.spins, lengths, strict=True):
            spin.setValue(value)

    def set_preset(self, preset: str) -> None:
        self.pattern.setCurrentIndex(self.pattern.findData(preset))

    def _pattern_chosen(self, _index: int) -> None:
        key = self.pattern.currentData()
        if key in PRESETS:
            self.technique = str(key)
            for spin, value in zip(self.spins, PRESETS[key], strict=True):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
            self._lengths_edited()
            self._update_hint()

    def _lengths_edited(self, *_args: object) -> None:
        self.state.lengths = self.lengths()
        if self.state.phase_length_ms() == 0 and not self.state.finished:
            self.state.skip_phase()  # the current hold was just switched off
        matching = next((k for k, v in PRESETS.items() if v == self.state.lengths), CUSTOM)
        self.pattern.blockSignals(True)
        self.pattern.setCurrentIndex(self.pattern.findData(matching))
        self.pattern.blockSignals(False)
        if matching in PRESETS:
            # Custom lengths keep the technique they were adjusted from.
            self.technique = matching
            self._update_hint()
            self.title_changed.emit()
        self._update_texts()
        self.circle.update()

    def _update_session_unit(self) -> None:
        # The unit agrees with the number ("1 minute", "٣ دقائق", "١١ دقيقة"); 0 shows "Until I stop".
        self.session.setSuffix(self.tr(" minutes", "unit after a number of minutes", self.session.value()))

    def _session_edited(self, minutes: int) -> None:
        self.state.session_ms = minutes * 60_000
        self._update_texts()

    # -- running -------------------------------------------------------------------

    def restart_state(self) -> None:
        self.state.reset()

    def step_done(self) -> None:
        self.phase_changed.emit(self.state.phase)

    def refresh(self) -> None:
        self._update_texts()
        self.circle.update()

    def reset(self) -> None:
        self.stop()
        self.state.reset()
        self._update_texts()
        self.circle.update()
