"""Free-space checks before heavy work: one message shape everywhere, naming the shortfall."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import UserError
from .i18n import tr
from .jobs import format_bytes


def existing_ancestor(path: os.PathLike | str) -> Path:
    """The folder itself, or its nearest parent that exists (outputs are often not created yet)."""
    path = Path(path).expanduser().absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def free_bytes(path: os.PathLike | str) -> int:
    return shutil.disk_usage(existing_ancestor(path)).free


def require_space(path: os.PathLike | str, needed: float, what: str, *,
                  hint: str | None = None) -> int:
    """Raise UserError unless ``path``'s disk has ``needed`` bytes free; return the free bytes."""
    where = existing_ancestor(path)
    free = free_bytes(where)      # the one free-space probe (tests simulate a small disk by replacing it)
    if needed > 0 and free < needed:
        raise UserError(
            tr("Not enough disk space for {what}: it needs {needed}, {free} is free on {where} (short by {short}).",
               what=what, needed=format_bytes(needed), free=format_bytes(free), where=where,
               short=format_bytes(needed - free)),
            tr("Free up space, or choose a folder on another disk.") if hint is None else hint)
    return free
