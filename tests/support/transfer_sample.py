"""A small journal and a Daylio file for the transfer tests (core, CLI and GUI)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from peerapp.core.journal import CopingUse, Entry, EntryFilter, JournalRepository

TZ = timezone(timedelta(hours=3))


def fill_sample(repo: JournalRepository) -> None:
    """Four entries in both languages, one of them in the trash."""
    repo.add(
        Entry(
            at=datetime(2024, 5, 1, 21, 30, tzinfo=TZ),
            mood=5,
            emotions=["hopeful", "calm"],
            tags=["work", "عائلة"],
            coping=[CopingUse("box-breathing", 7, 3, 4), CopingUse("walk")],
            title="A good day",
            text='Line one, with a comma\nسطر ثانٍ "quoted"',
        )
    )
    repo.add(Entry(at=datetime(2024, 5, 2, 8, 0, tzinfo=TZ), mood=1, text="hard morning"))
    repo.add(Entry(at=datetime(2024, 5, 3, 9, 15, tzinfo=TZ), mood=3, tags=["x"], text="to the trash"))
    trashed = repo.page(EntryFilter(), limit=1)[0]
    assert trashed.id is not None
    repo.delete(trashed.id)
    repo.add(Entry(at=datetime(2024, 5, 4, 10, 0, tzinfo=TZ), text="no mood"))


DAYLIO = """full_date,date,weekday,time,mood,activities,note_title,note
2024-05-01,May 1,Wednesday,21:30,rad,friends | sport,Title,"A note
over two lines"
2024-05-02,May 2,Thursday,8:05 am,meh,,,short
not-a-date,May 3,Friday,09:00,good,,,broken
2024-05-04,May 4,Saturday,10:00,super happy,reading,,custom label
2024-05-05,May 5,Sunday,11:00,awful,,,last
"""
