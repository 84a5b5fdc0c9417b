"""Checks made before any heavy work: vocabulary pairs (upstream's rules and text), a LoRA's base, disk space."""
from __future__ import annotations

import json
import os
from pathlib import Path

from engine.errors import UserError
from engine.i18n import tr

LLAMA, CHINESE_LLAMA, CHINESE_ALPACA = 32000, 49953, 49954
PT_VALID_PAIRS = {(LLAMA, LLAMA), (LLAMA, CHINESE_LLAMA), (CHINESE_LLAMA, CHINESE_LLAMA),
                  (CHINESE_ALPACA, CHINESE_ALPACA)}

PT_PAIR_MESSAGE = (
    "The combination of base model (size: {model}) and tokenizer (size: {tok}) is not a valid configuration. "
    "Please check our project wiki for further information. \n"
    "Valid configurations (base model / tokenizer):\n"
    "- Continue pre-training original LLaMA: 32000 / 32000 \n"
    "- Pre-training Chinese LLaMA based on original LLaMA: 32000 / 49953 \n"
    "- Continue pre-training Chinese LLaMA: 49953 / 49953 \n"
    "- Continue pre-training Chinese Alpaca: 49954 / 49954 \n")
SFT_TOKENIZER_MESSAGE = "The vocab size of the tokenizer must be 49954, but found {tok}.\nPlease use Chinese Alpaca tokenizer!"


def base_vocab_size(base_dir: os.PathLike | str) -> int:
    """The base model's vocabulary (rows of its output embedding) from config.json."""
    path = Path(base_dir) / "config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(tr("{base_dir}: no config.json — not a Hugging Face model folder.", base_dir=base_dir),
                        tr("Give --base an HF-format LLaMA (a merged model, or the LLaMA converted to HF).")) from None
    except ValueError as exc:
        raise UserError(tr("{path}: not valid JSON ({exc}).", path=path, exc=exc), tr("Restore the model's config.json.")) from None
    if "vocab_size" not in config:
        raise UserError(tr("{path}: has no vocab_size.", path=path), tr("Give --base an HF-format LLaMA model folder."))
    return int(config["vocab_size"])


def check_pt_pair(model_vocab: int, tokenizer_vocab: int) -> None:
    """Upstream ``run_clm_pt_with_peft.py``'s check (ValueError text kept word for word)."""
    if (model_vocab, tokenizer_vocab) not in PT_VALID_PAIRS:
        raise UserError(PT_PAIR_MESSAGE.format(model=model_vocab, tok=tokenizer_vocab).strip(),
                        tr("Use the tokenizer that belongs to this base (--tokenizer DIR)."))


def check_sft_tokenizer(tokenizer_vocab: int, as_given: int | None = None) -> None:
    """Upstream ``run_clm_sft_with_peft.py``: the tokenizer must have 49954 tokens.  Beyond upstream, [PAD] is
    added first when missing (the Chinese-LLaMA tokenizer then becomes Alpaca's); the message names the size
    of the tokenizer as given."""
    if tokenizer_vocab != CHINESE_ALPACA:
        raise UserError(SFT_TOKENIZER_MESSAGE.format(tok=as_given if as_given is not None else tokenizer_vocab),
                        tr("(--tokenizer DIR: the Chinese-LLaMA tokenizer gets [PAD] added; the Alpaca one has it.)"))


def check_sft_base(model_vocab: int, tokenizer_vocab: int) -> None:
    """The base must be one the Alpaca tokenizer can extend: LLaMA, Chinese-LLaMA or Chinese-Alpaca."""
    if model_vocab not in (LLAMA, CHINESE_LLAMA, CHINESE_ALPACA) or model_vocab > tokenizer_vocab:
        raise UserError(
            tr("The base model's vocabulary ({model_vocab}) does not fit the tokenizer ({tokenizer_vocab}).", model_vocab=model_vocab, tokenizer_vocab=tokenizer_vocab),
            tr("SFT trains a LLaMA (32000), Chinese-LLaMA (49953) or Chinese-Alpaca (49954) with the Alpaca tokenizer."))


def check_lora_for_base(lora_dir: os.PathLike | str, base_dir: os.PathLike | str, tokenizer_vocab: int) -> dict:
    """A LoRA to continue from must be a PEFT folder for a model of this shape and vocabulary."""
    lora_dir = Path(lora_dir)
    cfg_path = lora_dir / "adapter_config.json"
    if not cfg_path.is_file():
        raise UserError(tr("{lora_dir}: no adapter_config.json — not a PEFT LoRA folder.", lora_dir=lora_dir),
                        tr("Give --peft-path a LoRA folder (adapter_config.json + adapter_model.*)."))
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    weights = [lora_dir / n for n in ("adapter_model.safetensors", "adapter_model.bin") if (lora_dir / n).is_file()]
    if not weights:
        raise UserError(tr("{lora_dir}: no adapter_model.safetensors or adapter_model.bin.", lora_dir=lora_dir),
                        tr("The LoRA folder is incomplete; copy it again."))
    base_cfg = json.loads((Path(base_dir) / "config.json").read_text(encoding="utf-8"))
    hidden = int(base_cfg.get("hidden_size", 0))
    shapes = _tensor_shapes(weights[0])
    for name, shape in shapes.items():
        if "lora_A" in name and ("q_proj" in name or "v_proj" in name) and len(shape) == 2 and shape[1] != hidden:
            raise UserError(tr("{lora_dir}: this LoRA was trained for a model of width {value}, the base {base_dir} has {hidden}.", lora_dir=lora_dir, value=shape[1], base_dir=base_dir, hidden=hidden), tr("Continue it on the base it was made for."))
        if ("embed_tokens" in name or "lm_head" in name) and "lora" not in name and len(shape) == 2 \
                and shape[0] != tokenizer_vocab:
            raise UserError(tr("{lora_dir}: its embeddings have {value} rows, the tokenizer {tokenizer_vocab} tokens.", lora_dir=lora_dir, value=shape[0], tokenizer_vocab=tokenizer_vocab),
                            tr("Use the tokenizer saved with the LoRA (--tokenizer that LoRA folder)."))
    return cfg


def _tensor_shapes(path: Path) -> dict[str, tuple]:
    if path.suffix == ".safetensors":
        import struct
        with open(path, "rb") as f:
            n = struct.unpack("<Q", f.read(8))[0]
            header = json.loads(f.read(n))
        return {k: tuple(v["shape"]) for k, v in header.items() if k != "__metadata__"}
    import torch
    sd = torch.load(path, map_location="meta", weights_only=True)
    return {k: tuple(v.shape) for k, v in sd.items()}


def check_output(out_dir: os.PathLike | str, needed: float, resume: bool) -> None:
    """The output folder: new, empty, or an earlier run of ours (only with --resume); enough disk."""
    from engine.diskspace import require_space

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UserError(tr("{out}: exists and is a file.", out=out), tr("Give --out a folder."))
    if out.is_dir() and not resume and (out / "checkpoints").is_dir() and any((out / "checkpoints").iterdir()):
        raise UserError(tr("{out}: holds checkpoints of an earlier run.", out=out),
                        tr("Add --resume to continue it, or choose another --out folder."))
    require_space(out, needed, tr("training checkpoints and the LoRA"),
                  hint=tr("Free up space, or give --out a folder on another disk."))
