"""The thought record form: situation, emotions, thoughts, evidence, a balanced thought, re-rating."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.coping_log import THOUGHT_RECORD, ThoughtRecord, emotion_key, save_thought_record
from ...core.errors import PeerappError
from ...core.journal import JournalRepository
from ...core.vocab import EMOTIONS, emotion_label
from ..common import Retranslatable
from ..widgets.bidi_text import PlainTextEdit
from .base import CopingTool

NOT_RATED = -1


class IntensityInput(QWidget):
    """A 0-100 slider and spin box kept in step; optionally starts "not rated" (-1)."""

    changed = Signal()

    def __init__(self, value: int = 50, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.spin = QSpinBox()
        self.spin.setRange(NOT_RATED if optional else 0, 100)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self.spin.setValue(value)
        self.slider.setValue(max(0, value))
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self._spin_changed)

    def _spin_changed(self, value: int) -> None:
        if value >= 0:
            self.slider.blockSignals(True)
            self.slider.setValue(value)
            self.slider.blockSignals(False)
        self.changed.emit()

    def value(self) -> int | None:
        return None if self.spin.value() == NOT_RATED else self.spin.value()

    def set_value(self, value: int | None) -> None:
        self.spin.setValue(NOT_RATED if value is None else value)

    def set_accessible_names(self, name: str) -> None:
        self.slider.setAccessibleName(name)
        self.spin.setAccessibleName(name)


class EmotionRow(Retranslatable, QWidget):
    """One emotion: a vocabulary word or free text, and how strong it is."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setMinimumContentsLength(12)
        self.intensity = IntensityInput(50)
        self.remove = QToolButton()
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 2)
        layout.addWidget(self.intensity, 3)
        layout.addWidget(self.remove)
        self.name.editTextChanged.connect(self.changed)
        self.intensity.changed.connect(self.changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        current = self.emotion()
        self.name.blockSignals(True)
        self.name.clear()
        for key in sorted(EMOTIONS, key=lambda k: emotion_label(k).casefold()):
            self.name.addItem(emotion_label(key), key)
        self.set_emotion(current)
        self.name.blockSignals(False)
        editor = self.name.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Name the feeling"))
        self.name.setAccessibleName(self.tr("Emotion"))
        self.intensity.set_accessible_names(self.tr("Intensity, 0 to 100"))
        self.remove.setText(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove this emotion"))

    def emotion(self) -> str:
        """A vocabulary key when the text is one of its words, else the text as typed."""
        text = self.name.currentText().strip()
        index = self.name.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.name.itemData(index))
        return emotion_key(text) or text

    def set_emotion(self, name: str) -> None:
        index = self.name.findData(name)
        if index >= 0:
            self.name.setCurrentIndex(index)
        else:
            self.name.setCurrentIndex(-1)
            self.name.setEditText(name)

    def label(self) -> str:
        value = self.emotion()
        return emotion_label(value) if value in EMOTIONS else value


class ThoughtRecordTool(CopingTool):
    """The seven steps of the thought record; Save puts it in the journal as one entry."""

    technique = THOUGHT_RECORD
    saved = Signal(int)

    def __init__(self, repo: JournalRepository | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.distress_before: int | None = None  # set by the dialog when it asked
        self.saved_entry_id: int | None = None
        fields = ("situation", "automatic_thought", "evidence_for", "evidence_against", "balanced_thought")
        self.texts = {name: PlainTextEdit() for name in fields}  # each paragraph in its own direction
        for edit in self.texts.values():
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            edit.setMaximumHeight(140)  # long answers scroll inside; the whole form stays in view
            edit.textChanged.connect(self._update_save)
        self.headings = {name: QLabel() for name in (*self.texts, "emotions", "rerate")}
        self.hints = {name: QLabel() for name in self.headings}
        for name, label in self.headings.items():
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.hints[name].setWordWrap(True)
            if name in self.texts:
                label.setBuddy(self.texts[name])
        self.emotion_rows: list[EmotionRow] = []
        self.emotion_box = QVBoxLayout()
        self.add_emotion_button = QPushButton()
        self.add_emotion_button.clicked.connect(lambda: self.add_emotion().name.setFocus())
        self.rerate_inputs: dict[int, IntensityInput] = {}
        self.rerate_labels: dict[int, QLabel] = {}
        self.rerate_form = QFormLayout()
        self.risk_hint = QLabel()
        self.risk_hint.setWordWrap(True)

        body = QWidget()
        column = QVBoxLayout(body)
        order = (
            "situation",
            "emotions",
            "automatic_thought",
            "evidence_for",
            "evidence_against",
            "balanced_thought",
            "rerate",
        )
        for name in order:
            column.addWidget(self.headings[name])
            column.addWidget(self.hints[name])
            if name == "emotions":
                column.addLayout(self.emotion_box)
                column.addWidget(self.add_emotion_button, 0, Qt.AlignmentFlag.AlignLeading)
            elif name == "rerate":
                column.addLayout(self.rerate_form)
            else:
                column.addWidget(self.texts[name])
            if name == "balanced_thought":
                column.addWidget(self.risk_hint)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.add_emotion()
        self.setFocusProxy(self.texts["situation"])
        self.retranslate_ui()

    # -- texts ---------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Thought record")

    def retranslate_ui(self) -> None:
        heads = {
            "situation": (
                self.tr("1. Si&tuation"),
                self.tr(
                    "Where were you, with whom, and what happened? Only the facts, "
                    "the kind a camera would record."
                ),
            ),
            "emotions": (
                self.tr("2. Emotions"),
                self.tr("Name each feeling and rate how strong it was, from 0 to 100."),
            ),
            "automatic_thought": (
                self.tr("3. &Automatic thoughts"),
                self.tr(
                    "What went through your mind? Write the thoughts as they came, "
                    'then mark the "hot" thought: the one that carries the most '
                    "feeling."
                ),
            ),
            "evidence_for": (
                self.tr("4. Evidence &for"),
                self.tr("What facts support the hot thought? Facts, not guesses about what others think."),
            ),
            "evidence_against": (
                self.tr("5. Evidence a&gainst"),
                self.tr(
                    "What facts do not fit it? What would you say to a friend who "
                    "thought this? Has it been different before? Is a feeling being "
                    "treated as a fact?"
                ),
            ),
            "balanced_thought": (
                self.tr("6. &Balanced thought"),
                self.tr(
                    "A thought that takes both sides into account. It does not have "
                    "to be cheerful, only fair."
                ),
            ),
            "rerate": (
                self.tr("7. Re-rate"),
                self.tr('How strong is each emotion now, from 0 to 100? Leave it at "not rated" to skip.'),
            ),
        }
        for name, (heading, hint) in heads.items():
            self.headings[name].setText(heading)
            self.hints[name].setText(hint)
            if name in self.texts:
                self.texts[name].setAccessibleName(heading.replace("&", ""))
                self.texts[name].setAccessibleDescription(hint)
        self.risk_hint.setText(
            self.tr(
                "If the evidence points to real risk, let the balanced thought become a plan: "
                "what can you do to stay safer?"
            )
        )
        self.add_emotion_button.setText(self.tr("Add an &emotion"))
        self.save_button.setText(self.tr("&Save to journal"))
        self._rebuild_rerate()
        self._update_save()

    # -- emotions ------------------------------------------------------------------

    def add_emotion(self, name: str = "", intensity: int = 50) -> EmotionRow:
        row = EmotionRow()
        row.set_emotion(name)
        row.intensity.set_value(intensity)
        row.changed.connect(self._emotions_changed)
        row.remove_requested.connect(self._remove_emotion)
        self.emotion_rows.append(row)
        self.emotion_box.addWidget(row)
        self._emotions_changed()
        return row

    def _remove_emotion(self, row: QWidget) -> None:
        if isinstance(row, EmotionRow) and row in self.emotion_rows:
            self.emotion_rows.remove(row)
            rating = self.rerate_inputs.pop(id(row), None)
            for widget in (row, rating):
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
            self._emotions_changed()

    def _emotions_changed(self) -> None:
        self._rebuild_rerate()
        self._update_save()

    def _rebuild_rerate(self) -> None:
        """One "now" rating per named emotion; values survive renames and rebuilds."""
        while self.rerate_form.rowCount():
            self.rerate_form.takeRow(0)
        for label in self.rerate_labels.values():
            label.hide()
            label.deleteLater()
        self.rerate_labels = {}
        for row in self.emotion_rows:
            key = id(row)
            if not row.emotion():
                continue
            rating = self.rerate_inputs.get(key)
            if rating is None:
                rating = IntensityInput(NOT_RATED, optional=True)
                rating.changed.connect(self._update_save)
                self.rerate_inputs[key] = rating
            rating.spin.setSpecialValueText(self.tr("not rated"))
            rating.set_accessible_names(self.tr("%1 now, 0 to 100").replace("%1", row.label()))
            label = QLabel(row.label())
            label.setBuddy(rating.spin)
            self.rerate_labels[key] = label
            self.rerate_form.addRow(label, rating)
            rating.show()
        for key, rating in list(self.rerate_inputs.items()):
            if key not in self.rerate_labels:
                rating.hide()

    def rerate_input(self, row: EmotionRow) -> IntensityInput:
        return self.rerate_inputs[id(row)]

    # -- record --------------------------------------------------------------------

    def record(self) -> ThoughtRecord:
        emotions = [(row.emotion(), row.intensity.value() or 0) for row in self.emotion_rows if row.emotion()]
        after: list[tuple[str, int]] = []
        for row in self.emotion_rows:
            rating = self.rerate_inputs.get(id(row))
            value = rating.value() if rating is not None else None
            if row.emotion() and value is not None:
                after.append((row.emotion(), value))
        return ThoughtRecord(
            situation=self.texts["situation"].toPlainText(),
            automatic_thought=self.texts["automatic_thought"].toPlainText(),
            emotions=emotions,
            evidence_for=self.texts["evidence_for"].toPlainText(),
            evidence_against=self.texts["evidence_against"].toPlainText(),
            balanced_thought=self.texts["balanced_thought"].toPlainText(),
            emotions_after=after or None,
        )

    def _has_text(self) -> bool:
        return any(edit.toPlainText().strip() for edit in self.texts.values())

    def has_unsaved_work(self) -> bool:
        return self.saved_entry_id is None and self._has_text()

    def _update_save(self, *_args: object) -> None:
        can_save = self.repo is not None and self._has_text() and self.saved_entry_id is None
        self.save_button.setEnabled(can_save)
        if self.saved_entry_id is not None:
            self.status.setText(self.tr("Saved in your journal."))
        elif self.repo is None:
            self.status.setText(self.tr("Your journal is locked, so this thought record cannot be saved."))
        else:
            self.status.setText("")

    def save(self) -> None:
        if self.repo is None or not self._has_text() or self.saved_entry_id is not None:
            return
        try:
            entry = save_thought_record(
                self.repo, self.record(), distress_before=self.distress_before, title=self.title()
            )
        except PeerappError as exc:
            self.status.setText(exc.user_message())
            return
        assert entry.id is not None
        self.saved_entry_id = entry.id
        self._update_save()
        self.saved.emit(entry.id)
        self.completed.emit()

    def clear(self) -> None:
        for edit in self.texts.values():
            edit.clear()
        for row in list(self.emotion_rows):
            self._remove_emotion(row)
