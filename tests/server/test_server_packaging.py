"""packaging/server: the compose file, Containerfile, Caddyfile and systemd unit say what the server does."""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import pytest
import yaml

from peerapp.server import run
from support import ROOT
from support.servers import ServerProcess, database_url, free_port

PACKAGING = ROOT / "packaging" / "server"
# Official images only, each pinned to a version tag (never latest): what the compose file and the
# Containerfile may name. Nothing here can ask a registry, so the names are checked against this list.
OFFICIAL = {"docker.io/library/postgres", "docker.io/library/caddy", "docker.io/library/python"}
PINNED = re.compile(r"[0-9]+(\.[0-9]+)*(-(slim-)?(bookworm|alpine))?")
# PEERAPP_* names that are not server options: the data folder (core.paths) and Caddy's domain.
OTHER_NAMES = {"PEERAPP_DATA_DIR", "PEERAPP_DOMAIN"}
# Imports that uvicorn, starlette and the standard library try and go without when absent (the image
# has none of them): reload watching, WSGI, form parsing, WebSockets, anyio's sniffio,
# snowballstemmer's PyStemmer, Jython's copy module.
OPTIONAL_PROBES = {
    "watchfiles",
    "a2wsgi",
    "multipart",
    "python_multipart",
    "org",
    "wsproto",
    "websockets",
    "sniffio",
    "Stemmer",
}
# Core dependencies the image installs besides the server extra (see the Containerfile).
IMAGE_CORE = ("platformdirs", "PyNaCl", "sqlcipher3", "snowballstemmer")


def children(pid: int) -> set[int]:
    """The live processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split() if entry.name.isdigit() else []
        except OSError:
            continue
        if fields and int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def compose() -> dict[str, object]:
    data = yaml.safe_load((PACKAGING / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def example_env() -> dict[str, str]:
    out = {}
    for line in (PACKAGING / "env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("=", 1)
            out[key] = value
    return out


def expand(value: str, env: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?message}, as the compose tools read them."""

    def one(match: re.Match[str]) -> str:
        name, op, arg = match.group(1), match.group(2), match.group(3)
        if op == ":-":
            return env.get(name) or arg
        if name not in env:
            raise AssertionError(f"{name} is required: {arg}")
        return env[name]

    return re.sub(r"\$\{([A-Z_]+)(?:(:-|:\?)([^}]*))?\}", one, value)


def server_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="peerapp server", exit_on_error=False, allow_abbrev=False)
    run.add_arguments(parser)
    return parser


def env_names(text: str) -> set[str]:
    return set(re.findall(r"\bPEERAPP_[A-Z_]+\b", text))


def test_compose_parses_and_names_pinned_official_images() -> None:
    services = compose()["services"]
    assert isinstance(services, dict) and set(services) == {"db", "server", "caddy"}
    for name in ("db", "caddy"):
        repo, tag = services[name]["image"].rsplit(":", 1)
        assert repo in OFFICIAL and PINNED.fullmatch(tag), services[name]["image"]
    build = services["server"]["build"]
    assert (PACKAGING / build["context"]).resolve() == ROOT
    assert (ROOT / build["dockerfile"]).resolve() == (PACKAGING / "Containerfile").resolve()
    # Only Caddy is reachable from outside, on 80 and 443; the server and the database are not.
    assert "ports" not in services["db"] and "ports" not in services["server"]
    assert {p.split(":")[0] for p in services["caddy"]["ports"]} == {"80", "443"}
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in services["caddy"]["volumes"]
    assert services["server"]["depends_on"]["db"]["condition"] == "service_healthy"
    # Room creation is said explicitly: token, whatever address the server listens on.
    assert expand(services["server"]["environment"]["PEERAPP_CREATION"], {}) == "token"
    unit = (PACKAGING / "peerapp-server.service").read_text(encoding="utf-8")
    assert "Environment=PEERAPP_CREATION=token" in unit.splitlines()
    # The stop grace outlasts the server's own graceful timeout, so SIGTERM's drain can finish.
    grace = int(services["server"]["stop_grace_period"].removesuffix("s"))
    assert grace > float(services["server"]["environment"]["PEERAPP_GRACEFUL_TIMEOUT"])


def test_the_caddyfile_proxies_to_the_server_service_and_keeps_metrics_private() -> None:
    text = (PACKAGING / "Caddyfile").read_text(encoding="utf-8")
    port = compose()["services"]["server"]["environment"]["PEERAPP_PORT"]  # type: ignore[index]
    assert re.search(rf"reverse_proxy server:{port}\b", text)
    assert re.search(r"@private path /metrics", text) and "respond @private 404" in text
    assert "health_uri /v1/health/ready" in text
    assert "{$PEERAPP_DOMAIN}" in text and not re.search(r"^\s*log\b", text, re.MULTILINE)


