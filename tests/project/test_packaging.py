"""Packaging: the desktop files validate, one app id everywhere, the wheel and the frozen bundle work."""

from __future__ import annotations

import os
import shutil
import site
import struct
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerapp import APP_ID, __version__
from support import ROOT

PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
FLATPAK = PACKAGING / "flatpak" / f"{APP_ID}.yml"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
# Only what a build from the source tree needs; caches and earlier builds stay behind.
SOURCE_IGNORE = shutil.ignore_patterns(
    ".git", "build", "dist", "__pycache__", "*.egg-info", ".venv", ".*_cache", "*.qm", "bench"
)


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return path


# -- desktop integration files ----------------------------------------------------------


def test_desktop_file_validates() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout + result.stderr


def test_metainfo_validates() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_app_id_everywhere() -> None:
    desktop = dict(
        line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines() if "=" in line
    )
    assert desktop["Icon"] == APP_ID
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert component.findtext("translation[@type='qt']") == "peerapp"
    assert component.find("content_rating[@type='oars-1.1']") is not None
    releases = [r.get("version") for r in component.iter("release")]
    assert __version__ in releases, "add a <release> to the metainfo for the new version"
    assert f"app-id: {APP_ID}\n" in FLATPAK.read_text(encoding="utf-8")


def test_flatpak_manifest_parses_and_pins_every_dependency(tmp_path: Path) -> None:
    """flatpak-builder reads the manifest, and every runtime dependency is a pinned PyPI wheel."""
    import json
    import re
    import tomllib

    shown = subprocess.run(
        [_tool("flatpak-builder", "flatpak-builder"), "--show-manifest", str(FLATPAK)],
        cwd=tmp_path,  # it leaves a .flatpak-builder state folder behind
        capture_output=True,
        text=True,
        check=True,
    )
    manifest = json.loads(shown.stdout)
    assert manifest["id"] == APP_ID
    deps = next(m for m in manifest["modules"] if m["name"] == "python-dependencies")
    wheels: dict[str, str] = {}
    for source in deps["sources"]:
        url = source["url"]
        assert re.fullmatch(
            r"https://files\.pythonhosted\.org/packages/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{60}/[^/]+\.whl", url
        ), url
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"]), url
        name = re.sub(r"[-_.]+", "-", url.rsplit("/", 1)[1].split("-")[0]).lower()
        wheels[name] = url
    installed = " ".join(deps["build-commands"]).lower().split()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"]:
        name = re.sub(r"[-_.]+", "-", re.split(r"[\[<>=! ;]", requirement, maxsplit=1)[0]).lower()
        assert name in wheels, f"{name} has no wheel in the Flatpak manifest"
        assert name in installed, f"{name} is not installed by the Flatpak manifest"
    # Group sync is opt-in, but it needs the network; nothing else in the sandbox is opened up.
    assert "--share=network" in manifest["finish-args"]
    assert not any(arg.startswith("--filesystem") for arg in manifest["finish-args"])


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_exist_at_every_size() -> None:
    svg = PACKAGING / "icons" / f"{APP_ID}.svg"
    assert "<text" not in svg.read_text(encoding="utf-8")
    ET.parse(svg)  # well-formed
    for size in ICON_SIZES:
        png = PACKAGING / "icons" / f"{size}x{size}" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)


# -- the wheel ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built once for this module from a copy of the source tree."""
    pytest.importorskip("build", reason="needs the `build` package (pip install build)")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=SOURCE_IGNORE)
    # --no-isolation: build with the installed setuptools and PySide6 instead of downloading them.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(work / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    (built,) = (work / "out").glob("peerapp-*.whl")
    return built


def test_sdist_contains_translations_and_resources(tmp_path: Path) -> None:
    pytest.importorskip("build", reason="needs the `build` package (pip install build)")
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=SOURCE_IGNORE)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--sdist",
            "--no-isolation",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    (archive,) = (tmp_path / "out").glob("peerapp-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert "peerapp/i18n/peerapp_ar.qm" in names
    assert "i18n/peerapp_ar.ts" in names
    assert "resources/library/ar/box-breathing.md" in names


def test_wheel_runs_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    """pip install peerapp-*.whl, then the installed command works away from the source tree."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    # The dependencies come from this interpreter's site-packages (a .pth file), so nothing is downloaded;
    # the wheel itself is installed into the new venv, which comes first on its path.
    (site_dir,) = (venv / "lib").glob("python3*/site-packages")
    (site_dir / "zz_test_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", str(wheel)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    version = subprocess.run(
        [str(venv / "bin" / "peerapp"), "--version"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert version.returncode == 0 and version.stdout.strip() == f"peerapp {__version__}"
    check = subprocess.run(
        [str(venv / "bin" / "peerapp"), "selfcheck"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr
    assert "selfcheck ok" in check.stdout


def test_wheel_contains_translations_and_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "peerapp/i18n/peerapp_ar.qm" in names
    assert "peerapp/resources/library/en/box-breathing.md" in names
    assert "peerapp/resources/library/ar/box-breathing.md" in names
    assert "peerapp/gui/assets/fonts/NotoSansArabicUI-Regular.ttf" in names  # the bundled fonts
    assert "peerapp/gui/assets/fonts/OFL.txt" in names


# -- the frozen bundle ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dist/peerapp/peerapp built once for this module from packaging/peerapp.spec."""
    pytest.importorskip("PyInstaller", reason="needs PyInstaller (pip install pyinstaller)")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(PACKAGING / "peerapp.spec"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    app = work / "dist" / "peerapp" / ("peerapp.exe" if sys.platform == "win32" else "peerapp")
    assert app.is_file()
    yield app


def _run_frozen(app: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(
        [str(app), *args], capture_output=True, text=True, env=env, cwd=app.parent, timeout=120, check=False
    )


@pytest.mark.slow
def test_frozen_app_reports_its_version(frozen_app: Path) -> None:
    result = _run_frozen(frozen_app, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"peerapp {__version__}"


@pytest.mark.slow
def test_frozen_app_passes_its_selfcheck(frozen_app: Path) -> None:
    result = _run_frozen(frozen_app, "selfcheck")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "selfcheck ok"


@pytest.mark.slow
def test_frozen_bundle_leaves_out_unused_qt(frozen_app: Path) -> None:
    bundled = {p.name for p in frozen_app.parent.rglob("*")}
    for unused in ("QtQml", "QtQuick", "QtNetwork", "QtWebEngineCore", "Qt3DCore", "QtMultimedia"):
        assert not any(name.startswith(f"{unused}.") for name in bundled), unused
