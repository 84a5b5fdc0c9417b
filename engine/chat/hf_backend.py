"""transformers backend for Hugging Face folders: CPU / CUDA / MPS, a PEFT LoRA
applied unmerged, streaming through TextIteratorStreamer on a worker thread."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator, Optional

from ..checkpoint import has_tokenizer
from ..errors import UserError
from ..jobs import CancelToken, ProgressReporter
from .backend_base import Backend, GenerationStats, LoadOptions, RopeScaling, StopFilter, Timer, rope_scaling_for
from .presets import GenerationSettings
from .templates import ModelFacts
from ..i18n import tr


def _device(choice: str, use_gpu: bool) -> str:
    import torch
    if choice != "auto":
        return choice
    if use_gpu and torch.cuda.is_available():
        return "cuda"
    if use_gpu and getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def _dtype(choice: str, device: str):
    import torch
    if choice == "auto":
        # Upstream: fp16 on GPU, model.float() on CPU.
        return torch.float32 if device == "cpu" else torch.float16
    return getattr(torch, choice)


def _rope_config(path: Path, options: LoadOptions) -> tuple[int, Optional[RopeScaling]]:
    """The trained context (``max_position_embeddings``) and the RoPE scaling a longer chosen
    context needs (upstream: NTK scaling, 4K+ with transformers)."""
    import json
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0, None
    trained = int(config.get("max_position_embeddings") or 0)
    if options.rope_scaling == "none" or config.get("rope_scaling"):
        return trained, None        # off, or the model already says how it scales
    heads = int(config.get("num_attention_heads") or 1)
    head_dim = int(config.get("head_dim") or (int(config.get("hidden_size") or 128 * heads) // heads))
    rope = rope_scaling_for(options.context_size, trained, method=options.rope_scaling,
                            base=float(config.get("rope_theta") or 10000.0), head_dim=head_dim)
    return trained, rope


def _scaled_config(path: Path, rope: RopeScaling):
    """The model's config with RoPE scaling set (``rope_parameters`` in transformers 5,
    ``rope_scaling`` before), as transformers documents it."""
    from transformers import AutoConfig
    config = AutoConfig.from_pretrained(str(path))
    if getattr(config, "rope_parameters", None) is not None:
        config.rope_parameters = {**config.rope_parameters, **rope.hf_config()}
    else:
        config.rope_scaling = rope.hf_config()
    return config


def _open_adapter(lora: Path):
    """The PEFT adapter's tensor shapes, read without running code (weights_only, safetensors)."""
    from ..merge.lora import open_lora
    adapter = open_lora(lora)
    adapter.close()             # only the shapes are kept; PEFT reads the weights itself
    return adapter


_RESIZED = ("model.embed_tokens.weight", "lm_head.weight")


def _check_adapter_fits(adapter, model, path: Path) -> None:
    """A LoRA for another base (size, layers, modules) is one line, not PEFT's size dump."""
    shapes = {k: tuple(p.shape) for k, p in model.named_parameters()}
    hidden = getattr(model.config, "hidden_size", None)
    fix = "Choose the base model this LoRA was trained on (the same LLaMA size: 7B LoRA → 7B model)."
    for key in sorted(adapter.low_rank):
        want = shapes.get(key)
        if want is None:
            raise UserError(tr("The LoRA {weights_file} has weights for {key}, which the model {name} does not have: it was made for another base.", weights_file=adapter.weights_file, key=key, name=path.name), fix)
        got = tuple(adapter.delta_shape(key))
        if key in _RESIZED:
            want, got = want[1:], got[1:]
        if got != tuple(want):
            raise UserError(tr("The LoRA {weights_file} was trained for a model with hidden size {value}, but {name} has hidden size {hidden} ({key}: {got} instead of {want}).", weights_file=adapter.weights_file, value=adapter.hidden_size(), name=path.name, hidden=hidden, key=key, got=got, want=tuple(want)), fix)


