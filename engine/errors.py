"""Errors a person can act on: what went wrong, and what to do about it."""
from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Optional

from .i18n import Msg, tr


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
_PROBLEMS: dict[int, tuple[Msg, Msg]] = {
    errno.EACCES: (tr("permission denied"),
                   tr("Choose a folder you are allowed to write to (for example one in your home folder), "
                   "or change the permissions of {path}.")),
    errno.EPERM: (tr("the operating system does not allow it"),
                  tr("Choose a folder in your home folder or on a data disk.")),
    errno.EROFS: (tr("the disk it is on is read-only"),
                  tr("Choose a folder on a writable disk (a read-only mount, DVD or locked drive cannot hold it).")),
    errno.ENOSPC: (tr("the disk is full"),
                   tr("Free some space on that disk, or choose a folder on a disk with more free space.")),
    errno.EDQUOT: (tr("your disk quota is used up"),
                   tr("Delete files you no longer need, or choose a folder outside your quota.")),
    errno.EEXIST: (tr("something with that name already exists"),
                   tr("Choose another name, or move the existing {kind} out of the way.")),
    errno.ENOTDIR: (tr("a part of this path is a file, not a folder"),
                    tr("Choose another location, or rename the file that is in the way.")),
    errno.EISDIR: (tr("it is a folder, where a file is expected"),
                   tr("Give a file name (for example model.gguf) rather than a folder.")),
    errno.ENOENT: (tr("it, or a folder on the way to it, does not exist or cannot hold files"),
                   tr("Choose an existing folder on a normal disk.")),
    errno.ENAMETOOLONG: (tr("the name is too long for this file system"),
                         tr("Choose a shorter name, or a folder with a shorter path.")),
    errno.EMFILE: (tr("too many files are open"), tr("Close other programs or jobs and try again.")),
    errno.EIO: (tr("the disk reported a read/write error"),
                tr("Check the disk (and its cable or network connection), then try again.")),
}
if hasattr(errno, "ENOTEMPTY"):
    _PROBLEMS[errno.ENOTEMPTY] = (tr("the folder is not empty"),
                                  tr("Choose an empty or new folder, or remove what is in it."))


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


def _capitalized(message: Msg) -> Msg:
    """``message`` with its English text capitalized (the template is kept for translation)."""
    text = str(message)
    out = str.__new__(Msg, text[:1].upper() + text[1:])
    out.template, out.args = message.template, message.args
    return out


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
        fix = tr("Check the path and the disk, then try again.")
    kind = tr("folder") if shown and _is(Path(shown), "is_dir") else tr("file")
    if code == errno.EEXIST and shown and _is(Path(shown), "is_file"):
        problem = tr("there is a file with that name where a folder is needed")
    shown = _shorten(shown)
    fix = Msg(getattr(fix, "template", fix), {"path": shown or tr("it"), "kind": kind})
    if action and shown:
        message = tr("Cannot {action} {path}: {problem}.", action=action, path=shown, problem=problem)
    elif action:
        message = tr("Cannot {action}: {problem}.", action=action, problem=problem)
    elif shown:
        message = tr("{path}: {problem}.", path=shown, problem=problem)
    else:
        message = _capitalized(tr("{problem}.", problem=problem))
    err = UserError(message, fix)
    err.__cause__ = exc
    return err
