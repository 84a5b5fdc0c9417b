"""The streaming merge: base LLaMA + LoRA(s) in order -> a full model, one tensor at a time.

``plan_merge`` opens the inputs (headers, configs, tokenizers only), runs every
check and works out the output: order, vocabulary, files, size, disk, memory.
``run_merge`` then reads each base tensor, applies each LoRA (full replacement
from ``modules_to_save``, then ``W += scale·B·A`` in float32), casts once and
streams it to the output, inside a temporary folder renamed at the end.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import StalePartial, atomic_dir, check_writable, remove_stale_partials, stale_partials
from ..errors import UserError, user_error_from_os
from ..jobs import CancelToken, JobResult, NullReporter, ProgressReporter, format_bytes
from . import checks
from .inputs import Architecture, BaseCheckpoint, open_base
from .lora import LoraAdapter, copy_tokenizer_files, open_lora
from .safetensors_file import ITEM_SIZE, nbytes
from .writer import HFWriter, PthWriter, pth_params, pth_shard_count
from ..i18n import tr

log = logging.getLogger(__name__)

FORMATS = ("hf", "pth")
DTYPES = ("float16", "bfloat16", "float32")
DEFAULT_SHARD_BYTES = 4 * 1024 ** 3
RUNTIME_BYTES = 400 * 1024 ** 2      # the Python + torch process itself
RESIZED = ("model.embed_tokens.weight", "lm_head.weight")


@dataclass
class TensorStep:
    key: str
    shape: tuple[int, ...]
    work_bytes: int          # memory this tensor needs while it is merged


@dataclass
class MergePlan:
    base: BaseCheckpoint
    loras: list[LoraAdapter]
    out_dir: Path
    out_format: str
    dtype: str
    arch: Architecture
    vocab_steps: list[int]               # base vocab, then after each LoRA
    steps: list[TensorStep]
    output_bytes: int
    disk_free: int
    disk_needed: int
    pth_shards: int
    shard_bytes: int
    notices: list[str] = field(default_factory=list)
    # hidden partial folders of earlier merges into out_dir that were killed; removed when the run starts
    stale: list[StalePartial] = field(default_factory=list)

    @property
    def stale_bytes(self) -> int:
        return sum(x.bytes for x in self.stale)

    @property
    def final_vocab(self) -> int:
        return self.vocab_steps[-1]

    @property
    def peak_memory(self) -> int:
        return RUNTIME_BYTES + max((s.work_bytes for s in self.steps), default=0)

    def summary(self) -> dict:
        return {
            "base": str(self.base.folder), "base_format": self.base.format, "size": self.arch.size_name,
            "loras": [str(x.folder) for x in self.loras], "order": [x.name for x in self.loras],
            "vocab_steps": self.vocab_steps, "final_vocab": self.final_vocab,
            "output": str(self.out_dir), "format": self.out_format, "dtype": self.dtype,
            "output_bytes": self.output_bytes, "disk_free": self.disk_free, "disk_needed": self.disk_needed,
            "peak_memory_bytes": self.peak_memory, "tensors": len(self.steps), "notices": self.notices,
            "stale_partials": [str(x.path) for x in self.stale], "stale_bytes": self.stale_bytes,
        }

    def describe(self) -> list[str]:
        lines = [f"Base: {self.base.folder} ({self.arch.size_name}, {self.base.format})"]
        for i, lora in enumerate(self.loras, 1):
            lines.append(f"LoRA {i}: {lora.name} → vocabulary {self.vocab_steps[i]}")
        lines += [f"Output: {self.out_dir} ({self.out_format}, {self.dtype})",
                  f"Output size: {format_bytes(self.output_bytes)}; disk free: {format_bytes(self.disk_free)}",
                  f"Expected peak memory: {format_bytes(self.peak_memory)}"]
        if self.stale:
            lines.append(f"Partial output of an earlier merge that was stopped: {describe_stale(self.stale)}; "
                         "removed when this merge starts.")
        return lines + [f"Note: {n}" for n in self.notices]

    def close(self) -> None:
        self.base.close()
        for lora in self.loras:
            lora.close()


def plan_merge(base_dir, lora_dirs, out_dir, *, out_format: str = "hf", dtype: str = "float16",
               fix_order: bool = False, overwrite: bool = False, shard_bytes: int = DEFAULT_SHARD_BYTES,
               pth_shards: int | None = None) -> MergePlan:
    if out_format not in FORMATS:
        raise UserError(tr("Unknown output format {out_format}.", out_format=f"{out_format!r}"), tr("Use one of: {value}.", value=', '.join(FORMATS)))
    if dtype not in DTYPES:
        raise UserError(tr("Unknown data type {dtype}.", dtype=f"{dtype!r}"), tr("Use one of: {value}.", value=', '.join(DTYPES)))
    lora_dirs = [Path(d).expanduser() for d in lora_dirs]
    if not lora_dirs:
        raise UserError(tr("No LoRA to merge."), tr("Add at least one LoRA folder."))
    out_dir = Path(out_dir).expanduser()
    try:
        checks.check_output_location(out_dir, [Path(base_dir), *lora_dirs], overwrite)
        check_writable(out_dir, "the merged model")
    except OSError as exc:          # a name too long, a file in the way: one line, not a traceback
        raise user_error_from_os(exc, out_dir, tr("write the merged model to")) from None
    # LoRAs first: they are small, and a missing one is named before the (large) base is touched.
    loras: list[LoraAdapter] = []
    base = None
    try:
        for d in lora_dirs:
            loras.append(open_lora(d))
        base = open_base(base_dir)
        arch = base.architecture()
        loras, notices = checks.check_order(loras, fix_order)
        vocab = [arch.vocab]
        for lora in loras:
            checks.check_tokenizer_matches_lora(lora)
            checks.check_fits(lora, base, arch)
            vocab.append(checks.check_vocab_step(lora, vocab[-1]))
            if vocab[-1] > vocab[-2] and lora.embed_rows is None:
                notices.append(f"{lora.name} grows the vocabulary to {vocab[-1]} without trained embeddings; "
                               "the new rows start as the mean of the existing ones.")
        steps, output = _steps(base, loras, vocab[-1], dtype)
        n_pth = pth_shards or pth_shard_count(arch.hidden)
        # pth is written through one raw file per shard before torch.save: one shard's worth extra.
        need = output + (output // n_pth if out_format == "pth" else 0) + 16 * 1024 ** 2
        # Partial folders of killed merges into the same folder are removed first: their space counts as free.
        stale = stale_partials(out_dir)
        free = checks.check_disk(out_dir, max(0, need - sum(x.bytes for x in stale))) + sum(x.bytes for x in stale)
        return MergePlan(base=base, loras=loras, out_dir=out_dir, out_format=out_format, dtype=dtype,
                         arch=arch, vocab_steps=vocab, steps=steps, output_bytes=output, disk_free=free,
                         disk_needed=need, pth_shards=n_pth, shard_bytes=shard_bytes, notices=notices,
                         stale=stale)
    except BaseException:
        if base is not None:
            base.close()
        for lora in loras:
            lora.close()
        raise


def _steps(base: BaseCheckpoint, loras: list[LoraAdapter], final_vocab: int, dtype: str):
    steps, total = [], 0
    out_size = ITEM_SIZE[dtype]
    for key in base.keys():
        shape, in_dtype = base.specs[key]
        if key in RESIZED:
            shape = (final_vocab, *shape[1:])
        if not shape:
            shape = tuple(shape)
        numel = nbytes(shape, "uint8")
        has_delta = any(key in x.low_rank for x in loras)
        work = numel * (ITEM_SIZE[in_dtype] + out_size) + (numel * 4 if has_delta else 0)
        steps.append(TensorStep(key, tuple(shape), work))
        total += numel * out_size
    return steps, total


def _resize_rows(w, rows: int):
    """Grow (mean of existing rows, deterministic) or shrink a vocabulary matrix to ``rows``."""
    import torch

    if w.shape[0] == rows:
        return w
    if w.shape[0] > rows:
        return w[:rows].clone()
    extra = w.float().mean(dim=0, keepdim=True).to(w.dtype).expand(rows - w.shape[0], -1)
    return torch.cat([w, extra], dim=0)


def merge_tensor(plan: MergePlan, key: str):
    """The merged value of one tensor, in the output dtype."""
    import torch

    out_dtype = getattr(torch, plan.dtype)
    w = None
    for i, lora in enumerate(plan.loras):
        rows = plan.vocab_steps[i + 1]
        if key in lora.full:
            w = lora.read_full(key)
        if key in lora.low_rank:
            if w is None:
                w = plan.base.read(key)
            if key in RESIZED:
                w = _resize_rows(w, rows)
            if w.dtype != torch.float32:
                w = w.float()
            lora.add_delta(key, w)
    if w is None:
        w = plan.base.read(key)
    if key in RESIZED:
        w = _resize_rows(w, plan.final_vocab)
    return w.to(out_dtype)


def _output_config(plan: MergePlan) -> dict:
    config = dict(plan.base.hf_config)
    config["vocab_size"] = plan.final_vocab
    # transformers 5 writes "dtype", older versions "torch_dtype": keep whichever the base uses.
    for key in [k for k in ("dtype", "torch_dtype") if k in config] or ["torch_dtype"]:
        config[key] = plan.dtype
    config.pop("transformers_version", None)   # ours is not the one that wrote it
    config.pop("quantization_config", None)    # the merged weights are plain floating point
    return config


def run_merge(plan: MergePlan, *, progress: ProgressReporter | None = None,
              cancel: CancelToken | None = None) -> JobResult:
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    specs = [(s.key, plan.dtype, s.shape) for s in plan.steps]
    total = plan.output_bytes
    for note in plan.notices:
        log.info(note)
    removed: list[StalePartial] = []
    try:
        if plan.stale:
            progress.update(status=tr("Removing the partial output of an earlier merge"), force=True)
            removed = remove_stale_partials(plan.out_dir)
            if removed:
                log.info("Removed partial output of an earlier merge: %s", describe_stale(removed))
        with atomic_dir(plan.out_dir, overwrite=True) as tmp:
            _make_readable(tmp)
            writer = (HFWriter(tmp, specs, plan.shard_bytes) if plan.out_format == "hf" else
                      PthWriter(tmp, specs, plan.pth_shards, plan.arch.heads, plan.arch.kv_heads))
            done = 0
            progress.update(0, total, unit="bytes", status=tr("Merging"))
            try:
                for n, step in enumerate(plan.steps, 1):
                    cancel.check()
                    progress.update(done, status=tr("Merging tensor {n}/{steps}: {key}", n=n, steps=len(plan.steps), key=step.key))
                    tensor = merge_tensor(plan, step.key)
                    writer.write(step.key, tensor)
                    done += nbytes(step.shape, plan.dtype)
                    del tensor
                    progress.update(done)
                hashes = writer.finish(progress=progress, cancel=cancel)
            except BaseException:
                writer.abort()
                raise
            cancel.check()
            progress.update(status=tr("Writing config and tokenizer files"))
            _write_side_files(plan, tmp)
            _write_sha256sums(tmp, hashes, cancel)
    finally:
        plan.close()
    progress.update(total, total, status=tr("Merged"), force=True)
    log.info("Merged %s into %s", " + ".join(x.name for x in plan.loras), plan.out_dir)
    summary = f"Merged model written to {plan.out_dir}"
    if removed:
        summary += f" (removed the partial output of an earlier stopped merge: {describe_stale(removed)})"
    return JobResult(summary=summary,
                     details={"out_dir": str(plan.out_dir), "format": plan.out_format,
                              "vocab_size": plan.final_vocab, "files": sorted(hashes),
                              "notices": plan.notices,
                              "removed_partials": [str(x.path) for x in removed],
                              "removed_bytes": sum(x.bytes for x in removed)})


def describe_stale(items: list[StalePartial]) -> str:
    """``.out.ab12.partial (2.1 GB)`` or ``2 folders, 4.3 GB``."""
    total = format_bytes(sum(x.bytes for x in items))
    if len(items) == 1:
        return f"{items[0].path.name} ({total})"
    return f"{len(items)} folders, {total}"


def _make_readable(folder: Path) -> None:
    """mkdtemp makes the folder private (0700); the model folder should have normal permissions."""
    import os

    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_side_files(plan: MergePlan, tmp: Path) -> None:
    tok_src = next((x.folder for x in reversed(plan.loras) if x.tokenizer_size), None)
    if tok_src is None and plan.base.tokenizer_dir is not None:
        tok_src = plan.base.tokenizer_dir
    if tok_src is not None:
        copy_tokenizer_files(tok_src, tmp)
    if plan.out_format == "hf":
        _write_json(tmp / "config.json", _output_config(plan))
        gen = plan.base.generation_config or {"bos_token_id": 1, "eos_token_id": 2}
        gen = {k: v for k, v in gen.items() if k != "transformers_version"}
        _write_json(tmp / "generation_config.json", gen)
    else:
        a = plan.arch
        params = pth_params(a.hidden, a.heads, a.kv_heads, a.layers, a.norm_eps)
        (tmp / "params.json").write_text(json.dumps(params) + "\n", encoding="utf-8")
    _write_json(tmp / "merge_info.json", {
        "base": plan.base.folder.name, "base_format": plan.base.format, "size": plan.arch.size_name,
        "loras": [x.name for x in plan.loras], "vocab_size": plan.final_vocab,
        "format": plan.out_format, "dtype": plan.dtype,
    })


def _write_sha256sums(tmp: Path, known: dict[str, str], cancel: CancelToken) -> None:
    from ..hashing import sha256_file

    lines = []
    for path in sorted(p for p in tmp.iterdir() if p.is_file()):
        digest = known.get(path.name) or sha256_file(path, cancel=cancel)
        lines.append(f"{digest}  {path.name}\n")
    (tmp / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def merge(base_dir, lora_dirs, out_dir, *, out_format: str = "hf", dtype: str = "float16",
          fix_order: bool = False, overwrite: bool = False, shard_bytes: int = DEFAULT_SHARD_BYTES,
          pth_shards: int | None = None, progress: ProgressReporter | None = None,
          cancel: CancelToken | None = None) -> JobResult:
    """Plan (all checks), then merge. The one entry point for CLI, GUI and tests."""
    plan = plan_merge(base_dir, lora_dirs, out_dir, out_format=out_format, dtype=dtype, fix_order=fix_order,
                      overwrite=overwrite, shard_bytes=shard_bytes, pth_shards=pth_shards)
    return run_merge(plan, progress=progress, cancel=cancel)
