"""The `group ...` commands: anonymous, end-to-end encrypted peer-support groups (design section 7)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core.errors import PeerappError
from ..core.i18n import translate
from ..sync.errors import error_text
from ..sync.models import PENDING, RECEIVED, GroupPost, GroupSyncResult, SyncResult
from .common import (
    EXIT_FAILURE,
    EXIT_OK,
    Handler,
    Subparsers,
    UsageError,
    json_option,
    number,
    open_journal,
    passphrase_option,
    resolve_dashes,
)

if TYPE_CHECKING:
    from ..sync.service import GroupService


def add_parsers(commands: Subparsers) -> None:
    group = commands.add_parser("group", help="anonymous, end-to-end encrypted peer-support groups")
    gcmd = group.add_subparsers(dest="group_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str, *positional: str, json: bool = False) -> argparse.ArgumentParser:
        p = gcmd.add_parser(name, help=help_text)
        passphrase_option(p)
        for arg in positional:  # GROUP is the group's number or name; POST an id or its start
            p.add_argument(arg, metavar=arg.upper())
        if json:
            json_option(p)
        return p

    create = action("create", "create a group and print its invite")
    create.add_argument("--server", required=True, metavar="URL", help="the group server, e.g. https://host")
    create.add_argument("--name", required=True, metavar="NAME")
    create.add_argument("--pseudonym", metavar="P", help="your name in this group (default: a suggested one)")
    create.add_argument("--approval", action="store_true", help="an admin approves each new member")

    action("join", "join a group from its invite", "invite").add_argument(
        "--pseudonym", required=True, metavar="P"
    )
    action("list", "your groups", json=True)

    post = action("post", "write a post (sent at the next sync)", "group")
    post.add_argument("text", metavar="TEXT", help="the post; - reads it from standard input")
    post.add_argument("--cw", default="", metavar="WARNING", help="a content warning shown before the text")
    post.add_argument("--reply-to", metavar="POST", help="the id (or its first characters) of a post")

    sync = action("sync", "send waiting posts and receive new ones")
    sync.add_argument("group", nargs="?", metavar="GROUP", help="one group (default: every group)")

    feed = action("feed", "posts of a group, newest first, each followed by its replies", "group", json=True)
    feed.add_argument("--limit", type=int, default=50, metavar="N")

    action("delete-post", "delete your post (or, as admin, anyone's)", "group", "post")
    action("react", 'add or take back a "me too"', "group", "post")
    action(
        "report", "report a post to the group's admin (only the admin can read it)", "group", "post", "reason"
    )
    action("reports", "reports sent to you as admin", "group", json=True)
    action("pseudonym", "change your name in a group (for new posts)", "group", "pseudonym")

    invite = action("invite", "print a group's invite again, or make a new one", "group")
    invite.add_argument("--reset", action="store_true", help="a new invite; the old one stops working")
    invite.add_argument("--expires", type=int, metavar="DAYS", help="the new invite works for DAYS days")

    action("members", "the group's members, their roles and safety codes", "group", json=True)
    action(
        "remove", "remove a member: the group moves to a new key without them (admins)", "group", "pseudonym"
    )
    action("approve", "let someone who asked to join in (admins)", "group", "pseudonym")
    promote = action("promote", "make a member an admin (admins)", "group", "pseudonym")
    promote.add_argument("--demote", action="store_true", help="take the admin role away instead")
    rules = action("rules", "show the group's rules and support contacts, or set the rules (admins)", "group")
    rules.add_argument("--set", dest="text", metavar="TEXT", help="the new rules; - reads standard input")
    action("upgrade", "move a version 1 group to version 2 and print its new invite (its admin)", "group")
    action("leave", "leave a group and remove its posts from this device", "group")

    proxy = action("proxy", "show or set the SOCKS5 proxy for all group traffic (e.g. Tor)")
    proxy.add_argument("url", nargs="?", metavar="URL", help="socks5h://127.0.0.1:9050 for Tor")
    proxy.add_argument("--off", action="store_true", help="connect directly again")


# -- group ---------------------------------------------------------------------------------


def cmd_group(args: argparse.Namespace) -> int:
    handler = _HANDLERS[args.group_command]
    # Through the same way in as every command: counter, duress, spare, damage checks.
    with open_journal(args) as session:
        return handler(session.groups, args)


def _group_id(service: GroupService, args: argparse.Namespace) -> int:
    return service.group(args.group).id


def _post_id(service: GroupService, group_id: int, ref: str) -> str:
    return service.find_post(group_id, ref)  # an id or its first characters


def _create(service: GroupService, args: argparse.Namespace) -> int:
    if args.pseudonym:
        pseudonym = args.pseudonym
    else:
        from ..core.settings import Settings
        from ..sync.pseudonym import suggest_pseudonym

        pseudonym = suggest_pseudonym(args.lang or Settings.load().language or "en")
    group, invite = service.create_group(args.server, args.name, pseudonym, approval=args.approval)
    # The invite alone goes to stdout (design §7), so `INVITE=$(peerapp group create ...)` works;
    # everything meant for people goes to stderr.
    print(translate("CLI", "Created the group %1 (number %2). Share this invite only with people you trust:")
          .replace("%1", group.name).replace("%2", number(group.id)), file=sys.stderr)  # fmt: skip
    print(invite, flush=True)
    try:
        service.sync(group.id)
    except PeerappError as exc:
        print(exc.user_message(), file=sys.stderr)
        print(
            translate("CLI", "The invite works anyway; the group is registered at the next sync."),
            file=sys.stderr,
        )
    else:
        print(translate("CLI", "The group is registered on the server."), file=sys.stderr)
    return EXIT_OK


def _join(service: GroupService, args: argparse.Namespace) -> int:
    group = service.join_group(args.invite, args.pseudonym)
    print(translate("CLI", "Joined the group %1 (number %2). Run a sync to see its posts.")
          .replace("%1", group.name).replace("%2", number(group.id)))  # fmt: skip
    return EXIT_OK


_LIST_KEYS = ("id", "name", "server_url", "pseudonym", "is_admin", "pending", "unread", "last_sync_at",
              "last_error", "version", "role", "removed")  # fmt: skip


def _list(service: GroupService, args: argparse.Namespace) -> int:
    groups = service.groups()
    if args.json:
        # last_error is a code (sync.errors); the human list translates it.
        items = [{key: getattr(g, key) for key in _LIST_KEYS} for g in groups]
        print(json.dumps(items, ensure_ascii=False, indent=1))
    elif not groups:
        print(translate("CLI", "You are not in any group yet."))
    else:
        for g in groups:
            error = f"\t{error_text(g.last_error)}" if g.last_error else ""
            print(f"{g.id}\t{g.name}\t{g.pseudonym}\t{g.server_url}{error}")
    return EXIT_OK


def _post(service: GroupService, args: argparse.Namespace) -> int:
    resolve_dashes(args, "text")
    gid = _group_id(service, args)
    reply_to = _post_id(service, gid, args.reply_to) if args.reply_to else None
    print(service.post(gid, args.text, content_warning=args.cw, reply_to=reply_to).id)
    return EXIT_OK


def _sync(service: GroupService, args: argparse.Namespace) -> int:
    if args.group is not None:
        gid = _group_id(service, args)
        _print_sync(service.group(gid).name, service.sync(gid))
        return EXIT_OK
    outcome = service.sync_all(each=_print_group)
    return EXIT_FAILURE if outcome.errors else EXIT_OK


def _print_group(done: GroupSyncResult) -> None:
    if done.error is not None:
        print(f"{done.name}: {done.error.user_message()}", file=sys.stderr)
    elif done.result is not None:
        _print_sync(done.name, done.result)


def _print_sync(name: str, result: SyncResult) -> None:
    line = translate("CLI", "%1: sent %2, received %3.")
    print(line.replace("%1", name).replace("%2", number(result.sent)).replace("%3", number(result.received)))
    for count, text in (
        (result.discarded, translate("CLI", "Items that failed the checks and were ignored: %1")),
        (result.conflicts, translate("CLI", "Posts the server would not take (kept on this device): %1")),
    ):
        if count:
            print(text.replace("%1", number(count)))


def _feed(service: GroupService, args: argparse.Namespace) -> int:
    gid = _group_id(service, args)
    posts: list[GroupPost] = []
    for top in service.feed(gid, limit=max(args.limit, 0)):
        posts.extend(service.thread(gid, top.id))
    if args.json:
        print(json.dumps([p.to_json() for p in posts], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not posts:
        print(translate("CLI", "No posts yet."))
    for p in posts:
        indent = "    " if p.reply_to else ""
        status = "" if p.status == RECEIVED else f"\t[{_status_label(p.status)}]"
        # v2: a post whose signature did not match has no name, and is never shown under the one it claims.
        name = p.pseudonym or translate("CLI", "(unverified: not shown under any name)")
        print(f"{indent}{p.id[:8]}\t{name}\t{p.at}{status}")
        if p.content_warning:
            print(indent + translate("CLI", "Content warning:"), p.content_warning)
        for line in p.text.splitlines() or [""]:
            print(f"{indent}  {line}")
        if p.me_too:
            print(indent + "  " + translate("CLI", "Me too: %1").replace("%1", number(p.me_too)))
    return EXIT_OK


def _status_label(status: str) -> str:
    labels = {
        PENDING: translate("CLI", "waiting to be sent"),
        "sent": translate("CLI", "sent"),
        "conflict": translate("CLI", "not accepted by the server"),
    }
    return labels.get(status, status)


def _delete_post(service: GroupService, args: argparse.Namespace) -> int:
    gid = _group_id(service, args)
    service.delete_post(gid, _post_id(service, gid, args.post))
    print(translate("CLI", "Deleted the post here; the server is told at the next sync."))
    return EXIT_OK


def _react(service: GroupService, args: argparse.Namespace) -> int:
    gid = _group_id(service, args)
    post_id = _post_id(service, gid, args.post)
    service.toggle_me_too(gid, post_id)
    mine = service.thread(gid, post_id)[0].me_too_mine
    print(translate("CLI", 'Added your "me too".') if mine else translate("CLI", 'Took back your "me too".'))
    return EXIT_OK


def _report(service: GroupService, args: argparse.Namespace) -> int:
    gid = _group_id(service, args)
    service.report_post(gid, _post_id(service, gid, args.post), args.reason)
    print(
        translate(
            "CLI", "The report is sealed so only the group's admin can read it; it goes out at the next sync."
        )
    )
    return EXIT_OK


def _reports(service: GroupService, args: argparse.Namespace) -> int:
    reports = service.reports(_group_id(service, args))
    if args.json:
        print(json.dumps([{"post": r.post_id, "reason": r.reason} for r in reports], ensure_ascii=False))
    elif not reports:
        print(translate("CLI", "No reports."))
    for r in [] if args.json else reports:
        print(f"{r.post_id[:8]}\t{r.reason}")
    return EXIT_OK


def _pseudonym(service: GroupService, args: argparse.Namespace) -> int:
    service.set_pseudonym(_group_id(service, args), args.pseudonym)
    print(translate("CLI", "Your new posts in this group will use that name."))
    return EXIT_OK


def _invite(service: GroupService, args: argparse.Namespace) -> int:
    gid = _group_id(service, args)
    if args.expires is not None and args.expires <= 0:
        raise UsageError(translate("CLI", "--expires needs a number of days above 0."))
    if not args.reset and args.expires is None:
        print(service.invite(gid))
        return EXIT_OK
    print(service.reset_invite(gid, expires_days=args.expires), flush=True)
    return _sync_now(service, gid, "")


def _sync_now(service: GroupService, gid: int, done: str) -> int:
    """Carry a queued action out at once; if the server cannot be reached, it waits for a sync."""
    try:
        service.sync(gid)
    except PeerappError as exc:
        print(exc.user_message(), file=sys.stderr)
        print(translate("CLI", "It is done at the next sync."), file=sys.stderr)
        return EXIT_OK
    print(done, end="\n" if done else "")
    return EXIT_OK


def _members(service: GroupService, args: argparse.Namespace) -> int:
    members = service.members(_group_id(service, args))
    roles = {"admin": translate("CLI", "admin"), "member": translate("CLI", "member"),
             "pending": translate("CLI", "asks to join")}  # fmt: skip
    if args.json:
        print(json.dumps([m.to_json() for m in members], ensure_ascii=False, indent=1))
    for m in [] if args.json else members:
        me = "\t" + translate("CLI", "(you)") if m.me else ""
        print(f"{m.pseudonym}\t{roles.get(m.role, m.role)}\t{m.safety_code}{me}")
    return EXIT_OK


def _member_action(service: GroupService, args: argparse.Namespace) -> int:
    """remove, approve, promote and promote --demote: queued, then carried out by a sync at once."""
    gid = _group_id(service, args)
    if args.group_command == "remove":
        service.remove_member(gid, args.pseudonym)
        done = translate("CLI", "Removed %1. The group moved to a new key without them.")
    elif args.group_command == "approve":
        service.approve(gid, args.pseudonym)
        done = translate("CLI", "Let %1 in: they can now read the group.")
    else:
        service.promote(gid, args.pseudonym, demote=args.demote)
        done = translate("CLI", "%1 is a member again, no longer an admin.") if args.demote else translate(
            "CLI", "%1 is now an admin of the group.")  # fmt: skip
    return _sync_now(service, gid, done.replace("%1", args.pseudonym))


def _rules(service: GroupService, args: argparse.Namespace) -> int:
    gid = _group_id(service, args)
    rules = service.rules(gid)
    if args.text is not None:
        resolve_dashes(args, "text")
        # The contacts stay as an admin pinned them (the app edits them).
        service.set_rules(gid, args.text, rules.contacts if rules else [])
        return _sync_now(service, gid, translate("CLI", "The rules are pinned for every member."))
    print(rules.text if rules else translate("CLI", "This group has no rules yet."))
    for c in rules.contacts if rules else []:
        print(f"{c.name}\t{c.how}")
    return EXIT_OK


def _upgrade(service: GroupService, args: argparse.Namespace) -> int:
    invite = service.upgrade_group(_group_id(service, args))
    print(translate("CLI", "The group now uses version 2. Members follow at their next sync; the new invite:"),
          file=sys.stderr)  # fmt: skip
    print(invite)
    return EXIT_OK


def _leave(service: GroupService, args: argparse.Namespace) -> int:
    group = service.group(args.group)
    service.leave_group(group.id)
    print(
        translate("CLI", "Left the group %1 and removed its posts from this device.").replace(
            "%1", group.name
        )
    )
    return EXIT_OK


def _proxy(service: GroupService, args: argparse.Namespace) -> int:
    if args.off and args.url:
        raise UsageError(translate("CLI", "Give a proxy address or --off, not both."))
    if args.off or args.url:
        service.set_proxy(None if args.off else args.url)
    current = service.proxy()
    through = translate("CLI", "Group traffic goes through the proxy %1.").replace("%1", current or "")
    print(through if current else translate("CLI", "Group traffic connects directly (no proxy)."))
    return EXIT_OK


_HANDLERS: dict[str, Callable[[GroupService, argparse.Namespace], int]] = {
    "create": _create,
    "join": _join,
    "list": _list,
    "post": _post,
    "sync": _sync,
    "feed": _feed,
    "delete-post": _delete_post,
    "react": _react,
    "report": _report,
    "reports": _reports,
    "pseudonym": _pseudonym,
    "invite": _invite,
    "members": _members,
    "remove": _member_action,
    "promote": _member_action,
    "approve": _member_action,
    "rules": _rules,
    "upgrade": _upgrade,
    "leave": _leave,
    "proxy": _proxy,
}


COMMANDS: dict[str, Handler] = {"group": cmd_group}
