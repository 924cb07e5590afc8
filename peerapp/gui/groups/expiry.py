"""How long an invite works: one small choice shared by the new-group dialog and the invite dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ..common import Retranslatable

# Days an invite works; None never expires. A week is the default an admin meets first when resetting.
EXPIRY_DAYS: tuple[int | None, ...] = (None, 1, 7, 30)


class ExpiryChoice(Retranslatable, QComboBox):
    """Never, or after a day, a week or a month; `days()` is what the service takes."""

    def __init__(self, days: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for _value in EXPIRY_DAYS:
            self.addItem("")
        self.set_days(days)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for index, value in enumerate(EXPIRY_DAYS):
            if value is None:
                text = self.tr("Never")
            elif value == 1:
                text = self.tr("After one day")
            elif value == 7:
                text = self.tr("After one week")
            else:
                text = self.tr("After %n days", "", value)
            self.setItemText(index, text)
        self.setAccessibleName(self.tr("Invite expires"))

    def set_days(self, days: int | None) -> None:
        self.setCurrentIndex(EXPIRY_DAYS.index(days) if days in EXPIRY_DAYS else 0)

    def days(self) -> int | None:
        index = self.currentIndex()
        return EXPIRY_DAYS[index] if 0 <= index < len(EXPIRY_DAYS) else None
