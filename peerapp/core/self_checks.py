"""Short, optional self-checks of the three outcomes peer support works through: coping, belonging, resilience.

Which instruments, and why (issue 19; the terms were checked on 2026-12-03):

- **Resilience: the Brief Resilience Scale** (Smith, Dalen, Wiggins, Tooley, Christopher and Bernard, 2008,
  International Journal of Behavioral Medicine 15(3), 194–200, doi:10.1080/10705500802222972). Six
  statements answered from "strongly disagree" to "strongly agree"; items 2, 4 and 6 are reverse-scored; the
  score is the mean (1–5). The NIH's PhenX Toolkit (protocol 251401) gives its availability as "publicly
  available", with no special requirements; we found no licence restricting its use. Its English items are
  used as published, with the citation on screen.
  A validated Arabic version exists ("Translation and population-based validation of the Arabic version of
  the brief resilience scale", Annals of Medicine, 2023, doi:10.1080/07853890.2023.2230887); we have not been able to
  take its exact wording into the app yet, so the Arabic text here is our own translation and the screen
  says so: in Arabic the numbers are for comparing yourself with yourself over time.
- **Coping confidence and sense of belonging: our own reflection questions.** The scales we looked at
  (the Coping Self-Efficacy Scale, the General Belongingness Scale, the Sense of Belonging Instrument) do not
  state terms that allow shipping them inside an app without asking their authors, so we wrote four
  questions of our own for each. They are labelled on screen as reflections, not a measurement.

No score is ever a diagnosis. When an outcome's last two results are both low, the app points kindly to the
library's articles on that subject and to the safety plan; it never routes anyone anywhere by itself.
Everything lives in the vault (table self_check, migration 13); how often to offer a check is a vault setting.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from . import kv
from .db import Connection, Transaction
from .errors import PeerappError
from .i18n import QT_TRANSLATE_NOOP

CONTEXT = "SelfCheck"
KV_EVERY = "self_check.every"
EVERY = ("off", "week", "month")
LOW_RUN = 2  # this many low results in a row bring the kind pointer to the library and the safety plan
MIN_CHANGES = 3  # a pattern needs at least this many changes between checks on each side


class InvalidSelfCheck(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A self-check needs one answer from 1 to 5 for each question, and a known check."
    )


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str  # English source; translate with CONTEXT
    intro: str
    items: tuple[str, ...]
    reverse: frozenset[int]  # 1-based item numbers scored 6 - answer
    measurement: bool  # a published, validated scale (True) or our own reflection questions (False)
    source: str  # the citation line shown under the questions
    low: float  # a mean at or below this counts as low for the kind pointer (not a clinical cut-off)
    articles: tuple[str, ...]  # library article ids offered after repeated low results


# Shown under a published scale's questions when the interface is not English (our own translation).
TRANSLATED_NOTE = QT_TRANSLATE_NOOP(
    "SelfCheck",
    "These statements are our own translation of an English scale. A validated translation exists but is "
    "not in the app yet, so use your results to compare yourself with yourself over time.",
)
NOT_A_DIAGNOSIS = QT_TRANSLATE_NOOP(
    "SelfCheck", "This is a check-in with yourself, not a diagnosis. Your answers stay in your journal."
)

SCALE = (
    QT_TRANSLATE_NOOP("SelfCheck", "Strongly disagree"),
    QT_TRANSLATE_NOOP("SelfCheck", "Disagree"),
    QT_TRANSLATE_NOOP("SelfCheck", "Neither agree nor disagree"),
    QT_TRANSLATE_NOOP("SelfCheck", "Agree"),
    QT_TRANSLATE_NOOP("SelfCheck", "Strongly agree"),
)

INSTRUMENTS: dict[str, Instrument] = {
    "resilience": Instrument(
        id="resilience",
        name=QT_TRANSLATE_NOOP("SelfCheck", "Bouncing back"),
        intro=QT_TRANSLATE_NOOP(
            "SelfCheck",
            "Six statements about how you recover from hard times. Answer for how things usually are for you.",
        ),
        items=(
            QT_TRANSLATE_NOOP("SelfCheck", "I tend to bounce back quickly after hard times"),
            QT_TRANSLATE_NOOP("SelfCheck", "I have a hard time making it through stressful events"),
            QT_TRANSLATE_NOOP("SelfCheck", "It does not take me long to recover from a stressful event"),
            QT_TRANSLATE_NOOP("SelfCheck", "It is hard for me to snap back when something bad happens"),
            QT_TRANSLATE_NOOP("SelfCheck", "I usually come through difficult times with little trouble"),
            QT_TRANSLATE_NOOP("SelfCheck", "I tend to take a long time to get over set-backs in my life"),
        ),
        reverse=frozenset({2, 4, 6}),
        measurement=True,
        source=QT_TRANSLATE_NOOP(
            "SelfCheck",
            "The Brief Resilience Scale: Smith and colleagues, International Journal of Behavioral Medicine, "
            "2008. Publicly available.",
        ),
        low=2.99,
        articles=("building-resilience", "self-compassion", "problem-solving"),
    ),
    "belonging": Instrument(
        id="belonging",
        name=QT_TRANSLATE_NOOP("SelfCheck", "Belonging"),
        intro=QT_TRANSLATE_NOOP(
            "SelfCheck",
            "Four questions about feeling accepted and connected lately. There are no right answers.",
        ),
        items=(
            QT_TRANSLATE_NOOP("SelfCheck", "Lately, I have felt that some people accept me as I am."),
            QT_TRANSLATE_NOOP("SelfCheck", "I had someone I could be myself with, even for a little while."),
            QT_TRANSLATE_NOOP("SelfCheck", "I felt part of a community, online or in person."),
            QT_TRANSLATE_NOOP("SelfCheck", "I felt alone with who I really am."),
        ),
        reverse=frozenset({4}),
        measurement=False,
        source=QT_TRANSLATE_NOOP(
            "SelfCheck", "Reflection questions written for peerapp. They are not a measurement or a test."
        ),
        low=2.5,
        articles=("chosen-family", "loneliness", "peer-groups-safely"),
    ),
    "coping": Instrument(
        id="coping",
        name=QT_TRANSLATE_NOOP("SelfCheck", "Coping confidence"),
        intro=QT_TRANSLATE_NOOP(
            "SelfCheck", "Four questions about how able you have felt to get through hard moments lately."
        ),
        items=(
            QT_TRANSLATE_NOOP(
                "SelfCheck",
                "When things got hard lately, I knew something I could do to feel a little steadier.",
            ),
            QT_TRANSLATE_NOOP("SelfCheck", "I used at least one thing that usually helps me."),
            QT_TRANSLATE_NOOP("SelfCheck", "I felt able to ask for support if I needed it."),
            QT_TRANSLATE_NOOP("SelfCheck", "Hard moments felt completely out of my hands."),
        ),
        reverse=frozenset({4}),
        measurement=False,
        source=QT_TRANSLATE_NOOP(
            "SelfCheck", "Reflection questions written for peerapp. They are not a measurement or a test."
        ),
        low=2.5,
        articles=("self-efficacy", "distraction-self-soothing", "grounding-5-4-3-2-1"),
    ),
}


@dataclass(frozen=True)
class SelfCheck:
    id: int
    at: str  # local ISO-8601 with offset, like entries
    day: date
    instrument: str
    answers: tuple[int, ...]
    score: float


def score(instrument: Instrument, answers: Sequence[int]) -> float:
    """The mean answer with reverse items turned round (1–5, higher is more of the outcome)."""
    check_answers(instrument, answers)
    values = [6 - a if n in instrument.reverse else a for n, a in enumerate(answers, start=1)]
    return round(sum(values) / len(values), 2)


def instrument(instrument_id: str) -> Instrument:
    found = INSTRUMENTS.get(instrument_id)
    if found is None:
        raise InvalidSelfCheck(instrument_id)
    return found


def check_answers(instrument: Instrument, answers: Sequence[int]) -> None:
    if len(answers) != len(instrument.items) or any(type(a) is not int or not 1 <= a <= 5 for a in answers):
        raise InvalidSelfCheck()


def record(conn: Connection, instrument_id: str, answers: Sequence[int], at: datetime) -> SelfCheck:
    """Store one completed check; `at` is an aware local time."""
    found = instrument(instrument_id)
    value = score(found, answers)
    stamp = at.isoformat(timespec="seconds")
    with Transaction(conn):
        cur = conn.execute(
            "INSERT INTO self_check (at, day, instrument, answers, score) VALUES (?, ?, ?, ?, ?)",
            (stamp, at.date().isoformat(), found.id, json.dumps(list(answers)), value),
        )
    return SelfCheck(int(cur.lastrowid or 0), stamp, at.date(), found.id, tuple(answers), value)


def _row(row: Sequence[Any]) -> SelfCheck:
    return SelfCheck(
        int(row[0]),
        str(row[1]),
        date.fromisoformat(row[2]),
        str(row[3]),
        tuple(json.loads(row[4])),
        float(row[5]),
    )


def history(conn: Connection, instrument_id: str | None = None, *, limit: int = 500) -> list[SelfCheck]:
    """Checks oldest first (the newest `limit` of them), of one instrument or all."""
    where, args = ("WHERE instrument = ?", [instrument_id]) if instrument_id else ("", [])
    rows = conn.execute(
        f"SELECT id, at, day, instrument, answers, score FROM self_check {where} ORDER BY day DESC, id DESC LIMIT ?",
        (*args, limit),
    ).fetchall()
    return [_row(r) for r in reversed(rows)]


def delete(conn: Connection, check_id: int) -> None:
    with Transaction(conn):
        conn.execute("DELETE FROM self_check WHERE id = ?", (check_id,))


def every(conn: Connection) -> str:
    value = kv.get(conn, KV_EVERY)
    return value if value in EVERY else "off"


def set_every(conn: Connection, value: str) -> None:
    if value not in EVERY:
        raise InvalidSelfCheck(value)
    with Transaction(conn):
        kv.put(conn, KV_EVERY, value)


def due(conn: Connection, today: date) -> bool:
    """True when the chosen rhythm says a check is due: nothing in the last week or month."""
    rhythm = every(conn)
    if rhythm == "off":
        return False
    row = conn.execute("SELECT max(day) FROM self_check").fetchone()
    if row is None or row[0] is None:
        return True
    days = 7 if rhythm == "week" else 30
    return date.fromisoformat(row[0]) <= today - timedelta(days=days)


def low_run(instrument: Instrument, checks: Sequence[SelfCheck]) -> bool:
    """True when the last LOW_RUN checks of this instrument were all at or below its low mark."""
    mine = [c for c in checks if c.instrument == instrument.id][-LOW_RUN:]
    return len(mine) == LOW_RUN and all(c.score <= instrument.low for c in mine)


@dataclass(frozen=True)
class Pattern:
    """Changes between consecutive checks, with and without something in the days between them."""

    what: str  # "groups", or a coping technique id
    with_change: float
    with_count: int
    without_change: float
    without_count: int


def _spans(checks: Sequence[SelfCheck]) -> list[tuple[str, str, float]]:
    """(from day, to day, change) for each pair of consecutive checks of the same instrument."""
    spans: list[tuple[str, str, float]] = []
    last: dict[str, SelfCheck] = {}
    for c in checks:
        before = last.get(c.instrument)
        if before is not None:
            spans.append((before.day.isoformat(), c.day.isoformat(), c.score - before.score))
        last[c.instrument] = c
    return spans


def patterns(conn: Connection, checks: Sequence[SelfCheck]) -> list[Pattern]:
    """What goes with change between checks: group activity and each coping technique used in between.

    Only patterns with at least MIN_CHANGES changes on each side are returned, always with their counts.
    Group activity is the user's own posts (their sending time) in the span; coping is the techniques
    recorded on entries of the span.
    """
    spans = _spans(checks)
    if len(spans) < 2 * MIN_CHANGES:
        return []
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    # The per-day coping rows the insights keep (migration 8): a few thousand rows at most, read once.
    days: dict[str, list[str]] = {}
    for technique, day in conn.execute(
        "SELECT technique, day FROM insight_coping WHERE day > ? AND day <= ? ORDER BY technique, day",
        (first, last),
    ):
        days.setdefault(str(technique), []).append(str(day))
    used: dict[str, list[bool]] = {
        technique: [_any_in(sorted_days, start, end) for start, end, _change in spans]
        for technique, sorted_days in days.items()
    }
    used["groups"] = [_posted(conn, start, end) for start, end, _change in spans]
    found: list[Pattern] = []
    for what, flags in used.items():
        yes = [s[2] for s, f in zip(spans, flags, strict=True) if f]
        no = [s[2] for s, f in zip(spans, flags, strict=True) if not f]
        if len(yes) >= MIN_CHANGES and len(no) >= MIN_CHANGES:
            found.append(
                Pattern(what, round(sum(yes) / len(yes), 2), len(yes), round(sum(no) / len(no), 2), len(no))
            )
    return sorted(found, key=lambda p: -abs(p.with_change - p.without_change))


def _any_in(sorted_days: list[str], start: str, end: str) -> bool:
    """Whether a day of the sorted list falls after `start` and up to `end` (the span between two checks)."""
    at = bisect.bisect_right(sorted_days, start)
    return at < len(sorted_days) and sorted_days[at] <= end


def _posted(conn: Connection, start: str, end: str) -> bool:
    """Whether the user posted in any group after local day `start` and up to local day `end`.

    Post times are UTC seconds (rounded to 10 minutes, protocol.coarse_time); the days' bounds are taken in
    this machine's local time, as the days of entries are.
    """
    low = int(datetime.fromisoformat(start).timestamp()) + 86400
    high = int(datetime.fromisoformat(end).timestamp()) + 86400
    row = conn.execute("SELECT 1 FROM group_post WHERE mine = 1 AND at >= ? AND at < ? LIMIT 1", (low, high))
    return row.fetchone() is not None


# -- export and import (the JSON export's "self_checks" list) ------------------------------------


def rows_for_export(conn: Connection) -> list[dict[str, Any]]:
    return [
        {"at": c.at, "instrument": c.instrument, "answers": list(c.answers), "score": c.score}
        for c in history(conn, limit=1 << 31)
    ]


def import_rows(conn: Connection, rows: object) -> int:
    """Add checks from an export, skipping ones already present (same time and instrument). Checks first."""
    if not isinstance(rows, list):
        raise InvalidSelfCheck()
    clean: list[tuple[str, str, str, str, float]] = []
    for row in rows:
        if not isinstance(row, dict) or set(row) - {"at", "instrument", "answers", "score"}:
            raise InvalidSelfCheck()
        found = instrument(str(row.get("instrument")))
        answers = row.get("answers")
        if not isinstance(answers, list):
            raise InvalidSelfCheck()
        value = score(found, answers)
        try:
            at = datetime.fromisoformat(str(row.get("at")))
        except ValueError as exc:
            raise InvalidSelfCheck() from exc
        clean.append(
            (at.isoformat(timespec="seconds"), at.date().isoformat(), found.id, json.dumps(answers), value)
        )
    added = 0
    for stamp, day, inst, answers_json, value in clean:
        seen = conn.execute(
            "SELECT 1 FROM self_check WHERE at = ? AND instrument = ?", (stamp, inst)
        ).fetchone()
        if seen is None:
            conn.execute(
                "INSERT INTO self_check (at, day, instrument, answers, score) VALUES (?, ?, ?, ?, ?)",
                (stamp, day, inst, answers_json, value),
            )
            added += 1
    return added
