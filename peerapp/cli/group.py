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

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        p = gcmd.add_parser(name, help=help_text)
        passphrase_option(p)
        return p

    create = action("create", "create a group and print its invite")
    create.add_argument("--server", required=True, metavar="URL", help="the group server, e.g. https://host")
    create.add_argument("--name", required=True, metavar="NAME")
    create.add_argument("--pseudonym", metavar="P", help="your name in this group (default: a suggested one)")

    join = action("join", "join a group from its invite")
    join.add_argument("invite", metavar="INVITE")
    join.add_argument("--pseudonym", required=True, metavar="P")

    json_option(action("list", "your groups"))

    post = action("post", "write a post (sent at the next sync)")
    post.add_argument("group", metavar="GROUP", help="the group's number or name")
    post.add_argument("text", metavar="TEXT", help="the post; - reads it from standard input")
    post.add_argument("--cw", default="", metavar="WARNING", help="a content warning shown before the text")
    post.add_argument("--reply-to", metavar="POST", help="the id (or its first characters) of a post")

    sync = action("sync", "send waiting posts and receive new ones")
    sync.add_argument("group", nargs="?", metavar="GROUP", help="one group (default: every group)")

    feed = action("feed", "posts of a group, newest first, each followed by its replies")
    feed.add_argument("group", metavar="GROUP")
    feed.add_argument("--limit", type=int, default=50, metavar="N")
    json_option(feed)

    for name, help_text in (
        ("delete-post", "delete your post (or, as admin, anyone's)"),
        ("react", 'add or take back a "me too"'),
    ):
        p = action(name, help_text)
        p.add_argument("group", metavar="GROUP")
        p.add_argument("post", metavar="POST")

    report = action("report", "report a post to the group's admin (only the admin can read it)")
    report.add_argument("group", metavar="GROUP")
    report.add_argument("post", metavar="POST")
    report.add_argument("reason", metavar="REASON")

    reports = action("reports", "reports sent to you as admin")
    reports.add_argument("group", metavar="GROUP")
    json_option(reports)

    pseudonym = action("pseudonym", "change your name in a group (for new posts)")
    pseudonym.add_argument("group", metavar="GROUP")
    pseudonym.add_argument("pseudonym", metavar="P")

    action("invite", "print a group's invite again").add_argument("group", metavar="GROUP")
    action("leave", "leave a group and remove its posts from this device").add_argument(
        "group", metavar="GROUP"
    )

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
    return service.find_post(group_id, ref)


def _create(service: GroupService, args: argparse.Namespace) -> int:
    if args.pseudonym:
        pseudonym = args.pseudonym
    else:
        from ..core.settings import Settings
        from ..sync.pseudonym import suggest_pseudonym

        pseudonym = suggest_pseudonym(args.lang or Settings.load().language or "en")
    group, invite = service.create_group(args.server, args.name, pseudonym)
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


def _list(service: GroupService, args: argparse.Namespace) -> int:
    groups = service.groups()
    if args.json:
        items = [
            {
                "id": g.id,
                "name": g.name,
                "server_url": g.server_url,
                "pseudonym": g.pseudonym,
                "is_admin": g.is_admin,
                "pending": g.pending,
                "unread": g.unread,
                "last_sync_at": g.last_sync_at,
                "last_error": g.last_error,  # a code (sync.errors); the human list translates it
            }
            for g in groups
        ]
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
    post = service.post(gid, args.text, content_warning=args.cw, reply_to=reply_to)
    print(post.id)
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
    if result.discarded:
        print(
            translate("CLI", "Items that failed the checks and were ignored: %1").replace(
                "%1", number(result.discarded)
            )
        )
    if result.conflicts:
        print(
            translate("CLI", "Posts the server would not take (kept on this device): %1").replace(
                "%1", number(result.conflicts)
            )
        )


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
        print(f"{indent}{p.id[:8]}\t{p.pseudonym}\t{p.at}{status}")
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
    post_id = _post_id(service, gid, args.post)
    service.delete_post(gid, post_id)
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
    print(service.invite(_group_id(service, args)))
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
    if args.off:
        service.set_proxy(None)
    elif args.url:
        service.set_proxy(args.url)
    current = service.proxy()
    if current:
        print(translate("CLI", "Group traffic goes through the proxy %1.").replace("%1", current))
    else:
        print(translate("CLI", "Group traffic connects directly (no proxy)."))
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
    "leave": _leave,
    "proxy": _proxy,
}


COMMANDS: dict[str, Handler] = {"group": cmd_group}
