"""Guards against a Qt binding that corrupts reference counts (PySide6 6.12.0 did, on every emit)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_python_signal_emit_keeps_refcounts(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    seen: list[int] = []
    emitter.fired.connect(lambda: seen.append(1))
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
    assert len(seen) == 200
    # A leak here ends the process with "bool_dealloc" at exit, long after the cause.
    assert abs(sys.getrefcount(True) - before) < 20
