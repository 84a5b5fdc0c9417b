"""Python's cyclic garbage collector runs only on the UI thread.

The collector normally runs on whichever thread happens to allocate when a
threshold is crossed.  Worker threads (downloads, merges, generation) allocate
a lot, so a cycle holding a Qt widget (a page and a lambda connected to one of
its buttons, say) could be freed there, deleting the widget off the UI thread,
which crashes Qt.  As Anki does, we switch automatic collection off and collect
from a timer on the UI thread instead.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

_guard: "GarbageCollectorGuard | None" = None


class GarbageCollectorGuard(QObject):
    INTERVAL_MS = 500

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.frozen = False
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        if not self.frozen:
            # First tick: the window and its pages are built. What exists now (modules, torch,
            # the pages) lives as long as the app: move it out of the collector's sight, so a
            # full collection scans only what came later (150 ms -> a few ms with torch loaded:
            # it ran on the UI thread every few seconds and was the longest stall of a page switch).
            self.frozen = True
            gc.freeze()
            return
        # Collect the youngest generation whose threshold was crossed, as gc itself would.
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return


def install() -> None:
    """Idempotent; needs a running QCoreApplication (the guard lives as long as it)."""
    global _guard
    app = QCoreApplication.instance()
    if app is None or (_guard is not None and _guard.parent() is app):
        return
    _guard = GarbageCollectorGuard(app)
