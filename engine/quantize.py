"""GGUF quantization through llama.cpp's own quantizer, in a child process.

``quantize()`` runs ``python -m engine.quantize --child IN OUT TYPE THREADS``
so cancel is a terminate and a crash in native code cannot take the app
down. Progress comes from llama.cpp's per-tensor log lines
(``[  12/ 291]  blk.1.attn_q.weight - [ 4096,  4096, ...``).

Also here: the size and memory a quantization type needs for a model,
computed from its shapes (the upstream 7B/13B/33B table, for any model).
"""
from __future__ import annotations

import collections
import logging
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .atomic import check_writable
from .diskspace import require_space
from .errors import UserError
from .jobs import Cancelled, CancelToken, NullReporter
from .i18n import tr

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]

# name -> llama_cpp ftype constant
QUANT_TYPES = {
    "Q2_K": "LLAMA_FTYPE_MOSTLY_Q2_K",
    "Q3_K_M": "LLAMA_FTYPE_MOSTLY_Q3_K_M",
    "Q4_0": "LLAMA_FTYPE_MOSTLY_Q4_0",
    "Q4_1": "LLAMA_FTYPE_MOSTLY_Q4_1",
    "Q4_K_M": "LLAMA_FTYPE_MOSTLY_Q4_K_M",
    "Q5_0": "LLAMA_FTYPE_MOSTLY_Q5_0",
    "Q5_1": "LLAMA_FTYPE_MOSTLY_Q5_1",
    "Q5_K_M": "LLAMA_FTYPE_MOSTLY_Q5_K_M",
    "Q6_K": "LLAMA_FTYPE_MOSTLY_Q6_K",
    "Q8_0": "LLAMA_FTYPE_MOSTLY_Q8_0",
}
DEFAULT_TYPE = "Q4_K_M"
# Every type a user can pick, largest first: the one list the Quantize page and the CLI show.
CHOICES = ("F16", "Q8_0", "Q6_K", "Q5_K_M", "Q5_1", "Q5_0", "Q4_K_M", "Q4_1", "Q4_0", "Q3_K_M", "Q2_K")
assert set(CHOICES) == {"F16", *QUANT_TYPES}

_TENSOR_LINE = re.compile(r"\[\s*(\d+)\s*/\s*(\d+)\s*\]\s+(\S+)")


def normalize_type(name: str) -> str:
    key = name.strip().upper().replace("-", "_")
    if key not in QUANT_TYPES:
        raise UserError(tr("Unknown quantization type {name}.", name=f"{name!r}"), tr("Use one of: {value}.", value=', '.join(QUANT_TYPES)))
    return key


@dataclass
class QuantizeResult:
    path: Path
    qtype: str
    input_bytes: int
    output_bytes: int
    seconds: float

    @property
    def summary(self) -> str:
        from .jobs import format_bytes

        return (f"Wrote {self.path.name} ({self.qtype}): {format_bytes(self.input_bytes)} -> "
                f"{format_bytes(self.output_bytes)} in {self.seconds:.1f} s.")


