"""Running the app: bind a socket, run uvicorn until told to stop.

``ApiServer.run(progress, cancel)`` blocks the calling thread (the CLI's main thread, or a
job's worker thread in the GUI); ``stop()`` or the cancel token ends it: uvicorn's
``should_exit`` is set and the generations this server queued are cancelled.
"""
from __future__ import annotations

import errno
import logging
import socket
import threading
from typing import Callable, Optional

from ..errors import UserError
from ..host import ModelHost
from ..jobs import CancelToken, NullReporter, ProgressReporter
from .app import ServerState, create_app
from .config import ServeConfig, check_bind
from .records import RequestRecord

log = logging.getLogger(__name__)


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise UserError(f"Port {port} on {host} is already in use.",
                            "Stop the other server, or choose another port.") from None
        raise UserError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}.",
                        "Use 127.0.0.1, or an address of this machine.") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class ApiServer:
    """One server on one host.  ``port`` is known once ``started`` is set (port 0: a free one)."""

    def __init__(self, host: ModelHost, config: ServeConfig,
                 on_record: Optional[Callable[[RequestRecord], None]] = None) -> None:
        check_bind(config)
        self.host, self.config = host, config
        self.state = ServerState(host, config, on_record)
        self.app = create_app(host, config, state=self.state)
        self.started = threading.Event()
        self.port: int = config.port
        self._server = None
        self._sock: Optional[socket.socket] = None
        self._stop = threading.Event()

    @property
    def url(self) -> str:
        return self.config.url(self.port)

    @property
    def counters(self):
        return self.state.counters

    def bind(self) -> None:
        """Bind now (errors such as a port in use surface here, before anything runs)."""
        if self._sock is None:
            self._sock = bind_socket(self.config.host, self.config.port)
            self.port = self._sock.getsockname()[1]

    def run(self, progress: Optional[ProgressReporter] = None, cancel: Optional[CancelToken] = None) -> dict:
        """Serve until ``stop()`` or ``cancel``; returns the counters."""
        import uvicorn
        progress = progress or NullReporter()
        self.bind()
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off",
                                timeout_graceful_shutdown=5, ws="none")
        self._server = server = uvicorn.Server(config)
        if self._stop.is_set():
            server.should_exit = True
        watcher = None
        if cancel is not None:
            watcher = threading.Thread(target=self._watch, args=(cancel,), name="serve-cancel", daemon=True)
            watcher.start()

        def startup_done() -> None:
            self.started.set()
            progress.update(0, None, status=f"Serving {self.url}", force=True)
        threading.Thread(target=self._announce, args=(startup_done,), daemon=True).start()
        try:
            server.run(sockets=[self._sock])
        finally:
            self._stop.set()
            self.state.cancel_all()
            if self._sock is not None:
                self._sock.close()
                self._sock = None
            self.started.set()          # nobody waits forever on a server that failed to start
        return self.state.counters.snapshot()

    def _announce(self, done: Callable[[], None]) -> None:
        while not self._stop.is_set():
            if self._server is not None and self._server.started:
                done()
                return
            self._stop.wait(0.02)

    def _watch(self, cancel: CancelToken) -> None:
        while not self._stop.is_set():
            if cancel.wait(0.1):
                self.stop()
                return

    def stop(self) -> None:
        """Ask the server to end (any thread): open streams are cancelled, then uvicorn exits."""
        self._stop.set()
        self.state.cancel_all()
        if self._server is not None:
            self._server.should_exit = True
