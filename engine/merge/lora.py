"""PEFT LoRA adapters: config, low-rank pairs, full replacement tensors, tokenizer size."""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from .inputs import TOKENIZER_FILES, release_pages, torch_load
from .safetensors_file import SafetensorsReader
from ..i18n import tr

_LORA_KEY = re.compile(r"^(?:base_model\.model\.)?(?P<mod>.+?)\.(?P<kind>lora_A|lora_B|lora_embedding_A|lora_embedding_B)"
                       r"(?:\.default)?(?:\.weight)?$")
_UNSUPPORTED = ("lora_magnitude_vector", "lora_B.bias", "hada_w", "lokr_", "ia3_l")


@dataclass
class LowRank:
    a: str              # tensor names in the adapter file
    b: str
    scale: float
    embedding: bool     # lora_embedding_A/B: delta is (B @ A)^T


@dataclass
class LoraAdapter:
    folder: Path
    config: dict
    low_rank: dict = field(default_factory=dict)     # HF key -> LowRank
    full: dict = field(default_factory=dict)         # HF key -> tensor name (modules_to_save)
    specs: dict = field(default_factory=dict)        # tensor name -> shape
    tokenizer_size: int | None = None
    weights_file: Path | None = None
    _reader: SafetensorsReader | None = field(default=None, repr=False)
    _sd: dict | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def embed_rows(self) -> int | None:
        key = self.full.get("model.embed_tokens.weight")
        return self.specs[key][0] if key else None

    @property
    def head_rows(self) -> int | None:
        key = self.full.get("lm_head.weight")
        return self.specs[key][0] if key else None

    def delta_shape(self, key: str) -> tuple[int, int]:
        lr = self.low_rank[key]
        rows, cols = self.specs[lr.b][0], self.specs[lr.a][1]
        return (cols, rows) if lr.embedding or self.config.get("fan_in_fan_out") else (rows, cols)

    def hidden_size(self) -> int | None:
        """The base model's width this LoRA was trained for (from any attention projection)."""
        for key in sorted(self.low_rank):
            if key.endswith(("q_proj.weight", "k_proj.weight", "v_proj.weight", "gate_proj.weight", "up_proj.weight")):
                return self.delta_shape(key)[1]
            if key.endswith(("o_proj.weight", "down_proj.weight")):
                return self.delta_shape(key)[0]
        for key in self.full.values():
            return self.specs[key][-1]
        return None

    # reading ---------------------------------------------------------------
    def _tensor(self, name: str):
        if self._reader is not None:
            return self._reader.read(name)
        t = self._sd[name]
        out = t.clone()
        release_pages(t)
        return out

    def read_full(self, key: str):
        return self._tensor(self.full[key])

    def add_delta(self, key: str, w) -> None:
        """w (float32, HF layout) += scale * B @ A, in place, without a full-size temporary."""
        lr = self.low_rank[key]
        a, b = self._tensor(lr.a).float(), self._tensor(lr.b).float()
        if lr.embedding or self.config.get("fan_in_fan_out"):
            w.addmm_(a.t(), b.t(), alpha=lr.scale)
        else:
            w.addmm_(b, a, alpha=lr.scale)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
        self._sd = None


_SPECIAL_KEYS = ("bos_token", "eos_token", "unk_token", "pad_token", "sep_token", "cls_token", "mask_token")


def _special_tokens(data: dict) -> list[str]:
    found = [data.get(k) for k in _SPECIAL_KEYS] + list(data.get("additional_special_tokens") or [])
    return [t.get("content") if isinstance(t, dict) else t for t in found if t]


def tokenizer_size(folder: Path) -> int | None:
    """len(tokenizer) for the tokenizer files in ``folder`` (None if there are none).

    Counted from the files, as transformers' LlamaTokenizer counts them (SentencePiece
    pieces, plus added tokens, plus special tokens the pieces lack, e.g. Alpaca's [PAD]
    named only in special_tokens_map.json), so transformers is not imported for this.
    """
    folder = Path(folder)
    added: dict[str, int | None] = {}     # token text -> id (None: appended at the end)
    specials: list[str] = []
    for name in ("tokenizer_config.json", "special_tokens_map.json"):
        if (folder / name).exists():
            data = json.loads((folder / name).read_text(encoding="utf-8"))
            for i, tok in (data.get("added_tokens_decoder") or {}).items():
                added[tok["content"]] = int(i)
            specials += _special_tokens(data)
    if (folder / "added_tokens.json").exists():
        added.update({t: int(i) for t, i in json.loads((folder / "added_tokens.json").read_text(encoding="utf-8")).items()})
    if (folder / "tokenizer.model").exists():
        import sentencepiece

        sp = sentencepiece.SentencePieceProcessor(model_file=str(folder / "tokenizer.model"))
        base = sp.get_piece_size()
        known = lambda tok: sp.piece_to_id(tok) != sp.unk_id() or tok == sp.id_to_piece(sp.unk_id())  # noqa: E731
    elif (folder / "tokenizer.json").exists():
        data = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
        vocab = data["model"]["vocab"]
        base = len(vocab)
        pieces = set(vocab) if isinstance(vocab, dict) else {v[0] for v in vocab}
        added.update({t["content"]: int(t["id"]) for t in data.get("added_tokens", [])})
        known = pieces.__contains__
    else:
        return None
    for tok in specials:
        if tok not in added and not known(tok):
            added[tok] = None
    return base + sum(1 for tok, i in added.items() if (i is None or i >= base) and not known(tok))


