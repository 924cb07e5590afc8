"""Writing the journal out in any registered format, streamed, crash-safe and cancellable."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from .. import crashsafe
from ..db import Connection
from ..errors import ExportTargetExists
from ..journal import Entry, JournalRepository
from ..tasks import CancelToken, Progress, no_progress, token
from .paging import count, journal_pages
from .registry import get_exporter


def export_entries(
    conn: Connection,
    fmt: str,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    markdown_folder: bool = False,
) -> int:
    """Write every entry to `path` in the format named `fmt`; returns how many.

    JSON holds everything, trash included, and round-trips through `import_entries`;
    CSV and Markdown hold the entries that are not in the trash. With `markdown_folder`
    (decide it with `markdown_target_is_folder(path)`), Markdown makes a folder with one
    file per entry. The output appears only when complete: it is written beside the target
    and renamed at the end, so a cancel (OperationCancelled) or an error leaves nothing behind.
    """
    exporter = get_exporter(fmt)
    repo = JournalRepository(conn)
    path = Path(path)
    cancel = token(cancel)
    total = count(repo, exporter.with_trash)
    progress(0, total)
    if markdown_folder and exporter.folder_file is not None:
        return _export_folder(repo, path, exporter.folder_file, total, progress, cancel)
    done = 0
    # The temp file holds journal text in the clear: it is recorded in the vault first, so a kill
    # leaves a record the next unlock (or a panic wipe) uses to remove it.
    with crashsafe.writing(path, conn=conn, kind="export") as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        if exporter.write_journal is not None:
            cancel.raise_if_cancelled()

            def step(written: int) -> None:
                progress(written, total)
                cancel.raise_if_cancelled()

            done = exporter.write_journal(conn, fh, step)
        else:
            writer = exporter.open(fh)
            for entries in journal_pages(repo, exporter.with_trash):
                cancel.raise_if_cancelled()
                for entry in entries:
                    writer.write(entry)
                done += len(entries)
                progress(done, total)
            writer.close()
        fh.flush()
        fh.detach()
        cancel.raise_if_cancelled()
    return done


def _export_folder(
    repo: JournalRepository,
    path: Path,
    entry_file: Callable[[Entry, set[str]], tuple[str, str]],
    total: int,
    progress: Progress,
    cancel: CancelToken,
) -> int:
    """One file per entry in a new folder, built under a recorded temp name and renamed when complete."""
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ExportTargetExists(str(path))
    tmp = crashsafe.temp_path(path)
    crashsafe.record(repo.conn, tmp, "export")
    tmp.mkdir(mode=0o700)
    done = 0
    used: set[str] = set()
    try:
        for entries in journal_pages(repo, with_trash=False):
            cancel.raise_if_cancelled()
            for entry in entries:
                name, text = entry_file(entry, used)
                (tmp / name).write_text(text, encoding="utf-8")
            done += len(entries)
            progress(done, total)
        cancel.raise_if_cancelled()
        if path.exists():
            path.rmdir()  # empty, checked above; os.replace cannot take its place otherwise everywhere
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        crashsafe.forget(repo.conn, tmp)
    return done
