"""The three steps of the first run (language, passphrase, protections) and the parts they share.

Their texts are in the SetupPage context, the page they make up (and the one translators know).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.disguise import ORIGINAL, PRESETS, appearance_for
from ...core.settings import Settings
from .. import design, theme
from ..common import Retranslatable
from ..widgets import locale_format
from ..widgets.passphrase import NewPassphraseForm
from .language import LanguageManager

# Auto-lock choices in minutes (0 = never); the settings' default (5) is preselected.
AUTOLOCK_CHOICES = (1, 5, 15, 30, 60, 0)
# The neutral look "discreet mode: on" chooses; Settings > Discreet mode offers the others later.
DISCREET_LOOK = PRESETS[0]


class PrimaryButton(QPushButton):
    """A step's main action, drawn in the design's accent (its ink/fill pair meets AA) with the app's
    focus ring. Painted here rather than through a palette, which the app's style sheet resets when the
    theme changes, so it follows light and dark at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Room for the focus ring outside the fill, and a comfortable target inside it.
        return super().sizeHint() + QSize(design.SPACE["xl"], design.SPACE["s"])

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def colours(self) -> tuple[QColor, QColor, QColor | None]:
        """Fill, ink and outline (None: no outline) for the button's state."""
        if not self.isEnabled():
            return design.surface("outline"), design.surface("muted"), None
        return design.surface("accent"), design.surface("accent_ink"), None

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill, ink, outline = self.colours()
        if self.isEnabled() and self.isDown():
            fill = fill.darker(115)
        elif self.isEnabled() and self.underMouse():
            fill = fill.lighter(108) if fill.lightness() < 128 else fill.darker(104)
        inset = theme.FOCUS_WIDTH + 1  # the focus ring goes round the fill, on the window's colour
        painter.setPen(QPen(outline, 1) if outline is not None else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        radius = design.RADIUS["m"]
        painter.drawRoundedRect(QRectF(self.rect().adjusted(inset, inset, -inset, -inset)), radius, radius)
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.ButtonText, ink)
        shown = Qt.TextFlag.TextShowMnemonic
        if not self.style().styleHint(QStyle.StyleHint.SH_UnderlineShortcut, None, self):
            shown = Qt.TextFlag.TextHideMnemonic
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(shown)
        self.style().drawItemText(
            painter, self.rect(), flags, palette, True, self.text(), QPalette.ColorRole.ButtonText
        )
        if self.hasFocus():
            theme.draw_focus_ring(painter, self.rect(), self.palette())
        painter.end()


class ChoiceButton(PrimaryButton):
    """One of a few large choices: a card, in the accent once chosen."""

    def colours(self) -> tuple[QColor, QColor, QColor | None]:
        if self.isChecked():
            return design.surface("accent"), design.surface("accent_ink"), None
        return design.surface("card"), design.surface("text"), design.surface("outline")


def step_text(template: str, step: int, steps: int) -> str:
    """A translated "Step %1 of %2" filled in with the numbers in the interface's digits."""
    return template.replace("%1", locale_format.plain_number(step)).replace(
        "%2", locale_format.plain_number(steps)
    )


def note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


def column(widget: QWidget, *parts: QWidget | QHBoxLayout) -> None:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(design.SPACE["m"])
    for part in parts:
        if isinstance(part, QCheckBox):  # only as wide as its text: a click beside it does nothing
            layout.addWidget(part, 0, Qt.AlignmentFlag.AlignLeading)
        elif isinstance(part, QWidget):
            layout.addWidget(part)
        else:
            layout.addLayout(part)
    layout.addStretch()


