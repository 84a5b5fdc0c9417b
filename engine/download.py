"""Resumable, verified HTTP downloads: one engine for the GUI, the CLI and the tests.

A file is fetched into ``<dest>.part`` next to a small sidecar ``<dest>.part.json``
recording the URL, the size and the server's validators (ETag / Last-Modified).
A later run (also after the app was killed) resumes with ``Range`` + ``If-Range``;
a server that answers 200 instead of 206, or a sidecar for another URL, size or
validator, restarts from zero, so a resume never stitches two different files.

SHA256 is computed while the bytes stream in (on resume the bytes already in the
``.part`` are hashed first), so a 13 GB file is never read twice.  Only a whole
and verified file is renamed to its final name; a mismatch keeps the bad bytes
as ``<dest>.corrupt`` and raises :class:`ChecksumMismatch`.

Cancel keeps the ``.part`` (that is "pause"; the next download resumes);
``discard_partial=True`` or :func:`remove_partial` throws it away ("cancel").
"""
from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import queue
import socket
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional
from urllib.parse import quote, urlsplit

from .atomic import atomic_write_text
from .diskspace import require_space
from .errors import UserError
from .hashing import CHUNK
from .http import make_client
from .jobs import Cancelled, CancelToken, NullReporter, format_bytes

if TYPE_CHECKING:  # pragma: no cover
    import httpx

log = logging.getLogger(__name__)

SOURCE_HOSTS = {
    "hf": "https://huggingface.co",
    "hf-mirror": "https://hf-mirror.com",
    "modelscope": "https://modelscope.cn",
}
PART_SUFFIX = ".part"
SIDECAR_SUFFIX = ".part.json"
CORRUPT_SUFFIX = ".corrupt"
SIDECAR_INTERVAL = 2.0          # seconds between sidecar updates while streaming
PROGRESS_STEP = 1 << 20         # report at most once per MiB: the reporter's lock is not free
FLUSH_AFTER = 0.05              # seconds: on a slow link, hand over a part-filled buffer this often
FIRST_REQUEST = 64 << 10        # the first socket read of a body; later ones adapt to the link
POLL = 0.25                     # seconds: a blocking socket read returns at least this often
FATAL_STATUS = {401, 403, 404, 410}
MAX_BACKOFF = 60.0


def repo_file_url(source: str, repo: str, filename: str, *, endpoint: str | None = None,
                  revision: str = "main") -> str:
    """The URL of ``filename`` in ``repo`` on a download source.

    Hugging Face and hf-mirror share ``/{repo}/resolve/{revision}/{file}``;
    ModelScope serves ``/models/{repo}/resolve/{revision}/{file}`` with ``master``
    as its default branch.  ``endpoint`` replaces scheme and host (a private
    mirror, or a local test server).
    """
    if source not in SOURCE_HOSTS:
        raise UserError(f"Unknown download source {source!r}.",
                        f"Use one of: {', '.join(SOURCE_HOSTS)}.")
    if not repo or repo.count("/") != 1:
        raise UserError(f"{repo!r} is not a repository id.", "Use the form owner/name, e.g. hfl/chinese-alpaca-lora-7b.")
    base = (endpoint or SOURCE_HOSTS[source]).rstrip("/")
    path = quote(filename.lstrip("/"))
    if source == "modelscope":
        rev = "master" if revision == "main" else revision
        return f"{base}/models/{repo}/resolve/{quote(rev, safe='')}/{path}"
    return f"{base}/{repo}/resolve/{quote(revision, safe='')}/{path}"


@dataclass
class DownloadSpec:
    url: str
    dest: Path                    # final file path
    sha256: str | None = None     # published hash, verified while streaming
    size: int | None = None       # exact expected size, if known (checked against the server)

    def __post_init__(self) -> None:
        self.dest = Path(self.dest)
        if self.sha256:
            self.sha256 = self.sha256.strip().lower()
            if len(self.sha256) != 64 or any(c not in "0123456789abcdef" for c in self.sha256):
                raise UserError(f"{self.sha256!r} is not a SHA256 hash.",
                                "A SHA256 is 64 hexadecimal characters; copy it again from the publisher.")
        scheme = urlsplit(self.url).scheme
        if scheme not in ("http", "https"):
            raise UserError(f"Cannot download {self.url!r}: only http:// and https:// addresses work.",
                            "Copy the full address, starting with https://.")


