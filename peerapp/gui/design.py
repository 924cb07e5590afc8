"""peerapp's small design system: spacing, type and corner scales, and the calm named colours.

Screens take their measures and colours from here and nowhere else, so the app reads as one thing.
Every ink/fill pair named in DESIGN_PAIRS meets WCAG AA (4.5:1); tests/gui/test_gui_design.py checks it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPainter, QPixmap

# Spacing scale in device-independent pixels: layouts use these steps only.
SPACE = {"xxs": 2, "xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24, "xxl": 32}
# Corner radii: small controls, cards, sheets; "pill" for chips.
RADIUS = {"s": 4, "m": 8, "l": 12, "pill": 999}
# Type scale as multiples of the body size the user's system (or our bundled font) gives.
TYPE = {"caption": 0.85, "body": 1.0, "subtitle": 1.12, "title": 1.35, "display": 1.75}
WEIGHT = {
    "caption": QFont.Weight.Normal,
    "body": QFont.Weight.Normal,
    "subtitle": QFont.Weight.DemiBold,
    "title": QFont.Weight.Bold,
    "display": QFont.Weight.Bold,
}

# Mood fills (faces, card stripes, chart bars). White ink on each meets AA in both palettes.
MOOD_FILL = {
    False: {1: "#b42343", 2: "#a84a00", 3: "#5c6670", 4: "#2b7a4b", 5: "#1d64a6"},
    True: {1: "#b42343", 2: "#a84a00", 3: "#5c6670", 4: "#2b7a4b", 5: "#1d64a6"},
}
MOOD_INK = "#ffffff"
# Soft washes of the mood colours for card and day-header backgrounds; body text sits on them.
MOOD_TINT = {
    False: {1: "#fbe9ed", 2: "#fbeee3", 3: "#eef0f2", 4: "#e7f3eb", 5: "#e6eff8"},
    True: {1: "#3a2227", 2: "#3a2a1e", 3: "#2c2f33", 4: "#1f3327", 5: "#1e2b3a"},
}
# Surfaces: the window, raised cards, a card's outline, and the one accent colour.
SURFACE = {
    False: {
        "window": "#f6f4f1",
        "card": "#ffffff",
        "outline": "#d9d4cd",
        "accent": "#6b4fa0",
        "accent_ink": "#ffffff",
        "muted": "#5b5650",
        "text": "#1f1c19",
        # Controls: a raised button, its hover and pressed steps, the selection, a soft accent wash (the
        # chosen tab, a chosen chip), the scroll bar's thumb and the focus ring's ink.
        "raised": "#ece8e3",
        "hover": "#e3ded7",
        "pressed": "#d9d4cd",
        "accent_hover": "#5a4190",
        "accent_soft": "#e7e2f3",
        "selection": "#6b4fa0",
        "selection_ink": "#ffffff",
        "thumb": "#8a837b",
        "focus": "#000000",
        "error": "#b00020",
    },
    True: {
        "window": "#1d1c1f",
        "card": "#28262b",
        "outline": "#48444d",
        "accent": "#b79cf0",
        "accent_ink": "#1d1c1f",
        "muted": "#b3adb8",
        "text": "#eeeaf2",
        "raised": "#343139",
        "hover": "#3d3a42",
        "pressed": "#48444d",
        "accent_hover": "#c9b5f5",
        "accent_soft": "#3b3150",
        # Darker than the accent so the white focus ring still stands out on a selected row (3:1).
        "selection": "#5a4190",
        "selection_ink": "#ffffff",
        "thumb": "#8b8592",
        "focus": "#ffffff",
        "error": "#ff8a80",
    },
}
# Library categories get a colour each so a reader finds their shelf at a glance (used as chips).
CATEGORY = {
    False: {
        "coping": "#2b7a4b",
        "safety": "#b42343",
        "identity": "#6b4fa0",
        "relationships": "#a84a00",
        "wellbeing": "#1d64a6",
        "practical": "#5c6670",
    },
    True: {
        "coping": "#2b7a4b",
        "safety": "#b42343",
        "identity": "#6b4fa0",
        "relationships": "#a84a00",
        "wellbeing": "#1d64a6",
        "practical": "#5c6670",
    },
}
# Emotion groups by pleasantness and energy (the grid How We Feel made familiar); chip colours.
EMOTION_GROUP_COLOUR = {
    False: {
        "unpleasant_high": "#b42343",
        "unpleasant_low": "#1d64a6",
        "pleasant_low": "#2b7a4b",
        "pleasant_high": "#a84a00",
    },
    True: {
        "unpleasant_high": "#b42343",
        "unpleasant_low": "#1d64a6",
        "pleasant_low": "#2b7a4b",
        "pleasant_high": "#a84a00",
    },
}

# (name, ink, fill) pairs the screens draw; a dotted name is "table.key" in the dict for the palette.
DESIGN_PAIRS: tuple[tuple[str, str, str], ...] = (
    *((f"mood {m} face label", "ink", f"MOOD_FILL.{m}") for m in range(1, 6)),
    *((f"text on mood {m} card", "SURFACE.text", f"MOOD_TINT.{m}") for m in range(1, 6)),
    ("text on a card", "SURFACE.text", "SURFACE.card"),
    ("muted text on a card", "SURFACE.muted", "SURFACE.card"),
    ("muted text on the window", "SURFACE.muted", "SURFACE.window"),
    ("accent button", "SURFACE.accent_ink", "SURFACE.accent"),
    ("accent button under the pointer", "SURFACE.accent_ink", "SURFACE.accent_hover"),
    ("text on a button", "SURFACE.text", "SURFACE.raised"),
    ("text on a button under the pointer", "SURFACE.text", "SURFACE.hover"),
    ("text on a pressed button", "SURFACE.text", "SURFACE.pressed"),
    ("muted text on a button", "SURFACE.muted", "SURFACE.raised"),
    ("text on the chosen tab or chip", "SURFACE.text", "SURFACE.accent_soft"),
    ("selected item", "SURFACE.selection_ink", "SURFACE.selection"),
    ("accent text on a card", "SURFACE.accent", "SURFACE.card"),
    ("accent text on the window", "SURFACE.accent", "SURFACE.window"),
    ("error on the window", "SURFACE.error", "SURFACE.window"),
    ("error on a card", "SURFACE.error", "SURFACE.card"),
    *((f"category {c} chip", "ink", f"CATEGORY.{c}") for c in CATEGORY[False]),
    *((f"emotion group {g} chip", "ink", f"EMOTION_GROUP_COLOUR.{g}") for g in EMOTION_GROUP_COLOUR[False]),
)
# Non-text pairs (WCAG 1.4.11, 3:1): the focus ring on everything it is drawn over, the thumb of a scroll bar.
DESIGN_NON_TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    *(
        (f"focus ring on {key}", "SURFACE.focus", f"SURFACE.{key}")
        for key in ("window", "card", "raised", "hover", "accent_soft", "selection")
    ),
    ("scroll bar thumb on a card", "SURFACE.thumb", "SURFACE.card"),
    ("scroll bar thumb on the window", "SURFACE.thumb", "SURFACE.window"),
)

_TABLES: dict[str, dict[bool, dict]] = {  # type: ignore[type-arg]
    "MOOD_FILL": MOOD_FILL,
    "MOOD_TINT": MOOD_TINT,
    "SURFACE": SURFACE,
    "CATEGORY": CATEGORY,
    "EMOTION_GROUP_COLOUR": EMOTION_GROUP_COLOUR,
}


def named(name: str, dark: bool) -> QColor:
    """A colour by its DESIGN_PAIRS name: "ink" (white on fills) or "TABLE.key"."""
    if name == "ink":
        return QColor(MOOD_INK)
    table, key = name.split(".", 1)
    values = _TABLES[table][dark]
    return QColor(values[int(key)] if key.isdigit() else values[key])


def is_dark() -> bool:
    """Whether the running app wears its dark palette (theme.py decides; this only reads it)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return QGuiApplication.palette().window().color().lightness() < 128


