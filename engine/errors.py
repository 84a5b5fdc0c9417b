"""Errors a person can act on: what went wrong, and what to do about it."""
from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Optional


class UserError(Exception):
    """A failure caused by the input or the environment, with a suggested fix.

    ``str(err)`` is one readable line for the CLI; the GUI shows ``message``
    and ``hint`` separately.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


# Our own temporary names (engine/atomic.py, convert, quantize, downloads): ``.NAME.XXXX.partial``,
# ``.NAME.XXXX.tmp``, ``.NAME.partial``, ``NAME.part``. The user never chose them, so a message
# names the output they stand for (NAME) instead.
_TEMP_NAME = re.compile(r"^\.(?P<dot>.+?)(\.[A-Za-z0-9_]{6,12})?\.(partial|tmp|old)(\.lock)?$|^(?P<part>.+)\.part$")

# errno -> (what is wrong, what to do). {path} is filled in.
_PROBLEMS: dict[int, tuple[str, str]] = {
    errno.EACCES: ("permission denied",
                   "Choose a folder you are allowed to write to (for example one in your home folder), "
                   "or change the permissions of {path}."),
    errno.EPERM: ("the operating system does not allow it",
                  "Choose a folder in your home folder or on a data disk."),
    errno.EROFS: ("the disk it is on is read-only",
                  "Choose a folder on a writable disk (a read-only mount, DVD or locked drive cannot hold it)."),
    errno.ENOSPC: ("the disk is full",
                   "Free some space on that disk, or choose a folder on a disk with more free space."),
    errno.EDQUOT: ("your disk quota is used up",
                   "Delete files you no longer need, or choose a folder outside your quota."),
    errno.EEXIST: ("something with that name already exists",
                   "Choose another name, or move the existing {kind} out of the way."),
    errno.ENOTDIR: ("a part of this path is a file, not a folder",
                    "Choose another location, or rename the file that is in the way."),
    errno.EISDIR: ("it is a folder, where a file is expected",
                   "Give a file name (for example model.gguf) rather than a folder."),
    errno.ENOENT: ("it, or a folder on the way to it, does not exist or cannot hold files",
                   "Choose an existing folder on a normal disk."),
    errno.ENAMETOOLONG: ("the name is too long for this file system",
                         "Choose a shorter name, or a folder with a shorter path."),
    errno.EMFILE: ("too many files are open", "Close other programs or jobs and try again."),
    errno.EIO: ("the disk reported a read/write error",
                "Check the disk (and its cable or network connection), then try again."),
}
if hasattr(errno, "ENOTEMPTY"):
    _PROBLEMS[errno.ENOTEMPTY] = ("the folder is not empty",
                                  "Choose an empty or new folder, or remove what is in it.")


def _shown_path(exc: OSError, path: Optional[os.PathLike | str]) -> str:
    """The path to name: the caller's (what the user typed) when given, else the error's own,
    with our hidden temporary names replaced by the folder they are in."""
    if path is not None and str(path):
        return str(path)
    name = exc.filename if exc.filename is not None else exc.filename2
    if name is None:
        return ""
    p = Path(os.fsdecode(name))
    for i, part in enumerate(p.parts):
        m = _TEMP_NAME.match(part)
        if m:
            return str(Path(*p.parts[:i], m.group("dot") or m.group("part")))
    return str(p)


def _is(path: Path, test: str) -> bool:
    try:
        return bool(getattr(path, test)())
    except (OSError, ValueError):     # a name too long, a NUL byte: it is not one
        return False


def _shorten(text: str, limit: int = 160) -> str:
    """Keep a message one readable line: the start and the end of a very long path."""
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return text[:keep] + "…" + text[-keep:]


def user_error_from_os(exc: OSError, path: Optional[os.PathLike | str] = None,
                       action: str = "") -> UserError:
    """One readable line for an operating-system error: the path, what is wrong, the fix.

    ``path`` is the path the user chose (the error's own file name otherwise) and
    ``action`` what was being done ("write the merged model to"), e.g.::

        Cannot write the merged model to /mnt/cdrom/out: the disk it is on is read-only. Choose ...
    """
    shown = _shown_path(exc, path)
    code = exc.errno
    if code in _PROBLEMS:
        problem, fix = _PROBLEMS[code]
    else:
        problem = (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
        problem = problem[0].lower() + problem[1:] if problem else problem
        fix = "Check the path and the disk, then try again."
    kind = "folder" if shown and _is(Path(shown), "is_dir") else "file"
    if code == errno.EEXIST and shown and _is(Path(shown), "is_file"):
        problem = "there is a file with that name where a folder is needed"
    shown = _shorten(shown)
    fix = fix.format(path=shown or "it", kind=kind)
    if action and shown:
        message = f"Cannot {action} {shown}: {problem}."
    elif action:
        message = f"Cannot {action}: {problem}."
    elif shown:
        message = f"{shown}: {problem}."
    else:
        message = f"{problem[0].upper()}{problem[1:]}."
    err = UserError(message, fix)
    err.__cause__ = exc
    return err
