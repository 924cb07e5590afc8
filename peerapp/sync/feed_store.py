"""The read side of the groups' posts: the feed and its threads, each post with its reaction and reply counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from peerapp.core.db import Connection

from . import models
from .errors import PostNotFound

# The columns a GroupPost needs, with its counts of reactions and replies.
_VIEW = """
    SELECT p.id, p.author, p.body, p.at, p.reply_to, p.cw, p.mine, p.status, p.seq, p.verified,
        (SELECT count(*) FROM group_post r WHERE r.group_id = p.group_id AND r.reply_to = p.id
            AND r.kind = 'reaction' AND r.status != 'deleted'),
        (SELECT count(*) FROM group_post r WHERE r.group_id = p.group_id AND r.reply_to = p.id
            AND r.kind = 'reaction' AND r.status != 'deleted' AND r.mine = 1),
        (SELECT count(*) FROM group_post r WHERE r.group_id = p.group_id AND r.reply_to = p.id
            AND r.kind = 'post' AND r.status != 'deleted')
    FROM group_post p
"""


def _iso(at: int) -> str:
    return datetime.fromtimestamp(at, UTC).astimezone().isoformat(timespec="minutes")


def _group_post(row: Sequence[Any]) -> models.GroupPost:
    return models.GroupPost(
        id=row[0],
        pseudonym=row[1],
        text=row[2],
        at=_iso(row[3]),
        reply_to=row[4],
        content_warning=row[5],
        mine=bool(row[6]),
        status=row[7],
        me_too=row[10],
        me_too_mine=bool(row[11]),
        replies=row[12],
        seq=row[8],
        verified=bool(row[9]),
    )


class FeedQueries:
    """The feed's queries, mixed into GroupStore (which holds `conn`)."""

    conn: Connection

    def feed(self, group_id: int, *, limit: int, before_seq: int | None) -> list[models.GroupPost]:
        top = "p.group_id = ? AND p.kind = 'post' AND p.reply_to IS NULL AND p.status != 'deleted'"
        rows: list[Any] = []
        if before_seq is None:
            # Pending posts (no seq yet) lead the first page, newest first.
            rows = self.conn.execute(
                f"{_VIEW} WHERE {top} AND p.seq IS NULL ORDER BY p.rowid DESC LIMIT ?", (group_id, limit)
            ).fetchall()
            before_seq = 2**62
        # Walks the (group_id, seq) index backwards: a page costs the same at any depth.
        rows += self.conn.execute(
            f"{_VIEW} WHERE {top} AND p.seq < ? ORDER BY p.seq DESC LIMIT ?",
            (group_id, before_seq, limit - len(rows)),
        ).fetchall()
        return [_group_post(r) for r in rows]

    def thread(self, group_id: int, post_id: str) -> list[models.GroupPost]:
        head = self.conn.execute(
            f"{_VIEW} WHERE p.group_id = ? AND p.id = ? AND p.status != 'deleted'", (group_id, post_id)
        ).fetchall()
        if not head:
            raise PostNotFound(post_id)
        replies = self.conn.execute(
            f"{_VIEW} WHERE p.group_id = ? AND p.reply_to = ? AND p.kind = 'post' AND p.status != 'deleted'"
            " ORDER BY p.seq IS NULL, p.seq, p.rowid",
            (group_id, post_id),
        ).fetchall()
        return [_group_post(r) for r in (*head, *replies)]
