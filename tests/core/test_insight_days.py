"""The per-day insight aggregates (migration 8) and the all-time totals of tags and emotions (migration 9): kept
right by every write, backfilled, read by the figures."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerapp.core import db
from peerapp.core.db import Connection
from peerapp.core.errors import InvalidInput, OperationCancelled
from peerapp.core.insight_days import interruptible
from peerapp.core.insight_schema import INSIGHT_AGGREGATES, INSIGHT_MARK_TOTALS
from peerapp.core.insights import DateRange, Insights, Period
from peerapp.core.journal import CopingUse, Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.migrations import MIGRATIONS, SCHEMA_VERSION
from peerapp.core.tasks import CancelToken
from peerapp.core.transfer import export_entries, import_entries
from peerapp.core.vault import Vault
from support import PASSPHRASE
from support.insights_sample import fill_sample

TAGS = ["work", "family", "sleep", "عائلة", "gym"]
EMOTIONS = ["anxious", "calm", "sad", "proud", "angry"]
TECHNIQUES = ["box-breathing", "body-scan", "worry-time"]
ZONES = [timezone(timedelta(hours=h)) for h in (-5, 0, 3, 14)]
AGGREGATES = ("insight_day", "insight_mark", "insight_coping", "insight_mark_total")
Tables = tuple[dict[object, tuple[int, ...]], ...]


def from_scratch(conn: db.Connection) -> Tables:
    """The aggregates computed in Python from the entry tables alone (what the triggers must keep)."""
    live: dict[int, str] = {}
    days: dict[object, list[int]] = {}
    for entry_id, day, mood in conn.execute("SELECT id, day, mood FROM entry WHERE deleted_at IS NULL"):
        live[entry_id] = day
        row = days.setdefault(day, [0, 0, 0])
        row[0] += 1
        if mood is not None:
            row[1] += 1
            row[2] += mood
    marks: dict[object, list[int]] = {}
    for kind, sql in (
        ("tag", "SELECT entry_id, tag_id FROM entry_tag"),
        ("emotion", "SELECT entry_id, emotion FROM entry_emotion"),
    ):
        for entry_id, item in conn.execute(sql):
            if entry_id in live:
                marks.setdefault((live[entry_id], kind, item), [0])[0] += 1
    coping: dict[object, list[int]] = {}
    for entry_id, technique, before, after, helpful in conn.execute(
        "SELECT entry_id, technique, distress_before, distress_after, helpfulness FROM entry_coping"
    ):
        if entry_id in live:
            row = coping.setdefault((live[entry_id], technique), [0, 0, 0, 0, 0])
            row[0] += 1
            if before is not None and after is not None:
                row[1] += 1
                row[2] += before - after
            if helpful is not None:
                row[3] += 1
                row[4] += helpful
    # Over all time, per tag or emotion and per number of moods on a day: the days with it, their mood sums.
    totals: dict[object, list[int]] = {}
    for key in marks:
        day, kind, item = key  # type: ignore[misc]  # keys are (day, kind, item)
        _entries, moods, mood_sum = days[day]
        if moods:
            row = totals.setdefault((kind, item, moods), [0, 0])
            row[0] += 1
            row[1] += mood_sum
    return tuple(
        {key: tuple(value) for key, value in table.items()} for table in (days, marks, coping, totals)
    )


def kept(conn: db.Connection) -> Tables:
    """What the aggregate tables hold, in the same shape."""
    days: dict[object, tuple[int, ...]] = {
        d: (n, moods, total) for d, n, moods, total in conn.execute("SELECT * FROM insight_day")
    }
    marks: dict[object, tuple[int, ...]] = {
        (d, kind, item): (n,)
        for d, kind, item, n in conn.execute("SELECT day, kind, item, entries FROM insight_mark")
    }
    coping: dict[object, tuple[int, ...]] = {
        (d, t): tuple(rest)
        for d, t, *rest in conn.execute(
            "SELECT day, technique, uses, rated, drop_sum, helpful, helpful_sum FROM insight_coping"
        )
    }
    totals: dict[object, tuple[int, ...]] = {
        (kind, item, moods): (n, total)
        for kind, item, moods, n, total in conn.execute(
            "SELECT kind, item, moods, days, mood_sum FROM insight_mark_total"
        )
    }
    return days, marks, coping, totals


@dataclass
class Journal:
    """A real vault and the random writes a person, an import or another tool could make to it."""

    repo: JournalRepository
    folder: Path
    rng: random.Random
    imports: int = 0

    @property
    def conn(self) -> db.Connection:
        return self.repo.conn

    def ids(self, trashed: bool | None = None) -> list[int]:
        where = {None: "1", True: "deleted_at IS NOT NULL", False: "deleted_at IS NULL"}[trashed]
        return [int(r[0]) for r in self.conn.execute(f"SELECT id FROM entry WHERE {where} ORDER BY id")]

    def entry(self) -> Entry:
        r = self.rng
        # Few days and a zone far from UTC, so entries share days and some cross midnight.
        at = datetime(2024, 3, 1, tzinfo=r.choice(ZONES)) + timedelta(
            days=r.randrange(6), hours=r.randrange(24)
        )
        return Entry(
            at,
            r.choice([None, 1, 2, 3, 4, 5]),
            r.sample(EMOTIONS, r.randrange(3)),
            r.sample(TAGS, r.randrange(3)),
            [
                CopingUse(
                    r.choice(TECHNIQUES),
                    r.choice([None, 6, 9]),
                    r.choice([None, 2, 7]),
                    r.choice([None, 1, 4]),
                )
                for _ in range(r.randrange(3))
            ],
        )

    # -- the writes ---------------------------------------------------------------------------------

    def add_many(self) -> None:
        self.repo.add_many([self.entry() for _ in range(self.rng.randint(1, 6))])

    def edit(self) -> None:
        """Another day, mood, tags, emotions or coping, or only some of them (the editor's save)."""
        entry = self.repo.get(self.rng.choice(self.ids()))
        other = self.entry()
        for name in ("at", "mood", "tags", "emotions", "coping"):
            if self.rng.random() < 0.5:
                setattr(entry, name, getattr(other, name))
        self.repo.update(entry)

    def trash(self) -> None:
        if live := self.ids(trashed=False):
            self.repo.delete(self.rng.choice(live))

    def restore(self) -> None:
        if trashed := self.ids(trashed=True):
            self.repo.restore(self.rng.choice(trashed))

    def purge(self) -> None:
        self.repo.empty_trash()

    def import_json(self) -> None:
        """Entries written elsewhere, some of them in the trash there, through the real JSON import."""
        self.imports += 1
        other = Vault(self.folder / f"other{self.imports}", kdf=FAST_KDF)
        # Written elsewhere by today's app, even while the vault under test is an older one.
        kept, db.SCHEMA_VERSION = db.SCHEMA_VERSION, len(MIGRATIONS)
        other.create(PASSPHRASE)
        try:
            source = JournalRepository(other.connect())
            source.add_many([self.entry() for _ in range(self.rng.randint(2, 8))])
            for entry_id in self.rng.sample(
                [int(r[0]) for r in source.conn.execute("SELECT id FROM entry")], 2
            ):
                source.delete(entry_id)
            target = self.folder / f"import{self.imports}.json"
            export_entries(source.conn, "json", target)
        finally:
            other.lock()
            db.SCHEMA_VERSION = kept
        assert import_entries(self.conn, "json", target).added >= 2
        assert import_entries(self.conn, "json", target).added == 0  # the same file again adds nothing

    def raw_sql(self) -> None:
        """Writes no repository makes today, so a later one cannot slip past the aggregates."""
        entry_id = self.rng.choice(self.ids())
        statement = self.rng.choice(
            [
                "UPDATE OR IGNORE entry_tag SET tag_id = (SELECT min(id) FROM tag) WHERE entry_id = ?",
                "UPDATE OR IGNORE entry_emotion SET emotion = 'lonely' WHERE entry_id = ?",
                "UPDATE entry_coping SET technique = 'self-compassion', distress_after = NULL WHERE entry_id = ?",
                "UPDATE entry SET mood = NULL WHERE id = ?",
                "UPDATE entry SET day = '2024-02-29' WHERE id = ?",
                "DELETE FROM entry_emotion WHERE entry_id = ?",
                "DELETE FROM entry WHERE id = ?",  # a live entry erased outright: its links cascade
            ]
        )
        self.conn.execute(statement, (entry_id,))

    def step(self, raw: bool = True) -> str:
        """One random write; `raw` allows SQL that sets an entry's day apart from its time."""
        ops = [
            (self.add_many, 5),
            (self.edit, 4),
            (self.trash, 3),
            (self.restore, 2),
            (self.purge, 1),
            (self.import_json, 1),
            (self.raw_sql, 2 if raw else 0),
        ]
        op = self.rng.choices([o for o, _ in ops], weights=[w for _, w in ops])[0]
        if op == self.add_many or self.ids():
            op()
            return op.__name__
        return "nothing to change"


@pytest.fixture
def journal(repo: JournalRepository, tmp_path: Path) -> Iterator[Journal]:
    yield Journal(repo, tmp_path, random.Random(0))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_aggregates_equal_a_fresh_count_after_any_mix_of_writes(journal: Journal, seed: int) -> None:
    journal.rng.seed(seed)
    done = []
    for _ in range(200):
        done.append(journal.step())
        assert kept(journal.conn) == from_scratch(journal.conn), done[-10:]
    # Every kind of write was made, and the tables hold something to compare.
    assert {"add_many", "edit", "trash", "restore", "purge", "import_json", "raw_sql"} <= set(done)
    assert all(kept(journal.conn))


def test_a_write_that_fails_leaves_the_aggregates_as_they_were(journal: Journal) -> None:
    journal.add_many()
    before = kept(journal.conn)
    bad = journal.entry()
    bad.mood = 9
    with pytest.raises(InvalidInput):
        journal.repo.add_many(
            [journal.entry(), journal.entry(), bad]
        )  # the first two went in, then rolled back
    assert kept(journal.conn) == before == from_scratch(journal.conn)


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def test_the_figures_equal_a_count_over_the_entries(journal: Journal) -> None:
    """Days, better and worse days and what helps, worked out here from the entries one by one."""
    journal.rng.seed(7)
    for _ in range(60):
        journal.step(raw=False)
    live = journal.repo.page(limit=10_000)
    by_day: dict[date, list[Entry]] = {}
    for e in live:
        by_day.setdefault(date.fromisoformat(e.day), []).append(e)
    moods = {
        d: mean([e.mood for e in es if e.mood is not None])
        for d, es in by_day.items()
        if any(e.mood is not None for e in es)
    }
    insights = Insights(journal.conn)
    assert {d.day: d.mood for d in insights.days() if d.mood is not None} == pytest.approx(moods)
    assert sum(d.entries for d in insights.days()) == len(live)
    found = {(a.kind, a.item): a for a in insights.associations(min_days=1)}
    for kind, items in (("tag", TAGS), ("emotion", EMOTIONS)):
        for item in items:
            with_it = [m for d, m in moods.items() if any(item in getattr(e, kind + "s") for e in by_day[d])]
            if not with_it or len(with_it) == len(moods):
                assert (kind, item) not in found
                continue
            assert found[(kind, item)].days_with == len(with_it)
            assert found[(kind, item)].mean_with == pytest.approx(mean(with_it))
    helps = {s.technique: s for s in insights.what_helps()}
    for technique in TECHNIQUES:
        uses = [c for e in live for c in e.coping if c.technique == technique]
        if not uses:
            assert technique not in helps
            continue
        drops = [
            c.distress_before - c.distress_after
            for c in uses
            if c.distress_before is not None and c.distress_after is not None
        ]
        assert (helps[technique].uses, helps[technique].rated_uses) == (len(uses), len(drops))
        assert helps[technique].mean_drop == (pytest.approx(mean(drops)) if drops else None)


def old_vault(folder: Path, monkeypatch: pytest.MonkeyPatch, version: int = 7) -> Vault:
    """A vault made the way the release before migration `version + 1` made it."""
    monkeypatch.setattr(db, "SCHEMA_VERSION", version)
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    return vault


@contextmanager
def todays_rows(conn: Connection) -> Iterator[None]:
    """Let today's repository write an older schema's rows: the columns later migrations add to `entry`
    (11: prompt) exist while it writes, and are dropped again, so the upgrade adds them as it would."""
    conn.execute("ALTER TABLE entry ADD COLUMN prompt TEXT")
    try:
        yield
    finally:
        conn.execute("ALTER TABLE entry DROP COLUMN prompt")


def test_the_migration_backfills_a_vault_from_before_it(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = old_vault(data_dir, monkeypatch)
    conn = old.connect()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    assert not conn.execute("SELECT name FROM sqlite_schema WHERE name LIKE 'insight_%'").fetchall()
    journal = Journal(JournalRepository(conn), data_dir.parent, random.Random(5))
    with todays_rows(conn):
        for _ in range(80):
            journal.step()
        fill_sample(journal.repo)
    # Without the tables (a damaged old vault is opened read-only and never migrated), the figures are
    # worked out from the entries themselves; they must be the same after the migration.
    before = Insights(conn).report(Period.WEEK, year=2024)
    old.lock()
    monkeypatch.undo()

    new = Vault(data_dir)
    new.unlock(PASSPHRASE)
    conn = new.connect()
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 8
        assert kept(conn) == from_scratch(conn)
        assert all(kept(conn))
        assert close(Insights(conn).report(Period.WEEK, year=2024), before)
        # And from now on the triggers keep them.
        Journal(JournalRepository(conn), data_dir.parent, random.Random(6)).add_many()
        assert kept(conn) == from_scratch(conn)
    finally:
        new.lock()


def close(a: object, b: object) -> bool:
    """Equal, floats within rounding (sums of daily means may be added in another order)."""
    if is_dataclass(a) and is_dataclass(b):
        return type(a) is type(b) and close(asdict(a), asdict(b))  # type: ignore[arg-type]
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float):
        return a == pytest.approx(b, rel=1e-12)
    return a == b


def test_the_migration_can_run_again(journal: Journal) -> None:
    journal.rng.seed(9)
    for _ in range(30):
        journal.step()
    before = kept(journal.conn)
    with db.Transaction(journal.conn):  # tables and triggers are there: the backfills start over
        for script in (INSIGHT_AGGREGATES, INSIGHT_MARK_TOTALS):
            for statement in db._split(script):
                journal.conn.execute(statement)
    assert kept(journal.conn) == before == from_scratch(journal.conn)


def test_migration_9_backfills_the_totals_of_a_vault_from_before_it(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert MIGRATIONS.index(INSIGHT_MARK_TOTALS) == 8
    old = old_vault(data_dir, monkeypatch, version=8)
    conn = old.connect()
    assert not conn.execute("SELECT name FROM sqlite_schema WHERE name LIKE 'insight_total%'").fetchall()
    journal = Journal(JournalRepository(conn), data_dir.parent, random.Random(8))
    with todays_rows(conn):
        for _ in range(60):
            journal.step()
    before = Insights(conn).associations(min_days=1)  # the join of every (day, item) with its day
    assert before
    old.lock()
    monkeypatch.undo()

    new = Vault(data_dir)
    new.unlock(PASSPHRASE)
    conn = new.connect()
    try:
        assert kept(conn) == from_scratch(conn) and kept(conn)[3]
        assert close(Insights(conn).associations(min_days=1), before)
    finally:
        new.lock()


def test_all_time_figures_from_the_totals_equal_the_join_of_the_days(journal: Journal) -> None:
    journal.rng.seed(11)
    for _ in range(80):
        journal.step()
    fill_sample(journal.repo)
    totals = Insights(journal.conn)
    joined = Insights(journal.conn)
    joined.store.totals = False  # as a damaged vault from before migration 9 reads them
    found = totals.associations(min_days=1)
    assert len(found) >= 8
    assert close(found, joined.associations(min_days=1))
    assert close(totals.report(Period.WEEK), joined.report(Period.WEEK))
    # A range reads the days themselves either way.
    since = date(2024, 3, 2)
    assert close(
        totals.associations(DateRange(since=since), min_days=1),
        joined.associations(DateRange(since=since), min_days=1),
    )


def test_a_cancelled_report_stops(repo: JournalRepository) -> None:
    fill_sample(repo)
    token = CancelToken()
    token.cancel()
    with pytest.raises(OperationCancelled):
        Insights(repo.conn).report(Period.WEEK, cancel=token)
    # The connection no longer watches the token.
    assert Insights(repo.conn).report(Period.WEEK).overview.entries == 14


def test_a_cancel_stops_a_query_while_it_runs(repo: JournalRepository) -> None:
    class CancelOnThirdLook(CancelToken):
        looks = 0

        def cancelled(self) -> bool:
            self.looks += 1
            return self.looks >= 3

    token = CancelOnThirdLook()
    # Ten million rows: about 10,000 looks at the token if nobody stopped it.
    endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 10000000) SELECT count(*) FROM n"
    with pytest.raises(OperationCancelled), interruptible(repo.conn, token):
        repo.conn.execute(endless).fetchone()
    assert token.looks < 10  # stopped at the third look (and the check after), not thousands later
    repo.conn.execute("SELECT 1").fetchone()  # and the connection works on
