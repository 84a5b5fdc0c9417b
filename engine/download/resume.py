"""The resume protocol on disk: ``<dest>.part`` holds the bytes so far, ``<dest>.part.json``
the URL, size and validators (ETag / Last-Modified) they came with.

A later run (also after the app was killed) resumes only when the sidecar matches the
URL and size asked for; the server's answer is then checked against it (transfer.py).
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

from ..atomic import atomic_write_text

PART_SUFFIX = ".part"
SIDECAR_SUFFIX = ".part.json"
CORRUPT_SUFFIX = ".corrupt"


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
class Sidecar:
    url: str
    size: Optional[int] = None
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    bytes: int = 0

    @classmethod
    def load(cls, path: Path) -> Optional["Sidecar"]:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(url=str(raw["url"]), size=raw.get("size"), etag=raw.get("etag"),
                       last_modified=raw.get("last_modified"), bytes=int(raw.get("bytes", 0)))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, path: Path) -> None:
        atomic_write_text(path, json.dumps(asdict(self)))


def parse_content_range(value: str) -> tuple[Optional[int], Optional[int]]:
    """'bytes 100-199/1000' -> (100, 1000); 'bytes */1000' -> (None, 1000)."""
    try:
        unit, _, rest = value.strip().partition(" ")
        span, _, total = rest.partition("/")
        start = None if span == "*" else int(span.split("-")[0])
        return start, (None if total in ("", "*") else int(total))
    except ValueError:
        return None, None
