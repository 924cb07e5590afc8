"""The app's light and dark palettes and style sheet, built from gui/design.py, and the theme choice."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QLabel

from ..core.settings import THEMES, Settings
from . import design

Role = QPalette.ColorRole
_L, _D = design.SURFACE[False], design.SURFACE[True]

# The palette roles in design.SURFACE's colours. Every text colour meets WCAG AA (4.5:1) on every
# background it is drawn on, in its palette; tests/gui/test_gui_contrast.py computes the ratios of PAIRS.
LIGHT: dict[QPalette.ColorRole, str] = {
    Role.Window: _L["window"],
    Role.WindowText: _L["text"],
    Role.Base: _L["card"],
    Role.AlternateBase: "#faf8f5",
    Role.Text: _L["text"],
    Role.PlaceholderText: _L["muted"],
    Role.Button: _L["raised"],
    Role.ButtonText: _L["text"],
    Role.Highlight: _L["selection"],
    Role.HighlightedText: _L["selection_ink"],
    Role.Link: "#5a3d94",
    Role.LinkVisited: "#7a2f73",
    Role.ToolTipBase: "#2f2b33",
    Role.ToolTipText: "#f6f4f1",
    Role.BrightText: "#ffffff",
}
DARK: dict[QPalette.ColorRole, str] = {
    Role.Window: _D["window"],
    Role.WindowText: _D["text"],
    Role.Base: _D["card"],
    Role.AlternateBase: "#2e2c32",
    Role.Text: _D["text"],
    Role.PlaceholderText: _D["muted"],
    Role.Button: _D["raised"],
    Role.ButtonText: _D["text"],
    Role.Highlight: _D["selection"],
    Role.HighlightedText: _D["selection_ink"],
    Role.Link: "#c4b0f5",
    Role.LinkVisited: "#e0a7e0",
    Role.ToolTipBase: "#3d3a42",
    Role.ToolTipText: _D["text"],
    Role.BrightText: "#ffffff",
}
# Error text follows the palette: the old fixed #b00020 was 2.2:1 on the dark window.
ERROR = {False: _L["error"], True: _D["error"]}
# The focus ring: the strongest ink of each palette, never the accent a default button wears.
FOCUS = {False: _L["focus"], True: _D["focus"]}
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
    ("link on the window", "Link", "Window"),
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
    dimmed = QColor(design.SURFACE[dark]["thumb"])
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


def _pt(role: str) -> str:
    """A type-scale step as a point size for the style sheet, from the app font's size."""
    size = QGuiApplication.font().pointSizeF()
    return f"{(size if size > 0 else 10.0) * design.TYPE[role]:.1f}pt"


