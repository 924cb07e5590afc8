"""Sending one group's outbox, oldest first: runs of posts as batch uploads, everything else on its own."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from . import models, protocol, wire
from .errors import ServerRejected
from .protocol import ProtocolError
from .store import OP_CREATE, OP_DELETE, OP_PUT, OP_REPORT, GroupRecord, GroupStore, OutboxItem
from .transport import Cancelled, Transport

T = TypeVar("T")
OUTBOX_BATCH = 2 * protocol.MAX_BATCH  # outbox rows read at a time
BATCH_FRAME = len('{"posts":[]}')
# A batch refused for one of its posts (nothing was stored): its posts go again as single PUTs, which
# settle each one as before (conflict, gone, too large, or stored).
BATCH_TO_SINGLES = (wire.CONFLICT, wire.GONE, wire.TOO_LARGE, wire.BAD_REQUEST)
# A deletion or report the server answers with one of these can never succeed: it is dropped.
FINAL_FOR_ACTIONS = (wire.NOT_FOUND, wire.BAD_SIGNATURE, wire.TOO_LARGE, wire.BAD_REQUEST)
# Terminal answers to a put: the post is never resent, and the local copy stays as it is.
FINAL_FOR_PUTS = {wire.CONFLICT: models.CONFLICT, wire.TOO_LARGE: models.CONFLICT, wire.GONE: models.DELETED}


def create_room_request(record: GroupRecord) -> wire.CreateRoom:
    """The room's registration; Ed25519 signatures are deterministic, so it is the same every time."""
    keys = record.keys
    message = protocol.create_message(keys.room_id, keys.write_pub, record.admin_pub)
    return wire.CreateRoom(
        room=keys.room_id,
        write_pub=keys.write_pub,
        admin_pub=record.admin_pub,
        sig=protocol.sign(keys.write_key, message),
    )