def mood_fill(level: int, dark: bool | None = None) -> QColor:
    return QColor(MOOD_FILL[is_dark() if dark is None else dark][max(1, min(5, level))])


def mood_tint(level: int, dark: bool | None = None) -> QColor:
    return QColor(MOOD_TINT[is_dark() if dark is None else dark][max(1, min(5, level))])


def surface(key: str, dark: bool | None = None) -> QColor:
    return QColor(SURFACE[is_dark() if dark is None else dark][key])


def category_colour(category: str, dark: bool | None = None) -> QColor:
    values = CATEGORY[is_dark() if dark is None else dark]
    return QColor(values.get(category, values["practical"]))


def font(role: str, base: QFont | None = None) -> QFont:
    """`base` (or the app font) scaled to a step of the type scale, with that step's weight."""
    result = QFont(base if base is not None else QGuiApplication.font())
    size = result.pointSizeF()
    if size > 0:
        result.setPointSizeF(size * TYPE[role])
    else:
        result.setPixelSize(round(result.pixelSize() * TYPE[role]))
    result.setWeight(WEIGHT[role])
    return result


# The five mood faces: one round face whose mouth and eyes move from a frown to a wide smile.
_MOUTH = {
    1: "M 30 72 Q 50 56 70 72",
    2: "M 32 70 Q 50 62 68 70",
    3: "M 32 67 L 68 67",
    4: "M 32 64 Q 50 74 68 64",
    5: "M 28 60 Q 50 84 72 60",
}
_BROWS = {1: "M 28 34 L 42 38 M 72 34 L 58 38", 2: "M 30 36 L 42 37 M 70 36 L 58 37"}


