"""SHA256 of files with constant memory, reporting progress and honouring cancel."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator

from .errors import UserError
from .jobs import CancelToken, NullReporter, ProgressReporter
from .i18n import tr

CHUNK = 4 * 1024 * 1024


def read_chunks(path: os.PathLike | str, buffer: bytearray, cancel: CancelToken) -> Iterator[int]:
    """Read ``path`` into the reused ``buffer`` chunk by chunk (``cancel`` checked before each);
    yields each chunk's length."""
    with open(path, "rb", buffering=0) as f:
        while True:
            cancel.check()
            n = f.readinto(buffer)
            if not n:
                return
            yield n


def sha256_file(path: os.PathLike | str, *, progress: ProgressReporter | None = None,
                cancel: CancelToken | None = None, chunk_size: int = CHUNK) -> str:
    path = Path(path)
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(tr("File not found: {path}", path=path), tr("Check the path, or download the file again.")) from None
    if path.is_dir():
        raise UserError(tr("{path} is a folder, not a file.", path=path), tr("Pick a file, or verify the folder instead."))
    h = hashlib.sha256()
    done = 0
    progress.update(0, size, unit="bytes", status=tr("Hashing {name}", name=path.name))
    # readinto a reused buffer: no per-chunk allocation, so memory stays flat.
    buf = bytearray(chunk_size)
    view = memoryview(buf)
    for n in read_chunks(path, buf, cancel):
        h.update(view[:n])
        done += n
        progress.update(done)
    progress.update(done, force=True)
    return h.hexdigest()
