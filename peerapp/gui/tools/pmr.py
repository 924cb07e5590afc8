"""Progressive muscle relaxation: tense one muscle group, release it, notice the difference, move on."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .base import TimedTool

TICK_MS = 100
GROUP_COUNT = 12
SHORT_VERSION = (0, 2, 3, 4, 5)  # hands, shoulders and the face (forehead, eyes and cheeks, jaw)
TENSE, RELEASE = "tense", "release"


@dataclass
class RelaxationState:
    """Which group, which phase, how long in it; `advance(ms)` moves it on without a clock."""

    groups: list[int] = field(default_factory=lambda: list(range(GROUP_COUNT)))
    tense_ms: int = 5_000
    release_ms: int = 30_000
    position: int = 0
    phase: str = TENSE
    phase_ms: int = 0
    finished: bool = False

    @property
    def group(self) -> int:
        return self.groups[min(self.position, len(self.groups) - 1)]

    def phase_length_ms(self) -> int:
        return self.tense_ms if self.phase == TENSE else self.release_ms

    def go_to(self, position: int) -> None:
        self.position = max(0, min(position, len(self.groups) - 1))
        self.phase, self.phase_ms, self.finished = TENSE, 0, False

    def advance(self, ms: int) -> bool:
        """Move on by `ms`; True when the phase or group changed."""
        if self.finished or ms <= 0:
            return False
        changed = False
        self.phase_ms += ms
        while not self.finished and self.phase_ms >= self.phase_length_ms():
            self.phase_ms -= self.phase_length_ms()
            changed = True
            if self.phase == TENSE:
                self.phase = RELEASE
            elif self.position + 1 < len(self.groups):
                self.position += 1
                self.phase = TENSE
            else:
                self.finished = True
                self.phase_ms = 0
        return changed


class RelaxationGuide(TimedTool):
    """Walks through twelve muscle groups (or the short version) with a timer for each phase."""

    state: RelaxationState

    technique = "progressive-muscle-relaxation"
    step_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(TICK_MS, parent)
        self.state = RelaxationState()

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.group_label = QLabel()
        self.group_label.setObjectName("heading")
        self.group_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position_label = QLabel()
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label = QLabel()
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bold = self.phase_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.3)
        self.phase_label.setFont(bold)
        self.instruction = QLabel()
        self.instruction.setWordWrap(True)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = self.countdown.font()
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.countdown.setFont(big)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.toggle)
        self.previous_button = QPushButton()
        self.previous_button.clicked.connect(self.previous_group)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next_group)

        self.tense_spin = QSpinBox()
        self.tense_spin.setRange(3, 10)
        self.tense_spin.setValue(self.state.tense_ms // 1000)
        self.tense_spin.valueChanged.connect(self._timing_edited)
        self.release_spin = QSpinBox()
        self.release_spin.setRange(10, 60)
        self.release_spin.setValue(self.state.release_ms // 1000)
        self.release_spin.valueChanged.connect(self._timing_edited)
        self.short_box = QCheckBox()
        self.short_box.toggled.connect(self.set_short_version)
        self.tense_label = QLabel()
        self.tense_label.setBuddy(self.tense_spin)
        self.release_label = QLabel()
        self.release_label.setBuddy(self.release_spin)
        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tense_label, self.tense_spin)
        form.addRow(self.release_label, self.release_spin)
        form.addRow(self.short_box)

        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.previous_button, self.start_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.progress)
        layout.addWidget(self.position_label)
        layout.addWidget(self.group_label)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.instruction)
        layout.addWidget(self.countdown)
        layout.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.settings_box)
        QWidget.setTabOrder(self.start_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.tense_spin)
        QWidget.setTabOrder(self.tense_spin, self.release_spin)
        QWidget.setTabOrder(self.release_spin, self.short_box)
        self.setFocusProxy(self.start_button)
        self.retranslate_ui()

    # -- texts ---------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Progressive muscle relaxation")

    def group_texts(self) -> list[tuple[str, str]]:
        """(muscle group, how to tense it), in the article's order."""
        return [
            (self.tr("Hands"), self.tr("Make fists.")),
            (
                self.tr("Upper arms"),
                self.tr("Bend your elbows and tighten the muscles at the front of your arms."),
            ),
            (self.tr("Shoulders"), self.tr("Lift your shoulders up towards your ears.")),
            (self.tr("Forehead"), self.tr("Raise your eyebrows.")),
            (self.tr("Eyes and cheeks"), self.tr("Squeeze your eyes shut.")),
            (self.tr("Jaw"), self.tr("Press your teeth together lightly.")),
            (self.tr("Neck"), self.tr("Gently press your head back against the chair or pillow.")),
            (
                self.tr("Chest"),
                self.tr("Take a deep breath in and notice the tightness in your chest for a moment."),
            ),
            (self.tr("Stomach"), self.tr("Pull your stomach muscles in.")),
            (self.tr("Thighs"), self.tr("Press your knees together or tighten the tops of your legs.")),
            (self.tr("Lower legs"), self.tr("Pull your toes up towards you.")),
            (self.tr("Feet"), self.tr("Curl your toes down.")),
        ]

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Tense each muscle group firmly, but never to the point of pain, then let go all at once. "
                "Keep breathing normally. Skip any part that is injured or painful."
            )
        )
        self.tense_label.setText(self.tr("&Tense for (seconds):"))
        self.release_label.setText(self.tr("&Release for (seconds):"))
        self.short_box.setText(self.tr("S&hort version: hands, shoulders and face"))
        self.settings_box.setTitle(self.tr("Settings"))
        self.previous_button.setText(self.tr("Pre&vious group"))
        self.next_button.setText(self.tr("&Next group"))
        self.progress.setAccessibleName(self.tr("Muscle groups done"))
        self.countdown.setAccessibleName(self.tr("Seconds left"))
        self._update_texts()

    def _update_texts(self) -> None:
        state = self.state
        locale = QLocale()
        name, how = self.group_texts()[state.group]
        if self.running:
            self.start_button.setText(self.tr("&Pause"))
        elif state.phase_ms or state.position or state.phase == RELEASE:
            self.start_button.setText(self.tr("Res&ume") if not state.finished else self.tr("&Start again"))
        else:
            self.start_button.setText(self.tr("&Start"))
        self.start_button.setAccessibleName(self.start_button.text().replace("&", ""))
        self.progress.setRange(0, len(state.groups))
        done = len(state.groups) if state.finished else state.position
        self.progress.setValue(done)
        if state.finished:
            self.group_label.setText(self.tr("Well done"))
            self.position_label.setText("")
            self.phase_label.setText("")
            self.instruction.setText(
                self.tr("Stay still for a minute and notice your whole body. Then get up slowly.")
            )
            self.countdown.setText("")
            return
        self.group_label.setText(name)
        self.position_label.setText(
            self.tr("Group %1 of %2")
            .replace("%1", locale.toString(state.position + 1))
            .replace("%2", locale.toString(len(state.groups)))
        )
        if state.phase == TENSE:
            self.phase_label.setText(self.tr("Tense"))
            self.instruction.setText(how)
        else:
            self.phase_label.setText(self.tr("Release"))
            self.instruction.setText(
                self.tr("Let go all at once. Notice how the muscles feel as they loosen.")
            )
        if not self.running and state.phase_ms == 0 and state.phase == TENSE:
            self.countdown.setText("")
        else:
            left = max(1, (state.phase_length_ms() - state.phase_ms + 999) // 1000)
            self.countdown.setText(locale.toString(left))
        self.countdown.setAccessibleDescription(self.phase_label.text())

    # -- settings ------------------------------------------------------------------

    def _timing_edited(self, *_args: object) -> None:
        self.state.tense_ms = self.tense_spin.value() * 1000
        self.state.release_ms = self.release_spin.value() * 1000
        self._update_texts()

    def set_short_version(self, short: bool) -> None:
        current = self.state.group
        self.state.groups = list(SHORT_VERSION) if short else list(range(GROUP_COUNT))
        position = self.state.groups.index(current) if current in self.state.groups else 0
        self.state.go_to(position)
        if self.short_box.isChecked() != short:
            self.short_box.setChecked(short)
        self._update_texts()

    # -- running -------------------------------------------------------------------

    def restart_state(self) -> None:
        self.state.go_to(0)

    def step_done(self) -> None:
        self.step_changed.emit()

    def refresh(self) -> None:
        self._update_texts()

    def next_group(self) -> None:
        if self.state.finished:
            return
        if self.state.position + 1 >= len(self.state.groups):
            self.state.finished = True
            self.stop()
            self.completed.emit()
        else:
            self.state.go_to(self.state.position + 1)
        self.step_changed.emit()
        self._update_texts()

    def previous_group(self) -> None:
        self.state.go_to(self.state.position - (0 if self.state.finished else 1))
        self.step_changed.emit()
        self._update_texts()
