"""PySide6 desktop front end. Runs engine operations on worker threads; never blocks the UI thread."""

from . import pyside_fixes  # noqa: E402,F401  (must run before any signal is emitted)
