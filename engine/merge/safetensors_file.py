"""The safetensors format, read and written a tensor at a time.

The ``safetensors`` library memory-maps whole files on read and needs every
tensor of a file in memory on write.  A merge touches each tensor once, so here
reads are plain positioned reads into a fresh buffer (nothing stays resident
afterwards) and writes stream each tensor straight to disk after a header
computed up front from the planned shapes.  Peak memory is one tensor.
"""
from __future__ import annotations

import hashlib
import json
import math
import struct
from pathlib import Path

from ..checkpoint.safetensors import damaged, read_header

DTYPES = {  # safetensors name -> torch dtype name
    "F64": "float64", "F32": "float32", "F16": "float16", "BF16": "bfloat16",
    "I64": "int64", "I32": "int32", "I16": "int16", "I8": "int8", "U8": "uint8", "BOOL": "bool",
}
NAMES = {v: k for k, v in DTYPES.items()}
ITEM_SIZE = {"float64": 8, "float32": 4, "float16": 2, "bfloat16": 2, "int64": 8, "int32": 4,
             "int16": 2, "int8": 1, "uint8": 1, "bool": 1}


def torch_dtype(name: str):
    import torch
    return getattr(torch, name)


def dtype_name(dtype) -> str:
    return str(dtype).replace("torch.", "")


def nbytes(shape, dtype: str) -> int:
    return math.prod(shape) * ITEM_SIZE[dtype]


class SafetensorsReader:
    """Header parsed once; ``read(name)`` reads one tensor into its own memory."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        header = read_header(self.path)       # the one parser; a damaged file is a UserError naming it
        self.metadata = header.metadata
        self._entries = header.entries
        self._data_start = header.data_start
        self._file = None

    def keys(self) -> list[str]:
        return list(self._entries)

    def shape(self, name: str) -> tuple[int, ...]:
        return tuple(self._entries[name]["shape"])

    def dtype(self, name: str) -> str:
        return DTYPES[self._entries[name]["dtype"]]

    def read(self, name: str):
        import torch

        entry = self._entries[name]
        start, end = entry["data_offsets"]
        buf = torch.empty(end - start, dtype=torch.uint8)
        if self._file is None:
            self._file = open(self.path, "rb", buffering=0)
        self._file.seek(self._data_start + start)
        view = memoryview(buf.numpy())
        got = 0
        while got < len(view):
            n = self._file.readinto(view[got:])
            if not n:
                raise damaged(self.path, f"it ends inside tensor {name}")
            got += n
        return buf.view(torch_dtype(DTYPES[entry["dtype"]])).reshape(entry["shape"])

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def tensor_bytes(t) -> memoryview:
    """The raw little-endian bytes of a tensor, without a copy when it is contiguous."""
    import torch

    flat = t.detach().contiguous().reshape(-1)
    return memoryview(flat.view(torch.uint8).numpy())


class SafetensorsWriter:
    """Writes a safetensors file whose tensors (names, dtypes, shapes) are known in advance.

    The header goes first, then each tensor's bytes as it is produced, in the
    planned order; the SHA256 is computed on the way so the file is never re-read.
    """

    def __init__(self, path: Path, specs: list[tuple[str, str, tuple[int, ...]]],
                 metadata: dict | None = None) -> None:
        self.path = Path(path)
        header: dict = {"__metadata__": dict(metadata or {"format": "pt"})}
        offset = 0
        for name, dtype, shape in specs:
            size = nbytes(shape, dtype)
            header[name] = {"dtype": NAMES[dtype], "shape": list(shape), "data_offsets": [offset, offset + size]}
            offset += size
        raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
        raw += b" " * (-len(raw) % 8)   # the format wants the data 8-byte aligned
        self._pending = [(name, dtype, tuple(shape)) for name, dtype, shape in specs]
        self._next = 0
        self._hash = hashlib.sha256()
        self._file = open(self.path, "wb")
        self._emit(struct.pack("<Q", len(raw)) + raw)
        self.total_bytes = 8 + len(raw) + offset

    def _emit(self, data) -> None:
        self._hash.update(data)
        self._file.write(data)

    def write(self, name: str, tensor) -> None:
        want_name, want_dtype, want_shape = self._pending[self._next]
        got = (name, dtype_name(tensor.dtype), tuple(tensor.shape))
        if got != (want_name, want_dtype, want_shape):
            raise AssertionError(f"writer expected {(want_name, want_dtype, want_shape)}, got {got}")
        self._emit(tensor_bytes(tensor))
        self._next += 1

    def close(self) -> str:
        """Finish the file and return its SHA256."""
        if self._next != len(self._pending):
            raise AssertionError(f"{self.path.name}: {len(self._pending) - self._next} tensors not written")
        self._file.flush()
        self._file.close()
        return self._hash.hexdigest()

    def abort(self) -> None:
        self._file.close()
