"""The app's light and dark palettes, its few fixed colours, and a focus ring every control shares."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

Role = QPalette.ColorRole

# Every text colour below meets WCAG AA (4.5:1) on every background it is drawn on, in its palette;
# tests/gui/test_gui_contrast.py computes the ratios of each pair in PAIRS.
LIGHT: dict[QPalette.ColorRole, str] = {
    Role.Window: "#f0f0f0",
    Role.WindowText: "#1a1a1a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f5f5",
    Role.Text: "#1a1a1a",
    Role.PlaceholderText: "#595959",
    Role.Button: "#e8e8e8",
    Role.ButtonText: "#1a1a1a",
    Role.Highlight: "#2a64a8",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#6a1b9a",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1a1a1a",
    Role.BrightText: "#ffffff",
}
DARK: dict[QPalette.ColorRole, str] = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#eeeeee",
    Role.Base: "#1e1e1e",
    Role.AlternateBase: "#262626",
    Role.Text: "#eeeeee",
    Role.PlaceholderText: "#a6a6a6",
    Role.Button: "#3a3a3a",
    Role.ButtonText: "#eeeeee",
    Role.Highlight: "#2a64a8",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9",
    Role.ToolTipBase: "#3a3a3a",
    Role.ToolTipText: "#eeeeee",
    Role.BrightText: "#ffffff",
}
# Error text follows the palette: the old fixed #b00020 was 2.2:1 on the dark window.
ERROR = {False: "#b00020", True: "#ff8a80"}
# The focus ring: the strongest ink of each palette, never the accent blue a default button wears.
FOCUS = {False: "#000000", True: "#ffffff"}
FOCUS_WIDTH = 2

# The text/background pairs the app draws, by palette role or fixed colour name (see `pairs`).
PAIRS: tuple[tuple[str, str, str], ...] = (
    ("window text", "WindowText", "Window"),
    ("field text", "Text", "Base"),
    ("alternate row text", "Text", "AlternateBase"),
    ("button text", "ButtonText", "Button"),
    ("selected text", "HighlightedText", "Highlight"),
    ("placeholder in a field", "PlaceholderText", "Base"),
    ("timeline date heading", "PlaceholderText", "Base"),
    ("quiet hint on the window", "PlaceholderText", "Window"),
    ("article category label", "PlaceholderText", "Base"),
    ("link", "Link", "Base"),
    ("visited link", "LinkVisited", "Base"),
    ("tool tip", "ToolTipText", "ToolTipBase"),
    ("error message", "error", "Window"),
    ("error in a dialog field", "error", "Base"),
)


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def palette(dark: bool) -> QPalette:
    """The app's palette; disabled text keeps the style's dimmed look (WCAG exempts inactive controls)."""
    result = QPalette(QColor(DARK[Role.Button] if dark else LIGHT[Role.Button]))
    for role, colour in (DARK if dark else LIGHT).items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            result.setColor(group, role, QColor(colour))
    dimmed = QColor(DARK[Role.PlaceholderText] if dark else "#8a8a8a")
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, dimmed)
    return result


def colour(name: str, dark: bool) -> QColor:
    """A role's colour in the light or dark palette, or one of the fixed ones ('error', 'focus')."""
    if name == "error":
        return QColor(ERROR[dark])
    if name == "focus":
        return QColor(FOCUS[dark])
    return QColor((DARK if dark else LIGHT)[getattr(Role, name)])


def error_colour(widget_palette: QPalette) -> QColor:
    return QColor(ERROR[is_dark(widget_palette)])


def hint_colour(widget_palette: QPalette) -> str:
    """The colour of quiet text inside rich text (a category label, a hint), as a CSS name."""
    return str(widget_palette.color(Role.PlaceholderText).name())


def mark_warning(label: QLabel) -> None:
    """A warning line, in bold. Bold Arabic is drawn a few pixels wider than Qt measures it when it
    wraps the lines, so a line that just fits lost the end of its last word: a small margin each side
    makes the label wrap that word instead."""
    label.setObjectName("warning")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(6, 0, 6, 0)


def style_sheet(dark: bool) -> str:
    return (
        "QLabel#heading { font-size: 20px; font-weight: bold; margin-bottom: 6px; }\n"
        f"QLabel#error {{ color: {ERROR[dark]}; }}\n"
    )


def draw_focus_ring(painter: QPainter, rect: QRect, widget_palette: QPalette) -> None:
    """A 2-pixel rounded ring just inside `rect`, in the palette's focus ink."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(FOCUS[is_dark(widget_palette)]), FOCUS_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = FOCUS_WIDTH // 2
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 3, 3)
    painter.restore()


_RINGED_PRIMITIVES = {
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
    QStyle.PrimitiveElement.PE_PanelLineEdit,
    QStyle.PrimitiveElement.PE_FrameFocusRect,
}
_RINGED_COMPLEX = {
    QStyle.ComplexControl.CC_ComboBox,
    QStyle.ComplexControl.CC_SpinBox,
    QStyle.ComplexControl.CC_ToolButton,
}


class FocusRingStyle(QProxyStyle):
    """The platform style, with one clear focus ring on buttons, fields, lists and reading panes.

    Fusion marks a focused button with the same blue outline as the default button; that look is
    taken away and the ring drawn instead, so focus and "default" can no longer be confused.
    """

    def drawPrimitive(  # noqa: N802 - Qt override
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            draw_focus_ring(painter, option.rect, option.palette)
            return
        if focused and element == QStyle.PrimitiveElement.PE_PanelButtonCommand:
            option.state &= ~QStyle.StateFlag.State_HasFocus  # no default-button look for focus
        super().drawPrimitive(element, option, painter, widget)
        if focused and element in _RINGED_PRIMITIVES:
            draw_focus_ring(painter, option.rect, option.palette)

    def drawComplexControl(  # noqa: N802 - Qt override
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_COMPLEX and option.state & QStyle.StateFlag.State_HasFocus:
            draw_focus_ring(painter, option.rect, option.palette)

    def drawControl(  # noqa: N802 - Qt override
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        # A reading pane or list (a scroll area's frame): the ring shows which pane has the keyboard.
        if (
            element == QStyle.ControlElement.CE_ShapedFrame
            and isinstance(widget, QAbstractScrollArea)
            and widget.hasFocus()
        ):
            draw_focus_ring(painter, option.rect, option.palette)


class ThemeFollower(QObject):
    """Applies the light or dark palette now and again whenever the system's colour scheme changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())

    def apply(self, dark: bool | None = None) -> None:
        if dark is None:
            dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        self.app.setPalette(palette(dark))
        self.app.setStyleSheet(style_sheet(dark))


def install(app: QApplication) -> ThemeFollower:
    """The focus-ring style over the platform's, and the palette that matches the system scheme."""
    follower = app.findChild(ThemeFollower)
    if isinstance(follower, ThemeFollower):
        return follower
    base = QStyleFactory.create(app.style().name())
    app.setStyle(FocusRingStyle(base) if base is not None else FocusRingStyle())
    follower = ThemeFollower(app)
    follower.apply()
    return follower


def set_dark(dark: bool) -> None:
    """Switch the running app to the light or dark palette (tests and screenshots; the system decides
    otherwise)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install(app).apply(dark)
