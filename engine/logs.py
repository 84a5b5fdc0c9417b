"""Logging to a rotating file under the user log folder."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from . import paths

LOG_FILE_NAME = "alpaca-studio.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach a rotating file handler once; return the log file path."""
    log_file = paths.log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "_alpaca_studio", False):
            return log_file
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._alpaca_studio = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return log_file
