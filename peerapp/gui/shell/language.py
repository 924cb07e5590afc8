"""The language manager: installs translators, mirrors the layout, remembers the choice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from ...core import i18n
from ...core.settings import Settings
from ..widgets import locale_format
from .pseudo import PSEUDO, PseudoTranslator
from .translations import qm_path, qt_translator


def own_translator(lang: str) -> QTranslator | None:
    """peerapp's translator for `lang`, its numbers in the chosen digits.

    English is the source language; its translator holds only the plural forms ("1 entry", "2 entries").
    """
    path = qm_path(lang)
    translator = locale_format.DigitsTranslator()
    if path is None or not translator.load(str(path)):
        return None
    return translator


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
        # The pseudo-locale (developers only, gui/shell/pseudo.py) keeps English's numbers and dates.
        pseudo = lang == PSEUDO
        # The locale first: the LanguageChange that installing translators posts finds it in place.
        locale_format.configure("en" if pseudo else lang, self.settings.digits, self.settings.show_hijri)
        locale_format.refresh_widgets()
        for translator in self._translators:
            self.app.removeTranslator(translator)
        made = (PseudoTranslator(),) if pseudo else (own_translator(lang), qt_translator(lang))
        self._translators = [t for t in made if t is not None]
        for translator in self._translators:
            self.app.installTranslator(translator)
        self.language = lang
        self.app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if lang in ("ar", PSEUDO) else Qt.LayoutDirection.LeftToRight
        )
        if remember and not pseudo and self.settings.language != lang:
            self.settings.language = lang
            self.settings.save()
        self.language_changed.emit(lang)

    def locale(self) -> QLocale:
        return QLocale()  # set by locale_format.configure: the language in the chosen digits
