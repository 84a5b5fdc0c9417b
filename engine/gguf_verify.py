"""Checks that a GGUF file behaves like the model it came from.

- tokenizer parity: llama.cpp's token ids for a mixed Chinese/English text
  equal the source (Hugging Face) tokenizer's;
- logits agreement: next-token logits from llama.cpp and transformers on the
  same token ids (top-1 at every position, max absolute difference); for a
  Meta-format folder the transformers model is built from the same tensors,
  read in HF layout by the merge engine's reader (an independent check of the
  q/k layout the converter writes);
- perplexity of a GGUF on a short built-in Chinese + English text, so the
  cost of each quantization type is visible.
"""
from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import numpy as np

from .errors import UserError
from .i18n import tr
from .jobs import CancelToken, NullReporter

log = logging.getLogger(__name__)

PARITY_TEXT = ("详细介绍一下北京的名胜古迹：故宫、长城和颐和园。"
               "The Great Wall is over 2,000 years old; 它全长约21196公里。"
               "Chinese-LLaMA扩充了中文词表，tokenizer更高效！ 1+1=2, isn't it?")
LOGIT_PROMPTS = ("北京是中国的首都，", "The quick brown fox jumps over the lazy dog.",
                 "请用一句话解释什么是机器学习。Machine learning is")


def ppl_sample_text() -> str:
    """The built-in perplexity text (resources/ppl_sample.txt)."""
    path = Path(__file__).resolve().parents[1] / "resources" / "ppl_sample.txt"
    return path.read_text(encoding="utf-8")


def _threads() -> int:
    return max(1, min(os.cpu_count() or 2, int(os.environ.get("OMP_NUM_THREADS", "0")) or (os.cpu_count() or 2)))


@contextlib.contextmanager
def open_gguf(path: os.PathLike | str, *, vocab_only: bool = False, n_ctx: int = 512,
              threads: Optional[int] = None):
    """llama.cpp's model for ``path``; a file it cannot load becomes a UserError."""
    from llama_cpp import Llama

    from .logs import route_llama_cpp_log
    route_llama_cpp_log()           # llama.cpp's log goes to the log file, never the terminal

    try:
        llm = Llama(model_path=str(path), vocab_only=vocab_only, n_ctx=n_ctx, n_batch=n_ctx,
                    n_threads=threads or _threads(), logits_all=not vocab_only, verbose=False,
                    n_gpu_layers=0)
    except (ValueError, RuntimeError) as exc:
        raise UserError(tr("llama.cpp could not load {name} ({error}).", name=Path(path).name, error=str(exc)),
                        tr("Convert the model again; if it keeps failing, report the log.")) from None
    try:
        yield llm
    finally:
        llm.close()


def _hf_tokenizer(model_dir: Path):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(model_dir))


def source_encode(model_dir: os.PathLike | str, text: str) -> tuple[str, list[int]]:
    """(tokenizer name, ids without BOS/EOS) from the model's own tokenizer.

    A SentencePiece ``tokenizer.model`` is the reference where present: it is what
    the model was trained with (transformers 5 re-implements it as a BPE that
    splits some Chinese words differently).
    """
    from .checkpoint import tokenizer_dir

    model_dir = tokenizer_dir(model_dir)      # a Meta folder's may be in its parent
    if (model_dir / "tokenizer.model").exists():
        from sentencepiece import SentencePieceProcessor

        sp = SentencePieceProcessor(model_file=str(model_dir / "tokenizer.model"))
        return "SentencePiece tokenizer.model", list(sp.encode(text))
    return "tokenizer.json", list(_hf_tokenizer(model_dir).encode(text, add_special_tokens=False))


@dataclass
class ParityResult:
    ok: bool
    n_tokens: int
    first_mismatch: Optional[int] = None
    source_ids: list[int] = field(default_factory=list)
    gguf_ids: list[int] = field(default_factory=list)
    reference: str = ""


def tokenizer_parity(model_dir: os.PathLike | str, gguf_path: os.PathLike | str,
                     text: str = PARITY_TEXT) -> ParityResult:
    """Token ids of ``text`` (without BOS/EOS) from the source tokenizer and from llama.cpp."""
    reference, source = source_encode(model_dir, text)
    with open_gguf(gguf_path, vocab_only=True) as llm:
        ours = llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)
    mismatch = next((i for i, (a, b) in enumerate(zip(source, ours)) if a != b), None)
    if mismatch is None and len(source) != len(ours):
        mismatch = min(len(source), len(ours))
    return ParityResult(mismatch is None, len(source), mismatch, source, list(ours), reference)


