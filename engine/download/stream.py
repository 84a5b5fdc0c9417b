"""Body bytes from the socket to the .part file and SHA256, with as few copies as possible.

Only documented interfaces of httpx/httpcore are used: the response's
``network_stream`` extension and its ``get_extra_info("socket" | "ssl_object")``.
"""
from __future__ import annotations

import os
import queue
import socket
import threading
from typing import TYPE_CHECKING, Optional

from ..jobs import CancelToken

if TYPE_CHECKING:  # pragma: no cover
    import httpx

FLUSH_AFTER = 0.05              # seconds: on a slow link, hand over a part-filled buffer this often
FIRST_REQUEST = 64 << 10        # the first socket read of a body; later ones adapt to the link
POLL = 0.25                     # seconds: a blocking socket read returns at least this often


def _write_all(fd: int, data) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


_FADVISE = hasattr(os, "posix_fadvise")


class _PartWriter:
    """Writes the body to the .part on one thread and hashes it on another, beside the network read.

    The reader fills one of a few reusable buffers and hands it over; the disk write
    and SHA256 read that same memory (no copies), and both release the GIL on large
    buffers, so the three stages overlap.  A buffer comes back to the pool once both
    are done with it: memory stays flat whatever the file size.
    """

    SLOTS = 4
    SLOT_SIZE = 4 << 20     # large: per-buffer Python overhead (queues, GIL hand-offs) stays negligible
    WRITEBACK = 8 << 20     # start writing to disk every this many bytes (0: leave it to the kernel)

    def __init__(self, fd: int, hasher, start: int) -> None:
        self._fd = fd
        self.error: Optional[OSError] = None
        self.written = start      # file offset up to which bytes are on disk
        self._flushed = start     # writeback has been started up to here
        self._free: "queue.SimpleQueue[bytearray]" = queue.SimpleQueue()
        for _ in range(self.SLOTS):
            self._free.put(bytearray(self.SLOT_SIZE))
        self._lock = threading.Lock()
        self._queues: list = []
        self._threads: list = []
        self._spawn(self._write, "download-write")
        if hasher is not None:
            self._spawn(hasher.update, "download-hash")

    def _spawn(self, consume, name: str) -> None:
        q: "queue.SimpleQueue" = queue.SimpleQueue()   # bounded by the number of buffers
        t = threading.Thread(target=self._run, args=(q, consume), name=name, daemon=True)
        self._queues.append(q)
        self._threads.append(t)
        t.start()

    def take(self) -> bytearray:
        """An empty buffer to read into (waits while all are in use)."""
        if self.error is not None:
            raise self.error
        return self._free.get()

    def give(self, buf: bytearray, n: int) -> None:
        """Hand over the first ``n`` bytes of a buffer from :meth:`take` to be written and hashed."""
        if n <= 0:
            self._free.put(buf)
            return
        item = [buf, memoryview(buf)[:n], len(self._queues)]
        for q in self._queues:
            q.put(item)

    def put(self, data) -> None:
        """Copy bytes that arrived as an object of their own (the HTTP parser's chunks)."""
        view = memoryview(data)
        while view:
            buf = self.take()
            n = min(len(buf), len(view))
            buf[:n] = view[:n]
            self.give(buf, n)
            view = view[n:]

    def _write(self, chunk) -> None:
        _write_all(self._fd, chunk)
        self.written += len(chunk)
        if self.WRITEBACK and self.written - self._flushed >= self.WRITEBACK and _FADVISE:
            # Start writing this stretch to disk now (DONTNEED starts writeback of dirty pages):
            # the fsync before the rename then waits for the last stretch only, not the whole
            # file, and a 13 GB model does not push everything else out of the page cache.
            os.posix_fadvise(self._fd, self._flushed, self.written - self._flushed, os.POSIX_FADV_DONTNEED)
            self._flushed = self.written

    def _run(self, q: "queue.SimpleQueue", consume) -> None:
        while True:
            item = q.get()
            if item is None:
                return
            if self.error is None:   # after an error keep draining, so buffers still come back
                try:
                    consume(item[1])
                except OSError as exc:
                    self.error = exc
            with self._lock:
                item[2] -= 1
                last = item[2] == 0
            if last:
                item[1].release()
                self._free.put(item[0])

    def close(self) -> Optional[OSError]:
        """Wait until every handed-over byte is on disk and hashed; return the write error, if any."""
        for q in self._queues:
            q.put(None)
        for t in self._threads:
            t.join()
        return self.error


def _use_waitall(sock, timeout: Optional[float]) -> bool:
    """Switch a plain TCP socket to blocking MSG_WAITALL reads that return at least every POLL seconds.

    Python's own socket timeout makes the socket non-blocking, and MSG_WAITALL then
    returns whatever is there.  SO_RCVTIMEO bounds a blocking read instead: it returns
    what arrived so far, or fails with EAGAIN when nothing did (the caller keeps the
    read timeout).  The connection is closed after this body, so httpx never sees the
    changed socket.  TLS sockets and Windows keep Python's reads.
    """
    import ssl
    import struct
    import sys

    if isinstance(sock, ssl.SSLSocket) or not hasattr(socket, "MSG_WAITALL") or \
            not sys.platform.startswith(("linux", "darwin")):
        sock.settimeout(timeout)
        return False
    secs = POLL if timeout is None else max(min(POLL, timeout), 0.001)
    sock.settimeout(None)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO,
                    struct.pack("ll", int(secs), int((secs - int(secs)) * 1e6)))
    return True


def _direct_socket(r: "httpx.Response", length: Optional[int]):
    """The connection's socket, when the rest of the body can be read from it as is; else None.

    A body of known length in plain HTTP/1.1 framing is the socket's next ``length``
    bytes (over TLS, what the SSL socket decrypts).  Reading it with ``recv_into``
    into our own buffers skips the parser's two copies and Python work per chunk.
    httpx hands the stream out through the documented ``network_stream`` extension.
    Chunked bodies and TLS inside TLS (an https proxy) stay with httpx.
    """
    import ssl

    if length is None or r.http_version not in ("HTTP/1.1", "HTTP/1.0"):
        return None
    if "chunked" in r.headers.get("Transfer-Encoding", "").lower():
        return None
    stream = r.extensions.get("network_stream")
    try:
        sock = stream.get_extra_info("socket")
        tls = stream.get_extra_info("ssl_object")
    except AttributeError:
        return None
    if not isinstance(sock, socket.socket) or (tls is not None and not isinstance(sock, ssl.SSLSocket)):
        return None
    return sock


class _Interrupter:
    """Unblocks a read stalled on a silent server when the user cancels, so pause is instant.

    Without it a cancel would wait for the read timeout.  Shutting the socket
    down makes the blocked read return at once.
    """

    def __init__(self, cancel: CancelToken) -> None:
        self._cancel = cancel
        self._lock = threading.Lock()
        self._sock = None
        self._done = threading.Event()
        threading.Thread(target=self._run, name="download-cancel", daemon=True).start()

    def watch(self, response) -> None:
        try:
            sock = response.extensions["network_stream"].get_extra_info("socket")
        except (KeyError, AttributeError):
            sock = None
        with self._lock:
            self._sock = sock

    def unwatch(self) -> None:
        with self._lock:
            self._sock = None

    def close(self) -> None:
        self._done.set()

    def _run(self) -> None:
        while not self._done.is_set():
            if self._cancel.wait(0.25):
                with self._lock:
                    if self._sock is not None and not self._done.is_set():
                        try:
                            self._sock.shutdown(socket.SHUT_RDWR)
                        except OSError:
                            pass
                return