class HFBackend(Backend):
    kind = "transformers"

    def __init__(self, path: Path, options: LoadOptions, model, tokenizer, device: str) -> None:
        super().__init__(path, options)
        self.model, self.tokenizer, self.device = model, tokenizer, device
        self.trained_context = 0
        self.rope: Optional[RopeScaling] = None

    @classmethod
    def load(cls, path: Path, options: LoadOptions, *, progress: ProgressReporter,
             cancel: CancelToken) -> "HFBackend":
        progress.update(0, 4, status=tr("Importing transformers"), force=True)
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
        from transformers.utils import logging as hf_logging
        hf_logging.disable_progress_bar()     # our progress reporter shows loading; no tqdm bar on stderr
        cancel.check()
        device = _device(options.device, options.use_gpu)
        dtype = _dtype(options.dtype, device)
        lora = Path(options.lora).expanduser() if options.lora else None
        if lora is not None and not (lora / "adapter_config.json").exists():
            raise UserError(tr("{lora} is not a PEFT LoRA folder (no adapter_config.json).", lora=lora),
                            tr("Choose the folder that holds adapter_config.json."))
        # Read the adapter our own safe way first: a damaged file, a pickle with code or a
        # DoRA/other variant is one line naming the file, before the base model is loaded.
        adapter = _open_adapter(lora) if lora is not None else None
        # Upstream order: the LoRA's tokenizer (it may add Chinese tokens), else the base model's.
        tok_dir = lora if lora is not None and has_tokenizer(lora) else path
        progress.update(1, 4, status=tr("Loading tokenizer"), force=True)
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(tok_dir))
        except (OSError, ValueError) as exc:
            raise UserError(tr("The tokenizer in {tok_dir} could not be loaded: {exc}.", tok_dir=tok_dir, exc=exc),
                            tr("The folder needs tokenizer.model or tokenizer.json.")) from None
        cancel.check()
        progress.update(2, 4, status=tr("Loading {name} on {device}", name=path.name, device=device), force=True)
        if options.threads:
            torch.set_num_threads(options.threads)
        trained, rope = _rope_config(path, options)
        from .preread import preread, weight_files
        preread(weight_files(path), progress.child(2, 0.9, 1.0), cancel)     # shard by shard, in bytes
        progress.update(2.9, 4, status=tr("Loading {name} on {device}", name=path.name, device=device), force=True)
        try:
            extra = {"config": _scaled_config(path, rope)} if rope is not None else {}
            model = AutoModelForCausalLM.from_pretrained(str(path), torch_dtype=dtype, low_cpu_mem_usage=True,
                                                         **extra)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - safetensors, pickle and shape errors all mean a bad folder
            raise UserError(tr("The model in {path} could not be loaded: {exc}.", path=path, exc=exc),
                            tr("Check that the folder is a complete Hugging Face model (verify it, or merge or "
                            "download it again).")) from None
        cancel.check()
        n_tok = len(tokenizer)
        if n_tok != model.get_input_embeddings().weight.shape[0]:
            if n_tok < model.get_input_embeddings().weight.shape[0] and lora is None:
                pass  # padding rows in the model are harmless
            elif lora is not None:
                model.resize_token_embeddings(n_tok)
        if lora is not None:
            progress.update(3, 4, status=tr("Applying LoRA {name} (unmerged)", name=lora.name), force=True)
            from peft import PeftModel
            _check_adapter_fits(adapter, model, path)
            try:
                model = PeftModel.from_pretrained(model, str(lora), torch_dtype=dtype)
            except (OSError, ValueError, RuntimeError) as exc:
                raise UserError(tr("The LoRA {name} does not fit this model: {exc}.", name=lora.name, exc=exc),
                                tr("Choose the base model this LoRA was trained on.")) from None
        model.to(device)
        model.eval()
        progress.update(4, 4, status=tr("Model loaded"), force=True)
        backend = cls(path, options, model, tokenizer, device)
        backend.trained_context, backend.rope = trained, rope
        return backend

    @property
    def context_size(self) -> int:
        limit = getattr(self.model.config, "max_position_embeddings", None) or 2048
        if self.rope is not None:
            return self.options.context_size        # scaled past the trained length
        return min(limit, self.options.context_size) if self.options.context_size else limit

    @property
    def n_ctx_train(self) -> int:
        return self.trained_context or getattr(self.model.config, "max_position_embeddings", 0) or 0

    def facts(self) -> ModelFacts:
        tok = self.tokenizer
        return ModelFacts(vocab_size=len(tok), chat_template=getattr(tok, "chat_template", None),
                          bos_token=tok.bos_token or "", eos_token=tok.eos_token or "",
                          adds_bos=tok.bos_token_id is not None and tok("a")["input_ids"][:1] == [tok.bos_token_id])

    def tokenize(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=True)["input_ids"]

    def next_token_logits(self, prompt: str, token_ids: list[int]) -> list[float]:
        """Raw logits of the token after ``prompt`` (special tokens added, as ``tokenize``) at
        ``token_ids``: one forward pass, the last position (upstream's first generation step)."""
        import torch
        ids = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=True)
        ids = {k: v.to(self.device) for k, v in ids.items()}
        with torch.inference_mode():
            row = self.model(**ids).logits[0, -1].float().cpu()
        return [float(row[i]) for i in token_ids]

    def next_token_logits_batch(self, prompts: list[str], token_ids: list[int]) -> list[list[float]]:
        """``next_token_logits`` for several prompts in one forward pass: left-padded, with the
        attention mask and position ids each prompt would have alone."""
        import torch
        enc = [self.tokenizer(p, add_special_tokens=True)["input_ids"] for p in prompts]
        width = max(len(e) for e in enc)
        pad = self.tokenizer.pad_token_id
        if pad is None:
            pad = self.tokenizer.eos_token_id or 0
        ids = torch.full((len(enc), width), pad, dtype=torch.long)
        mask = torch.zeros((len(enc), width), dtype=torch.long)
        for i, e in enumerate(enc):
            ids[i, width - len(e):] = torch.tensor(e, dtype=torch.long)
            mask[i, width - len(e):] = 1
        positions = (mask.cumsum(-1) - 1).clamp(min=0)
        with torch.inference_mode():
            rows = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device),
                              position_ids=positions.to(self.device)).logits[:, -1].float().cpu()
        return [[float(row[i]) for i in token_ids] for row in rows]

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Upstream's openai_server_demo: the last hidden layer, mean-pooled over the tokens,
        L2-normalized; one text at a time (no padding to mask)."""
        import torch
        out = []
        with torch.inference_mode():
            for text in texts:
                ids = self.tokenizer(text, return_tensors="pt", add_special_tokens=True)
                ids = {k: v.to(self.device) for k, v in ids.items()}
                hidden = self.model(**ids, output_hidden_states=True).hidden_states[-1][0].float()
                vec = torch.nn.functional.normalize(hidden.mean(dim=0), p=2, dim=0)
                out.append(vec.cpu().tolist())
        return out

    def generate(self, prompt: str, settings: GenerationSettings, *,
                 cancel: Optional[CancelToken] = None) -> Iterator[str]:
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        stats = self.last_stats = GenerationStats()
        timer = Timer(stats)
        ids = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=True)
        ids = {k: v.to(self.device) for k, v in ids.items()}
        prompt_len = ids["input_ids"].shape[1]
        stats.prompt_tokens = prompt_len
        stops = StopFilter(settings.stop)
        halt = threading.Event()

        class _Halt(StoppingCriteria):
            def __call__(self, input_ids, scores, **kwargs):
                stats.generated_tokens = input_ids.shape[1] - prompt_len
                return halt.is_set() or (cancel is not None and cancel.cancelled)

        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        sample = settings.temperature > 0
        kwargs = dict(**ids, streamer=streamer, max_new_tokens=settings.max_new_tokens,
                      do_sample=sample, repetition_penalty=settings.repetition_penalty,
                      stopping_criteria=StoppingCriteriaList([_Halt()]),
                      pad_token_id=self.tokenizer.pad_token_id or self.tokenizer.eos_token_id)
        if sample:
            kwargs.update(temperature=settings.temperature, top_p=settings.top_p, top_k=settings.top_k)
        else:
            kwargs.update(temperature=None, top_p=None, top_k=None)
        if settings.seed >= 0:
            torch.manual_seed(settings.seed)
        error: list[BaseException] = []

        def work():
            try:
                with torch.inference_mode():
                    self.model.generate(**kwargs)
            except BaseException as exc:  # noqa: BLE001 - re-raised on the caller's thread
                error.append(exc)
                streamer.on_finalized_text("", stream_end=True)

        worker = threading.Thread(target=work, name="hf-generate", daemon=True)
        worker.start()
        try:
            for piece in streamer:
                out = stops.feed(piece)
                if out:
                    timer.piece()
                    yield out
                if stops.hit:
                    halt.set()
                    stats.finish = "stop"
                    break
                if cancel is not None and cancel.cancelled:
                    stats.finish = "stopped"
                    break
            rest = stops.flush() if not stops.hit and stats.finish != "stopped" else ""
            if rest:
                yield rest
        finally:
            halt.set()
            worker.join()
            timer.end()
        if error:
            raise error[0]
        if not stats.finish and cancel is not None and cancel.cancelled:
            stats.finish = "stopped"
        if not stats.finish:
            stats.finish = "length" if stats.generated_tokens >= settings.max_new_tokens else "eos"
        elif stats.finish == "stop":
            stats.finish = "eos"

    def unload(self) -> None:
        self.model = None
        self.tokenizer = None
        try:
            import torch
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
        except ImportError:
            pass
