"""What a path holds: a Hugging Face folder, a Meta folder (params.json + consolidated.NN.pth),
a GGUF file, or a LoRA adapter; and which weight files an HF folder is made of.

One detector for merge, convert, chat, verification and the library.  Callers word
their own refusals (a LoRA where a base model is wanted...), from the kind found here.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from ..errors import UserError
from ..i18n import tr

HF, META, GGUF, LORA = "hf", "meta-pth", "gguf", "lora"
GGUF_MAGIC = b"GGUF"
INDEX_FILES = (("model.safetensors.index.json", "model.safetensors"),
               ("pytorch_model.bin.index.json", "pytorch_model.bin"))


def is_gguf_file(path: os.PathLike | str) -> bool:
    """A .gguf name, or GGUF's magic bytes at the start."""
    path = Path(path)
    if not path.is_file():
        return False
    if path.suffix.lower() == ".gguf":
        return True
    try:
        with open(path, "rb") as f:
            return f.read(4) == GGUF_MAGIC
    except OSError:
        return False


def meta_parts(folder: os.PathLike | str) -> list[Path]:
    return sorted(Path(folder).glob("consolidated.*.pth"))


def is_meta_folder(folder: os.PathLike | str) -> bool:
    """Meta's layout: params.json + consolidated.NN.pth (upstream merge's default output)."""
    folder = Path(folder)
    return (folder / "params.json").is_file() and bool(meta_parts(folder))


def is_lora_folder(folder: os.PathLike | str) -> bool:
    return (Path(folder) / "adapter_config.json").is_file()


def folder_kind(folder: os.PathLike | str) -> Optional[str]:
    """META, HF, LORA or GGUF (a folder with exactly one .gguf file) for a folder; None if none fits."""
    folder = Path(folder)
    if not folder.is_dir():
        return None
    if is_meta_folder(folder):
        return META
    if (folder / "config.json").is_file():
        return HF
    if is_lora_folder(folder):
        return LORA
    if len(list(folder.glob("*.gguf"))) == 1:
        return GGUF
    return None


def path_kind(path: os.PathLike | str) -> Optional[str]:
    """The kind of a file (GGUF only) or folder; None if it is neither."""
    path = Path(path)
    if path.is_file():
        return GGUF if is_gguf_file(path) else None
    return folder_kind(path)


def single_gguf(folder: os.PathLike | str) -> Path:
    return sorted(Path(folder).glob("*.gguf"))[0]


def hf_weight_files(folder: os.PathLike | str) -> list[Path]:
    """The checkpoint files of an HF folder, single or sharded, safetensors preferred.

    An index names the shards (every one must be there); without one, every
    ``*.safetensors`` file, else every ``pytorch_model*.bin``.
    """
    folder = Path(folder)
    for index_name, _single in INDEX_FILES:
        index = folder / index_name
        if index.exists():
            try:
                weight_map = json.loads(index.read_text(encoding="utf-8"))["weight_map"]
                names = sorted(set(weight_map.values()))
            except (ValueError, KeyError, TypeError, AttributeError):
                raise UserError(f"{index} is damaged or incomplete (no readable weight_map).",
                                "Download or copy it again with the model.") from None
            missing = [n for n in names if not (folder / n).exists()]
            if missing:
                raise UserError(f"{folder} is incomplete: {', '.join(missing)} missing (listed in {index_name}).",
                                "Download the missing weight files again (or copy every shard into the folder).")
            return [folder / n for n in names]
    found = sorted(folder.glob("*.safetensors")) or sorted(folder.glob("pytorch_model*.bin"))
    if found:
        return found
    if meta_parts(folder):
        raise UserError(f"{folder} holds consolidated.NN.pth weights but no params.json.",
                        "Copy the params.json that came with these weights into the folder.")
    raise UserError(f"No model weights in {folder} (*.safetensors or pytorch_model*.bin).",
                    "Check that the download finished, or choose a LLaMA model folder: Hugging Face "
                    "(config.json with model.safetensors or pytorch_model.bin) or Meta (params.json "
                    "with consolidated.00.pth).")


def is_hf_model(folder: os.PathLike | str) -> bool:
    """An HF model folder with weights in it (config.json and safetensors, pytorch_model*.bin or
    an index): what transformers can load, as the model list shows it."""
    folder = Path(folder)
    if folder_kind(folder) != HF:
        return False
    return (any(folder.glob("*.safetensors")) or any(folder.glob("pytorch_model*.bin"))
            or any((folder / index).is_file() for index, _single in INDEX_FILES))


def has_tokenizer(folder: os.PathLike | str) -> bool:
    folder = Path(folder)
    return (folder / "tokenizer.model").exists() or (folder / "tokenizer.json").exists()


def tokenizer_dir(folder: os.PathLike | str) -> Path:
    """Where the tokenizer of a model folder lives: the folder itself, or for a Meta folder also its
    parent (llama.cpp's zh-models/tokenizer.model + zh-models/7B/consolidated.00.pth)."""
    folder = Path(folder)
    if is_meta_folder(folder) and not has_tokenizer(folder) and has_tokenizer(folder.parent):
        return folder.parent
    return folder


def read_json(path: Path) -> dict:
    """A small JSON file of a checkpoint (config.json, params.json...); damage is a UserError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        from ..errors import user_error_from_os
        raise user_error_from_os(exc, path, tr("read")) from None
    except ValueError as exc:
        raise UserError(f"{path} is not valid JSON ({exc}).", "Restore the file from the original model.") from None
    if not isinstance(data, dict):
        raise UserError(f"{path} is not a JSON object.", "Restore the file from the original model.")
    return data
