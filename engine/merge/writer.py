"""Merged-model outputs, written as the tensors are produced.

- ``HFWriter``: safetensors shards (``model-0000K-of-0000N.safetensors`` + index, or
  one ``model.safetensors``), streamed tensor by tensor.
- ``PthWriter``: Meta ``consolidated.NN.pth`` with upstream's sharding.  Pieces are
  streamed to one raw file per shard, then each shard is saved with ``torch.save``
  from memory-mapped views of its raw file, so memory never holds a shard.
"""
from __future__ import annotations

import hashlib
import json
import math
import mmap
import os
from pathlib import Path

from . import meta
from .inputs import madvise_dontneed
from .safetensors_file import SafetensorsWriter, nbytes, tensor_bytes, torch_dtype
from ..i18n import tr

Spec = tuple[str, str, tuple[int, ...]]   # key, dtype name, shape


def plan_shards(specs: list[Spec], shard_bytes: int) -> list[list[Spec]]:
    shards: list[list[Spec]] = [[]]
    size = 0
    for spec in specs:
        n = nbytes(spec[2], spec[1])
        if shards[-1] and size + n > shard_bytes:
            shards.append([])
            size = 0
        shards[-1].append(spec)
        size += n
    return shards


def shard_names(count: int) -> list[str]:
    if count == 1:
        return ["model.safetensors"]
    return [f"model-{i + 1:05d}-of-{count:05d}.safetensors" for i in range(count)]


class HFWriter:
    def __init__(self, out: Path, specs: list[Spec], shard_bytes: int) -> None:
        self.out = Path(out)
        self.shards = plan_shards(specs, shard_bytes)
        self.names = shard_names(len(self.shards))
        self._shard_of = {spec[0]: i for i, shard in enumerate(self.shards) for spec in shard}
        self._left = [len(s) for s in self.shards]
        self._open: SafetensorsWriter | None = None
        self._open_index = -1
        self.hashes: dict[str, str] = {}

    def write(self, key: str, tensor) -> None:
        i = self._shard_of[key]
        if i != self._open_index:
            self._open = SafetensorsWriter(self.out / self.names[i], self.shards[i])
            self._open_index = i
        self._open.write(key, tensor)
        self._left[i] -= 1
        if self._left[i] == 0:
            self.hashes[self.names[i]] = self._open.close()
            self._open = None

    def finish(self, progress=None, cancel=None) -> dict[str, str]:
        if len(self.names) > 1:
            total = sum(nbytes(s[2], s[1]) for shard in self.shards for s in shard)
            weight_map = {spec[0]: self.names[i] for i, shard in enumerate(self.shards) for spec in shard}
            index = {"metadata": {"total_size": total}, "weight_map": dict(sorted(weight_map.items()))}
            (self.out / "model.safetensors.index.json").write_text(json.dumps(index, indent=2) + "\n",
                                                                   encoding="utf-8")
        return dict(self.hashes)

    def abort(self) -> None:
        if self._open is not None:
            self._open.abort()


def pth_shard_count(hidden: int) -> int:
    size = meta.size_name(hidden)
    return meta.SHARDS_BY_SIZE[size] if size else 1


def pth_params(hidden: int, heads: int, kv_heads: int, layers: int, norm_eps: float) -> dict:
    size = meta.size_name(hidden)
    if size and meta.PARAMS_BY_SIZE[size]["n_layers"] == layers and meta.PARAMS_BY_SIZE[size]["n_heads"] == heads:
        params = dict(meta.PARAMS_BY_SIZE[size])
    else:
        params = dict(dim=hidden, multiple_of=256, n_heads=heads, n_layers=layers, norm_eps=norm_eps, vocab_size=-1)
    if kv_heads != heads:
        params["n_kv_heads"] = kv_heads
    return params


ALIGN = 64