# The verdict's tolerances, relative to the logit scale (the largest |logit| of the reference), fixed
# in advance: a larger error must never excuse more mismatches.  A correct F16 conversion differs by
# well under 1 % of the scale (tiny random LLaMA: ~0.3 %, SmolLM2: ~1 %); a q/k permutation mistake
# by tens of percent.
TIE_FRACTION = 0.005       # other top-1 counts as a tie only when the reference's two logits are this close
MAX_DIFF_FRACTION = 0.05   # the largest difference an OK verdict allows


@dataclass
class LogitsResult:
    positions: int
    top1_matches: int
    max_abs_diff: float
    max_logit: float                 # scale of the logits, to judge the difference against
    near_ties: int = 0               # other top-1, but the reference's two logits within TIE_FRACTION of the scale

    @property
    def top1_identical(self) -> bool:
        """Every position picks the same token, counting near ties of the reference as agreement."""
        return self.positions > 0 and self.top1_matches + self.near_ties == self.positions

    @property
    def diff_limit(self) -> float:
        return MAX_DIFF_FRACTION * self.max_logit

    @property
    def within_tolerance(self) -> bool:
        return self.max_abs_diff <= self.diff_limit

    @property
    def ok(self) -> bool:
        """Same top token everywhere (up to near ties) and no logit further off than the bound."""
        return self.top1_identical and self.within_tolerance

    def describe(self) -> str:
        ties = f" (near-ties within {TIE_FRACTION:.1%} of the logit scale: {self.near_ties})" if self.near_ties else ""
        return (f"top-1 agreement {self.top1_matches}/{self.positions}{ties}, max abs difference "
                f"{self.max_abs_diff:.4g} (limit {self.diff_limit:.3g}, logits up to {self.max_logit:.3g})")


def _bos_id(tokenizer) -> Optional[int]:
    add_bos = getattr(tokenizer, "add_bos_token", None)
    if add_bos is False:
        return None
    return tokenizer.bos_token_id if add_bos else None


def hf_reference_fits(model_dir: os.PathLike | str, n_params: int) -> bool:
    """Whether a float32 transformers copy of the model fits in about half the free memory."""
    try:
        import psutil
        available = psutil.virtual_memory().available
    except ImportError:
        return n_params < 2e9
    return n_params * 4 < available * 0.5


def logits_agreement(model_dir: os.PathLike | str, gguf_path: os.PathLike | str,
                     prompts=LOGIT_PROMPTS, *, cancel: Optional[CancelToken] = None) -> LogitsResult:
    """Compare next-token logits of transformers (float32) and llama.cpp on the same token ids."""
    import torch

    from .checkpoint import is_meta_folder

    cancel = cancel or CancelToken()
    if is_meta_folder(model_dir):
        sequences, model = _meta_reference(Path(model_dir), prompts)
    else:
        from transformers import AutoModelForCausalLM

        tok = _hf_tokenizer(Path(model_dir))
        bos = _bos_id(tok)
        sequences = []
        for p in prompts:
            ids = tok.encode(p, add_special_tokens=False)
            sequences.append(([bos] if bos is not None else []) + ids)
        model = AutoModelForCausalLM.from_pretrained(str(model_dir), dtype=torch.float32)
    model.eval()
    reference = []
    with torch.inference_mode():
        for ids in sequences:
            cancel.check()
            reference.append(model(torch.tensor([ids])).logits[0].float().numpy())
    del model
    positions = matches = 0
    gaps: list[np.ndarray] = []      # the reference's gap between its top-1 and ours, where they differ
    max_diff = max_logit = 0.0
    n_ctx = max(64, max(len(s) for s in sequences) + 8)
    with open_gguf(gguf_path, n_ctx=n_ctx) as llm:
        for ids, ref in zip(sequences, reference):
            cancel.check()
            llm.reset()
            llm.eval(ids)
            got = np.asarray(llm.scores[:len(ids)], dtype=np.float32)
            if got.shape != ref.shape:
                raise UserError(tr("llama.cpp returned logits of shape {got}, transformers {expected}.",
                                   got=str(got.shape), expected=str(ref.shape)),
                                tr("The GGUF vocabulary does not match the model; convert it again."))
            positions += len(ids)
            ours, theirs = got.argmax(-1), ref.argmax(-1)
            same = ours == theirs
            matches += int(same.sum())
            # A random tiny model can have two tokens within float16 rounding of each other:
            # that is a tie in the reference, not a conversion error.  Judged once the scale is known.
            rows = np.arange(len(ids))
            gaps.append((ref[rows, theirs] - ref[rows, ours])[~same])
            max_diff = max(max_diff, float(np.abs(got - ref).max()))
            max_logit = max(max_logit, float(np.abs(ref).max()))
    ties = int(sum((g <= TIE_FRACTION * max_logit).sum() for g in gaps))
    return LogitsResult(positions, matches, max_diff, max_logit, ties)


