"""Real server processes with the data plane's settings (creation mode, quotas, disk budget), and the
admin CLI, for the issue-18 tests."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from support.servers import ServerProcess, _running, database_url

ROOT = Path(__file__).resolve().parent.parent.parent
DataPlaneServer = ServerProcess


def start(
    tmp_path: Path,
    backend: str = "sqlite",
    db_url: str | None = None,
    *,
    data_plane: dict[str, Any] | None = None,
    **options: Any,
) -> ServerProcess:
    """A started `python -m peerapp.server` (a fresh database unless `db_url` names one); the data
    plane's fields become their options (creation="token" -> --creation token). Leftovers are killed
    when the tests end."""
    if db_url is None:
        folder = Path(tempfile.mkdtemp(prefix="server-", dir=tmp_path))
        db_url = database_url(folder, backend)
    server = ServerProcess(db_url, options={**options, **(data_plane or {})})
    _running.append(server)
    return server.start()


def admin(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`peerapp server admin --db URL ARGS...` in a subprocess (the real CLI, as an operator runs it)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", "peerapp", "--lang", "en", "server", "admin", "--db", db_url, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, check=False)


def error_code(response: Any) -> str:
    return str(response.json()["error"]["code"])
