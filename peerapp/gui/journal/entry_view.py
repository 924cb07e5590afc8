"""Read-only view of one entry: metadata and the rendered Markdown body."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QWidget

from ...core.journal import Entry
from ...core.library import techniques
from ...core.markdown_render import escape, render
from ...core.vocab import emotion_label, mood_label
from .. import theme
from ..common import Retranslatable
from ..widgets import locale_format
from ..widgets.bidi_text import isolate, resettle_on_direction_change, show_html
from ..widgets.safe_browser import SafeBrowser


class EntryView(Retranslatable, SafeBrowser):
    """Shows the selected entry; cleared on lock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: Entry | None = None
        self.lang = "en"
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Selected entry"))
        self.show_entry(self.entry)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        resettle_on_direction_change(self, event)

    def show_entry(self, entry: Entry | None) -> None:
        self.entry = entry
        if entry is None:
            hint = self.tr("Select an entry to read it here.")
            show_html(self, f"<p style='color: {theme.hint_colour(self.palette())}'>{escape(hint)}</p>")
            return
        locale = QLocale()
        when = locale_format.long_date_time(entry.at)
        parts = []
        if entry.title:
            parts.append(f"<h2 dir='auto'>{escape(entry.title)}</h2>")
        parts.append(f"<p>{escape(when)}</p>")
        facts = []
        labels = {
            "mood": self.tr("Mood:"),
            "emotions": self.tr("Emotions:"),
            "tags": self.tr("Tags:"),
            "tried": self.tr("What I tried:"),
        }
        if entry.mood is not None:
            facts.append(f"<b>{escape(labels['mood'])}</b> {escape(mood_label(entry.mood))}")
        separator = self.tr(", ")
        if entry.emotions:
            names = separator.join(emotion_label(e) for e in entry.emotions)
            facts.append(f"<b>{escape(labels['emotions'])}</b> {escape(names)}")
        if entry.tags:
            # Each tag keeps its own direction, so an English tag in an Arabic list (or the other
            # way round) does not carry the commas and its neighbours along with it.
            tags = escape(separator.join(isolate(tag) for tag in entry.tags))
            facts.append(f"<b>{escape(labels['tags'])}</b> {tags}")
        if facts:
            parts.append("<p>" + "<br>".join(facts) + "</p>")
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