def quantize(in_path: os.PathLike | str, out_path: os.PathLike | str, qtype: str = DEFAULT_TYPE, *,
             threads: int = 0, progress=None, cancel: Optional[CancelToken] = None) -> QuantizeResult:
    """Quantize the GGUF ``in_path`` to ``qtype`` into ``out_path`` (written atomically)."""
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    qtype = normalize_type(qtype)
    in_path, out_path = Path(in_path), Path(out_path)
    if not in_path.is_file():
        raise UserError(tr("{in_path} does not exist.", in_path=in_path), tr("Convert the model to GGUF first (convert command)."))
    with open(in_path, "rb") as f:
        if f.read(4) != b"GGUF":
            raise UserError(tr("{name} is not a GGUF file.", name=in_path.name), tr("Choose the .gguf file written by convert."))
    if out_path.resolve() == in_path.resolve():
        raise UserError(tr("The output file is the input file."), tr("Choose another output name; the original is kept."))
    check_writable(out_path, "the quantized model")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # The output size follows from the input's shapes: refuse before llama.cpp writes a byte.
    require_space(out_path.parent, estimate_output_bytes(in_path, qtype), out_path.name,
                  hint=tr("Free some space, or choose an output folder on another disk."))
    tmp = out_path.with_name(f".{out_path.name}.partial")
    started = time.monotonic()
    cmd = [sys.executable, "-u", "-m", "engine.quantize", "--child", str(in_path), str(tmp), qtype,
           str(threads or 0)]
    progress.update(0, None, status=tr("Quantizing to {qtype}", qtype=qtype), unit="tensors")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=str(ROOT), env=env)
    tail: collections.deque[str] = collections.deque(maxlen=20)

    def pump() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            if not line:
                continue
            tail.append(line)
            m = _TENSOR_LINE.search(line)
            if m:
                progress.update(int(m.group(1)), int(m.group(2)), status=tr("Quantizing {value}", value=m.group(3)))
            else:
                log.info("llama.cpp quantize: %s", line)     # the log file only, never the terminal

    reader = threading.Thread(target=pump, name="quantize-log", daemon=True)
    reader.start()
    try:
        while proc.poll() is None:
            if cancel.wait(0.1):
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                raise Cancelled("cancelled by user")
        reader.join(5)
        if proc.returncode != 0:
            detail = "\n".join(tail)
            log.error("llama.cpp quantize failed (exit %s):\n%s", proc.returncode, detail)
            last = next((ln for ln in reversed(tail) if ln.strip()), "no output")
            raise UserError(tr("llama.cpp could not quantize {name} to {qtype} ({last}).", name=in_path.name, qtype=qtype, last=last),
                            tr("Check that the input is an F16/F32 GGUF written by convert and that the disk has space."))
        os.replace(tmp, out_path)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        tmp.unlink(missing_ok=True)
    total = progress.snapshot.total
    progress.update(total, total, status=tr("Quantized"), force=True)
    return QuantizeResult(out_path, qtype, in_path.stat().st_size, out_path.stat().st_size,
                          time.monotonic() - started)


def _child(in_path: str, out_path: str, qtype: str, threads: int) -> int:
    """Runs inside the child process: call llama.cpp's quantizer, logging every tensor."""
    import ctypes

    import llama_cpp
    from llama_cpp import _logger

    _logger.set_verbose(True)    # llama.cpp's per-tensor lines are our progress
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = getattr(llama_cpp, QUANT_TYPES[qtype])
    params.nthread = threads
    rc = llama_cpp.llama_model_quantize(in_path.encode(), out_path.encode(), ctypes.byref(params))
    return int(rc)


# --------------------------------------------------------------------------- size and memory estimates

# Bits per weight of each ggml block format (block bytes * 8 / block size).
_BPW = {"F32": 32.0, "F16": 16.0, "Q2_K": 2.625, "Q3_K": 3.4375, "Q4_K": 4.5, "Q5_K": 5.5, "Q6_K": 6.5625,
        "Q4_0": 4.5, "Q4_1": 5.0, "Q5_0": 5.5, "Q5_1": 6.0, "Q8_0": 8.5}


def _tensor_type(qtype: str, role: str, layer: int, n_layers: int) -> str:
    """The block format llama.cpp picks for one tensor under a file type (its main rules)."""
    if qtype in ("F16", "Q8_0", "Q6_K"):
        return qtype
    if role == "output":
        return "Q6_K"
    base = {"Q2_K": "Q2_K", "Q3_K_M": "Q3_K", "Q4_K_M": "Q4_K", "Q5_K_M": "Q5_K"}.get(qtype, qtype)
    # "use more bits" on the first and last eighth of the layers and every third one between.
    more_bits = layer < n_layers // 8 or layer >= 7 * n_layers // 8 or (layer - n_layers // 8) % 3 == 2
    if role in ("attn_v", "ffn_down"):
        if qtype in ("Q4_K_M", "Q5_K_M"):
            return "Q6_K" if more_bits else base
        if qtype == "Q3_K_M":
            return "Q5_K" if layer < 2 else "Q4_K"
        if qtype == "Q2_K":
            return "Q4_K" if role == "attn_v" else "Q3_K"
    if role == "attn_output" and qtype in ("Q2_K", "Q3_K_M"):
        return "Q3_K" if qtype == "Q2_K" else "Q4_K"
    return base


