"""Rewrite the Flatpak manifest's pinned wheel list from a folder of downloaded wheels.

PyPI serves every file at https://files.pythonhosted.org/packages/<b2>/<b2>/<b2…>/<name>,
where <b2> is the file's BLAKE2b-256 digest split 2/2/60, so the URL and the sha256 can
both be computed from the file itself, with no network and no mirror-specific paths.

    pip download --only-binary=:all: --python-version 3.12 --abi cp312 --implementation cp \
        --platform manylinux_2_34_x86_64 --platform manylinux_2_28_x86_64 \
        --platform manylinux2014_x86_64 -d wheels/ <the app's dependencies>
    python packaging/flatpak/wheel_sources.py wheels/
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

MANIFEST = Path(__file__).with_name("org.peerapp.PeerApp.yml")
BEGIN = "    # BEGIN wheel sources (written by wheel_sources.py)\n"
END = "    # END wheel sources\n"


def pypi_url(wheel: Path) -> str:
    digest = hashlib.blake2b(wheel.read_bytes(), digest_size=32).hexdigest()
    return f"https://files.pythonhosted.org/packages/{digest[:2]}/{digest[2:4]}/{digest[4:]}/{wheel.name}"


def source_block(wheels: list[Path]) -> str:
    lines = [BEGIN]
    for wheel in sorted(wheels, key=lambda p: p.name.lower()):
        lines.append("      - type: file\n")
        lines.append(f"        url: {pypi_url(wheel)}\n")
        lines.append(f"        sha256: {hashlib.sha256(wheel.read_bytes()).hexdigest()}\n")
    lines.append(END)
    return "".join(lines)


def distribution_names(wheels: list[Path]) -> list[str]:
    return sorted({re.sub(r"[-_.]+", "-", w.name.split("-")[0]).lower() for w in wheels})


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    wheels = sorted(Path(argv[0]).glob("*.whl"))
    if not wheels:
        print(f"no wheels in {argv[0]}")
        return 1
    text = MANIFEST.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    MANIFEST.write_text(text[:start] + source_block(wheels) + text[end:], encoding="utf-8")
    print("pip3 install … " + " ".join(distribution_names(wheels)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
