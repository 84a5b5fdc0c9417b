"""llama.cpp backend (llama-cpp-python) for GGUF files."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator, Optional

from ..errors import UserError
from ..jobs import CancelToken, ProgressReporter
from .backend_base import Backend, GenerationStats, LoadOptions, StopFilter, Timer, rope_scaling_for
from .presets import GenerationSettings
from .templates import ModelFacts
from ..i18n import tr


def _trained_context(meta: dict) -> tuple[int, float, int]:
    """(context_length, rope base, head dim) from GGUF metadata; 0 / defaults when missing."""
    arch = meta.get("general.architecture", "llama")
    def num(key, default):
        try:
            return type(default)(float(meta.get(f"{arch}.{key}", default)))
        except (TypeError, ValueError):
            return default
    heads = num("attention.head_count", 0)
    head_dim = num("rope.dimension_count", 0) or (num("embedding_length", 0) // heads if heads else 128)
    return num("context_length", 0), num("rope.freq_base", 10000.0), head_dim or 128


def _rope_kwargs(llama_cpp, path: Path, options: LoadOptions) -> dict:
    """rope_freq_base / rope_freq_scale for a context above the trained one (upstream: 8K with llama.cpp)."""
    if options.rope_freq_base or options.rope_freq_scale:
        return {k: v for k, v in (("rope_freq_base", options.rope_freq_base),
                                  ("rope_freq_scale", options.rope_freq_scale)) if v}
    if options.rope_scaling == "none":
        return {}
    probe = llama_cpp.Llama(model_path=str(path), vocab_only=True, verbose=False)
    try:
        trained, base, head_dim = _trained_context(probe.metadata or {})
    finally:
        probe.close()
    rope = rope_scaling_for(options.context_size, trained, method=options.rope_scaling,
                            base=base, head_dim=head_dim)
    if rope is None:
        return {}
    return {"rope_freq_base": rope.freq_base, "rope_freq_scale": rope.freq_scale}


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
            raise UserError(tr("llama-cpp-python is not installed, so GGUF models cannot be loaded."),
                            tr("Install it with: pip install llama-cpp-python")) from None
        progress.update(0, 1, status=tr("Loading {name} (llama.cpp)", name=path.name), force=True)
        if options.gpu_layers is not None:
            gpu_layers = options.gpu_layers
        else:
            gpu_layers = -1 if options.use_gpu and gpu_offload_supported() else 0
        kwargs = dict(model_path=str(path), n_ctx=options.context_size,
                      n_threads=options.threads or max(1, os.cpu_count() or 1),
                      # Prompt processing too (llama-cpp-python's default is every core, whatever the setting).
                      n_threads_batch=options.threads or max(1, os.cpu_count() or 1),
                      n_gpu_layers=gpu_layers, verbose=False)
        from .preread import preread
        preread([path], progress, cancel)          # bytes progress and Cancel while the file is read
        progress.update(None, None, status=tr("Starting llama.cpp"), force=True)
        use_mmap = options.use_mmap
        if use_mmap is None:
            from ..quantize import choose_gguf_mmap
            use_mmap = choose_gguf_mmap(path, options.context_size)
        kwargs["use_mmap"] = use_mmap
        if options.lora:
            kwargs["lora_path"] = str(Path(options.lora).expanduser())
        try:
            kwargs.update(_rope_kwargs(llama_cpp, path, options))
            llm = llama_cpp.Llama(**kwargs)
        except (ValueError, RuntimeError) as exc:
            raise UserError(tr("llama.cpp could not load {name}: {exc}.", name=path.name, exc=exc),
                            tr("Check that the file is a complete GGUF model (re-download or re-convert it) "
                            "and that a LoRA, if any, was made for this base model.")) from None
        if cancel.cancelled:
            llm.close()
            cancel.check()
        progress.update(status=tr("Model loaded"), force=True)
        backend = cls(path, options, llm)
        backend.use_mmap = use_mmap
        return backend

    @property
    def context_size(self) -> int:
        return self.llm.n_ctx()

    @property
    def n_ctx_train(self) -> int:
        return _trained_context(self.llm.metadata or {})[0]

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

    def next_token_logits(self, prompt: str, token_ids: list[int]) -> list[float]:
        """Raw logits of the token after ``prompt`` (BOS added, as ``tokenize``) at ``token_ids``.

        The longest prefix already in llama.cpp's KV cache is kept (what ``Llama.generate`` does
        for a new prompt), so questions sharing a few-shot history only evaluate their own
        tokens.  Without ``logits_all`` llama-cpp-python no longer fills ``Llama.scores``; the
        last position's logits come from llama.cpp's ``llama_get_logits_ith(ctx, -1)``."""
        import llama_cpp
        import numpy as np
        tokens = self.tokenize(prompt)
        if len(tokens) > self.context_size:
            raise UserError(tr("The prompt is {tokens} tokens, longer than the {context_size}-token context.", tokens=len(tokens), context_size=self.context_size), tr("Load the model with a larger context size."))
        llm = self.llm
        cached = llm.input_ids[: llm.n_tokens].tolist()
        keep = 0
        for a, b in zip(cached, tokens[:-1]):
            if a != b:
                break
            keep += 1
        llm.n_tokens = keep           # Llama.eval drops the KV cache from n_tokens on
        llm.eval(tokens[keep:])
        row = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(llm.n_vocab(),))
        return [float(row[i]) for i in token_ids]

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Mean-pooled, L2-normalized final hidden states (after the output norm), one per text.

        The generating context is switched to embedding output for the call (llama.cpp's
        ``llama_set_embeddings``) and back, so the one loaded model serves both; the KV cache
        is cleared and ``Llama.reset()`` drops its prompt cache afterwards."""
        import llama_cpp
        import numpy as np
        ctx, n_embd, n_batch = self.llm.ctx, self.llm.n_embd(), max(1, self.llm.n_batch)
        pooled = llama_cpp.llama_pooling_type(ctx) != llama_cpp.LLAMA_POOLING_TYPE_NONE
        memory = llama_cpp.llama_get_memory(ctx)
        out: list[list[float]] = []
        llama_cpp.llama_set_embeddings(ctx, True)
        try:
            for text in texts:
                tokens = self.tokenize(text)
                if len(tokens) > self.context_size:
                    raise UserError(tr("The text is {tokens} tokens, longer than the {context_size}-token context.", tokens=len(tokens), context_size=self.context_size), tr("Split it into smaller pieces."))
                llama_cpp.llama_memory_clear(memory, True)
                total, count = np.zeros(n_embd, dtype=np.float64), 0
                for start in range(0, len(tokens), n_batch):
                    chunk = tokens[start:start + n_batch]
                    batch = llama_cpp.llama_batch_init(len(chunk), 0, 1)
                    try:
                        for i, tok in enumerate(chunk):
                            batch.token[i], batch.pos[i], batch.n_seq_id[i] = tok, start + i, 1
                            batch.seq_id[i][0], batch.logits[i] = 0, True
                        batch.n_tokens = len(chunk)
                        if llama_cpp.llama_decode(ctx, batch) != 0:
                            raise UserError(tr("llama.cpp could not compute the embedding."),
                                            tr("Try a shorter text, or reload the model."))
                        if pooled:      # an embedding model: llama.cpp pools the sequence itself
                            total = np.ctypeslib.as_array(llama_cpp.llama_get_embeddings_seq(ctx, 0),
                                                          shape=(n_embd,)).astype(np.float64)
                            count = 1
                        else:
                            for i in range(len(chunk)):
                                total += np.ctypeslib.as_array(llama_cpp.llama_get_embeddings_ith(ctx, i),
                                                               shape=(n_embd,))
                            count += len(chunk)
                    finally:
                        llama_cpp.llama_batch_free(batch)
                vec = total / max(count, 1)
                norm = float(np.linalg.norm(vec))
                out.append((vec / norm if norm > 0 else vec).tolist())
        finally:
            llama_cpp.llama_set_embeddings(ctx, False)
            llama_cpp.llama_memory_clear(memory, True)
            self.llm.reset()
        return out

    def generate(self, prompt: str, settings: GenerationSettings, *,
                 cancel: Optional[CancelToken] = None) -> Iterator[str]:
        """Stream the reply's text; ``last_stats.generated_tokens`` counts sampled TOKENS.

        Tokens come from ``Llama.generate`` (one per sampled token, so a Chinese character
        split over byte tokens, or several tokens making one piece, count right); the text is
        each token's bytes (``Llama.detokenize`` with the tokens before it) through an
        incremental UTF-8 decoder, and stop strings are cut by ``StopFilter``, as
        ``create_completion`` would.  An end-of-generation token ends the reply uncounted."""
        import codecs
        import random
        import llama_cpp
        llm = self.llm
        stats = self.last_stats = GenerationStats()
        prompt_tokens = self.tokenize(prompt)
        stats.prompt_tokens = len(prompt_tokens)
        n_ctx = llm.n_ctx()
        if len(prompt_tokens) >= n_ctx:
            raise UserError(tr("The prompt is {tokens} tokens, longer than the {context_size}-token context.",
                               tokens=len(prompt_tokens), context_size=n_ctx),
                            tr("Shorten it, or load the model with a larger context size."))
        max_new = min(settings.max_new_tokens, n_ctx - len(prompt_tokens))
        llm.set_seed(settings.seed if settings.seed >= 0 else random.randrange(2 ** 32))
        vocab = llama_cpp.llama_model_get_vocab(llm.model)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        stops = StopFilter(settings.stop)
        timer = Timer(stats)
        done: list[int] = []
        stats.finish = "length"
        tokens = llm.generate(prompt_tokens, top_k=settings.top_k, top_p=settings.top_p,
                              temp=settings.temperature, repeat_penalty=settings.repetition_penalty)
        try:
            for token in tokens:
                if llama_cpp.llama_vocab_is_eog(vocab, token):
                    stats.finish = "eos"
                    break
                piece = llm.detokenize([token], prev_tokens=prompt_tokens + done)
                done.append(token)
                stats.generated_tokens += 1
                text = stops.feed(decoder.decode(piece))
                if text:
                    timer.piece()
                    yield text
                if stops.hit:
                    stats.finish = "eos"
                    break
                if cancel is not None and cancel.cancelled:
                    stats.finish = "stopped"
                    break
                if len(done) >= max_new:
                    break
            if stats.finish != "stopped" and not stops.hit:
                rest = stops.feed(decoder.decode(b"", final=True))
                rest += "" if stops.hit else stops.flush()
                if rest:
                    timer.piece()
                    yield rest
        finally:
            tokens.close()
            timer.end()

    def unload(self) -> None:
        with contextlib.suppress(Exception):
            self.llm.close()
        self.llm = None
