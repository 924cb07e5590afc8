"""One sync run for one version 2 group: pull through the member's GroupState, carry out queued
actions (peerapp.sync.v2.intents), then push the outbox; a post refused as stale_epoch is sealed
again under the new epoch after pulling."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from .. import models, protocol, wire
from ..engine import PAGE_SIZE, STAGE_RECEIVE, STAGE_SEND, SYNC_DEADLINE, Progress, apply_delete
from ..errors import ServerRejected
from ..outbox import OutboxSender
from ..protocol import ProtocolError
from ..store import OP_CREATE, GroupRecord, GroupStore, OutboxItem
from ..transport import Cancelled, Transport
from . import saved
from . import store as v2store
from .events import blob_epoch, seal_event, sign_member
from .state import Accepted, GroupState

STALE_ROUNDS = 3  # pull and re-seal at most this often in one run (each rekey needs one)


def reseal(state: GroupState, post_id: str, fields: dict[str, Any]) -> bytes:
    """A member event sealed and signed under the current epoch, keeping its id (the server never
    stored the old one: it refused it)."""
    keys = state.keys()
    signed = sign_member(state.me, state.room_id, keys.epoch, post_id, {"v": 2, **fields})
    return seal_event(keys.content_key, state.room_id, post_id, keys.epoch, signed)


def put_request(state: GroupState, post_id: str, blob: bytes, dhash: bytes) -> wire.PutPost:
    """Signed by the write key of the blob's epoch, or the current door's for door events."""
    epoch = blob_epoch(blob)
    key = state.doors[-1].write_key if epoch == 0 else state.epochs[epoch].write_key
    message = protocol.put_message(state.room_id, post_id, blob, dhash)
    return wire.PutPost(blob=blob, delete_hash=dhash, sig=protocol.sign(key, message))


def upload(transport: Transport, state: GroupState, event_id: str, blob: bytes) -> int:
    """One event nobody will delete by secret (its delete hash is of a secret thrown away)."""
    dhash = protocol.delete_hash(os.urandom(32))
    return transport.put_post(state.room_id.hex(), event_id, put_request(state, event_id, blob, dhash))


class V2Sender(OutboxSender):
    """The outbox of a v2 group: puts signed with their epoch's write key. (Reports are v2 events
    sent by intents.py; one queued for the v1 endpoint before an upgrade is refused and dropped.)"""

    state: GroupState

    def _put_request(self, item: OutboxItem) -> wire.PutPost:
        assert item.post_id is not None and item.blob is not None and item.dhash is not None
        try:
            return put_request(self.state, item.post_id, item.blob, bytes.fromhex(item.dhash))
        except (KeyError, IndexError) as exc:
            raise ProtocolError("epoch") from exc

    def _with_room(self, send: Any) -> Any:
        return send()  # a v2 room is registered by its creator's first sync (the "create" action)

    def _send_once(self, item: OutboxItem) -> None:
        if item.op == v2store.OP_V2:
            return  # an action the engine carries out after pulling; not an upload
        if item.op == OP_CREATE:
            self.store.drop_op(item.id)  # a v1 room's creation queued before the group upgraded
            return
        super()._send_once(item)


class V2Engine:
    """Runs pull, actions, push, pull for one v2 group over one transport; the server is hostile."""

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
        self.store, self.record, self.transport = store, record, transport
        self.conn = store.conn
        self.state = saved.load(self.conn, record.id)
        self.cancel = cancel or threading.Event()
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.deadline = deadline
        self.result = models.SyncResult()
        self.rescanned = False
        self._posts: list[Accepted] = []  # accepted posts not yet written (flush)

    @property
    def room(self) -> str:
        return self.state.room_id.hex()

    def run(self) -> models.SyncResult:
        from .intents import Intents  # the admin actions use the engine's pull and upload

        previous = self.transport.cancel, self.transport.deadline
        self.transport.cancel = self.cancel
        self.transport.deadline = time.monotonic() + self.deadline
        try:
            if self.state.removed_me:
                return self.result  # nothing to read or write any more (the service says so)
            if self.state.waiting:
                self.rescan()  # events of an epoch we lack: its rekey may have been withheld
            self.pull()
            if not self.state.removed_me:
                Intents(self).run()
                self.push()
        except Cancelled:
            self.result.cancelled = True
        finally:
            self.transport.cancel, self.transport.deadline = previous
        return self.result

    # -- push ---------------------------------------------------------------------------

    def push(self) -> None:
        for _round in range(STALE_ROUNDS):
            if self.state.current == 0 or self.state.removed_me:
                return  # nothing can be sealed yet (waiting for approval), or ever again
            self._reseal()
            sender = V2Sender(
                self.store, self.record, self.transport, self.result, cancel=self.cancel,
                progress=lambda done, total: self.progress(STAGE_SEND, done, total),
            )  # fmt: skip
            sender.state = self.state
            try:
                sender.push()
                return
            except ServerRejected as exc:
                if exc.code != wire.STALE_EPOCH:
                    raise
            # The group moved to a new epoch (a rekey): pull it, then seal what waits again. If the
            # pull brings no new epoch, the server withheld the rekey so far: look again from where
            # this epoch began (once a run), in case it is served now.
            current = self.state.current
            self.pull()
            if self.state.current == current and not self.rescanned:
                self.rescan()

    def _reseal(self) -> None:
        """Queued posts sealed under an older epoch (or as v1 posts before an upgrade) are sealed
        again from the plaintext the vault keeps, under the epoch this member is in now."""
        current = self.state.current
        stale = []
        for post_id, fields, blob in v2store.queued_puts(self.conn, self.record.id):
            try:
                if blob is not None and blob_epoch(blob) == current:
                    continue
            except ProtocolError:
                pass
            stale.append((post_id, reseal(self.state, post_id, fields)))
        if stale:
            with self.store.transaction():
                for post_id, blob in stale:
                    v2store.set_blob(self.conn, self.record.id, post_id, blob)

    # -- pull ---------------------------------------------------------------------------

    def rescan(self) -> None:
        """Pull again from the seq the current epoch began at. Every event applies idempotently
        (posts by id, joins and rekeys by their checks); what fails again is not counted twice."""
        self.rescanned = True
        self.pull(self.state.entered.get(self.state.current, 0))

    def pull(self, start: int | None = None) -> None:
        gid = self.record.id
        stored = self.store.record(gid).cursor
        cursor = stored if start is None else min(start, stored)
        received = 0
        self.progress(STAGE_RECEIVE, 0, 0)
        while True:
            if self.cancel.is_set():
                raise Cancelled()
            try:
                page = self.transport.events(self.room, cursor, PAGE_SIZE)
            except ServerRejected as exc:
                if exc.code != wire.NO_ROOM:
                    raise
                return  # not registered yet: the creator's first sync does it
            if page.head is not None and page.head < cursor:
                raise ProtocolError("head")  # a v2 room is never pulled again from the start
            if not page.events:
                return
            dropped = self.state.dropped
            # The page's events, the state they built and the cursor commit together or not at all.
            with self.store.transaction():
                for event in page.events:
                    self.apply(event)
                self.flush()
                cursor = page.events[-1].seq
                stored = max(stored, cursor)
                self.store.set_cursor(gid, stored)
                saved.save(self.conn, gid, self.state)
            if cursor >= stored:
                self.result.discarded += self.state.dropped - dropped
            received += len(page.events)
            self.progress(STAGE_RECEIVE, received, 0)
            if not page.more:
                return

    def apply(self, event: wire.Event | wire.Unreadable) -> None:
        try:
            if isinstance(event, wire.PostEvent):
                for accepted in self.state.apply(event.seq, event.id.hex(), event.blob):
                    if accepted.kind == "report" and self.state.admin_key is not None:
                        self._report(accepted)
                    elif accepted.kind in ("post", "reaction"):
                        self._posts.append(accepted)
                return
            self.flush()  # a deletion may name a post of this page
            if isinstance(event, (wire.AuthorDelete, wire.AdminDelete)):
                self._delete(event)
            elif isinstance(event, wire.ReportEvent):
                if self.state.admin_key is not None:
                    post_id, reason = protocol.open_report(self.state.admin_key, event.blob)
                    self.store.add_report(self.record.id, event.seq, post_id, reason)
            else:
                raise ProtocolError("event")
        except ProtocolError:
            self.result.discarded += 1

    def flush(self) -> None:
        """Write the accepted posts waiting since the last flush: one look-up of the ids already
        here and of their tombstones, then one insert for all (a cold pull writes 10,000)."""
        posts, self._posts = self._posts, []
        if not posts:
            return
        gid = self.record.id
        known = v2store.known_posts(self.conn, gid, [a.event_id for a in posts])
        tombs = v2store.tombstones(self.conn, gid, [a.event_id for a in posts])
        rows = []
        for a in posts:
            if a.event_id in known:
                mine, status = known[a.event_id]
                op = self.store.put_op(gid, a.event_id) if mine and status == models.PENDING else None
                if op is not None:  # our own post whose answer was lost: the server has it
                    self.store.mark_sent(op, gid, a.event_id, a.seq)
                continue
            tomb = tombs.get(a.event_id)
            if tomb is not None and (
                tomb[0] == "admin" or protocol.delete_hash(bytes.fromhex(tomb[1])).hex() == a.fields["d"]
            ):
                continue  # deleted before we saw it: never shown
            known[a.event_id] = (False, models.RECEIVED)  # the same id twice in a page counts once
            mine = a.author is not None and a.author.id == self.state.me.id
            author = a.author.pseudonym if a.verified and a.author is not None else ""
            rows.append(
                (
                    a.event_id,
                    a.fields,
                    author,
                    a.verified,
                    models.SENT if mine else models.RECEIVED,
                    mine,
                    a.seq,
                )
            )
        v2store.insert_received(self.conn, gid, rows)
        self.result.received += len(rows)

    def _report(self, a: Accepted) -> None:
        """Only admins can open a report; a damaged one is dropped like any bad event."""
        import json

        from .keys import open_as_admin

        assert self.state.admin_key is not None
        try:
            inner = json.loads(
                open_as_admin(self.state.admin_key, protocol.b64d(a.fields["sealed"], max_len=8192))
            )
            post_id = protocol.hex_id(inner["post"], protocol.POST_ID_BYTES).hex()
            reason = str(inner["reason"])[:1000]
        except (ProtocolError, ValueError, KeyError, TypeError):
            self.result.discarded += 1
            return
        self.store.add_report(self.record.id, a.seq, post_id, reason)

    def _delete(self, event: wire.AuthorDelete | wire.AdminDelete) -> None:
        apply_delete(self.store, self.record.id, self.state.room_id, self.state.admin_pub, event)
