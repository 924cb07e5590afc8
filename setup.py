"""Build hook: compile translations and bundle resources into the package."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent


def _lrelease() -> str:
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / "lrelease"
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease is needed to compile the translations")
    return found


def compile_translations(package: Path) -> None:
    """i18n/*.ts -> <package>/i18n/*.qm (pyside6-lrelease, for the GUI) and *.json (Qt-free, for the CLI)."""
    import json
    import sys

    sys.path.insert(0, str(ROOT))
    from peerapp.core.catalog import parse_ts

    (package / "i18n").mkdir(parents=True, exist_ok=True)
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        qm = package / "i18n" / (ts.stem + ".qm")
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        catalog = package / "i18n" / (ts.stem + ".json")
        catalog.write_text(json.dumps(parse_ts(ts), ensure_ascii=False), "utf-8")


class BuildWithTranslations(build_py):
    """Compile i18n/*.ts to .qm and copy resources/ into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "peerapp"
        compile_translations(target)
        resources = target / "resources"
        if resources.exists():
            shutil.rmtree(resources)
        shutil.copytree(ROOT / "resources", resources)


class SdistWithTranslations(sdist):
    """The source archive carries the compiled translations too (the .ts sources stay beside them)."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        compile_translations(Path(base_dir) / "peerapp")


setup(cmdclass={"build_py": BuildWithTranslations, "sdist": SdistWithTranslations})
