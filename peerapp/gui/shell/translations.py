"""Finding (and in a source checkout, compiling) the .qm files; Qt translators for core text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from ...core import i18n
from ...core.paths import translations_source_dir

PACKAGE_I18N = Path(__file__).resolve().parent.parent.parent / "i18n"


def _lrelease() -> str | None:
    import shutil

    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, qm: Path) -> bool:
    """Run lrelease; False when no lrelease is available."""
    tool = _lrelease()
    if tool is None:
        return False
    import subprocess  # only in a source checkout with a changed .ts; not on every start

    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False)
    return result.returncode == 0 and qm.exists()


def qm_path(lang: str) -> Path | None:
    """The compiled translation for `lang`, building it from i18n/*.ts in a source checkout."""
    qm = PACKAGE_I18N / f"peerapp_{lang}.qm"
    ts = translations_source_dir() / f"peerapp_{lang}.ts"
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        compile_ts(ts, qm)
    return qm if qm.exists() else None


def app_translator(lang: str) -> QTranslator | None:
    """peerapp's own translator for `lang`, or None for English (the source language)."""
    if lang == "en":
        return None
    path = qm_path(lang)
    translator = QTranslator()
    if path is None or not translator.load(str(path)):
        return None
    return translator


def qt_translator(lang: str) -> QTranslator | None:
    """Qt's own strings (standard buttons, context menus) in `lang`."""
    if lang == "en":
        return None
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", folder):
        return translator
    return None


def install_core_translator(translator: QTranslator | None, lang: str) -> None:
    """Route core's translate() through `translator` (used by the CLI, which has no app)."""
    locale = QLocale(lang)
    if translator is None:
        i18n.set_translator(None)
        return

    def _translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        result = translator.translate(context, text, disambiguation, n)
        if not result:
            result = text
        return result.replace("%n", locale.toString(n)) if n >= 0 else result

    i18n.set_translator(_translate)
