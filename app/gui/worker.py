"""Runs engine operations on worker threads and reports back through queued signals.

``JobManager.start(title, fn, *args, **kwargs)`` calls
``fn(*args, progress=..., cancel=..., **kwargs)`` on a QThread and returns a
``Job`` whose signals (progress, log, finished, failed, cancelled) arrive on the
UI thread.  The UI thread never waits on a job.

``JobManager.query(fn, on_result, on_error)`` is the small form for reads that touch
the disk (library state, model lists, history queries, device probes): ``fn()`` runs
off the UI thread, ``on_result(value)`` runs on it; not listed in the jobs panel, and
ended at shutdown like every job (Anki's QueryOp).
"""
from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
import traceback
import warnings
from enum import Enum
from typing import Any, Callable, Optional

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from engine.errors import UserError, user_error_from_os
from engine.jobs import Cancelled, CancelToken, Progress, ProgressReporter

from .i18n import engine_text

log = logging.getLogger(__name__)


_parked: list[tuple[list[QObject], Optional[QThread]]] = []


def _hold_owners(obj: QObject, thread: Optional[QThread] = None) -> None:
    """Keep ``obj`` and every QObject above it alive until the UI thread is back in its event loop.

    A page connects lambdas that capture itself to the signals of a job or query, and the page holds
    the AppContext that owns the JobManager that owns that job (a Python-owned QObject tree).  Once
    the page is closed, such a lambda can be the last reference to the whole tree: releasing it
    (disconnecting when the work ends, or the call's deleteLater destructor) would delete the tree,
    and with it the very job or call whose method or destructor is running: a use after free /
    double delete (the segfaults in ``_release_listeners`` and in ``~QObject``).  Held here, the
    tree is freed later by ``_release_owners``, a plain function outside every object of it, and
    never while a job's thread still runs (deleting a running QThread aborts).
    """
    chain: list[QObject] = []
    while obj is not None:
        chain.append(obj)
        obj = obj.parent()
    _parked.append((chain, thread))
    if len(_parked) == 1:
        QTimer.singleShot(0, _release_owners)


def _release_owners() -> None:
    global _parked
    held, _parked = _parked, []
    busy = [(chain, thread) for chain, thread in held
            if thread is not None and shiboken6.isValid(thread) and thread.isRunning()]
    if busy:                              # a thread still ending: its job (and owners) wait for it
        _parked = busy + _parked
        QTimer.singleShot(20, _release_owners)
    del held, busy                        # the last references of a closed page's tree may go here


