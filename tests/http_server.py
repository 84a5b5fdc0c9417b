"""A real HTTP server on 127.0.0.1 for download tests, with a knob for each fault a mirror can have.

Use the ``http_server`` fixture (registered in conftest.py)::

    url = http_server.add_file("hfl/x/resolve/main/a.bin", data, drop_after=1000)
    ...
    assert http_server.requests_for("hfl/x/resolve/main/a.bin")[1].headers["range"] == "bytes=1000-"

Faults (keyword arguments of ``add_file`` / ``add_path`` / ``set_faults``), each per file:

- ``ignore_range``: always answer 200 with the whole file
- ``drop_after=N``: close the connection after N body bytes of a response;
  ``drop_times=K`` responses do that (default 1, ``None``: every response)
- ``corrupt_at=OFFSET``: flip that byte of the file in every response
- ``throttle=BYTES_PER_S``: send slowly
- ``status=CODE``, ``status_times=K``: answer CODE to the first K requests (``None``: always)
- ``hang=SECONDS``, ``hang_after=N``, ``hang_times=K``: stall (before the headers when N is 0,
  else after N body bytes) in the first K responses, then drop the connection
- ``no_length``: no Content-Length; the body ends when the connection closes
- ``range_shift=N``, ``range_shift_times=K``: answer a ranged request with a 206 that starts N
  bytes away from the offset asked for (Content-Range tells the truth), in the first K of them
- ``ignore_if_range``: honour Range even when If-Range no longer matches (a 206 of a changed file,
  with its new ETag)
- ``refuse_range=K``: answer the first K ranged requests 416 (``bytes */size``) although they fit

``add_redirect(name, target)`` answers 302 to another file or URL; ``change_file(name, data)``
replaces a file with a new version (new ETag and Last-Modified).  ``requests`` is the log of
every request, with its headers (lower-case names) and the status sent.

``python -m tests.http_server FOLDER [PORT] [--throttle BYTES_PER_S]`` serves a folder by hand (for trying
the CLI, and for bench/download.py's link-speed run).
"""
from __future__ import annotations

import hashlib
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass, field, fields
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional
from urllib.parse import quote, unquote, urlsplit

try:
    import pytest
except ImportError:  # pragma: no cover - benchmarks on a machine without the test extras
    pytest = None

BLOCK = 64 * 1024


@dataclass
class Faults:
    ignore_range: bool = False
    drop_after: Optional[int] = None
    drop_times: Optional[int] = 1
    corrupt_at: Optional[int] = None
    throttle: Optional[int] = None
    status: Optional[int] = None
    status_times: Optional[int] = None
    hang: Optional[float] = None
    hang_after: int = 0
    hang_times: Optional[int] = 1
    no_length: bool = False
    range_shift: Optional[int] = None
    range_shift_times: Optional[int] = 1
    ignore_if_range: bool = False
    refuse_range: Optional[int] = None

    @property
    def clean(self) -> bool:
        return self == Faults()


FAULT_NAMES = {f.name for f in fields(Faults)}


@dataclass
class _Entry:
    data: Optional[bytes] = None
    path: Optional[Path] = None
    redirect: Optional[str] = None
    faults: Faults = field(default_factory=Faults)
    version: int = 0
    fired: dict = field(default_factory=dict)   # fault name -> times it fired

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else self.path.stat().st_size

    @property
    def etag(self) -> str:
        if self.data is not None:
            return '"' + hashlib.sha256(self.data).hexdigest()[:24] + f'-{self.version}"'
        st = self.path.stat()
        return f'"{st.st_size:x}-{st.st_mtime_ns:x}-{self.version}"'

    @property
    def last_modified(self) -> str:
        return formatdate(1_700_000_000 + 3600 * self.version, usegmt=True)

    def read(self, start: int, n: int) -> bytes:
        if self.data is not None:
            return self.data[start:start + n]
        with open(self.path, "rb") as f:
            f.seek(start)
            return f.read(n)

    def take(self, fault: str, times: Optional[int]) -> bool:
        """True if the fault fires this time (it fires ``times`` times, or always when None)."""
        count = self.fired.get(fault, 0)
        if times is not None and count >= times:
            return False
        self.fired[fault] = count + 1
        return True


