"""The insights page works its figures out on the job host: the GUI stays live, shows it is busy, drops
results for choices already left, and stops the work on lock."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from peerapp.core.db import Connection
from peerapp.core.insights import DateRange, Period, Report
from peerapp.core.session import Session
from peerapp.core.tasks import CancelToken
from peerapp.core.vault import Vault
from peerapp.gui.insights.loader import compute_report
from peerapp.gui.insights.page import InsightsPage
from peerapp.gui.jobs import host
from peerapp.gui.shell.main_window import MainWindow
from support.gui import create_vault
from support.insights_sample import fill_sample

ALL_TIME, THREE_MONTHS = 2, 0  # range_combo rows


class Gate:
    """Holds the real computation on its worker thread until opened; notes where and how each call ran.

    `heed_cancel=False` stands for a query too busy to look at its token: it finishes and returns its
    figures even after a cancel, so only the page's own bookkeeping can keep them off the screen.
    """

    def __init__(self, *, heed_cancel: bool = True) -> None:
        self.heed_cancel = heed_cancel
        self.opened = {"all": threading.Event(), "range": threading.Event()}
        self.started = threading.Event()
        self.threads: list[int] = []
        self.outcomes: list[str] = []

    def open(self, which: str = "all") -> None:
        self.opened[which].set()

    def __call__(
        self, conn: Connection, period: Period, rng: DateRange, year: int | None, cancel: CancelToken
    ) -> Report:
        self.threads.append(threading.get_ident())
        self.started.set()
        gate = self.opened["all" if rng.since is None else "range"]
        give_up = time.monotonic() + 20  # a broken page must fail the test, not hang it
        while not gate.wait(0.005):
            if self.heed_cancel and cancel.cancelled():
                self.outcomes.append("cancelled")
                cancel.raise_if_cancelled()
            if time.monotonic() > give_up:
                self.outcomes.append("never opened")
                raise RuntimeError("the gate was never opened")
        report = compute_report(conn, period, rng, year, cancel if self.heed_cancel else CancelToken())
        self.outcomes.append("done")
        return report


@pytest.fixture
def session(vault: Vault) -> Session:
    session = Session(vault)
    fill_sample(session.journal)
    return session


@pytest.fixture
def page(qtbot: Any) -> Iterator[InsightsPage]:
    widget = InsightsPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 1400)
    widget.show()
    widget.range_combo.setCurrentIndex(ALL_TIME)  # the sample is in 2024
    yield widget
    widget.clear()
    host().cancel_all()


def ticking() -> tuple[QTimer, list[int]]:
    """A real timer that counts its ticks: it only ticks while the GUI thread's event loop runs."""
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    return timer, ticks


def test_refresh_returns_before_the_figures_arrive(qtbot: Any, page: InsightsPage, session: Session) -> None:
    page.attach(session)
    # Nothing has been worked out on this thread: the job's outcome comes through the event loop.
    assert page.loader.busy and page.shown.overview is None
    assert not page.empty_label.isVisibleTo(page)  # no "not enough to show" while nothing is known yet
    qtbot.waitUntil(lambda: not page.loader.busy)
    assert page.assoc_table.rowCount() == 4 and page.helps_table.rowCount() == 2
    assert page.year_combo.currentData() == 2024 and len(page.year_chart.days) == 11
    assert page.scroll_area.isVisibleTo(page)


def test_the_page_stays_live_and_shows_it_is_busy_while_the_figures_are_worked_out(
    qtbot: Any, page: InsightsPage, session: Session
) -> None:
    gate = Gate()
    page.loader.compute = gate
    timer, ticks = ticking()
    page.attach(session)
    assert gate.started.wait(5)
    # The computation is held on its thread, and meanwhile the GUI thread goes on handling events.
    qtbot.waitUntil(lambda: len(ticks) >= 20)
    assert page.loader.busy
    qtbot.waitUntil(lambda: page.controls.busy_bar.isVisibleTo(page))
    assert page.controls.busy_label.isVisibleTo(page) and page.controls.busy_label.text()
    assert page.controls.busy_bar.accessibleName()
    # The choices stay usable: grouping by month asks again, and the held request is dropped.
    assert page.period_combo.isEnabled() and page.range_combo.isEnabled()
    page.period_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: gate.outcomes == ["cancelled"])
    gate.open()
    qtbot.waitUntil(lambda: not page.loader.busy)
    timer.stop()
    assert gate.outcomes == ["cancelled", "done"]
    assert threading.get_ident() not in gate.threads
    assert page.assoc_table.rowCount() == 4
    assert len(page.mood_chart.points) == 2  # months, as chosen while it worked
    assert not page.controls.busy_bar.isVisibleTo(page) and not page.controls.busy_label.isVisibleTo(page)


def test_figures_for_a_range_already_left_are_never_shown(
    qtbot: Any, page: InsightsPage, session: Session
) -> None:
    gate = Gate(heed_cancel=False)
    page.loader.compute = gate
    page.attach(session)  # all time: 4 tags and emotions to show
    assert gate.started.wait(5)
    page.range_combo.setCurrentIndex(THREE_MONTHS)  # nothing from 2024 in it
    gate.open("range")
    qtbot.waitUntil(lambda: not page.loader.busy)
    assert page.empty_label.isVisibleTo(page) and page.assoc_table.rowCount() == 0
    # The all-time figures arrive late, worked out in full: they must not replace what was asked for.
    gate.open("all")
    qtbot.waitUntil(lambda: gate.outcomes == ["done", "done"] and not host().running())
    qtbot.wait(50)  # let any queued outcome be delivered
    assert page.empty_label.isVisibleTo(page) and page.assoc_table.rowCount() == 0
    assert page.shown.overview is not None and page.shown.overview.days_with_mood == 0


def test_damage_found_by_the_worker_is_one_clear_line(
    qtbot: Any, page: InsightsPage, session: Session
) -> None:
    page.attach(session)
    qtbot.waitUntil(lambda: not page.loader.busy)
    with (session.vault.directory / "vault.db").open("ab") as fh:
        fh.write(b"\0")  # no longer a whole number of pages: the worker's connection refuses the file
    page.refresh()
    qtbot.waitUntil(lambda: not page.loader.busy)
    assert page.empty_label.isVisibleTo(page) and not page.scroll_area.isVisibleTo(page)
    assert page.empty_label.text().startswith("The journal database is damaged")
    assert "Traceback" not in page.empty_label.text()


def test_lock_stops_the_computation_and_shows_nothing(qtbot: Any, window: MainWindow) -> None:
    win = window
    create_vault(qtbot, win)
    assert win.repo is not None
    fill_sample(win.repo)
    gate = Gate()
    win.insights_page.loader.compute = gate
    win.view_actions[win.insights_page].trigger()
    assert gate.started.wait(5)
    assert win.insights_page.loader.busy and host().running()
    win.lock()
    # cancel_all waited for the job: it saw the cancel, and nothing it found reached the page.
    assert gate.outcomes == ["cancelled"]
    assert not host().running() and not win.insights_page.loader.busy
    assert win.insights_page.repo is None and win.insights_page.shown.overview is None
    assert win.insights_page.assoc_table.rowCount() == 0
    assert not win.insights_page.controls.busy_bar.isVisibleTo(win.insights_page)
