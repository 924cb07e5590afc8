"""Checkable emotion chips grouped by pleasantness and energy, with a search field (the flow layout and
the pill shapes are in flow_layout.py and pills.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
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
from .flow_layout import FlowLayout
from .pills import RING, leading, pill, ring

# Keys that came in with an import and belong to no group: shown in their own row, kept when saved.
OTHER = "other"
# Tokens of this module, made from design's scales (design.py has no chip size of its own).
CHIP_PAD = design.SPACE["m"]  # inside a chip, before and after its text
CHIP_GAP = design.SPACE["s"]  # between chips, both ways
CHIP_MARK = design.SPACE["s"] + design.SPACE["xxs"]  # the dot or tick before the label


class Chip(QCheckBox):
    """One emotion: a pill with a dot in its group's colour; chosen, it fills with that colour and shows a
    tick. A check box underneath, so a screen reader hears a choice and Space toggles it."""

    def __init__(self, key: str, group: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.group_key = group
        # Set by the owner: move the focus by `step` chips from this one (arrow keys, Home, End).
        self.navigate: Callable[[Chip, int], None] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggled.connect(lambda _on: self._name())

    def set_label(self, text: str) -> None:
        self.setText(text)
        self._name()
        self.updateGeometry()

    def _name(self) -> None:
        # Said with the state, since a chip does not look like a check box.
        state = (
            QCoreApplication.translate("EmotionChips", "selected")
            if self.isChecked()
            else QCoreApplication.translate("EmotionChips", "not selected")
        )
        self.setAccessibleName(
            QCoreApplication.translate("EmotionChips", "%1, %2")
            .replace("%1", self.text())
            .replace("%2", state)
        )

    def colour(self) -> QColor:
        dark = design.is_dark()
        if self.group_key in design.EMOTION_GROUP_COLOUR[dark]:
            return QColor(design.EMOTION_GROUP_COLOUR[dark][self.group_key])
        return design.category_colour("practical", dark)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = self.fontMetrics()
        width = CHIP_PAD + CHIP_MARK + design.SPACE["s"] + metrics.horizontalAdvance(self.text()) + CHIP_PAD
        return QSize(width + 2 * RING, metrics.height() + 2 * design.SPACE["s"] + 2 * RING)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        dark = design.is_dark()
        colour = self.colour()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect())
        body = outer.adjusted(RING + 0.5, RING + 0.5, -RING - 0.5, -RING - 0.5)
        checked = self.isChecked()
        if checked:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            ink = QColor(design.MOOD_INK)
        else:
            fill = design.surface("card", dark)
            if self.underMouse() and self.isEnabled():
                fill = design.mood_tint(3, dark)
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(fill)
            ink = design.surface("text", dark)
        painter.drawPath(pill(body))
        mirrored = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        mark_left = body.right() - CHIP_PAD - CHIP_MARK if mirrored else body.left() + CHIP_PAD
        mark = QRectF(mark_left, body.center().y() - CHIP_MARK / 2, CHIP_MARK, CHIP_MARK)
        if checked:
            tick = QPainterPath(QPointF(mark.left(), mark.center().y()))
            tick.lineTo(mark.left() + mark.width() * 0.4, mark.bottom() - 1)
            tick.lineTo(mark.right(), mark.top() + 1)
            painter.setPen(QPen(ink, 2, c=Qt.PenCapStyle.RoundCap, j=Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(mark.adjusted(2, 2, -2, -2))
        text_rect = body.adjusted(CHIP_PAD + CHIP_MARK + design.SPACE["s"], 0, -CHIP_PAD, 0)
        if mirrored:
            text_rect = body.adjusted(CHIP_PAD, 0, -(CHIP_PAD + CHIP_MARK + design.SPACE["s"]), 0)
        painter.setPen(ink)
        painter.setFont(self.font())
        painter.drawText(text_rect, int(leading(self) | Qt.AlignmentFlag.AlignVCenter), self.text())
        if self.hasFocus():
            ring(painter, outer, dark)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        forward = (
            Qt.Key.Key_Left if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else Qt.Key.Key_Right
        )
        backward = Qt.Key.Key_Right if forward == Qt.Key.Key_Left else Qt.Key.Key_Left
        steps = {forward: 1, Qt.Key.Key_Down: 1, backward: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Home: -999}
        steps[Qt.Key.Key_End] = 999
        if (
            key in steps
            and self.navigate is not None
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.navigate(self, steps[key])
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if self.navigate is not None:
            self.navigate(self, 0)  # this chip becomes its group's one Tab stop


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
        inner = QWidget()
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
        """Show about `rows` rows of chips before scrolling (the editor, where the text needs the room)."""
        chip = next(iter(self.chips.values())).sizeHint().height()
        self.area.setMinimumHeight(chip + design.SPACE["xs"])  # one row at the least
        self.area.setMaximumHeight(rows * (chip + CHIP_GAP) + 2 * self.fontMetrics().height())

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
