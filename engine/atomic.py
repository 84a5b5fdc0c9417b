"""Atomic outputs: write under a temporary name, rename when complete.

A crash, a cancel or a full disk never leaves a half-written file or folder
under its final name.
"""
from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


def _current_umask() -> int:
    # Read once at import: os.umask can only be read by setting it, which races other threads.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write_bytes(path: os.PathLike | str, data: bytes) -> None:
    with atomic_file(path) as f:
        f.write(data)
    _fsync_dir(Path(path).parent)


def atomic_write_text(path: os.PathLike | str, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def atomic_file(path: os.PathLike | str, mode: str = "wb") -> Iterator:
    """Open a temporary sibling of ``path`` for writing; renamed to ``path`` on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    # mkstemp makes 0600 files; give the output the permissions a plain open() would.
    os.chmod(tmp, 0o666 & ~_UMASK)
    try:
        with os.fdopen(fd, mode) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def check_writable(path: os.PathLike | str, what: str = "the output") -> None:
    """Raise a one-line UserError unless ``path`` (a file or folder to create) can be written.

    Probes with a temporary file in the nearest existing folder (removed at once), so a
    read-only disk, a folder without permission, a file in the way or a place such as
    /proc is named before any heavy work, in the words of :func:`user_error_from_os`.
    """
    from .errors import user_error_from_os
    from .i18n import tr

    target = Path(path).expanduser()
    try:
        folder = target.absolute().parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(folder))
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".alpaca-studio-write-test-"):
            pass
    except OSError as exc:
        raise user_error_from_os(exc, target, tr("write {what} to", what=what)) from None


# ---------------------------------------------------------------------------- partial folders and their locks
# atomic_dir builds ``.NAME.XXXX.partial`` next to NAME. While it is being built, the process holds an
# exclusive lock on ``.NAME.XXXX.partial.lock`` (created first, so a partial folder never exists unlocked
# while its writer lives). A process that is killed leaves both; the OS drops its lock, and the next
# run into the same folder finds them stale and removes them. A partial whose lock is held (a merge
# running now, in this or another process) is never touched.
PARTIAL_SUFFIX = ".partial"
LOCK_SUFFIX = ".lock"


class _Lock:
    """An exclusive, non-blocking lock on a file, held while the object is open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666 & ~_UMASK)
        try:
            if os.name == "nt":
                import msvcrt
                msvcrt.locking(self.fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.fd)
            raise

    def release(self, unlink: bool = True) -> None:
        if self.fd < 0:
            return
        if unlink:          # unlink while still locked: nobody can take a lock on a name about to vanish
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            if os.name == "nt":
                import msvcrt
                os.lseek(self.fd, 0, os.SEEK_SET)
                msvcrt.locking(self.fd, msvcrt.LK_UNLCK, 1)
        os.close(self.fd)
        self.fd = -1
        if unlink and os.name == "nt":
            with contextlib.suppress(OSError):
                os.unlink(self.path)


def _try_lock(path: Path) -> "_Lock | None":
    try:
        return _Lock(path)
    except OSError:
        return None


@dataclass(frozen=True)
class StalePartial:
    """A temporary output left behind by a run that did not finish (killed, crashed, power cut)."""

    path: Path
    bytes: int


def _tree_bytes(path: Path) -> int:
    if path.is_file():
        with contextlib.suppress(OSError):
            return path.stat().st_size
        return 0
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def stale_partials(path: os.PathLike | str) -> list[StalePartial]:
    """The partial folders for output ``path`` that no running process is building (read-only)."""
    path = Path(path).expanduser()
    parent = path.parent
    if not parent.is_dir():
        return []
    found = []
    try:
        candidates = sorted(parent.glob(f".{glob.escape(path.name)}.*{PARTIAL_SUFFIX}"))
    except OSError:
        return []
    for candidate in candidates:
        if not candidate.is_dir() or candidate.is_symlink():
            continue
        lock_path = candidate.with_name(candidate.name + LOCK_SUFFIX)
        if not lock_path.exists():      # its writer always has one: this is an old leftover
            found.append(StalePartial(candidate, _tree_bytes(candidate)))
            continue
        lock = _try_lock(lock_path)
        if lock is None:
            continue                    # being written right now
        try:
            if candidate.is_dir():      # it may have been renamed into place meanwhile
                found.append(StalePartial(candidate, _tree_bytes(candidate)))
        finally:
            lock.release(unlink=False)
    return found


def remove_stale_partials(path: os.PathLike | str) -> list[StalePartial]:
    """Remove what :func:`stale_partials` finds (and their lock files); return what was removed."""
    removed = []
    for item in stale_partials(path):
        lock = _try_lock(item.path.with_name(item.path.name + LOCK_SUFFIX))
        if lock is None:
            continue
        try:
            shutil.rmtree(item.path)
        except OSError:
            lock.release(unlink=False)
            continue
        lock.release(unlink=True)
        removed.append(item)
    return removed


@contextlib.contextmanager
def atomic_dir(path: os.PathLike | str, *, overwrite: bool = False) -> Iterator[Path]:
    """Build a folder under a temporary name next to ``path``; rename it into place at the end.

    On any exception (including ``Cancelled``) the temporary folder is removed
    and nothing appears under ``path``. If the process is killed, the partial
    folder stays behind unlocked: :func:`remove_stale_partials` finds it later.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        if any(path.iterdir()):
            raise FileExistsError(errno.EEXIST, "already exists and is not empty", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    # The lock file first (a unique name), then the folder named after it.
    fd, lock_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PARTIAL_SUFFIX + LOCK_SUFFIX, dir=path.parent)
    os.close(fd)
    lock = _Lock(Path(lock_name))
    tmp = Path(lock_name[: -len(LOCK_SUFFIX)])
    try:
        os.mkdir(tmp)
        # The finished output should have normal permissions.
        os.chmod(tmp, 0o777 & ~_UMASK)
    except BaseException:
        lock.release()
        raise
    try:
        yield tmp
        if path.exists():
            old = path.with_name(f".{path.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        lock.release()
