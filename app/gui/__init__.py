"""PySide6 desktop front end. Runs engine operations on worker threads; never blocks the UI thread."""
