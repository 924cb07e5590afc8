"""The app's numbers and dates: one QLocale with the chosen digits, one short and one long date format
per language, and an optional Hijri date beside the Gregorian one.

Every screen formats through here (or through QLocale(), which this module sets), so a line never mixes
Arabic-Indic and Western digits. Translated text follows the same digits through `DigitsTranslator`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QCalendar, QCoreApplication, QDate, QEvent, QLocale, Qt, QTime, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDateTimeEdit

from ...core import numerals

DateLike = date | datetime | QDate

# One short and one long date format per language. Arabic keeps the day-first numeric date its
# readers expect (the marks after the numbers keep the order right to left inside any line); English
# spells the month so that 3/12 is never read as March 12th.
DATE_FORMATS: dict[str, tuple[str, str]] = {
    "en": ("d MMM yyyy", "dddd, d MMMM yyyy"),
    "ar": ("d\u200f/M\u200f/yyyy", "dddd\u060c d MMMM yyyy"),
}
_ISLAMIC = QCalendar.System.IslamicCivil


@dataclass(frozen=True)
class NumberStyle:
    """What the interface shows now: its language, the digits (resolved for it) and the Hijri date."""

    language: str = "en"
    digits: str = numerals.WESTERN
    show_hijri: bool = False


_style = NumberStyle()


def app_locale(language: str, digits: str) -> QLocale:
    """The QLocale for `language` written in `digits` (a resolved system, see numerals.system_for)."""
    if language == "ar":
        # Arabic as written in Egypt and "Arabic (World)" differ only in digits and separators: the same
        # month names, formats and plural rules, so switching digits changes nothing else.
        if digits == numerals.WESTERN:
            return QLocale(QLocale.Language.Arabic, QLocale.Country.World)
        return QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def configure(language: str, digits_setting: str, show_hijri: bool) -> NumberStyle:
    """Make `language` with the chosen digits the app's default locale (existing widgets: `refresh`)."""
    global _style
    system = numerals.system_for(language, digits_setting)
    _style = NumberStyle(language, system, show_hijri)
    QLocale.setDefault(app_locale(language, system))
    numerals.set_system(system)  # what Qt-free code (core, shared with the CLI) writes in the app
    return _style


def style() -> NumberStyle:
    return _style


def refresh_widgets() -> None:
    """Existing widgets take the new default locale (spin boxes, date edits redraw in its digits).

    QLocale.setDefault alone leaves every widget with the locale it was made with; a LocaleChange
    sent to the application makes each widget that has no locale of its own take the default again.
    """
    app = QCoreApplication.instance()
    if app is not None:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LocaleChange))


def apply(language: str, digits_setting: str, show_hijri: bool) -> None:
    """A digits or Hijri change from Preferences: every screen redraws, as after a language change."""
    configure(language, digits_setting, show_hijri)
    refresh_widgets()
    app = QCoreApplication.instance()
    if app is not None:
        # Every Retranslatable widget sets its texts again, with numbers in the new digits.
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))


# -- numbers -----------------------------------------------------------------------------------


def number(value: int | float) -> str:
    """A number in the interface's digits and separators."""
    return QLocale().toString(value)


def plain_number(value: int) -> str:
    """An integer without thousands separators (a year, a step number)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(value)


def text(value: str) -> str:
    """The app's own text (a bundled title, never the person's words) with its numbers in the chosen digits."""
    return numerals.localize(value, _style.digits)


# -- dates and times -----------------------------------------------------------------------------


def _qdate(value: DateLike) -> QDate:
    if isinstance(value, QDate):
        return value
    return QDate(value.year, value.month, value.day)


def _formats() -> tuple[str, str]:
    return DATE_FORMATS.get(_style.language, DATE_FORMATS["en"])


def short_date_format() -> str:
    """The display format of every date field (QDateEdit)."""
    return _formats()[0]


def date_time_format() -> str:
    """The display format of every date-and-time field (QDateTimeEdit)."""
    return f"{_formats()[0]} {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}"


def set_up_date_field(field: QDateTimeEdit, *, with_time: bool) -> None:
    """Give a date (or date-and-time) field the one short format, reading right to left in Arabic.

    Qt reverses the sections of a field laid out right to left, so 3/12/2026 9:05 would show as
    2026/12/3 05:9. Laid out left to right, the field keeps the format's order, and the format's
    right-to-left marks make it read like every other Arabic date ("٣/١٢/٢٠٢٦ ٩:٠٥ م"). Its calendar
    keeps the interface's direction. Call again on each language change.
    """
    field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    field.setDisplayFormat(date_time_format() if with_time else short_date_format())
    calendar = field.calendarWidget()
    if calendar is not None:
        calendar.setLayoutDirection(QGuiApplication.layoutDirection())


def short_date(value: DateLike) -> str:
    return QLocale().toString(_qdate(value), _formats()[0])


def long_date(value: DateLike) -> str:
    """The long date, with the Hijri date beside it when that is turned on."""
    gregorian = QLocale().toString(_qdate(value), _formats()[1])
    if not _style.show_hijri:
        return gregorian
    return (
        QCoreApplication.translate(
            "LocaleFormat", "%1 (%2)", "a date, then the same day in the Hijri calendar"
        )
        .replace("%1", gregorian)
        .replace("%2", hijri_date(value))
    )


def hijri_date(value: DateLike) -> str:
    """The same day in the Islamic civil (tabular) calendar: "22 Jumada II 1448 AH"."""
    calendar = QCalendar(_ISLAMIC)
    parts = calendar.partsFromDate(_qdate(value))
    month = calendar.monthName(QLocale(), parts.month, parts.year, QLocale.FormatType.LongFormat)
    return (
        QCoreApplication.translate("LocaleFormat", "%1 %2 %3 AH", "day, month name and year of a Hijri date")
        .replace("%1", plain_number(parts.day))
        .replace("%2", month)
        .replace("%3", plain_number(parts.year))
    )


def time_text(value: time | datetime | QTime) -> str:
    qtime = value if isinstance(value, QTime) else QTime(value.hour, value.minute, value.second)
    return QLocale().toString(qtime, QLocale.FormatType.ShortFormat)


def short_date_time(value: datetime) -> str:
    """A moment in a list or a status line: the short date and the time."""
    return f"{short_date(value)} {time_text(value)}"


def long_date_time(value: datetime) -> str:
    """A moment at the top of a page: the long date (and Hijri date) and the time."""
    return f"{long_date(value)} {time_text(value)}"


# -- translated text -------------------------------------------------------------------------------


class DigitsTranslator(QTranslator):
    """The app's translator: numbers written into translations follow the chosen digits too.

    "آخر 3 أشهر" becomes "آخر ٣ أشهر" with Arabic-Indic digits, and a plural's %n (which Qt always
    writes in Western digits) becomes %Ln (written by the default locale, so in the chosen digits).
    """

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = super().translate(context, source_text, disambiguation, n)
        if not found:
            return None  # not ours: Qt tries the next translator, then shows the source text
        return numerals.localize(found, _style.digits).replace("%n", "%Ln")
