"""The training child process as a job: start ``main.py train ...``, follow its metrics file,
stop it with SIGTERM on cancel.

``run_training`` runs on a jobs-layer worker thread (never the UI thread).  Each record read
from the metrics file goes to ``on_record`` (the page's bridge turns it into a queued signal)
and into the job's progress: step/max_steps with loss, tokens/s and the engine's ETA, which
is what the jobs panel shows.  Cancel sends SIGTERM; the run saves a checkpoint and ends
with status "stopped", reported as a cancelled job.
"""
from __future__ import annotations

import collections
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from engine.errors import UserError
from engine.jobs import Cancelled

from .metrics import MetricsTail

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[3]
STOP_GRACE_S = 300          # a checkpoint of a 7B LoRA with embeddings takes a while


def train_command(mode: str, options: dict, *, resume: bool = False) -> list[str]:
    """``[python, main.py, "train", mode, --opt value, ...]``; None/"" values and False flags are left out."""
    cmd = [sys.executable, str(ROOT / "main.py"), "train", mode]
    for name, value in options.items():
        if value is None or value == "" or value is False:
            continue
        flag = "--" + name.replace("_", "-")
        if value is True:
            cmd.append(flag)
        else:
            cmd += [flag, str(value)]
    if resume:
        cmd.append("--resume")
    return cmd


def describe_step(rec: dict) -> str:
    parts = []
    if rec.get("loss") is not None:
        parts.append(f"loss {float(rec['loss']):.4f}")
    if rec.get("tokens_per_s"):
        parts.append(f"{float(rec['tokens_per_s']):,.0f} tokens/s")
    return "  ".join(parts)     # the jobs panel adds steps done/total, steps/s and the ETA


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        if os.name == "nt":
            proc.terminate()
        else:
            proc.send_signal(signal.SIGTERM)
    except OSError:
        pass


class _LogTail:
    """The child's console (redirected to ``<out>/train.log``): new lines into the job's log, the last kept."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = path.stat().st_size if path.exists() else 0
        self.last: collections.deque[str] = collections.deque(maxlen=60)
        self._partial = ""

    def pump(self) -> None:
        try:
            with open(self.path, "r", encoding="utf-8", errors="replace") as f:
                f.seek(self.offset)
                text = f.read()
                self.offset = f.tell()
        except OSError:
            return
        lines = (self._partial + text).split("\n")
        self._partial = lines.pop()
        for line in lines:
            line = line.rstrip("\r")
            if "\r" in line:                      # progress bars redraw with carriage returns
                line = line.rsplit("\r", 1)[-1]
            self.last.append(line)
            log.info("%s", line)


def run_training(cmd: list[str], metrics_path, *, out_dir, on_record=None, texts: dict | None = None,
                 poll_s: float = 0.25, progress=None, cancel=None) -> dict:
    """Run one training child to its end; returns its end record (status "done").

    ``texts``: the page's translated status lines ("starting", "training", "stopping")."""
    texts = {"starting": "Starting the training process…", "training": "Training…",
             "stopping": "Stopping: saving a checkpoint…", **(texts or {})}
    metrics_path = Path(metrics_path)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    console = out_dir / "train.log"
    tail = MetricsTail(metrics_path, from_end=True)
    log_tail = _LogTail(console)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log.info("Starting: %s", " ".join(cmd))
    if progress is not None:
        progress.update(0, None, status=texts["starting"], unit="steps")
    flags = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0) if os.name == "nt" else 0
    # The console goes to a file, not a pipe: a child that outlives the app (closed mid-stop) keeps
    # writing safely and finishes its checkpoint.
    with open(console, "ab") as out:
        proc = subprocess.Popen(cmd, cwd=str(ROOT), env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, creationflags=flags)
    end: dict | None = None
    stop_sent_at: float | None = None

    def read_records() -> None:
        nonlocal end
        for rec in tail.read_new():
            if on_record is not None:
                on_record(rec)
            event = rec.get("event")
            if event == "step" and progress is not None:
                progress.update(done=float(rec.get("step") or 0), total=float(rec.get("max_steps") or 0) or None,
                                status=describe_step(rec), unit="steps")
            elif event == "start" and progress is not None:
                progress.update(0, float(rec.get("max_steps") or 0) or None, status=texts["training"])
            elif event == "end":
                end = rec

    try:
        while True:
            read_records()
            log_tail.pump()
            if proc.poll() is not None:
                read_records()
                log_tail.pump()
                break
            if cancel is not None and cancel.cancelled and stop_sent_at is None:
                if progress is not None:
                    progress.update(status=texts["stopping"], force=True)
                _stop(proc)
                stop_sent_at = time.monotonic()
            if stop_sent_at is not None and time.monotonic() - stop_sent_at > STOP_GRACE_S:
                proc.kill()
            time.sleep(poll_s)
    finally:
        if proc.poll() is None:          # the job itself is going away: never leave the child running
            _stop(proc)
            try:
                proc.wait(timeout=STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                proc.kill()
    status = (end or {}).get("status")
    if status == "done":
        return end
    if status == "stopped" or (cancel is not None and cancel.cancelled):
        raise Cancelled("training stopped")
    last = [line for line in log_tail.last if line.strip()]
    message = (end or {}).get("message") or (last[-1] if last else f"exit code {proc.returncode}")
    if message.startswith("error: "):
        message = message[len("error: "):]
    raise UserError(f"Training failed: {message}",
                    f"The training process's output is in {console}; fix the input and start again.")
