"""An import file read, checked and indexed in a second process while this one writes what it sends.

Reading a 50,000-entry export, checking each row and normalising its words for the search index take
about as long as SQLCipher takes to write the rows, and both are Python work: a thread would share
Python's lock with the writer, whose every row's step gives it up and waits to get it back. So a large
file is read by a child Python (the same interpreter and package: _BOOT), which sends each batch of
prepared rows (journal_rows.Prepared: plain tuples, cheap to unpickle) through a pipe while this
process writes the batch before it (bench/RESULTS.md, "Transfer"). The pipe holds about one batch, so
memory stays flat; the child writes nothing anywhere else and prints nothing.

The child reads the file as the import would have (importing._read_batches): the same rows, and the
same error for a damaged file, raised here when it arrives, so the import's all-or-nothing rules are
unchanged. If the child cannot start, or dies, the rest of the file is read here instead, from the
first row not received. A small file, and a frozen build (no Python to start), are read here.
"""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .. import untrusted

if TYPE_CHECKING:
    from ..errors import ImportRowError
    from ..journal_rows import Prepared

# Files smaller than this are read in the importing process (about 4,000 exported entries).
CHILD_READS_FROM = 4 * untrusted.MIB

# (line, bytes read, uid or None, the prepared entry or None, the row's error or None, extra list or None)
WireRow = tuple[
    int, int, "str | None", "Prepared | None", "ImportRowError | None", "tuple[str, object] | None"
]
Batches = Iterator[list[WireRow]]
# What is read: the format, the file, the mood map, and the uids the journal holds (rows with these are
# sent as duplicates, not prepared: a file imported again is mostly them).
Job = tuple[str, str, "dict[str, int] | None", frozenset[str]]

# What the child runs: the importing process's sys.path, then _child_main.
_BOOT = (
    "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "from peerapp.core.transfer.read_ahead import _child_main; _child_main()"
)


def _read_here(job: Job) -> Batches:
    from .importing import _read_batches  # importing imports this module

    return _read_batches(*job)


def _worth_a_child(path: Path) -> bool:
    """A large regular file, more than one core, and a Python to start (not a frozen build)."""
    info = os.stat(path)
    big = stat.S_ISREG(info.st_mode) and info.st_size >= CHILD_READS_FROM
    return big and (os.cpu_count() or 1) > 1 and not getattr(sys, "frozen", False)


def _start(job: Job) -> subprocess.Popen[bytes] | None:
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", _BOOT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None
    assert child.stdin is not None
    try:
        with child.stdin:
            # This process's import path first, so the child runs this same package.
            child.stdin.write(pickle.dumps(sys.path) + pickle.dumps(job))
    except OSError:  # it died at once: read here
        child.kill()
        child.wait()
        return None
    return child


@contextmanager
def batches(
    source: str, path: Path, mood_map: dict[str, int] | None, known: Callable[[], frozenset[str]]
) -> Iterator[Batches]:
    """The file's batches of wire rows, read by a child process when the file is large (which is then
    given `known()`); the child is stopped on the way out, whatever happens."""
    job: Job = (source, str(path), mood_map, frozenset())
    child = None
    if _worth_a_child(path):
        job = (source, str(path), mood_map, known())
        child = _start(job)
    if child is None:
        yield _read_here(job)
        return
    assert child.stdout is not None
    try:
        yield _received(child.stdout, job)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.wait()


def _received(pipe: IO[bytes], job: Job) -> Batches:
    rows = 0
    while True:
        try:
            batch = pickle.load(pipe)
        except Exception:  # noqa: BLE001 - the child died, or its output was cut: the rest is read here
            break
        if batch is None:
            return
        if isinstance(batch, BaseException):
            raise batch
        rows += len(batch)
        yield batch
    for batch in _read_here(job):
        if rows >= len(batch):
            rows -= len(batch)  # the child sent these
            continue
        yield batch[rows:]
        rows = 0


def _child_main() -> None:
    """In the child: read the arguments from stdin, send each batch, then None, or the error that
    stopped the reading. Standard output carries only these; anything printed goes nowhere."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    job = pickle.load(sys.stdin.buffer)
    try:
        for batch in _read_here(job):
            pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
            out.flush()
        pickle.dump(None, out)
    except (BrokenPipeError, ConnectionResetError):
        return  # the import stopped listening (a cancel, a failed write): nothing more to do
    except Exception as exc:  # noqa: BLE001 - sent whole, raised by the importing process
        pickle.dump(exc, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()
