"""Checkable emotion chips grouped by pleasantness and energy, with a search field (the chip itself, the
flow layout and the pill shapes are in chip.py, flow_layout.py and pills.py)."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.vocab import (
    EMOTION_GROUPS,
    EMOTIONS,
    emotion_label,
    emotion_matches,
    emotion_names,
    group_description,
    group_title,
)
from .. import design
from ..common import Retranslatable
from .bidi_text import follow_text
from .chip import CHIP_GAP, Chip
from .clean_cut import clean_cut
from .flow_layout import FlowLayout

# Keys that came in with an import and belong to no group: shown in their own row, kept when saved.
OTHER = "other"


class ChipGroup(QWidget):
    """One group's heading, its one-line description and its chips, wrapping."""

    def __init__(self, group: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group_key = group
        self.title = QLabel()
        self.title.setFont(design.font("subtitle"))
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setFont(design.font("caption"))
        self.description.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quiet, still AA
        self.flow_box = QWidget()
        self.flow = FlowLayout(self.flow_box)
        self.chips: list[Chip] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(design.SPACE["xs"])
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.flow_box)
        layout.addStretch()

    def add(self, chip: Chip) -> None:
        self.chips.append(chip)
        self.flow.addWidget(chip)

    def retranslate_ui(self) -> None:
        if self.group_key == OTHER:
            self.title.setText(QCoreApplication.translate("EmotionChips", "Other feelings"))
            self.description.setText(
                QCoreApplication.translate("EmotionChips", "Feelings that came with imported entries.")
            )
        else:
            self.title.setText(group_title(self.group_key))
            self.description.setText(group_description(self.group_key))
        self.flow_box.setAccessibleName(self.title.text())

    def shown_chips(self) -> list[Chip]:
        return [chip for chip in self.chips if not chip.isHidden()]


