"""A small journal whose insights are known by hand, shared by the core and GUI insights tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from peerapp.core.journal import CopingUse, Entry, JournalRepository

# A zone ahead of UTC, so an entry late in the evening is still on its local day.
TZ = timezone(timedelta(hours=3))


def at(day: date, hour: int = 20) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=TZ)


def d(day: int, month: int = 1) -> date:
    return date(2024, month, day)


# Daily moods (mean of that day's entries with a mood), 2024-01-01 is a Monday:
#   Jan 1 Mon 3 (2 and 4)   Jan 2 Tue 5   Jan 3 Wed 1   Jan 4 Thu 4   Jan 5 Fri 2
#   Jan 6 Sat 5             Jan 7 Sun 3   Jan 8 Mon 4   Jan 9 Tue 2 (1 and 3)
#   Jan 10 Wed 3            Feb 5 Mon 5
# 11 days, sum 37.
def fill_sample(repo: JournalRepository) -> JournalRepository:
    """Add the sample below (and two trashed entries that must change nothing) to `repo`."""
    entries = [
        Entry(
            at(d(1), 8),
            2,
            ["anxious"],
            ["work"],
            [CopingUse("box-breathing", 8, 4, 4)],
        ),
        Entry(at(d(1), 23), 4),
        Entry(at(d(2)), 5, ["calm"], ["friends"]),
        Entry(
            at(d(3)),
            1,
            ["anxious"],
            ["work"],
            [CopingUse("box-breathing", 6, 5), CopingUse("grounding-5-4-3-2-1", 7, None, 2)],
        ),
        Entry(at(d(4)), 4, ["calm"], ["friends"]),
        Entry(at(d(5)), 2, ["anxious"], ["work"], [CopingUse("box-breathing", None, None, 5)]),
        Entry(at(d(6)), 5, ["calm"], ["friends", "rare"]),
        Entry(at(d(7)), 3, [], ["rare"]),
        Entry(at(d(8)), 4),
        # No mood: the day still "has" the tag; its mood comes from the other entry.
        Entry(at(d(8), 9), None, [], ["work"]),
        Entry(at(d(9), 7), 1),
        Entry(at(d(9)), 3),
        Entry(at(d(10)), 3),
        Entry(at(d(5, 2)), 5),
    ]
    repo.add_many(entries)
    # Trashed entries must change nothing: they would add a day, a third "rare" day and a big drop.
    trashed = [
        Entry(at(d(11)), 5, ["anxious"], ["work"], [CopingUse("box-breathing", 10, 0, 5)]),
        Entry(at(d(2), 9), 1, [], ["rare"]),
    ]
    repo.add_many(trashed)
    for entry in trashed:
        assert entry.id is not None
        repo.delete(entry.id)
    return repo
