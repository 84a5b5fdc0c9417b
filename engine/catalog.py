"""The upstream model catalog: every Chinese-LLaMA/Alpaca LoRA, the original LLaMA sizes, every published SHA256.

The facts live in ``resources/catalog/models.json`` (transcribed from the upstream
README and SHA256.md; ``tests/test_catalog.py`` re-parses those tables so a typo
cannot slip in).  This module only loads and indexes them.
"""
from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from resources import RESOURCES_DIR

from .errors import UserError

CATALOG_FILE = RESOURCES_DIR / "catalog" / "models.json"

# Kinds of published hashes (HashEntry.kind).
ADAPTER = "adapter"            # LoRA adapter_model.bin
TOKENIZER = "tokenizer"        # Chinese-LLaMA / Chinese-Alpaca tokenizer.model
BASE_PTH = "base-pth"          # original LLaMA consolidated.NN.pth
BASE_HF = "base-hf"            # original LLaMA in HF format, pytorch_model-NNNNN-of-NNNNN.bin
MERGED_PTH = "merged-pth"      # LoRA merged into LLaMA, consolidated.NN.pth


@dataclass(frozen=True)
class HashEntry:
    """One published SHA256 and what it belongs to."""

    sha256: str
    kind: str
    filename: str
    owner: str          # catalog id of the LoRA or base model; "llama"/"alpaca" for tokenizers
    label: str          # "LLaMA-7B consolidated.00.pth part 00"


@dataclass(frozen=True)
class BaseModel:
    """An original LLaMA size: architecture, published hashes, disk/memory needs."""

    id: str
    name: str
    size: str
    dim: int
    n_heads: int
    n_layers: int
    norm_eps: float
    shards: int
    fp16_size: str
    q8_size: str
    q4_size: str
    consolidated_sha256: dict = field(default_factory=dict)
    hf_sha256: dict = field(default_factory=dict)

    @property
    def fp16_bytes(self) -> int:
        return parse_size(self.fp16_size)

    @property
    def q4_bytes(self) -> int:
        return parse_size(self.q4_size)


@dataclass(frozen=True)
class LoraModel:
    """One upstream LoRA release (a row of the README's model tables)."""

    id: str
    name: str
    family: str           # "llama" | "alpaca"
    variant: str          # "base" | "plus" | "pro"
    size: str             # "7B" | "13B" | "33B"
    kind: str             # "base" (text continuation) | "instruction" (chat)
    vocab_size: int
    recommended: bool
    training_data: str
    lora_size: str
    base: str             # id of the original LLaMA it is merged into
    requires: list = field(default_factory=list)
    hf_repo: str = ""
    modelscope_repo: str = ""
    baidu_url: str = ""
    files: list = field(default_factory=list)
    sha256: dict = field(default_factory=dict)
    merged_sha256: dict = field(default_factory=dict)

    @property
    def merge_chain(self) -> list[str]:
        """LoRA ids in the order they must be merged into the base (order matters for Plus/Pro)."""
        return [*self.requires, self.id]

    @property
    def lora_bytes(self) -> int:
        return parse_size(self.lora_size)

    def repo(self, source: str) -> str:
        return self.modelscope_repo if source == "modelscope" else self.hf_repo


