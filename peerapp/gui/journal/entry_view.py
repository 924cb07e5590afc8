"""Read-only view of one entry, laid out like a page: title, date, mood face, chips, then the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from ...core.journal import Entry
from ...core.library import techniques
from ...core.markdown_render import escape, render
from ...core.vocab import emotion_group, emotion_label, mood_label
from .. import design, theme
from ..common import Retranslatable
from ..widgets import locale_format
from ..widgets.bidi_text import isolate, resettle_on_direction_change, show_html
from ..widgets.safe_browser import SafeBrowser

FACE = design.SPACE["xl"]  # the mood face beside its label, a little taller than a line
FACE_URL = "peerapp-mood:%d"  # the face's name in the document (added to it, never fetched)


def _pt(role: str) -> str:
    """A type-scale step as a CSS size in points (rich text takes no QFont)."""
    return f"{design.font(role).pointSizeF():.1f}pt"


class EntryView(Retranslatable, SafeBrowser):
    """Shows the selected entry like a page, each paragraph of the text in its own direction; cleared on lock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: Entry | None = None
        self.lang = "en"
        # Comfortable margins around the page, from the design's spacing scale.
        self.document().setDocumentMargin(design.SPACE["xl"])
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Selected entry"))
        self.show_entry(self.entry)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        resettle_on_direction_change(self, event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self.entry:
            self.show_entry(self.entry)  # the chips and the muted lines in the new palette's colours

    def _chip(self, text: str, fill: str, ink: str) -> str:
        # Rich text has no rounded boxes: a coloured run with a space either side reads as a chip. The
        # text is isolated so an English tag in an Arabic row (or the reverse) keeps its own direction.
        return (
            f"<span style='background-color:{fill}; color:{ink}'>&nbsp;{escape(isolate(text))}&nbsp;</span>"
        )

    def _face(self, level: int) -> str:
        """The mood's face as an image the document holds (SafeBrowser fetches nothing)."""
        ratio = self.devicePixelRatioF()
        picture = design.mood_glyph(level, FACE, design.is_dark(), ratio)
        url = FACE_URL % level
        self.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), picture)
        return f"<img src='{url}' width='{FACE}' height='{FACE}' style='vertical-align: middle'>"

    def show_entry(self, entry: Entry | None) -> None:
        self.entry = entry
        if entry is None:
            hint = self.tr("Select an entry to read it here.")
            show_html(self, f"<p style='color: {theme.hint_colour(self.palette())}'>{escape(hint)}</p>")
            return
        locale = QLocale()
        dark = design.is_dark()
        muted = design.surface("muted", dark).name()
        when = locale_format.long_date_time(entry.at)
        parts = []
        if entry.title:
            parts.append(
                f"<p dir='auto' style='font-size:{_pt('title')}; font-weight:700; margin-bottom:"
                f"{design.SPACE['xs']}px'>{escape(entry.title)}</p>"
            )
        parts.append(f"<p style='color:{muted}'>{escape(when)}</p>")
        labels = {
            "mood": self.tr("Mood:"),
            "emotions": self.tr("Emotions:"),
            "tags": self.tr("Tags:"),
            "tried": self.tr("What I tried:"),
        }
        facts = []
        if entry.mood is not None:
            # The face and the mood in words: the colour is never the only sign.
            label = f"<span style='color:{muted}'>{escape(labels['mood'])}</span>"
            facts.append(f"{label} {self._face(entry.mood)} <b>{escape(mood_label(entry.mood))}</b>")
        ink = design.MOOD_INK
        if entry.emotions:
            chips = []
            for key in entry.emotions:
                group = emotion_group(key)
                fill = design.EMOTION_GROUP_COLOUR[dark].get(group or "")
                tag_fill, text = design.surface("outline", dark).name(), design.surface("text", dark).name()
                chips.append(self._chip(emotion_label(key), fill or tag_fill, ink if fill else text))
            label = f"<span style='color:{muted}'>{escape(labels['emotions'])}</span>"
            facts.append(label + " " + "&nbsp; ".join(chips))
        if entry.tags:
            fill, text = design.surface("outline", dark).name(), design.surface("text", dark).name()
            label = f"<span style='color:{muted}'>{escape(labels['tags'])}</span>"
            facts.append(label + " " + "&nbsp; ".join(self._chip(tag, fill, text) for tag in entry.tags))
        for line in facts:
            # Each on its own line in the interface's direction (the label comes first).
            parts.append(f"<p style='margin-top:{design.SPACE['xs']}px'>{line}</p>")
        if entry.prompt:
            # The prompt the entry answers, quiet above the text it prompted.
            label = escape(self.tr("Writing about:"))
            # Slanted in Latin script only: Arabic has no italic, and a slanted Arabic line reads badly.
            arabic = any("\u0600" <= c <= "\u06ff" for c in entry.prompt)
            slant = "normal" if arabic else "italic"
            parts.append(
                f"<p style='margin-top:{design.SPACE['s']}px'><span style='color:{muted}'>{label}</span>"
                f" <span style='font-style:{slant}'>{escape(isolate(entry.prompt))}</span></p>"
            )
        if entry.coping:
            titles = techniques(QLocale().name()[:2])
            items = []
            for use in entry.coping:
                line = escape(isolate(titles.get(use.technique, use.technique)))
                if use.distress_before is not None or use.distress_after is not None:
                    before = "–" if use.distress_before is None else locale.toString(use.distress_before)
                    after = "–" if use.distress_after is None else locale.toString(use.distress_after)
                    line += " — " + escape(
                        self.tr("distress %1 → %2").replace("%1", before).replace("%2", after)
                    )
                if use.helpfulness is not None:
                    line += " — " + escape(
                        self.tr("helpfulness %1/5").replace("%1", locale.toString(use.helpfulness))
                    )
                items.append(f"<li>{line}</li>")
            parts.append(f"<p><b>{escape(labels['tried'])}</b></p><ul>{''.join(items)}</ul>")
        parts.append("<hr>")
        parts.append(render(entry.text))
        show_html(self, "".join(parts))
