"""The Quantize wizard's job: convert to F16, verify, quantize, compare perplexity.

One function so the GUI and the CLI (``convert`` + ``quantize``) run the same
steps; each step reports into its own slice of the progress bar.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .diskspace import require_space
from .jobs import CancelToken, NullReporter
from .gguf_convert import ConvertResult, convert, default_output_name, inspect_model
from .gguf_verify import ConversionCheck, PerplexityResult, perplexity, verify_conversion
from .quantize import DEFAULT_TYPE, QuantizeResult, Shapes, estimate_file_bytes, normalize_type, quantize
from .i18n import tr


@dataclass
class PipelineResult:
    f16_path: Path
    quant_path: Optional[Path]
    converted: Optional[ConvertResult]          # None when an up-to-date F16 file was reused
    check: Optional[ConversionCheck]
    quantized: Optional[QuantizeResult]
    ppl_f16: Optional[PerplexityResult]
    ppl_quant: Optional[PerplexityResult]
    notes: list[str] = field(default_factory=list)

    @property
    def final_path(self) -> Path:
        return self.quant_path or self.f16_path


def planned_paths(model_dir: os.PathLike | str, out_dir: os.PathLike | str, qtype: Optional[str]):
    out_dir = Path(out_dir)
    f16 = out_dir / default_output_name(model_dir, "f16")
    quant = out_dir / default_output_name(model_dir, qtype) if qtype and qtype.upper() != "F16" else None
    return f16, quant


def check_disk_space(out_dir: Path, needed: int) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    require_space(out_dir, needed * 1.05, tr("the GGUF files"),   # 5%: metadata and filesystem slack
                  hint=tr("Free some space or choose another output folder."))


def _f16_is_current(f16: Path, model_dir: Path) -> bool:
    if not f16.is_file():
        return False
    sources = [p for p in model_dir.iterdir() if p.is_file()]
    return bool(sources) and f16.stat().st_mtime > max(p.stat().st_mtime for p in sources)


def convert_and_quantize(model_dir: os.PathLike | str, out_dir: os.PathLike | str, qtype: Optional[str] = DEFAULT_TYPE,
                         *, verify: bool = True, measure_perplexity: bool = True, reuse_f16: bool = True,
                         keep_f16: bool = True, threads: int = 0, progress=None,
                         cancel: Optional[CancelToken] = None) -> PipelineResult:
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    model_dir, out_dir = Path(model_dir), Path(out_dir)
    if qtype and qtype.upper() != "F16":
        qtype = normalize_type(qtype)
    else:
        qtype = None
    info = inspect_model(model_dir)
    shapes = Shapes.from_config(info.config, vocab=info.embedding_rows)
    f16, quant = planned_paths(model_dir, out_dir, qtype)
    notes: list[str] = []
    reuse = reuse_f16 and _f16_is_current(f16, model_dir)
    needed = (0 if reuse else estimate_file_bytes(shapes, "F16")) + (
        estimate_file_bytes(shapes, qtype) if qtype else 0)
    check_disk_space(out_dir, needed)

    # Progress slices: convert, verify, quantize, perplexity.
    spans = [45, 15, 25, 15] if qtype else [60, 25, 0, 15]   # percent
    starts = [sum(spans[:i]) for i in range(4)]
    progress.update(0, 100, status=tr("Converting to GGUF F16"), unit="%")

    converted = None
    if reuse:
        notes.append(f"Reused {f16.name}: it is newer than the model files.")
    else:
        converted = convert(model_dir, f16, outtype="f16", progress=progress.child(starts[0], spans[0]),
                            cancel=cancel)
        notes.extend(converted.notes)
    cancel.check()
    check = None
    if verify:
        check = verify_conversion(model_dir, f16, n_params=info.n_params,
                                  progress=progress.child(starts[1], spans[1]), cancel=cancel)
        notes.extend(check.notes)
    quantized = None
    if qtype:
        quantized = quantize(f16, quant, qtype, threads=threads, progress=progress.child(starts[2], spans[2]),
                             cancel=cancel)
    ppl_f16 = ppl_quant = None
    if measure_perplexity:
        half = spans[3] / 2
        ppl_f16 = perplexity(f16, progress=progress.child(starts[3], half), cancel=cancel)
        if quantized:
            ppl_quant = perplexity(quant, progress=progress.child(starts[3] + half, half), cancel=cancel)
    if quantized and not keep_f16:
        f16.unlink(missing_ok=True)
    progress.update(100, 100, status=tr("Done"), force=True)
    return PipelineResult(f16, quant, converted, check, quantized, ppl_f16, ppl_quant, notes)
