"""The safetensors header: 8 bytes of length, then JSON naming each tensor's dtype, shape and offsets.

One parser for merge, convert and the library.  A file cut short or overwritten
(an interrupted copy, a download saved under the final name by another tool) is
named, with what to do, instead of surfacing a JSON parser's message.
"""
from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..i18n import tr

MAX_HEADER = 100 * 1024 * 1024      # the format's own limit


@dataclass
class SafetensorsHeader:
    path: Path
    entries: dict                    # tensor name -> {"dtype", "shape", "data_offsets"}
    metadata: dict = field(default_factory=dict)
    data_start: int = 0              # file offset of the first tensor byte

    def keys(self) -> list[str]:
        return list(self.entries)

    def shape(self, name: str) -> tuple[int, ...]:
        return tuple(self.entries[name]["shape"])

    def dtype(self, name: str) -> str:
        """The format's own dtype name (F16, BF16, F32...)."""
        return self.entries[name]["dtype"]

    def span(self, name: str) -> tuple[int, int]:
        """(absolute file offset, byte count) of a tensor's data."""
        start, end = self.entries[name]["data_offsets"]
        return self.data_start + start, end - start


def damaged(path: os.PathLike | str, what: str) -> UserError:
    """The one message for a checkpoint file that is not whole."""
    path = Path(path)
    return UserError(f"{path} is damaged or incomplete ({what}).",
                     "Download or copy it again, then check it with 'python main.py verify'.")


def read_header(path: os.PathLike | str) -> SafetensorsHeader:
    """Parse the header of a safetensors file; a damaged one is a UserError that names the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(8)
            if len(head) != 8:
                raise damaged(path, f"{len(head)} bytes, too short for a safetensors file")
            (n,) = struct.unpack("<Q", head)
            if n > MAX_HEADER or 8 + n > size:
                raise damaged(path, f"the header claims {n:,} bytes but the file has {size:,}")
            raw = f.read(n)
    except OSError as exc:
        from ..errors import user_error_from_os
        raise user_error_from_os(exc, path, tr("read")) from None
    try:
        header = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise damaged(path, "its header is not valid JSON: the file was cut short or overwritten") from None
    if not isinstance(header, dict):
        raise damaged(path, "its header is not a table of tensors")
    metadata = header.pop("__metadata__", None) or {}
    data_len = size - 8 - n
    for name, info in header.items():
        try:
            start, end = info["data_offsets"]
            info["shape"], info["dtype"]
        except (KeyError, TypeError, ValueError):
            raise damaged(path, f"tensor {name} has no dtype, shape or offsets") from None
        if not 0 <= start <= end <= data_len:
            raise damaged(path, f"tensor {name} ends at byte {8 + n + end:,} but the file has {size:,}")
    return SafetensorsHeader(path, header, metadata, 8 + n)
