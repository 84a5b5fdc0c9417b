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
_HANDLER_NAME = "alpaca-studio"   # logging.Handler.name: tells our handler from any other


def _ours(handler: logging.Handler) -> bool:
    return handler.get_name() == _HANDLER_NAME


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
    handler.set_name(_HANDLER_NAME)
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return log_file



_llama_cpp_callback = None      # the ctypes callback must outlive every llama.cpp call


def route_llama_cpp_log() -> None:
    """Send llama.cpp's own log (model loading, context warnings, backend probes) to the log file
    through ``logging`` instead of straight to the terminal, in this process; once.

    llama-cpp-python prints every llama.cpp line to stderr until a ``Llama(verbose=False)`` is
    made, and some builds (CUDA, Metal) log while loading; a ``--quiet`` command must print none
    of it. The quantizer's child process keeps its own handler: its lines are its progress.
    """
    global _llama_cpp_callback
    if _llama_cpp_callback is not None:
        return
    import ctypes

    import llama_cpp

    llama_log = logging.getLogger("llama.cpp")

    @llama_cpp.llama_log_callback
    def forward(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
        try:
            line = text.decode("utf-8", "replace").rstrip()
            if line:
                # ggml levels: 1 debug, 2 info, 3 warn, 4 error, 5 continuation
                llama_log.log({3: logging.WARNING, 4: logging.ERROR}.get(level, logging.DEBUG), "%s", line)
        except Exception:  # noqa: BLE001 - never raise into native code
            pass

    _llama_cpp_callback = forward
    llama_cpp.llama_log_set(forward, ctypes.c_void_p(0))
