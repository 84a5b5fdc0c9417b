"""The conversion itself: plan every tensor, write the GGUF header, then stream the tensors."""
from __future__ import annotations

import errno
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import numpy as np

from ..diskspace import require_space
from ..errors import UserError
from ..jobs import CancelToken, NullReporter
from .readers import Source, open_source
from .stream import TensorStream
from .vocabulary import add_tokenizer
from ..i18n import tr

OUTTYPES = ("f32", "f16", "bf16", "q8_0")
METADATA_ALLOWANCE = 8 << 20    # header, vocabulary and alignment on top of the tensor bytes


@dataclass
class ConvertResult:
    path: Path
    outtype: str
    n_tensors: int
    n_params: int
    vocab_size: int
    tokenizer: str
    seconds: float
    notes: list[str] = field(default_factory=list)
    source_format: str = "hf"       # or "meta-pth"

    @property
    def summary(self) -> str:
        return (f"Wrote {self.path.name}: {self.n_tensors} tensors, {self.n_params / 1e6:.1f}M parameters, "
                f"{self.outtype.upper()}, vocabulary {self.vocab_size} ({self.tokenizer}).")


def _permute_for_rope(w: np.ndarray, n_head: int) -> np.ndarray:
    """HF's q/k rows back into the interleaved order llama.cpp's RoPE expects."""
    rows = w.shape[0]
    return w.reshape(n_head, 2, rows // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def _rope_heads(name: str, n_head: int, n_kv: int, interleaved: bool) -> int:
    """The head count to permute a tensor's rows by for llama.cpp's RoPE (0: leave it as it is).

    Meta's q/k layout is llama.cpp's already: permuting it again would scramble RoPE."""
    if interleaved:
        return 0
    if name.endswith("q_proj.weight"):
        return n_head
    if name.endswith("k_proj.weight"):
        return n_kv
    return 0


def _plan_type(gguf_name: str, shape: tuple[int, ...], outtype: str):
    from gguf import GGMLQuantizationType as Q

    # llama.cpp expects norms (and every 1-D tensor) in F32.
    if len(shape) <= 1 or gguf_name.endswith("_norm.weight"):
        return Q.F32
    if outtype == "q8_0" and shape[-1] % 32 != 0:
        return Q.F16
    return {"f32": Q.F32, "f16": Q.F16, "bf16": Q.BF16, "q8_0": Q.Q8_0}[outtype]


def _encode(data: np.ndarray, qtype) -> np.ndarray:
    from gguf import GGMLQuantizationType as Q
    from gguf import quants

    if qtype == Q.F16:
        return data if data.dtype == np.float16 else data.astype(np.float16, order="C")
    if qtype == Q.F32:
        return data.astype(np.float32, order="C", copy=data.dtype != np.float32 or not data.flags.c_contiguous)
    return quants.quantize(np.ascontiguousarray(data, dtype=np.float32), qtype)


def _nbytes(shape: tuple[int, ...], qtype) -> int:
    from gguf import GGML_QUANT_SIZES

    block, size = GGML_QUANT_SIZES[qtype]
    n = int(np.prod(shape)) if shape else 1
    return n // block * size


def _rope_settings(config: dict) -> tuple[Optional[float], Optional[float]]:
    """(rope_theta, linear scaling factor); transformers 4 and 5 spell these differently."""
    params = config.get("rope_parameters") or {}
    scaling = config.get("rope_scaling") or params
    theta = config.get("rope_theta", params.get("rope_theta"))
    rope_type = (scaling or {}).get("rope_type") or (scaling or {}).get("type")
    if rope_type in (None, "default"):
        return theta, None
    if rope_type == "linear":
        return theta, float(scaling["factor"])
    raise UserError(tr("RoPE scaling type {rope_type} is not supported by this converter.", rope_type=f"{rope_type!r}"),
                    tr("Convert this model with llama.cpp's convert_hf_to_gguf.py."))


def convert(model_dir: os.PathLike | str, out_path: os.PathLike | str, *, outtype: str = "f16",
            progress=None, cancel: Optional[CancelToken] = None, overwrite: bool = True) -> ConvertResult:
    """Convert the LLaMA folder ``model_dir`` (HF or Meta format) into the GGUF file ``out_path``."""
    folder = Path(model_dir)
    source = open_source(folder)
    try:
        return _convert(source, Path(out_path), outtype=outtype, progress=progress, cancel=cancel,
                        overwrite=overwrite)
    finally:
        source.close()


def _convert(source: Source, out_path: Path, *, outtype: str, progress, cancel: Optional[CancelToken],
             overwrite: bool) -> ConvertResult:
    import gguf

    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    started = time.monotonic()
    folder = source.folder
    if outtype not in OUTTYPES:
        raise UserError(tr("Unknown output type {outtype}.", outtype=f"{outtype!r}"), tr("Use one of: {value}.", value=', '.join(OUTTYPES)))
    if out_path.exists() and not overwrite:
        raise UserError(tr("{out_path} already exists.", out_path=out_path), tr("Choose another file name or delete the old file."))
    if out_path.resolve().parent == folder.resolve() and out_path.suffix != ".gguf":
        raise UserError(tr("The output would be written among the model's own files."), tr("Give the output a .gguf name."))
    progress.update(0, None, status=tr("Reading model description"), unit="bytes")

    config, refs = source.config, source.refs
    by_name = {r.name: r for r in refs}
    emb = by_name.get("model.embed_tokens.weight")
    if emb is None:
        raise UserError(tr("{folder} has no model.embed_tokens.weight.", folder=folder), tr("The checkpoint is incomplete; merge it again."))
    rows, hidden = emb.shape
    notes: list[str] = []
    declared = config.get("vocab_size")
    if declared is not None and int(declared) != rows:
        notes.append(f"config.json says vocab_size {declared} but the embedding has {rows} rows; "
                     f"the GGUF uses {rows}.")

    n_layers = int(config["num_hidden_layers"])
    n_head = int(config["num_attention_heads"])
    n_kv = int(config.get("num_key_value_heads") or n_head)
    head_dim = int(config.get("head_dim") or hidden // n_head)
    rope_theta, linear_factor = _rope_settings(config)

    writer = gguf.GGUFWriter(None, "llama")
    writer.add_name(folder.name)
    writer.add_context_length(int(config.get("max_position_embeddings") or 2048))
    writer.add_embedding_length(hidden)
    writer.add_block_count(n_layers)
    writer.add_feed_forward_length(int(config["intermediate_size"]))
    writer.add_head_count(n_head)
    writer.add_head_count_kv(n_kv)
    writer.add_rope_dimension_count(head_dim)
    if config.get("head_dim"):
        writer.add_key_length(head_dim)
        writer.add_value_length(head_dim)
    writer.add_layer_norm_rms_eps(float(config.get("rms_norm_eps", 1e-6)))
    if rope_theta is not None:
        writer.add_rope_freq_base(float(rope_theta))
    if linear_factor:
        writer.add_rope_scaling_type(gguf.RopeScalingType.LINEAR)
        writer.add_rope_scaling_factor(linear_factor)
    writer.add_vocab_size(rows)
    file_type = {"f32": gguf.LlamaFileType.ALL_F32, "f16": gguf.LlamaFileType.MOSTLY_F16,
                 "bf16": gguf.LlamaFileType.MOSTLY_BF16, "q8_0": gguf.LlamaFileType.MOSTLY_Q8_0}[outtype]
    writer.add_file_type(int(file_type))
    writer.add_quantization_version(gguf.GGML_QUANT_VERSION)

    tokenizer = add_tokenizer(writer, source.tokenizer_dir, rows)

    # Plan every tensor (names, types, sizes) before any data is read.
    name_map = gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, n_layers)
    plan = []
    for ref in refs:
        if ref.name.endswith("rotary_emb.inv_freq"):
            continue   # recomputed by llama.cpp
        new_name = name_map.get_name(ref.name, try_suffixes=(".weight", ".bias"))
        if new_name is None:
            raise UserError(tr("Tensor {name} has no llama.cpp equivalent.", name=ref.name),
                            tr("This is not a plain LLaMA checkpoint; convert it with llama.cpp's own tools."))
        qtype = _plan_type(new_name, ref.shape, outtype)
        plan.append((ref, new_name, qtype))
    if "output.weight" not in {p[1] for p in plan} and not config.get("tie_word_embeddings", False):
        raise UserError(tr("{folder} has no lm_head weight and the config does not tie it to the embeddings.", folder=folder),
                        tr("The checkpoint is incomplete; merge or download it again."))
    for ref, new_name, qtype in plan:
        writer.add_tensor_info(new_name, ref.shape, np.float32, _nbytes(ref.shape, qtype), raw_dtype=qtype)
    total = sum(_nbytes(r.shape, q) for r, _, q in plan)

    out_path.parent.mkdir(parents=True, exist_ok=True)
    # The size is known before a byte is written: refuse now rather than fill the disk.
    require_space(out_path.parent, total + METADATA_ALLOWANCE, out_path.name,
                  hint=tr("Free some space, or choose an output folder on another disk."))
    tmp = out_path.with_name(f".{out_path.name}.partial")
    n_params = 0
    stream = None
    try:
        writer.write_header_to_file(tmp)
        writer.write_kv_data_to_file()
        writer.write_ti_data_to_file()
        writer.close()            # header and tensor table are in; the data is appended with raw writes
        stream = TensorStream(tmp, writer.data_alignment)
        direct_types = {gguf.GGMLQuantizationType.F16: "F16", gguf.GGMLQuantizationType.F32: "F32"}
        done = 0
        for i, (ref, new_name, qtype) in enumerate(plan):
            cancel.check()
            progress.update(done, total, status=tr("Converting {new_name}", new_name=new_name))
            if i + 1 < len(plan):
                stream.prefetch(plan[i + 1][0])
            heads = _rope_heads(ref.name, n_head, n_kv, source.rope_interleaved)
            out_dtype = direct_types.get(qtype)
            if out_dtype is not None and stream.direct(ref, out_dtype, heads):
                done += stream.write_mapped(ref, out_dtype, heads)
            else:
                data = ref.read()
                if heads:
                    data = _permute_for_rope(data, heads)
                encoded = _encode(data, qtype)
                del data
                done += stream.write_array(encoded)
                del encoded
            n_params += int(np.prod(ref.shape))
        stream.close()
        stream = None
        cancel.check()
        os.replace(tmp, out_path)
    except BaseException as exc:
        writer.close()
        if stream is not None:
            stream.close()
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise UserError(tr("The disk filled up while writing {name}; nothing was kept.", name=out_path.name),
                            tr("Free some space or choose another output folder.")) from None
        raise
    progress.update(total, total, status=tr("Converted"), force=True)
    return ConvertResult(out_path, outtype, len(plan), n_params, rows, tokenizer,
                         time.monotonic() - started, notes, source.format)


def default_output_name(model_dir: os.PathLike | str, kind: str) -> str:
    """'<folder>-<kind>.gguf' with characters that file systems dislike replaced."""
    folder = Path(model_dir)
    name = folder.name
    if re.fullmatch(r"\d+B", name, re.IGNORECASE) and folder.parent.name:
        name = f"{folder.parent.name}-{name}"      # llama.cpp's zh-models/7B: "7B" alone says too little
    stem = re.sub(r"[^\w.\-]+", "_", name) or "model"
    return f"{stem}-{kind.lower()}.gguf"


def iter_gguf_tensor_types(path: os.PathLike | str) -> Iterator[tuple[str, str]]:
    """(tensor name, type name) of a GGUF file, for reports and tests."""
    from gguf import GGUFReader

    for t in GGUFReader(str(path)).tensors:
        yield t.name, t.tensor_type.name
