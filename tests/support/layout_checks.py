"""Checks of a shown window as a person sees it: nothing outside the window, no cut-off text, names for
every focusable control, a title that fits; used by the screen walk and the small-screen tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

# The smallest screen the app is made for (issue 15): every window and dialog must fit in it.
SMALL_SCREEN = (1024, 600)
# Room a window manager's title bar leaves beside the title (icon, buttons), in pixels.
TITLE_BAR_CONTROLS = 110


@dataclass(frozen=True)
class Problem:
    kind: str  # "outside", "clipped", "unnamed", "title", "too big"
    where: str  # the screen or dialog walked
    widget: str  # class, object name and text, enough to find it

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}: {self.widget}"


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    parent = widget.parentWidget()
    owner = type(parent).__name__ if parent is not None else ""
    return f"{type(widget).__name__}#{widget.objectName()} in {owner} {text[:50]!r}"


def _in_scrolled_content(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport: it may lie beyond the visible part, and be scrolled to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def _internal(widget: QWidget) -> bool:
    """A part Qt builds inside a compound control (a spin box's line edit, a combo's list, tab scroll
    buttons): the compound control carries the name and the size."""
    parent = widget.parentWidget()
    return isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar)) or widget.objectName().startswith("qt_")


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says, as Qt derives it (own name, buddy label, button text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def is_clipped(widget: QWidget) -> bool:
    """A one-line label or a button narrower (or lower) than its text needs."""
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text():
            return False
        need = widget.minimumSizeHint()
    elif isinstance(widget, QAbstractButton):
        if not widget.text():
            return False
        need = widget.minimumSizeHint()
    else:
        return False
    return need.width() > widget.width() + 1 or need.height() > widget.height() + 1


def check_window(top: QWidget, where: str, size_limit: tuple[int, int] = SMALL_SCREEN) -> list[Problem]:
    """Every problem a person would meet in `top` as it is on screen now."""
    for _ in range(3):  # retranslation and the layouts it asks for are posted events
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    if not shiboken6.isValid(top):  # closed (and deleted) meanwhile by the walk's own timer
        return []
    problems: list[Problem] = []
    if top.width() > size_limit[0] or top.height() > size_limit[1]:
        # The screen here is bigger than the small one: the window gets the size a 1024×600 screen
        # leaves it (gui/common.fit_to_screen), and it must still work at that size.
        top.resize(min(top.width(), size_limit[0]), min(top.height(), size_limit[1]))
        QApplication.processEvents()
        if top.width() > size_limit[0] or top.height() > size_limit[1]:
            problems.append(Problem("too big", where, f"{top.width()}x{top.height()}"))
    title = top.windowTitle()
    if isinstance(top, QDialog) and title:
        need = QFontMetrics(QApplication.font()).horizontalAdvance(title) + TITLE_BAR_CONTROLS
        if need > top.width():
            problems.append(Problem("title", where, f"{title!r} needs {need}, has {top.width()}"))
    window_rect = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or isinstance(widget, QMenu) or widget.isWindow():
            continue
        if _internal(widget):
            continue
        if not _in_scrolled_content(widget, top):
            place = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
            if not window_rect.adjusted(-1, -1, 1, 1).contains(place):
                problems.append(Problem("outside", where, describe(widget)))
        if is_clipped(widget):
            problems.append(Problem("clipped", where, describe(widget)))
        if widget.focusPolicy() != widget.focusPolicy().NoFocus and not accessible_name(widget):
            problems.append(Problem("unnamed", where, describe(widget)))
    return problems


def cut_in_half(area: QAbstractScrollArea, leaves: list[QWidget]) -> list[str]:
    """The leaves a scroll area, scrolled to its top, shows only part of: the view ends inside them."""
    assert area.verticalScrollBar().value() == 0
    view = area.viewport()
    cut = []
    for leaf in leaves:
        if leaf.isVisibleTo(view):
            top = leaf.mapTo(view, QPoint(0, 0)).y()
            if top < view.height() < top + leaf.height():
                cut.append(describe(leaf))
    return cut


def chips_cut_in_half(chips: Any) -> list[str]:
    """The headings, descriptions and chips an EmotionChips' feelings area cuts in half where it ends,
    and any heading it shows without the group's first chip under it."""
    leaves = [leaf for box in chips.groups.values() for leaf in (box.title, box.description, *box.chips)]
    cut = cut_in_half(chips.area, leaves)
    view = chips.area.viewport()
    for box in chips.groups.values():
        if box.isVisibleTo(view) and box.chips:
            first = box.chips[0]
            heading_shown = box.title.mapTo(view, QPoint(0, 0)).y() < view.height()
            if heading_shown and first.mapTo(view, QPoint(0, 0)).y() + first.height() > view.height():
                cut.append(f"heading alone: {describe(box.title)}")
    return cut
