"""Where things live inside the user's models folder (Settings → Models folder).

    <models>/lora/<catalog-id>/        downloaded LoRA folders (adapter + tokenizer)
    <models>/tokenizers/               tokenizers trained on the Train page (vocabulary tab)
    <models>/base/<name>/              original LLaMA weights copied or downloaded here
    <models>/base.json                 registered base LLaMA folders living elsewhere
    <models>/merged/<name>/            merge outputs (HF or pth)
    <models>/gguf/<name>.gguf          converted and quantized GGUF files
    <models>/adapters/<name>/          LoRAs trained on the Train page
    <models>/datasets/ceval-exam/      C-Eval data (dev/, val/, test/), downloaded by the Evaluate page
    <models>/evals/<run>/              C-Eval runs (summary.json, predictions.json, run.json)

Pages derive a model's state (downloaded, merged, quantized) from what is on
disk here, never from a remembered flag.
"""
from __future__ import annotations

from pathlib import Path

from .settings import Settings


def models_root(settings: Settings) -> Path:
    root = settings.resolved_models_dir()
    root.mkdir(parents=True, exist_ok=True)
    return root


def lora_root(settings: Settings) -> Path:
    """The folder of downloaded LoRAs (not created: readers only look)."""
    return models_root(settings) / "lora"


def lora_dir(settings: Settings, model_id: str) -> Path:
    return lora_root(settings) / model_id


def base_dir(settings: Settings, name: str) -> Path:
    return models_root(settings) / "base" / name


def base_registry_file(settings: Settings) -> Path:
    return models_root(settings) / "base.json"


def merged_root(settings: Settings) -> Path:
    """The folder of every merge output (not created: readers only look)."""
    return models_root(settings) / "merged"


def merged_dir(settings: Settings, name: str) -> Path:
    return merged_root(settings) / name


def gguf_root(settings: Settings) -> Path:
    """The folder of converted and quantized GGUF files (not created: readers only look)."""
    return models_root(settings) / "gguf"


def gguf_dir(settings: Settings) -> Path:
    path = gguf_root(settings)
    path.mkdir(parents=True, exist_ok=True)
    return path


def adapters_dir(settings: Settings) -> Path:
    return models_root(settings) / "adapters"


def tokenizers_dir(settings: Settings) -> Path:
    return models_root(settings) / "tokenizers"


def datasets_dir(settings: Settings) -> Path:
    return models_root(settings) / "datasets"


def evals_dir(settings: Settings) -> Path:
    return models_root(settings) / "evals"
