"""The one task model of long work in core: a progress callback and a cancel token, in one shape each."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from .errors import OperationCancelled

Progress = Callable[[int, int], None]
"""Told (done, total) as work moves on; total is 0 while it is not known. Called on the worker's thread."""


def no_progress(done: int, total: int) -> None:
    """The progress callback of work nobody watches."""


class CancelToken(threading.Event):
    """Set once, from any thread; the work polls it between steps and stops cleanly.

    A subclass of threading.Event (not a wrapper around one), so code that takes an Event, such as
    a group sync run, accepts the same token. Work asks `cancelled()` or `raise_if_cancelled()`, never
    `is_set()`, so a subclass can decide when it counts as cancelled.
    """

    def cancel(self) -> None:
        self.set()

    def cancelled(self) -> bool:
        return self.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise OperationCancelled once cancelled; call it between steps, where stopping loses nothing."""
        if self.cancelled():
            raise OperationCancelled()


_T = TypeVar("_T")

Task = Callable[[Progress, CancelToken], _T]
"""Long work as front ends run it: reports through `progress`, polls the token between steps."""


def token(cancel: CancelToken | None) -> CancelToken:
    """The token to poll: the given one, or a fresh one nobody can cancel (work run without a front end)."""
    return cancel if cancel is not None else CancelToken()
