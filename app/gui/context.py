"""What every page needs: settings, the job manager, the model host, one library-change
signal, and a way to open another page."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from engine.host import ModelHost
from engine.library_change import LibraryChange
from engine.settings import SettingsStore

from . import gc_guard
from .host_bridge import HostBridge
from .worker import JobManager


class AppContext(QObject):
    settings_changed = Signal()
    # page id, keyword arguments for the page's open_with()
    navigate_requested = Signal(str, dict)
    status_message = Signal(str)
    # A job that changed the library ended (download, merge, convert, quantize, train...):
    # pages update from this instead of rescanning the disk when shown.
    library_changed = Signal(object)    # LibraryChange

    def __init__(self, store: SettingsStore, parent=None) -> None:
        super().__init__(parent)
        gc_guard.install()      # before any job thread starts
        self.store = store
        self.jobs = JobManager(self)
        # The one model in memory: Chat, Server and Evaluate all send it requests.
        self.host = ModelHost()
        self.model = HostBridge(self.host, self)
        self.jobs.on_shutdown(self.model.shutdown)

    @property
    def settings(self):
        return self.store.settings

    def navigate(self, page_id: str, **kwargs) -> None:
        self.navigate_requested.emit(page_id, kwargs)

    def show_status(self, text: str) -> None:
        self.status_message.emit(text)

    def notify_library_changed(self, kind: str, *paths) -> None:
        """Say once what a finished job changed in the library."""
        self.library_changed.emit(LibraryChange(kind, tuple(paths)))


PageFactory = Callable[[AppContext], object]