def containerfile() -> str:
    return (PACKAGING / "Containerfile").read_text(encoding="utf-8")


def test_the_containerfile_installs_the_server_extra_on_a_pinned_official_image() -> None:
    text = containerfile()
    (base,) = re.findall(r"^FROM (\S+)", text, re.MULTILINE)
    repo, tag = base.rsplit(":", 1)
    assert repo in OFFICIAL and PINNED.fullmatch(tag), base
    installed = set(re.findall(r'"([A-Za-z0-9_-]+[<>=!~][^"]*)"', text.split("COPY", 1)[0]))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = set(project["optional-dependencies"]["server"])
    # The core packages the server imports (peerapp.core.paths, peerapp.sync.protocol), and the two
    # the command line adds (peerapp server admin runs in the container too).
    wanted |= {dep for dep in project["dependencies"] if dep.split(">")[0] in IMAGE_CORE}
    assert installed == wanted


def image_packages() -> set[str]:
    text = containerfile().split("COPY", 1)[0]
    return {re.split(r"[<>=!~]", spec)[0] for spec in re.findall(r'"([A-Za-z0-9_-]+[<>=!~][^"]*)"', text)}


def modules_of(distributions: set[str]) -> set[str]:
    """The top-level modules of these installed distributions and of everything they require."""
    from importlib import metadata

    todo, seen = [d.lower() for d in distributions], set()
    while todo:
        name = todo.pop().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            if "extra ==" not in requirement:
                todo.append(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower())
    modules = {"_cffi_backend"}  # PyNaCl's compiled half, shipped by cffi
    for module, owners in metadata.packages_distributions().items():
        if any(owner.lower().replace("_", "-") in seen for owner in owners):
            modules.add(module)
    return modules


