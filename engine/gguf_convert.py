"""LLaMA folder (Hugging Face, or Meta's consolidated.NN.pth) -> GGUF file that llama.cpp loads.

Written with the ``gguf`` package's writer, one tensor at a time: tensor
headers are read first (shapes only), the GGUF header and tensor table are
written, then each tensor is read from disk, renamed, permuted (q/k for
llama.cpp's RoPE layout), converted and written before the next one is read.
Peak memory is about two copies of the largest tensor, whatever the model size.

Safetensors are read with plain file reads rather than a memory map so the
pages of a 13 GB input are not charged to this process; ``.bin`` checkpoints
go through ``torch.load(mmap=True)``.

Meta folders (``consolidated.NN.pth`` + ``params.json``, upstream's default
merge output) are read with the merge engine's ``MetaCheckpoint`` (shards
joined, mmap, weights_only). Their q/k rows are already in Meta's rotary
layout, which is llama.cpp's, so they are read unpermuted and written as is.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

import numpy as np

from .errors import UserError
from .jobs import CancelToken, NullReporter

log = logging.getLogger(__name__)

OUTTYPES = ("f32", "f16", "bf16", "q8_0")
SUPPORTED_ARCHITECTURES = ("LlamaForCausalLM", "LLaMAForCausalLM")

# Vocabulary sizes users mix up (BEHAVIOR.md §9, issues #23 #133 #339).
KNOWN_VOCABS = {32000: "original LLaMA", 49953: "Chinese-LLaMA", 49954: "Chinese-Alpaca"}

_SAFE_DTYPES = {"F32": (np.float32, 4), "F16": (np.float16, 2), "BF16": (np.uint16, 2), "F64": (np.float64, 8)}


# --------------------------------------------------------------------------- reading tensors

@dataclass
class TensorRef:
    name: str
    shape: tuple[int, ...]
    read: Callable[[], np.ndarray]      # returns float16 or float32, original HF layout
    nbytes: int                          # bytes on disk


def _safetensors_refs(path: Path) -> list[TensorRef]:
    with open(path, "rb") as f:
        header_len = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(header_len))
    base = 8 + header_len
    refs = []
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = info["dtype"]
        if dtype not in _SAFE_DTYPES:
            raise UserError(f"{path.name}: tensor {name} is stored as {dtype}, which cannot be converted.",
                            "Save the model in float16, bfloat16 or float32.")
        start, end = info["data_offsets"]
        shape = tuple(info["shape"])
        refs.append(TensorRef(name, shape, _safetensors_reader(path, base + start, end - start, dtype, shape),
                              end - start))
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
                    raise UserError(f"{path.name} is truncated.", "Download or merge the model again.")
                got += n
        if dtype == "BF16":
            arr = (arr.astype(np.uint32) << 16).view(np.float32)
        elif dtype == "F64":
            arr = arr.astype(np.float32)
        return arr.reshape(shape)
    return read


def _torch_bin_refs(path: Path) -> list[TensorRef]:
    import torch

    try:
        state = torch.load(str(path), map_location="cpu", mmap=True, weights_only=True)
    except Exception as exc:  # noqa: BLE001 - any unpickling failure means an unreadable checkpoint
        raise UserError(f"{path.name} could not be read ({exc}).",
                        "Check that the file is complete (re-download or merge again).") from None
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


def weight_files(folder: Path) -> list[Path]:
    """The checkpoint files of an HF folder, single or sharded, safetensors preferred."""
    for index_name, single in (("model.safetensors.index.json", "model.safetensors"),
                               ("pytorch_model.bin.index.json", "pytorch_model.bin")):
        index = folder / index_name
        if index.exists():
            names = sorted(set(json.loads(index.read_text(encoding="utf-8"))["weight_map"].values()))
            missing = [n for n in names if not (folder / n).exists()]
            if missing:
                raise UserError(f"{folder} is missing {', '.join(missing)} listed in {index_name}.",
                                "Copy every shard into the folder (or download/merge again).")
            return [folder / n for n in names]
        if (folder / single).exists():
            return [folder / single]
    if list(folder.glob("consolidated.*.pth")):
        raise UserError(f"{folder} holds consolidated.NN.pth weights but no params.json.",
                        "Copy the params.json that came with these weights into the folder.")
    raise UserError(f"No model weights in {folder}.",
                    "Choose a LLaMA model folder: Hugging Face (config.json with model.safetensors or "
                    "pytorch_model.bin) or Meta (params.json with consolidated.00.pth).")


def tensor_refs(folder: Path) -> list[TensorRef]:
    refs: list[TensorRef] = []
    for path in weight_files(folder):
        refs.extend(_safetensors_refs(path) if path.suffix == ".safetensors" else _torch_bin_refs(path))
    return refs


# --------------------------------------------------------------------------- sources (HF or Meta folder)

def is_meta_folder(folder: os.PathLike | str) -> bool:
    """Meta's layout: params.json + consolidated.NN.pth (upstream merge's default output)."""
    folder = Path(folder)
    return (folder / "params.json").is_file() and any(folder.glob("consolidated.*.pth"))


def tokenizer_dir(folder: os.PathLike | str) -> Path:
    """Where the tokenizer of a model folder lives: the folder itself, or for a Meta folder also its
    parent (llama.cpp's zh-models/tokenizer.model + zh-models/7B/consolidated.00.pth)."""
    folder = Path(folder)
    if is_meta_folder(folder) and not _has_tokenizer(folder) and _has_tokenizer(folder.parent):
        return folder.parent
    return folder


def _has_tokenizer(folder: Path) -> bool:
    return (folder / "tokenizer.model").exists() or (folder / "tokenizer.json").exists()


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
    from .merge.inputs import MetaCheckpoint
    from .merge.safetensors_file import nbytes

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


# --------------------------------------------------------------------------- model description

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
    if not cfg_path.exists() and any(folder.glob("consolidated.*.pth")):
        raise UserError(f"{folder} holds consolidated.NN.pth weights but no params.json.",
                        "Copy the params.json that came with these weights into the folder.")
    if not cfg_path.exists():
        raise UserError(f"{folder} has no config.json (Hugging Face) or params.json (Meta format).",
                        "Choose a LLaMA model folder; the Merge page writes both kinds.")
    try:
        config = json.loads(cfg_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise UserError(f"{cfg_path} is not valid JSON ({exc}).", "Restore the file from the original model.") from None
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
        kind, size = _tokenizer_size(source.tokenizer_dir)
        if size > emb.shape[0] or (kind == "sentencepiece" and size != emb.shape[0]):
            raise _vocab_mismatch(emb.shape[0], size, source.tokenizer_dir)
        n_params = sum(int(np.prod(r.shape)) for r in refs)
        return ModelInfo(folder, source.config, n_params, emb.shape[0], kind, size, sum(r.nbytes for r in refs),
                         source.format)
    finally:
        source.close()


# --------------------------------------------------------------------------- tokenizers

def _tokenizer_size(folder: Path) -> tuple[str, int]:
    sizes = {}
    if (folder / "tokenizer.model").exists():
        sizes["tokenizer.model"] = len(_sentencepiece_pieces(folder)[0])
    if (folder / "tokenizer.json").exists():
        sizes["tokenizer.json"] = len(_json_vocab(folder).tokens)
    if not sizes:
        raise UserError(f"{folder} has no tokenizer (tokenizer.model or tokenizer.json).",
                        "Copy the tokenizer files that belong to this model into the folder.")
    if len(set(sizes.values())) > 1:
        raise UserError(f"In {folder.name}, tokenizer.model has {sizes['tokenizer.model']} tokens but "
                        f"tokenizer.json has {sizes['tokenizer.json']}: they come from different models.",
                        "Copy all tokenizer files (tokenizer.model, tokenizer.json, tokenizer_config.json, "
                        "special_tokens_map.json) from the model's own folder.")
    if "tokenizer.model" in sizes:
        return "sentencepiece", sizes["tokenizer.model"]
    vocab = _json_vocab(folder)
    return ("sentencepiece" if vocab.model == "llama" else "bpe"), len(vocab.tokens)


def _added_tokens(folder: Path) -> dict[int, tuple[str, bool]]:
    """id -> (text, special) from tokenizer_config.json / added_tokens.json."""
    added: dict[int, tuple[str, bool]] = {}
    path = folder / "added_tokens.json"
    if path.exists():
        for text, idx in json.loads(path.read_text(encoding="utf-8")).items():
            added[int(idx)] = (text, False)
    path = folder / "tokenizer_config.json"
    if path.exists():
        for idx, data in (json.loads(path.read_text(encoding="utf-8")).get("added_tokens_decoder") or {}).items():
            added[int(idx)] = (data["content"], bool(data.get("special")))
    return added


def _sentencepiece_pieces(folder: Path) -> tuple[list[bytes], list[float], list[int]]:
    from gguf import TokenType
    from sentencepiece import SentencePieceProcessor

    sp = SentencePieceProcessor()
    try:
        sp.LoadFromFile(str(folder / "tokenizer.model"))
    except (OSError, RuntimeError) as exc:
        raise UserError(f"{folder / 'tokenizer.model'} is not a SentencePiece model ({exc}).",
                        "Copy the tokenizer.model that belongs to this model.") from None
    tokens, scores, types = [], [], []
    for i in range(sp.vocab_size()):
        tokens.append(sp.IdToPiece(i).encode("utf-8"))
        scores.append(sp.GetScore(i))
        if sp.IsUnknown(i):
            types.append(TokenType.UNKNOWN)
        elif sp.IsControl(i):
            types.append(TokenType.CONTROL)
        elif sp.IsUnused(i):
            types.append(TokenType.UNUSED)
        elif sp.IsByte(i):
            types.append(TokenType.BYTE)
        else:
            types.append(TokenType.NORMAL)
    # Tokens added on top of the SentencePiece model (Chinese-Alpaca's [PAD] = 49953).
    for idx, (text, special) in sorted(_added_tokens(folder).items()):
        if idx < len(tokens):
            continue
        if idx != len(tokens):
            n = sp.vocab_size()
            raise UserError(f"The added token {text!r} has id {idx}, but tokenizer.model has "
                            f"{n}{' (' + KNOWN_VOCABS[n] + ')' if n in KNOWN_VOCABS else ''} pieces: "
                            "the tokenizer files come from different models.",
                            "Copy all tokenizer files (tokenizer.model, added_tokens.json, tokenizer_config.json, "
                            "special_tokens_map.json) from the model's own folder.")
        tokens.append(text.encode("utf-8"))
        scores.append(-1000.0)
        types.append(TokenType.CONTROL if special else TokenType.USER_DEFINED)
    return tokens, scores, types


@dataclass
class JsonVocab:
    """A tokenizer.json as llama.cpp sees it."""

    model: str                 # "llama" (SentencePiece-style BPE with byte fallback) or "gpt2"
    tokens: list[str]
    types: list[int]
    scores: list[float]
    data: dict


def _is_sentencepiece_style(data: dict) -> bool:
    """LLaMA/Chinese-LLaMA tokenizers saved by transformers: BPE over '▁'-words with byte fallback."""
    model = data.get("model") or {}
    if not model.get("byte_fallback"):
        return False
    pre = data.get("pre_tokenizer") or {}
    normalizer = json.dumps(data.get("normalizer") or {}, ensure_ascii=False)
    return pre.get("type") == "Metaspace" or "\u2581" in normalizer   # '▁' word marker


def _json_vocab(folder: Path) -> JsonVocab:
    from gguf import TokenType

    data = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    model = data.get("model") or {}
    if model.get("type") != "BPE":
        raise UserError(f"tokenizer.json uses a {model.get('type')} model; only BPE is supported.",
                        "Provide a SentencePiece tokenizer.model or a BPE tokenizer.json.")
    by_id: dict[int, str] = {int(i): t for t, i in model["vocab"].items()}
    kinds: dict[int, int] = {}
    for tok in data.get("added_tokens") or []:
        by_id[int(tok["id"])] = tok["content"]
        kinds[int(tok["id"])] = TokenType.CONTROL if tok.get("special") else TokenType.USER_DEFINED
    n = max(by_id) + 1
    tokens = [by_id.get(i, f"[PAD{i}]") for i in range(n)]
    types = [kinds.get(i, TokenType.NORMAL if i in by_id else TokenType.UNUSED) for i in range(n)]
    scores = [0.0] * n
    if not _is_sentencepiece_style(data):
        return JsonVocab("gpt2", tokens, types, scores, data)
    # llama.cpp's SentencePiece tokenizer merges the pair whose result scores highest; the
    # HF BPE merges the pair of lowest rank. Score = -rank of the first merge making a token.
    vocab = model["vocab"]
    merged_rank: dict[int, int] = {}
    for rank, merge in enumerate(model.get("merges") or []):
        left, right = merge if isinstance(merge, list) else merge.split(" ", 1)
        idx = vocab.get(left + right)
        if idx is not None and idx not in merged_rank:
            merged_rank[idx] = rank
    unk = vocab.get(model.get("unk_token") or "<unk>")
    for i in range(n):
        if i in merged_rank:
            scores[i] = -float(merged_rank[i] + 1)
        if i == unk:
            types[i] = TokenType.UNKNOWN
        elif re.fullmatch(r"<0x[0-9A-Fa-f]{2}>", tokens[i]) and i not in kinds:
            types[i] = TokenType.BYTE
    return JsonVocab("llama", tokens, types, scores, data)


# llama.cpp pre-tokenizer names, recognised from the structure of tokenizer.json.
_LLAMA3_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"


def bpe_pre_tokenizer(data: dict) -> str:
    pre = data.get("pre_tokenizer") or {}
    steps = pre.get("pretokenizers", [pre]) if pre.get("type") == "Sequence" else [pre]
    types = [s.get("type") for s in steps]
    if types == ["Digits", "ByteLevel"] and steps[0].get("individual_digits"):
        return "smollm"
    if types and types[0] == "Split":
        pattern = (steps[0].get("pattern") or {}).get("Regex", "")
        if pattern.startswith(_LLAMA3_SPLIT):
            return "llama-bpe"
    if types == ["ByteLevel"]:
        return "gpt-2"
    raise UserError("The tokenizer.json pre-tokenizer is not one llama.cpp is known to reproduce "
                    f"({' + '.join(str(t) for t in types) or 'none'}).",
                    "Convert this model with llama.cpp's convert_hf_to_gguf.py, which knows more tokenizers.")


def _vocab_mismatch(rows: int, tok_size: int, folder: Path) -> UserError:
    def label(n):
        return f"{n} ({KNOWN_VOCABS[n]})" if n in KNOWN_VOCABS else str(n)

    hint = "Copy the tokenizer files (tokenizer.model, tokenizer_config.json, special_tokens_map.json) " \
           "that belong to this model into the folder."
    if rows in KNOWN_VOCABS and tok_size in KNOWN_VOCABS:
        hint = (f"This looks like a {KNOWN_VOCABS[rows]} model with a {KNOWN_VOCABS[tok_size]} tokenizer: "
                f"copy the {KNOWN_VOCABS[rows]} tokenizer files into the folder "
                "(Alpaca's and LLaMA's tokenizer.model must not be mixed).")
    return UserError(f"The tokenizer in {folder.name} has {label(tok_size)} tokens but the model's "
                     f"embedding has {label(rows)} rows; llama.cpp would fail with \"tensor has wrong size\".",
                     hint)


# --------------------------------------------------------------------------- conversion

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
    raise UserError(f"RoPE scaling type {rope_type!r} is not supported by this converter.",
                    "Convert this model with llama.cpp's convert_hf_to_gguf.py.")


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
        raise UserError(f"Unknown output type {outtype!r}.", f"Use one of: {', '.join(OUTTYPES)}.")
    if out_path.exists() and not overwrite:
        raise UserError(f"{out_path} already exists.", "Choose another file name or delete the old file.")
    if out_path.resolve().parent == folder.resolve() and out_path.suffix != ".gguf":
        raise UserError("The output would be written among the model's own files.", "Give the output a .gguf name.")
    progress.update(0, None, status="Reading model description", unit="bytes")

    config, refs = source.config, source.refs
    by_name = {r.name: r for r in refs}
    emb = by_name.get("model.embed_tokens.weight")
    if emb is None:
        raise UserError(f"{folder} has no model.embed_tokens.weight.", "The checkpoint is incomplete; merge it again.")
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

    tokenizer = _add_tokenizer(writer, source.tokenizer_dir, rows)

    # Plan every tensor (names, types, sizes) before any data is read.
    name_map = gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, n_layers)
    plan = []
    for ref in refs:
        if ref.name.endswith("rotary_emb.inv_freq"):
            continue   # recomputed by llama.cpp
        new_name = name_map.get_name(ref.name, try_suffixes=(".weight", ".bias"))
        if new_name is None:
            raise UserError(f"Tensor {ref.name} has no llama.cpp equivalent.",
                            "This is not a plain LLaMA checkpoint; convert it with llama.cpp's own tools.")
        qtype = _plan_type(new_name, ref.shape, outtype)
        plan.append((ref, new_name, qtype))
    if "output.weight" not in {p[1] for p in plan} and not config.get("tie_word_embeddings", False):
        raise UserError(f"{folder} has no lm_head weight and the config does not tie it to the embeddings.",
                        "The checkpoint is incomplete; merge or download it again.")
    for ref, new_name, qtype in plan:
        writer.add_tensor_info(new_name, ref.shape, np.float32, _nbytes(ref.shape, qtype), raw_dtype=qtype)
    total = sum(_nbytes(r.shape, q) for r, _, q in plan)

    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.partial")
    n_params = 0
    try:
        writer.write_header_to_file(tmp)
        writer.write_kv_data_to_file()
        writer.write_ti_data_to_file()
        done = 0
        for ref, new_name, qtype in plan:
            cancel.check()
            progress.update(done, total, status=f"Converting {new_name}")
            data = ref.read()
            if source.rope_interleaved:
                pass      # Meta's q/k layout is llama.cpp's already: permuting again would scramble RoPE
            elif ref.name.endswith("q_proj.weight"):
                data = _permute_for_rope(data, n_head)
            elif ref.name.endswith("k_proj.weight"):
                data = _permute_for_rope(data, n_kv)
            encoded = _encode(data, qtype)
            del data
            writer.write_tensor_data(encoded)
            done += encoded.nbytes
            n_params += int(np.prod(ref.shape))
            del encoded
        writer.close()
        cancel.check()
        os.replace(tmp, out_path)
    except BaseException as exc:
        writer.close()
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise UserError(f"The disk filled up while writing {out_path.name}; nothing was kept.",
                            "Free some space or choose another output folder.") from None
        raise
    progress.update(total, total, status="Converted", force=True)
    return ConvertResult(out_path, outtype, len(plan), n_params, rows, tokenizer,
                         time.monotonic() - started, notes, source.format)


def _add_tokenizer(writer, folder: Path, rows: int) -> str:
    """Write the vocabulary, scores/merges, types, special ids and chat template; returns a label."""
    import gguf

    kind, size = _tokenizer_size(folder)     # also refuses disagreeing tokenizer files
    if kind == "sentencepiece" and size != rows:
        raise _vocab_mismatch(rows, size, folder)
    if (folder / "tokenizer.model").exists():
        tokens, scores, types = _sentencepiece_pieces(folder)
        model, pre = "llama", "default"
    else:
        vocab = _json_vocab(folder)
        tokens, scores, types = vocab.tokens, vocab.scores, vocab.types
        model = vocab.model
        pre = "default" if model == "llama" else bpe_pre_tokenizer(vocab.data)
        if len(tokens) > rows:
            raise _vocab_mismatch(rows, len(tokens), folder)
        while len(tokens) < rows:     # padded embedding rows (BPE vocabularies only)
            tokens.append(f"[PAD{len(tokens)}]")
            scores.append(0.0)
            types.append(gguf.TokenType.UNUSED)
    special = gguf.SpecialVocab(folder, load_merges=model == "gpt2", n_vocab=len(tokens))
    _fill_special_ids(special, folder, tokens, types)
    if (folder / "tokenizer.model").exists():
        _fill_sentencepiece_defaults(special, folder)
    writer.add_tokenizer_model(model)
    writer.add_tokenizer_pre(pre)
    writer.add_token_list(tokens)
    if model == "llama":
        writer.add_token_scores(scores)
    writer.add_token_types(types)
    special.add_to_gguf(writer, quiet=True)
    label = f"{'SentencePiece' if model == 'llama' else 'BPE'} {len(tokens)}"
    return f"{label}, {KNOWN_VOCABS[len(tokens)]}" if model == "llama" and len(tokens) in KNOWN_VOCABS else label


def _special_token_texts(folder: Path) -> dict[str, str]:
    """bos/eos/unk/pad token texts from special_tokens_map.json and tokenizer_config.json."""
    texts: dict[str, str] = {}
    for name in ("special_tokens_map.json", "tokenizer_config.json"):
        path = folder / name
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for typ in ("bos", "eos", "unk", "pad"):
            value = data.get(f"{typ}_token")
            if isinstance(value, dict):
                value = value.get("content")
            if isinstance(value, str) and typ not in texts:
                texts[typ] = value
    return texts


def _fill_special_ids(special, folder: Path, tokens: list, types: list) -> None:
    """Special ids the gguf package could not resolve (a tokenizer.model has no tokenizer.json
    to look names up in), e.g. Chinese-Alpaca's [PAD] = 49953; those tokens become CONTROL."""
    from gguf import TokenType

    index = {(t.decode("utf-8", "replace") if isinstance(t, bytes) else t): i for i, t in enumerate(tokens)}
    for typ, text in _special_token_texts(folder).items():
        idx = index.get(text)
        if idx is None:
            continue
        special.special_token_ids.setdefault(typ, idx)
        if types[idx] in (TokenType.NORMAL, TokenType.USER_DEFINED):
            types[idx] = TokenType.CONTROL


def _fill_sentencepiece_defaults(special, folder: Path) -> None:
    """A bare tokenizer.model (Meta layout: no tokenizer_config.json) still names its bos/eos/unk ids,
    and LLaMA prompts start with BOS; what the JSON files say, where present, wins."""
    from sentencepiece import SentencePieceProcessor

    sp = SentencePieceProcessor(model_file=str(folder / "tokenizer.model"))
    for typ, idx in (("bos", sp.bos_id()), ("eos", sp.eos_id()), ("unk", sp.unk_id())):
        if idx >= 0:
            special.special_token_ids.setdefault(typ, idx)
    special.add_special_token.setdefault("bos", True)
    special.add_special_token.setdefault("eos", False)


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
