"""One interface over the model runtimes: load, stream text, cancel, unload,
tokenize, context size.  ``load_model`` picks llama.cpp for a ``.gguf`` file and
transformers for a Hugging Face folder."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from ..errors import UserError
from ..jobs import CancelToken, NullReporter, ProgressReporter
from .backend_base import (  # noqa: F401  (re-exported: callers import them from here)
    Backend, GenerationStats, LoadOptions, RopeScaling, StopFilter, Timer, rope_scaling_for)
from ..i18n import tr


def detect_kind(path: Path) -> str:
    """'gguf', 'hf' or 'gguf-in-folder' (a folder holding one .gguf), from the one checkpoint reader."""
    from ..checkpoint import GGUF, HF, LORA, META, path_kind

    kind = path_kind(path)
    if path.is_file():
        if kind == GGUF:
            return "gguf"
        raise UserError(tr("{name} is not a GGUF model file.", name=path.name),
                        tr("Open a .gguf file, or a Hugging Face model folder (with config.json)."))
    if path.is_dir():
        if kind == HF:
            return "hf"
        if kind == LORA:
            raise UserError(tr("{name} is a LoRA adapter, not a full model.", name=path.name),
                            tr("Open the base model and choose this folder as its LoRA, or merge it on the Merge page."))
        if kind == META:
            raise UserError(tr("{name} holds Meta-format weights (consolidated.NN.pth), which chat cannot load.", name=path.name),
                            tr("Convert it to GGUF on the Quantize page (or with 'python main.py convert'), then open that."))
        if kind == GGUF:
            return "gguf-in-folder"
        raise UserError(tr("{path} holds no model (no config.json, no single .gguf file).", path=path),
                        tr("Pick a .gguf file or a Hugging Face model folder."))
    raise UserError(tr("Model not found: {path}.", path=path), tr("Check the path, or pick a model from the list."))


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
        raise UserError(tr("LoRA not found: {lora}.", lora=options.lora), tr("Check the LoRA path or leave it empty."))
    if kind == "gguf":
        from .llama_backend import LlamaCppBackend
        return LlamaCppBackend.load(path, options, progress=progress, cancel=cancel)
    from .hf_backend import HFBackend
    return HFBackend.load(path, options, progress=progress, cancel=cancel)


def generate_text(backend: Backend, prompt: str, settings, cancel: CancelToken,
                  on_piece: Optional[Callable[[str], None]] = None) -> tuple[str, GenerationStats]:
    """Stream a completion to the end (``on_piece`` gets each piece); returns (text, stats),
    with ``stats.finish == "stopped"`` when ``cancel`` stopped it."""
    parts: list[str] = []
    stream = backend.generate(prompt, settings, cancel=cancel)
    try:
        for piece in stream:
            parts.append(piece)
            if on_piece is not None:
                on_piece(piece)
    finally:
        stream.close()
    stats: GenerationStats = backend.last_stats
    if cancel.cancelled:
        stats.finish = "stopped"
    return "".join(parts), stats
