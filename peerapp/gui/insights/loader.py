"""Works out the insights page's figures on the job host, off the GUI thread; the newest request wins."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ...core.db import Connection
from ...core.errors import PeerappError
from ...core.insight_summaries import Summaries, summarise
from ...core.insights import DateRange, Insights, Period, Report
from ...core.journal import JournalRepository
from ...core.session import Session
from ...core.tasks import CancelToken, Progress
from ..jobs import Job, host

Compute = Callable[[Connection, Period, DateRange, int | None, CancelToken], Report]


def compute_report(
    conn: Connection, period: Period, rng: DateRange, year: int | None, cancel: CancelToken
) -> Report:
    """The page's figures for one set of choices (runs on the worker's own connection)."""
    return Insights(conn).report(period, rng, year=year, cancel=cancel)


@dataclass(frozen=True)
class Figures:
    """What one request worked out: the figures, and what each chart's sentence says about them."""

    report: Report
    summaries: Summaries


def figures(report: Report, rng: DateRange) -> Figures:
    """The sentences are chosen where the figures are made (the job host), never while painting."""
    return Figures(report, summarise(report, rng))


class InsightsLoader(QObject):
    """Runs one computation at a time for the page and reports only the outcome of the latest request.

    Attached to a Session, each request is a job on `jobs.host()` with its own connection, so the page
    never waits for SQL and lock's `cancel_all()` stops it. A newer request cancels the older one, and
    an outcome that arrives for anything but the latest request is dropped, so a slow result for a
    range the person has already left never replaces the one they asked for. Attached to a bare
    JournalRepository (tests, tools without a vault), it computes at once on that repository's own
    connection, which is bound to this thread.
    """

    loaded = Signal(object)  # a Figures
    failed = Signal(object)  # a PeerappError
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.repo: JournalRepository | None = None
        self.compute: Compute = compute_report
        self.job: Job | None = None
        self._generation = 0

    @property
    def busy(self) -> bool:
        return self.job is not None

    def attach(self, source: Session | JournalRepository | None) -> None:
        self.cancel()
        self.session = source if isinstance(source, Session) else None
        self.repo = source.journal if isinstance(source, Session) else source

    def cancel(self) -> None:
        """Stop the running computation (if any); nothing it finds is reported."""
        if self._drop():
            self.busy_changed.emit(False)

    def _drop(self) -> bool:
        """Forget the running computation and ask it to stop; True if there was one."""
        self._generation += 1
        job, self.job = self.job, None
        if job is None:
            return False
        job.cancel()  # returns at once; its outcome arrives later and is dropped
        return True

    def request(self, period: Period, rng: DateRange, year: int | None) -> None:
        """Work out the figures for these choices; `loaded` or `failed` follows unless a newer request comes."""
        if self.repo is None:
            return
        if self.session is None:
            self._compute_here(self.repo.conn, period, rng, year)
            return
        was_busy = self._drop()
        generation, session, compute = self._generation, self.session, self.compute

        def work(_progress: Progress, cancel: CancelToken) -> Figures:
            conn = session.connect()
            try:
                return figures(compute(conn, period, rng, year, cancel), rng)
            finally:
                session.vault.release(conn)

        job = host().job(work)
        job.succeeded.connect(lambda report: self._succeeded(generation, report))
        job.failed.connect(lambda error: self._failed(generation, error))
        job.cancelled.connect(lambda: self._ended(generation))
        self.job = job
        job.start()
        if not was_busy:
            self.busy_changed.emit(True)

    def _compute_here(self, conn: Connection, period: Period, rng: DateRange, year: int | None) -> None:
        try:
            found = figures(self.compute(conn, period, rng, year, CancelToken()), rng)
        except PeerappError as exc:
            self.failed.emit(exc)
            return
        self.loaded.emit(found)

    def _ended(self, generation: int) -> bool:
        """True when `generation` is the latest request, which has now ended."""
        if generation != self._generation:
            return False
        self.job = None
        self.busy_changed.emit(False)
        return True

    def _succeeded(self, generation: int, found: Figures) -> None:
        if self._ended(generation):
            self.loaded.emit(found)

    def _failed(self, generation: int, error: PeerappError) -> None:
        if self._ended(generation):
            self.failed.emit(error)
