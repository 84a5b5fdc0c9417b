"""Shared inputs of the journey tests: a tiny k-quant-friendly base LLaMA and a Plus-style LoRA pair.

Dims 256/512 suit llama.cpp's 256-wide k-quant blocks, so Q4_K_M really runs.
The LoRAs are copied into the models folder under their catalog ids, as if the
Models page had downloaded them, so every page sees the same catalog model.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.merge_fixtures import ALL_PROJ, EMBED

DIMS = dict(hidden=256, intermediate=512, heads=4, layers=2)
TARGET = "chinese-alpaca-plus-7b"                      # chain: chinese-llama-plus-7b, chinese-alpaca-plus-7b
PROMPT = "你好，请介绍一下你自己。"


def build_inputs(models) -> tuple[Path, Path, Path]:
    """(base with the LLaMA tokenizer 32000, LLaMA-Plus LoRA -> 49953, Alpaca-Plus LoRA -> 49954)."""
    base = models.llama(**DIMS)
    llama_plus = models.lora(base, targets=ALL_PROJ, modules_to_save=EMBED, tokenizer="chinese_llama")
    cn_base = models.llama(tokenizer="chinese_llama", seed=3, **DIMS)
    alpaca_plus = models.lora(cn_base, r=8, alpha=32, targets=ALL_PROJ, modules_to_save=EMBED,
                              tokenizer="chinese_alpaca", safetensors=False, seed=2)
    return base, llama_plus, alpaca_plus


def install_loras(settings, llama_plus: Path, alpaca_plus: Path) -> list[Path]:
    """Place the LoRAs where downloads go (<models>/lora/<id>); returns them in merge order."""
    from engine.layout import lora_dir

    dests = [lora_dir(settings, "chinese-llama-plus-7b"), lora_dir(settings, TARGET)]
    for src, dest in zip((llama_plus, alpaca_plus), dests):
        shutil.copytree(src, dest)
    return dests


def gguf_vocab(path: Path) -> int:
    """Vocabulary size written in a GGUF file's metadata (tokens list), read with the gguf package."""
    from gguf import GGUFReader

    reader = GGUFReader(str(path))
    return len(reader.fields["tokenizer.ggml.tokens"].data)


def gguf_file_type(path: Path) -> int:
    from gguf import GGUFReader

    return int(GGUFReader(str(path)).fields["general.file_type"].contents())