class _PageDroppingSink:
    """The file torch.save writes into: hashes on the way, and every so often drops the pages
    of the raw shard that torch.save has read, so a shard never sits in memory whole."""

    EVERY = 128 * 1024 * 1024

    def __init__(self, f, mapped: tuple[int, int] | None) -> None:
        self._f, self._mapped = f, mapped
        self.sha256 = hashlib.sha256()
        self._since = 0

    def write(self, data) -> int:
        n = self._f.write(data)
        self.sha256.update(data)
        self._since += len(memoryview(data).cast("B"))
        if self._mapped is not None and self._since >= self.EVERY:
            # The mapping is private and never written: dropped pages are re-read from the file if needed.
            madvise_dontneed(*self._mapped)
            self._since = 0
        return n

    def flush(self) -> None:
        self._f.flush()


class PthWriter:
    def __init__(self, out: Path, specs: list[Spec], n_shards: int, heads: int, kv_heads: int) -> None:
        self.out = Path(out)
        self.n = n_shards
        self.heads, self.kv_heads = heads, kv_heads
        self.names = [f"consolidated.{i:02d}.pth" for i in range(n_shards)]
        self._raw_paths = [self.out / f".{name}.raw" for name in self.names]
        self._raw = [open(p, "wb") for p in self._raw_paths]
        self._entries: list[list[tuple[str, str, tuple[int, ...], int]]] = [[] for _ in range(n_shards)]
        self._specs = {s[0]: s for s in specs}

    def write(self, key: str, tensor) -> None:
        mk = meta.to_meta_key(key)
        if mk.endswith("attention.wq.weight"):
            tensor = meta.unpermute(tensor, self.heads)
        elif mk.endswith("attention.wk.weight"):
            tensor = meta.unpermute(tensor, self.kv_heads)
        dim = meta.split_dim(mk) if self.n > 1 else None
        if dim is None:
            pieces = [tensor] * self.n
        else:
            if dim == 1 and tensor.shape[1] % self.n:
                raise ValueError(f"{mk}: width {tensor.shape[1]} does not split into {self.n} shards")
            pieces = tensor.split(meta.shard_sizes(tensor.shape[dim], self.n), dim=dim)
        dtype = str(tensor.dtype).replace("torch.", "")
        for i, piece in enumerate(pieces):
            f = self._raw[i]
            pad = -f.tell() % ALIGN
            if pad:
                f.write(b"\0" * pad)
            self._entries[i].append((mk, dtype, tuple(piece.shape), f.tell()))
            f.write(tensor_bytes(piece))

    def finish(self, progress=None, cancel=None) -> dict[str, str]:
        import torch

        for f in self._raw:
            f.close()
        hashes = {}
        for i, name in enumerate(self.names):
            if cancel is not None:
                cancel.check()
            if progress is not None:
                progress.update(status=tr("Writing {name}", name=name))
            path = self._raw_paths[i]
            with open(path, "r+b") as f:
                size = os.fstat(f.fileno()).st_size
                # Copy-on-write view of the raw file: tensors over it cost no memory until read.
                mm = mmap.mmap(f.fileno(), size, access=mmap.ACCESS_COPY) if size else None
            try:
                state, mapped = {}, None
                for mk, dtype, shape, offset in self._entries[i]:
                    count = math.prod(shape)
                    if count == 0:
                        state[mk] = torch.empty(shape, dtype=torch_dtype(dtype))
                        continue
                    state[mk] = torch.frombuffer(mm, dtype=torch_dtype(dtype), count=count,
                                                 offset=offset).reshape(shape)
                    if mapped is None:
                        mapped = (state[mk].data_ptr() - offset, size)
                with open(self.out / name, "wb") as out:
                    sink = _PageDroppingSink(out, mapped)
                    torch.save(state, sink)
                hashes[name] = sink.sha256.hexdigest()
                del state
            finally:
                if mm is not None:
                    try:
                        mm.close()
                    except BufferError:   # a view still alive; the GC closes it
                        pass
            path.unlink()
        return hashes

    def abort(self) -> None:
        for f in self._raw:
            f.close()
