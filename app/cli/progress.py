"""Text progress bar for the CLI, fed by the engine's ProgressReporter."""
from __future__ import annotations

import sys
import threading
from typing import TextIO

from engine.jobs import CancelToken, Progress, ProgressReporter, describe


class TextProgress:
    """Renders a one-line bar on a terminal (or plain lines when not a TTY)."""

    WIDTH = 28

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty()
        self._lock = threading.Lock()
        self._last_line = ""
        self._last_key: tuple = ()

    def __call__(self, p: Progress) -> None:
        if self.quiet:
            return
        frac = p.fraction
        bar = ""
        if frac is not None:
            filled = int(frac * self.WIDTH)
            bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {frac * 100:5.1f}%  "
        line = bar + describe(p)
        with self._lock:
            if self.tty:
                self.stream.write("\r" + line[:160].ljust(len(self._last_line)))
            else:
                # Logs and pipes: one line per status change or 10% step, not per update.
                key = (p.status, None if frac is None else int(frac * 10))
                if key != self._last_key:
                    self._last_key = key
                    self.stream.write(line + "\n")
            self._last_line = line
            self.stream.flush()

    def close(self) -> None:
        if self.tty and self._last_line and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()


def cli_job(quiet: bool = False, unit: str = "steps") -> tuple[ProgressReporter, CancelToken, TextProgress]:
    """A reporter wired to a text bar, and a cancel token (Ctrl+C cancels)."""
    bar = TextProgress(quiet=quiet)
    return ProgressReporter(bar, unit=unit, min_interval=0.2), CancelToken(), bar
