"""The few numbers of a GGUF header that GPU offload needs (layers, widths), read by a small
scanner of the key/value section (gguf.GGUFReader maps every array, seconds for a 50k vocabulary),
and the VRAM an offload of some layers takes."""
from __future__ import annotations

import struct
from pathlib import Path
from typing import Optional

_SCALAR = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}


def read_header(path) -> dict:
    """Scalar keys of the GGUF's key/value section (arrays skipped); {} when not a GGUF."""
    out: dict = {}
    with open(path, "rb") as f:
        if f.read(4) != b"GGUF":
            return out
        version, = struct.unpack("<I", f.read(4))
        if version < 2:
            return out
        _tensors, count = struct.unpack("<QQ", f.read(16))

        def string() -> str:
            n, = struct.unpack("<Q", f.read(8))
            return f.read(n).decode("utf-8", "replace")

        def value(kind: int):
            if kind in _SCALAR:
                fmt = _SCALAR[kind]
                return struct.unpack(fmt, f.read(struct.calcsize(fmt)))[0]
            if kind == 8:
                return string()
            if kind == 9:
                item, n = struct.unpack("<IQ", f.read(12))
                if item in _SCALAR:
                    f.seek(struct.calcsize(_SCALAR[item]) * n, 1)
                else:
                    for _ in range(n):
                        value(item)
                return None
            raise ValueError(f"unknown GGUF value type {kind}")

        for _ in range(count):
            key = string()
            kind, = struct.unpack("<I", f.read(4))
            v = value(kind)
            if v is not None:
                out[key] = v
    return out


def offload_info(path) -> Optional[dict]:
    """{"layers", "file_bytes", "kv_bytes_per_token_layer"} of a GGUF model (None: not readable)."""
    try:
        header = read_header(path)
    except (OSError, ValueError, struct.error):
        return None
    arch = header.get("general.architecture", "llama")
    layers = header.get(f"{arch}.block_count")
    hidden = header.get(f"{arch}.embedding_length")
    if not layers or not hidden:
        return None
    heads = header.get(f"{arch}.attention.head_count") or 1
    kv_heads = header.get(f"{arch}.attention.head_count_kv") or heads
    return {"layers": int(layers), "file_bytes": Path(path).stat().st_size,
            "kv_bytes_per_token_layer": 2 * 2 * int(hidden) * int(kv_heads) // int(heads)}


def vram_bytes(info: dict, gpu_layers: int, context_size: int) -> int:
    """VRAM for ``gpu_layers`` offloaded layers (all: -1): their share of the weights and of the
    F16 KV cache, plus the output layer when every layer is offloaded."""
    n = info["layers"]
    k = n if gpu_layers < 0 else min(gpu_layers, n)
    per_layer = info["file_bytes"] / (n + 2)          # + embeddings and output, roughly a layer each
    weights = per_layer * (k + (1 if k >= n else 0))
    return int(weights + k * context_size * info["kv_bytes_per_token_layer"])
