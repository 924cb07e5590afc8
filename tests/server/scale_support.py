"""Real server processes with the data plane's settings (creation mode, quotas, disk budget), and the
admin CLI, for the issue-18 tests.

Run as a script it is the server: `python scale_support.py JSON [server options]` starts
`peerapp.server.run.serve` with the options as `python -m peerapp.server` reads them and the JSON's
fields (config.py's "data plane" block) set on the config. Once run.py has options for those fields,
the tests can pass them as flags instead.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent.parent


def _serve(argv: list[str]) -> int:
    import argparse

    from peerapp.server import run

    data_plane = json.loads(argv[0])
    parser = argparse.ArgumentParser()
    run.add_arguments(parser)
    config = dataclasses.replace(run.config_from_args(parser.parse_args(argv[1:])), **data_plane)
    run.serve(config)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(_serve(sys.argv[1:]))


from support.servers import ServerProcess, _running, database_url  # noqa: E402


class DataPlaneServer(ServerProcess):
    """A ServerProcess started through this script, with data-plane fields."""

    def __init__(self, db_url: str, data_plane: dict[str, Any], **options: Any) -> None:
        super().__init__(db_url, options=options)
        self.data_plane = data_plane

    def command(self) -> list[str]:
        base = super().command()
        return [sys.executable, str(SCRIPT), json.dumps(self.data_plane), *base[3:]]


def start(
    tmp_path: Path,
    backend: str = "sqlite",
    db_url: str | None = None,
    *,
    data_plane: dict[str, Any] | None = None,
    **options: Any,
) -> DataPlaneServer:
    """A started server (a fresh database unless `db_url` names one); leftovers are killed at exit."""
    if db_url is None:
        folder = Path(tempfile.mkdtemp(prefix="server-", dir=tmp_path))
        db_url = database_url(folder, backend)
    server = DataPlaneServer(db_url, data_plane or {}, **options)
    _running.append(server)
    return server.start()  # type: ignore[return-value]


def admin(db_url: str, *args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`peerapp server admin --db URL ARGS...` in a subprocess (the real CLI, as an operator runs it)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", "peerapp", "--lang", "en", "server", "admin", "--db", db_url, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, check=False)


def error_code(response: Any) -> str:
    return str(response.json()["error"]["code"])
