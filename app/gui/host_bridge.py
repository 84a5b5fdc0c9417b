"""The model host as the UI sees it: host callbacks become queued Qt signals.

The host (engine/host) runs every model operation on its own thread and calls back on
that thread.  ``HostBridge`` lives on the UI thread and re-emits those callbacks as
signals, so slots always run on the UI thread (as GPT4All's ChatLLM does).  A request
the UI waits for is wrapped in a ``HostCall``: the same shape as a job (state, finished,
failed, cancelled, cancel: a ``FutureCall``), so a page handles a model request like any other work.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, Signal, Slot

from engine.chat.backends import LoadOptions
from engine.host import HostRequest, ModelHost, ModelInfo
from engine.jobs import ProgressReporter

from .worker import FutureCall


class HostCall(FutureCall):
    """One host request as the UI sees it; ``cancel()`` drops it while queued and stops it
    at the next piece while it runs (``HostRequest.cancel`` sets its token)."""

    def __init__(self, title: str, request: HostRequest, parent=None) -> None:
        super().__init__(title, request, parent)
        self.request = request


class HostBridge(QObject):
    """Owns the GUI's one ``ModelHost``; its events and streamed pieces as queued signals."""

    model_loading = Signal(object)      # ModelInfo (path, name, chosen options; no facts yet)
    model_loaded = Signal(object)       # ModelInfo
    model_load_failed = Signal(object)  # ModelInfo of what was being loaded
    model_unloaded = Signal(object)     # ModelInfo of what was unloaded
    busy_changed = Signal(bool)
    load_progress = Signal(object)      # Progress
    piece = Signal(str)                 # a streamed piece of the reply in progress
    _event = Signal(str, object)

    def __init__(self, host: Optional[ModelHost] = None, parent=None) -> None:
        super().__init__(parent)
        self.host = host or ModelHost()
        self.info: Optional[ModelInfo] = None       # as last announced on the UI thread
        self._event.connect(self._on_event)
        self._unsubscribe = self.host.subscribe(self._event.emit)

    # requests ---------------------------------------------------------------------------------
    def call(self, title: str, request: HostRequest, on_result: Optional[Callable[[Any], None]] = None,
             on_error: Optional[Callable[[str, str, str], None]] = None) -> HostCall:
        """Wrap ``request``; ``on_result`` / ``on_error`` run on the UI thread."""
        call = HostCall(title, request, self)
        if on_result is not None:
            call.finished.connect(on_result)
        if on_error is not None:
            call.failed.connect(on_error)
        for signal in (call.finished, call.failed, call.cancelled):
            signal.connect(call.deleteLater)
        return call

    def load(self, path: str, options: LoadOptions) -> HostCall:
        reporter = ProgressReporter(self.load_progress.emit, min_interval=0.05)
        return self.call(f"load {path}", self.host.load(path, options, progress=reporter))

    def unload(self) -> HostCall:
        return self.call("unload", self.host.unload())

    def run(self, title: str, fn: Callable, **kwargs) -> HostCall:
        """``fn(backend, cancel)`` on the host thread; stream with ``self.piece.emit``."""
        return self.call(title, self.host.run(fn, **kwargs))

    def shutdown(self, timeout: float = 10) -> bool:
        self._unsubscribe()
        return self.host.shutdown(timeout)

    # events -----------------------------------------------------------------------------------
    @Slot(str, object)
    def _on_event(self, event: str, info: Optional[ModelInfo]) -> None:
        if event == "loading":
            self.model_loading.emit(info)
        elif event == "loaded":
            self.info = info
            self.model_loaded.emit(info)
        elif event == "load_failed":
            self.model_load_failed.emit(info)
        elif event == "unloaded":
            self.info = None
            self.model_unloaded.emit(info)
        elif event in ("busy", "idle"):
            self.busy_changed.emit(event == "busy")

