"""Tensor data from the checkpoint into the GGUF file with as few passes over memory as possible.

A safetensors tensor already in the output type is never copied by Python: its bytes
are mapped from the input file and handed to ``os.write`` (the kernel copies page
cache to page cache, the GIL released).  One that needs the q/k permutation or a cast
(float32 -> float16) is rearranged from the mapping into one reused buffer, so no
fresh memory is faulted in per tensor.  The next tensor's pages are requested
(``MADV_WILLNEED``) before the current one is written, so the disk reads ahead while
the kernel copies; used pages are dropped from the process (``MADV_DONTNEED``), which
keeps the resident size at about one tensor whatever the model size.  Other inputs
(pickles, Meta shards, quantized output types) go through ``TensorRef.read``.
"""
from __future__ import annotations

import mmap
import os
from pathlib import Path
from typing import Optional

import numpy as np

_NP = {"F16": np.float16, "F32": np.float32}
_PAGE = mmap.PAGESIZE
_MAX_WRITE = 1 << 30            # one os.write call: Linux caps a write at about 2 GiB
# No writeback hints on the output: on the 7B benchmark, starting writeback early (fadvise DONTNEED
# every 256 MB, as downloads do) was ~5 % slower than leaving it to the kernel.


def permute_rows(src: np.ndarray, n_head: int, out: np.ndarray) -> np.ndarray:
    """HF's q/k rows into llama.cpp's interleaved RoPE order, written into ``out`` (same shape)."""
    rows = src.shape[0]
    half = rows // n_head // 2
    rest = src.shape[1:]
    np.copyto(out.reshape(n_head, half, 2, *rest), src.reshape(n_head, 2, half, *rest).swapaxes(1, 2),
              casting="same_kind")
    return out


class _Mapped:
    """Read-only mappings of the input files, one per file, opened on first use."""

    def __init__(self) -> None:
        self._maps: dict[Path, mmap.mmap] = {}

    def get(self, path: Path) -> mmap.mmap:
        mm = self._maps.get(path)
        if mm is None:
            with open(path, "rb") as f:
                mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            self._maps[path] = mm
        return mm

    def advise(self, path: Path, offset: int, nbytes: int, advice: int) -> None:
        if not hasattr(mmap.mmap, "madvise") or nbytes <= 0:
            return
        mm = self.get(path)
        start = offset - offset % _PAGE
        end = min(len(mm), offset + nbytes)
        try:
            mm.madvise(advice, start, end - start)
        except (OSError, ValueError):
            pass       # advice only

    def close(self) -> None:
        for mm in self._maps.values():
            try:
                mm.close()
            except BufferError:    # a view is still alive somewhere: the GC closes it later
                pass
        self._maps.clear()


class TensorStream:
    """Appends the tensors of a planned GGUF to its file (after the header and tensor table)."""

    def __init__(self, path: Path, alignment: int) -> None:
        self.alignment = alignment
        self.fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        self.pos = os.lseek(self.fd, 0, os.SEEK_END)
        self._maps = _Mapped()
        self._scratch: Optional[np.ndarray] = None
        self._pad()

    # -- output -------------------------------------------------------------------------------------
    def _write(self, data) -> None:
        view = memoryview(data).cast("B")
        try:
            while view:
                n = os.write(self.fd, view[:_MAX_WRITE])
                view = view[n:]
                self.pos += n
        finally:
            view.release()

    def _pad(self) -> None:
        pad = -self.pos % self.alignment
        if pad:
            self._write(bytes(pad))

    def close(self) -> None:
        self._maps.close()
        os.close(self.fd)

    # -- one tensor ---------------------------------------------------------------------------------
    def prefetch(self, ref) -> None:
        """Ask the kernel to read a coming tensor's bytes while the current one is written."""
        if ref.file is not None:
            self._maps.advise(ref.file, ref.offset, ref.nbytes, getattr(mmap, "MADV_WILLNEED", 3))

    def direct(self, ref, out_dtype: str, heads: int) -> bool:
        """Whether ``ref`` can go through the mapping (safetensors F16/F32 into F16/F32)."""
        return ref.file is not None and ref.dtype in _NP and out_dtype in _NP and (
            ref.dtype == out_dtype or len(ref.shape) >= 1)

    def write_mapped(self, ref, out_dtype: str, heads: int) -> int:
        """Write a safetensors tensor from its mapping, permuted/cast as needed; return the bytes written."""
        mm = self._maps.get(ref.file)
        if ref.offset + ref.nbytes > len(mm):
            from ..checkpoint.safetensors import damaged
            raise damaged(ref.file, f"it ends inside tensor {ref.name}")
        if ref.dtype == out_dtype and not heads:
            view = memoryview(mm)[ref.offset:ref.offset + ref.nbytes]
            try:
                self._write(view)
            finally:
                view.release()
            written = ref.nbytes
        else:
            src = np.frombuffer(mm, dtype=_NP[ref.dtype], count=ref.nbytes // np.dtype(_NP[ref.dtype]).itemsize,
                                offset=ref.offset).reshape(ref.shape)
            out = self._buffer(src.size, _NP[out_dtype]).reshape(ref.shape)
            if heads:
                permute_rows(src, heads, out)
            else:
                np.copyto(out, src, casting="same_kind")
            del src
            self._write(out)
            written = out.nbytes
        self._maps.advise(ref.file, ref.offset, ref.nbytes, getattr(mmap, "MADV_DONTNEED", 4))
        self._pad()
        return written

    def write_array(self, arr: np.ndarray) -> int:
        arr = np.ascontiguousarray(arr)
        self._write(arr)
        self._pad()
        return arr.nbytes

    def _buffer(self, n: int, dtype) -> np.ndarray:
        need = n * np.dtype(dtype).itemsize
        if self._scratch is None or self._scratch.nbytes < need:
            self._scratch = np.empty(need, dtype=np.uint8)
        return self._scratch[:need].view(dtype)
