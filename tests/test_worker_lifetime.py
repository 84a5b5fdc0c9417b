"""A closed page whose last reference is a listener of its own job or query.

A page connects lambdas capturing itself to a job's (or query's) signals and holds the AppContext
that owns the JobManager that owns that job.  Once the page is closed, the lambda can be the last
reference to that whole QObject tree; releasing it when the work ends must not delete the job or
call under its own method or destructor (it crashed in ``Job._release_listeners`` and in
``~QObject`` from a deleteLater, one test after the page was closed).  Run in a child process: a
regression is a segfault, which must fail this test, not end the whole test run.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent("""
    import gc, sys, weakref
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from app.gui.context import AppContext
    from engine.errors import UserError
    from engine.settings import SettingsStore

    app = QApplication([])
    freed = []

    class Page(QWidget):                 # a page: owns its context, listens to its own work
        def __init__(self):
            super().__init__()
            self.context = AppContext(SettingsStore())
            self.got = []

    def spin(ms):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def fail(*, progress, cancel):
        raise UserError("no")

    def ok(*, progress, cancel):
        return 42

    def open_page(kind):
        page = Page()
        jobs = page.context.jobs
        if kind == "query":
            jobs.query(lambda: 42, lambda v: page.got.append(v))
        elif kind == "query-error":
            jobs.query(lambda: 1 / 0, lambda v: None, lambda *e: page.got.append(e))
        else:
            job = jobs.start(kind, ok if kind == "job" else fail)
            job.finished.connect(lambda v: page.got.append(v))
            job.failed.connect(lambda *e: page.got.append(e))
            job.state_changed.connect(lambda s: page.got.append(s))
        page.context.model.shutdown()
        page.close()
        page.deleteLater()               # as pytest-qt does with a test's widgets
        return weakref.ref(page)

    refs = []
    for kind in ("query", "job", "job-fails", "query-error") * 2:
        refs.append(open_page(kind))      # only the listeners hold each page (and its context) now
        spin(150)
    spin(300)
    gc.collect()
    alive = [r for r in refs if r() is not None]
    print("ALIVE", len(alive))
    sys.exit(1 if alive else 0)
""")


def test_a_closed_pages_last_listener_ends_without_a_crash_or_a_leak(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ALPACA_STUDIO_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-X", "faulthandler", "-c", SCRIPT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "ALIVE 0" in proc.stdout
