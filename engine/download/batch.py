"""``Downloader``: one file or several at once (a concurrency limit, one summed progress)."""
from __future__ import annotations

import threading
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Iterable, Optional

from ..errors import UserError
from ..http import make_client
from ..jobs import Cancelled, CancelToken, NullReporter
from .resume import partial_bytes, remove_partial
from .spec import DownloadSpec
from .transfer import Transfer, _check_space
from ..i18n import tr


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
            raise UserError(tr("{name} appears twice in one download.", name=dup.name), tr("Give each file its own destination."))
        self._check_batch_space(specs)
        agg = _Aggregate(progress, specs)
        inner = _LinkedCancel(cancel)
        workers = min(self.concurrency, len(specs))
        sizes = [s.size for s in specs]
        progress.update(0, None if None in sizes else sum(sizes), unit="bytes",
                        status=tr("Downloading {specs} files", specs=len(specs)), force=True)

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
            return Transfer(self, client, spec, progress, cancel).run()
        except Cancelled:
            if discard_partial:
                remove_partial(spec.dest)
            raise
        except PermissionError as exc:
            raise UserError(tr("Cannot write {name} into {parent}: permission denied ({value}).", name=spec.dest.name, parent=spec.dest.parent, value=exc.filename or exc),
                            tr("Choose a folder you can write to (Settings → Models folder, or --dest).")) from None

    def _already_there(self, spec: DownloadSpec, progress, cancel) -> bool:
        """True if ``dest`` already holds the right file; a different file there is never overwritten."""
        dest = spec.dest
        if not dest.exists():
            return False
        if dest.is_dir():
            raise UserError(tr("{dest} is a folder.", dest=dest), tr("Choose a file name for the download."))
        size = dest.stat().st_size
        if spec.size is not None and size != spec.size:
            raise UserError(tr("{dest} already exists and is not the expected file ({size} bytes, expected {size2}).", dest=dest, size=f"{size:,}", size2=f"{spec.size:,}"),
                            tr("Move or delete it, then download again."))
        if spec.sha256:
            from ..hashing import sha256_file

            progress.update(0, size, unit="bytes", status=tr("Checking the existing {name}", name=dest.name), force=True)
            actual = sha256_file(dest, progress=progress, cancel=cancel)
            if actual != spec.sha256:
                raise UserError(tr("{dest} already exists and does not match the published SHA256 (expected {sha256}, got {actual}).", dest=dest, sha256=spec.sha256, actual=actual),
                                tr("Move or delete it, then download again."))
        progress.update(size, size, unit="bytes", status=tr("Already downloaded: {name}", name=dest.name), force=True)
        return True
