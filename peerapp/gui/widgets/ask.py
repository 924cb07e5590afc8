"""Questions in a message box whose buttons say what they do, in the app's own words.

Qt's standard buttons take their labels from Qt's own translations, which do not follow our
glossary (its Arabic "Discard" reads «ارفض»), and a short message box cuts off a long title. Every
yes/no question of the app goes through `ask()` instead of QMessageBox.question().
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QSpacerItem, QWidget

# Room for the window's own title-bar buttons beside the title.
_TITLE_BAR_EXTRA = 140


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    *,
    cancel: str | None = None,
    destructive: bool = False,
) -> bool:
    """Ask `text`; True when the person chose `action`. Esc, closing and `cancel` answer no.

    A destructive action is not the default button, so a stray Return does not erase anything.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(
        action, QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
    )
    no = box.addButton(
        cancel if cancel is not None else QCoreApplication.translate("Ask", "Cancel"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(no if destructive else yes)
    box.setEscapeButton(no)
    _fit_title(box, title)
    box.exec()
    return box.clickedButton() is yes


def _fit_title(box: QMessageBox, title: str) -> None:
    """Make the box at least as wide as its title, which a window manager would otherwise cut off."""
    layout = box.layout()
    width = box.fontMetrics().horizontalAdvance(title) + _TITLE_BAR_EXTRA
    screen = box.screen()
    if screen is not None:
        width = min(width, screen.availableGeometry().width() - 40)
    if isinstance(layout, QGridLayout):  # QMessageBox lays itself out on a grid
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
