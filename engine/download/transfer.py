"""One file over HTTP: request (with Range/If-Range on resume), check each answer against the
.part, stream the body, retry transient trouble, verify and rename."""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import socket
import time
from pathlib import Path
from typing import TYPE_CHECKING, Optional
from urllib.parse import urlsplit

from ..diskspace import require_space
from ..errors import UserError
from ..hashing import CHUNK
from ..jobs import Cancelled, format_bytes
from .resume import CORRUPT_SUFFIX, Sidecar, parse_content_range, part_path, remove_partial, sidecar_path
from .spec import ChecksumMismatch, DownloadSpec
from .stream import FIRST_REQUEST, FLUSH_AFTER, _direct_socket, _Interrupter, _PartWriter, _use_waitall
from ..i18n import tr

if TYPE_CHECKING:  # pragma: no cover
    import httpx

    from .batch import Downloader

log = logging.getLogger("engine.download")

SIDECAR_INTERVAL = 2.0          # seconds between sidecar updates while streaming
PROGRESS_STEP = 1 << 20         # report at most once per MiB: the reporter's lock is not free
FATAL_STATUS = {401, 403, 404, 410}
MAX_BACKOFF = 60.0


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
                  hint=tr("Free up space, or choose a models folder on another disk in Settings."))


class Transfer:
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
        self.meta = Sidecar(url=spec.url, size=spec.size)

    # -- resume point -------------------------------------------------------
    def _load_partial(self) -> None:
        """Adopt a matching .part (hashing its bytes), or start clean."""
        meta = Sidecar.load(self.side) if self.part.is_file() else None
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
            self.meta = Sidecar(url=self.spec.url, size=self.spec.size)
            return
        if self.hasher is None:
            self.offset = size
            log.info("Resuming %s at %s", self.name, format_bytes(self.offset))
            return
        self.progress.update(0, size, unit="bytes", status=tr("Checking the partial download of {name}", name=self.name),
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
        self.meta = Sidecar(url=self.spec.url, size=self.spec.size)
        with open(self.part, "wb"):
            pass
        self.progress.update(0, status=tr("Downloading {name} (restarted: {why})", name=self.name, why=why), force=True)

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
                    tr("{name}: access denied on {host} (HTTP {code}).", name=self.name, host=host, code=code),
                    tr("The repository may not exist or may need a login: check the model id, "
                    "or switch the download source."))
            raise UserError(tr("{name}: not found on {host} (HTTP {code}).", name=self.name, host=host, code=code),
                            tr("Check the model id or the address, or switch the download source."))
        if code == 429 or code == 408 or code >= 500:
            retry_after = None
            try:
                retry_after = float(r.headers.get("Retry-After", ""))
            except ValueError:
                pass
            raise _Retry(f"the server is busy (HTTP {code})", retry_after)
        if code >= 400 and code != 416:
            raise UserError(tr("{name}: the server at {url} refused the download (HTTP {code}).", name=self.name, url=_host(str(r.url)), code=code),
                            tr("Check the address, or switch the download source."))

    def _accept_response(self, r: "httpx.Response") -> bool:
        """Line the response up with the .part; return True if the file is already complete."""
        etag, modified = r.headers.get("ETag"), r.headers.get("Last-Modified")
        if r.status_code == 416:
            _, total = parse_content_range(r.headers.get("Content-Range", ""))
            if self.offset and total == self.offset:
                return True
            self._restart("the server could not resume")
            raise _Retry("the server could not resume", retry_after=0)
        if r.status_code == 206:
            start, total = parse_content_range(r.headers.get("Content-Range", ""))
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
            raise UserError(tr("{name}: unexpected answer from {url} (HTTP {status_code}).", name=self.name, url=_host(str(r.url)), status_code=r.status_code),
                            tr("Check the address, or switch the download source."))
        if self.spec.size is not None and self.total is not None and self.total != self.spec.size:
            raise UserError(
                tr("{name}: the server offers {total} bytes, but {size} were expected.", name=self.name, total=f"{self.total:,}", size=f"{self.spec.size:,}"),
                tr("The source serves a different file: switch the download source or check the address."))
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
                raise UserError(tr("Cannot download {url}: {exc}.", url=self.spec.url, exc=exc), tr("Check the address.")) from None
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
            tr("The disk is full: {name} could not be written ({offset} of it are saved as {name2}).", name=self.name, offset=format_bytes(self.offset), name2=self.part.name),
            tr("Free up space, then download again: it resumes where it stopped."))

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
                        (tr("Downloading {name} from {url} failed after 1 attempt: {reason}.", name=self.name,
                            url=_host(self.spec.url), reason=exc.reason) if failures == 1 else
                         tr("Downloading {name} from {url} failed after {failures} attempts: {reason}.",
                            name=self.name, url=_host(self.spec.url), failures=failures, reason=exc.reason)),
                        tr("Check your network or proxy, or switch the download source; "
                        "run the download again to resume where it stopped.")) from None
                delay = exc.retry_after if exc.retry_after is not None else min(
                    self.dl.backoff * 2 ** (failures - 1), MAX_BACKOFF)
                delay = min(delay, MAX_BACKOFF)
                if delay > 0:
                    log.info("%s: %s; retrying in %.1f s (%d/%d)", self.name, exc.reason, delay,
                             failures, self.dl.retries)
                    self.progress.update(status=tr("{name}: {reason}; retrying in {delay} s ({failures}/{retries})", name=self.name, reason=exc.reason, delay=f"{delay:.0f}", failures=failures, retries=self.dl.retries))
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
        status = tr("Verified {name}", name=self.name) if self.spec.sha256 else tr("Downloaded {name}", name=self.name)
        self.progress.update(self.offset, self.offset, status=status, force=True)
        log.info("%s %s%s", verb, self.dest, f" (sha256 {actual})" if actual else "")
        return self.dest