@dataclass
class RequestRecord:
    method: str
    path: str
    headers: dict
    status: int = 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AlpacaTestServer/1.0"

    def log_message(self, *args) -> None:   # quiet: the request log is in LocalHTTPServer.requests
        pass

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    # -- helpers ------------------------------------------------------------
    @property
    def owner(self) -> "LocalHTTPServer":
        return self.server.owner  # type: ignore[attr-defined]

    def _simple(self, code: int, headers: dict | None = None) -> None:
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _serve(self, head: bool) -> None:
        owner = self.owner
        name = unquote(urlsplit(self.path).path).lstrip("/")
        record = RequestRecord(self.command, name, {k.lower(): v for k, v in self.headers.items()})
        owner.requests.append(record)
        with owner.lock:
            entry = owner.entry(name)
            if entry is None:
                record.status = 404
            else:
                f = entry.faults
                status = f.status if f.status and entry.take("status", f.status_times) else None
                hang_now = bool(f.hang) and entry.take("hang", f.hang_times)
                drop_now = f.drop_after is not None and entry.take("drop", f.drop_times)
                ranged = bool(self.headers.get("Range")) and not f.ignore_range
                shift = f.range_shift if ranged and f.range_shift and \
                    entry.take("range_shift", f.range_shift_times) else 0
                refuse = ranged and f.refuse_range is not None and entry.take("refuse_range", f.refuse_range)
                size, etag, modified = (entry.size, entry.etag, entry.last_modified) if not entry.redirect \
                    else (0, "", "")
        if entry is None:
            return self._simple(404)
        if status:
            record.status = status
            return self._simple(status, {"Retry-After": "0"} if status in (429, 503) else None)
        if entry.redirect:
            record.status = 302
            return self._simple(302, {"Location": entry.redirect})
        if hang_now and f.hang_after == 0:
            owner.stopping.wait(f.hang)
            return self._drop()

        start, code = 0, 200
        wanted = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        if wanted and not f.ignore_range and (if_range is None or f.ignore_if_range
                                              or if_range in (etag, modified)):
            try:
                spec = wanted.strip().split("=", 1)[1]
                first, _, last = spec.partition("-")
                start = int(first)
                end = int(last) + 1 if last else size
            except (IndexError, ValueError):
                start, end = 0, size
            start = max(0, start + shift)
            if start >= size or refuse:
                record.status = 416
                return self._simple(416, {"Content-Range": f"bytes */{size}"})
            end = min(end, size)
            code = 206
        else:
            end = size
        record.status = code
        self.send_response(code)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.send_header("Accept-Ranges", "none" if f.ignore_range else "bytes")
        if code == 206:
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
        if f.no_length:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(end - start))
        self.end_headers()
        if head:
            return
        with owner.lock:
            owner.active += 1
            owner.max_active = max(owner.max_active, owner.active)
        try:
            self._body(entry, f, start, end, drop_now, hang_now)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
        finally:
            with owner.lock:
                owner.active -= 1

    def _body(self, entry: _Entry, f: Faults, start: int, end: int, drop_now: bool, hang_now: bool) -> None:
        stopping = self.owner.stopping
        if entry.path is not None and (f.clean or f == Faults(throttle=f.throttle)):
            # Fast path for benchmarks: the kernel copies file to socket; a throttle paces it in
            # 20 ms steps (a link of that speed, without the server's own per-block Python work).
            self.wfile.flush()
            step = 1 << 24 if f.clean else max(BLOCK, f.throttle // 50)
            t0 = time.monotonic()
            with open(entry.path, "rb") as src:
                pos = start
                while pos < end:
                    sent = os.sendfile(self.connection.fileno(), src.fileno(), pos, min(end - pos, step))
                    if sent == 0:
                        break
                    pos += sent
                    if f.throttle and pos < end:
                        delay = t0 + (pos - start) / f.throttle - time.monotonic()
                        if delay > 0 and stopping.wait(delay):
                            return self._drop()
            return
        sent = 0
        limit = f.drop_after if drop_now else None
        hang_at = f.hang_after if hang_now and f.hang_after else None
        t0 = time.monotonic()
        block = BLOCK if not f.throttle else max(1, min(BLOCK, f.throttle // 20))
        pos = start
        while pos < end:
            if stopping.is_set():
                return self._drop()
            n = min(block, end - pos)
            for cut in (limit, hang_at):
                if cut is not None and sent < cut:
                    n = min(n, cut - sent)
            chunk = bytearray(entry.read(pos, n))
            if f.corrupt_at is not None and pos <= f.corrupt_at < pos + len(chunk):
                chunk[f.corrupt_at - pos] ^= 0xFF
            self.wfile.write(chunk)
            sent += len(chunk)
            pos += len(chunk)
            if limit is not None and sent >= limit:
                self.wfile.flush()
                return self._drop()
            if hang_at is not None and sent >= hang_at:
                self.wfile.flush()
                stopping.wait(f.hang)
                return self._drop()
            if f.throttle and pos < end:     # no pause after the last byte: the body is done
                self.wfile.flush()
                delay = t0 + sent / f.throttle - time.monotonic()
                if delay > 0 and stopping.wait(delay):
                    return self._drop()
        if f.no_length:
            self.wfile.flush()
            self._drop()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client that hung up (cancel, timeout test) is normal here, not worth a traceback.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class LocalHTTPServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 (a free port), serving registered files."""

    def __init__(self, root: os.PathLike | str | None = None, port: int = 0, **root_faults) -> None:
        self.root = Path(root) if root else None
        self.root_faults = Faults(**root_faults)     # for files served from ``root`` (e.g. a throttle)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.requests: list[RequestRecord] = []
        self.active = 0          # bodies being sent right now
        self.max_active = 0      # the most sent at once (proves downloads ran in parallel)
        self._files: dict[str, _Entry] = {}
        self._httpd = _QuietServer(("127.0.0.1", port), _Handler)
        self._httpd.owner = self  # type: ignore[attr-defined]
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle ----------------------------------------------------------
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "LocalHTTPServer":
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="test-http", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "LocalHTTPServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- content ------------------------------------------------------------
    def url_for(self, name: str) -> str:
        return f"{self.url}/{quote(name.lstrip('/'))}"

    def add_file(self, name: str, data: bytes, **faults) -> str:
        """Serve ``data`` at ``/name``; return its URL."""
        return self._add(name, _Entry(data=bytes(data), faults=Faults(**faults)))

    def add_path(self, name: str, path: os.PathLike | str, **faults) -> str:
        """Serve a file on disk (no copy in memory: for large files)."""
        return self._add(name, _Entry(path=Path(path), faults=Faults(**faults)))

    def add_redirect(self, name: str, target: str) -> str:
        """``/name`` answers 302 to ``target`` (another served name, or a full URL)."""
        location = target if "://" in target else "/" + quote(target.lstrip("/"))
        return self._add(name, _Entry(redirect=location))

    def _add(self, name: str, entry: _Entry) -> str:
        with self.lock:
            self._files[name.lstrip("/")] = entry
        return self.url_for(name)

    def set_faults(self, name: str, **faults) -> None:
        """Replace the faults of a served file (all unnamed knobs back to normal)."""
        unknown = set(faults) - FAULT_NAMES
        if unknown:
            raise TypeError(f"unknown faults {sorted(unknown)}")
        with self.lock:
            entry = self._files[name.lstrip("/")]
            entry.faults = Faults(**faults)
            entry.fired.clear()

    def change_file(self, name: str, data: bytes) -> None:
        """A new version of the file: new bytes, new ETag, new Last-Modified."""
        with self.lock:
            entry = self._files[name.lstrip("/")]
            entry.data, entry.path = bytes(data), None
            entry.version += 1

    def entry(self, name: str) -> Optional[_Entry]:
        found = self._files.get(name)
        if found is None and self.root is not None:
            candidate = (self.root / name).resolve()
            if candidate.is_file() and self.root.resolve() in candidate.parents:
                found = self._files[name] = _Entry(path=candidate, faults=self.root_faults)
        return found

    # -- the request log ----------------------------------------------------
    def requests_for(self, name: str) -> list[RequestRecord]:
        name = name.lstrip("/")
        return [r for r in self.requests if r.path == name]

    def ranges_for(self, name: str) -> list[Optional[str]]:
        """The Range header of each GET of ``name`` (None where there was none)."""
        return [r.headers.get("range") for r in self.requests_for(name) if r.method == "GET"]


def _http_server():
    """A LocalHTTPServer for one test, stopped afterwards."""
    server = LocalHTTPServer().start()
    try:
        yield server
    finally:
        server.stop()


http_server = pytest.fixture(_http_server, name="http_server") if pytest else _http_server


if __name__ == "__main__":   # pragma: no cover - manual use
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=".")
    ap.add_argument("port", nargs="?", type=int, default=0)
    ap.add_argument("--throttle", type=int, default=None, help="bytes per second for every response")
    cli = ap.parse_args()
    folder = cli.folder
    srv = LocalHTTPServer(folder, port=cli.port, throttle=cli.throttle).start()
    print(f"Serving {folder} at {srv.url}/ (Ctrl+C stops)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        srv.stop()
