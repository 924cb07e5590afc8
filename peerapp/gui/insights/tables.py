"""The insights tables: what goes with better and worse days, and what helps, each in its box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.insights import Association, TechniqueStats
from ...core.library import techniques
from ...core.vocab import emotion_label
from .chart_box import Card
from .charts import format_number

NO_VALUE = "—"  # a symbol, the same in every language


def technique_titles() -> dict[str, str]:
    """Technique names in the UI language, by key."""
    return techniques("ar" if QLocale().language() == QLocale.Language.Arabic else "en")


class _NumberItem(QTableWidgetItem):
    """A cell that shows localised text but sorts by its number."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if isinstance(mine, (int, float)) and isinstance(theirs, (int, float)):
            return mine < theirs
        return super().__lt__(other)


def _number_item(text: str, value: float) -> QTableWidgetItem:
    item = _NumberItem(text)
    item.setData(Qt.ItemDataRole.UserRole, value)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


class _InsightsTable(QTableWidget):
    """A read-only table of rows the core computed, sortable by any column once the user asks.

    The insights page calls `retranslate_ui()` from its own; the texts keep their "InsightsPage"
    context, and with it their translations.
    """

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(0, columns, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(220)
        # No sort column until the user picks one: rows keep the order the core chose.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)

    def _set_rows(self, rows: list[list[QTableWidgetItem]]) -> None:
        self.setSortingEnabled(False)
        # Empty first: replacing items one by one in a table whose columns fit their contents measured
        # every column again for each item (about a second on the GUI thread for 90 rows).
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, item in enumerate(cells):
                self.setItem(r, c, item)
        self.setSortingEnabled(True)


class AssociationTable(_InsightsTable):
    """Mean mood on days with and without each tag or emotion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(6, parent)

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("InsightsPage", "Item"),
                QCoreApplication.translate("InsightsPage", "Kind"),
                QCoreApplication.translate("InsightsPage", "Mean mood with"),
                QCoreApplication.translate("InsightsPage", "Mean mood without"),
                QCoreApplication.translate("InsightsPage", "Days with"),
                QCoreApplication.translate("InsightsPage", "Days without"),
            ]
        )
        self.setAccessibleName(
            QCoreApplication.translate("InsightsPage", "What goes with better and worse days")
        )

    def show_rows(self, rows: list[Association]) -> None:
        locale = QLocale()
        cells = []
        for a in rows:
            with_it = self.tr("Mean mood %1 on %Ln days with it", "", a.days_with).replace(
                "%1", format_number(a.mean_with, 2)
            )
            without = self.tr("Mean mood %1 on %Ln days without it", "", a.days_without).replace(
                "%1", format_number(a.mean_without, 2)
            )
            name = a.item if a.kind == "tag" else emotion_label(a.item)
            kind = (
                QCoreApplication.translate("InsightsPage", "Tag")
                if a.kind == "tag"
                else QCoreApplication.translate("InsightsPage", "Emotion")
            )
            row = [
                QTableWidgetItem(name),
                QTableWidgetItem(kind),
                _number_item(format_number(a.mean_with, 2), a.mean_with),
                _number_item(format_number(a.mean_without, 2), a.mean_without),
                _number_item(locale.toString(a.days_with), a.days_with),
                _number_item(locale.toString(a.days_without), a.days_without),
            ]
            for column, item in enumerate(row):
                item.setToolTip(without if column in (3, 5) else with_it)
            cells.append(row)
        self._set_rows(cells)


class HelpsTable(_InsightsTable):
    """Each technique tried: how often, the mean drop in distress, the mean helpfulness."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(4, parent)

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("InsightsPage", "Technique"),
                QCoreApplication.translate("InsightsPage", "Uses"),
                QCoreApplication.translate("InsightsPage", "Mean drop in distress"),
                QCoreApplication.translate("InsightsPage", "Helpfulness"),
            ]
        )
        self.setAccessibleName(QCoreApplication.translate("InsightsPage", "What helps"))

    def show_rows(self, rows: list[TechniqueStats], titles: dict[str, str]) -> None:
        locale = QLocale()
        cells = []
        for s in rows:
            drop = (
                NO_VALUE
                if s.mean_drop is None
                else self.tr("%1 (from %Ln ratings)", "", s.rated_uses).replace(
                    "%1", format_number(s.mean_drop)
                )
            )
            helpful = (
                NO_VALUE
                if s.mean_helpfulness is None
                else QCoreApplication.translate("InsightsPage", "%1 / %2")
                .replace("%1", format_number(s.mean_helpfulness))
                .replace("%2", locale.toString(5))
            )
            used = self.tr("Used %Ln times", "", s.uses)
            row = [
                QTableWidgetItem(titles.get(s.technique, s.technique)),
                _number_item(locale.toString(s.uses), s.uses),
                _number_item(drop, -99.0 if s.mean_drop is None else s.mean_drop),
                _number_item(helpful, 0.0 if s.mean_helpfulness is None else s.mean_helpfulness),
            ]
            row[0].setToolTip(used)
            row[1].setToolTip(used)
            row[2].setToolTip(
                drop
                if s.mean_drop is None
                else self.tr("Distress dropped by %1 on average, from %Ln ratings", "", s.rated_uses).replace(
                    "%1", format_number(s.mean_drop)
                )
            )
            row[3].setToolTip(
                helpful
                if s.mean_helpfulness is None
                else self.tr(
                    "Helpfulness %1 of 5 on average, from %Ln ratings", "", s.helpfulness_uses
                ).replace("%1", format_number(s.mean_helpfulness))
            )
            cells.append(row)
        self._set_rows(cells)


class TableBox(Card):
    """A table as a card: its title, the sentence on what it says, a note on how to read it, the table."""

    def __init__(self, table: QTableWidget, parent: QWidget | None = None) -> None:
        super().__init__(table, parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = table
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(table)

    def retranslate_ui(self, title: str, note: str) -> None:
        self.title_label.setText(title)
        self.note.setText(note)