def _meta_reference(folder: Path, prompts):
    """(token ids, float32 transformers LLaMA) for a Meta folder, which transformers cannot load:
    the model is built empty and given the checkpoint's tensors in HF layout; ids come from its
    tokenizer.model with BOS, as LLaMA was trained (or its tokenizer.json, if that is all there is)."""
    import torch
    from sentencepiece import SentencePieceProcessor
    from transformers import LlamaConfig, LlamaForCausalLM

    from .checkpoint import tokenizer_dir
    from .merge.inputs import MetaCheckpoint

    tok_dir = tokenizer_dir(folder)
    if (tok_dir / "tokenizer.model").exists():
        sp = SentencePieceProcessor(model_file=str(tok_dir / "tokenizer.model"))
        sequences = [[sp.bos_id()] + list(sp.encode(p)) for p in prompts]
    else:
        tok = _hf_tokenizer(tok_dir)
        bos = _bos_id(tok)
        sequences = [([bos] if bos is not None else []) + tok.encode(p, add_special_tokens=False) for p in prompts]
    ckpt = MetaCheckpoint(folder)
    try:
        config = LlamaConfig(**{k: v for k, v in ckpt.hf_config.items() if k != "architectures"})
        with torch.device("meta"):
            model = LlamaForCausalLM(config)
        state = {key: ckpt.read(key).to(torch.float32) for key in ckpt.keys()}
    finally:
        ckpt.close()
    model.load_state_dict(state, strict=True, assign=True)
    # Buffers computed at construction (RoPE frequencies) were not materialised on the meta device.
    model.model.rotary_emb = type(model.model.rotary_emb)(config)    # built on the CPU, outside the block above
    return sequences, model


@dataclass
class PerplexityResult:
    path: Path
    perplexity: float
    tokens: int


def perplexity(gguf_path: os.PathLike | str, text: Optional[str] = None, *, n_ctx: int = 256,
               max_tokens: int = 1024, progress=None, cancel: Optional[CancelToken] = None) -> PerplexityResult:
    """Perplexity of ``text`` (default: the built-in sample) under llama.cpp, in windows of n_ctx."""
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    text = text if text is not None else ppl_sample_text()
    with open_gguf(gguf_path, n_ctx=n_ctx) as llm:
        tokens = llm.tokenize(text.encode("utf-8"), add_bos=True, special=False)[:max_tokens]
        if len(tokens) < 2:
            raise UserError(tr("The perplexity text is too short."), tr("Use a text of at least a few sentences."))
        nll, count = 0.0, 0
        for start in range(0, len(tokens) - 1, n_ctx):
            cancel.check()
            chunk = tokens[start:start + n_ctx]
            if len(chunk) < 2:
                break
            llm.reset()
            llm.eval(chunk)
            logits = np.asarray(llm.scores[:len(chunk) - 1], dtype=np.float64)
            logits -= logits.max(-1, keepdims=True)
            logprobs = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
            targets = np.asarray(chunk[1:])
            nll -= float(logprobs[np.arange(len(targets)), targets].sum())
            count += len(targets)
            progress.update(start + len(chunk), len(tokens), status=tr("Perplexity of {name}", name=Path(gguf_path).name),
                            unit="tokens")
    return PerplexityResult(Path(gguf_path), float(np.exp(nll / count)), count)


@dataclass
class ConversionCheck:
    loads: bool
    parity: Optional[ParityResult]
    logits: Optional[LogitsResult]
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.loads and (self.parity is None or self.parity.ok) and (
            self.logits is None or self.logits.ok)


def verify_conversion(model_dir: os.PathLike | str, gguf_path: os.PathLike | str, *, n_params: int = 0,
                      progress=None, cancel: Optional[CancelToken] = None) -> ConversionCheck:
    """Load in llama.cpp, compare tokenization and logits with the source model."""
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    progress.update(0, 3, status=tr("Loading the GGUF in llama.cpp"), unit="steps")
    with open_gguf(gguf_path, vocab_only=True):
        pass
    cancel.check()
    progress.update(1, 3, status=tr("Comparing tokenizers"))
    parity = tokenizer_parity(model_dir, gguf_path)
    cancel.check()
    notes = []
    logits = None
    if n_params and not hf_reference_fits(model_dir, n_params):
        notes.append(tr("Logits were not compared: a float32 transformers copy of this model "
                        "does not fit in the free memory."))
    else:
        progress.update(2, 3, status=tr("Comparing logits with transformers"))
        logits = logits_agreement(model_dir, gguf_path, cancel=cancel)
    progress.update(3, 3, status=tr("Verified"), force=True)
    return ConversionCheck(True, parity, logits, notes)