class ChecksumMismatch(UserError):
    """The downloaded bytes do not hash to the published SHA256."""

    def __init__(self, path: Path, expected: str, actual: str, kept: Optional[Path] = None) -> None:
        self.path, self.expected, self.actual, self.kept = Path(path), expected, actual, kept
        kept_note = f" The bad copy was kept as {kept.name}." if kept else ""
        super().__init__(
            f"SHA256 mismatch for {self.path.name}: expected {expected}, got {actual}.",
            "The download was damaged or the source serves a different file. Download it again "
            f"(perhaps from another source); nothing was saved under {self.path.name}.{kept_note}")


# ----------------------------------------------------------------- partial files

def part_path(dest: os.PathLike | str) -> Path:
    dest = Path(dest)
    return dest.with_name(dest.name + PART_SUFFIX)


def sidecar_path(dest: os.PathLike | str) -> Path:
    dest = Path(dest)
    return dest.with_name(dest.name + SIDECAR_SUFFIX)


def partial_bytes(dest: os.PathLike | str) -> int:
    """Bytes already downloaded for ``dest`` (0 when nothing can be resumed): for "paused at 40 %"."""
    part, side = part_path(dest), sidecar_path(dest)
    if not (part.is_file() and side.is_file()):
        return 0
    return part.stat().st_size


def remove_partial(dest: os.PathLike | str) -> None:
    """Throw away a paused download of ``dest`` (never touches ``dest`` itself)."""
    for path in (part_path(dest), sidecar_path(dest)):
        try:
            path.unlink()
        except FileNotFoundError:
            pass


@dataclass
class _Sidecar:
    url: str
    size: Optional[int] = None
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    bytes: int = 0

    @classmethod
    def load(cls, path: Path) -> Optional["_Sidecar"]:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(url=str(raw["url"]), size=raw.get("size"), etag=raw.get("etag"),
                       last_modified=raw.get("last_modified"), bytes=int(raw.get("bytes", 0)))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, path: Path) -> None:
        atomic_write_text(path, json.dumps(asdict(self)))


# ----------------------------------------------------------------- errors used inside

class _Retry(Exception):
    """A failure worth another attempt (dropped connection, 5xx, timeout)."""

    def __init__(self, reason: str, retry_after: Optional[float] = None) -> None:
        super().__init__(reason)
        self.reason, self.retry_after = reason, retry_after


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _describe_transport_error(exc: Exception) -> str:
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return "the server stopped answering (timeout)"
    if isinstance(exc, httpx.ProxyError):
        return f"the proxy failed ({exc})"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect ({exc})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the connection was dropped"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _is_disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def _check_space(folder: Path, needed: int, what: str) -> None:
    """Fail before starting when the destination disk cannot hold ``needed`` more bytes."""
    require_space(folder, needed, what,
                  hint="Free up space, or choose a models folder on another disk in Settings.")


def _parse_content_range(value: str) -> tuple[Optional[int], Optional[int]]:
    """'bytes 100-199/1000' -> (100, 1000); 'bytes */1000' -> (None, 1000)."""
    try:
        unit, _, rest = value.strip().partition(" ")
        span, _, total = rest.partition("/")
        start = None if span == "*" else int(span.split("-")[0])
        return start, (None if total in ("", "*") else int(total))
    except ValueError:
        return None, None



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


# ----------------------------------------------------------------- one file

