"""One sync run for one group: push the outbox oldest first, then pull and apply events by cursor."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from . import models, protocol
from .errors import ServerRejected
from .protocol import ProtocolError
from .store import OP_CREATE, OP_DELETE, OP_PUT, OP_REPORT, GroupRecord, GroupStore, OutboxItem
from .transport import MAX_SEQ, Cancelled, Event, Transport

Progress = Callable[[str, int, int], None]
# Progress stages, passed as the first argument of the progress callback.
STAGE_SEND, STAGE_RECEIVE = "send", "receive"
OUTBOX_BATCH = 200
PAGE_SIZE = protocol.MAX_PAGE  # fewer round trips on a cold pull
# Seconds one whole sync (push and pull) may take. A server that trickles its answers or asks to
# wait for an hour ends the run with SyncTimedOut instead of holding it; everything done by then is
# kept, and the next run carries on. Pass `deadline=` to change it.
SYNC_DEADLINE = 60.0
# In SyncResult.errors when the server's head was below our cursor and the room was pulled again.
REWOUND = "server_rewound"


def create_room_payload(record: GroupRecord) -> dict[str, Any]:
    keys = record.keys
    message = protocol.create_message(keys.room_id, keys.write_pub, record.admin_pub)
    return {
        "room": keys.room,
        "write_pub": protocol.b64e(keys.write_pub),
        "admin_pub": protocol.b64e(record.admin_pub),
        "sig": protocol.b64e(protocol.sign(keys.write_key, message)),
    }


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
        self._room_created = False
        self._first_new_seq: int | None = None  # the first post inserted from the current page

    def run(self) -> models.SyncResult:
        """Push then pull, within the deadline. Network errors (SyncTimedOut among them) propagate
        (the caller backs off); cancelling returns early."""
        previous = self.transport.cancel, self.transport.deadline
        self.transport.cancel = self.cancel
        self.transport.deadline = time.monotonic() + self.deadline
        try:
            self.push()
            self.pull()
        except Cancelled:
            self.result.cancelled = True
        finally:
            self.transport.cancel, self.transport.deadline = previous
        return self.result

    # -- push ---------------------------------------------------------------------------

    def push(self) -> None:
        gid = self.record.id
        total = self.store.conn.execute(
            "SELECT count(*) FROM group_outbox WHERE group_id = ?", (gid,)
        ).fetchone()[0]
        done = 0
        self.progress(STAGE_SEND, 0, total)
        after = 0
        while True:
            batch = self.store.outbox(gid, after=after, limit=OUTBOX_BATCH)
            if not batch:
                return
            # Marked before sending: from now on the server may hold the post, so deleting it
            # locally must also ask the server to delete it.
            with self.store.transaction():
                self.store.mark_attempted([i.id for i in batch if not i.attempted])
            for item in batch:
                if self.cancel.is_set():
                    raise Cancelled()
                self._send(item)
                after = item.id
                done += 1
                self.progress(STAGE_SEND, done, total)

    def _send(self, item: OutboxItem) -> None:
        try:
            self._send_once(item)
        except ServerRejected as exc:
            if exc.code != "no_room" or item.op == OP_CREATE or self._room_created:
                raise
            # Any member may register the room (it is signed with the shared write key), so a
            # group whose creator never synced, or whose room expired, still works.
            self.transport.create_room(create_room_payload(self.record))
            self._room_created = True
            self._send_once(item)

    def _send_once(self, item: OutboxItem) -> None:
        room = self.keys.room
        if item.op == OP_CREATE:
            try:
                self.transport.create_room(item.payload)
            except ServerRejected as exc:
                if exc.code != "room_exists":
                    raise
                self.result.errors.append(exc.code)
            self._room_created = True
            self.store.drop_op(item.id)
        elif item.op == OP_PUT:
            assert item.post_id is not None
            if item.blob is None or item.dhash is None:
                self.store.drop_op(item.id)  # the post was removed locally meanwhile
                return
            payload = {
                "blob": protocol.b64e(item.blob),
                "delete_hash": protocol.b64e(bytes.fromhex(item.dhash)),
                "sig": protocol.b64e(
                    protocol.sign(
                        self.keys.write_key,
                        protocol.put_message(
                            self.keys.room_id, item.post_id, item.blob, bytes.fromhex(item.dhash)
                        ),
                    )
                ),
            }
            try:
                seq = self.transport.put_post(room, item.post_id, payload)
            except ServerRejected as exc:
                # Terminal answers for this post: never resend it, keep the local copy as it is.
                terminal = {"conflict": models.CONFLICT, "too_large": models.CONFLICT, "gone": models.DELETED}
                if exc.code not in terminal:
                    raise
                self.store.set_post_status(item.id, self.record.id, item.post_id, terminal[exc.code])
                self.result.conflicts += 1
                return
            self.store.mark_sent(item.id, self.record.id, item.post_id, seq)
            self.result.sent += 1
        elif item.op in (OP_DELETE, OP_REPORT):
            try:
                if item.op == OP_DELETE:
                    assert item.post_id is not None
                    self.transport.delete_post(room, item.post_id, item.payload)
                else:
                    self.transport.report(room, item.payload)
            except ServerRejected as exc:
                # Nothing to delete, or a proof the server will never accept: retrying cannot help.
                if exc.code not in ("not_found", "bad_signature", "too_large", "bad_request"):
                    raise
                self.result.errors.append(exc.code)
            self.store.drop_op(item.id)
            self.result.sent += 1
        else:
            self.store.drop_op(item.id)

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
                if exc.code == "bad_request" and limit > protocol.DEFAULT_PAGE:
                    limit = protocol.DEFAULT_PAGE  # a server configured with smaller pages
                    continue
                if exc.code != "no_room":
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
            with self.store.transaction():
                self._first_new_seq = None
                for event in page.events:
                    self.apply(event)
                cursor = page.events[-1].seq
                self.store.set_cursor(gid, cursor)
                if rewound and self._first_new_seq is not None:
                    # New posts may reuse seqs we had already read past: keep them unread.
                    self.store.conn.execute(
                        "UPDATE peer_group SET read_seq = min(read_seq, ?) WHERE id = ?",
                        (self._first_new_seq - 1, gid),
                    )
            received += len(page.events)
            self.progress(STAGE_RECEIVE, received, 0)
            if not page.more:
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

    def apply(self, event: Event) -> None:
        """Apply one event idempotently; anything that fails validation is counted and dropped."""
        try:
            if event.type == "post":
                self._apply_post(event)
            elif event.type == "delete":
                self._apply_delete(event)
            elif event.type == "report":
                self._apply_report(event)
            else:
                raise ProtocolError("event type")
        except ProtocolError:
            self.result.discarded += 1

    def _post_id(self, event: Event) -> str:
        protocol.hex_id(event.post_id, protocol.POST_ID_BYTES)
        assert event.post_id is not None
        return event.post_id

    def _apply_post(self, event: Event) -> None:
        gid = self.record.id
        post_id = self._post_id(event)
        blob = protocol.b64d(event.fields.get("blob"), max_len=protocol.MAX_BLOB)
        value = protocol.open_post(self.keys, post_id, blob)
        known = self.store.post(gid, post_id)
        if known is not None:
            if known.mine and known.status == models.PENDING and known.blob == blob:
                # Our own post whose answer was lost: the server has it, so it is sent.
                op = self.store.put_op(gid, post_id)
                if op is not None:
                    self.store.mark_sent(op, gid, post_id, event.seq)
            return
        tomb = self.store.tombstone(gid, post_id)
        if tomb is not None:
            method, proof = tomb
            if method == "admin" or protocol.delete_hash(bytes.fromhex(proof)).hex() == value["d"]:
                return  # deleted before we saw it: never shown
        self.store.insert_post(gid, post_id, value, status=models.RECEIVED, mine=False, seq=event.seq)
        if self._first_new_seq is None:
            self._first_new_seq = event.seq
        self.result.received += 1

    def _apply_delete(self, event: Event) -> None:
        gid = self.record.id
        post_id = self._post_id(event)
        by = event.fields.get("by")
        known = self.store.post(gid, post_id)
        if by == "author":
            secret = protocol.b64d(event.fields.get("secret"), max_len=protocol.DELETE_SECRET_BYTES)
            if len(secret) != protocol.DELETE_SECRET_BYTES:
                raise ProtocolError("secret")
            if known is None:
                self.store.add_tombstone(gid, post_id, "author", secret.hex())
                return
            if protocol.delete_hash(secret).hex() != known.dhash:
                raise ProtocolError("wrong delete secret")
        elif by == "admin":
            sig = protocol.b64d(event.fields.get("sig"), max_len=64)
            message = protocol.admin_delete_message(self.keys.room_id, post_id)
            if not protocol.verify(self.record.admin_pub, message, sig):
                raise ProtocolError("forged admin delete")
            if known is None:
                self.store.add_tombstone(gid, post_id, "admin", "")
                return
        else:
            raise ProtocolError("delete by")
        if known.status != models.DELETED:
            self.store.mark_deleted(gid, post_id)

    def _apply_report(self, event: Event) -> None:
        blob = protocol.b64d(event.fields.get("blob"), max_len=protocol.MAX_REPORT_BLOB)
        if self.admin_key is None:
            return  # sealed to the admin; other members cannot and need not read it
        post_id, reason = protocol.open_report(self.admin_key, blob)
        self.store.add_report(self.record.id, event.seq, post_id, reason)
