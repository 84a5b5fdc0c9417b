"""Base LLaMA checkpoints, read a tensor at a time.

HF folders (``model.safetensors`` / ``model-NNNNN-of-NNNNN.safetensors`` /
``pytorch_model.bin`` / ``pytorch_model-NNNNN-of-NNNNN.bin``) and Meta folders
(``consolidated.NN.pth`` + ``params.json``).  Pickle files are opened with
``torch.load(weights_only=True, mmap=True)``: no code from the file runs, and
pages are released after each tensor so memory does not fill with the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..checkpoint import folder_kind, hf_weight_files, read_json
from ..checkpoint.folder import HF, LORA, META, has_tokenizer
from ..checkpoint.torchfile import madvise_dontneed, release_pages, torch_load  # noqa: F401  (used by lora.py)
from ..errors import UserError
from . import meta
from .safetensors_file import SafetensorsReader, dtype_name
from ..i18n import tr

TOKENIZER_FILES = ("tokenizer.model", "tokenizer.json", "tokenizer_config.json",
                   "special_tokens_map.json", "added_tokens.json", "chat_template.jinja")


@dataclass(frozen=True)
class Architecture:
    hidden: int
    layers: int
    heads: int
    kv_heads: int
    intermediate: int
    vocab: int
    norm_eps: float

    @property
    def size_name(self) -> str:
        return meta.size_name(self.hidden) or f"hidden size {self.hidden}"


def hf_key_order(key: str):
    """Canonical tensor order: embeddings, layers in order, final norm, lm_head."""
    m = re.match(r"model\.layers\.(\d+)\.(.+)", key)
    if key == "model.embed_tokens.weight":
        return (0, 0, "")
    if m:
        return (1, int(m.group(1)), m.group(2))
    if key == "model.norm.weight":
        return (2, 0, "")
    if key == "lm_head.weight":
        return (3, 0, "")
    return (4, 0, key)


def _skip(key: str) -> bool:
    return key.endswith("rotary_emb.inv_freq")


class _PickleFiles:
    """Keeps one pickle checkpoint open at a time (files are read mostly in order)."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._sd: dict | None = None

    def get(self, path: Path) -> dict:
        if path != self._path:
            self._sd = None
            self._sd, self._path = torch_load(path), path
        return self._sd

    def close(self) -> None:
        self._sd, self._path = None, None


