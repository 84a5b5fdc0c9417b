"""SHA256 of files with constant memory, reporting progress and honouring cancel."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .errors import UserError
from .jobs import CancelToken, NullReporter, ProgressReporter
from .i18n import tr

CHUNK = 4 * 1024 * 1024


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
    with open(path, "rb", buffering=0) as f:
        while True:
            cancel.check()
            n = f.readinto(buf)
            if not n:
                break
            h.update(view[:n])
            done += n
            progress.update(done)
    progress.update(done, force=True)
    return h.hexdigest()