class JobState(str, Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class _Runner(QObject):
    """Lives on the worker thread; everything it emits is queued to the UI thread."""

    progress = Signal(object)
    log_line = Signal(str)
    finished = Signal(object)
    failed = Signal(str, str, str)   # message, hint, details
    cancelled = Signal()

    def __init__(self, fn: Callable, args: tuple, kwargs: dict, cancel: CancelToken) -> None:
        super().__init__()
        self._fn, self._args, self._kwargs, self._cancel = fn, args, kwargs, cancel
        self.thread_id: int | None = None

    @Slot()
    def run(self) -> None:
        self.thread_id = threading.get_ident()
        _JobLogHandler.register(self.thread_id, self.log_line.emit)
        reporter = ProgressReporter(self.progress.emit, min_interval=0.05)
        try:
            result = self._fn(*self._args, progress=reporter, cancel=self._cancel, **self._kwargs)
        except Cancelled:
            self.cancelled.emit()
        except UserError as exc:
            log.warning("Job failed: %s", exc)
            self.failed.emit(engine_text(exc.message), engine_text(exc.hint), traceback.format_exc())
        except OSError as exc:      # read-only disk, disk full, a file in the way...: one readable line
            if self._cancel.cancelled:
                self.cancelled.emit()
            else:
                log.warning("Job failed", exc_info=True)
                err = user_error_from_os(exc)
                self.failed.emit(err.message, err.hint, traceback.format_exc())
        except BaseException as exc:  # noqa: BLE001 - a worker must report, never die silently
            if self._cancel.cancelled:
                self.cancelled.emit()
            else:
                log.exception("Job failed")
                self.failed.emit(f"{type(exc).__name__}: {exc}", "", traceback.format_exc())
        else:
            self.finished.emit(result)
        finally:
            _JobLogHandler.unregister(self.thread_id)
            # End the thread's event loop here, not from the UI thread: a UI thread blocked in
            # Job.wait() (closing the window) could otherwise never see the thread end.
            QThread.currentThread().quit()


class _JobLogHandler(logging.Handler):
    """Routes log records made on a job's thread to that job's log signal."""

    _routes: dict[int, Callable[[str], None]] = {}
    _lock = threading.Lock()
    _installed = False

    @classmethod
    def register(cls, thread_id: int, emit: Callable[[str], None]) -> None:
        with cls._lock:
            cls._routes[thread_id] = emit
            if not cls._installed:
                handler = cls()
                handler.setFormatter(logging.Formatter("%(message)s"))
                handler.setLevel(logging.INFO)
                logging.getLogger().addHandler(handler)
                if logging.getLogger().level > logging.INFO or logging.getLogger().level == 0:
                    logging.getLogger().setLevel(logging.INFO)
                cls._installed = True

    @classmethod
    def unregister(cls, thread_id: int | None) -> None:
        with cls._lock:
            cls._routes.pop(thread_id, None)

    def emit(self, record: logging.LogRecord) -> None:
        route = self._routes.get(record.thread)
        if route is not None:
            try:
                route(self.format(record))
            except RuntimeError:  # the job's QObject is already gone
                pass


class Job(QObject):
    """One operation as the UI sees it. Signals fire on the UI thread."""

    progress = Signal(object)          # Progress
    log_line = Signal(str)
    finished = Signal(object)          # the operation's return value
    failed = Signal(str, str, str)     # message, hint, details
    cancelled = Signal()
    state_changed = Signal(str)

    def __init__(self, title: str, fn: Callable, args: tuple, kwargs: dict, parent=None) -> None:
        super().__init__(parent)
        self.title = title
        self.state = JobState.QUEUED
        self.last_progress = Progress()
        self.result: Any = None
        self.error: tuple[str, str, str] | None = None
        self.started_at = time.time()
        self.ended_at: float | None = None
        self._cancel = CancelToken()
        self._thread = QThread()
        self._thread.setObjectName(f"job:{title}")
        self._runner = _Runner(fn, args, kwargs, self._cancel)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        # Queued connections: these slots run on the UI thread.
        self._runner.progress.connect(self._on_progress)
        self._runner.log_line.connect(self.log_line)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._runner.cancelled.connect(self._on_cancelled)

    def start(self) -> None:
        self._set_state(JobState.RUNNING)
        self._thread.start()

    def cancel(self) -> None:
        if self.state in (JobState.RUNNING, JobState.QUEUED):
            self._cancel.cancel()

    @property
    def is_active(self) -> bool:
        return self.state in (JobState.RUNNING, JobState.QUEUED)

    def wait(self, ms: int = 30000) -> bool:
        """Block until the thread ends: only for shutdown and tests, never in normal UI flow."""
        return self._thread.wait(ms)

    def _set_state(self, state: JobState) -> None:
        self.state = state
        self.state_changed.emit(state.value)

    def _end(self, state: JobState) -> None:
        _hold_owners(self, self._thread)      # before listeners are called and released
        self.ended_at = time.time()
        self._thread.quit()
        self._set_state(state)

    @Slot(object)
    def _on_progress(self, p: Progress) -> None:
        self.last_progress = p
        self.progress.emit(p)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self.result = result
        self._end(JobState.DONE)
        self.finished.emit(result)
        self._release_listeners()

    @Slot(str, str, str)
    def _on_failed(self, message: str, hint: str, details: str) -> None:
        self.error = (message, hint, details)
        self._end(JobState.FAILED)
        self.failed.emit(message, hint, details)
        self._release_listeners()

    @Slot()
    def _on_cancelled(self) -> None:
        self._end(JobState.CANCELLED)
        self.cancelled.emit()
        self._release_listeners()

    def _release_listeners(self) -> None:
        """Drop every connected slot once the job has ended.

        Pages connect lambdas that capture themselves; left connected, they form
        reference cycles that Python's collector may free on a worker thread,
        destroying widgets off the UI thread (a crash).  Released here, on the UI
        thread, the cycles never form.  ``_end`` holds the owners first: what a
        released lambda kept alive is freed later, not under this method.
        """
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)   # "failed to disconnect": none connected
            for signal in (self.progress, self.log_line, self.finished, self.failed,
                           self.cancelled, self.state_changed):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):
                    pass


def _error_parts(exc: BaseException) -> tuple[str, str, str]:
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    if isinstance(exc, UserError):
        return engine_text(exc.message), engine_text(exc.hint), details
    return f"{type(exc).__name__}: {exc}", "", details