class BaseCheckpoint:
    """A base model: its tensors (HF names and layout), architecture, config and tokenizer."""

    format = ""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.specs: dict[str, tuple[tuple[int, ...], str]] = {}   # key -> (shape, dtype)
        self.hf_config: dict = {}
        self.generation_config: dict | None = None

    @property
    def files(self) -> list[Path]:
        raise NotImplementedError

    def keys(self) -> list[str]:
        return sorted(self.specs, key=hf_key_order)

    def read(self, key: str):
        raise NotImplementedError

    def close(self) -> None:
        pass

    @property
    def tokenizer_dir(self) -> Path | None:
        for d in (self.folder, self.folder.parent):
            if has_tokenizer(d):
                return d
        return None

    def architecture(self) -> Architecture:
        c = self.hf_config
        emb = self.specs.get("model.embed_tokens.weight")
        if emb is None:
            raise UserError(tr("{folder} has no model.embed_tokens.weight: it is not a LLaMA model.", folder=self.folder),
                            tr("Pick the folder of an original LLaMA (HF or Meta format)."))
        heads = int(c.get("num_attention_heads") or 0)
        kv = self.specs.get("model.layers.0.self_attn.k_proj.weight")
        head_dim = emb[0][1] // heads if heads else 0
        kv_heads = int(c.get("num_key_value_heads") or (kv[0][0] // head_dim if kv and head_dim else heads))
        layers = 1 + max((int(k.split(".")[2]) for k in self.specs if k.startswith("model.layers.")), default=-1)
        up = self.specs.get("model.layers.0.mlp.up_proj.weight")
        return Architecture(hidden=emb[0][1], layers=layers, heads=heads, kv_heads=kv_heads,
                            intermediate=up[0][0] if up else int(c.get("intermediate_size") or 0),
                            vocab=emb[0][0], norm_eps=float(c.get("rms_norm_eps") or 1e-6))


class HFCheckpoint(BaseCheckpoint):
    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        cfg = self.folder / "config.json"
        if not cfg.exists():
            raise UserError(tr("{folder} has no config.json.", folder=self.folder),
                            tr("Pick the folder that holds the model's config.json and weight files."))
        self.hf_config = read_json(cfg)
        gen = self.folder / "generation_config.json"
        if gen.exists():
            self.generation_config = read_json(gen)
        self._file_of: dict[str, Path] = {}
        files = hf_weight_files(self.folder)      # index-aware; a missing shard is named
        if files[0].suffix == ".safetensors":
            self.format = "hf-safetensors"
            self._readers = {p: SafetensorsReader(p) for p in files}
            for p, r in self._readers.items():
                for k in r.keys():
                    if not _skip(k):
                        self.specs[k] = (r.shape(k), r.dtype(k))
                        self._file_of[k] = p
        else:
            self.format = "hf-bin"
            self._pickles = _PickleFiles()
            for p in files:
                sd = torch_load(p)
                for k, t in sd.items():
                    if not _skip(k):
                        self.specs[k] = (tuple(t.shape), dtype_name(t.dtype))
                        self._file_of[k] = p
                del sd

    @property
    def files(self) -> list[Path]:
        return sorted(set(self._file_of.values()))

    def read(self, key: str):
        path = self._file_of[key]
        if self.format == "hf-safetensors":
            return self._readers[path].read(key)
        t = self._pickles.get(path)[key]
        out = t.clone()
        release_pages(t)
        return out

    def close(self) -> None:
        if self.format == "hf-safetensors":
            for r in self._readers.values():
                r.close()
        else:
            self._pickles.close()


class MetaCheckpoint(BaseCheckpoint):
    """consolidated.NN.pth shards joined back into full tensors, q/k permuted to HF layout."""

    format = "meta-pth"

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.params = read_json(self.folder / "params.json")
        self._files = sorted(self.folder.glob("consolidated.*.pth"))
        if not self._files:
            raise UserError(tr("{folder} has params.json but no consolidated.NN.pth files.", folder=self.folder),
                            tr("Copy the consolidated.00.pth (and further parts) into this folder."))
        expected = [f"consolidated.{i:02d}.pth" for i in range(len(self._files))]
        if [p.name for p in self._files] != expected:
            raise UserError(tr("{folder}: the consolidated.NN.pth parts are not numbered 00..{value}.", folder=self.folder, value=f"{len(self._files) - 1:02d}"),
                            tr("A part is missing; download it again."))
        self._shards = [torch_load(p) for p in self._files]
        self._meta_key: dict[str, str] = {}
        first = self._shards[0]
        for mk, t in first.items():
            hk = meta.to_hf_key(mk)
            if hk is None:
                continue
            missing = [p.name for p, sd in zip(self._files, self._shards) if mk not in sd]
            if missing:
                raise UserError(tr("{mk} is missing from {value}.", mk=mk, value=', '.join(missing)), tr("The checkpoint parts do not belong together."))
            dim = meta.split_dim(mk) if len(self._shards) > 1 else None
            shape = list(t.shape)
            if dim is not None:
                shape[dim] = sum(sd[mk].shape[dim] for sd in self._shards)
            self.specs[hk] = (tuple(shape), dtype_name(t.dtype))
            self._meta_key[hk] = mk
        p = self.params
        emb_shape = self.specs["model.embed_tokens.weight"][0]
        up = self.specs.get("model.layers.0.mlp.up_proj.weight")
        self.hf_config = {
            "architectures": ["LlamaForCausalLM"], "model_type": "llama",
            "hidden_size": p["dim"], "num_attention_heads": p["n_heads"],
            "num_key_value_heads": p.get("n_kv_heads") or p["n_heads"],
            "num_hidden_layers": p["n_layers"], "intermediate_size": up[0][0] if up else 0,
            "rms_norm_eps": p["norm_eps"], "vocab_size": emb_shape[0],
            "max_position_embeddings": 2048, "hidden_act": "silu", "initializer_range": 0.02,
            "bos_token_id": 1, "eos_token_id": 2, "pad_token_id": 0, "tie_word_embeddings": False,
            "use_cache": True, "rope_theta": float(p.get("rope_theta", 10000.0)),
        }
        self.generation_config = {"_from_model_config": True, "bos_token_id": 1, "eos_token_id": 2,
                                  "pad_token_id": 0}

    @property
    def files(self) -> list[Path]:
        return list(self._files)

    def read(self, key: str, *, hf_layout: bool = True):
        """Full tensor ``key`` (HF name); ``hf_layout=False`` keeps q/k in Meta's rotary layout,
        which is llama.cpp's too (the GGUF converter reads them so)."""
        import torch

        mk = self._meta_key[key]
        parts = [sd[mk] for sd in self._shards]
        dim = meta.split_dim(mk) if len(parts) > 1 else None
        out = parts[0].clone() if dim is None else torch.cat(parts, dim=dim)
        for t in parts:
            release_pages(t)
        p = self.params
        if not hf_layout:
            return out
        if mk.endswith("attention.wq.weight"):
            out = meta.permute(out, p["n_heads"])
        elif mk.endswith("attention.wk.weight"):
            out = meta.permute(out, p.get("n_kv_heads") or p["n_heads"])
        return out

    def close(self) -> None:
        self._shards = []


def open_base(folder) -> BaseCheckpoint:
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise UserError(tr("Base model folder {folder} does not exist.", folder=folder), tr("Check the path."))
    if not folder.is_dir():
        raise UserError(tr("{folder} is a file; the base model is a folder.", folder=folder),
                        tr("Pick the folder that holds config.json or params.json."))
    kind = folder_kind(folder)
    if kind == META:
        return MetaCheckpoint(folder)
    if kind == HF:
        return HFCheckpoint(folder)
    if kind == LORA:
        raise UserError(tr("{folder} is a LoRA, not a base model.", folder=folder),
                        tr("Pick the original LLaMA as the base, and add this folder as a LoRA."))
    raise UserError(tr("{folder} is not a LLaMA model folder (no config.json, and no params.json with consolidated.NN.pth).", folder=folder),
                    tr("Pick the folder of the original LLaMA weights, in HF or Meta format."))
