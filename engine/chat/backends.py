"""One interface over the model runtimes: load, stream text, cancel, unload,
tokenize, context size.  ``load_model`` picks llama.cpp for a ``.gguf`` file and
transformers for a Hugging Face folder."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..errors import UserError
from ..jobs import CancelToken, NullReporter, ProgressReporter
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

    def facts(self) -> ModelFacts:
        raise NotImplementedError

    def tokenize(self, text: str) -> list[int]:
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

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


def detect_kind(path: Path) -> str:
    if path.is_file():
        if path.suffix.lower() == ".gguf":
            return "gguf"
        with open(path, "rb") as f:
            if f.read(4) == b"GGUF":
                return "gguf"
        raise UserError(f"{path.name} is not a GGUF model file.",
                        "Open a .gguf file, or a Hugging Face model folder (with config.json).")
    if path.is_dir():
        if (path / "config.json").exists():
            return "hf"
        if (path / "adapter_config.json").exists():
            raise UserError(f"{path.name} is a LoRA adapter, not a full model.",
                            "Open the base model and choose this folder as its LoRA, or merge it on the Merge page.")
        ggufs = sorted(path.glob("*.gguf"))
        if len(ggufs) == 1:
            return "gguf-in-folder"
        raise UserError(f"{path} holds no model (no config.json, no single .gguf file).",
                        "Pick a .gguf file or a Hugging Face model folder.")
    raise UserError(f"Model not found: {path}.", "Check the path, or pick a model from the list.")


def load_model(path, options: Optional[LoadOptions] = None, *,
               progress: Optional[ProgressReporter] = None, cancel: Optional[CancelToken] = None) -> Backend:
    """Load a GGUF file (llama.cpp) or an HF folder (transformers)."""
    options = options or LoadOptions()
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    path = Path(path).expanduser()
    kind = detect_kind(path)
    if kind == "gguf-in-folder":
        path, kind = sorted(path.glob("*.gguf"))[0], "gguf"
    if options.lora and not Path(options.lora).expanduser().exists():
        raise UserError(f"LoRA not found: {options.lora}.", "Check the LoRA path or leave it empty.")
    if kind == "gguf":
        from .llama_backend import LlamaCppBackend
        return LlamaCppBackend.load(path, options, progress=progress, cancel=cancel)
    from .hf_backend import HFBackend
    return HFBackend.load(path, options, progress=progress, cancel=cancel)
