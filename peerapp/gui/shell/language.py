"""The language manager: installs translators, mirrors the layout, remembers the choice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from ...core import i18n
from ...core.settings import Settings
from .translations import app_translator, qt_translator


def _qt_translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


class LanguageManager(QObject):
    """One place that switches the whole interface between English and Arabic, live."""

    language_changed = Signal(str)

    def __init__(self, app: QApplication, settings: Settings) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.language = "en"
        self._translators: list[QTranslator] = []
        i18n.set_translator(_qt_translate)

    def set_language(self, lang: str, *, remember: bool = True) -> None:
        """Install `lang`'s translators; every widget retranslates on the LanguageChange event."""
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = [t for t in (app_translator(lang), qt_translator(lang)) if t is not None]
        for translator in self._translators:
            self.app.installTranslator(translator)
        self.language = lang
        QLocale.setDefault(QLocale(QLocale.Language.Arabic if lang == "ar" else QLocale.Language.English))
        self.app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
        )
        if remember and self.settings.language != lang:
            self.settings.language = lang
            self.settings.save()
        self.language_changed.emit(lang)

    def locale(self) -> QLocale:
        return QLocale(QLocale.Language.Arabic if self.language == "ar" else QLocale.Language.English)
