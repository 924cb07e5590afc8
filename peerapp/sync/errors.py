"""Errors of the group client, each with a translatable message for the CLI and the GUI."""

from __future__ import annotations

from peerapp.core.errors import CONTEXT, PeerappError
from peerapp.core.i18n import QT_TRANSLATE_NOOP, translate

from .protocol import ProtocolError


class GroupNotFound(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "There is no group with that number or name on this device.")


class GroupExists(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "You are already a member of this group.")


class PostNotFound(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "There is no post with that id in this group.")


class AmbiguousPost(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "More than one post starts with those characters. Give more of the id."
    )


class InvalidPseudonym(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A pseudonym needs 1 to 64 characters and cannot contain line breaks."
    )


class InvalidGroupName(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "A group name needs 1 to 120 characters.")


class InvalidServerUrl(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The server address must start with http:// or https://, for example https://groups.example.org.",
    )


class InvalidProxy(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The proxy must look like socks5h://127.0.0.1:9050 (socks5:// or socks5h://, a host and a port).",
    )


class InvalidPost(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A post needs some text, at most 20,000 characters, and a content warning of at most 200."
    )


class PostTooLong(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "This post is too long to send. Split it into two posts.")


class NotAllowed(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "Only the author of a post or the group's admin can delete it.")


class NotAdmin(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "Only the group's admin can read reports.")


class AdminsOnly(NotAdmin):
    message = QT_TRANSLATE_NOOP("Errors", "Only an admin of this group can do that.")


class MemberNotFound(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "There is no member with that pseudonym in this group.")


class NeedsVersion2(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This group still uses the first version of groups. Its admin can upgrade it first."
    )


class AlreadyVersion2(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "This group already uses the newer version of groups.")


class WaitingForApproval(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "An admin of this group has not approved you yet. You can read and write once they do."
    )


class NotJoinedYet(WaitingForApproval):
    message = QT_TRANSLATE_NOOP(
        "Errors", "You joined this group a moment ago. Sync once to receive its key; then you can write."
    )


class RemovedFromGroup(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "You are no longer a member of this group: you cannot read its new posts or write to it.",
    )


class NotYourself(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "You cannot do that to yourself. To leave the group, use leave instead."
    )


class PseudonymFixed(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "In this group your pseudonym is tied to your keys, so it cannot change."
    )


class PseudonymTaken(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Someone in this group already uses that pseudonym. Choose another one for this group."
    )


class InvalidRules(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Rules can hold at most 4,000 characters and 12 contacts, each with a name and a way to reach them.",
    )


class GroupMoved(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This group moved to a newer version of peerapp. Update peerapp to keep using it."
    )


class SyncPaused(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Group sync is paused in the settings. Nothing was sent or received."
    )


class ServerUnavailable(PeerappError):
    """The network or the server failed; nothing was lost and the caller should retry later."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The group server could not be reached. Your posts are kept on this device and will be sent later.",
    )

    def user_message(self) -> str:
        # The detail names a low-level exception; it helps debugging but means nothing to a user.
        return translate(CONTEXT, self.message)


class SyncTimedOut(ServerUnavailable):
    """The sync's total deadline passed: a server too slow (or asking to wait too long) to finish."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The group server is too slow or too busy right now, so this sync stopped. Nothing is lost: "
        "what arrived is kept, and the rest comes at the next sync.",
    )


class ServerRejected(PeerappError):
    """The server answered with a JSON error; `code` is its stable error code."""

    message = QT_TRANSLATE_NOOP("Errors", "The group server refused the request.")

    def __init__(self, code: str, status: int = 0, retry_after: float | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.status = status
        self.retry_after = retry_after

    def user_message(self) -> str:
        # A refusal the person can act on (a restricted, full or suspended server) has its own sentence.
        own = REFUSALS.get(self.code)
        return translate(CONTEXT, own) if own else super().user_message()


# The group server's refusals about creation, quotas and suspension (docs/OPERATING.md), and what
# the person can do about each. "pow_too_hard" is the client's own: the server asked for more work
# than MAX_POW_BITS (sync/creation.py).
REFUSALS: dict[str, str] = {
    "creation_token_required": QT_TRANSLATE_NOOP(
        "Errors",
        "This server creates groups only with a creation token from its operator. Ask them for a server "
        "address that includes one.",
    ),
    "bad_creation_token": QT_TRANSLATE_NOOP(
        "Errors",
        "The server did not accept the creation token: it is wrong or was revoked. Ask the server's "
        "operator for a new one.",
    ),
    "pow_too_hard": QT_TRANSLATE_NOOP(
        "Errors",
        "The server asks for more work than this device will do to create a group. Try another server.",
    ),
    "room_suspended": QT_TRANSLATE_NOOP(
        "Errors", "The server's operator has suspended this group. Nothing can be sent or received for now."
    ),
    "quota_bytes": QT_TRANSLATE_NOOP(
        "Errors", "This group is full on its server. Room is made as older posts expire."
    ),
    "quota_posts": QT_TRANSLATE_NOOP(
        "Errors",
        "This group has had as many posts today as its server allows. Your post will be sent tomorrow.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The group server is full and takes no new posts for now. Try again later."
    ),
}


# --- error codes -----------------------------------------------------------------------------------
# What a failed sync leaves in `peer_group.last_error` and `group list --json` shows: a stable code,
# translated only when it is shown (error_text), so the vault never holds text in one language.

UNREACHABLE = "unreachable"  # no connection, or the server failed (5xx)
TIMED_OUT = "timed_out"  # the sync's deadline passed
BAD_ANSWER = "bad_answer"  # the server sent something that is not valid
REFUSED = "refused:"  # followed by the server's own error code, e.g. "refused:rate_limited"
FAILED = "failed"  # anything else (and every message stored by older versions)
NOT_REACHED = (UNREACHABLE, TIMED_OUT)  # the server could not be reached in time
# Version 2: what only this member can act on (each shown with its own sentence).
REMOVED, PSEUDONYM_TAKEN, MOVED = "removed", "pseudonym_taken", "moved"
_V2_CODES: dict[str, type[PeerappError]] = {
    REMOVED: RemovedFromGroup,
    PSEUDONYM_TAKEN: PseudonymTaken,
    MOVED: GroupMoved,
}


def error_code(exc: PeerappError) -> str:
    """The stable code of a sync failure."""
    if isinstance(exc, SyncTimedOut):
        return TIMED_OUT
    if isinstance(exc, ServerUnavailable):
        return UNREACHABLE
    if isinstance(exc, ServerRejected):
        return REFUSED + exc.code
    if isinstance(exc, ProtocolError):
        return BAD_ANSWER
    for code, kind in _V2_CODES.items():
        if isinstance(exc, kind):
            return code
    return FAILED


def error_text(code: str) -> str:
    """The translated sentence for an error code (for the GUI's status and the CLI's human output)."""
    if code.startswith(REFUSED):
        return ServerRejected(code[len(REFUSED) :]).user_message()
    kinds: dict[str, type[PeerappError]] = {
        TIMED_OUT: SyncTimedOut,
        UNREACHABLE: ServerUnavailable,
        BAD_ANSWER: ProtocolError,
        **_V2_CODES,
    }
    return translate(CONTEXT, kinds.get(code, PeerappError).message)
