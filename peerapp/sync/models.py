"""Plain data the group service hands to the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field

from peerapp.core.errors import PeerappError

# Post status, as shown to the user and in `--json` output.
PENDING = "pending"  # in the outbox, not yet accepted by the server
SENT = "sent"  # the server accepted it (it has a seq)
RECEIVED = "received"  # written by someone else
DELETED = "deleted"  # removed by its author or the admin
CONFLICT = "conflict"  # the server holds other bytes under this id; kept locally, never resent


@dataclass(frozen=True)
class Group:
    id: int  # local id, used by the CLI as GROUP (the name works too)
    name: str
    server_url: str
    pseudonym: str
    is_admin: bool
    pending: int  # posts and actions waiting in the outbox
    unread: int
    last_sync_at: str | None  # ISO-8601, local clock
    last_error: str | None  # the code of the last failed sync (sync.errors.error_code), if any
    version: int = 1  # the group's protocol version (new groups are 2)
    role: str = "member"  # "admin", "member", or "pending" (waiting for an admin's approval)
    removed: bool = False  # an admin removed me (v2): new posts can be neither read nor written
    # v2: a change of the group's key was sealed to other members than this computer knows: the
    # server may be showing people different versions of the group (GroupState.roster_warning).
    roster_warning: bool = False


@dataclass(frozen=True)
class GroupPost:
    id: str  # 32 hex characters
    pseudonym: str
    text: str
    at: str  # ISO-8601 (coarse: 10 minutes)
    reply_to: str | None
    content_warning: str
    mine: bool
    status: str  # PENDING, SENT, RECEIVED, DELETED or CONFLICT
    me_too: int = 0  # "me too" reactions
    me_too_mine: bool = False
    replies: int = 0
    seq: int | None = None  # the server's order; None while pending (feed paging uses it)
    # v2: the author's registered key signed it. An unverified post has no pseudonym ("") and is
    # never shown under the name it claims; v1 posts cannot be checked and are never verified.
    verified: bool = False

    def to_json(self) -> dict[str, object]:
        """The shape of design section 7 (`group feed --json`)."""
        return {
            "id": self.id,
            "pseudonym": self.pseudonym,
            "text": self.text,
            "at": self.at,
            "reply_to": self.reply_to,
            "content_warning": self.content_warning,
            "mine": self.mine,
            "status": self.status,
            "me_too": self.me_too,
            "verified": self.verified,
        }


ADMIN, MEMBER, PENDING_APPROVAL = "admin", "member", "pending"  # a member's role


@dataclass(frozen=True)
class Member:
    """A member of a version 2 group as this device knows them (`group members`)."""

    pseudonym: str
    role: str  # ADMIN, MEMBER or PENDING_APPROVAL (a join request only admins see)
    safety_code: str  # six groups of five digits; compare it with the member in person
    me: bool

    def to_json(self) -> dict[str, object]:
        """The shape of design section 7 (`group members --json`)."""
        return {
            "pseudonym": self.pseudonym,
            "role": self.role,
            "safety_code": self.safety_code,
            "me": self.me,
        }


@dataclass(frozen=True)
class Contact:
    """A vetted support contact an admin pinned with the group's rules."""

    name: str
    how: str  # a phone number, an address, a link: shown as written, never opened by itself


@dataclass(frozen=True)
class Rules:
    """The group's pinned rules and support contacts (the latest an admin set)."""

    text: str
    contacts: list[Contact] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    """A sealed report, readable only by the group's admin."""

    seq: int
    post_id: str
    reason: str


@dataclass
class SyncResult:
    sent: int = 0
    received: int = 0
    discarded: int = 0  # events that failed validation (hostile or corrupt) and were dropped
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False  # the user stopped the run; what was done so far is kept


@dataclass(frozen=True)
class GroupSyncResult:
    """How one group's sync ended in a sync of every group: its result, or the error that stopped it."""

    group_id: int
    name: str
    result: SyncResult | None = None
    error: PeerappError | None = None


@dataclass
class SyncAllResult:
    """A sync of every group, in order; one group's failure did not stop the others."""

    groups: list[GroupSyncResult] = field(default_factory=list)
    cancelled: bool = False  # stopped by the user; the groups not reached are not listed

    @property
    def errors(self) -> list[PeerappError]:
        return [g.error for g in self.groups if g.error is not None]

    @property
    def sent(self) -> int:
        return sum(g.result.sent for g in self.groups if g.result is not None)

    @property
    def received(self) -> int:
        return sum(g.result.received for g in self.groups if g.result is not None)
