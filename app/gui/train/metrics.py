"""Reading a training run's metrics file (JSON lines written by ``main.py train``).

No Qt here: ``MetricsTail`` reads what was appended since the last call (on a worker
thread), ``RunHistory`` folds records into the series the charts draw and the facts the
page shows (steps, the end status, the LoRA folder).  A resumed run appends to the same
file and restarts from its checkpoint's step: points at or after that step are replaced.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path


class MetricsTail:
    """Incremental reader: complete lines only; a truncated or replaced file starts over."""

    def __init__(self, path, *, from_end: bool = False) -> None:
        self.path = Path(path)
        self.offset = 0
        self._partial = b""
        if from_end:
            try:
                self.offset = self.path.stat().st_size
            except OSError:
                self.offset = 0

    def read_new(self) -> list[dict]:
        try:
            size = self.path.stat().st_size
        except OSError:
            return []
        if size < self.offset:          # rewritten by a fresh run
            self.offset, self._partial = 0, b""
        if size == self.offset:
            return []
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            chunk = f.read(size - self.offset)
        self.offset += len(chunk)
        data = self._partial + chunk
        lines = data.split(b"\n")
        self._partial = lines.pop()     # an unfinished last line waits for the rest
        return [rec for rec in map(_record, lines) if rec is not None]

    def read_rest(self) -> list[dict]:
        """What ``read_new`` left waiting: a last line the writer did not end (at most one record)."""
        rec = _record(self._partial)
        return [] if rec is None else [rec]


def _record(line: bytes) -> dict | None:
    """One metrics record, or None for a blank, broken or foreign line."""
    line = line.strip()
    if not line:
        return None
    try:
        rec = json.loads(line.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return rec if isinstance(rec, dict) and "event" in rec else None


def read_records(path) -> list[dict]:
    """Every record of a metrics file (a missing file has none)."""
    tail = MetricsTail(path)
    return tail.read_new() + tail.read_rest()


def _num(v):
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) or math.isinf(f) else f


@dataclass
class RunHistory:
    steps: list = field(default_factory=list)
    loss: list = field(default_factory=list)
    lr: list = field(default_factory=list)
    tokens_per_s: list = field(default_factory=list)
    max_steps: int = 0
    config: dict = field(default_factory=dict)
    last: dict = field(default_factory=dict)          # the latest step record
    checkpoints: list = field(default_factory=list)
    end: dict | None = None

    def add(self, rec: dict) -> str:
        """Fold one record in; returns its event name ("step" records may rewind on resume)."""
        event = rec.get("event")
        if event == "start":
            self.end = None
            self.config = rec.get("config") or {}
            self.max_steps = int(rec.get("max_steps") or self.max_steps or 0)
        elif event == "step":
            step = _num(rec.get("step"))
            if step is None:
                return event
            if self.steps and step <= self.steps[-1]:
                keep = next((i for i, s in enumerate(self.steps) if s >= step), len(self.steps))
                for series in (self.steps, self.loss, self.lr, self.tokens_per_s):
                    del series[keep:]
            self.steps.append(step)
            self.loss.append(_num(rec.get("loss")))
            self.lr.append(_num(rec.get("lr")))
            self.tokens_per_s.append(_num(rec.get("tokens_per_s")))
            self.max_steps = int(rec.get("max_steps") or self.max_steps or 0)
            self.last = rec
            self.end = None
        elif event == "checkpoint":
            self.checkpoints.append(rec)
        elif event == "end":
            self.end = rec
        return event

    def extend(self, records) -> None:
        for rec in records:
            self.add(rec)

    @property
    def status(self) -> str:
        """'' (never started), 'running' (or killed without an end record), or the end status."""
        if self.end is not None:
            return str(self.end.get("status") or "")
        return "running" if (self.steps or self.config) else ""

    @property
    def lora_dir(self) -> str:
        return str((self.end or {}).get("lora_dir") or "")


def load_history(path, *, progress=None, cancel=None) -> dict:
    """Worker-thread read of a finished or interrupted run for the page (survives an app restart)."""
    records = read_records(path)
    return {"path": str(path), "records": records}
