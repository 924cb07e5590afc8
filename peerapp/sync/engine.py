"""One sync run for one group: push the outbox oldest first, then pull and apply events by cursor."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from . import models, protocol, wire
from .errors import ServerRejected
from .outbox import OutboxSender
from .protocol import ProtocolError
from .store import GroupRecord, GroupStore
from .transport import Cancelled, Transport
from .v2 import upgrade
from .wire import MAX_SEQ

Progress = Callable[[str, int, int], None]
# Progress stages, passed as the first argument of the progress callback.
STAGE_SEND, STAGE_RECEIVE = "send", "receive"
PAGE_SIZE = protocol.MAX_PAGE  # fewer round trips on a cold pull
# Seconds one whole sync (push and pull) may take. A server that trickles its answers or asks to
# wait for an hour ends the run with SyncTimedOut instead of holding it; everything done by then is
# kept, and the next run carries on. Pass `deadline=` to change it.
SYNC_DEADLINE = 60.0
# In SyncResult.errors when the server's head was below our cursor and the room was pulled again.
REWOUND = "server_rewound"


class SyncEngine:
    """Runs push then pull for one group over one transport; every server answer is hostile input."""

    def __init__(
        self,
        store: GroupStore,
        record: GroupRecord,
        transport: Transport,
        *,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        deadline: float = SYNC_DEADLINE,
    ) -> None:
        self.store = store
        self.record = record
        self.keys = record.keys
        self.admin_key = record.admin_key
        self.transport = transport
        self.cancel = cancel or threading.Event()
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.result = models.SyncResult()
        self.deadline = deadline
        self._first_new_seq: int | None = None  # the first post inserted from the current page

    def run(self) -> models.SyncResult:
        """Push then pull, within the deadline. Network errors (SyncTimedOut among them) propagate
        (the caller backs off); cancelling returns early."""
        previous = self.transport.cancel, self.transport.deadline
        self.transport.cancel = self.cancel
        self.transport.deadline = time.monotonic() + self.deadline
        try:
            try:
                self.push()
            except ServerRejected as exc:
                if exc.code != wire.UPGRADED:
                    raise
                # The room is v2 now: the admin's upgrade event waits in the room, so pull it.
                self.result.errors.append(wire.UPGRADED)
            self.pull()
        except Cancelled:
            self.result.cancelled = True
        finally:
            self.transport.cancel, self.transport.deadline = previous
        return self.result

    # -- push ---------------------------------------------------------------------------

    def push(self) -> None:
        """Send the outbox, oldest first (peerapp.sync.outbox)."""
        OutboxSender(
            self.store,
            self.record,
            self.transport,
            self.result,
            cancel=self.cancel,
            progress=lambda done, total: self.progress(STAGE_SEND, done, total),
        ).push()

    # -- pull ---------------------------------------------------------------------------

    def pull(self) -> None:
        gid = self.record.id
        cursor = self.store.record(gid).cursor
        received = 0
        limit = PAGE_SIZE
        self.progress(STAGE_RECEIVE, 0, 0)
        rewound = False
        if not 0 <= cursor <= MAX_SEQ:
            # Only a hostile page accepted by an older version can have put it there.
            cursor = self._rewind(None)
            rewound = True
        while True:
            if self.cancel.is_set():
                raise Cancelled()
            try:
                page = self.transport.events(self.keys.room, cursor, limit)
            except ServerRejected as exc:
                if exc.code == wire.BAD_REQUEST and limit > protocol.DEFAULT_PAGE:
                    limit = protocol.DEFAULT_PAGE  # a server configured with smaller pages
                    continue
                if exc.code != wire.NO_ROOM:
                    raise
                return  # nobody has posted yet; the room appears with the first push
            if page.head is not None and page.head < cursor:
                if rewound:  # cannot happen from 0; a guard against looping on a broken answer
                    raise ProtocolError("head")
                # The server has forgotten seqs it handed out (a database restored from an old
                # copy), or an earlier bad page pushed the cursor too far. New posts may reuse the
                # forgotten seqs, so pull the room again from the start; every event applies
                # idempotently, so what is already here stays as it is.
                cursor = self._rewind(page.head)
                rewound = True
                continue
            if not page.events:
                return
            # The page's events and the new cursor commit together or not at all.
            upgraded = False
            with self.store.transaction():
                self._first_new_seq = None
                cursor = page.events[-1].seq
                for event in page.events:
                    if self.apply(event):
                        # The admin upgraded the group to v2 here: what follows is for V2Engine.
                        upgraded, cursor = True, event.seq
                        break
                self.store.set_cursor(gid, cursor)
                if rewound and self._first_new_seq is not None:
                    # New posts may reuse seqs we had already read past: keep them unread.
                    self.store.conn.execute(
                        "UPDATE peer_group SET read_seq = min(read_seq, ?) WHERE id = ?",
                        (self._first_new_seq - 1, gid),
                    )
            received += len(page.events)
            self.progress(STAGE_RECEIVE, received, 0)
            if not page.more or upgraded:
                return

    def _rewind(self, head: int | None) -> int:
        """Set the cursor to 0 (returned), and bring the read mark down to `head` (or, for a
        cursor past MAX_SEQ, to the newest believable seq we hold), so later posts count as unread."""
        gid = self.record.id
        with self.store.transaction():
            self.store.set_cursor(gid, 0)
            if head is None:
                row = self.store.conn.execute(
                    "SELECT coalesce(max(seq), 0) FROM group_post WHERE group_id = ? AND seq <= ?",
                    (gid, MAX_SEQ),
                ).fetchone()
                head = int(row[0])
            self.store.conn.execute(
                "UPDATE peer_group SET read_seq = min(read_seq, ?) WHERE id = ?", (head, gid)
            )
        self.result.errors.append(REWOUND)
        return 0

    def apply(self, event: wire.Event | wire.Unreadable) -> bool:
        """Apply one event idempotently; anything that fails validation is counted and dropped.
        True: it was the admin's upgrade to version 2, and the group is now v2 on this device."""
        try:
            if isinstance(event, wire.PostEvent):
                return self._apply_post(event)
            elif isinstance(event, (wire.AuthorDelete, wire.AdminDelete)):
                self._apply_delete(event)
            elif isinstance(event, wire.ReportEvent):
                self._apply_report(event)
            else:
                raise ProtocolError("event")
        except ProtocolError:
            self.result.discarded += 1
        return False

    def _apply_post(self, event: wire.PostEvent) -> bool:
        gid = self.record.id
        post_id = event.id.hex()
        try:
            value = protocol.open_post(self.keys, post_id, event.blob)
        except ProtocolError:
            found = upgrade.read(self.keys, self.record.admin_pub, post_id, event.blob)
            if found is None:
                raise
            return upgrade.follow(self.store.conn, gid, self.keys, self.record.pseudonym, *found)
        known = self.store.post(gid, post_id)
        if known is not None:
            if known.mine and known.status == models.PENDING and known.blob == event.blob:
                # Our own post whose answer was lost: the server has it, so it is sent.
                op = self.store.put_op(gid, post_id)
                if op is not None:
                    self.store.mark_sent(op, gid, post_id, event.seq)
            return False
        tomb = self.store.tombstone(gid, post_id)
        if tomb is not None:
            method, proof = tomb
            if method == "admin" or protocol.delete_hash(bytes.fromhex(proof)).hex() == value["d"]:
                return False  # deleted before we saw it: never shown
        self.store.insert_post(gid, post_id, value, status=models.RECEIVED, mine=False, seq=event.seq)
        if self._first_new_seq is None:
            self._first_new_seq = event.seq
        self.result.received += 1
        return False

    def _apply_delete(self, event: wire.AuthorDelete | wire.AdminDelete) -> None:
        apply_delete(self.store, self.record.id, self.keys.room_id, self.record.admin_pub, event)

    def _apply_report(self, event: wire.ReportEvent) -> None:
        if self.admin_key is None:
            return  # sealed to the admin; other members cannot and need not read it
        post_id, reason = protocol.open_report(self.admin_key, event.blob)
        self.store.add_report(self.record.id, event.seq, post_id, reason)


def apply_delete(
    store: GroupStore,
    group_id: int,
    room_id: bytes,
    admin_pub: bytes,
    event: wire.AuthorDelete | wire.AdminDelete,
) -> None:
    """A deletion, in version 1 and 2 alike: the author's secret must hash to the post's delete hash, or
    the admin key must have signed it; one for a post not seen yet waits as a tombstone."""
    post_id = event.id.hex()
    known = store.post(group_id, post_id)
    if isinstance(event, wire.AuthorDelete):
        if known is None:
            store.add_tombstone(group_id, post_id, "author", event.secret.hex())
            return
        if protocol.delete_hash(event.secret).hex() != known.dhash:
            raise ProtocolError("wrong delete secret")
    else:
        message = protocol.admin_delete_message(room_id, post_id)
        if not protocol.verify(admin_pub, message, event.sig):
            raise ProtocolError("forged admin delete")
        if known is None:
            store.add_tombstone(group_id, post_id, "admin", "")
            return
    if known.status != models.DELETED:
        store.mark_deleted(group_id, post_id)
