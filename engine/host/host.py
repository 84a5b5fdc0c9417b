"""The model host: one long-lived thread owns the single loaded model.

Every model operation (load, generate, tokenize, count, unload, anything else through
``run``) is a request queued to that thread and answered through a ``HostRequest``
(a ``concurrent.futures.Future`` with a cancel token).  Requests run strictly in the
order they were submitted.  Nobody else touches the ``Backend`` object, so no locks
guard it: the thread is the guard.  No Qt here; the GUI wraps the host in queued
signals (app/gui/host_bridge.py), the CLI and the server use it directly.
"""
from __future__ import annotations

import collections
import logging
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from ..chat.backends import Backend, LoadOptions, generate_text
from ..chat.presets import GenerationSettings
from ..chat.templates import ModelFacts
from ..errors import UserError
from ..i18n import tr
from ..jobs import Cancelled, CancelToken, NullReporter, ProgressReporter

log = logging.getLogger(__name__)

EVENTS = ("loading", "loaded", "load_failed", "unloaded", "busy", "idle")


class HostBusy(UserError):
    """Too many requests already wait for the model (the server answers 429)."""


class HostClosed(UserError):
    """The host was shut down; it takes no more requests."""


@dataclass(frozen=True)
class ModelInfo:
    """A snapshot of the loaded model, safe to read from any thread."""

    path: Path
    kind: str                       # "gguf" | "hf"
    display_name: str
    context_size: int               # the context the model was loaded with (tokens)
    n_ctx_train: int                # the context it was trained with (0: not known yet)
    facts: Optional[ModelFacts]     # vocabulary size, chat template, BOS/EOS (None while loading)
    lora: Optional[str] = None
    options: Optional[LoadOptions] = None
    memory_mapped: Optional[bool] = None    # llama.cpp: file memory-mapped (True) or read into memory (False)

    @property
    def extended(self) -> bool:
        """Loaded with a context above the trained one (RoPE scaling in use)."""
        return bool(self.n_ctx_train) and self.context_size > self.n_ctx_train