class Catalog:
    def __init__(self, data: dict) -> None:
        self.models = [LoraModel(**m) for m in data["models"]]
        self.bases = [BaseModel(**b) for b in data["bases"]]
        self.tokenizers = data["tokenizers"]
        self._by_id = {m.id: m for m in self.models}
        self._bases_by_id = {b.id: b for b in self.bases}
        self.entries = self._build_entries()
        self._by_hash: dict[str, list[HashEntry]] = {}
        for entry in self.entries:
            self._by_hash.setdefault(entry.sha256, []).append(entry)

    def _build_entries(self) -> list[HashEntry]:
        entries = []
        for family, tok in self.tokenizers.items():
            entries.append(HashEntry(tok["sha256"], TOKENIZER, "tokenizer.model", family,
                                     f"{tok['name']} tokenizer.model"))
        for m in self.models:
            entries.append(HashEntry(m.sha256["adapter_model.bin"], ADAPTER, "adapter_model.bin", m.id,
                                     f"{m.name} adapter_model.bin"))
            for fname, digest in m.merged_sha256.items():
                entries.append(HashEntry(digest, MERGED_PTH, fname, m.id, f"{m.name} merged {fname}"))
        for b in self.bases:
            for fname, digest in b.consolidated_sha256.items():
                part = fname.split(".")[1]
                entries.append(HashEntry(digest, BASE_PTH, fname, b.id, f"{b.name} {fname} part {part}"))
            for fname, digest in b.hf_sha256.items():
                entries.append(HashEntry(digest, BASE_HF, fname, b.id, f"{b.name} (HF) {fname}"))
        return entries

    def get(self, model_id: str) -> LoraModel:
        key = normalize_id(model_id)
        if key in self._by_id:
            return self._by_id[key]
        close = difflib.get_close_matches(key, self._by_id, n=3, cutoff=0.6)
        hint = (f"Did you mean {', '.join(close)}?" if close else
                "Run 'catalog' to list the model ids.")
        raise UserError(f"No model {model_id!r} in the catalog.", hint)

    def find(self, model_id: str) -> LoraModel | None:
        return self._by_id.get(normalize_id(model_id))

    def base(self, base_id_or_size: str) -> BaseModel:
        key = base_id_or_size.lower()
        key = key if key.startswith("llama-") else f"llama-{key}"
        if key not in self._bases_by_id:
            raise UserError(f"No original LLaMA size {base_id_or_size!r}.",
                            f"Known sizes: {', '.join(b.size for b in self.bases)}.")
        return self._bases_by_id[key]

    def match_hash(self, sha256: str) -> list[HashEntry]:
        return list(self._by_hash.get(sha256.lower(), []))

    def tokenizer_entry(self, family: str) -> HashEntry:
        return next(e for e in self.entries if e.kind == TOKENIZER and e.owner == family)

    def entry_for(self, kind: str, owner: str, filename: str) -> HashEntry | None:
        for e in self.entries:
            if e.kind == kind and e.owner == owner and e.filename == filename:
                return e
        return None


def normalize_id(text: str) -> str:
    """'Chinese_Alpaca_Pro_LoRA_7B' / 'hfl/chinese-alpaca-pro-lora-7b' -> 'chinese-alpaca-pro-7b'."""
    text = text.strip().lower().rsplit("/", 1)[-1].replace("_", "-")
    return re.sub(r"-lora(?=-)", "", text)


def parse_size(text: str) -> int:
    """'790M' / '1.1G' / '13 GB' / '~60 GB' -> bytes (decimal-ish estimates, as the README gives them)."""
    m = re.match(r"~?\s*([\d.]+)\s*([KMGT])", text.strip(), re.I)
    if not m:
        return 0
    return int(float(m.group(1)) * 1024 ** "KMGT".index(m.group(2).upper()) * 1024)


@functools.lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    try:
        data = json.loads(Path(CATALOG_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"The model catalog {CATALOG_FILE} could not be read ({exc}).",
                        "Reinstall Alpaca Studio.") from None
    return Catalog(data)


def size_billions(size: str) -> float:
    """'7B' -> 7.0 (for sorting sizes as numbers, not text); unknown sizes sort last."""
    try:
        return float(size.upper().rstrip("B"))
    except (AttributeError, ValueError):
        return float("inf")


def display_order(model: "LoraModel") -> tuple:
    """How model lists are sorted: family (LLaMA, then Alpaca), size (7B < 13B < 33B), recommended first."""
    return ({"llama": 0, "alpaca": 1}.get(model.family, 2), size_billions(model.size), not model.recommended,
            model.name)
