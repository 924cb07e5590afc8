"""bench/RESULTS.md holds one section per benchmark; each run replaces only its own section."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TITLE = (
    "# Benchmark results\n\nEach section is rewritten by the benchmark named in it; see bench/README.md.\n"
)


def write_section(name: str, markdown: str, path: Path = RESULTS) -> None:
    """Replace the `name` section of the results file (or append it), keeping the others."""
    start, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
    block = f"{start}\n{markdown.strip()}\n{end}\n"
    text = path.read_text("utf-8") if path.exists() else TITLE
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block
    path.write_text(text, "utf-8")
