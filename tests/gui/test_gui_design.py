"""The design system as the app wears it: every design pair meets AA, the palette is design.py's, the style
sheet's focus ring shows on each kind of control, the bundled fonts draw Arabic and Latin, the theme choice
and reduced motion apply live, and the app's mark is never the icon in discreet mode."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QIcon, QImage, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peerapp import APP_ID
from peerapp.core.disguise import ORIGINAL, appearance_for
from peerapp.core.settings import Settings
from peerapp.gui import design, theme
from peerapp.gui.protection.discreet import apply_appearance
from peerapp.gui.shell.app import create_application
from peerapp.gui.shell.dialogs import PreferencesDialog
from peerapp.gui.shell.pseudo import PSEUDO
from support import ROOT
from support.gui import MakeWindow
from support.layout_checks import check_window

AA_TEXT = 4.5
AA_NON_TEXT = 3.0


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def app() -> Iterator[QApplication]:
    """The app object with its theme; the light palette and full motion are put back after each test."""
    application = create_application()
    yield application
    theme.apply_settings(Settings())
    theme.set_dark(False)


# -- colours ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("name,ink,fill", design.DESIGN_PAIRS, ids=[p[0] for p in design.DESIGN_PAIRS])
def test_design_text_pairs_meet_aa(dark: bool, name: str, ink: str, fill: str) -> None:
    value = ratio(design.named(ink, dark), design.named(fill, dark))
    assert value >= AA_TEXT, f"{name}: {value:.2f}:1"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize(
    "name,ink,fill", design.DESIGN_NON_TEXT_PAIRS, ids=[p[0] for p in design.DESIGN_NON_TEXT_PAIRS]
)
def test_focus_ring_and_scroll_thumb_stand_out(dark: bool, name: str, ink: str, fill: str) -> None:
    value = ratio(design.named(ink, dark), design.named(fill, dark))
    assert value >= AA_NON_TEXT, f"{name}: {value:.2f}:1"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_palette_is_the_design_surface(dark: bool) -> None:
    surface = design.SURFACE[dark]
    roles = theme.DARK if dark else theme.LIGHT
    role_of = QPalette.ColorRole
    for role, key in (
        (role_of.Window, "window"),
        (role_of.WindowText, "text"),
        (role_of.Base, "card"),
        (role_of.Text, "text"),
        (role_of.PlaceholderText, "muted"),
        (role_of.Button, "raised"),
        (role_of.Highlight, "selection"),
        (role_of.HighlightedText, "selection_ink"),
    ):
        assert roles[role] == surface[key], (role, key)
    assert theme.FOCUS[dark] == surface["focus"] and theme.ERROR[dark] == surface["error"]


# -- the focus ring of the style sheet ---------------------------------------------------------------------


def _ink_pixels(image: QImage, dark: bool) -> int:
    ink = QColor(theme.FOCUS[dark]).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == ink)


def _controls() -> list[QWidget]:
    combo = QComboBox()
    combo.addItems(["Any mood", "Good"])
    listing = QListWidget()
    listing.addItems(["one", "two"])
    pane = QTextBrowser()  # a reading pane without a frame, as screens make them
    pane.setFrameShape(QFrame.Shape.NoFrame)
    pane.setPlainText("text")
    tabs = QTabBar()
    tabs.addTab("Journal")
    tabs.addTab("Library")
    return [QLineEdit("text"), combo, QCheckBox("Only from"), listing, pane, tabs, QPushButton("Trash")]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("index", range(7), ids=["field", "combo", "check", "list", "pane", "tabs", "button"])
def test_a_focused_control_wears_the_ring_and_keeps_its_size(
    qtbot: Any, app: QApplication, dark: bool, index: int
) -> None:
    theme.set_dark(dark)
    box = QWidget()
    layout = QVBoxLayout(box)
    widgets = _controls()
    for widget in widgets:
        layout.addWidget(widget)
    control = widgets[index]
    other = widgets[(index + 1) % len(widgets)]
    qtbot.addWidget(box)
    box.resize(320, 520)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    size = control.size()
    unfocused = _ink_pixels(control.grab().toImage(), dark)
    control.setFocus()
    qtbot.waitUntil(control.hasFocus)
    QApplication.processEvents()
    assert control.size() == size  # the ring takes no room of its own: nothing moves
    focused = _ink_pixels(control.grab().toImage(), dark)
    # The ring goes (nearly) all the way round: the control, the current tab, or a check box's label.
    edge = control.width() + control.height()
    if isinstance(control, QTabBar):
        edge = control.height()
    elif isinstance(control, QCheckBox):
        edge = control.fontMetrics().horizontalAdvance(control.text()) + control.height()
    assert focused - unfocused > 2 * edge, (focused, unfocused, control.size())


def test_default_button_is_the_one_accent_and_looks_unlike_focus(qtbot: Any, app: QApplication) -> None:
    box = QWidget()
    layout = QVBoxLayout(box)
    plain, primary = QPushButton("Cancel"), QPushButton("Save")
    primary.setDefault(True)
    layout.addWidget(plain)
    layout.addWidget(primary)
    qtbot.addWidget(box)
    box.show()
    centre = primary.grab().toImage().pixelColor(primary.width() // 2, 3)
    assert centre.name() == design.SURFACE[False]["accent"]
    assert plain.grab().toImage().pixelColor(plain.width() // 2, 3).name() == design.SURFACE[False]["raised"]


# -- fonts ----------------------------------------------------------------------------------------------


def test_bundled_fonts_are_small_licensed_and_the_app_font(app: QApplication) -> None:
    files = [design.FONT_DIR / name for name in design.FONT_FILES]
    assert all(path.is_file() for path in files)
    assert sum(path.stat().st_size for path in files) < 2 * 1024 * 1024
    licence = (design.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Google" in licence
    assert design.load_fonts()
    for family in design.FAMILIES:
        assert QFontDatabase.hasFamily(family)
    assert QApplication.font().families()[:2] == list(design.FAMILIES)


@pytest.mark.parametrize(
    "text,family",
    [("Journal", design.LATIN_FAMILY), ("يوميات", design.ARABIC_FAMILY)],
    ids=["latin", "arabic"],
)
def test_each_script_is_drawn_in_its_own_face(app: QApplication, text: str, family: str) -> None:
    layout = QTextLayout(text, QApplication.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    families = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert families == {family}


# -- the theme choice and motion ------------------------------------------------------------------------


def _window_colour() -> str:
    return str(QApplication.palette().color(QPalette.ColorRole.Window).name())


def test_theme_choice_applies_live_and_system_follows_the_scheme(app: QApplication) -> None:
    theme.apply_settings(Settings(theme="dark"))
    assert _window_colour() == design.SURFACE[True]["window"]
    assert design.SURFACE[True]["card"] in app.styleSheet()
    theme.apply_settings(Settings(theme="light"))
    assert _window_colour() == design.SURFACE[False]["window"]
    theme.apply_settings(Settings(theme="system"))
    system_dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    assert _window_colour() == design.SURFACE[system_dark]["window"]
    # While a fixed choice stands, a change of the system's scheme changes nothing.
    theme.apply_settings(Settings(theme="light"))
    theme.install(app).follow_system()
    assert _window_colour() == design.SURFACE[False]["window"]


def test_preferences_choose_dark_and_reduced_motion(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window()
    dialog = PreferencesDialog(win.settings, win)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.reduce_motion.setChecked(True)
    assert dialog.theme.currentText() == "Dark"
    try:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert _window_colour() == design.SURFACE[True]["window"]
        assert not design.motion_enabled()
        saved = Settings.load()
        assert saved.theme == "dark" and saved.reduce_motion
    finally:
        theme.apply_settings(Settings())
        theme.set_dark(False)
    assert design.motion_enabled() == (not design._desktop_reduces_motion())


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_preferences_with_the_look_rows_fit_and_are_named(
    qtbot: Any, make_window: MakeWindow, lang: str
) -> None:
    win = make_window()
    win.languages.set_language(lang, remember=False)
    dialog = PreferencesDialog(win.settings, win)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [str(problem) for problem in check_window(dialog, f"{lang} preferences")] == []
    assert dialog.theme.count() == 3 and all(dialog.theme.itemText(i) for i in range(3))


def test_fade_in_does_nothing_when_motion_is_reduced(qtbot: Any, app: QApplication) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    widget = QWidget(window)  # a part of a window fades through an opacity effect
    window.show()
    design.set_reduce_motion(True)
    design.fade_in(widget)
    design.fade_in(window)
    assert widget.graphicsEffect() is None and window.windowOpacity() == 1.0
    design.set_reduce_motion(False)
    if not design.motion_enabled():
        pytest.skip("this desktop asks for no animations")
    design.fade_in(widget, 60)
    assert widget.graphicsEffect() is not None  # fading
    qtbot.waitUntil(lambda: widget.graphicsEffect() is None, timeout=3000)  # and gone once faded in
    # A window fades as a whole (an effect on a window would paint over black), and ends opaque.
    design.fade_in(window, 60)
    assert window.graphicsEffect() is None
    qtbot.waitUntil(lambda: window.windowOpacity() == 1.0, timeout=3000)


# -- the app's mark -------------------------------------------------------------------------------------


def _icon_image(icon: QIcon) -> QImage:
    image: QImage = icon.pixmap(32, 32).toImage()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def test_the_window_icon_is_the_mark_except_in_discreet_mode(app: QApplication) -> None:
    mark = _icon_image(design.app_icon())
    assert not mark.isNull() and mark.pixelColor(16, 2).name() == "#6b4fa0"
    try:
        apply_appearance(app, appearance_for("notes"))
        assert _icon_image(app.windowIcon()) != mark
        apply_appearance(app, ORIGINAL)
        assert _icon_image(app.windowIcon()) == mark
    finally:
        apply_appearance(app, ORIGINAL)


def test_the_mark_is_the_installed_icon_and_every_asset_is_packaged() -> None:
    assert (ROOT / "packaging" / "icons" / f"{APP_ID}.svg").read_bytes() == design.ICON_FILE.read_bytes()
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["peerapp.gui"]
    gui = ROOT / "peerapp" / "gui"
    packaged = {path for pattern in globs for path in gui.glob(pattern)}
    assets = {path for path in design.ASSETS.rglob("*") if path.is_file()}
    assert assets == packaged
    assert '"peerapp" / "gui" / "assets"' in (ROOT / "packaging" / "peerapp.spec").read_text(encoding="utf-8")
