"""Free-space checks before heavy work: one message shape everywhere, naming the shortfall."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import UserError
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
                  hint: str = "Free up space, or choose a folder on another disk.") -> int:
    """Raise UserError unless ``path``'s disk has ``needed`` bytes free; return the free bytes."""
    where = existing_ancestor(path)
    free = free_bytes(where)      # the one free-space probe (tests simulate a small disk by replacing it)
    if needed > 0 and free < needed:
        raise UserError(
            f"Not enough disk space for {what}: it needs {format_bytes(needed)}, "
            f"{format_bytes(free)} is free on {where} (short by {format_bytes(needed - free)}).", hint)
    return free
