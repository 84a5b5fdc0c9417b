"""What this computer can train: device, memory a run needs, and the micro-batch / accumulation / checkpointing
that fit the free memory (the engine's automatic choice; the Train page shows it before starting)."""
from __future__ import annotations

import json
import os
from pathlib import Path

from engine.errors import UserError

DEFAULT_BATCH_SIZE = 8          # upstream's scripts: per-device 1 x accumulation 8
MEMORY_HEADROOM = 0.92          # use at most this share of the free GPU memory
OVERHEAD_BYTES = 1.5 * 2 ** 30  # CUDA context, allocator slack, buffers


def device_info() -> dict:
    """{device, device_name, memory_free, memory_total, bf16, qlora_available}."""
    import torch

    if torch.cuda.is_available():
        free, total = torch.cuda.mem_get_info(0)
        return {"device": "cuda:0", "device_name": torch.cuda.get_device_name(0), "memory_free": int(free),
                "memory_total": int(total), "bf16": bool(torch.cuda.is_bf16_supported()),
                "qlora_available": _bitsandbytes()}
    import psutil
    vm = psutil.virtual_memory()
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        return {"device": "mps", "device_name": "Apple GPU (MPS)", "memory_free": int(vm.available),
                "memory_total": int(vm.total), "bf16": False, "qlora_available": False}
    return {"device": "cpu", "device_name": f"CPU ({os.cpu_count()} threads)", "memory_free": int(vm.available),
            "memory_total": int(vm.total), "bf16": False, "qlora_available": False}


def _bitsandbytes() -> bool:
    import importlib.util
    return importlib.util.find_spec("bitsandbytes") is not None


def model_shape(base_dir: os.PathLike | str) -> dict:
    path = Path(base_dir) / "config.json"
    try:
        c = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UserError(f"{base_dir}: no readable config.json.", "Give an HF-format LLaMA folder.") from None
    h = int(c["hidden_size"])
    inter = int(c.get("intermediate_size", 4 * h))
    layers = int(c["num_hidden_layers"])
    heads = int(c.get("num_attention_heads", 1))
    kv = int(c.get("num_key_value_heads") or heads)
    vocab = int(c["vocab_size"])
    kv_dim = h // heads * kv
    per_layer = 2 * h * h + 2 * h * kv_dim + 3 * h * inter + 2 * h
    params = layers * per_layer + 2 * vocab * h + h
    return {"hidden": h, "intermediate": inter, "layers": layers, "vocab": vocab, "kv_dim": kv_dim,
            "params": params}


def estimate_memory(shape: dict, *, micro_batch: int, seq_len: int, checkpointing: bool, qlora: bool,
                    lora_rank: int = 8, modules_to_save: bool = True, weight_bytes: int = 2,
                    vocab: int | None = None, fast: bool = False) -> int:
    """Bytes a LoRA run needs: frozen weights, trainable state (fp32 weight + grad + Adam = 16 B/param),
    activations (about 56 bytes per hidden unit per token per layer without checkpointing, measured with
    transformers + peft in bf16) and the logits (bf16 + fp32 + grad)."""
    h, inter, layers = shape["hidden"], shape["intermediate"], shape["layers"]
    vocab = vocab or shape["vocab"]
    frozen = shape["params"] * (0.56 if qlora else weight_bytes)
    lora = layers * lora_rank * (4 * h + 2 * shape["kv_dim"] + 2 * h + 3 * (h + inter))
    trainable = lora + (2 * vocab * h if modules_to_save else 0)
    tokens = micro_batch * seq_len
    # Measured on one H200 (7B, bf16, LoRA r8 on seven projections): ~56 B per hidden unit per token per layer with
    # transformers + peft; ~46 with Liger's fused kernels and no fp32 LoRA input copies (training/train.py).
    act_layer = ((46 if fast else 56) * h + 2 * inter) * (weight_bytes / 2)
    if checkpointing:
        acts = tokens * (layers * 2 * h * weight_bytes / 2 + act_layer)
    else:
        acts = tokens * layers * act_layer
    logits = tokens * vocab * (1 if fast else 10)      # Liger's fused linear cross-entropy never holds them all
    return int(frozen + 16 * trainable + acts + logits + OVERHEAD_BYTES)


def plan(base_dir: os.PathLike | str, settings: dict | None = None) -> dict:
    """The engine's automatic choice for this base on this computer (see training/README.md)."""
    s = dict(settings or {})
    info = device_info()
    shape = model_shape(base_dir)
    mode = s.get("mode", "sft")
    seq_len = int(s.get("max_length") or 512)
    batch = int(s.get("batch_size") or DEFAULT_BATCH_SIZE)
    world = max(1, int(s.get("world_size") or os.environ.get("WORLD_SIZE", 1)))
    per_device = max(1, -(-batch // world))
    cuda = info["device"].startswith("cuda")
    dtype = "bfloat16" if info["bf16"] else ("float16" if cuda else "float32")
    weight_bytes = 4 if dtype == "float32" else 2
    qlora = bool(s.get("qlora")) and cuda
    rank = int(s.get("lora_rank") or 8)
    mts = bool(s.get("modules_to_save", True))
    import importlib.util
    fast = bool(cuda and s.get("fast_kernels", True) and importlib.util.find_spec("liger_kernel") is not None)
    free = info["memory_free"] if cuda else int(info["memory_free"] * 0.8)
    budget = free * MEMORY_HEADROOM if cuda else free

    def need(mb: int, ckpt: bool, q: bool) -> int:
        return estimate_memory(shape, micro_batch=mb, seq_len=seq_len, checkpointing=ckpt, qlora=q,
                               lora_rank=rank, modules_to_save=mts, weight_bytes=weight_bytes, fast=fast)

    fixed_mb = s.get("micro_batch")
    candidates = [int(fixed_mb)] if fixed_mb else [m for m in (64, 32, 16, 8, 4, 2, 1) if m <= per_device]
    choice = None
    for ckpt in ((False, True) if s.get("checkpointing") is None else (bool(s["checkpointing"]),)):
        for mb in candidates:
            if need(mb, ckpt, qlora) <= budget:
                choice = (mb, ckpt)
                break
        if choice:
            break
    note = ""
    if choice is None:
        choice = (candidates[-1], True if s.get("checkpointing") is None else bool(s["checkpointing"]))
        note = "the smallest setting does not fit the free memory"
    mb, ckpt = choice
    accum = int(s.get("grad_accum") or max(1, -(-per_device // mb)))
    needed = need(mb, ckpt, qlora)
    qlora_suggested = cuda and not qlora and need(1, True, False) > budget
    if qlora_suggested:
        note = "the bf16 base does not fit: use --qlora (4-bit base)" + (
            "" if info["qlora_available"] else " — needs the bitsandbytes package")
    return {"device": info["device"], "device_name": info["device_name"], "memory_needed": needed,
            "memory_free": int(info["memory_free"]), "micro_batch": mb, "grad_accum": accum,
            "checkpointing": ckpt, "qlora_suggested": bool(qlora_suggested),
            "qlora_available": info["qlora_available"], "dtype": dtype, "params": shape["params"],
            "mode": mode, "max_length": seq_len, "batch_size": mb * accum * world, "world_size": world,
            "note": note}
