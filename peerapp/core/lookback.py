"""Looking back: "on this day" in earlier years, and a month's or a year's summary with the counts behind it.

"On this day" can be turned off (a vault setting), because some anniversaries hurt. A summary says how many
entries and days with a mood, the mood's spread, what helped most (from the coping rows' helpfulness
ratings), and the words that recur (in how many entries each appears). Everything reads the insights'
per-day tables (migration 8) or the entries of one range through the timeline's index, never the whole
journal: years of entries cost a few thousand rows at most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from . import kv
from .db import Connection, Transaction
from .tasks import CancelToken
from .textnorm import STOP_WORDS, normalise

KV_ON_THIS_DAY = "lookback.on_this_day"
MEMORIES = 20  # the most "on this day" entries shown
WORDS = 8  # recurring words shown
MIN_WORD_ENTRIES = 3  # a word recurs when this many entries of the period have it
SNIPPET = 140

# More words that carry no topic in a diary, beyond the search's own list. Normalised spellings.
DIARY_STOP_WORDS = STOP_WORDS | frozenset(
    """
    about after again all also am any because before being both did didnt dont down even ever feel felt
    get got going just know like more most much need not now off one only other out over really same
    should some still such thing things think through today too very want way well went while yesterday
    tonight day days time him her his she he us them lot bit maybe something anything
    اليوم امس غدا كنت كانت يكن لكن لقد ايضا جدا بعض شيء اشعر شعرت احس احسست عن على الى فيه فيها به بها
    له لها لهم منه منها هناك هنا كذلك حتى لان لأن اي وقد وكان وهو وهي ولا ولم او ام بين دون غير كما مثل
    """.split()
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Memory:
    """One entry from this day in an earlier year."""

    id: int
    at: datetime
    years_ago: int
    mood: int | None
    title: str
    snippet: str


@dataclass(frozen=True)
class Helped:
    technique: str
    uses: int
    rated: int  # uses with a helpfulness rating
    helpful_mean: float | None


@dataclass
class Summary:
    """A month or a year. Every figure comes with the count it rests on."""

    start: date
    end: date  # inclusive
    entries: int = 0
    days: int = 0  # days with at least one entry
    mood_days: int = 0
    mood_mean: float | None = None
    moods: dict[int, int] = field(default_factory=dict)  # mood 1-5 -> entries with it
    helped: list[Helped] = field(default_factory=list)
    words: list[tuple[str, int]] = field(default_factory=list)  # (word as written, entries having it)


def on_this_day_enabled(conn: Connection) -> bool:
    return kv.get(conn, KV_ON_THIS_DAY) != "off"


def set_on_this_day(conn: Connection, enabled: bool) -> None:
    with Transaction(conn):
        kv.put(conn, KV_ON_THIS_DAY, "on" if enabled else "off")


def _utc_bounds(first: date, last: date) -> tuple[int, int]:
    """UTC seconds wide enough for every local time of the days first..last, whatever the offset."""
    low = datetime.combine(first, time(0), UTC) - timedelta(hours=14)
    high = datetime.combine(last + timedelta(days=1), time(0), UTC) + timedelta(hours=14)
    return int(low.timestamp()), int(high.timestamp())


def on_this_day(conn: Connection, today: date) -> list[Memory]:
    """Entries written on today's month and day in earlier years, newest first (none when turned off)."""
    if not on_this_day_enabled(conn):
        return []
    days = [
        date.fromisoformat(str(r[0]))
        for r in conn.execute(
            "SELECT day FROM insight_day WHERE substr(day, 6) = ? AND day < ? ORDER BY day DESC",
            (today.isoformat()[5:], today.isoformat()),
        )
    ]
    found: list[Memory] = []
    for day in days:
        low, high = _utc_bounds(day, day)
        rows = conn.execute(
            "SELECT id, at, mood, title, body FROM entry WHERE deleted_at IS NULL AND at_utc BETWEEN ? AND ?"
            " AND day = ? ORDER BY at_utc DESC, id DESC",
            (low, high, day.isoformat()),
        ).fetchall()
        for entry_id, at, mood, title, body in rows:
            text = " ".join(str(body).split())
            found.append(
                Memory(
                    int(entry_id),
                    datetime.fromisoformat(at),
                    today.year - day.year,
                    mood,
                    str(title),
                    text[:SNIPPET],
                )
            )
            if len(found) >= MEMORIES:
                return found
    return found


def periods(conn: Connection) -> tuple[list[tuple[int, int]], list[int]]:
    """The months (year, month) and the years that have entries, newest first."""
    months = [
        (int(r[0][:4]), int(r[0][5:7]))
        for r in conn.execute("SELECT DISTINCT substr(day, 1, 7) AS m FROM insight_day ORDER BY m DESC")
    ]
    years = sorted({y for y, _m in months}, reverse=True)
    return months, years


def month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def summary(conn: Connection, start: date, end: date, cancel: CancelToken | None = None) -> Summary:
    """The period's figures (start and end inclusive, local days)."""
    cancel = cancel or CancelToken()
    out = Summary(start, end)
    bounds = (start.isoformat(), end.isoformat())
    row = conn.execute(
        "SELECT coalesce(sum(entries), 0), count(*), coalesce(sum(moods > 0), 0), coalesce(sum(moods), 0),"
        " coalesce(sum(mood_sum), 0) FROM insight_day WHERE day BETWEEN ? AND ?",
        bounds,
    ).fetchone()
    out.entries, out.days, out.mood_days = int(row[0]), int(row[1]), int(row[2])
    out.mood_mean = round(row[4] / row[3], 2) if row[3] else None
    out.helped = [
        Helped(str(t), int(uses), int(helpful), round(hsum / helpful, 2) if helpful else None)
        for t, uses, helpful, hsum in conn.execute(
            "SELECT technique, sum(uses), sum(helpful), sum(helpful_sum) FROM insight_coping"
            " WHERE day BETWEEN ? AND ? GROUP BY technique"
            " ORDER BY (sum(helpful) > 0) DESC, 1.0 * sum(helpful_sum) / max(sum(helpful), 1) DESC, sum(uses) DESC"
            " LIMIT 3",
            bounds,
        )
    ]
    low, high = _utc_bounds(start, end)
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    rows = conn.execute(
        "SELECT mood, title, body FROM entry WHERE deleted_at IS NULL AND at_utc BETWEEN ? AND ? AND day BETWEEN ? AND ?",
        (low, high, *bounds),
    )
    for n, (mood, title, body) in enumerate(rows):
        if n % 256 == 0:
            cancel.raise_if_cancelled()
        if mood is not None:
            out.moods[int(mood)] = out.moods.get(int(mood), 0) + 1
        seen: set[str] = set()
        for word in _WORD.findall(f"{title} {body}"):
            key = normalise(word)
            if len(key) < 3 or key.isdigit() or key in DIARY_STOP_WORDS:
                continue
            forms.setdefault(key, Counter())[word.lower()] += 1
            if key not in seen:
                seen.add(key)
                counts[key] += 1
    out.words = [
        (forms[key].most_common(1)[0][0], n) for key, n in counts.most_common(WORDS) if n >= MIN_WORD_ENTRIES
    ]
    return out