class _Transfer:
    """Downloads one spec into its .part, resuming and retrying; renames it when verified."""

    def __init__(self, dl: "Downloader", client: "httpx.Client", spec: DownloadSpec, progress, cancel) -> None:
        self.dl, self.client, self.spec = dl, client, spec
        self.progress, self.cancel = progress, cancel
        self.dest = spec.dest
        self.part, self.side = part_path(self.dest), sidecar_path(self.dest)
        self.name = self.dest.name
        self.offset = 0
        self.total: Optional[int] = spec.size
        # No published hash, nothing to compare: skip the CPU cost (and the re-hash on resume).
        self.hasher = hashlib.sha256() if spec.sha256 else None
        self.meta = _Sidecar(url=spec.url, size=spec.size)

    # -- resume point -------------------------------------------------------
    def _load_partial(self) -> None:
        """Adopt a matching .part (hashing its bytes), or start clean."""
        meta = _Sidecar.load(self.side) if self.part.is_file() else None
        usable = (meta is not None and meta.url == self.spec.url
                  and (self.spec.size is None or meta.size in (None, self.spec.size)))
        if not usable:
            if self.part.exists() or self.side.exists():
                log.info("Discarding a partial download of %s that belongs to another file", self.name)
            remove_partial(self.dest)
            return
        self.meta = meta
        self.total = self.spec.size or meta.size
        size = self.part.stat().st_size
        if self.total is not None and size > self.total:
            remove_partial(self.dest)
            self.meta = _Sidecar(url=self.spec.url, size=self.spec.size)
            return
        if self.hasher is None:
            self.offset = size
            log.info("Resuming %s at %s", self.name, format_bytes(self.offset))
            return
        self.progress.update(0, size, unit="bytes", status=f"Checking the partial download of {self.name}",
                             force=True)
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        with open(self.part, "rb", buffering=0) as f:
            while self.offset < size:
                self.cancel.check()
                n = f.readinto(buf)
                if not n:
                    break
                self.hasher.update(view[:n])
                self.offset += n
                self.progress.update(self.offset)
        log.info("Resuming %s at %s", self.name, format_bytes(self.offset))

    def _restart(self, why: str) -> None:
        log.info("Restarting %s from zero: %s", self.name, why)
        self.offset = 0
        self.hasher = hashlib.sha256() if self.spec.sha256 else None
        self.meta = _Sidecar(url=self.spec.url, size=self.spec.size)
        with open(self.part, "wb"):
            pass
        self.progress.update(0, status=f"Downloading {self.name} (restarted: {why})", force=True)

    # -- one HTTP attempt ---------------------------------------------------
    def _request_headers(self) -> dict:
        if self.offset <= 0:
            return {}
        headers = {"Range": f"bytes={self.offset}-"}
        # If-Range: the server sends the whole new file (200) if it changed since.
        if self.meta.etag and not self.meta.etag.startswith("W/"):
            headers["If-Range"] = self.meta.etag
        elif self.meta.last_modified:
            headers["If-Range"] = self.meta.last_modified
        return headers

    def _check_status(self, r: "httpx.Response") -> None:
        code = r.status_code
        if code in FATAL_STATUS:
            host = _host(str(r.url))
            if code in (401, 403):
                raise UserError(
                    f"{self.name}: access denied on {host} (HTTP {code}).",
                    "The repository may not exist or may need a login: check the model id, "
                    "or switch the download source.")
            raise UserError(f"{self.name}: not found on {host} (HTTP {code}).",
                            "Check the model id or the address, or switch the download source.")
        if code == 429 or code == 408 or code >= 500:
            retry_after = None
            try:
                retry_after = float(r.headers.get("Retry-After", ""))
            except ValueError:
                pass
            raise _Retry(f"the server is busy (HTTP {code})", retry_after)
        if code >= 400 and code != 416:
            raise UserError(f"{self.name}: the server at {_host(str(r.url))} refused the download (HTTP {code}).",
                            "Check the address, or switch the download source.")

    def _accept_response(self, r: "httpx.Response") -> bool:
        """Line the response up with the .part; return True if the file is already complete."""
        etag, modified = r.headers.get("ETag"), r.headers.get("Last-Modified")
        if r.status_code == 416:
            _, total = _parse_content_range(r.headers.get("Content-Range", ""))
            if self.offset and total == self.offset:
                return True
            self._restart("the server could not resume")
            raise _Retry("the server could not resume", retry_after=0)
        if r.status_code == 206:
            start, total = _parse_content_range(r.headers.get("Content-Range", ""))
            changed = (self.meta.etag and etag and etag != self.meta.etag) or (
                not self.meta.etag and self.meta.last_modified and modified and modified != self.meta.last_modified)
            if start != self.offset or changed:
                why = "the file changed on the server" if changed else "the server resumed at the wrong place"
                self._restart(why)
                raise _Retry(why, retry_after=0)
            if total is not None:
                self.total = total
        elif r.status_code == 200:
            if self.offset:
                self._restart("the server does not support resuming, or the file changed")
            length = r.headers.get("Content-Length")
            self.total = int(length) if length and length.isdigit() else self.spec.size
        else:
            raise UserError(f"{self.name}: unexpected answer from {_host(str(r.url))} (HTTP {r.status_code}).",
                            "Check the address, or switch the download source.")
        if self.spec.size is not None and self.total is not None and self.total != self.spec.size:
            raise UserError(
                f"{self.name}: the server offers {self.total:,} bytes, but {self.spec.size:,} were expected.",
                "The source serves a different file: switch the download source or check the address.")
        if self.offset == 0:
            self.meta.etag, self.meta.last_modified = etag, modified
        self.meta.size = self.total
        if self.total is not None:
            _check_space(self.dest.parent, self.total - self.offset, self.name)
        return False

    def _attempt(self) -> None:
        """One request; streams into the .part.  Raises _Retry for transient trouble."""
        import httpx

        start_offset = self.offset
        try:
            with self.client.stream("GET", self.spec.url, headers=self._request_headers()) as r:
                self._check_status(r)
                if self._accept_response(r):
                    return
                self._save_meta(self.offset)
                self.interrupter.watch(r)
                try:
                    self._stream_body(r)
                finally:
                    self.interrupter.unwatch()
        except httpx.TransportError as exc:
            self.cancel.check()     # a read cut short by a cancel is a cancel, not a network error
            if isinstance(exc, httpx.UnsupportedProtocol):
                raise UserError(f"Cannot download {self.spec.url}: {exc}.", "Check the address.") from None
            raise _Retry(_describe_transport_error(exc)) from exc
        finally:
            self.made_progress = self.offset > start_offset
        if self.total is not None and self.offset < self.total:
            raise _Retry("the connection closed early")

    def _stream_body(self, r: "httpx.Response") -> None:
        status = f"Downloading {self.name}"
        self.progress.update(self.offset, self.total, unit="bytes", status=status, force=True)
        self._reported = self.offset
        self._last_save = self._last_report = time.monotonic()
        length = r.headers.get("Content-Length")
        length = int(length) if length and length.isdigit() else None
        end = None if length is None else self.offset + length
        sock = None
        if end is not None and (self.total is None or end <= self.total):
            sock = _direct_socket(r, length)
        overrun = False
        fd = os.open(self.part, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        if os.fstat(fd).st_size != self.offset:
            # Drop bytes past the hashed prefix (never stitch).  Only when there are some:
            # on ext4 a truncate can make close() flush the whole file (auto_da_alloc).
            os.ftruncate(fd, self.offset)
        os.lseek(fd, self.offset, os.SEEK_SET)
        writer = _PartWriter(fd, self.hasher, self.offset)
        self._writer = writer
        body = r.iter_raw()   # held: dropping the generator would close the connection under us
        try:
            for chunk in body:
                self.cancel.check()
                writer.put(chunk)
                self.offset += len(chunk)
                if self.total is not None and self.offset > self.total:
                    overrun = True
                    break
                self._tick()
                if sock is not None and self.offset < end:
                    break     # what the parser had buffered is in; the rest comes straight from the socket
            if sock is not None and not overrun and self.offset < end:
                self._read_socket(sock, writer, end)
        finally:
            body.close()
            write_error = writer.close()
            os.close(fd)
            self.offset = writer.written
            if self.total is None or self.offset < self.total:   # complete: _finish removes it
                try:
                    self.meta.bytes = self.offset
                    self.meta.save(self.side)
                except OSError:
                    pass      # best effort: the .part's own size is what a resume trusts
            if write_error is not None:
                if _is_disk_full(write_error):
                    raise self._disk_full() from None
                raise write_error
        if overrun:
            self._restart("the server sent more bytes than announced")
            raise _Retry("the server sent more bytes than announced", retry_after=0)
        self.progress.update(self.offset, self.total, force=True)

    def _read_socket(self, sock, writer: _PartWriter, end: int) -> None:
        """Read the body up to file offset ``end`` from the socket into the writer's buffers.

        Each buffer gets one read request, sized so that it arrives within about
        FLUSH_AFTER (it grows to a whole buffer on a fast link and shrinks on a slow
        one): progress, pause and the sidecar never wait long for a buffer to fill.
        Where the socket allows, the request is one blocking MSG_WAITALL call, cut
        short after POLL on a link that slows down: the GIL stays released for all
        of it, so the write and hash threads never queue for it (with a recv per few
        KiB they lost up to a switch interval, 5 ms, per buffer).
        """
        read_timeout = self.client.timeout.read
        waitall = _use_waitall(sock, read_timeout)
        flags = socket.MSG_WAITALL if waitall else 0
        ask = FIRST_REQUEST
        last_data = time.monotonic()
        while self.offset < end:
            self.cancel.check()
            buf = writer.take()
            view = memoryview(buf)
            want = min(len(buf), ask, end - self.offset)
            filled, eof = 0, False
            started = time.monotonic()
            try:
                while filled < want:
                    try:
                        n = sock.recv_into(view[filled:want], want - filled, flags)
                    except BlockingIOError:            # a POLL went by without a byte
                        if read_timeout is not None and time.monotonic() - last_data >= read_timeout:
                            raise TimeoutError from None
                        if filled:
                            break
                        self.cancel.check()
                        continue
                    if not n:
                        eof = True
                        break
                    filled += n
                    last_data = time.monotonic()
                    if last_data - started >= FLUSH_AFTER:
                        break
            except OSError as exc:     # timeouts, resets, TLS errors; a cancel shuts the socket down
                self.cancel.check()
                raise _Retry("the server stopped answering (timeout)" if isinstance(exc, TimeoutError)
                             else "the connection was dropped") from exc
            finally:
                view.release()
                writer.give(buf, filled)   # what arrived is kept, also when the read failed
                self.offset += filled
            if eof:
                self.cancel.check()
                return                      # the caller retries what is missing
            elapsed = time.monotonic() - started
            if filled == want and elapsed < FLUSH_AFTER / 4:
                ask = min(ask * 2, len(buf))
            elif elapsed > FLUSH_AFTER:
                ask = max(ask // 2, FIRST_REQUEST)
            self._tick()

    def _tick(self) -> None:
        """Progress (at most every MiB or 0.1 s) and, every few seconds, the sidecar."""
        now = time.monotonic()
        if self.offset - self._reported >= PROGRESS_STEP or now - self._last_report >= 0.1:
            self._reported, self._last_report = self.offset, now
            self.progress.update(self.offset)
            if now - self._last_save >= SIDECAR_INTERVAL:
                self._last_save = now
                self._save_meta(self._writer.written)

    def _disk_full(self) -> UserError:
        return UserError(
            f"The disk is full: {self.name} could not be written "
            f"({format_bytes(self.offset)} of it are saved as {self.part.name}).",
            "Free up space, then download again: it resumes where it stopped.")

    def _save_meta(self, nbytes: int) -> None:
        self.meta.bytes = nbytes
        try:
            self.meta.save(self.side)
        except OSError as exc:
            if _is_disk_full(exc):
                raise self._disk_full() from None
            raise

    # -- the whole file -----------------------------------------------------
    def run(self) -> Path:
        self.interrupter = _Interrupter(self.cancel)
        try:
            return self._run()
        finally:
            self.interrupter.close()

    def _run(self) -> Path:
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        self._load_partial()
        if self.total is not None:
            _check_space(self.dest.parent, self.total - self.offset, self.name)
        failures = 0
        while True:
            self.cancel.check()
            self.made_progress = False
            try:
                self._attempt()
                break
            except _Retry as exc:
                if self.made_progress:
                    failures = 0
                failures += 1
                if failures > self.dl.retries:
                    raise UserError(
                        f"Downloading {self.name} from {_host(self.spec.url)} failed after "
                        f"{failures} attempt{'s' if failures != 1 else ''}: {exc.reason}.",
                        "Check your network or proxy, or switch the download source; "
                        "run the download again to resume where it stopped.") from None
                delay = exc.retry_after if exc.retry_after is not None else min(
                    self.dl.backoff * 2 ** (failures - 1), MAX_BACKOFF)
                delay = min(delay, MAX_BACKOFF)
                if delay > 0:
                    log.info("%s: %s; retrying in %.1f s (%d/%d)", self.name, exc.reason, delay,
                             failures, self.dl.retries)
                    self.progress.update(status=f"{self.name}: {exc.reason}; retrying in {delay:.0f} s "
                                                f"({failures}/{self.dl.retries})")
                    if self.cancel.wait(delay):
                        raise Cancelled("cancelled by user")
        return self._finish()

    def _finish(self) -> Path:
        fd = os.open(self.part, os.O_RDONLY)
        try:
            os.fsync(fd)     # the bytes are on disk before the final name points at them
        finally:
            os.close(fd)
        actual = self.hasher.hexdigest() if self.hasher is not None else None
        if self.spec.sha256 and actual != self.spec.sha256:
            kept = self.dest.with_name(self.dest.name + CORRUPT_SUFFIX)
            os.replace(self.part, kept)
            remove_partial(self.dest)
            raise ChecksumMismatch(self.dest, self.spec.sha256, actual, kept)
        os.replace(self.part, self.dest)
        remove_partial(self.dest)
        verb = "Verified" if self.spec.sha256 else "Downloaded"
        self.progress.update(self.offset, self.offset, status=f"{verb} {self.name}", force=True)
        log.info("%s %s%s", verb, self.dest, f" (sha256 {actual})" if actual else "")
        return self.dest


# ----------------------------------------------------------------- several files

class _LinkedCancel(CancelToken):
    """Cancelled when its parent is, or on its own (one file of a batch failed)."""

    def __init__(self, parent: CancelToken) -> None:
        super().__init__()
        self._parent = parent

    @property
    def cancelled(self) -> bool:
        return self._parent.cancelled or super().cancelled

    def check(self) -> None:
        self._parent.check()
        super().check()

    def wait(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while not self.cancelled:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            super().wait(min(left, 0.05))
        return True


class _Aggregate:
    """Sums the byte progress of several concurrent files into one reporter (rate and ETA included)."""

    def __init__(self, parent, specs: list[DownloadSpec]) -> None:
        self._parent = parent
        self._lock = threading.Lock()
        self._done = [0] * len(specs)
        self._total: list[Optional[int]] = [s.size for s in specs]
        self._finished = 0
        self._n = len(specs)

    def reporter(self, index: int) -> "_FileReporter":
        return _FileReporter(self, index)

    def _update(self, index: int, done, total, status) -> None:
        with self._lock:   # serialised: the parent must never see the sum go backwards by a race
            if done is not None:
                self._done[index] = done
            if total is not None:
                self._total[index] = int(total)
            known = None if any(t is None for t in self._total) else sum(self._total)
            line = None
            if status is not None:
                line = f"{self._finished}/{self._n} files done · {status}"
            self._parent.update(sum(self._done), known, status=line, unit="bytes")

    def file_done(self, index: int) -> None:
        with self._lock:
            self._finished += 1
            if self._total[index] is None:
                self._total[index] = self._done[index]


class _FileReporter:
    """The ProgressReporter interface, for one file of a batch."""

    def __init__(self, agg: _Aggregate, index: int) -> None:
        self._agg, self._index = agg, index
        self._done = 0.0
        self._checking = False

    def update(self, done=None, total=None, *, status=None, unit=None, advance=0, force=False) -> None:
        if status is not None:
            # Hashing an existing file is not download progress: keep it out of the byte sum.
            self._checking = status.startswith("Checking")
        if self._checking:
            if status is not None:
                self._agg._update(self._index, None, None, status)
            return
        self._done = self._done + advance if done is None else done
        self._agg._update(self._index, self._done, total, status)

    def status(self, text: str) -> None:
        self.update(status=text)


# ----------------------------------------------------------------- public API

class Downloader:
    """Downloads files over HTTP(S) with resume, retries, verification and a concurrency limit."""

    def __init__(self, *, proxy: str = "", timeout: float = 30, retries: int = 5, concurrency: int = 3,
                 backoff: float = 1.0) -> None:
        self.proxy = proxy
        self.timeout = timeout
        self.retries = max(0, int(retries))
        self.concurrency = max(1, int(concurrency))
        self.backoff = max(0.0, float(backoff))

    @classmethod
    def from_settings(cls, settings, **kw) -> "Downloader":
        return cls(proxy=settings.proxy, **kw)

    def _client(self, connections: int = 2):
        return make_client(proxy=self.proxy, timeout=self.timeout, max_connections=connections)

    def download(self, spec: DownloadSpec, *, progress=None, cancel: Optional[CancelToken] = None,
                 discard_partial: bool = False) -> Path:
        """Download one file to ``spec.dest``; return the path.  See the module doc for the rules."""
        progress = progress or NullReporter()
        cancel = cancel or CancelToken()
        with self._client() as client:
            return self._download(client, spec, progress, cancel, discard_partial)

    def download_many(self, specs: Iterable[DownloadSpec], *, progress=None,
                      cancel: Optional[CancelToken] = None, discard_partial: bool = False) -> list[Path]:
        """Download several files, ``concurrency`` at a time; progress is the byte sum of all.

        The first failure stops the others (their .part files stay for a resume) and is raised.
        """
        specs = list(specs)
        progress = progress or NullReporter()
        cancel = cancel or CancelToken()
        if not specs:
            return []
        dests = [s.dest.resolve() for s in specs]
        if len(set(dests)) != len(dests):
            dup = next(d for d in dests if dests.count(d) > 1)
            raise UserError(f"{dup.name} appears twice in one download.", "Give each file its own destination.")
        self._check_batch_space(specs)
        agg = _Aggregate(progress, specs)
        inner = _LinkedCancel(cancel)
        workers = min(self.concurrency, len(specs))
        sizes = [s.size for s in specs]
        progress.update(0, None if None in sizes else sum(sizes), unit="bytes",
                        status=f"Downloading {len(specs)} files", force=True)

        def one(index: int) -> Path:
            path = self._download(client, specs[index], agg.reporter(index), inner, discard_partial)
            agg.file_done(index)
            return path

        with self._client(workers + 1) as client, ThreadPoolExecutor(workers, "download") as pool:
            futures = [pool.submit(one, i) for i in range(len(specs))]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            if any(f.exception() is not None for f in done):
                inner.cancel()
                wait(futures)
        errors = [f.exception() for f in futures if f.exception() is not None]
        real = [e for e in errors if not isinstance(e, Cancelled)]
        if real:
            raise real[0]
        if errors:
            raise errors[0]
        return [f.result() for f in futures]

    # -- internals ----------------------------------------------------------
    def _check_batch_space(self, specs: list[DownloadSpec]) -> None:
        by_disk: dict[int, tuple[Path, int]] = {}
        for s in specs:
            if s.size is None or s.dest.exists():
                continue
            folder = s.dest.parent
            probe = folder
            while not probe.exists() and probe.parent != probe:
                probe = probe.parent
            dev = probe.stat().st_dev
            prev = by_disk.get(dev, (folder, 0))
            by_disk[dev] = (prev[0], prev[1] + s.size - partial_bytes(s.dest))
        for folder, needed in by_disk.values():
            _check_space(folder, needed, f"{len(specs)} files")

    def _download(self, client, spec: DownloadSpec, progress, cancel, discard_partial: bool) -> Path:
        if self._already_there(spec, progress, cancel):
            return spec.dest
        try:
            return _Transfer(self, client, spec, progress, cancel).run()
        except Cancelled:
            if discard_partial:
                remove_partial(spec.dest)
            raise
        except PermissionError as exc:
            raise UserError(f"Cannot write {spec.dest.name} into {spec.dest.parent}: permission denied "
                            f"({exc.filename or exc}).",
                            "Choose a folder you can write to (Settings → Models folder, or --dest).") from None

    def _already_there(self, spec: DownloadSpec, progress, cancel) -> bool:
        """True if ``dest`` already holds the right file; a different file there is never overwritten."""
        dest = spec.dest
        if not dest.exists():
            return False
        if dest.is_dir():
            raise UserError(f"{dest} is a folder.", "Choose a file name for the download.")
        size = dest.stat().st_size
        if spec.size is not None and size != spec.size:
            raise UserError(f"{dest} already exists and is not the expected file "
                            f"({size:,} bytes, expected {spec.size:,}).",
                            "Move or delete it, then download again.")
        if spec.sha256:
            from .hashing import sha256_file

            progress.update(0, size, unit="bytes", status=f"Checking the existing {dest.name}", force=True)
            actual = sha256_file(dest, progress=progress, cancel=cancel)
            if actual != spec.sha256:
                raise UserError(f"{dest} already exists and does not match the published SHA256 "
                                f"(expected {spec.sha256}, got {actual}).",
                                "Move or delete it, then download again.")
        progress.update(size, size, unit="bytes", status=f"Already downloaded: {dest.name}", force=True)
        return True
