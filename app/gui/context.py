"""What every page needs: settings, the job manager, and a way to open another page."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from engine.settings import SettingsStore

from . import gc_guard
from .worker import JobManager


class AppContext(QObject):
    settings_changed = Signal()
    # page id, keyword arguments for the page's open_with()
    navigate_requested = Signal(str, dict)
    status_message = Signal(str)

    def __init__(self, store: SettingsStore, parent=None) -> None:
        super().__init__(parent)
        gc_guard.install()      # before any job thread starts
        self.store = store
        self.jobs = JobManager(self)

    @property
    def settings(self):
        return self.store.settings

    def navigate(self, page_id: str, **kwargs) -> None:
        self.navigate_requested.emit(page_id, kwargs)

    def show_status(self, text: str) -> None:
        self.status_message.emit(text)


PageFactory = Callable[[AppContext], object]