def mood_svg(level: int, fill: str, ink: str = MOOD_INK) -> str:
    """The SVG source of mood `level`'s face, drawn for peerapp, in `fill` with `ink` features."""
    brows = _BROWS.get(level, "")
    brow_path = f'<path d="{brows}" stroke="{ink}" stroke-width="4" stroke-linecap="round" fill="none"/>'
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<circle cx="50" cy="50" r="46" fill="{fill}"/>'
        f'<circle cx="36" cy="45" r="5" fill="{ink}"/><circle cx="64" cy="45" r="5" fill="{ink}"/>'
        + (brow_path if brows else "")
        + f'<path d="{_MOUTH[level]}" stroke="{ink}" stroke-width="5" stroke-linecap="round" fill="none"/>'
        "</svg>"
    )


@lru_cache(maxsize=64)
def _glyph(level: int, size: int, fill: str, ratio: float) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer  # only screens that show faces pay for QtSvg

    renderer = QSvgRenderer(QByteArray(mood_svg(level, fill).encode()))
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def mood_glyph(level: int, size: int, dark: bool | None = None, ratio: float = 1.0) -> QPixmap:
    """Mood `level`'s face as a `size`-pixel pixmap (cached), sharp at device pixel `ratio`."""
    return _glyph(max(1, min(5, level)), size, mood_fill(level, dark).name(), ratio)


# -- fonts -------------------------------------------------------------------------------------------
# Noto Sans and Noto Sans Arabic UI, Regular and Bold (SIL Open Font License 1.1, assets/fonts/OFL.txt):
# one design family whose Latin and Arabic faces share weight and rhythm. Noto Sans leads; Arabic letters,
# which it has none of, fall to Noto Sans Arabic UI, through the font's family list and a substitution for
# "Noto Sans" alone. The UI cut of the Arabic face has Noto Sans's line height: plain Noto Sans Arabic
# makes every Arabic line about half as tall again, and wrapped Arabic text no longer fit 1024x600.
ASSETS = Path(__file__).resolve().parent / "assets"
FONT_DIR = ASSETS / "fonts"
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansArabicUI-Regular.ttf",
    "NotoSansArabicUI-Bold.ttf",
)
LATIN_FAMILY = "Noto Sans"
ARABIC_FAMILY = "Noto Sans Arabic UI"
FAMILIES = (LATIN_FAMILY, ARABIC_FAMILY)
_fonts_loaded: bool | None = None


def load_fonts() -> bool:
    """Register the bundled fonts with Qt once (about 6 ms for the four files); False if any is missing."""
    global _fonts_loaded
    if _fonts_loaded is None:
        found: set[str] = set()
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
            if font_id >= 0:
                found.update(QFontDatabase.applicationFontFamilies(font_id))
        _fonts_loaded = set(FAMILIES) <= found
        if _fonts_loaded:
            # A font that names only the Latin family (setFamily) still finds Arabic letters.
            QFont.insertSubstitution(LATIN_FAMILY, ARABIC_FAMILY)
    return _fonts_loaded


def app_font(base: QFont) -> QFont:
    """`base` (the system's UI font, keeping its size) in the bundled families, Arabic falling back."""
    result = QFont(base)
    if load_fonts():
        result.setFamilies(list(FAMILIES))
    return result


# -- the application icon ----------------------------------------------------------------------------
ICON_FILE = ASSETS / "peerapp.svg"


def app_icon() -> QIcon:
    """peerapp's own mark (assets/peerapp.svg). Never shown in discreet mode: protection/discreet.py
    sets it only for the app's own appearance."""
    return QIcon(str(ICON_FILE))


# Motion (motion_enabled, fade_in) lives in gui/motion.py; its names are re-exported here.
from .motion import MOTION as MOTION  # noqa: E402
from .motion import _desktop_reduces_motion as _desktop_reduces_motion  # noqa: E402
from .motion import fade_in as fade_in  # noqa: E402
from .motion import motion_enabled as motion_enabled  # noqa: E402
from .motion import set_reduce_motion as set_reduce_motion  # noqa: E402