class HostRequest(Future):
    """A queued request: a Future plus the cancel token its operation polls.

    ``cancel_token.cancel()`` (or ``cancel()``) stops a running generation at the next
    piece; a request cancelled while still queued is dropped without running."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.cancel_token = CancelToken()

    def cancel(self) -> bool:
        self.cancel_token.cancel()
        return super().cancel()

    def __repr__(self) -> str:
        return f"<HostRequest {self.name} {self._state}>"


def _model_info(backend: Backend) -> ModelInfo:
    opts = backend.options
    return ModelInfo(path=backend.path, kind="gguf" if backend.kind == "llama.cpp" else "hf",
                     display_name=backend.display_name, context_size=backend.context_size,
                     n_ctx_train=backend.n_ctx_train, facts=backend.facts(), lora=opts.lora, options=opts,
                     memory_mapped=backend.use_mmap)


def _loading_info(path, options: LoadOptions) -> ModelInfo:
    path = Path(path).expanduser()
    name = path.name + (f" + {Path(options.lora).name}" if options.lora else "")
    kind = "gguf" if path.suffix.lower() == ".gguf" else "hf"
    return ModelInfo(path=path, kind=kind, display_name=name, context_size=options.context_size,
                     n_ctx_train=0, facts=None, lora=options.lora, options=options)


class ModelHost:
    """One thread, one model, a FIFO of requests.  See engine/host/CONTRACT.md."""

    def __init__(self, max_pending: int = 32, *, name: str = "model-host") -> None:
        self.max_pending = max_pending
        self._name = name
        self._cond = threading.Condition()
        self._queue: collections.deque[tuple[HostRequest, Callable]] = collections.deque()
        self._thread: Optional[threading.Thread] = None
        self._closed = False
        self._running: Optional[HostRequest] = None
        self._backend: Optional[Backend] = None       # touched only on the host thread
        self._info: Optional[ModelInfo] = None
        self._listeners: list[Callable[[str, Optional[ModelInfo]], None]] = []

    # public API -----------------------------------------------------------------------------
    @property
    def info(self) -> Optional[ModelInfo]:
        return self._info

    @property
    def pending(self) -> int:
        """Requests waiting (not counting the one running)."""
        with self._cond:
            return sum(1 for r, _ in self._queue if not r.cancel_token.cancelled)

    def load(self, path, options: Optional[LoadOptions] = None,
             progress: Optional[ProgressReporter] = None) -> HostRequest:
        """Load a model (a loaded one is unloaded first).  result(): ModelInfo."""
        options = options or LoadOptions()
        return self._submit("load", lambda req: self._do_load(path, options, progress, req.cancel_token))

    def unload(self) -> HostRequest:
        """Free the loaded model (nothing happens when none is loaded).  result(): None."""
        return self._submit("unload", lambda req: self._do_unload())

    def generate(self, prompt: str, settings: GenerationSettings,
                 on_piece: Optional[Callable[[str], None]] = None) -> HostRequest:
        """Stream a completion.  result(): (text, GenerationStats); ``on_piece`` runs on the host thread."""
        return self._submit("generate", lambda req: generate_text(
            self._require(), prompt, settings, req.cancel_token, on_piece))

    def tokenize(self, text: str) -> HostRequest:
        return self._submit("tokenize", lambda req: self._require().tokenize(text))

    def count_tokens(self, text: str) -> HostRequest:
        return self._submit("count_tokens", lambda req: self._require().count_tokens(text))

    def run(self, fn: Callable[[Backend, CancelToken], Any], *, require_model: bool = True,
            name: str = "run") -> HostRequest:
        """Run ``fn(backend, cancel)`` on the host thread; result(): its return value.

        With ``require_model=False`` ``backend`` may be None (no model loaded)."""
        def op(req: HostRequest):
            backend = self._require() if require_model else self._backend
            return fn(backend, req.cancel_token)
        return self._submit(name, op)

    def subscribe(self, callback: Callable[[str, Optional[ModelInfo]], None]) -> Callable[[], None]:
        """``callback(event, info)`` on the host thread for each event in EVENTS; returns unsubscribe."""
        with self._cond:
            self._listeners.append(callback)

        def unsubscribe() -> None:
            with self._cond:
                if callback in self._listeners:
                    self._listeners.remove(callback)
        return unsubscribe

    def cancel_all(self) -> None:
        """Drop every queued request and stop the running one."""
        with self._cond:
            queued = [r for r, _ in self._queue]
            self._queue.clear()
            running = self._running
        for r in queued:
            r.cancel()
        if running is not None:
            running.cancel_token.cancel()

    def shutdown(self, timeout: float = 10) -> bool:
        """Stop taking requests, cancel the queued and running ones, free the model, end
        the thread.  Returns False when the thread did not end within ``timeout``."""
        with self._cond:
            if self._closed and self._thread is None:
                return True
            self._closed = True
            thread = self._thread
        self.cancel_all()
        with self._cond:
            self._cond.notify_all()
        if thread is None:
            return True
        thread.join(timeout)
        if thread.is_alive():
            log.warning("model host did not stop within %.0f s", timeout)
            return False
        with self._cond:
            self._thread = None
        return True

    @property
    def closed(self) -> bool:
        return self._closed

    # the host thread ----------------------------------------------------------------------------
    def _submit(self, name: str, op: Callable[[HostRequest], Any]) -> HostRequest:
        req = HostRequest(name)
        with self._cond:
            if self._closed:
                raise HostClosed(tr("The model host has been shut down."), tr("Restart the application."))
            # Requests cancelled while queued no longer count.
            if any(r.cancel_token.cancelled for r, _ in self._queue):
                for r, _ in [e for e in self._queue if e[0].cancel_token.cancelled]:
                    r.cancel()
                self._queue = collections.deque(e for e in self._queue if not e[0].cancel_token.cancelled)
            if len(self._queue) >= self.max_pending:
                raise HostBusy(tr("The model is busy: {n} requests are already waiting.", n=len(self._queue)),
                               tr("Try again in a moment."))
            self._queue.append((req, op))
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
                self._thread.start()
            self._cond.notify()
        return req

    def _loop(self) -> None:
        busy = False
        try:
            while True:
                with self._cond:
                    while not self._queue and not self._closed:
                        if busy:
                            busy = False
                            self._cond.release()
                            try:
                                self._emit("idle", self._info)
                            finally:
                                self._cond.acquire()
                            continue
                        self._cond.wait()
                    if self._closed:
                        break
                    req, op = self._queue.popleft()
                    if req.cancel_token.cancelled:
                        req.cancel()
                    if not req.set_running_or_notify_cancel():
                        continue
                    self._running = req
                if not busy:
                    busy = True
                    self._emit("busy", self._info)
                try:
                    result = op(req)
                except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
                    if not isinstance(exc, (UserError, Cancelled)):
                        log.warning("model host request %s failed", req.name, exc_info=exc)
                    req.set_exception(exc)
                else:
                    req.set_result(result)
                finally:
                    with self._cond:
                        self._running = None
                    del req, op
        finally:
            self._drain_on_exit()

    def _drain_on_exit(self) -> None:
        with self._cond:
            left = [r for r, _ in self._queue]
            self._queue.clear()
        for r in left:
            r.cancel()
        if self._backend is not None:
            self._do_unload()

    def _require(self) -> Backend:
        if self._backend is None:
            raise UserError(tr("No model is loaded."), tr("Load a model first."))
        return self._backend

    def _emit(self, event: str, info: Optional[ModelInfo]) -> None:
        with self._cond:
            listeners = list(self._listeners)
        for cb in listeners:
            try:
                cb(event, info)
            except Exception:  # noqa: BLE001 - a listener's bug must not kill the host
                log.exception("model host listener failed on %s", event)

    def _do_load(self, path, options: LoadOptions, progress: Optional[ProgressReporter],
                 cancel: CancelToken) -> ModelInfo:
        from ..chat.backends import load_model
        if self._backend is not None:
            self._do_unload()
        loading = _loading_info(path, options)
        self._emit("loading", loading)
        try:
            backend = load_model(path, options, progress=progress or NullReporter(), cancel=cancel)
            info = _model_info(backend)
        except BaseException:
            self._emit("load_failed", loading)
            raise
        self._backend, self._info = backend, info
        self._emit("loaded", info)
        return info

    def _do_unload(self) -> None:
        backend, info = self._backend, self._info
        if backend is None:
            return
        self._backend = self._info = None
        try:
            backend.unload()
        finally:
            self._emit("unloaded", info)
