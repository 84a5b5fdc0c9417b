"""The one protocol every long operation speaks: a progress reporter and a cancel token.

An engine operation is a plain function (or class) that takes ``progress`` and
``cancel`` keyword arguments.  It calls ``progress.update(done=..., total=...)``
as work advances and ``cancel.check()`` at safe points; ``check`` raises
``Cancelled`` so the operation unwinds through its own ``finally`` blocks and
cleans up.  The CLI renders the reports as a text bar, the GUI as widgets, the
tests just read them.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from typing import Callable, Optional


class Cancelled(Exception):
    """Raised inside an operation when its cancel token was triggered."""


class CancelToken:
    """Thread-safe flag, set by the UI or CLI, polled by the operation."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled by user")

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True early if cancelled (for backoff loops)."""
        return self._event.wait(seconds)


@dataclass(frozen=True)
class Progress:
    """One snapshot of an operation's progress."""

    done: float = 0
    total: Optional[float] = None   # None: indeterminate
    unit: str = "steps"             # "bytes", "steps", "tensors", "tokens"...
    status: str = ""                # short human line: "Hashing adapter_model.bin"
    rate: Optional[float] = None    # units per second, smoothed
    eta: Optional[float] = None     # seconds left

    @property
    def fraction(self) -> Optional[float]:
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))


Listener = Callable[[Progress], None]


class ProgressReporter:
    """Collects updates, computes a smoothed rate and ETA, forwards throttled snapshots.

    Listeners are called on the operation's own thread; the GUI bridge turns
    them into queued signals.  Updates are throttled to ``min_interval`` so a
    tight loop reporting every chunk costs nothing noticeable.
    """

    def __init__(self, listener: Optional[Listener] = None, *, unit: str = "steps",
                 min_interval: float = 0.1, clock: Callable[[], float] = time.monotonic) -> None:
        self._listener = listener
        self._clock = clock
        self._min_interval = min_interval
        self._lock = threading.Lock()
        self._last_emit = float("-inf")
        self._rate_t = clock()
        self._rate_done = 0.0
        self.snapshot = Progress(unit=unit)

    def update(self, done: Optional[float] = None, total: Optional[float] = None, *,
               status: Optional[str] = None, unit: Optional[str] = None, advance: float = 0,
               force: bool = False) -> None:
        with self._lock:
            snap = self.snapshot
            new_done = snap.done + advance if done is None else done
            if done is not None and done < snap.done:
                # A restart (e.g. a server that ignored Range): reset the rate window.
                self._rate_t, self._rate_done = self._clock(), new_done
            snap = replace(
                snap,
                done=new_done,
                total=snap.total if total is None else total,
                status=snap.status if status is None else status,
                unit=snap.unit if unit is None else unit,
            )
            now = self._clock()
            elapsed = now - self._rate_t
            if elapsed >= 0.5:
                inst = (snap.done - self._rate_done) / elapsed
                rate = inst if snap.rate is None else 0.7 * inst + 0.3 * snap.rate
                self._rate_t, self._rate_done = now, snap.done
                snap = replace(snap, rate=max(rate, 0.0))
            if snap.rate and snap.total:
                snap = replace(snap, eta=max(snap.total - snap.done, 0) / snap.rate)
            self.snapshot = snap
            finished = snap.total is not None and snap.done >= snap.total
            if not (force or finished or status is not None) and now - self._last_emit < self._min_interval:
                return
            self._last_emit = now
        if self._listener is not None:
            self._listener(snap)

    def status(self, text: str) -> None:
        self.update(status=text)

    def child(self, start: float, span: float, total_units: float = 1.0) -> "SubReporter":
        """A reporter for a sub-step that maps its own 0..total onto start..start+span."""
        return SubReporter(self, start, span, total_units)


class SubReporter:
    """Maps a sub-operation's progress onto a slice of its parent's range."""

    def __init__(self, parent: ProgressReporter, start: float, span: float, total_units: float) -> None:
        self._parent, self._start, self._span = parent, start, span
        self._total = total_units
        self._done = 0.0

    @property
    def snapshot(self) -> Progress:
        return self._parent.snapshot

    def update(self, done: Optional[float] = None, total: Optional[float] = None, *,
               status: Optional[str] = None, unit: Optional[str] = None, advance: float = 0,
               force: bool = False) -> None:
        if total:
            self._total = total
        self._done = self._done + advance if done is None else done
        frac = min(1.0, self._done / self._total) if self._total else 0.0
        self._parent.update(self._start + frac * self._span, status=status, force=force)

    def status(self, text: str) -> None:
        self.update(status=text)


class NullReporter(ProgressReporter):
    """A reporter nobody listens to (library calls, tests that don't care)."""

    def __init__(self) -> None:
        super().__init__(None)


@dataclass
class JobResult:
    """What an operation hands back for display: a summary line plus details."""

    summary: str
    details: dict = field(default_factory=dict)


def format_bytes(n: float) -> str:
    n = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def format_duration(seconds: Optional[float]) -> str:
    if seconds is None or seconds != seconds or seconds == float("inf"):
        return "--:--"
    seconds = int(round(seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def format_rate(p: Progress) -> str:
    if not p.rate:
        return ""
    if p.unit == "bytes":
        return f"{format_bytes(p.rate)}/s"
    return f"{p.rate:.1f} {p.unit}/s"


def describe(p: Progress) -> str:
    """One line for a status bar or the CLI: 'Hashing x  1.2 GB / 4.0 GB  85 MB/s  ETA 00:33'."""
    parts = [p.status] if p.status else []
    if p.unit == "%":
        # A percentage is its own count, and "%/s" means nothing to a person.
        if p.total:
            parts.append(f"{100 * p.done / p.total:.0f}%")
        if p.eta is not None and p.total:
            parts.append(f"ETA {format_duration(p.eta)}")
        return "  ".join(parts)
    if p.total:
        if p.unit == "bytes":
            parts.append(f"{format_bytes(p.done)} / {format_bytes(p.total)}")
        else:
            parts.append(f"{p.done:.0f}/{p.total:.0f} {p.unit}")
    rate = format_rate(p)
    if rate:
        parts.append(rate)
    if p.eta is not None and p.total:
        parts.append(f"ETA {format_duration(p.eta)}")
    return "  ".join(parts)