class OutboxSender:
    """Pushes one group's outbox over one transport; every answer is hostile input."""

    def __init__(
        self,
        store: GroupStore,
        record: GroupRecord,
        transport: Transport,
        result: models.SyncResult,
        *,
        cancel: threading.Event,
        progress: Callable[[int, int], None],
    ) -> None:
        self.store, self.record, self.room = store, record, record.room
        self.transport, self.result = transport, result
        self.cancel, self.progress = cancel, progress
        self._room_created = False
        self._batch_limit = protocol.MAX_BATCH  # posts a batch may hold; 0: single PUTs only
        self._done = 0  # outbox items handled (for progress)

    def push(self) -> None:
        gid = self.record.id
        total = self.store.conn.execute(
            "SELECT count(*) FROM group_outbox WHERE group_id = ?", (gid,)
        ).fetchone()[0]
        self._done = 0
        self.progress(0, total)
        self._upload(self._items(gid), total)

    def _items(self, gid: int) -> Iterator[OutboxItem]:
        """The outbox, oldest first, read a window at a time (so a run of posts spans windows)."""
        after = 0
        while True:
            window = self.store.outbox(gid, after=after, limit=OUTBOX_BATCH)
            if not window:
                return
            # Marked before sending: from now on the server may hold the post, so deleting it
            # locally must also ask the server to delete it.
            with self.store.transaction():
                self.store.mark_attempted([i.id for i in window if not i.attempted])
            yield from window
            after = window[-1].id

    def _upload(self, items: Iterable[OutboxItem], total: int) -> None:
        """Send outbox items in order: runs of puts as batch uploads, everything else on its own."""
        run: list[tuple[OutboxItem, wire.BatchPost]] = []
        ids: set[bytes] = set()  # a batch names each post once
        size = BATCH_FRAME
        for item in items:
            post, cost = self._batch_post(item) if self._batch_limit > 0 else (None, 0)
            full = len(run) >= self._batch_limit or size + cost > protocol.MAX_BATCH_BODY
            if run and (post is None or full or post.id in ids):
                self._send_run(run, total)
                run, ids, size = [], set(), BATCH_FRAME
            if post is None:
                self._check_cancel()
                self._send(item)
                self._sent_some(1, total)
            else:
                run.append((item, post))
                ids.add(post.id)
                size += cost
        if run:
            self._send_run(run, total)

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()

    def _sent_some(self, count: int, total: int) -> None:
        self._done += count
        self.progress(self._done, total)

    def _batch_post(self, item: OutboxItem) -> tuple[wire.BatchPost | None, int]:
        """A put as one post of a batch, with its bytes in the body; None when it goes on its own
        (not a put, nothing left to send, or damaged in the vault: a single PUT settles those)."""
        if item.op != OP_PUT or item.post_id is None or item.blob is None or item.dhash is None:
            return None, 0
        try:
            put = self._put_request(item)
            post = wire.BatchPost(
                id=protocol.hex_id(item.post_id, protocol.POST_ID_BYTES),
                blob=put.blob,
                delete_hash=put.delete_hash,
                sig=put.sig,
            )
            return post, len(json.dumps(post.to_json(), separators=(",", ":"))) + 1
        except (ProtocolError, ValueError):
            return None, 0

    def _send_run(self, run: list[tuple[OutboxItem, wire.BatchPost]], total: int) -> None:
        self._check_cancel()
        if len(run) == 1:
            self._send(run[0][0])
        else:
            self._send_batch(run)
        self._sent_some(len(run), total)

    def _send_batch(self, run: list[tuple[OutboxItem, wire.BatchPost]]) -> None:
        """One batch upload, all or nothing; marked sent in one local transaction."""
        items = [item for item, _post in run]
        request = wire.PutPosts(posts=[post for _item, post in run])
        try:
            seqs = self._with_room(lambda: self.transport.put_posts(self.room, request))
        except ServerRejected as exc:
            if exc.code in (wire.NO_ROUTE, wire.METHOD_NOT_ALLOWED):
                self._batch_limit = 0  # an older server: single PUTs for the rest of this run
            elif exc.code == wire.TOO_LARGE and len(run) > 1:
                # A server or proxy with lower limits: halves now, and no larger batch this run.
                half = len(run) // 2
                self._batch_limit = min(self._batch_limit, half)
                self._send_batch(run[:half])
                self._send_batch(run[half:])
                return
            elif exc.code not in BATCH_TO_SINGLES:
                raise
            # One post stopped the batch (and nothing was stored): single PUTs settle each post.
            for item in items:
                self._check_cancel()
                self._send(item)
            return
        sent = [(item.id, item.post_id, seq) for item, seq in zip(items, seqs, strict=True) if item.post_id]
        self.store.mark_sent_many(self.record.id, sent)
        self.result.sent += len(sent)

    def _with_room(self, send: Callable[[], T]) -> T:
        try:
            return send()
        except ServerRejected as exc:
            if exc.code != wire.NO_ROOM or self._room_created:
                raise
            # Any member may register the room (it is signed with the shared write key), so a
            # group whose creator never synced, or whose room expired, still works.
            self.transport.create_room(create_room_request(self.record))
            self._room_created = True
            return send()

    def _send(self, item: OutboxItem) -> None:
        if item.op == OP_CREATE:
            self._send_once(item)
        else:
            self._with_room(lambda: self._send_once(item))

    def _send_once(self, item: OutboxItem) -> None:
        if item.op == OP_CREATE:
            try:
                # Built from the record: the payload queued by older versions holds the same bytes.
                self.transport.create_room(create_room_request(self.record))
            except ServerRejected as exc:
                if exc.code != wire.ROOM_EXISTS:
                    raise
                self.result.errors.append(exc.code)
            self._room_created = True
            self.store.drop_op(item.id)
        elif item.op == OP_PUT:
            self._send_put(item)
        elif item.op in (OP_DELETE, OP_REPORT):
            self._send_action(item)
        else:
            self.store.drop_op(item.id)

    def _send_put(self, item: OutboxItem) -> None:
        assert item.post_id is not None
        if item.blob is None or item.dhash is None:
            self.store.drop_op(item.id)  # the post was removed locally meanwhile
            return
        request = self._put_request(item)
        try:
            seq = self.transport.put_post(self.room, item.post_id, request)
        except ServerRejected as exc:
            if exc.code not in FINAL_FOR_PUTS:
                raise
            self.store.set_post_status(item.id, self.record.id, item.post_id, FINAL_FOR_PUTS[exc.code])
            self.result.conflicts += 1
            return
        self.store.mark_sent(item.id, self.record.id, item.post_id, seq)
        self.result.sent += 1

    def _put_request(self, item: OutboxItem) -> wire.PutPost:
        assert item.post_id is not None and item.blob is not None and item.dhash is not None
        dhash = bytes.fromhex(item.dhash)
        keys = self.record.keys
        message = protocol.put_message(keys.room_id, item.post_id, item.blob, dhash)
        return wire.PutPost(blob=item.blob, delete_hash=dhash, sig=protocol.sign(keys.write_key, message))

    def _send_action(self, item: OutboxItem) -> None:
        """A deletion or a report, as queued in the outbox."""
        request: wire.DeletePost | wire.Report | None = None
        try:
            request = (
                wire.delete_request(item.payload)
                if item.op == OP_DELETE
                else wire.Report.from_json(item.payload)
            )
        except wire.WireError:
            # Damaged in the vault: the server would refuse it as a bad request, so it is not sent.
            self.result.errors.append(wire.BAD_REQUEST)
        try:
            if isinstance(request, wire.Report):
                self.transport.report(self.room, request)
            elif request is not None:
                assert item.post_id is not None
                self.transport.delete_post(self.room, item.post_id, request)
        except ServerRejected as exc:
            # Nothing to delete, or a proof the server will never accept: retrying cannot help.
            if exc.code not in FINAL_FOR_ACTIONS:
                raise
            self.result.errors.append(exc.code)
        self.store.drop_op(item.id)
        self.result.sent += 1