@dataclass(frozen=True)
class Shapes:
    """What sizes depend on: read from config.json (see gguf_convert.ModelInfo)."""

    vocab: int
    hidden: int
    intermediate: int
    layers: int
    heads: int
    kv_heads: int
    head_dim: int
    tied: bool = False

    @classmethod
    def from_config(cls, config: dict, vocab: Optional[int] = None) -> "Shapes":
        heads = int(config["num_attention_heads"])
        hidden = int(config["hidden_size"])
        return cls(int(vocab or config["vocab_size"]), hidden, int(config["intermediate_size"]),
                   int(config["num_hidden_layers"]), heads, int(config.get("num_key_value_heads") or heads),
                   int(config.get("head_dim") or hidden // heads), bool(config.get("tie_word_embeddings")))

    def tensors(self):
        """(role, layer, n_elements, row_length) of every weight matrix; norms are counted separately."""
        h = self.hidden
        # With tied embeddings llama.cpp treats token_embd as the output tensor.
        yield ("output" if self.tied else "token_embd"), -1, self.vocab * h, h
        if not self.tied:
            yield "output", -1, self.vocab * h, h
        q = self.heads * self.head_dim * h
        kv = self.kv_heads * self.head_dim * h
        ff = self.intermediate * h
        for i in range(self.layers):
            yield from (("attn_q", i, q, h), ("attn_k", i, kv, h), ("attn_v", i, kv, h), ("attn_output", i, q, h),
                        ("ffn_gate", i, ff, h), ("ffn_up", i, ff, h), ("ffn_down", i, ff, self.intermediate))

    @property
    def n_params(self) -> int:
        return sum(t[2] for t in self.tensors()) + (2 * self.layers + 1) * self.hidden


# k-quant blocks span 256 values; llama.cpp falls back for rows of other lengths.
_K_FALLBACK = {"Q2_K": 4.5, "Q3_K": 4.5, "Q4_K": 5.5, "Q5_K": 6.0, "Q6_K": 8.5}


def _bits(qtype: str, role: str, layer: int, n_layers: int, row: int) -> float:
    block = _tensor_type(qtype, role, layer, n_layers)
    if block in _K_FALLBACK and row % 256:
        return _K_FALLBACK[block]
    return _BPW[block]


def estimate_file_bytes(shapes: Shapes, qtype: str) -> int:
    bits = sum(n * _bits(qtype, role, layer, shapes.layers, row) for role, layer, n, row in shapes.tensors())
    norms = (2 * shapes.layers + 1) * shapes.hidden * 4
    return int(bits / 8) + norms + 1_000_000   # + metadata (vocabulary)


def shapes_of_gguf(path: os.PathLike | str) -> Optional[Shapes]:
    """The model shapes recorded in a LLaMA GGUF's metadata (None when they cannot be read)."""
    try:
        from gguf import GGUFReader

        reader = GGUFReader(str(path))
        arch = _field(reader, "general.architecture") or "llama"

        def num(key: str, default=None):
            value = _field(reader, f"{arch}.{key}")
            return int(value) if value is not None else default

        heads = num("attention.head_count")
        hidden = num("embedding_length")
        emb = next(t for t in reader.tensors if t.name == "token_embd.weight")
        vocab = int(max(emb.shape))
        tied = not any(t.name == "output.weight" for t in reader.tensors)
        return Shapes(vocab, hidden, num("feed_forward_length"), num("block_count"), heads,
                      num("attention.head_count_kv", heads), num("attention.key_length", hidden // heads), tied)
    except Exception:  # noqa: BLE001 - an estimate only; the caller falls back to the input's size
        return None


def _field(reader, key: str):
    field = reader.fields.get(key)
    if field is None:
        return None
    value = field.parts[field.data[0]]
    if field.types and field.types[0].name == "STRING":
        return bytes(value).decode("utf-8")
    return value[0]


def estimate_output_bytes(in_path: os.PathLike | str, qtype: str) -> int:
    """What quantizing ``in_path`` to ``qtype`` writes; at most the input's size when shapes are unknown."""
    shapes = shapes_of_gguf(in_path)
    size = Path(in_path).stat().st_size
    if shapes is None:
        return size
    return min(estimate_file_bytes(shapes, qtype), size + (1 << 20))


def estimate_ram_bytes(shapes: Shapes, qtype: str, n_ctx: int = 2048) -> int:
    """Weights + F16 KV cache for ``n_ctx`` tokens + llama.cpp's compute buffers (approximate)."""
    kv_cache = 2 * shapes.layers * n_ctx * shapes.kv_heads * shapes.head_dim * 2
    compute = 512 * (shapes.vocab + 4 * shapes.hidden + shapes.intermediate) * 4 + 64 * 2**20
    return estimate_file_bytes(shapes, qtype) + kv_cache + compute


# Block formats llama.cpp's CPU backend repacks at load into an interleaved copy (AVX2/NEON):
# with a memory-mapped file the read pages stay resident beside the copy.
REPACKED_BLOCKS = ("Q4_0", "Q4_K", "IQ4_NL")


def repacked_bytes(shapes: Shapes, qtype: str) -> int:
    """Bytes of the weights llama.cpp repacks on the CPU (counted twice when memory-mapped)."""
    return int(sum(n * _bits(qtype, role, layer, shapes.layers, row) / 8
                   for role, layer, n, row in shapes.tensors()
                   if role != "token_embd" and _tensor_type(qtype, role, layer, shapes.layers) in REPACKED_BLOCKS
                   and row % 256 == 0))


def estimate_load_bytes(shapes: Shapes, qtype: str, n_ctx: int = 2048, *, mmap: bool) -> int:
    """Peak resident memory while llama.cpp loads and runs the model, for one loading mode:
    read into memory (``mmap=False``: weights + KV cache + buffers) or memory-mapped (the
    pages of the repacked weights stay resident too).  bench/load7b.py measures both."""
    peak = estimate_ram_bytes(shapes, qtype, n_ctx)
    return peak + (repacked_bytes(shapes, qtype) if mmap else 0)


def available_ram() -> int:
    """Memory free for a model now (what the OS could give without swapping)."""
    try:
        import psutil
        return int(psutil.virtual_memory().available)
    except ImportError:
        return total_ram() // 2


def choose_mmap(shapes: Optional[Shapes], qtype: str, n_ctx: int = 2048, free: Optional[int] = None) -> bool:
    """Memory-map (faster load) when that peak fits free memory with a margin, else read the file."""
    if shapes is None:
        return True
    free = available_ram() if free is None else free
    return estimate_load_bytes(shapes, qtype, n_ctx, mmap=True) * 1.15 < free


def gguf_load_estimate(path: os.PathLike | str, n_ctx: int = 2048) -> Optional[dict]:
    """{"read": bytes, "mmap": bytes} peak estimates for loading this GGUF file, from its own
    tensor types (None when it cannot be read)."""
    try:
        from gguf import GGUFReader

        reader = GGUFReader(str(path))
        repacked = sum(int(t.n_bytes) for t in reader.tensors
                       if t.tensor_type.name in REPACKED_BLOCKS and t.name != "token_embd.weight")
    except Exception:  # noqa: BLE001 - an estimate only
        return None
    shapes = shapes_of_gguf(path)
    if shapes is None:
        return None
    size = Path(path).stat().st_size
    read = estimate_ram_bytes(shapes, "F16", n_ctx) - estimate_file_bytes(shapes, "F16") + size
    return {"read": read, "mmap": read + repacked}


def choose_gguf_mmap(path: os.PathLike | str, n_ctx: int = 2048, free: Optional[int] = None) -> bool:
    """The loading mode for a GGUF file on this machine (see ``choose_mmap``)."""
    free = available_ram() if free is None else free
    if Path(path).stat().st_size * 3 < free:
        return True             # fits either way: no need to read the file's tables
    estimate = gguf_load_estimate(path, n_ctx)
    if estimate is None:
        return True
    return estimate["mmap"] * 1.15 < free


def estimate_run_bytes(shapes: Shapes, qtype: str, n_ctx: int = 2048, free: Optional[int] = None) -> int:
    """What loading takes on this machine: the peak of the mode the app would choose."""
    return estimate_load_bytes(shapes, qtype, n_ctx, mmap=choose_mmap(shapes, qtype, n_ctx, free))


def total_ram() -> int:
    try:
        import psutil
        return int(psutil.virtual_memory().total)
    except ImportError:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def recommended_type(shapes: Shapes, available_ram: Optional[int] = None) -> str:
    """Q8_0 when it fits comfortably in memory (loaded the leaner way, read into memory),
    else Q4_K_M (the laptop choice)."""
    available_ram = total_ram() if available_ram is None else available_ram
    return ("Q8_0" if estimate_load_bytes(shapes, "Q8_0", mmap=False) * 1.5 < available_ram
            else DEFAULT_TYPE)


if __name__ == "__main__" and len(sys.argv) == 6 and sys.argv[1] == "--child":
    sys.exit(_child(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])))
