"""The application log, live, with a button to open the log folder."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from engine import paths


class _Bridge(QObject):
    line = Signal(str)


class QtLogHandler(logging.Handler):
    """Log records from any thread become a queued signal for the UI thread."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.bridge = _Bridge()
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.bridge.line.emit(self.format(record))
        except RuntimeError:
            pass


class LogView(QWidget):
    MAX_LINES = 5000

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(self.MAX_LINES)
        self.text.setFont(QFont("monospace", 9))
        open_button = QPushButton(self.tr("Open log folder"))
        open_button.clicked.connect(self.open_log_folder)
        clear_button = QPushButton(self.tr("Clear"))
        clear_button.clicked.connect(self.text.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(clear_button)
        buttons.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

        self.handler = QtLogHandler()
        self.handler.bridge.line.connect(self.text.appendPlainText)
        logging.getLogger().addHandler(self.handler)
        self.destroyed.connect(lambda: logging.getLogger().removeHandler(self.handler))

    def detach(self) -> None:
        logging.getLogger().removeHandler(self.handler)

    @staticmethod
    def open_log_folder() -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
