"""Starting the desktop app: the application object, language, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

# The Qt-free modules first. Once PySide6 is imported, its import hook (__feature__) reads the whole
# source of every module imported after it, to see whether it names PySide6: the core modules the lock
# screen needs, and the standard library they use, are imported before that (about 3% of the CPU time a
# bare PySide6 window takes to show, bench/bench_startup.py).
from ... import APP_ID, __version__
from ...core.disguise import appearance_for
from ...core.paths import data_dir as default_data_dir
from ...core.settings import Settings
from ...core.vault import Vault

# isort: split
from PySide6.QtWidgets import QApplication

from .. import theme
from ..protection.discreet import apply_appearance, keep_no_file_history
from .language import LanguageManager
from .main_window import MainWindow
from .pseudo import PSEUDO, enabled_by_environment


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("peerapp")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    theme.install(app)  # the palette matching the system's light or dark scheme, and the focus ring
    keep_no_file_history()
    return app


def build_window(
    data_dir: str | Path | None = None, lang: str | None = None, settings: Settings | None = None
) -> MainWindow:
    """The main window wired to a vault and the remembered (or given) language."""
    app = create_application()
    settings = settings or Settings.load()
    languages = LanguageManager(app, settings)
    if enabled_by_environment():  # a developer's check of layouts (gui/shell/pseudo.py), never saved
        languages.set_language(PSEUDO, remember=False)
    else:
        languages.set_language(lang or settings.language or "en", remember=bool(lang or settings.language))
    # Discreet mode: the neutral name and icon must be there before the first window is.
    apply_appearance(app, appearance_for(settings.appearance), before_windows=True)
    vault = Vault(default_data_dir(data_dir))
    return MainWindow(vault, settings, languages)


def run(data_dir: str | Path | None = None, lang: str | None = None) -> int:
    app = create_application()
    window = build_window(data_dir, lang)
    window.quick_exited.connect(app.quit)
    window.show()
    return int(app.exec())
