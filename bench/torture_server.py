"""Torture the group server and the group client: fuzz a real server process, then point a real client at
hostile servers. Prints the figures; the goal is zero in every fault column.

    python bench/torture_server.py [--backend sqlite|postgresql|both] [--openapi 60] [--mutations 3000]
                                   [--tries 300] [--quick] [--seed N] [--write]

Server section (per backend, rate limits off so cases reach the storage, then tight limits so the
limiter answers too): schemathesis cases from /v1/openapi.json (schema-valid and schema-breaking),
hostile JSON inside valid signed requests (hypothesis), and broken HTTP on raw sockets; the engine
is tests/server/test_server_fuzz.py. Columns: requests, 5xx answers, faults in the server's output
(tracebacks, logged internal errors), 405s without Allow, error bodies that are not the JSON shape.

Client section: a real vault and GroupService against loopback servers that lie.
- Hostile pages: each try serves one corrupted page (impossible seqs, a head below or above the
  truth, wrong types, shuffled or repeated events, endless `more`), then the honest history.
  "State poisoned" counts tries after which the honest sync failed, or left the cursor anywhere
  but the honest head, or the vault held a post that is not the group's. "Withheld" counts honest
  posts the liar replaced with garbage: the client discards such events and moves past them (one
  bad event must not block a group for good), so those posts stay missing, just as a server can
  always withhold a post. "Tracebacks" counts exceptions
  that are not the app's translated errors. "Hangs" counts syncs that outlived their deadline by
  more than 5 s.
- Slow servers: a body trickled one byte at a time, trickled headers, and Retry-After: 3600,
  each with the real default deadline (SYNC_DEADLINE; --quick uses 5 s): how long the sync took
  and how it ended.
`--write` also replaces the "Torture: group server" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from results import write_section  # noqa: E402
from test_server_fuzz import FuzzStats, fuzz_server, server_faults  # noqa: E402

from peerapp.core.errors import PeerappError  # noqa: E402
from peerapp.sync import protocol  # noqa: E402
from peerapp.sync.engine import SYNC_DEADLINE  # noqa: E402
from peerapp.sync.service import GroupService  # noqa: E402
from peerapp.sync.transport import MAX_SEQ  # noqa: E402
from support.servers import start_server  # noqa: E402
from support.sync_tools import HostileServer, TrickleServer, json_reply, new_vault, sealed_event  # noqa: E402

HANG_MARGIN = 5.0


# --- server ---------------------------------------------------------------------------------


def torture_server(backend: str, openapi: int, mutations: int, seed: int, lines: list[str]) -> bool:
    clean = True
    # Tight limits, so the limiter and its 429s are in the path as well.
    tight = {"room_rate": 1, "room_burst": 5, "create_rate": 0.5, "create_burst": 3}
    for label, limits in (("limits off", {"room_rate": 0, "create_rate": 0}), ("tight limits", tight)):
        with tempfile.TemporaryDirectory() as tmp:
            server = start_server(Path(tmp), backend, **limits)
            started = time.perf_counter()
            try:
                stats: FuzzStats = fuzz_server(server, openapi=openapi, mutations=mutations, seed=seed)
            finally:
                server.stop()
            took = time.perf_counter() - started
            faults = server_faults(server)
        row = (
            f"| {backend}, {label} | {stats.requests:,} | {stats.five_xx} | {len(faults)} | {stats.bad_405} "
            f"| {stats.not_json} | {stats.statuses.get(429, 0):,} | {took:.0f} s |"
        )
        lines.append(row)
        print(row, flush=True)
        for example in stats.server_errors[:5] + faults[:5]:
            print("    ", example[:200], flush=True)
        clean &= stats.five_xx == 0 and not faults and stats.bad_405 == 0 and stats.not_json == 0
    return clean


# --- client against hostile pages ----------------------------------------------------------------

HISTORY = 5
BAD_NUMBERS: list[Any] = [0, -1, 2**53, 2**62 - 1, 2**63, 10**30, 1.5, "3", True, None, [], {}]


@dataclass
class ClientTally:
    tries: int = 0
    refused: int = 0  # the hostile sync ended with a translated error
    poisoned: int = 0
    withheld: int = 0  # honest posts missing afterwards: the liar served garbage in their place
    tracebacks: int = 0
    hangs: int = 0
    slowest: float = 0.0


class PageLiar:
    """Serves one corrupted page (and whatever it chains to), then the honest history by cursor."""

    def __init__(self, keys: protocol.GroupKeys) -> None:
        self.history = [sealed_event(keys, seq, text=f"post {seq}") for seq in range(1, HISTORY + 1)]
        self.ids = {str(e["id"]) for e in self.history}
        self.hostile: list[bytes] = []  # bodies still to serve before the honest ones
        self.server = HostileServer(self._respond)

    def honest(self, after: int) -> dict[str, Any]:
        events = [e for e in self.history if int(e["seq"]) > after]
        return {
            "events": events,
            "next": events[-1]["seq"] if events else after,
            "more": False,
            "head": HISTORY,
        }

    def _respond(self, method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        answer: tuple[int, dict[str, str], bytes]
        if "/events" not in path:
            answer = json_reply({"error": {"code": "bad_request", "message": "x"}}, 400)
        elif self.hostile:
            answer = 200, {"Content-Type": "application/json"}, self.hostile.pop(0)
        else:
            answer = json_reply(self.honest(int(path.split("after=")[1].split("&")[0])))
        return answer


def corrupt_page(rng: random.Random, liar: PageLiar) -> list[bytes]:
    """One or more corrupted answers, drawn from the ways a hostile server can lie about a page."""
    page = liar.honest(0)
    events: list[Any] = copy.deepcopy(page["events"])
    kind = rng.choice(["seq", "seq", "head", "head", "order", "fields", "shape", "more", "raw", "endless"])
    if kind == "seq":
        target = rng.randrange(len(events))
        events[target]["seq"] = rng.choice([*BAD_NUMBERS, events[target - 1]["seq"], rng.randint(6, 10**15)])
    elif kind == "head":
        page["head"] = rng.choice([*BAD_NUMBERS, 1, 4, 10**15, "missing"])
        if page["head"] == "missing":
            del page["head"]
    elif kind == "order":
        rng.shuffle(events)
        if rng.random() < 0.5:
            events = events + events[: rng.randint(1, len(events))]
    elif kind == "fields":
        for event in rng.sample(events, rng.randint(1, len(events))):
            key = rng.choice(["id", "blob", "type", "extra"])
            event[key] = rng.choice(["", "zz", protocol.new_post_id(), 12, None, ["x"], "A" * 10_000])
    elif kind == "shape":
        shapes: list[Any] = [[], "page", 5, {"events": "x"}, {"events": [], "next": 0}, {"events": [1, 2]}]
        return [json.dumps(rng.choice(shapes)).encode()]
    elif kind == "more":
        page["more"] = rng.choice([True, "yes", None, 1])
    elif kind == "raw":
        text = json.dumps(page | {"events": events})
        mark = rng.choice(['"seq": 3', '"head": 5', '"next": 5'])
        huge = rng.choice(["9" * 5000, "1e999", "NaN", "-" + "9" * 30])
        return [text.replace(mark, mark.split(":")[0] + ": " + huge).encode()]
    elif kind == "endless":
        # Always "more", always higher seqs: only the deadline ends it.
        chain = []
        for start in range(1, 2000, 5):
            chunk = [dict(e, seq=start + i) for i, e in enumerate(events)]
            chain.append(
                json.dumps({"events": chunk, "next": chunk[-1]["seq"], "more": True, "head": MAX_SEQ})
            )
        return [c.encode() for c in chain]
    if kind != "shape":
        page["events"] = events
        page["next"] = events[-1]["seq"] if events and isinstance(events[-1], dict) else 0
    return [json.dumps(page).encode()]


def timed_sync(service: GroupService, gid: int, deadline: float) -> tuple[float, BaseException | None]:
    started = time.monotonic()
    try:
        service.sync(gid, deadline=deadline)
    except BaseException as exc:  # noqa: BLE001 - sorted by the caller
        return time.monotonic() - started, exc
    return time.monotonic() - started, None


def hostile_pages(tries: int, seed: int, deadline: float) -> ClientTally:
    rng = random.Random(seed)
    tally = ClientTally()
    with tempfile.TemporaryDirectory() as tmp:
        vault = new_vault(Path(tmp) / "member")
        service = GroupService(vault.connect())
        secret = protocol.new_secret()
        keys = protocol.GroupKeys.from_secret(secret)
        liar = PageLiar(keys)
        invite = protocol.Invite(liar.server.url, secret, bytes(32), "Liars").encode()
        try:
            for _ in range(tries):
                gid = service.join_group(invite, "Calm River").id
                liar.hostile = corrupt_page(rng, liar)
                tally.tries += 1
                took, error = timed_sync(service, gid, deadline)
                tally.slowest = max(tally.slowest, took)
                tally.hangs += took > deadline + HANG_MARGIN
                if isinstance(error, PeerappError):
                    tally.refused += 1
                elif error is not None:
                    tally.tracebacks += 1
                liar.hostile = []
                took, error = timed_sync(service, gid, deadline)
                tally.hangs += took > deadline + HANG_MARGIN
                if error is not None and not isinstance(error, PeerappError):
                    tally.tracebacks += 1
                cursor = service.store.record(gid).cursor
                held = {
                    row[0]
                    for row in service.store.conn.execute(
                        "SELECT id FROM group_post WHERE group_id = ?", (gid,)
                    )
                }
                read_seq = service.store.conn.execute(
                    "SELECT read_seq FROM peer_group WHERE id = ?", (gid,)
                ).fetchone()[0]
                # Poisoned: the client cannot carry on with an honest server. Garbage served in place
                # of a post is discarded and passed over (else one bad event would block the group
                # for good), so that post is withheld, as a server could always withhold it.
                if error is not None or cursor != HISTORY or not held <= liar.ids or read_seq > MAX_SEQ:
                    tally.poisoned += 1
                tally.withheld += len(liar.ids - held)
                service.leave_group(gid)
        finally:
            liar.server.close()
    return tally


# --- client against slow servers ---------------------------------------------------------------


def _sync_in_thread(
    vault: Any, gid: int, deadline: float, out: list[tuple[float, BaseException | None]]
) -> None:
    # A vault connection belongs to the thread that opened it.
    out.append(timed_sync(GroupService(vault.connect()), gid, deadline))


def retry_after_forever() -> HostileServer:
    error = {"error": {"code": "rate_limited", "message": "x"}}
    return HostileServer(lambda _m, _p, _b: json_reply(error, 429, {"Retry-After": "3600"}))


def slow_servers(deadline: float) -> list[tuple[str, float, str]]:
    out: list[tuple[str, float, str]] = []
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("body trickled 1 byte / 50 ms", lambda: TrickleServer("body", interval=0.05)),
        ("headers trickled 1 byte / 50 ms", lambda: TrickleServer("headers", interval=0.05)),
        ("Retry-After: 3600 on every answer", retry_after_forever),
    ]
    for name, make in cases:
        server = make()
        with tempfile.TemporaryDirectory() as tmp:
            vault = new_vault(Path(tmp) / "member")
            invite = protocol.Invite(server.url, protocol.new_secret(), bytes(32), "Slow").encode()
            gid = GroupService(vault.connect()).join_group(invite, "Calm River").id
            result: list[tuple[float, BaseException | None]] = []
            worker = threading.Thread(
                target=_sync_in_thread, args=(vault, gid, deadline, result), daemon=True
            )
            worker.start()
            worker.join(deadline + 120)
            if worker.is_alive():
                out.append((name, float("inf"), "still running (hang)"))
            else:
                took, error = result[0]
                ending = "finished" if error is None else type(error).__name__
                if isinstance(error, PeerappError) and "\n" not in error.user_message():
                    ending += " (one translated line)"
                out.append((name, took, ending))
        server.close()
        print(f"    {name}: {out[-1][2]} after {out[-1][1]:.1f} s", flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="sqlite")
    parser.add_argument("--openapi", type=int, default=60, help="schemathesis cases per operation and mode")
    parser.add_argument("--mutations", type=int, default=3000, help="hostile-JSON requests")
    parser.add_argument("--tries", type=int, default=300, help="hostile pages against the client")
    parser.add_argument(
        "--quick", action="store_true", help="small counts and a 5 s deadline for slow servers"
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--write", action="store_true", help="also update bench/RESULTS.md")
    args = parser.parse_args()
    if args.quick:
        args.openapi, args.mutations, args.tries = 10, 300, 60
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    print(f"seed {seed}", flush=True)

    lines = [
        "## Torture: group server (bench/torture_server.py)",
        "",
        f"Seed {seed}. Server fuzzing: schemathesis from /v1/openapi.json ({args.openapi} cases per "
        f"operation and mode), {args.mutations} hostile-JSON requests, broken HTTP on raw sockets.",
        "",
        "| server | requests | 5xx | faults in stderr | 405 without Allow | non-JSON errors | 429s | time |",
        "|---|---|---|---|---|---|---|---|",
    ]
    print("\n".join(lines[-2:]), flush=True)
    clean = True
    for backend in backends:
        clean &= torture_server(backend, args.openapi, args.mutations, seed, lines)

    page_deadline = 10.0
    tally = hostile_pages(args.tries, seed, page_deadline)
    lines += [
        "",
        f"Client against hostile pages (deadline {page_deadline:.0f} s a sync):",
        "",
        "| tries | refused with one line | state poisoned | tracebacks | hangs | slowest sync | posts withheld |",
        "|---|---|---|---|---|---|---|",
        f"| {tally.tries} | {tally.refused} | {tally.poisoned} | {tally.tracebacks} | {tally.hangs} "
        f"| {tally.slowest:.1f} s | {tally.withheld} |",
    ]
    print("\n".join(lines[-5:]), flush=True)
    clean &= tally.poisoned == tally.tracebacks == tally.hangs == 0

    deadline = 5.0 if args.quick else SYNC_DEADLINE
    print(f"Client against slow servers (deadline {deadline:.0f} s):", flush=True)
    slow = slow_servers(deadline)
    lines += [
        "",
        f"Client against slow servers (deadline {deadline:.0f} s):",
        "",
        "| server | sync took | ended |",
        "|---|---|---|",
    ]
    for name, took, ending in slow:
        lines.append(f"| {name} | {took:.1f} s | {ending} |")
        clean &= took <= deadline + HANG_MARGIN and "one translated line" in ending
    if args.write:
        write_section("torture-server", "\n".join(lines))
    print("ALL CLEAN" if clean else "FAULTS FOUND", flush=True)
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
