"""GroupService: the one facade the CLI and the GUI use for peer groups (API in /work/tr/API-groups.md)."""

from __future__ import annotations

import threading
import time
import unicodedata
from collections.abc import Callable

import httpx

from peerapp.core.db import Connection
from peerapp.core.errors import OperationCancelled, PeerappError

from . import creation, models, protocol, wire
from .engine import SYNC_DEADLINE, Progress, SyncEngine
from .errors import (
    GroupMoved,
    GroupNotFound,
    InvalidPost,
    InvalidProxy,
    InvalidPseudonym,
    InvalidServerUrl,
    NotAdmin,
    NotAllowed,
    PostNotFound,
    PostTooLong,
    RemovedFromGroup,
    SyncPaused,
    error_code,
)
from .protocol import InvalidInvite, Invite, ProtocolError
from .store import OP_DELETE, OP_PUT, OP_REPORT, GroupStore
from .transport import PROXY_SCHEMES, Transport
from .v2 import store as v2store
from .v2.engine import V2Engine
from .v2.service import GroupsV2

KV_SYNC_ENABLED = "groups.sync_enabled"
KV_PROXY = "groups.proxy"
MAX_TEXT, MAX_CW, MAX_REASON = 20000, 200, 1000


def check_pseudonym(pseudonym: str) -> str:
    value = pseudonym.strip()
    if not 0 < len(value) <= 64 or any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in value):
        raise InvalidPseudonym()
    return value


def check_server_url(url: str) -> str:
    value = url.strip().rstrip("/")
    try:
        parsed = httpx.URL(value)
    except (httpx.InvalidURL, ValueError) as exc:
        raise InvalidServerUrl() from exc
    if (
        parsed.scheme not in ("http", "https")
        or not parsed.host
        or parsed.query
        or parsed.fragment
        or parsed.userinfo
        or len(value.encode()) > protocol.INVITE_MAX_URL
    ):
        raise InvalidServerUrl()
    return value


def check_creation_url(url: str) -> str:
    """The address a group is created on, with an operator's creation token if it has one (kept on
    this device for the room's creation; invites and screens show creation.public_url)."""
    base, token = creation.split_server_url(url)
    return creation.with_token(check_server_url(base), token)


def check_proxy(url: str) -> str:
    value = url.strip()
    try:
        parsed = httpx.URL(value)
    except (httpx.InvalidURL, ValueError) as exc:
        raise InvalidProxy() from exc
    if (
        not value.startswith(PROXY_SCHEMES)
        or not parsed.host
        or parsed.port is None
        or parsed.path not in ("", "/")
    ):
        raise InvalidProxy()
    return value