class LanguageStep(Retranslatable, QWidget):
    """Two large choices, each named in its own language; choosing one switches the interface at once."""

    def __init__(self, languages: LanguageManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro, self.note = note(), note()
        self.english, self.arabic = ChoiceButton(), ChoiceButton()
        choices = QHBoxLayout()
        choices.setSpacing(design.SPACE["l"])
        for button in (self.english, self.arabic):
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setFont(design.font("display"))
            button.setMinimumHeight(button.fontMetrics().height() * 3)
            choices.addWidget(button, 1)
        self.english.clicked.connect(lambda: languages.set_language("en"))
        self.arabic.clicked.connect(lambda: languages.set_language("ar"))
        languages.language_changed.connect(self.show_language)
        self.show_language(languages.language)
        column(self, self.intro, choices, self.note)
        self.retranslate_ui()

    def show_language(self, lang: str) -> None:
        self.english.setChecked(lang == "en")
        self.arabic.setChecked(lang == "ar")

    def first_field(self) -> QWidget:
        return self.arabic if self.arabic.isChecked() else self.english

    def retranslate_ui(self) -> None:
        # Each language named in itself, whatever the interface is in now: not translated.
        for button, name in ((self.english, "English"), (self.arabic, "العربية")):
            button.setText(name)
            button.setAccessibleName(name)
        self.intro.setText(
            QCoreApplication.translate(
                "SetupPage",
                "Which language would you like to use? You can switch at any time from the Settings menu.",
            )
        )
        self.note.setText(
            QCoreApplication.translate(
                "SetupPage",
                "Everything you write stays on this computer, encrypted. Nobody else can read it.",
            )
        )


class PassphraseStep(Retranslatable, QWidget):
    """The passphrase with its strength, the no-reset warning, and what a recovery key is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro, self.warning = note(), note()
        self.form = NewPassphraseForm()
        theme.mark_warning(self.warning)
        self.recovery = QCheckBox()
        # A check box cannot wrap its text: the explanation is a label that can.
        self.recovery_note = note()
        column(self, self.intro, self.form, self.warning, self.recovery, self.recovery_note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.intro.setText(
            QCoreApplication.translate(
                "SetupPage",
                "Everything you write stays on this computer, encrypted with a passphrase "
                "that only you know. Choose one you can remember and others cannot guess.",
            )
        )
        self.warning.setText(
            QCoreApplication.translate(
                "SetupPage",
                "Important: if you forget your passphrase, nobody can recover your journal, "
                "not even us. There is no reset.",
            )
        )
        self.recovery.setText(QCoreApplication.translate("SetupPage", "Also create a recovery key"))
        self.recovery_note.setText(
            QCoreApplication.translate(
                "SetupPage",
                "A recovery key is a long code that opens your journal if you forget your passphrase. "
                "It is shown only once, right after your journal is made: write it down and keep it "
                "somewhere private, because anyone who has it can read your journal.",
            )
        )


class ProtectionsStep(Retranslatable, QWidget):
    """Discreet mode and the auto-lock time, each with one line on what it does."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A neutral look chosen before (a journal made here earlier) stays chosen, and stays the one named.
        chosen = appearance_for(settings.appearance)
        self.look = chosen if chosen is not ORIGINAL else DISCREET_LOOK
        self.settings = settings
        self._autolock_chosen = False  # once a person picks a time here, showing the step again keeps it
        self.intro, self.discreet_note, self.autolock_note, self.later_note = note(), note(), note(), note()
        self.discreet = QCheckBox()
        self.discreet.setChecked(chosen is not ORIGINAL)
        self.autolock_label = QLabel()
        self.autolock = QComboBox()
        self.autolock_label.setBuddy(self.autolock)
        for minutes in AUTOLOCK_CHOICES:
            self.autolock.addItem("", minutes)
        self._selecting = False
        self.autolock.currentIndexChanged.connect(self._chose_autolock)
        self._select_autolock(settings.autolock_minutes)
        row = QHBoxLayout()
        row.addWidget(self.autolock_label)
        row.addWidget(self.autolock)
        row.addStretch()
        column(self, self.intro, self.discreet, self.discreet_note, row, self.autolock_note, self.later_note)
        self.retranslate_ui()

    def _chose_autolock(self, _index: int) -> None:
        if not self._selecting:  # picked by a person (or a test), not set from the settings
            self._autolock_chosen = True

    def _select_autolock(self, minutes: int) -> None:
        self._selecting = True
        try:
            self._set_autolock(minutes)
        finally:
            self._selecting = False

    def _set_autolock(self, minutes: int) -> None:
        index = self.autolock.findData(minutes)
        if index < 0:  # a value chosen in Preferences for a journal made here before: offer it too
            self.autolock.addItem("", minutes)
            index = self.autolock.count() - 1
            self.retranslate_ui()
        self.autolock.setCurrentIndex(index)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # The settings may have changed since the page was built (a wipe, Preferences, a test):
        # the step offers what they say now, unless a time was already picked here.
        if not self._autolock_chosen:
            self._select_autolock(self.settings.autolock_minutes)
        super().showEvent(event)

    def autolock_minutes(self) -> int:
        return int(self.autolock.currentData())

    def appearance(self) -> str:
        """The settings' key of the look chosen: a neutral one with discreet mode on, else the app's own."""
        return self.look.key if self.discreet.isChecked() else ORIGINAL.key

    def retranslate_ui(self) -> None:
        self.intro.setText(
            QCoreApplication.translate(
                "SetupPage", "Two optional protections. The suggested settings suit most people."
            )
        )
        self.discreet.setText(QCoreApplication.translate("SetupPage", "&Discreet mode"))
        self.discreet_note.setText(
            QCoreApplication.translate(
                "SetupPage",
                "While the journal is locked, the window and taskbar show a plain “%1” name and icon, "
                "so a glance at the screen does not tell what this app is for.",
            ).replace("%1", self.look.display_title())
        )
        self.autolock_label.setText(
            QCoreApplication.translate("SetupPage", "&Lock the journal when unused for:")
        )
        for index in range(self.autolock.count()):
            minutes = int(self.autolock.itemData(index))
            text = (
                self.tr("%n minutes", "", minutes)
                if minutes
                else QCoreApplication.translate("SetupPage", "Never lock by itself")
            )
            self.autolock.setItemText(index, text)
        self.autolock_note.setText(
            QCoreApplication.translate(
                "SetupPage", "Your passphrase opens it again; an entry you were writing is kept as a draft."
            )
        )
        self.later_note.setText(
            QCoreApplication.translate("SetupPage", "You can change these later in the Settings menu.")
        )
