"""What every model runtime shares: load options, the Backend interface, stats, stop filter, timer.

The runtimes (llama_backend, hf_backend) import this module, and ``backends`` imports
the runtimes to load a model: keeping the base here leaves no import cycle inside
``engine.chat``.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..jobs import CancelToken
from .presets import GenerationSettings
from .templates import ModelFacts


@dataclass
class LoadOptions:
    context_size: int = 2048        # llama.cpp n_ctx; HF: capped by the model's max positions
    threads: int = 0                # 0: all cores
    use_gpu: bool = True            # llama.cpp: offload all layers when the build has a GPU
    gpu_layers: Optional[int] = None   # explicit llama.cpp n_gpu_layers (overrides use_gpu)
    device: str = "auto"            # HF: auto | cpu | cuda | mps
    dtype: str = "auto"             # HF: auto | float32 | float16 | bfloat16
    lora: Optional[str] = None      # GGUF LoRA file (llama.cpp) or PEFT folder (HF), applied unmerged
    # llama.cpp: memory-map the file (faster, but with CPU weight repacking the mapped pages stay
    # resident beside the repacked copy) or read it into memory; None: chosen from free memory.
    use_mmap: Optional[bool] = None
    # Long context: a context_size above the trained one turns on RoPE scaling ("ntk": upstream's
    # NTK-aware base, llama.cpp rope_freq_base / transformers rope_scaling "dynamic"; "linear":
    # position interpolation, llama.cpp rope_freq_scale / rope_scaling "linear"; "none": off).
    rope_scaling: str = "ntk"
    rope_freq_base: float = 0.0     # llama.cpp: explicit values win over rope_scaling (0: the model's)
    rope_freq_scale: float = 0.0


@dataclass(frozen=True)
class RopeScaling:
    """RoPE parameters for a context longer than the trained one."""

    method: str                     # "ntk" | "linear"
    factor: float                   # chosen context / trained context
    freq_base: float                # llama.cpp rope_freq_base
    freq_scale: float               # llama.cpp rope_freq_scale

    def hf_config(self) -> dict:
        """transformers' RoPE scaling entry (``dynamic`` is its NTK-aware scaling)."""
        return {"rope_type": "dynamic" if self.method == "ntk" else "linear", "factor": self.factor}


def rope_scaling_for(context_size: int, n_ctx_train: int, *, method: str = "ntk",
                     base: float = 10000.0, head_dim: int = 128) -> Optional[RopeScaling]:
    """None when the chosen context fits the trained one; else upstream's NTK rule
    (scripts/inference/patches.py: ``base * alpha ** (dim / (dim - 2))``, alpha = chosen /
    trained length) or linear interpolation (freq_scale = trained / chosen)."""
    if method == "none" or not n_ctx_train or context_size <= n_ctx_train:
        return None
    factor = context_size / n_ctx_train
    if method == "linear":
        return RopeScaling("linear", factor, base, 1.0 / factor)
    if method != "ntk":
        raise ValueError(f"unknown RoPE scaling {method!r} (ntk, linear or none)")
    dim = max(head_dim, 4)
    return RopeScaling("ntk", factor, base * factor ** (dim / (dim - 2)), 1.0)


@dataclass
class GenerationStats:
    prompt_tokens: int = 0
    generated_tokens: int = 0
    time_to_first_token: float = 0.0
    seconds: float = 0.0
    finish: str = ""                # eos | length | stop | stopped (by the user)

    @property
    def tokens_per_second(self) -> float:
        decode = self.seconds - self.time_to_first_token
        if self.generated_tokens > 1 and decode > 0:
            return (self.generated_tokens - 1) / decode
        return self.generated_tokens / self.seconds if self.seconds > 0 else 0.0


class Backend:
    """A loaded model.  ``generate`` yields text pieces and fills ``last_stats``."""

    kind = ""
    use_mmap: Optional[bool] = None     # llama.cpp: how the file was loaded (None: not a GGUF)

    def __init__(self, path: Path, options: LoadOptions) -> None:
        self.path = Path(path)
        self.options = options
        self.last_stats = GenerationStats()

    @property
    def display_name(self) -> str:
        name = self.path.name
        if self.options.lora:
            name += f" + {Path(self.options.lora).name}"
        return name

    @property
    def context_size(self) -> int:
        raise NotImplementedError

    @property
    def n_ctx_train(self) -> int:
        """The context length the model was trained with (0: not known)."""
        return 0

    def facts(self) -> ModelFacts:
        raise NotImplementedError

    def tokenize(self, text: str) -> list[int]:
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def next_token_logits(self, prompt: str, token_ids: list[int]) -> list[float]:
        """Raw (unprocessed) logits of the next token after ``prompt`` at ``token_ids`` (C-Eval)."""
        raise NotImplementedError

    def generate(self, prompt: str, settings: GenerationSettings, *,
                 cancel: Optional[CancelToken] = None) -> Iterator[str]:
        raise NotImplementedError

    def unload(self) -> None:
        pass


class StopFilter:
    """Holds back text that might be the start of a stop string; cuts at a full match."""

    def __init__(self, stops) -> None:
        self.stops = [s for s in stops if s]
        self.pending = ""
        self.hit = False

    def feed(self, piece: str) -> str:
        if not self.stops:
            return piece
        self.pending += piece
        cut = min((i for i in (self.pending.find(s) for s in self.stops) if i >= 0), default=-1)
        if cut >= 0:
            out, self.pending, self.hit = self.pending[:cut], "", True
            return out
        keep = 0
        for s in self.stops:
            for k in range(min(len(s) - 1, len(self.pending)), 0, -1):
                if self.pending.endswith(s[:k]):
                    keep = max(keep, k)
                    break
        out = self.pending[: len(self.pending) - keep]
        self.pending = self.pending[len(out):]
        return out

    def flush(self) -> str:
        out, self.pending = self.pending, ""
        return out


class Timer:
    """Measures time to first piece and total time of one generation."""

    def __init__(self, stats: GenerationStats) -> None:
        self.stats = stats
        self.t0 = time.perf_counter()

    def piece(self) -> None:
        if not self.stats.time_to_first_token:
            self.stats.time_to_first_token = time.perf_counter() - self.t0

    def end(self) -> None:
        self.stats.seconds = time.perf_counter() - self.t0