class GroupService(GroupsV2):
    """Groups over one vault connection; use one instance per thread. Version 2 groups' own
    methods are in GroupsV2 (peerapp/sync/v2/service.py); the shared ones dispatch on the version."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.store = GroupStore(conn)

    # -- groups -------------------------------------------------------------------------

    def create_group(
        self,
        server_url: str,
        name: str,
        pseudonym: str,
        *,
        approval: bool = False,
        expires_days: int | None = None,
    ) -> tuple[models.Group, str]:
        """Make the secrets, store a version 2 group and queue the room's creation; no network here."""
        gid, invite = self._create_v2(check_creation_url(server_url), name.strip(), check_pseudonym(pseudonym),
                                      approval, expires_days)  # fmt: skip
        return self.group(gid), invite

    def join_group(self, invite: str, pseudonym: str) -> models.Group:
        """Store the group from a v1 or v2 invite; the first sync pulls its posts (or, with approval,
        asks the admins to let this member in: the group is "pending" until one does)."""
        pseudonym = check_pseudonym(pseudonym)
        if self._is_v2_invite(invite):
            from .v2.invite import InviteV2

            parsed2 = InviteV2.decode(invite)
            try:
                url2 = check_server_url(parsed2.server_url)
            except InvalidServerUrl as exc:
                raise InvalidInvite("url") from exc
            return self.group(self._join_v2(invite, pseudonym, url2, parsed2.name.strip() or "?"))
        parsed = Invite.decode(invite)
        try:
            url = check_server_url(parsed.server_url)
        except InvalidServerUrl as exc:
            raise InvalidInvite("url") from exc
        name = parsed.name.strip() or "?"
        with self.store.transaction():
            gid = self.store.add_group(
                name=name,
                server_url=url,
                secret=parsed.secret,
                admin_pub=parsed.admin_pub,
                admin_seed=None,
                pseudonym=pseudonym,
            )
        return self.group(gid)

    def groups(self) -> list[models.Group]:
        return self._with_roles(self.store.groups())

    def group(self, ref: int | str) -> models.Group:
        """A group by local id or exact name."""
        gid = self.store.find_group(ref)
        for group in self.groups():
            if group.id == gid:
                return group
        raise GroupNotFound(str(ref))

    def invite(self, group_id: int, *, expires_days: int | None = None) -> str:
        """The group's invite; in a v2 group, `expires_days` makes a new one (see reset_invite)."""
        if self._v2(group_id):
            return self._invite_v2(group_id, expires_days)
        record = self.store.record(group_id)
        return Invite(
            server_url=creation.public_url(record.server_url),
            secret=record.secret,
            admin_pub=record.admin_pub,
            name=record.name,
        ).encode()

    def set_pseudonym(self, group_id: int, pseudonym: str) -> None:
        """Used for posts written from now on; earlier posts keep the name they were sent with."""
        if self._v2(group_id):
            return self._rename_v2(group_id, check_pseudonym(pseudonym))
        self.store.set_pseudonym(group_id, check_pseudonym(pseudonym))

    def leave_group(self, group_id: int) -> None:
        """Forget the group and every row of it on this device (its posts stay on the server).
        v2: first hand on the admin role if I am the last admin, and tell the group (needs the server)."""
        if self._v2(group_id):
            return self._leave_v2(group_id)
        self.store.delete_group(group_id)

    # -- posting ------------------------------------------------------------------------

    def post(
        self, group_id: int, text: str, *, content_warning: str = "", reply_to: str | None = None
    ) -> models.GroupPost:
        """Seal a post now and queue it; it shows as pending until a sync sends it."""
        if not text.strip() or len(text) > MAX_TEXT or len(content_warning) > MAX_CW:
            raise InvalidPost()
        if reply_to is not None:
            parent = self.store.post(group_id, reply_to)
            if parent is None or parent.kind != "post" or parent.status == models.DELETED:
                raise PostNotFound(reply_to)
        post_id = self._queue_post(group_id, "post", text, content_warning.strip(), reply_to)
        return self.store.thread(group_id, post_id)[0]

    def _queue_post(self, group_id: int, kind: str, body: str, cw: str, reply_to: str | None) -> str:
        if self._v2(group_id):
            return self._queue_post_v2(group_id, kind, body, cw, reply_to)
        record = self.store.record(group_id)
        post_id = protocol.new_post_id()
        secret = protocol.new_delete_secret()
        value = protocol.post_plaintext(
            kind=kind,
            author=record.pseudonym,
            body=body,
            delete_hash=protocol.delete_hash(secret),
            at=protocol.coarse_time(time.time()),
            content_warning=cw,
            reply_to=reply_to,
            seen=self.store.recent_seen(group_id),
        )
        try:
            blob = protocol.seal_post(record.keys, post_id, value)
        except ProtocolError as exc:
            raise PostTooLong() from exc
        with self.store.transaction():
            self.store.insert_post(
                group_id, post_id, value, status=models.PENDING, mine=True, delete_secret=secret, blob=blob
            )
            self.store.enqueue(group_id, OP_PUT, post_id, {})
        return post_id

    def toggle_me_too(self, group_id: int, post_id: str) -> None:
        """Add a "me too" to a post, or take yours back."""
        target = self.store.post(group_id, post_id)
        if target is None or target.kind != "post" or target.status == models.DELETED:
            raise PostNotFound(post_id)
        mine = self.store.my_reaction(group_id, post_id)
        if mine is not None:
            self.delete_post(group_id, mine)
        else:
            self._queue_post(group_id, "reaction", "me_too", "", post_id)

    def delete_post(self, group_id: int, post_id: str) -> None:
        """Your own post (with its delete secret) or, as admin, anyone's; hidden here at once."""
        record = self.store.record(group_id)
        post = self.store.post(group_id, post_id)
        if post is None or post.status == models.DELETED:
            raise PostNotFound(post_id)
        with self.store.transaction():
            if post.mine and post.delete_secret is not None:
                unsent = self.store.unsent_put(group_id, post_id)
                if unsent is not None:
                    # Never tried: the server cannot have it, so nothing needs to go out.
                    self.store.drop_op(unsent)
                    self.store.remove_post(group_id, post_id)
                    return
                request: wire.DeletePost = wire.DeleteByAuthor(secret=post.delete_secret)
            elif record.admin_key is not None:
                room_id, admin_key = self._admin_key(group_id, record)
                if admin_key is None:
                    raise NotAllowed()
                message = protocol.admin_delete_message(room_id, post_id)
                request = wire.DeleteByAdmin(admin_sig=protocol.sign(admin_key, message))
            else:
                raise NotAllowed()
            self.store.mark_deleted(group_id, post_id)
            self.store.enqueue(group_id, OP_DELETE, post_id, request.to_json())

    def report_post(self, group_id: int, post_id: str, reason: str) -> None:
        """Queue a report only the admin can read."""
        record = self.store.record(group_id)
        if self.store.post(group_id, post_id) is None:
            raise PostNotFound(post_id)
        if self._v2(group_id):
            return self._report_v2(group_id, post_id, reason.strip()[:MAX_REASON])
        blob = protocol.seal_report(record.admin_pub, post_id, reason.strip()[:MAX_REASON])
        sig = protocol.sign(record.keys.write_key, protocol.report_message(record.keys.room_id, blob))
        self.store.enqueue(group_id, OP_REPORT, post_id, wire.Report(blob=blob, sig=sig).to_json())

    # -- reading ------------------------------------------------------------------------

    def feed(
        self, group_id: int, *, limit: int = 50, before_seq: int | None = None
    ) -> list[models.GroupPost]:
        """Top-level posts, newest first; pending ones lead the first page. Page on with the last seq."""
        self.store.record(group_id)
        return self.store.feed(group_id, limit=max(limit, 0), before_seq=before_seq)

    def thread(self, group_id: int, post_id: str) -> list[models.GroupPost]:
        """The post, then its replies oldest first (a reply that came before its parent shows here)."""
        return self.store.thread(group_id, post_id)

    def find_post(self, group_id: int, prefix: str) -> str:
        """The full id of a post from its first characters (at least 4), as the CLI shows them."""
        return self.store.resolve_post(group_id, prefix)

    def reports(self, group_id: int) -> list[models.Report]:
        if self.store.record(group_id).admin_seed is None:
            raise NotAdmin()
        return self.store.reports(group_id)

    def mark_read(self, group_id: int) -> None:
        self.store.mark_read(group_id)

    # -- syncing ------------------------------------------------------------------------

    def sync(
        self,
        group_id: int,
        *,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        transport: Transport | None = None,
        deadline: float = SYNC_DEADLINE,
    ) -> models.SyncResult:
        """Send the outbox in order, then receive, within `deadline` seconds in all.

        Raises ServerUnavailable (SyncTimedOut when the deadline passed) etc.; back off and retry.
        """
        if not self.sync_enabled():
            raise SyncPaused()
        record = self.store.record(group_id)
        own = transport is None
        # A fresh connection per group: a shared keep-alive connection would tie groups together.
        link = transport or Transport(record.server_url, proxy=self.proxy(), cancel=cancel)
        try:
            engine = V2Engine if v2store.version(self.conn, group_id) == 2 else SyncEngine
            result = engine(
                self.store, record, link, cancel=cancel, progress=progress, deadline=deadline
            ).run()
            if engine is SyncEngine and v2store.version(self.conn, group_id) == 2:
                # The admin upgraded the group (this run read the upgrade): go on as v2 at once.
                record = self.store.record(group_id)
                result = V2Engine(self.store, record, link, cancel=cancel, progress=progress, deadline=deadline).run()  # fmt: skip
            elif wire.UPGRADED in result.errors:
                raise GroupMoved()  # the room is v2 but no upgrade signed by the admin was found
            if engine is V2Engine and self._removed(group_id):
                raise RemovedFromGroup()
        except PeerappError as exc:
            self.store.sync_failed(group_id, error_code(exc))
            raise
        finally:
            if own:
                link.close()
        if not result.cancelled:
            self.store.sync_succeeded(group_id)
        return result

    def sync_all(
        self,
        *,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        deadline: float = SYNC_DEADLINE,
        each: Callable[[models.GroupSyncResult], None] | None = None,
    ) -> models.SyncAllResult:
        """Sync every group in turn, each within its own `deadline`. A group that fails is recorded
        (and passed to `each`, as every group is) and the next one still runs; cancelling stops."""
        outcome = models.SyncAllResult()
        for group in self.store.groups():
            if cancel is not None and cancel.is_set():
                break
            try:
                result = self.sync(group.id, cancel=cancel, progress=progress, deadline=deadline)
            except OperationCancelled:
                outcome.cancelled = True
                break
            except PeerappError as exc:
                done = models.GroupSyncResult(group.id, group.name, error=exc)
            else:
                done = models.GroupSyncResult(group.id, group.name, result=result)
            outcome.groups.append(done)
            if each is not None:
                each(done)
            if done.result is not None and done.result.cancelled:
                outcome.cancelled = True
                break
        if cancel is not None and cancel.is_set():
            outcome.cancelled = True
        return outcome

    # -- settings (in the vault) --------------------------------------------------------

    def _kv(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_kv(self, key: str, value: str | None) -> None:
        if value is None:
            self.conn.execute("DELETE FROM kv WHERE key = ?", (key,))
        else:
            self.conn.execute(
                "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def sync_enabled(self) -> bool:
        return self._kv(KV_SYNC_ENABLED) != "0"

    def set_sync_enabled(self, enabled: bool) -> None:
        self._set_kv(KV_SYNC_ENABLED, "1" if enabled else "0")

    def proxy(self) -> str | None:
        return self._kv(KV_PROXY)

    def set_proxy(self, url: str | None) -> None:
        """A socks5:// or socks5h:// URL (socks5h resolves names through the proxy, as Tor needs)."""
        self._set_kv(KV_PROXY, None if not url else check_proxy(url))
