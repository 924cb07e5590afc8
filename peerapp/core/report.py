"""A printable summary of the journal for a therapist: a date range, with chosen tags left out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .db import Connection
from .i18n import translate
from .journal import Entry, EntryFilter, JournalRepository
from .library import techniques
from .markdown_render import escape, render
from .vocab import emotion_label, mood_label

PAGE = 500


@dataclass
class ReportOptions:
    """What goes into the report. Entries carrying any tag in `leave_out` are left out entirely."""

    since: date | None = None
    until: date | None = None
    leave_out: set[str] = field(default_factory=set)
    include_text: bool = True
    lang: str = "en"


def _included(options: ReportOptions, conn: Connection) -> list[Entry]:
    repo = JournalRepository(conn)
    since = datetime.combine(options.since, time()).astimezone() if options.since else None
    until = (
        datetime.combine(options.until, time()).astimezone() + timedelta(days=1) if options.until else None
    )
    flt = EntryFilter(since=since, until=until)
    chosen: list[Entry] = []
    after = None
    while True:
        page = repo.page(flt, after=after, limit=PAGE)
        chosen.extend(e for e in page if not options.leave_out.intersection(e.tags))
        if len(page) < PAGE:
            return chosen
        after = repo.cursor_after(page[-1])


def build_report(conn: Connection, options: ReportOptions) -> str:
    """The report as HTML (user text escaped; Markdown rendered safely), ready to print or save."""
    entries = _included(options, conn)
    rtl = options.lang == "ar"
    titles = techniques(options.lang)
    moods = [e.mood for e in entries if e.mood is not None]
    emotions = Counter(k for e in entries for k in e.emotions)
    uses: Counter[str] = Counter()
    drops: dict[str, list[int]] = {}
    for entry in entries:
        for use in entry.coping:
            uses[use.technique] += 1
            if use.distress_before is not None and use.distress_after is not None:
                drops.setdefault(use.technique, []).append(use.distress_before - use.distress_after)
    first = min((e.at.date() for e in entries), default=None)
    last = max((e.at.date() for e in entries), default=None)
    span = options.since or first, options.until or last

    label = {
        "title": translate("Report", "Journal summary"),
        "range": translate("Report", "From %1 to %2"),
        "count": translate("Report", "Entries included: %1"),
        "mean": translate("Report", "Average mood: %1 of 5"),
        "mood": translate("Report", "Mood"),
        "emotions": translate("Report", "Emotions named most often"),
        "tried": translate("Report", "What I tried"),
        "technique": translate("Report", "Technique"),
        "times": translate("Report", "Times"),
        "drop": translate("Report", "Average drop in distress (0-10)"),
        "entries": translate("Report", "Entries"),
    }
    parts = [f"<html><body dir='{'rtl' if rtl else 'ltr'}'>", f"<h1>{escape(label['title'])}</h1>"]
    if span[0] and span[1]:
        parts.append(
            "<p>"
            + escape(label["range"].replace("%1", span[0].isoformat()).replace("%2", span[1].isoformat()))
            + "</p>"
        )
    parts.append("<p>" + escape(label["count"].replace("%1", str(len(entries)))) + "</p>")
    if moods:
        mean = sum(moods) / len(moods)
        parts.append("<p>" + escape(label["mean"].replace("%1", f"{mean:.1f}")) + "</p>")
        parts.append(f"<h2>{escape(label['mood'])}</h2><table border='1' cellpadding='4'>")
        counts = Counter(moods)
        for level in range(5, 0, -1):
            parts.append(f"<tr><td>{escape(mood_label(level))}</td><td>{counts.get(level, 0)}</td></tr>")
        parts.append("</table>")
    if emotions:
        parts.append(f"<h2>{escape(label['emotions'])}</h2><ul>")
        for key, count in emotions.most_common(10):
            parts.append(f"<li>{escape(emotion_label(key))}: {count}</li>")
        parts.append("</ul>")
    if uses:
        parts.append(f"<h2>{escape(label['tried'])}</h2><table border='1' cellpadding='4'>")
        parts.append(
            f"<tr><th>{escape(label['technique'])}</th><th>{escape(label['times'])}</th>"
            f"<th>{escape(label['drop'])}</th></tr>"
        )
        for technique, count in uses.most_common():
            rated = drops.get(technique, [])
            drop = f"{sum(rated) / len(rated):.1f}" if rated else "–"
            name = escape(titles.get(technique, technique))
            parts.append(f"<tr><td>{name}</td><td>{count}</td><td>{drop}</td></tr>")
        parts.append("</table>")
    if options.include_text and entries:
        parts.append(f"<h2>{escape(label['entries'])}</h2>")
        for entry in entries:
            heading = entry.at.strftime("%Y-%m-%d %H:%M")
            if entry.mood is not None:
                heading += " · " + mood_label(entry.mood)
            parts.append(f"<h3>{escape(heading)}</h3>")
            if entry.title:
                parts.append(f"<p dir='auto'><b>{escape(entry.title)}</b></p>")
            if entry.emotions:
                parts.append("<p>" + escape(", ".join(emotion_label(k) for k in entry.emotions)) + "</p>")
            parts.append(render(entry.text))
    parts.append("</body></html>")
    return "".join(parts)
