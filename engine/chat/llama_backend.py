"""llama.cpp backend (llama-cpp-python) for GGUF files."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator, Optional

from ..errors import UserError
from ..jobs import CancelToken, ProgressReporter
from .backends import Backend, GenerationStats, LoadOptions, Timer
from .presets import GenerationSettings
from .templates import ModelFacts


def gpu_offload_supported() -> bool:
    import llama_cpp
    with contextlib.suppress(Exception):
        return bool(llama_cpp.llama_supports_gpu_offload())
    return False


class LlamaCppBackend(Backend):
    kind = "llama.cpp"

    def __init__(self, path: Path, options: LoadOptions, llm) -> None:
        super().__init__(path, options)
        self.llm = llm

    @classmethod
    def load(cls, path: Path, options: LoadOptions, *, progress: ProgressReporter,
             cancel: CancelToken) -> "LlamaCppBackend":
        try:
            import llama_cpp
        except ImportError:
            raise UserError("llama-cpp-python is not installed, so GGUF models cannot be loaded.",
                            "Install it with: pip install llama-cpp-python") from None
        progress.update(0, 1, status=f"Loading {path.name} (llama.cpp)", force=True)
        if options.gpu_layers is not None:
            gpu_layers = options.gpu_layers
        else:
            gpu_layers = -1 if options.use_gpu and gpu_offload_supported() else 0
        kwargs = dict(model_path=str(path), n_ctx=options.context_size,
                      n_threads=options.threads or max(1, os.cpu_count() or 1),
                      n_gpu_layers=gpu_layers, verbose=False)
        if options.lora:
            kwargs["lora_path"] = str(Path(options.lora).expanduser())
        try:
            llm = llama_cpp.Llama(**kwargs)
        except (ValueError, RuntimeError) as exc:
            raise UserError(f"llama.cpp could not load {path.name}: {exc}.",
                            "Check that the file is a complete GGUF model (re-download or re-convert it) "
                            "and that a LoRA, if any, was made for this base model.") from None
        if cancel.cancelled:
            llm.close()
            cancel.check()
        progress.update(1, 1, status="Model loaded", force=True)
        return cls(path, options, llm)

    @property
    def context_size(self) -> int:
        return self.llm.n_ctx()

    def facts(self) -> ModelFacts:
        meta = self.llm.metadata or {}
        def token_text(key: str) -> str:
            with contextlib.suppress(Exception):
                tid = int(meta[key])
                return self.llm.detokenize([tid], special=True).decode("utf-8", "replace")
            return ""
        return ModelFacts(vocab_size=self.llm.n_vocab(), chat_template=meta.get("tokenizer.chat_template"),
                          bos_token=token_text("tokenizer.ggml.bos_token_id"),
                          eos_token=token_text("tokenizer.ggml.eos_token_id"),
                          adds_bos=meta.get("tokenizer.ggml.add_bos_token", "true") != "false")

    def tokenize(self, text: str) -> list[int]:
        # Same call create_completion makes, so counts match what is evaluated.
        return self.llm.tokenize(text.encode("utf-8"), add_bos=True, special=True)

    def generate(self, prompt: str, settings: GenerationSettings, *,
                 cancel: Optional[CancelToken] = None) -> Iterator[str]:
        stats = self.last_stats = GenerationStats()
        stats.prompt_tokens = self.count_tokens(prompt)
        timer = Timer(stats)
        stream = self.llm.create_completion(
            prompt, stream=True, max_tokens=settings.max_new_tokens, temperature=settings.temperature,
            top_p=settings.top_p, top_k=settings.top_k, repeat_penalty=settings.repetition_penalty,
            seed=settings.seed if settings.seed >= 0 else None, stop=list(settings.stop) or None)
        try:
            for chunk in stream:
                choice = chunk["choices"][0]
                text = choice.get("text", "")
                if text:
                    stats.generated_tokens += 1
                    timer.piece()
                    yield text
                if choice.get("finish_reason"):
                    stats.finish = choice["finish_reason"]
                if cancel is not None and cancel.cancelled:
                    stats.finish = "stopped"
                    break
        finally:
            stream.close()
            timer.end()
        if stats.finish != "stopped":
            stats.finish = "length" if stats.finish == "length" else "eos"

    def unload(self) -> None:
        with contextlib.suppress(Exception):
            self.llm.close()
        self.llm = None
