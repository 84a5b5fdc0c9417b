"""Reading a model folder for conversion: tensor references (shapes first, data on demand),
the HF-style config, and the model description.  Folder kinds, safetensors headers and
pickle loading come from ``engine.checkpoint``: one reader for the whole engine.

Safetensors are read with plain file reads rather than a memory map so the pages of a
13 GB input are not charged to this process; ``.bin`` checkpoints go through
``torch.load(mmap=True, weights_only=True)``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import numpy as np

from ..checkpoint import (hf_weight_files, is_meta_folder, meta_parts, read_header, read_json, tokenizer_dir,
                          tokenizer_info, torch_load, vocab_mismatch)
from ..checkpoint.folder import has_tokenizer as _has_tokenizer
from ..checkpoint.safetensors import damaged
from ..errors import UserError

SUPPORTED_ARCHITECTURES = ("LlamaForCausalLM", "LLaMAForCausalLM")

_SAFE_DTYPES = {"F32": (np.float32, 4), "F16": (np.float16, 2), "BF16": (np.uint16, 2), "F64": (np.float64, 8)}


# --------------------------------------------------------------------------- reading tensors

@dataclass
class TensorRef:
    name: str
    shape: tuple[int, ...]
    read: Callable[[], np.ndarray]      # returns float16 or float32, original HF layout
    nbytes: int                          # bytes on disk
    # Where the raw bytes lie, for a safetensors tensor: the writer maps them and writes them straight
    # to the output (or through one reused buffer when they need a permutation or a cast).
    file: Optional[Path] = None
    offset: int = 0
    dtype: str = ""                      # the format's dtype name (F16, F32, BF16...)


def _safetensors_refs(path: Path) -> list[TensorRef]:
    header = read_header(path)
    refs = []
    for name in header.keys():
        dtype = header.dtype(name)
        if dtype not in _SAFE_DTYPES:
            raise UserError(f"{path.name}: tensor {name} is stored as {dtype}, which cannot be converted.",
                            "Save the model in float16, bfloat16 or float32.")
        offset, nbytes = header.span(name)
        shape = header.shape(name)
        refs.append(TensorRef(name, shape, _safetensors_reader(path, offset, nbytes, dtype, shape), nbytes,
                              path, offset, dtype))
    return refs


def _safetensors_reader(path: Path, offset: int, nbytes: int, dtype: str, shape) -> Callable[[], np.ndarray]:
    def read() -> np.ndarray:
        np_dtype, _ = _SAFE_DTYPES[dtype]
        arr = np.empty(nbytes // np.dtype(np_dtype).itemsize, dtype=np_dtype)
        with open(path, "rb", buffering=0) as f:
            f.seek(offset)
            view = memoryview(arr).cast("B")
            got = 0
            while got < nbytes:
                n = f.readinto(view[got:])
                if not n:
                    raise damaged(path, f"it ends inside tensor data at byte {offset + got:,}")
                got += n
        if dtype == "BF16":
            arr = (arr.astype(np.uint32) << 16).view(np.float32)
        elif dtype == "F64":
            arr = arr.astype(np.float32)
        return arr.reshape(shape)
    return read


def _torch_bin_refs(path: Path) -> list[TensorRef]:
    import torch

    state = torch_load(path)     # weights_only + mmap; code or damage is a UserError naming the file
    refs = []
    for name, tensor in state.items():
        if not hasattr(tensor, "shape"):
            continue

        def read(t=tensor) -> np.ndarray:
            if t.dtype == torch.float16:
                return t.numpy()
            return t.to(torch.float32).numpy()

        refs.append(TensorRef(name, tuple(tensor.shape), read, tensor.numel() * tensor.element_size()))
    return refs


weight_files = hf_weight_files


def tensor_refs(folder: Path) -> list[TensorRef]:
    refs: list[TensorRef] = []
    for path in weight_files(folder):
        refs.extend(_safetensors_refs(path) if path.suffix == ".safetensors" else _torch_bin_refs(path))
    return refs


@dataclass
class Source:
    """A model folder opened for conversion: HF-style config and tensor names, whatever the layout."""

    folder: Path
    format: str                  # "hf" or "meta-pth"
    config: dict                 # config.json, or the one MetaCheckpoint derives from params.json
    refs: list[TensorRef]
    tokenizer_dir: Path
    rope_interleaved: bool       # q/k rows already in llama.cpp's RoPE order (Meta layout)
    close: Callable[[], None] = lambda: None


def open_source(folder: Path) -> Source:
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder.",
                        "Choose the folder that holds the weights (with config.json or params.json).")
    if is_meta_folder(folder):
        return _meta_source(folder)
    config = read_config(folder)
    return Source(folder, "hf", config, tensor_refs(folder), folder, rope_interleaved=False)


def _meta_source(folder: Path) -> Source:
    from ..merge.inputs import MetaCheckpoint
    from ..merge.safetensors_file import nbytes

    try:
        ckpt = MetaCheckpoint(folder)
    except (KeyError, ValueError) as exc:   # params.json without a field, a tensor with no LLaMA name
        what = f"params.json has no {exc}" if isinstance(exc, KeyError) else str(exc)
        raise UserError(f"{folder} is not a complete Meta-format LLaMA checkpoint ({what}).",
                        "Copy params.json and every consolidated.NN.pth from the same model, or merge again.") \
            from None
    refs = []
    for key in ckpt.keys():
        shape, dtype = ckpt.specs[key]
        if dtype not in ("float16", "bfloat16", "float32"):
            raise UserError(f"{folder.name}: tensor {key} is stored as {dtype}, which cannot be converted.",
                            "Save the model in float16, bfloat16 or float32.")
        refs.append(TensorRef(key, shape, _meta_reader(ckpt, key), nbytes(shape, dtype)))
    tok = tokenizer_dir(folder)
    if not _has_tokenizer(tok):
        raise UserError(f"{folder} has no tokenizer.model (looked in the folder and in {folder.parent.name}/).",
                        "Copy the model's tokenizer.model into the folder (or its parent, as in llama.cpp's "
                        "zh-models/ layout).")
    return Source(folder, "meta-pth", ckpt.hf_config, refs, tok, rope_interleaved=True, close=ckpt.close)


def _meta_reader(ckpt, key: str) -> Callable[[], np.ndarray]:
    def read() -> np.ndarray:
        import torch

        t = ckpt.read(key, hf_layout=False)
        return t.numpy() if t.dtype in (torch.float16, torch.float32) else t.to(torch.float32).numpy()
    return read



@dataclass
class ModelInfo:
    folder: Path
    config: dict
    n_params: int
    embedding_rows: int
    tokenizer_kind: str        # "sentencepiece" or "bpe"
    tokenizer_size: int
    source_bytes: int
    format: str = "hf"         # or "meta-pth"

    @property
    def hidden(self) -> int:
        return int(self.config["hidden_size"])

    @property
    def layers(self) -> int:
        return int(self.config["num_hidden_layers"])

    @property
    def heads(self) -> int:
        return int(self.config["num_attention_heads"])

    @property
    def kv_heads(self) -> int:
        return int(self.config.get("num_key_value_heads") or self.heads)

    @property
    def head_dim(self) -> int:
        return int(self.config.get("head_dim") or self.hidden // self.heads)

    @property
    def context_length(self) -> int:
        return int(self.config.get("max_position_embeddings") or 2048)


def read_config(folder: Path) -> dict:
    cfg_path = folder / "config.json"
    if not cfg_path.exists() and meta_parts(folder):
        raise UserError(f"{folder} holds consolidated.NN.pth weights but no params.json.",
                        "Copy the params.json that came with these weights into the folder.")
    if not cfg_path.exists():
        raise UserError(f"{folder} has no config.json (Hugging Face) or params.json (Meta format).",
                        "Choose a LLaMA model folder; the Merge page writes both kinds.")
    config = read_json(cfg_path)
    archs = config.get("architectures") or []
    # Older configs omit "architectures"; model_type alone then decides.
    if config.get("model_type") != "llama" or (archs and not any(a in SUPPORTED_ARCHITECTURES for a in archs)):
        found = ", ".join(archs) or config.get("model_type") or "unknown"
        raise UserError(f"The model architecture {found} is not supported.",
                        "Only LLaMA-architecture models (LlamaForCausalLM) can be converted here.")
    for key in ("attention_bias", "mlp_bias"):
        if config.get(key):
            raise UserError(f"This LLaMA variant uses {key.replace('_', ' ')}, which the converter does not handle.",
                            "Convert it with llama.cpp's own convert_hf_to_gguf.py.")
    return config


def inspect_model(folder: os.PathLike | str) -> ModelInfo:
    """Describe a model folder without reading its weights (headers only)."""
    folder = Path(folder)
    source = open_source(folder)
    try:
        refs = source.refs
        emb = next((r for r in refs if r.name.endswith("embed_tokens.weight")), None)
        if emb is None:
            raise UserError(f"{folder} has no embed_tokens weight.",
                            "The checkpoint is incomplete; merge or download it again.")
        kind, size = tokenizer_info(source.tokenizer_dir)
        if size > emb.shape[0] or (kind == "sentencepiece" and size != emb.shape[0]):
            raise vocab_mismatch(emb.shape[0], size, source.tokenizer_dir)
        n_params = sum(int(np.prod(r.shape)) for r in refs)
        return ModelInfo(folder, source.config, n_params, emb.shape[0], kind, size, sum(r.nbytes for r in refs),
                         source.format)
    finally:
        source.close()