class EmotionChips(Retranslatable, QWidget):
    """Every emotion as a chip in four groups (unpleasant or pleasant, high or low energy), with a field
    that finds them by typing in English or Arabic. Each group is one Tab stop; arrow keys move inside it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        follow_text(self.search)
        self.search.textChanged.connect(self.apply_search)
        self.search.installEventFilter(self)
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.groups: dict[str, ChipGroup] = {}
        self.chips: dict[str, Chip] = {}
        self.inner = inner = QWidget()
        inner.installEventFilter(self)  # its size or contents changed: where the area ends is found again
        self.limit: int | None = None  # set_area_height's most, in pixels
        self.fit_timer = QTimer(self)
        self.fit_timer.setSingleShot(True)
        self.fit_timer.timeout.connect(self._fit_area)
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, design.SPACE["s"], 0)
        grid.setHorizontalSpacing(design.SPACE["xl"])
        grid.setVerticalSpacing(design.SPACE["l"])
        # Energy up, pleasantness across: the quadrants of the familiar mood map (mirrored in Arabic).
        places = {
            "unpleasant_high": (0, 0),
            "pleasant_high": (0, 1),
            "unpleasant_low": (1, 0),
            "pleasant_low": (1, 1),
        }
        for group, keys in EMOTION_GROUPS.items():
            box = ChipGroup(group)
            self.groups[group] = box
            grid.addWidget(box, *places[group])
            for key in keys:
                self._add_chip(key, group)
        self.other = ChipGroup(OTHER)
        self.groups[OTHER] = self.other
        self.other.hide()
        grid.addWidget(self.other, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        self.area = QScrollArea()
        self.area.setWidget(inner)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(design.SPACE["s"])
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)
        layout.addWidget(self.area, 1)
        self.retranslate_ui()
        self._settle_tab_stops()

    def set_area_height(self, rows: int) -> None:
        """Show about `rows` rows of chips before scrolling (the editor, where the text needs the room),
        ending between rows, never half-way through a chip or a heading; no taller than that."""
        chip = next(iter(self.chips.values())).sizeHint().height()
        self.area.setMinimumHeight(chip + design.SPACE["xs"])  # one row at the least
        self.limit = rows * (chip + CHIP_GAP) + 2 * self.fontMetrics().height()
        self.area.setMaximumHeight(self.limit)
        # No taller than the search and the area: a form's spare height goes to its other rows,
        # not to a gap around the chips.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.fit_timer.start(0)

    def _fit_area(self) -> None:
        """End the area between rows of chips (clean_cut). Side by side, the two groups' descriptions
        take the taller one's height, so their chips' rows line up and there is such a place."""
        for pair in (("unpleasant_high", "pleasant_high"), ("unpleasant_low", "pleasant_low")):
            notes = [self.groups[key].description for key in pair]
            need = max(note.heightForWidth(note.width()) for note in notes)
            for note in notes:
                note.setMinimumHeight(need)
        if self.limit is not None:
            # A group's heading and description go with its first chip: never a heading alone.
            blocks = [[box.title, box.description, *box.chips[:1]] for box in self.groups.values()]
            blocks += [[chip] for box in self.groups.values() for chip in box.chips]
            least = self.area.minimumHeight()
            self.area.setMaximumHeight(clean_cut(self.inner, blocks, least, self.limit, design.SPACE["xs"]))

    def _add_chip(self, key: str, group: str) -> Chip:
        chip = Chip(key, group)
        chip.navigate = self._navigate
        chip.toggled.connect(lambda _on: self.changed.emit())
        self.chips[key] = chip
        self.groups[group].add(chip)
        chip.set_label(emotion_label(key))
        return chip

    # -- texts ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(
            QCoreApplication.translate("EmotionChips", "Find a feeling (English or Arabic)")
        )
        self.search.setAccessibleName(QCoreApplication.translate("EmotionChips", "Find a feeling"))
        self.area.setAccessibleName(QCoreApplication.translate("EmotionChips", "Feelings"))
        for box in self.groups.values():
            box.retranslate_ui()
        for chip in self.chips.values():
            chip.set_label(emotion_label(chip.key))
        self.apply_search()

    # -- choosing ------------------------------------------------------------------

    def checked(self) -> list[str]:
        """The chosen keys: the known ones in the vocabulary's order, then any from imports."""
        known = [key for key in EMOTIONS if key in self.chips and self.chips[key].isChecked()]
        others = [chip.key for chip in self.other.chips if chip.isChecked()]
        return known + others

    def set_checked(self, keys: list[str]) -> None:
        for key in keys:
            if key not in self.chips:  # an emotion an import brought: kept, shown as itself
                self._add_chip(key, OTHER)
                self.other.show()
        for key, chip in self.chips.items():
            chip.setChecked(key in keys)
        self._settle_tab_stops()

    # -- finding -------------------------------------------------------------------

    def apply_search(self, *_args: object) -> None:
        """Show the chips the typed words find; chosen chips stay, so a choice never seems lost."""
        query = self.search.text()
        for chip in self.chips.values():
            chip.setHidden(not (chip.isChecked() or emotion_matches(query, emotion_names(chip.key))))
        any_shown = False
        for box in self.groups.values():
            shown = bool(box.shown_chips())
            box.setVisible(shown and (box is not self.other or bool(box.chips)))
            any_shown = any_shown or shown
        self.no_match.setText(
            QCoreApplication.translate("EmotionChips", "No feeling matches “%1”.").replace(
                "%1", query.strip()
            )
        )
        self.no_match.setVisible(not any_shown)
        self._settle_tab_stops()

    # -- keyboard ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.inner and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit_timer.start(0)  # after the layout has placed the chips
        # Return in the search chooses the first feeling found (and starts a new search) instead of
        # pressing the dialog's default button; with nothing typed it goes on to that button.
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.search.text().strip()
        ):
            found = [c for box in self.groups.values() for c in box.shown_chips() if not c.isChecked()]
            if found:
                found[0].setChecked(True)
                self.search.clear()
            return True
        return super().eventFilter(watched, event)

    def _settle_tab_stops(self, current: Chip | None = None) -> None:
        """One Tab stop per group: the chip last focused there, or its first shown chip."""
        for box in self.groups.values():
            shown = box.shown_chips()
            keep = (
                current
                if current in shown
                else next((c for c in shown if c.focusPolicy() == Qt.FocusPolicy.StrongFocus), None)
            )
            keep = keep or (shown[0] if shown else None)
            for chip in box.chips:
                chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus if chip is keep else Qt.FocusPolicy.ClickFocus)

    def _navigate(self, chip: Chip, step: int) -> None:
        box = self.groups[chip.group_key]
        shown = box.shown_chips()
        if chip not in shown:
            return
        index = max(0, min(len(shown) - 1, shown.index(chip) + step))
        target = shown[index]
        self._settle_tab_stops(target)
        if target is not chip:
            target.setFocus(Qt.FocusReason.TabFocusReason)