def style_sheet(dark: bool) -> str:
    """The app's style sheet: calm surfaces, rounded controls, one accent (the default button), tabs as a
    navigation bar, and the focus ring, all from design.py's tokens.

    The ring is a 2-pixel border in the palette's focus ink on :focus. Each ringed control keeps the same
    outer size whether focused or not (1 px margin + 1 px border, or 0 + 2), so nothing moves when the
    keyboard arrives; Qt draws it in C++, with no Python on the paint path.
    """
    c = design.SURFACE[dark]
    space, radius = design.SPACE, design.RADIUS
    ring = f"border: {FOCUS_WIDTH}px solid {c['focus']}; margin: 0px;"

    def asset(name: str) -> str:
        # Drawn for peerapp in each palette's ink (a style sheet cannot recolour an image).
        return (design.ASSETS / "icons" / f"{name}-{'dark' if dark else 'light'}.svg").as_posix()

    return f"""
QToolTip {{ color: {(DARK if dark else LIGHT)[Role.ToolTipText]}; background: {(DARK if dark else LIGHT)[Role.ToolTipBase]};
  border: 1px solid {c["outline"]}; border-radius: {radius["s"]}px; padding: {space["xs"]}px {space["s"]}px; }}
QLabel#heading {{ font-size: {_pt("title")}; font-weight: bold; margin-bottom: {space["s"]}px; }}
QLabel#error {{ color: {c["error"]}; }}
QLabel[role="muted"], QLabel[role="caption"] {{ color: {c["muted"]}; }}
QLabel[role="caption"] {{ font-size: {_pt("caption")}; }}
QLabel[role="title"] {{ font-size: {_pt("title")}; font-weight: bold; }}
QLabel[role="subtitle"] {{ font-size: {_pt("subtitle")}; font-weight: bold; }}
QLabel[role="display"] {{ font-size: {_pt("display")}; font-weight: bold; }}
QFrame[role="card"] {{ background: {c["card"]}; border: 1px solid {c["outline"]}; border-radius: {radius["l"]}px; }}
QFrame[frameShape="4"], QFrame[frameShape="5"] {{ color: {c["outline"]}; }}

QPushButton {{ background: {c["raised"]}; color: {c["text"]}; border: 1px solid {c["outline"]};
  border-radius: {radius["m"]}px; padding: {space["xxs"]}px {space["m"]}px; margin: 1px; }}
QPushButton:hover {{ background: {c["hover"]}; }}
QPushButton:pressed, QPushButton:checked {{ background: {c["pressed"]}; }}
QPushButton:default, QPushButton[role="primary"] {{ background: {c["accent"]}; color: {c["accent_ink"]};
  border-color: {c["accent"]}; }}
QPushButton:default:hover, QPushButton[role="primary"]:hover {{ background: {c["accent_hover"]};
  border-color: {c["accent_hover"]}; }}
QPushButton:flat {{ background: transparent; border-color: transparent; }}
QPushButton:flat:hover {{ background: {c["hover"]}; }}
QPushButton:disabled {{ background: {c["window"]}; color: {c["thumb"]}; border-color: {c["outline"]}; }}
QPushButton:focus {{ {ring} }}
QPushButton::menu-indicator {{ subcontrol-origin: padding; subcontrol-position: center right; width: 0px; }}

QToolButton {{ background: transparent; color: {c["text"]}; border: 1px solid transparent;
  border-radius: {radius["m"]}px; padding: {space["xs"]}px; margin: 1px; }}
QToolButton:hover {{ background: {c["hover"]}; }}
QToolButton:pressed, QToolButton:checked {{ background: {c["accent_soft"]}; }}
QToolButton:focus {{ {ring} }}

QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox {{ background: {c["card"]};
  color: {c["text"]}; border: 1px solid {c["outline"]}; border-radius: {radius["s"] + 2}px; margin: 1px;
  selection-background-color: {c["selection"]}; selection-color: {c["selection_ink"]}; }}
QLineEdit, QAbstractSpinBox, QComboBox {{ padding: {space["xxs"]}px {space["s"]}px; }}
QLineEdit:hover, QTextEdit:hover, QPlainTextEdit:hover, QAbstractSpinBox:hover, QComboBox:hover {{
  border-color: {c["thumb"]}; }}
QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {{ background: {c["window"]};
  color: {c["thumb"]}; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {{ {ring} }}
QComboBox::drop-down, QDateTimeEdit::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
  width: {space["l"]}px; border: none; }}
QComboBox::down-arrow, QDateTimeEdit::down-arrow {{ image: url("{asset("chevron-down")}");
  width: {space["m"]}px; height: {space["m"]}px; }}
QAbstractSpinBox::down-arrow {{ image: url("{asset("chevron-down")}"); width: {space["s"]}px; height: {space["s"]}px; }}
QAbstractSpinBox::up-arrow {{ image: url("{asset("chevron-up")}"); width: {space["s"]}px; height: {space["s"]}px; }}
QComboBox::down-arrow:disabled, QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::down-arrow:disabled {{
  image: none; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border; width: {space["l"]}px;
  border: none; background: transparent; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{ background: {c["hover"]}; }}
QComboBox QAbstractItemView {{ background: {c["card"]}; border: 1px solid {c["outline"]}; margin: 0px;
  selection-background-color: {c["selection"]}; selection-color: {c["selection_ink"]}; }}

QAbstractItemView {{ background: {c["card"]}; alternate-background-color: {(DARK if dark else LIGHT)[Role.AlternateBase]};
  color: {c["text"]}; border: 1px solid {c["outline"]}; border-radius: {radius["s"]}px; margin: 1px;
  selection-background-color: {c["selection"]}; selection-color: {c["selection_ink"]}; }}
QAbstractItemView:focus {{ {ring} }}
QAbstractScrollArea[frameShape="0"] {{ border: {FOCUS_WIDTH}px solid transparent; margin: 0px; }}
QAbstractScrollArea[frameShape="0"]:focus {{ border-color: {c["focus"]}; }}
QHeaderView::section {{ background: {c["window"]}; color: {c["text"]}; border: none;
  border-bottom: 1px solid {c["outline"]}; padding: {space["xs"]}px {space["s"]}px; }}

QScrollBar:vertical {{ background: transparent; width: {space["m"]}px; margin: 0px; border: none; }}
QScrollBar:horizontal {{ background: transparent; height: {space["m"]}px; margin: 0px; border: none; }}
QScrollBar::handle {{ background: {c["thumb"]}; border-radius: {radius["s"]}px; margin: {space["xxs"] + 1}px; }}
QScrollBar::handle:vertical {{ min-height: {space["xxl"]}px; }}
QScrollBar::handle:horizontal {{ min-width: {space["xxl"]}px; }}
QScrollBar::handle:hover {{ background: {c["muted"]}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}

QTabWidget::pane {{ border: none; border-top: 1px solid {c["outline"]}; }}
QTabBar {{ qproperty-drawBase: 0; }}
QTabBar::tab {{ background: transparent; color: {c["muted"]}; border: {FOCUS_WIDTH}px solid transparent;
  border-bottom: 3px solid transparent; border-radius: {radius["s"]}px; padding: {space["xs"] + 1}px {space["m"]}px;
  margin: {space["xxs"]}px {space["xxs"]}px 0px {space["xxs"]}px; }}
QTabBar::tab:hover {{ color: {c["text"]}; background: {c["hover"]}; }}
QTabBar::tab:selected {{ color: {c["text"]}; background: {c["accent_soft"]};
  border-bottom-color: {c["accent"]}; }}
QTabBar::tab:focus {{ border-color: {c["focus"]}; }}

QSplitter::handle {{ background: transparent; }}
QSplitter::handle:hover {{ background: {c["outline"]}; }}

QMenuBar {{ background: {c["window"]}; color: {c["text"]}; border: none; }}
QToolBar {{ background: {c["window"]}; border: none; padding: {space["xxs"]}px {space["s"]}px; spacing: {space["s"]}px; }}
QToolBar::separator {{ background: {c["outline"]}; width: 1px; height: 1px; margin: {space["xs"]}px; }}
QStatusBar {{ background: {c["window"]}; color: {c["muted"]}; }}
QMenuBar::item {{ background: transparent; padding: {space["xs"]}px {space["s"] + 2}px;
  border-radius: {radius["s"]}px; }}
QMenuBar::item:selected {{ background: {c["hover"]}; }}
QMenuBar::item:pressed {{ background: {c["accent_soft"]}; }}
QMenu {{ background: {c["card"]}; color: {c["text"]}; border: 1px solid {c["outline"]};
  padding: {space["xs"]}px; }}
QMenu::item {{ padding: {space["xs"] + 2}px {space["xl"]}px; border-radius: {radius["s"]}px; }}
QMenu::item:selected {{ background: {c["selection"]}; color: {c["selection_ink"]}; }}
QMenu::item:disabled {{ color: {c["thumb"]}; }}
QMenu::separator {{ height: 1px; background: {c["outline"]}; margin: {space["xs"]}px {space["s"]}px; }}

QGroupBox {{ background: {c["card"]}; border: 1px solid {c["outline"]}; border-radius: {radius["m"]}px;
  margin-top: 1.1em; padding-top: {space["xxs"]}px; }}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left; left: {space["m"]}px;
  padding: 0px {space["xs"]}px; color: {c["text"]}; }}

QCheckBox, QRadioButton {{ color: {c["text"]}; spacing: {space["s"]}px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {space["m"] + 2}px; height: {space["m"] + 2}px;
  border: 1px solid {c["thumb"]}; background: {c["card"]}; }}
QCheckBox::indicator {{ border-radius: {radius["s"] - 1}px; }}
QRadioButton::indicator {{ border-radius: {(space["m"] + 4) // 2}px; }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {c["accent"]}; }}
QCheckBox::indicator:checked, QCheckBox::indicator:indeterminate {{ background: {c["accent"]};
  border-color: {c["accent"]}; image: url("{asset("check")}"); }}
QRadioButton::indicator:checked {{ background: {c["card"]}; border: {space["xs"] + 1}px solid {c["accent"]};
  width: {space["xs"] + 2}px; height: {space["xs"] + 2}px; }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ background: {c["window"]};
  border-color: {c["outline"]}; }}
QCheckBox:focus, QRadioButton:focus {{ outline: {FOCUS_WIDTH}px solid {c["focus"]}; outline-radius: {radius["s"] - 1}px; }}

QProgressBar {{ background: {c["raised"]}; border: none; border-radius: {radius["s"]}px; text-align: center;
  color: {c["text"]}; }}
QProgressBar::chunk {{ background: {c["accent"]}; border-radius: {radius["s"]}px; }}
QSlider:focus {{ border: {FOCUS_WIDTH}px solid {c["focus"]}; border-radius: {radius["s"]}px; }}
"""


