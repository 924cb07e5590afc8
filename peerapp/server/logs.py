"""The server's logs: one JSON object a line on stderr, with addresses, long ids and blobs taken out."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import traceback
from typing import Any, TextIO

# Anything that looks like an IPv4 or IPv6 address (with or without a port), a long hex run (room
# ids, post ids, keys) or a long base64 run (blobs, signatures). Log text passes through these last,
# so a careless message elsewhere (a driver's error naming a key, a library naming a peer) still
# cannot put one in the file. Hex is cut to its first 6 characters: enough to tell two rooms apart
# in one incident, far too little to find either.
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?(?![\w.])")
_IPV6 = re.compile(r"(?<![\w:])\[?(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?\]?(?::\d+)?(?![\w:])")
_HEX = re.compile(r"(?<![0-9A-Za-z])([0-9A-Fa-f]{6})[0-9A-Fa-f]{10,}(?![0-9A-Za-z])")
_B64 = re.compile(r"[A-Za-z0-9+/_-]{40,}={0,2}")
_BYTES = re.compile(r"b(['\"])(?:\\x[0-9a-f]{2}|[^'\"\\]){8,}\1")  # a bytes repr, e.g. in a driver error

ADDRESS = "<address>"
DATA = "<data>"


def redact(text: str) -> str:
    """The text with addresses, long ids and blobs replaced; short words and numbers stay."""
    text = _BYTES.sub(DATA, text)
    text = _B64.sub(lambda m: m.group(0) if _HEX.fullmatch(m.group(0)) else DATA, text)
    text = _HEX.sub(r"\1…", text)
    text = _IPV4.sub(ADDRESS, text)
    return _IPV6.sub(
        lambda m: ADDRESS if m.group(0).count(":") >= 2 and _has_hex(m.group(0)) else m.group(0), text
    )


def _has_hex(text: str) -> bool:
    # "12:30:00" is a time, not an address: an IPv6 address has a hex letter or an empty group.
    return "::" in text or any(c in "abcdefABCDEF" for c in text)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, seconds), level, logger, worker, message and extra fields.

    An exception is logged by its type and the places it passed through, never its message: driver
    messages quote the values that failed (a room id, a key).
    """

    def __init__(self, worker: int | str = 0) -> None:
        super().__init__()
        self.worker = worker

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(record.created)),
            "level": record.levelname.lower(),
            "logger": record.name,
            "worker": self.worker,
            "message": redact(record.getMessage()),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            for key, value in fields.items():
                out[str(key)] = redact(value) if isinstance(value, str) else value
        if record.exc_info and record.exc_info[0] is not None:
            kind, _value, tb = record.exc_info
            out["exception"] = kind.__name__
            out["where"] = [
                f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}" for f in traceback.extract_tb(tb)
            ]
        return json.dumps(out, ensure_ascii=False)


def setup(worker: int | str = 0, stream: TextIO | None = None) -> None:
    """Send every log record (ours, uvicorn's, the drivers') to `stream` as JSON lines."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(worker))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    # Our own lifecycle lines (draining, stopped, a worker restarted) are worth an operator's eye.
    logging.getLogger("peerapp.server").setLevel(logging.INFO)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    # uvicorn's access log would name the client's address; it is never turned on.
    logging.getLogger("uvicorn.access").disabled = True