def imported_by(command: list[str], *, serve: bool = False) -> set[str]:
    """Top-level modules outside the standard library that a real run of `command` imports."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(
        [sys.executable, "-X", "importtime", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    if serve:  # wait until it serves, then stop it the normal way
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("listening on "), proc.stderr
        proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err[-2000:]
    lines = [line.rsplit("|", 1)[1].strip() for line in err.splitlines() if line.startswith("import time:")]
    # What the interpreter's start-up imported (site, this machine's sitecustomize) comes before peerapp.
    lines = lines[next(i for i, name in enumerate(lines) if name.startswith("peerapp")) :]
    names = {name.split(".")[0] for name in lines}
    return {
        n for n in names if n not in sys.stdlib_module_names and n != "peerapp" and not n.startswith("_")
    } - OPTIONAL_PROBES


def test_the_image_has_every_package_the_server_and_its_admin_commands_import(tmp_path: Path) -> None:
    available = modules_of(image_packages())
    db = "sqlite:///" + str(tmp_path / "server.db")
    serving = imported_by(["-m", "peerapp.server", "--db", db, "--port", "0"], serve=True)
    admin = imported_by(["-m", "peerapp", "server", "admin", "--db", db, "stats"])
    assert {"uvicorn", "starlette", "aiosqlite"} <= serving and "sqlcipher3" in admin
    assert serving <= available, serving - available
    assert admin <= available, admin - available


def test_the_commands_match_the_real_command_line() -> None:
    (cmd,) = re.findall(r"^CMD (\[.*\])$", containerfile(), re.MULTILINE)
    assert json.loads(cmd) == ["python", "-m", "peerapp.server"]
    unit = (PACKAGING / "peerapp-server.service").read_text(encoding="utf-8")
    (exec_start,) = re.findall(r"^ExecStart=(.*)$", unit, re.MULTILINE)
    words = shlex.split(exec_start)
    assert words[1] == "server" and Path(words[0]).name == "peerapp"
    options = words[2:]
    server_parser().parse_args(options)  # raises on an option the server does not know
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    helped = subprocess.run(
        [sys.executable, "-m", "peerapp", "server", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    ).stdout
    for option in (word for word in options if word.startswith("--")):
        assert re.search(rf"(?m)^\s+{re.escape(option)}\b", helped), option
    # Every PEERAPP_* name the files set is one the server reads.
    readable = {
        run.ENV_PREFIX + action.dest.upper()
        for action in server_parser()._actions
        if action.option_strings and action.dest not in run.NOT_FROM_ENV
    }
    for name in ("compose.yaml", "Containerfile", "peerapp-server.service", "env.example"):
        unknown = env_names((PACKAGING / name).read_text(encoding="utf-8")) - readable - OTHER_NAMES
        assert not unknown, (name, unknown)


def test_the_systemd_unit_verifies_and_stops_gracefully() -> None:
    unit = PACKAGING / "peerapp-server.service"
    text = unit.read_text(encoding="utf-8")
    assert "KillSignal=SIGTERM" in text
    stop = int(re.findall(r"^TimeoutStopSec=(\d+)$", text, re.MULTILINE)[0])
    assert stop > run.ServerConfig(db="x").graceful_timeout
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False
    )
    complaints = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "/opt/peerapp/venv/bin/peerapp" not in line  # not installed on this machine
    ]
    assert not complaints, complaints


def test_the_server_starts_from_the_compose_environment(tmp_path: Path) -> None:
    """The compose file's settings for the server, as the container gets them, on a real process.

    Only what names this machine's network changes: the database URL (the compose file's host `db`
    is the test's PostgreSQL), and the port and host (loopback, a free port)."""
    services = compose()["services"]
    settings = {
        key: expand(str(value), example_env())
        for key, value in services["server"]["environment"].items()  # type: ignore[index]
    }
    assert (
        settings["PEERAPP_DB"].startswith("postgresql://peerapp:") and "@db:5432/" in settings["PEERAPP_DB"]
    )
    port = free_port()
    settings |= {"PEERAPP_DB": database_url(tmp_path, "postgresql"), "PEERAPP_HOST": "127.0.0.1"}
    settings["PEERAPP_PORT"] = str(port)
    (cmd,) = re.findall(r"^CMD (\[.*\])$", containerfile(), re.MULTILINE)
    command = [sys.executable if word == "python" else word for word in json.loads(cmd)]

    class FromEnvironment(ServerProcess):
        def command(self) -> list[str]:
            return command

    saved = {key: os.environ.get(key) for key in settings}
    os.environ.update(settings)
    try:
        server = FromEnvironment("unused").start()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key)
            else:
                os.environ[key] = value
    try:
        assert server.port == port
        assert server.proc is not None
        assert len(children(server.proc.pid)) == int(example_env()["PEERAPP_WORKERS"])
        # The compose file's own health check, pointed at this port.
        check = services["server"]["healthcheck"]["test"]  # type: ignore[index]
        assert check[:2] == ["CMD", "python"]
        probe = [sys.executable, *check[2:]]
        probe[-1] = probe[-1].replace(":8765/", f":{port}/")
        assert subprocess.run(probe, timeout=60, check=False).returncode == 0
        assert httpx.get(server.url + "/metrics", timeout=30).status_code == 404  # PEERAPP_METRICS=0
    finally:
        server.stop()


def test_the_operators_guide_names_only_real_options_variables_and_files() -> None:
    guide = (ROOT / "docs" / "OPERATING.md").read_text(encoding="utf-8")
    readable = {
        run.ENV_PREFIX + action.dest.upper()
        for action in server_parser()._actions
        if action.option_strings and action.dest not in run.NOT_FROM_ENV
    }
    assert not env_names(guide) - readable - OTHER_NAMES, env_names(guide) - readable - OTHER_NAMES
    # The settings table: each row's option is one `peerapp server` takes, and its variable matches.
    rows = re.findall(r"^\| `(--[a-z-]+)[^|]*\| `(PEERAPP_[A-Z_]+)`", guide, re.MULTILINE)
    assert len(rows) >= 10
    options = {option for action in server_parser()._actions for option in action.option_strings}
    for option, variable in rows:
        assert option in options, option
        assert variable == run.ENV_PREFIX + option[2:].upper().replace("-", "_"), (option, variable)
    # Files the guide sends people to exist.
    for path in set(re.findall(r"`((?:packaging|docs|tests|bench)/[\w./-]+)`", guide)):
        assert (ROOT / path).exists(), path
    # The backup command is the one tests/server/test_server_backup.py runs.
    assert "pg_dump -U peerapp --format=custom --no-owner --no-unlogged-table-data peerapp" in guide
    backup_test = (ROOT / "tests" / "server" / "test_server_backup.py").read_text(encoding="utf-8")
    for flag in ("--format=custom", "--no-owner", "--no-unlogged-table-data", "--exit-on-error"):
        assert flag in backup_test and flag in guide, flag