def _scale(config: dict, module: str) -> float:
    r, alpha = config.get("r", 8), config.get("lora_alpha", 8)
    for pattern, value in (config.get("rank_pattern") or {}).items():
        if re.match(rf"(.*\.)?({pattern})$", module):
            r = value
            break
    for pattern, value in (config.get("alpha_pattern") or {}).items():
        if re.match(rf"(.*\.)?({pattern})$", module):
            alpha = value
            break
    return alpha / math.sqrt(r) if config.get("use_rslora") else alpha / r


def open_lora(folder) -> LoraAdapter:
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise UserError(tr("LoRA folder {folder} does not exist.", folder=folder), tr("Check the path, or download the LoRA first."))
    cfg_path = folder / "adapter_config.json"
    if not cfg_path.exists():
        if (folder / "config.json").exists():
            raise UserError(tr("{folder} is a full model, not a LoRA (no adapter_config.json).", folder=folder),
                            tr("Use it as the base model, or pick the LoRA's folder."))
        raise UserError(tr("{folder} has no adapter_config.json: it is not a PEFT LoRA folder.", folder=folder),
                        tr("Pick the folder that holds adapter_config.json and adapter_model.bin/.safetensors."))
    try:
        config = json.loads(cfg_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(tr("{cfg_path} is not valid JSON ({exc}).", cfg_path=cfg_path, exc=exc),
                        tr("The LoRA download is damaged or incomplete: download the LoRA again.")) from None
    if not isinstance(config, dict):
        raise UserError(tr("{cfg_path} is not a JSON object.", cfg_path=cfg_path), tr("Download the LoRA again."))
    peft_type = str(config.get("peft_type", "LORA")).upper()
    if peft_type != "LORA":
        raise UserError(tr("{name} is a {peft_type} adapter; only LoRA adapters can be merged.", name=folder.name, peft_type=peft_type),
                        tr("Choose a LoRA (peft_type LORA), such as the Chinese-LLaMA/Alpaca LoRAs."))
    if config.get("use_dora"):
        raise UserError(tr("{name} is a DoRA adapter, which this merge does not support.", name=folder.name),
                        tr("Merge it with PEFT's merge_and_unload instead."))
    adapter = LoraAdapter(folder=folder, config=config)
    st, pt = folder / "adapter_model.safetensors", folder / "adapter_model.bin"
    if st.exists():
        adapter.weights_file = st
        adapter._reader = SafetensorsReader(st)
        names = {k: adapter._reader.shape(k) for k in adapter._reader.keys()}
    elif pt.exists():
        adapter.weights_file = pt
        adapter._sd = torch_load(pt)
        names = {k: tuple(t.shape) for k, t in adapter._sd.items()}
    else:
        raise UserError(tr("{name} has adapter_config.json but no adapter_model.bin or adapter_model.safetensors.", name=folder.name),
                        tr("The download is incomplete; download the LoRA again."))
    adapter.specs = names
    pairs: dict[str, dict] = {}
    for name in names:
        if any(u in name for u in _UNSUPPORTED):
            raise UserError(tr("{name} uses a LoRA variant this merge does not support ({name2}).", name=folder.name, name2=name),
                            tr("Merge it with PEFT's merge_and_unload instead, or choose a plain LoRA."))
        m = _LORA_KEY.match(name)
        if m:
            kind = m.group("kind")
            pairs.setdefault(m.group("mod"), {})[kind[-1]] = name
            pairs[m.group("mod")]["embedding"] = kind.startswith("lora_embedding")
            continue
        key = name.removeprefix("base_model.model.").replace(".modules_to_save.default.", ".")
        key = key.replace(".original_module.", ".")
        adapter.full[key] = name
    for mod, pair in pairs.items():
        if "A" not in pair or "B" not in pair:
            raise UserError(tr("{name} is damaged: {mod} has only one of lora_A / lora_B.", name=folder.name, mod=mod),
                            tr("Download the LoRA again."))
        adapter.low_rank[f"{mod}.weight"] = LowRank(pair["A"], pair["B"], _scale(config, mod), pair["embedding"])
    if not adapter.low_rank and not adapter.full:
        raise UserError(tr("{name}'s adapter file holds no LoRA weights.", name=folder.name), tr("Download the LoRA again."))
    adapter.tokenizer_size = tokenizer_size(folder)
    return adapter


def copy_tokenizer_files(src: Path, dst: Path) -> list[str]:
    import shutil

    copied = []
    for name in TOKENIZER_FILES:
        if (src / name).exists():
            shutil.copyfile(src / name, dst / name)
            copied.append(name)
    return copied