def draw_focus_ring(painter: QPainter, rect: QRect, widget_palette: QPalette) -> None:
    """A 2-pixel rounded ring just inside `rect`, in the palette's focus ink (for delegates' painted rows)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(FOCUS[is_dark(widget_palette)]), FOCUS_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = FOCUS_WIDTH // 2
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 3, 3)
    painter.restore()


class ThemeFollower(QObject):
    """Applies the light or dark palette and style sheet: the user's choice, or the system's scheme (followed
    live while the choice is "system")."""

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        self.app = app
        self.choice = choice if choice in THEMES else "system"
        self.dark: bool | None = None
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.follow_system())

    def wanted_dark(self) -> bool:
        if self.choice == "system":
            return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return self.choice == "dark"

    def follow_system(self) -> None:
        if self.choice == "system":
            self.apply()

    def set_choice(self, choice: str) -> None:
        """ "system", "light" or "dark" (Settings.theme); applied at once."""
        self.choice = choice if choice in THEMES else "system"
        self.apply()

    def apply(self, dark: bool | None = None) -> None:
        if dark is None:
            dark = self.wanted_dark()
        window = (DARK if dark else LIGHT)[Role.Window]
        if dark == self.dark and self.app.palette().color(Role.Window).name() == window:
            return  # the same sheet again would re-polish every widget for nothing
        self.dark = dark
        self.app.setPalette(palette(dark))
        self.app.setStyleSheet(style_sheet(dark))


def install(app: QApplication, settings: Settings | None = None) -> ThemeFollower:
    """The bundled fonts, the palette and style sheet of the saved (or the system's) scheme, and the
    saved motion preference."""
    follower = app.findChild(ThemeFollower)
    if isinstance(follower, ThemeFollower):
        return follower
    settings = settings if settings is not None else Settings.load()
    # Fusion everywhere: it draws from the palette alone, so the style sheet looks the same on every
    # desktop (a native style under a style sheet mixes two looks).
    app.setStyle("Fusion")
    app.setFont(design.app_font(app.font()))
    design.set_reduce_motion(settings.reduce_motion)
    follower = ThemeFollower(app, settings.theme)
    follower.apply()
    return follower


def apply_settings(settings: Settings) -> None:
    """The Preferences dialog's theme and motion choices, applied to the running app at once."""
    design.set_reduce_motion(settings.reduce_motion)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install(app).set_choice(settings.theme)


def set_dark(dark: bool) -> None:
    """Switch the running app to the light or dark palette (tests and screenshots; the user's choice and
    the system decide otherwise)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install(app).apply(dark)
