"""docs/OPERATING.md's backup and restore, done as written: pg_dump of a live server, pg_restore, start."""

from __future__ import annotations

import subprocess
from pathlib import Path

from support.servers import Room, ServerProcess, database_url, pg_cluster


def pg_tool(*args: str) -> None:
    cluster = pg_cluster()
    result = subprocess.run(
        [str(cluster.bin / args[0]), "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", *args[1:]],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# UNLOGGED tables hold only passing state (the rate buckets: when each room was last active, to the
# second); the guide's dump leaves their rows out, so no backup keeps those times.
PASSING = "(SELECT relname FROM pg_class WHERE relpersistence = 'u' AND relkind = 'r')"


def table_rows(dbname: str) -> str:
    """Every row of the server's lasting tables in a fixed order, as text: equal output, equal contents."""
    cluster = pg_cluster()
    tables = cluster.psql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN "
        f"{PASSING} ORDER BY tablename",
        dbname,
    ).split()
    out = []
    for table in tables:
        out.append(table + ":\n" + cluster.psql(f"SELECT t::text FROM {table} t ORDER BY 1", dbname))
    return "\n".join(out)


def test_pg_dump_of_a_running_server_restores_whole_and_serves_on(tmp_path: Path) -> None:
    source = database_url(tmp_path, "postgresql")
    source_name = source.rsplit("/", 1)[1]
    dump = tmp_path / "peerapp.dump"
    with ServerProcess(source) as server:
        rooms = [Room(server.url) for _ in range(3)]
        for number, room in enumerate(rooms):
            assert room.create().status_code == 201
            posts = [room.post(f"room {number} post {i}") for i in range(5)]
            assert room.delete_author(posts[1][0], posts[1][2]).status_code == 200
            assert room.report(posts[2][0]).status_code == 200
        before = {room.room: room.all_events() for room in rooms}
        heads = {room.room: room.events().json()["head"] for room in rooms}
        # The guide's command: a custom-format dump, taken while the server runs.
        pg_tool(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-unlogged-table-data",
            "--file",
            str(dump),
            source_name,
        )
    assert dump.stat().st_size > 0

    target = database_url(tmp_path, "postgresql")  # an empty database, as on a new machine
    target_name = target.rsplit("/", 1)[1]
    pg_tool("pg_restore", "--no-owner", "--exit-on-error", "--dbname", target_name, str(dump))
    assert table_rows(target_name) == table_rows(source_name)
    assert "events" in table_rows(target_name) and "rooms" in table_rows(target_name)
    passing = (
        pg_cluster().psql(f"SELECT relname FROM pg_class WHERE relname IN {PASSING}", target_name).split()
    )
    assert passing  # the rate buckets, at least
    for table in passing:  # restored empty
        assert pg_cluster().psql(f"SELECT count(*) FROM {table}", target_name).strip() == "0", table

    # Started once with --skip-seqs, as the guide says after any restore: same events, and new posts
    # take seqs no client has seen, even if the old server handed some out after the dump.
    with ServerProcess(target, options={"skip_seqs": 1000}) as restored:
        assert "skipped 1000 seqs in 3 rooms" in restored.output
        for room in rooms:
            room.http.base_url = restored.url  # type: ignore[assignment]
            assert room.all_events() == before[room.room]
            assert room.post("after the move")[1] == heads[room.room] + 1000 + 1
            room.close()
