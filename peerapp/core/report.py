"""A printable summary of the journal for a therapist: a date range, with chosen tags left out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from . import numerals
from .db import Connection
from .i18n import translate
from .journal import Entry, EntryFilter, JournalRepository
from .library import techniques
from .markdown_render import escape, render
from .vocab import emotion_label, mood_label

PAGE = 500


def iso_date(day: date) -> str:
    """A date as 2026-12-03 in the chosen digits: what the report writes when no formatter is given."""
    return numerals.convert(day.isoformat())


def iso_moment(moment: datetime) -> str:
    return numerals.convert(moment.strftime("%Y-%m-%d %H:%M"))


def decimal(value: float) -> str:
    """One decimal in the chosen digits (٣٫٥ with Arabic-Indic digits), as the insights page writes it."""
    return numerals.convert(f"{value:.1f}")


@dataclass
class ReportOptions:
    """What goes into the report. Entries carrying any tag in `leave_out` are left out entirely.

    `date_text` and `moment_text` write dates and times the way the interface does (the GUI passes its
    long date and its short date and time); numbers follow numerals' current digits.
    """

    since: date | None = None
    until: date | None = None
    leave_out: set[str] = field(default_factory=set)
    include_text: bool = True
    lang: str = "en"
    date_text: Callable[[date], str] = iso_date
    moment_text: Callable[[datetime], str] = iso_moment


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
        "separator": translate("Report", ", "),
    }
    parts = [f"<html><body dir='{'rtl' if rtl else 'ltr'}'>", f"<h1>{escape(label['title'])}</h1>"]
    if span[0] and span[1]:
        parts.append(
            "<p>"
            + escape(
                label["range"]
                .replace("%1", options.date_text(span[0]))
                .replace("%2", options.date_text(span[1]))
            )
            + "</p>"
        )
    parts.append("<p>" + escape(label["count"].replace("%1", numerals.number(len(entries)))) + "</p>")
    if moods:
        mean = sum(moods) / len(moods)
        parts.append("<p>" + escape(label["mean"].replace("%1", decimal(mean))) + "</p>")
        parts.append(f"<h2>{escape(label['mood'])}</h2><table border='1' cellpadding='4'>")
        counts = Counter(moods)
        for level in range(5, 0, -1):
            times = numerals.number(counts.get(level, 0))
            parts.append(f"<tr><td>{escape(mood_label(level))}</td><td>{times}</td></tr>")
        parts.append("</table>")
    if emotions:
        parts.append(f"<h2>{escape(label['emotions'])}</h2><ul>")
        for key, count in emotions.most_common(10):
            parts.append(f"<li>{escape(emotion_label(key))}: {numerals.number(count)}</li>")
        parts.append("</ul>")
    if uses:
        parts.append(f"<h2>{escape(label['tried'])}</h2><table border='1' cellpadding='4'>")
        parts.append(
            f"<tr><th>{escape(label['technique'])}</th><th>{escape(label['times'])}</th>"
            f"<th>{escape(label['drop'])}</th></tr>"
        )
        for technique, count in uses.most_common():
            rated = drops.get(technique, [])
            drop = decimal(sum(rated) / len(rated)) if rated else "–"
            name = escape(titles.get(technique, technique))
            parts.append(f"<tr><td>{name}</td><td>{numerals.number(count)}</td><td>{drop}</td></tr>")
        parts.append("</table>")
    if options.include_text and entries:
        parts.append(f"<h2>{escape(label['entries'])}</h2>")
        for entry in entries:
            heading = options.moment_text(entry.at)
            if entry.mood is not None:
                heading += " · " + mood_label(entry.mood)
            parts.append(f"<h3>{escape(heading)}</h3>")
            if entry.title:
                parts.append(f"<p dir='auto'><b>{escape(entry.title)}</b></p>")
            if entry.emotions:
                names = label["separator"].join(emotion_label(k) for k in entry.emotions)
                parts.append("<p>" + escape(names) + "</p>")
            parts.append(render(entry.text))
    parts.append("</body></html>")
    return "".join(parts)
