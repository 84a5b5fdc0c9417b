"""Logging to a rotating file under the user log folder.

The log file gets everything (tracebacks included); the terminal gets nothing
from ``logging``: the CLI prints its own one-line messages, so a warning is
never shown twice and a traceback never reaches the user's screen.
"""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from . import paths

LOG_FILE_NAME = "alpaca-studio.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def _ours(handler: logging.Handler) -> bool:
    return bool(getattr(handler, "_alpaca_studio", False))


def log_file_path() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach the rotating file handler to the root logger once; return the log file path.

    Called again with another user folder (``ALPACA_STUDIO_HOME`` changed, as in the
    tests), the handler moves to the new file.
    """
    log_file = log_file_path()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if _ours(handler):
            if Path(getattr(handler, "baseFilename", "")) == log_file:
                return log_file
            root.removeHandler(handler)
            handler.close()
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        # An unwritable log folder must not stop the app: keep the records out of the terminal.
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._alpaca_studio = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return log_file

