"""Numbered, forward-only schema migrations tracked with PRAGMA user_version."""

from __future__ import annotations

from .insight_schema import INSIGHT_AGGREGATES, INSIGHT_MARK_TOTALS

MIGRATIONS: list[str] = [
    # 1: the journal
    """
    CREATE TABLE entry (
        id          INTEGER PRIMARY KEY,
        uid         TEXT NOT NULL UNIQUE,
        at          TEXT NOT NULL,
        at_utc      INTEGER NOT NULL,
        day         TEXT NOT NULL,
        mood        INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5),
        title       TEXT NOT NULL DEFAULT '',
        body        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
    );
    CREATE INDEX entry_timeline ON entry (deleted_at, at_utc DESC, id DESC);
    -- The trash view, newest first (without it that page reads and sorts the whole table).
    CREATE INDEX entry_trash ON entry (at_utc DESC, id DESC) WHERE deleted_at IS NOT NULL;
    CREATE INDEX entry_mood ON entry (mood, at_utc);
    CREATE TABLE tag (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE
    );
    CREATE TABLE entry_tag (
        entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
        tag_id   INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
        PRIMARY KEY (entry_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX entry_tag_by_tag ON entry_tag (tag_id, entry_id);
    CREATE TABLE entry_emotion (
        entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
        emotion  TEXT NOT NULL,
        PRIMARY KEY (entry_id, emotion)
    ) WITHOUT ROWID;
    CREATE INDEX entry_emotion_by_key ON entry_emotion (emotion, entry_id);
    CREATE TABLE entry_coping (
        entry_id        INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        technique       TEXT NOT NULL,
        distress_before INTEGER CHECK (distress_before BETWEEN 0 AND 10),
        distress_after  INTEGER CHECK (distress_after BETWEEN 0 AND 10),
        helpfulness     INTEGER CHECK (helpfulness BETWEEN 1 AND 5),
        PRIMARY KEY (entry_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX entry_coping_by_technique ON entry_coping (technique);
    -- Query words match by prefix while typed. The 1- and 2-letter prefix indexes spare
    -- merging thousands of terms for the first keystrokes (bench/RESULTS.md).
    CREATE VIRTUAL TABLE entry_fts USING fts5 (
        title, tags, body,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '1 2'
    );
    CREATE TABLE draft (
        slot        TEXT PRIMARY KEY,
        data        TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE kv (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: library bookmarks
    """
    CREATE TABLE bookmark (
        article_id  TEXT PRIMARY KEY,
        created_at  TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 3: the safety plan (the time it was last saved lives in kv as safety_plan_updated_at)
    """
    CREATE TABLE safety_plan (
        step      TEXT NOT NULL,
        position  INTEGER NOT NULL,
        text      TEXT NOT NULL,
        PRIMARY KEY (step, position)
    ) WITHOUT ROWID;
    """,
    # 4: insights sum moods per local day; this index spares reading whole rows (bench/RESULTS.md)
    """
    CREATE INDEX entry_day ON entry (deleted_at, day, mood);
    """,
    # 5: peer groups (issue 5). The group secret and admin key live only here, in the vault.
    # group_post holds both received posts and your own; while yours waits in the outbox it keeps
    # the finished blob so a retry sends the same bytes. group_outbox is one FIFO per group of
    # room creation, puts, deletions and reports. A deletion for a post not seen yet is a
    # group_tombstone. The cursor is the last server seq applied.
    """
    CREATE TABLE peer_group (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        server_url    TEXT NOT NULL,
        secret        BLOB NOT NULL,
        admin_pub     BLOB NOT NULL,
        admin_key     BLOB,
        room          TEXT NOT NULL UNIQUE,
        pseudonym     TEXT NOT NULL,
        cursor        INTEGER NOT NULL DEFAULT 0,
        read_seq      INTEGER NOT NULL DEFAULT 0,
        failures      INTEGER NOT NULL DEFAULT 0,
        last_sync_at  TEXT,
        last_error    TEXT,
        created_at    TEXT NOT NULL
    );
    CREATE TABLE group_post (
        group_id      INTEGER NOT NULL REFERENCES peer_group (id) ON DELETE CASCADE,
        id            TEXT NOT NULL,
        kind          TEXT NOT NULL,
        author        TEXT NOT NULL,
        body          TEXT NOT NULL,
        cw            TEXT NOT NULL,
        reply_to      TEXT,
        at            INTEGER NOT NULL,
        dhash         TEXT NOT NULL,
        seq           INTEGER,
        status        TEXT NOT NULL,
        mine          INTEGER NOT NULL,
        delete_secret BLOB,
        blob          BLOB,
        PRIMARY KEY (group_id, id)
    );
    CREATE INDEX group_post_thread ON group_post (group_id, reply_to, seq);
    CREATE INDEX group_post_order ON group_post (group_id, seq);
    CREATE TABLE group_outbox (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        group_id  INTEGER NOT NULL REFERENCES peer_group (id) ON DELETE CASCADE,
        op        TEXT NOT NULL,
        post_id   TEXT,
        payload   TEXT NOT NULL,
        attempted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX group_outbox_fifo ON group_outbox (group_id, id);
    CREATE TABLE group_tombstone (
        group_id  INTEGER NOT NULL REFERENCES peer_group (id) ON DELETE CASCADE,
        post_id   TEXT NOT NULL,
        method    TEXT NOT NULL,
        proof     TEXT NOT NULL,
        PRIMARY KEY (group_id, post_id)
    ) WITHOUT ROWID;
    CREATE TABLE group_report (
        group_id  INTEGER NOT NULL REFERENCES peer_group (id) ON DELETE CASCADE,
        seq       INTEGER NOT NULL,
        post_id   TEXT NOT NULL,
        reason    TEXT NOT NULL,
        PRIMARY KEY (group_id, seq)
    ) WITHOUT ROWID;
    """,
    # 6: temporary files in flight (exports, backups, restores): removed on the next unlock after a crash
    """
    CREATE TABLE inflight_file (
        path        TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        started_at  TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 7: a failed group sync is kept as an error code (peerapp.sync.errors), translated only when
    # shown; older versions stored the translated sentence. English ones map to their code, the rest
    # (other languages) to the generic 'failed'.
    """
    UPDATE peer_group SET last_error = CASE
        WHEN last_error LIKE 'The group server is too slow or too busy%' THEN 'timed_out'
        WHEN last_error LIKE 'The group server could not be reached.%' THEN 'unreachable'
        WHEN last_error LIKE 'The group server sent something that is not valid.%' THEN 'bad_answer'
        WHEN last_error GLOB 'The group server refused the request. ([A-Za-z0-9_]*)'
            THEN 'refused:' || substr(last_error, 40, length(last_error) - 40)
        ELSE 'failed'
    END
    WHERE last_error IS NOT NULL;
    """,
    # 8: insights read per-day aggregates instead of joining every entry with its tags and emotions on
    # each look (issue 14). Triggers keep them in the same transaction as every write to an entry or its
    # tags, emotions and coping rows, whichever code makes it (the app, imports, add_many, raw SQL).
    # Only entries outside the trash count. The script can run twice (the backfill starts from empty).
    INSIGHT_AGGREGATES,
    # 9: per tag or emotion and per number of moods on a day, the days that have it and their mood
    # sums over all time, kept by triggers on the tables of 8: better and worse days over all time read
    # a few rows per item instead of joining about 100,000 (day, item) rows at 50k entries with their days.
    INSIGHT_MARK_TOTALS,
    # 10: peer groups version 2 (issue 17). A v2 group keeps its member's view (own keys, epochs,
    # roster, rules, admin key if any) as one serialised state in group_v2, rewritten in the same
    # transaction as the events it applied. A post's `verified` says its signature matched the
    # registered key of the pseudonym it is shown under (v1 posts cannot be checked: 0).
    """
    ALTER TABLE peer_group ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE group_v2 (
        group_id  INTEGER PRIMARY KEY REFERENCES peer_group (id) ON DELETE CASCADE,
        state     BLOB NOT NULL
    );
    ALTER TABLE group_post ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
    """,
    # 11: the writing prompt an entry was written to, if any (issue 19), kept with the entry.
    """
    ALTER TABLE entry ADD COLUMN prompt TEXT;
    """,
    # 12: entry templates (issue 19): the user's own and the shipped ones (builtin names the shipped
    # template it came from, so a language switch can re-word an untouched one). Lists are JSON arrays.
    """
    CREATE TABLE entry_template (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        title       TEXT NOT NULL DEFAULT '',
        tags        TEXT NOT NULL DEFAULT '[]',
        emotions    TEXT NOT NULL DEFAULT '[]',
        sections    TEXT NOT NULL DEFAULT '[]',
        builtin     TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    """,
    # 13: periodic self-checks (issue 19): one row per completed check, the answers as a JSON array.
    """
    CREATE TABLE self_check (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        day         TEXT NOT NULL,
        instrument  TEXT NOT NULL,
        answers     TEXT NOT NULL,
        score       REAL
    );
    CREATE INDEX self_check_by_instrument ON self_check (instrument, day);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
