"""Small shared GUI pieces: retranslation mixin, background tasks, direction helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QThread, QTime, Signal
from PySide6.QtWidgets import QWidget

from ..core.errors import PeerappError
from ..core.textnorm import first_strong_direction

if TYPE_CHECKING:
    from ..core.session import Session


class Retranslatable:
    """Calls `retranslate_ui()` whenever the application language changes."""

    def retranslate_ui(self) -> None:  # pragma: no cover - every widget overrides it
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute, value.second)


def qdatetime(value: datetime) -> QDateTime:
    """A local wall-clock QDateTime for an aware datetime (shown as the user wrote it)."""
    return QDateTime(qdate(value.date()), qtime(value.time()))


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction a paragraph of user text should be shown in, from its first strong letter."""
    return (
        Qt.LayoutDirection.RightToLeft
        if first_strong_direction(text) == "rtl"
        else Qt.LayoutDirection.LeftToRight
    )


class TaskRunner(QObject):
    """Lives on a worker thread; runs `call()` once and reports through signals only."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[], Any] | None = None) -> None:
        super().__init__()
        self.fn = fn

    def call(self) -> Any:
        assert self.fn is not None
        return self.fn()

    def run(self) -> None:
        try:
            result = self.call()
        except PeerappError as exc:
            self.failed.emit(exc)
        except OSError as exc:
            self.failed.emit(PeerappError(exc.strerror or type(exc).__name__))
        except Exception as exc:  # noqa: BLE001 - reported to the user as a generic failure
            self.failed.emit(PeerappError(type(exc).__name__))
        else:
            self.succeeded.emit(result)
        finally:
            # End the thread's event loop from inside, so waiting on it can never deadlock.
            thread = QThread.currentThread()
            if thread is not None:
                thread.quit()


class BackgroundTask(QObject):
    """Runs `fn` on a worker thread; reports only through `succeeded`/`failed` signals."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, fn: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._runner = TaskRunner(fn)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.succeeded.connect(self._on_success)
        self._runner.failed.connect(self._on_failure)

    def start(self) -> None:
        self._thread.start()

    def _finish(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit()

    def _on_success(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)

    def _on_failure(self, error: object) -> None:
        self._finish()
        self.failed.emit(error)

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        """Block until the work is done (before its owner goes away)."""
        self._thread.wait()


@runtime_checkable
class Page(Protocol):
    """A tab of the unlocked window. MainWindow only loops over its pages: a new tab is a new page
    class and one line in MainWindow's page list, nothing else.

    A page may also have `entries_changed` (a Signal) and `journal_changed()`: MainWindow passes
    every page's signal to every page's method, so pages never know about each other.
    """

    def attach(self, session: Session) -> None:
        """The journal was unlocked: show its data."""

    def clear(self) -> None:
        """The journal is locking: save what is pending, then forget everything shown."""

    def tab_title(self) -> str: ...

    def view_title(self) -> str:
        """The View menu's text, with its mnemonic."""
