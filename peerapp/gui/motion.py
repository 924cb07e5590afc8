"""Motion, kept small: whether the person or the desktop asked for less of it, and one short fade-in
for what appears where it orients (a dialog, a tab the tour points at)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QStyle, QWidget

# -- motion ------------------------------------------------------------------------------------------
# Short transitions only where they orient (a sheet or a card appearing); none that loop or distract.
MOTION = {"fast": 120, "normal": 150, "slow": 240}
_reduce_motion = False


def set_reduce_motion(reduce: bool) -> None:
    """The user's Preferences choice (Settings.reduce_motion); theme.install and the dialog call this."""
    global _reduce_motion
    _reduce_motion = reduce


@lru_cache(maxsize=1)
def _desktop_reduces_motion() -> bool:
    """Whether the desktop asks for no animations: GNOME's, GTK's or KDE's own switch (read once, lazily)."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    for name in ("gtk-3.0/settings.ini", "gtk-4.0/settings.ini"):
        try:
            for line in (config / name).read_text("utf-8", "replace").splitlines():
                key, _, value = line.partition("=")
                if key.strip() == "gtk-enable-animations" and value.strip().lower() in ("0", "false"):
                    return True
        except OSError:
            pass
    try:
        for line in (config / "kdeglobals").read_text("utf-8", "replace").splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "AnimationDurationFactor" and value.strip() in ("0", "0.0"):
                return True
    except OSError:
        pass
    if "GNOME" in os.environ.get("XDG_CURRENT_DESKTOP", "").upper():
        import shutil
        import subprocess

        gsettings = shutil.which("gsettings")
        if gsettings:
            try:
                answer = subprocess.run(
                    [gsettings, "get", "org.gnome.desktop.interface", "enable-animations"],
                    capture_output=True,
                    text=True,
                    timeout=1,
                    check=False,
                )
            except (OSError, subprocess.SubprocessError):
                return False
            return answer.stdout.strip() == "false"
    return False


def motion_enabled() -> bool:
    """False when the user's Preferences say "reduce motion", when the style turns widget animations off,
    or when the desktop (GNOME, GTK, KDE) asks for none."""
    if _reduce_motion:
        return False
    app = QApplication.instance()
    if (
        isinstance(app, QApplication)
        and app.style().styleHint(QStyle.StyleHint.SH_Widget_Animation_Duration) <= 0
    ):
        return False
    return not _desktop_reduces_motion()


def fade_in(widget: QWidget, ms: int = MOTION["normal"]) -> None:
    """Fade `widget` in over `ms` milliseconds; nothing at all when motion is off or it wears an effect."""
    if ms <= 0 or not motion_enabled() or widget.graphicsEffect() is not None:
        return
    from PySide6.QtCore import QAbstractAnimation, QEasingCurve, QPropertyAnimation
    from PySide6.QtWidgets import QGraphicsOpacityEffect

    if widget.isWindow():  # a window fades as a whole; an effect on it would paint over black
        fade = QPropertyAnimation(widget, QByteArray(b"windowOpacity"), widget)
        fade.setDuration(ms)
        fade.setStartValue(0.0)
        fade.setEndValue(1.0)
        fade.setEasingCurve(QEasingCurve.Type.OutCubic)
        fade.start(QAbstractAnimation.DeletionPolicy.DeleteWhenStopped)
        return

    effect = QGraphicsOpacityEffect(widget)
    effect.setOpacity(0.0)
    widget.setGraphicsEffect(effect)
    animation = QPropertyAnimation(effect, QByteArray(b"opacity"), widget)
    animation.setDuration(ms)
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    animation.setEasingCurve(QEasingCurve.Type.OutCubic)

    def done() -> None:
        # An opacity effect makes every later paint of the widget go through an offscreen pixmap.
        if widget.graphicsEffect() is effect:
            widget.setGraphicsEffect(None)  # type: ignore[arg-type]  # None removes it (Qt)

    animation.finished.connect(done)
    animation.start(QAbstractAnimation.DeletionPolicy.DeleteWhenStopped)