class FutureCall(QObject):
    """A ``concurrent.futures.Future`` as the UI sees it: the shape of a Job (state, result,
    error; finished / failed / cancelled signals on the UI thread).  Used for queries and for
    model-host requests (app/gui/host_bridge.py)."""

    finished = Signal(object)           # the result
    failed = Signal(str, str, str)      # message, hint, details
    cancelled = Signal()
    _done = Signal(object)              # emitted on the worker thread, received queued

    def __init__(self, title: str, future: concurrent.futures.Future, parent=None) -> None:
        super().__init__(parent)
        self.title = title
        self.future = future
        self.state = JobState.RUNNING
        self.result: Any = None
        self.error: Optional[tuple[str, str, str]] = None
        # Queued even when the future is already done (the callback then runs right here):
        # the caller connects its slots before the result is delivered.
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        future.add_done_callback(self._deliver)

    def _deliver(self, future: concurrent.futures.Future) -> None:
        # On the worker thread: a call whose window (and job manager) is gone has nobody to tell.
        if shiboken6.isValid(self):
            self._done.emit(future)

    @property
    def is_active(self) -> bool:
        return self.state == JobState.RUNNING

    def cancel(self) -> None:
        self.future.cancel()

    def wait(self, ms: int = 30000) -> bool:
        """Block until the work has ended: for shutdown and tests only."""
        done, _ = concurrent.futures.wait([self.future], timeout=ms / 1000)
        return bool(done)

    @Slot(object)
    def _on_done(self, future: concurrent.futures.Future) -> None:
        if self.state != JobState.RUNNING:
            return
        _hold_owners(self)      # what the listeners hold is freed later, not under this call
        try:
            self._emit_outcome(future)
        finally:
            self._release_listeners()

    def _release_listeners(self) -> None:
        """As Job does: the caller's slots (lambdas holding a page) are dropped here, while the
        owners are held, never in this object's destructor (deleteLater), which could otherwise
        free the page's context and so this very object's parent during its own deletion."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            for signal in (self.finished, self.failed, self.cancelled):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):
                    pass

    def _emit_outcome(self, future: concurrent.futures.Future) -> None:
        exc = None if future.cancelled() else future.exception()
        if future.cancelled() or isinstance(exc, Cancelled):
            self.state = JobState.CANCELLED
            self.cancelled.emit()
        elif exc is None:
            self.result = future.result()
            self.state = JobState.DONE
            self.finished.emit(self.result)
        else:
            self.error = _error_parts(exc)
            self.state = JobState.FAILED
            self.failed.emit(*self.error)


class JobManager(QObject):
    """Owns every job of the session so the jobs panel can list them."""

    job_added = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.jobs: list[Job] = []
        self._quiet: list[Job] = []
        self._shutdown_hooks: list[Callable[[], Any]] = []
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="query")
        self._queries: set[concurrent.futures.Future] = set()     # running reads: shutdown waits for them
        self.closed = False

    def start(self, title: str, fn: Callable, *args, **kwargs) -> Job:
        job = Job(title, fn, args, kwargs, parent=self)
        self.jobs.append(job)
        self.job_added.emit(job)
        job.start()
        return job

    def run_quietly(self, title: str, fn: Callable, *args, **kwargs) -> Job:
        """Housekeeping (a GPU probe, a cache refresh): same thread and signals, not listed in the panel."""
        job = Job(title, fn, args, kwargs, parent=self)
        self._quiet = [j for j in self._quiet if j.is_active] + [job]
        job.start()
        return job

    def query(self, fn: Callable[[], Any], on_result: Callable[[Any], None],
              on_error: Callable[[str, str, str], None] | None = None, *, title: str = "query",
              receiver: QObject | None = None) -> FutureCall:
        """Run ``fn()`` off the UI thread (a small pool: no thread started per read);
        ``on_result(value)`` (or ``on_error(message, hint, details)``) runs on the UI thread.
        Dropped at shutdown, and once ``receiver`` (default: the QObject ``on_result`` is a
        method of) is destroyed: neither is called then."""
        receiver = receiver if receiver is not None else getattr(on_result, "__self__", None)
        if not isinstance(receiver, QObject):
            receiver = None

        def gone() -> bool:
            return self.closed or (receiver is not None and not shiboken6.isValid(receiver))
        future: concurrent.futures.Future = concurrent.futures.Future()
        if not self.closed:
            future = self._pool.submit(fn)
            self._queries.add(future)
            future.add_done_callback(self._queries.discard)
        else:
            future.cancel()
        call = FutureCall(title, future, self)
        call.finished.connect(lambda value: None if gone() else on_result(value))
        if on_error is not None:
            call.failed.connect(lambda *error: None if gone() else on_error(*error))
        else:
            call.failed.connect(lambda message, hint, details: log.warning("%s failed: %s %s", title, message, hint))
        for signal in (call.finished, call.failed, call.cancelled):
            signal.connect(call.deleteLater)
        return call

    def on_shutdown(self, fn: Callable[[], Any]) -> None:
        """Something else that runs work off the UI thread (the model host) ends with the jobs."""
        self._shutdown_hooks.append(fn)

    def active(self) -> list[Job]:
        return [j for j in self.jobs if j.is_active]

    def clear_finished(self) -> None:
        self.jobs = [j for j in self.jobs if j.is_active]

    def shutdown(self, timeout_ms: int = 10000) -> None:
        """Cancel what runs and wait for the threads: called when the window closes."""
        self.closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)
        for job in self.jobs + self._quiet:
            job.cancel()
        for hook in self._shutdown_hooks:
            try:
                hook()
            except Exception:  # noqa: BLE001 - the rest must still end
                log.exception("shutdown hook failed")
        for job in self.jobs + self._quiet:
            job.wait(timeout_ms)
        concurrent.futures.wait(list(self._queries), timeout=timeout_ms / 1000)     # a read still running
